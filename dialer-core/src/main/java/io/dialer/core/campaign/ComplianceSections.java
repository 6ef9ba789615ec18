/*
 * Dialer core: campaigns.
 */
package io.dialer.core.campaign;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.dialer.core.compliance.AbandonmentRule;
import io.dialer.core.compliance.CallingWindow;
import io.dialer.core.compliance.DncFileReader;
import io.dialer.core.compliance.DncLoadReport;
import io.dialer.core.compliance.NationalDncList;
import io.dialer.core.lead.RegionNormaliser;
import io.dialer.qualification.ValidationError;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The compliance sections of a campaign file, for {@link CampaignLoader}: the calling window and its per-state
 * overrides, the state rules file, retries, the ring timeout, the do-not-call files and the national registry, and
 * the abandonment rule. Each reads its section into the {@link CampaignFile} and reports what is wrong with its
 * line:col through the loader's {@link YamlChecker}.
 */
final class ComplianceSections
{
    private static final Set<String> WINDOW_KEYS = CampaignLoader.keys("start", "end", "per_state");
    private static final Set<String> STATE_WINDOW_KEYS = CampaignLoader.keys("start", "end", "max_calls_per_24h");
    private static final Set<String> RETRY_KEYS = CampaignLoader.keys("max_attempts", "max_attempts_per_day",
        "delays");
    private static final Set<String> DELAY_KEYS = CampaignLoader.keys("busy", "no_answer", "machine", "failed",
        "hung_up", "abandoned", "callback", "message_left");
    private static final Set<String> DNC_KEYS = CampaignLoader.keys("files", "national");
    private static final Set<String> NATIONAL_KEYS = CampaignLoader.keys("file", "downloaded");
    private static final Set<String> ABANDONMENT_KEYS = CampaignLoader.keys("max_delay_ms", "seller",
        "callback_number", "target_rate", "rule_basis");

    private final YamlChecker checker;
    private final CampaignFile campaign;
    private final boolean contents;
    private final BiFunction<Node, String, Path> fileNamed;

    /**
     * @param checker  the loader's checker.
     * @param campaign what the sections read into.
     * @param contents read the do-not-call files' contents too (validation), not only their names.
     * @param fileNamed the loader's lookup of a file a node names (null and reported when missing).
     */
    ComplianceSections(
        final YamlChecker checker, final CampaignFile campaign, final boolean contents,
        final BiFunction<Node, String, Path> fileNamed)
    {
        this.checker = checker;
        this.campaign = campaign;
        this.contents = contents;
        this.fileNamed = fileNamed;
    }

    void readAbandonment(final Node node)
    {
        if (null == node)
        {
            return;
        }
        final Map<String, NodeTuple> fields = checker.mapping(node, "abandonment", ABANDONMENT_KEYS);
        final int maxDelay = checker.integer(YamlChecker.value(fields, "max_delay_ms"), "abandonment max_delay_ms",
            100, 10_000, (int)AbandonmentRule.MAX_DELAY_DEFAULT_MS);
        final Node sellerNode = checker.required(fields, "seller", node, "abandonment (the safe-harbor message " +
            "names the seller)");
        final String seller = checker.text(sellerNode, "abandonment seller");
        final Node numberNode = checker.required(fields, "callback_number", node, "abandonment (the safe-harbor " +
            "message gives a number to call back)");
        final String number = checker.text(numberNode, "abandonment callback_number");
        String callback = null;
        if (null != number)
        {
            callback = e164(number);
            if (null == callback)
            {
                checker.add(numberNode, "abandonment callback_number '" + number + "' is not a valid number for " +
                    "region " + campaign.defaultRegion + " (the number people call back, like +1 214 555 0100)");
            }
        }
        final double rate = checker.decimal(YamlChecker.value(fields, "target_rate"), "abandonment target_rate",
            (v) -> v >= 0 && v <= 0.5, "a fraction from 0 to 0.5 (0.03 for 3 %)", AbandonmentRule.TARGET_RATE_DEFAULT);
        final Node basisNode = YamlChecker.value(fields, "rule_basis");
        final String basis = null == basisNode ? AbandonmentRule.RULE_BASIS_DEFAULT :
            checker.text(basisNode, "abandonment rule_basis");
        if (null != seller && null != callback && null != basis)
        {
            campaign.abandonment = new AbandonmentRule(maxDelay, seller, callback, rate, basis);
        }
    }

