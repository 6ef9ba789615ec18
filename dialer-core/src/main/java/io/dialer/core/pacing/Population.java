/*
 * Dialer core: pacing.
 */
package io.dialer.core.pacing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.dialer.qualification.Problems;
import io.dialer.qualification.ValidationError;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A population for the pacing simulator, read from a YAML file (format in {@code docs/pacing.md}): who answers, what
 * the detector says, who qualifies, how long each step takes, how patient callers are on hold, the closers and what
 * they do during the run. Every error names the file, line and column.
 */
public final class Population
{
    private static final Set<String> TOP_KEYS = Set.of("name", "run", "answer_rate", "human_share",
        "false_machine_share", "qualification_rate", "closers", "times", "pacing", "events");
    private static final Set<String> TIME_KEYS = Set.of("ring", "no_answer", "detection", "script", "briefing",
        "talk", "wrap_up", "patience");
    private static final Set<String> DIST_KEYS = Set.of("mean", "sd");
    private static final Set<String> PACING_KEYS = Set.of("target_abandon_rate", "max_lines_per_closer",
        "min_calls_before_predicting", "max_hold");
    private static final Set<String> EVENT_KEYS = Set.of("at", "pause", "resume", "leave", "return");

    /**
     * A time distribution: lognormal with a mean and a standard deviation (a constant when the sd is 0).
     *
     * @param meanMs the mean, ms.
     * @param sdMs   the standard deviation, ms.
     */
    public record Times(long meanMs, long sdMs)
    {
        /**
         * A sample.
         *
         * @param random the random source.
         * @return a duration, ms, at least 1.
         */
        public long sample(final RandomGenerator random)
        {
            if (0 == sdMs)
            {
                return Math.max(1, meanMs);
            }
            final double m = meanMs;
            final double s2 = Math.log(1 + (double)sdMs * sdMs / (m * m));
            final double mu = Math.log(m) - s2 / 2;
            return Math.max(1, Math.round(Math.exp(mu + Math.sqrt(s2) * random.nextGaussian())));
        }
    }

    /**
     * Closers changing during the run.
     *
     * @param atMs   when, ms from the start.
     * @param kind   {@code pause}, {@code resume}, {@code leave} or {@code return}.
     * @param count  how many closers.
     */
    public record FloorEvent(long atMs, String kind, int count)
    {
    }

    String name = "population";
    long runMs = 3_600_000;
    double answerRate = 0.25;
    double humanShare = 0.6;
    double falseMachineShare = 0.02;
    double qualificationRate = 0.3;
    int closers = 10;
    Times ring = new Times(10_000, 4_000);
    Times noAnswer = new Times(25_000, 3_000);
    Times detection = new Times(2_500, 700);
    Times script = new Times(45_000, 15_000);
    Times briefing = new Times(8_000, 3_000);
    Times talk = new Times(180_000, 90_000);
    Times wrapUp = new Times(20_000, 10_000);
    Times patience = new Times(30_000, 20_000);
    double targetAbandonRate = PredictivePacer.TARGET_ABANDON_RATE_DEFAULT;
    int maxLinesPerCloser = PredictivePacer.MAX_LINES_PER_CLOSER_DEFAULT;
    int minCallsBeforePredicting = PredictivePacer.MIN_ANSWERS_DEFAULT;
    long maxHoldMs = 60_000;
    final List<FloorEvent> events = new ArrayList<>();

    Population()
    {
    }

    /**
     * The result of reading a population file.
     *
     * @param population the population, valid only when {@code errors} is empty.
     * @param errors     the errors, each with its line and column.
     */
    public record Result(Population population, List<ValidationError> errors)
    {
    }

    /**
     * Reads a population file.
     *
     * @param file the file.
     * @return the population and the errors found.
     */
    public static Result load(final Path file)
    {
        final Problems problems = new Problems(file.toString());
        final String text;
        try
        {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            problems.add(1, 1, "cannot read the file: " + ex.getMessage() + "; check the path");
            return new Result(null, problems.errors());
        }
        return parse(problems, text);
    }

    /**
     * Reads a population from text.
     *
     * @param file the name errors carry.
     * @param text the YAML.
     * @return the population and the errors found.
     */
    public static Result parse(final String file, final String text)
    {
        return parse(new Problems(file), text);
    }

