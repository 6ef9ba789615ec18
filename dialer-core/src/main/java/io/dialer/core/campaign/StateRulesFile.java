/*
 * Campaigns.
 */
package io.dialer.core.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.dialer.core.compliance.CallingWindow;
import io.dialer.core.compliance.StateRules;
import io.dialer.qualification.Problems;
import io.dialer.qualification.TextFile;
import io.dialer.qualification.ValidationError;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a state rules file (YAML; the shipped {@link #SHIPPED_RESOURCE} and a manager's override, described in
 * {@code docs/compliance-rules.md}) into {@link StateRules}, every problem an error with file, line and column.
 */
public final class StateRulesFile
{
    /**
     * The shipped rules, a class path resource of dialer-core.
     */
    public static final String SHIPPED_RESOURCE = "/io/dialer/core/compliance/us-state-rules.yaml";

    /**
     * The name the shipped file's errors are reported against.
     */
    public static final String SHIPPED_NAME = "us-state-rules.yaml (shipped)";

    private static final Set<String> TOP_KEYS = keys("compiled", "holiday_sets", "common", "states");
    private static final Set<String> STATE_KEYS = keys("start", "end", "max_calls_per_24h", "holidays",
        "closed_days", "basis");
    private static final Set<String> COMMON_KEYS = keys("holidays", "closed_days");

    private final YamlChecker checker;
    private final Map<String, List<LocalDate>> sets = new LinkedHashMap<>();
    private boolean hasCommon;

    private StateRulesFile(final String file)
    {
        this.checker = new YamlChecker(file);
    }

    /**
     * The shipped rules.
     *
     * @return the rules (the shipped file is checked by the build's tests, so never has errors).
     * @throws IllegalStateException when the resource is missing or broken.
     */
    public static StateRules shipped()
    {
        return Shipped.RULES;
    }

    /**
     * The shipped rules, read once when first asked for (they are immutable).
     */
    private static final class Shipped
    {
        static final StateRules RULES = readShipped();

        private static StateRules readShipped()
        {
            final Result result = read(SHIPPED_NAME, shippedText());
            if (!result.errors().isEmpty())
            {
                throw new IllegalStateException("shipped state rules: " + result.errors());
            }
            return result.rules();
        }
    }

    /**
     * The shipped rules' text.
     *
     * @return the YAML.
     */
    public static String shippedText()
    {
        try (InputStream in = StateRulesFile.class.getResourceAsStream(SHIPPED_RESOURCE))
        {
            if (null == in)
            {
                throw new IllegalStateException("missing resource " + SHIPPED_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Whether a YAML text looks like a state rules file: a top-level {@code states:} or {@code holiday_sets:} key.
     *
     * @param yaml the text.
     * @return true when it looks like one.
     */
    public static boolean looksLikeStateRules(final String yaml)
    {
        return YamlChecker.hasTopLevelKey(yaml, "states") || YamlChecker.hasTopLevelKey(yaml, "holiday_sets");
    }

    /**
     * The shipped rules with a manager's file over them.
     *
     * @param override the override file, or null for the shipped rules alone.
     * @return the merged rules or the override file's errors.
     */
    public static Result withOverride(final Path override)
    {
        final StateRules shipped = shipped();
        if (null == override)
        {
            return new Result(shipped, List.of(), false);
        }
        final Problems problems = new Problems(override.toString());
        final String yaml = TextFile.read(override, problems);
        if (null == yaml)
        {
            return new Result(null, problems.errors(), false);
        }
        final Result result = read(override.toString(), yaml);
        return result.errors().isEmpty() ?
            new Result(shipped.with(result.rules(), result.hasCommon()), List.of(), result.hasCommon()) : result;
    }

    /**
     * Reads rules from text.
     *
     * @param file the name to report errors against (and the rules' source).
     * @param yaml the text.
     * @return the rules or the errors.
     */
    public static Result read(final String file, final String yaml)
    {
        return new StateRulesFile(file).parse(yaml);
    }

    private Result parse(final String yaml)
    {
        final Node root = checker.compose(yaml);
        if (null == root)
        {
            return new Result(null, checker.errors(), false);
        }
        final Map<String, NodeTuple> top = checker.mapping(root, "the state rules", TOP_KEYS);
        final Node compiled = YamlChecker.value(top, "compiled");
        if (null != compiled)
        {
            date(compiled, "compiled");
        }
        final Node setsNode = YamlChecker.value(top, "holiday_sets");
        if (null != setsNode)
        {
            for (final Map.Entry<String, NodeTuple> entry : checker.mapping(setsNode, "holiday_sets", null).entrySet())
            {
                sets.put(entry.getKey(), holidays(entry.getValue().getValueNode(), "holiday_sets " + entry.getKey(),
                    false));
            }
        }
        StateRules.Rule common = new StateRules.Rule(null, null, CallingWindow.NO_CAP, List.of(),
            EnumSet.noneOf(DayOfWeek.class), null);
        final Node commonNode = YamlChecker.value(top, "common");
        if (null != commonNode)
        {
            hasCommon = true;
            final Map<String, NodeTuple> fields = checker.mapping(commonNode, "common", COMMON_KEYS);
            common = new StateRules.Rule(null, null, CallingWindow.NO_CAP,
                holidays(YamlChecker.value(fields, "holidays"), "common holidays", true),
                closedDays(YamlChecker.value(fields, "closed_days"), "common closed_days"), null);
        }
        final Map<String, StateRules.Rule> states = new LinkedHashMap<>();
        final Node statesNode = YamlChecker.value(top, "states");
        if (null != statesNode)
        {
            for (final Map.Entry<String, NodeTuple> entry : checker.mapping(statesNode, "states", null).entrySet())
            {
                final String state = entry.getKey();
                if (!state.matches("[A-Z]{2}"))
                {
                    checker.add(entry.getValue().getKeyNode(), "state '" + state +
                        "' must be a two-letter state code in capitals, like FL");
                    continue;
                }
                states.put(state, rule(state, entry.getValue().getValueNode()));
            }
        }
        return new Result(new StateRules(states, common, checker.file()), checker.errors(), hasCommon);
    }

    private StateRules.Rule rule(final String state, final Node node)
    {
        final String what = "states " + state;
        final Map<String, NodeTuple> fields = checker.mapping(node, what, STATE_KEYS);
        final Node startNode = YamlChecker.value(fields, "start");
        final Node endNode = YamlChecker.value(fields, "end");
        final int start = null == startNode ? -1 : checker.timeOfDay(startNode, what + " start");
        final int end = null == endNode ? -1 : checker.timeOfDay(endNode, what + " end");
        if (start >= 0 && end >= 0 && end <= start)
        {
            checker.add(endNode, what + " end must be after its start");
        }
        final int cap = checker.integer(YamlChecker.value(fields, "max_calls_per_24h"), what + " max_calls_per_24h",
            1, CallingWindow.MAX_CALLS_PER_24H, CallingWindow.NO_CAP);
        final Node basisNode = YamlChecker.value(fields, "basis");
        final String basis = null == basisNode ? null : checker.text(basisNode, what + " basis");
        return new StateRules.Rule(time(start), time(end), cap,
            holidays(YamlChecker.value(fields, "holidays"), what + " holidays", true),
            closedDays(YamlChecker.value(fields, "closed_days"), what + " closed_days"), basis);
    }

    private static LocalTime time(final int minute)
    {
        return minute < 0 ? null : LocalTime.of(minute / 60, minute % 60);
    }

    private List<LocalDate> holidays(final Node node, final String what, final boolean setsAllowed)
    {
        final List<LocalDate> dates = new ArrayList<>();
        if (null == node)
        {
            return dates;
        }
        for (final ScalarNode item : checker.scalars(node, what))
        {
            final String text = item.getValue().trim();
            final List<LocalDate> set = setsAllowed ? sets.get(text) : null;
            if (null != set)
            {
                dates.addAll(set);
            }
            else if (text.matches("\\d{4}-\\d{2}-\\d{2}"))
            {
                final LocalDate date = date(item, what);
                if (null != date)
                {
                    dates.add(date);
                }
            }
            else
            {
                checker.add(item, what + ": '" + text + "' is not a date like 2026-12-25" + (setsAllowed ?
                    " nor a holiday set " + (sets.isEmpty() ? "(holiday_sets has none)" : sets.keySet()) : ""));
            }
        }
        return dates;
    }

    private LocalDate date(final Node node, final String what)
    {
        final String text = checker.text(node, what);
        if (null == text)
        {
            return null;
        }
        try
        {
            return LocalDate.parse(text);
        }
        catch (final DateTimeException ex)
        {
            checker.add(node, what + ": '" + text + "' is not a date like 2026-12-25");
            return null;
        }
    }

    private Set<DayOfWeek> closedDays(final Node node, final String what)
    {
        final Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (null == node)
        {
            return days;
        }
        for (final ScalarNode item : checker.scalars(node, what))
        {
            final String text = item.getValue().trim().toUpperCase(Locale.ROOT);
            try
            {
                days.add(DayOfWeek.valueOf(text));
            }
            catch (final IllegalArgumentException ex)
            {
                checker.add(item, what + ": '" + item.getValue().trim() + "' is not a day of the week like sunday");
            }
        }
        return days;
    }

    private static Set<String> keys(final String... keys)
    {
        return new LinkedHashSet<>(List.of(keys));
    }

    /**
     * The rules read, or the errors.
     *
     * @param rules     the rules, null when the file could not be read.
     * @param errors    every problem, with file, line and column.
     * @param hasCommon whether the file has a {@code common} section.
     */
    public record Result(StateRules rules, List<ValidationError> errors, boolean hasCommon)
    {
    }
}