    private String e164(final String number)
    {
        final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try
        {
            final PhoneNumber parsed = util.parse(number, campaign.defaultRegion);
            if (util.isValidNumber(parsed))
            {
                return util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        }
        catch (final NumberParseException ignore)
        {
            // not a number: null
        }
        return null;
    }

    void readWindow(final Node node)
    {
        if (null == node)
        {
            return;
        }
        final Map<String, NodeTuple> fields = checker.mapping(node, "calling_window", WINDOW_KEYS);
        final int[] window = window(fields, node, "calling_window", CampaignFile.WINDOW_START_DEFAULT,
            CampaignFile.WINDOW_END_DEFAULT);
        campaign.windowStartMinute = window[0];
        campaign.windowEndMinute = window[1];
        final Node perState = YamlChecker.value(fields, "per_state");
        if (null == perState)
        {
            return;
        }
        final Map<String, StateWindow> states = new LinkedHashMap<>();
        for (final Map.Entry<String, NodeTuple> entry : checker.mapping(perState, "per_state", null).entrySet())
        {
            final String state = entry.getKey();
            final Node stateKey = entry.getValue().getKeyNode();
            if (!state.matches("[A-Z]{2}"))
            {
                checker.add(stateKey, "per_state key '" + state + "' must be a two-letter state code, like FL");
                continue;
            }
            final Node body = entry.getValue().getValueNode();
            final Map<String, NodeTuple> stateFields = checker.mapping(body, "per_state " + state,
                STATE_WINDOW_KEYS);
            final int[] stateWindow = window(stateFields, body, "per_state " + state, campaign.windowStartMinute,
                campaign.windowEndMinute);
            final int cap = checker.integer(YamlChecker.value(stateFields, "max_calls_per_24h"),
                "max_calls_per_24h", 1, CallingWindow.MAX_CALLS_PER_24H, 0);
            states.put(state, new StateWindow(state, stateWindow[0], stateWindow[1], cap));
        }
        campaign.stateWindows = Map.copyOf(states);
    }

    private int[] window(
        final Map<String, NodeTuple> fields, final Node parent, final String what, final int start, final int end)
    {
        final Node startNode = YamlChecker.value(fields, "start");
        final Node endNode = YamlChecker.value(fields, "end");
        final int from = null == startNode ? start : checker.timeOfDay(startNode, what + " start");
        final int to = null == endNode ? end : checker.timeOfDay(endNode, what + " end");
        if (from >= 0 && to >= 0 && from >= to)
        {
            checker.add(null != endNode ? endNode : parent, what + " end must be after its start");
        }
        return new int[]{from < 0 ? start : from, to < 0 ? end : to};
    }

    void readRetries(final Node node)
    {
        final Map<String, Long> delays = new LinkedHashMap<>();
        if (null == node)
        {
            return;
        }
        final Map<String, NodeTuple> fields = checker.mapping(node, "retries", RETRY_KEYS);
        campaign.maxAttempts = checker.integer(YamlChecker.value(fields, "max_attempts"), "max_attempts", 1, 100,
            campaign.maxAttempts);
        final Node perDayNode = YamlChecker.value(fields, "max_attempts_per_day");
        campaign.maxAttemptsPerDay = checker.integer(perDayNode, "max_attempts_per_day", 1, 100,
            campaign.maxAttemptsPerDay);
        if (campaign.maxAttemptsPerDay > campaign.maxAttempts)
        {
            checker.add(perDayNode, "max_attempts_per_day " + campaign.maxAttemptsPerDay + " is above max_attempts " +
                campaign.maxAttempts);
        }
        final Node delaysNode = YamlChecker.value(fields, "delays");
        if (null != delaysNode)
        {
            for (final Map.Entry<String, NodeTuple> entry : checker.mapping(delaysNode, "retries delays",
                DELAY_KEYS).entrySet())
            {
                final Node value = entry.getValue().getValueNode();
                if (value instanceof ScalarNode && "never".equals(((ScalarNode)value).getValue().trim()))
                {
                    delays.put(entry.getKey(), -1L);
                    continue;
                }
                final long millis = checker.duration(value, entry.getKey() + " delay");
                if (millis >= 0)
                {
                    delays.put(entry.getKey(), millis);
                }
            }
        }
        campaign.retryDelaysMs = Map.copyOf(delays);
    }

    void readRingTimeout(final Node node)
    {
        if (null == node)
        {
            return;
        }
        final long millis = checker.duration(node, "ring_timeout");
        if (millis < 0)
        {
            return;
        }
        if (millis < CampaignFile.RING_TIMEOUT_FLOOR_MS)
        {
            checker.add(node, "ring_timeout " + ((ScalarNode)node).getValue().trim() + " is below the floor of 15s " +
                "(ring at least 15 seconds before giving up)");
        }
        else if (millis > 300_000)
        {
            checker.add(node, "ring_timeout " + ((ScalarNode)node).getValue().trim() + " is above 300s");
        }
        else
        {
            campaign.ringTimeoutMs = millis;
        }
    }

    void readStateRules(final Node node)
    {
        final Path file = null == node ? null : fileNamed.apply(node, "state_rules");
        if (null != node && null == file)
        {
            return;
        }
        final StateRulesFile.Result rules = StateRulesFile.withOverride(file);
        checker.addAll(rules.errors());
        if (rules.errors().isEmpty())
        {
            campaign.stateRules = rules.rules();
            campaign.stateRulesFile = file;
        }
    }

    void readDnc(final Node node)
    {
        if (null == node)
        {
            return;
        }
        Node filesNode = node;
        if (node instanceof MappingNode)
        {
            final Map<String, NodeTuple> fields = checker.mapping(node, "dnc", DNC_KEYS);
            filesNode = YamlChecker.value(fields, "files");
            readNational(YamlChecker.value(fields, "national"));
        }
        final List<Path> files = new ArrayList<>();
        for (final ScalarNode item : null == filesNode ? List.<ScalarNode>of() : checker.scalars(filesNode, "dnc"))
        {
            final Path file = fileNamed.apply(item, "dnc list");
            if (null != file)
            {
                files.add(file);
            }
        }
        campaign.dncFiles = List.copyOf(files);
        if (contents)
        {
            final DncFileReader reader = new DncFileReader(new RegionNormaliser(campaign.defaultRegion));
            for (final Path file : files)
            {
                checker.addAll(dncErrors(file.toString(), reader.check(file)));
            }
        }
    }

    void readNational(final Node node)
    {
        if (null == node)
        {
            return;
        }
        final Map<String, NodeTuple> fields = checker.mapping(node, "dnc national", NATIONAL_KEYS);
        final Node fileNode = checker.required(fields, "file", node, "dnc national");
        final Path file = null == fileNode ? null : fileNamed.apply(fileNode, "national do-not-call");
        final Node dateNode = YamlChecker.value(fields, "downloaded");
        final String date = null == dateNode ? null : checker.text(dateNode, "dnc national downloaded");
        if (null != date)
        {
            try
            {
                campaign.nationalDncDownloaded = LocalDate.parse(date);
            }
            catch (final DateTimeException ex)
            {
                checker.add(dateNode, "dnc national downloaded '" + date + "' is not a date like 2026-11-30 (the " +
                    "day the registry's file was downloaded)");
            }
        }
        campaign.nationalDncFile = file;
        if (contents && null != file)
        {
            final DncLoadReport report = NationalDncList.newReport(file);
            final NationalDncList list = NationalDncList.load(file, campaign.nationalDncDownloaded, report);
            checker.addAll(dncErrors(file.toString(), report));
            final String stale = list.staleness(LocalDate.now(ZoneOffset.UTC));
            if (null != stale)
            {
                checker.add(null == dateNode ? fileNode : dateNode, stale);
            }
        }
    }

    /**
     * The problems of a do-not-call file as errors {@code file:line: reason}: every bad line kept by the report, a
     * count of the others, and a file error with the lines it left unread.
     *
     * @param file   the file's name.
     * @param report what reading it found.
     * @return the errors, empty when clean.
     */
    static List<ValidationError> dncErrors(final String file, final DncLoadReport report)
    {
        final List<ValidationError> errors = new ArrayList<>();
        for (int i = 0; i < report.errors().size(); i++)
        {
            errors.add(new ValidationError(file, report.errorLine(i), 0, report.errorMessage(i)));
        }
        if (report.errorCount() > report.errors().size())
        {
            errors.add(new ValidationError(file, 0, 0, (report.errorCount() - report.errors().size()) +
                " more bad lines not listed"));
        }
        if (null != report.fileError())
        {
            errors.add(new ValidationError(file, report.fileErrorLine(), 0, report.fileError() +
                (report.linesNotRead() > 0 ? " (" + report.linesNotRead() + " lines not read)" : "")));
        }
        return errors;
    }
}