    private static Result parse(final Problems problems, final String text)
    {
        final Population p = new Population();
        final Node root = problems.compose(text);
        if (null == root)
        {
            return new Result(null, problems.errors());
        }
        final Reader r = new Reader(problems);
        final Map<String, NodeTuple> top = problems.mapping(root, "the population", TOP_KEYS);
        final String name = r.text(value(top, "name"), "name");
        p.name = null == name ? p.name : name;
        p.runMs = r.duration(value(top, "run"), "run", 60_000, 30L * 86_400_000, p.runMs);
        p.answerRate = r.share(value(top, "answer_rate"), "answer_rate", p.answerRate);
        p.humanShare = r.share(value(top, "human_share"), "human_share", p.humanShare);
        p.falseMachineShare = r.share(value(top, "false_machine_share"), "false_machine_share",
            p.falseMachineShare);
        p.qualificationRate = r.share(value(top, "qualification_rate"), "qualification_rate", p.qualificationRate);
        p.closers = r.integer(value(top, "closers"), "closers", 1, 10_000, p.closers);
        final Node times = value(top, "times");
        if (null != times)
        {
            final Map<String, NodeTuple> t = problems.mapping(times, "times", TIME_KEYS);
            p.ring = r.times(value(t, "ring"), "times ring", p.ring);
            p.noAnswer = r.times(value(t, "no_answer"), "times no_answer", p.noAnswer);
            p.detection = r.times(value(t, "detection"), "times detection", p.detection);
            p.script = r.times(value(t, "script"), "times script", p.script);
            p.briefing = r.times(value(t, "briefing"), "times briefing", p.briefing);
            p.talk = r.times(value(t, "talk"), "times talk", p.talk);
            p.wrapUp = r.times(value(t, "wrap_up"), "times wrap_up", p.wrapUp);
            p.patience = r.times(value(t, "patience"), "times patience", p.patience);
        }
        final Node pacing = value(top, "pacing");
        if (null != pacing)
        {
            final Map<String, NodeTuple> t = problems.mapping(pacing, "pacing", PACING_KEYS);
            final Node rate = value(t, "target_abandon_rate");
            p.targetAbandonRate = r.share(rate, "pacing target_abandon_rate", p.targetAbandonRate);
            if (null != rate && !(p.targetAbandonRate > 0 && p.targetAbandonRate < 1))
            {
                problems.add(rate, "pacing target_abandon_rate must be above 0 and below 1, like 0.03");
            }
            p.maxLinesPerCloser = r.integer(value(t, "max_lines_per_closer"), "pacing max_lines_per_closer", 1,
                100, p.maxLinesPerCloser);
            p.minCallsBeforePredicting = r.integer(value(t, "min_calls_before_predicting"),
                "pacing min_calls_before_predicting", 0, 1_000_000, p.minCallsBeforePredicting);
            p.maxHoldMs = r.duration(value(t, "max_hold"), "pacing max_hold", 1_000, 3_600_000, p.maxHoldMs);
        }
        readEvents(problems, r, value(top, "events"), p);
        return new Result(problems.isEmpty() ? p : null, problems.errors());
    }

    private static void readEvents(final Problems problems, final Reader r, final Node node, final Population p)
    {
        if (null == node)
        {
            return;
        }
        if (!(node instanceof SequenceNode))
        {
            problems.add(node, "events must be a list of {at: 1h, pause: 3} items, found " +
                Problems.describe(node));
            return;
        }
        for (final Node item : ((SequenceNode)node).getValue())
        {
            final Map<String, NodeTuple> e = problems.mapping(item, "an event", EVENT_KEYS);
            final long at = r.duration(value(e, "at"), "event at", 0, p.runMs, -1);
            if (null == value(e, "at"))
            {
                problems.add(item, "missing 'at' in an event (when, like 1h30m from the start)");
            }
            String kind = null;
            for (final String k : new String[]{"pause", "resume", "leave", "return"})
            {
                if (null != value(e, k))
                {
                    if (null != kind)
                    {
                        problems.add(value(e, k), "an event does one thing: '" + kind + "' or '" + k +
                            "', not both; write two events");
                    }
                    kind = k;
                }
            }
            if (null == kind)
            {
                problems.add(item, "an event needs one of pause, resume, leave or return with a count of closers");
                continue;
            }
            final int count = r.integer(value(e, kind), "event " + kind, 1, 10_000, 0);
            if (at >= 0 && count > 0)
            {
                p.events.add(new FloorEvent(at, kind, count));
            }
        }
        p.events.sort((a, b) -> Long.compare(a.atMs(), b.atMs()));
    }

    private static Node value(final Map<String, NodeTuple> fields, final String key)
    {
        final NodeTuple tuple = fields.get(key);
        return null == tuple ? null : tuple.getValueNode();
    }

    /**
     * @return the population's name.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return the simulated run, ms.
     */
    public long runMs()
    {
        return runMs;
    }

    /**
     * @return the abandonment rate the predictive pacer keeps under.
     */
    public double targetAbandonRate()
    {
        return targetAbandonRate;
    }

    /**
     * @return the closers logged in at the start.
     */
    public int closers()
    {
        return closers;
    }

    /**
     * @return the closers' changes during the run, by time.
     */
    public List<FloorEvent> events()
    {
        return Collections.unmodifiableList(events);
    }

    /**
     * Reads scalars with positioned errors.
     */
    private static final class Reader
    {
        private final Problems problems;

        Reader(final Problems problems)
        {
            this.problems = problems;
        }

        String text(final Node node, final String what)
        {
            if (null == node)
            {
                return null;
            }
            if (!(node instanceof ScalarNode) || ((ScalarNode)node).getValue().isBlank())
            {
                problems.add(node, what + " must be a single value, found " + Problems.describe(node));
                return null;
            }
            return ((ScalarNode)node).getValue().trim();
        }

        double share(final Node node, final String what, final double defaultValue)
        {
            final String text = text(node, what);
            if (null == text)
            {
                return defaultValue;
            }
            try
            {
                final double value = text.endsWith("%") ?
                    Double.parseDouble(text.substring(0, text.length() - 1)) / 100 : Double.parseDouble(text);
                if (value >= 0 && value <= 1)
                {
                    return value;
                }
            }
            catch (final NumberFormatException ignore)
            {
                // reported below
            }
            problems.add(node, what + " must be a share from 0 to 1 (or a percentage like 25%), found '" + text +
                "'");
            return defaultValue;
        }

        int integer(final Node node, final String what, final int min, final int max, final int defaultValue)
        {
            final String text = text(node, what);
            if (null == text)
            {
                return defaultValue;
            }
            try
            {
                final int value = Integer.parseInt(text);
                if (value >= min && value <= max)
                {
                    return value;
                }
            }
            catch (final NumberFormatException ignore)
            {
                // reported below
            }
            problems.add(node, what + " must be a whole number from " + min + " to " + max + ", found '" + text + "'");
            return defaultValue;
        }

        long duration(final Node node, final String what, final long min, final long max, final long defaultValue)
        {
            final String text = text(node, what);
            if (null == text)
            {
                return defaultValue;
            }
            final long ms = parseDuration(text);
            if (ms >= min && ms <= max)
            {
                return ms;
            }
            problems.add(node, what + " must be a duration like 500ms, 25s, 30m, 2h or 1h30m from " + min +
                " ms to " + max + " ms, found '" + text + "'");
            return defaultValue;
        }

        Times times(final Node node, final String what, final Times defaultValue)
        {
            if (null == node)
            {
                return defaultValue;
            }
            if (!(node instanceof MappingNode))
            {
                problems.add(node, what + " must be a mapping like {mean: 30s, sd: 10s}, found " +
                    Problems.describe(node));
                return defaultValue;
            }
            final Map<String, NodeTuple> fields = problems.mapping(node, what, DIST_KEYS);
            if (null == value(fields, "mean"))
            {
                problems.add(node, what + " needs a mean, like {mean: 30s, sd: 10s}");
                return defaultValue;
            }
            final long mean = duration(value(fields, "mean"), what + " mean", 1, 86_400_000, defaultValue.meanMs());
            final long sd = duration(value(fields, "sd"), what + " sd", 0, 86_400_000, 0);
            return new Times(mean, sd);
        }
    }

    /**
     * A duration: one or more whole numbers each with a unit ({@code ms}, {@code s}, {@code m}, {@code h}), like
     * {@code 1h30m} or {@code 2500ms}.
     *
     * @param text the text.
     * @return ms, or -1 when it is not a duration.
     */
    static long parseDuration(final String text)
    {
        long total = 0;
        int i = 0;
        final int n = text.length();
        if (0 == n)
        {
            return -1;
        }
        while (i < n)
        {
            final int start = i;
            while (i < n && Character.isDigit(text.charAt(i)))
            {
                i++;
            }
            if (start == i || i - start > 9)
            {
                return -1;
            }
            final long amount = Long.parseLong(text.substring(start, i));
            final long unit;
            if (text.startsWith("ms", i))
            {
                unit = 1;
                i += 2;
            }
            else if (i < n && 's' == text.charAt(i))
            {
                unit = 1_000;
                i++;
            }
            else if (i < n && 'm' == text.charAt(i))
            {
                unit = 60_000;
                i++;
            }
            else if (i < n && 'h' == text.charAt(i))
            {
                unit = 3_600_000;
                i++;
            }
            else
            {
                return -1;
            }
            total += amount * unit;
        }
        return total;
    }
}
