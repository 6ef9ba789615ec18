/*
 * Campaigns.
 */
package io.dialer.core.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.dialer.audio.WavFile;
import io.dialer.core.compliance.DncLoadReport;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.core.pacing.PredictivePacer;
import io.dialer.qualification.CallbackTime;
import io.dialer.qualification.CompileResult;
import io.dialer.qualification.Outcome;
import io.dialer.qualification.Problems;
import io.dialer.qualification.OutcomeKind;
import io.dialer.qualification.Script;
import io.dialer.qualification.ScriptCompiler;
import io.dialer.qualification.TextFile;
import io.dialer.qualification.ValidationError;
import io.dialer.transfer.TransferConfiguration;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Loads and validates a campaign file (YAML). Every problem is reported in one pass with line and column: the
 * campaign's own keys, its qualification script's errors (compiled with {@link ScriptCompiler}), its closers file's
 * errors, and skills of the script that no closer has. Paths are resolved against the campaign file's directory.
 */
public final class CampaignLoader
{
    private static final Set<String> TOP_KEYS = keys("name", "caller_id", "trunk", "script", "closers", "leads",
        "default_region", "pacing", "calling_window", "retries", "voicemail", "ring_timeout", "dnc",
        "callback_offer", "transfer", "admission", "detection", "closers_login", "state_rules", "abandonment");
    private static final Set<String> CALLER_ID_KEYS = keys("name", "number");
    private static final Set<String> TRUNK_KEYS = keys("uri", "outbound_proxy", "username", "password",
        "password_env", "transport", "max_consecutive_failures", "response_timeout");
    private static final Set<String> TRANSFER_KEYS = keys("closer_ring_timeout", "max_closer_attempts",
        "decision_timeout", "hold_limit", "hold_music", "reassurance_interval", "caller_id_pass_through",
        "introduction", "wrap_up", "media");
    private static final Set<String> ADMISSION_KEYS = keys("media_lag_hold");
    private static final Set<String> DETECTION_KEYS = keys("verdict_timeout", "beep_timeout");
    private static final Set<String> PACING_KEYS = keys("mode", "ratio", "max_lines", "max_dials_per_second",
        "target_abandon_rate", "max_lines_per_closer", "min_calls_before_predicting", "max_hold");
    private static final Set<String> VOICEMAIL_KEYS = keys("message", "audio");
    private static final long SECOND_MS = 1_000;
    private static final long MINUTE_MS = 60 * SECOND_MS;
    private static final long HOUR_MS = 60 * MINUTE_MS;

    private final YamlChecker checker;
    private final Path baseDir;
    private final boolean contents;
    private final boolean floor;
    private final CampaignFile campaign = new CampaignFile();
    private final ComplianceSections sections;
    private Node closersNode;

    private CampaignLoader(final String file, final Path baseDir, final boolean contents)
    {
        this(file, baseDir, contents, false);
    }

    private CampaignLoader(final String file, final Path baseDir, final boolean contents, final boolean floor)
    {
        this.floor = floor;
        this.checker = new YamlChecker(file);
        this.baseDir = baseDir;
        this.contents = contents;
        this.sections = new ComplianceSections(checker, campaign, contents, this::existingFile);
    }

    /**
     * Loads a campaign file: its keys, the script and closers files it names, the header of its lead list. The
     * contents of the lead list and do-not-call files are read when the campaign runs ({@link #validate(Path)} checks
     * them beforehand).
     *
     * @param file the YAML file.
     * @return the campaign or the errors.
     */
    public static CampaignResult load(final Path file)
    {
        return load(file, false);
    }

    /**
     * Validates a campaign file as {@code dialer validate} does: {@link #load(Path)}, and every line of its
     * do-not-call files read as the run will read them (libphonenumber in the campaign's {@code default_region}),
     * each bad line an error {@code file:line: reason}.
     *
     * @param file the YAML file.
     * @return the campaign or the errors.
     */
    public static CampaignResult validate(final Path file)
    {
        return load(file, true);
    }

    private static CampaignResult load(final Path file, final boolean contents)
    {
        final Problems problems = new Problems(file.toString());
        final String yaml = TextFile.read(file, problems);
        if (null == yaml)
        {
            return new CampaignResult(null, problems.errors());
        }
        return new CampaignLoader(file.toString(), file.toAbsolutePath().getParent(), contents).read(yaml);
    }

    /**
     * Loads a campaign from text.
     *
     * @param fileName the name to report errors against.
     * @param yaml     the text.
     * @param baseDir  where relative paths are resolved.
     * @return the campaign or the errors.
     */
    public static CampaignResult load(final String fileName, final String yaml, final Path baseDir)
    {
        return new CampaignLoader(fileName, null == baseDir ? Path.of("") : baseDir, false).read(yaml);
    }

    /**
     * Validates a campaign from text, do-not-call files' contents included ({@link #validate(Path)}).
     *
     * @param fileName the name to report errors against.
     * @param yaml     the text.
     * @param baseDir  where relative paths are resolved.
     * @return the campaign or the errors.
     */
    public static CampaignResult validate(final String fileName, final String yaml, final Path baseDir)
    {
        return new CampaignLoader(fileName, null == baseDir ? Path.of("") : baseDir, true).read(yaml);
    }

    /**
     * Loads a campaign that runs on a server's sales floor ({@code dialer serve}): the closers, their login and the
     * do-not-call list are the server's, so {@code closers}, {@code closers_login} and {@code dnc} are refused
     * (each an error naming where they are managed instead), and no skill is checked against closers.
     *
     * @param fileName the name to report errors against.
     * @param yaml     the text.
     * @param baseDir  where relative paths are resolved.
     * @return the campaign or the errors.
     */
    public static CampaignResult loadForFloor(final String fileName, final String yaml, final Path baseDir)
    {
        return new CampaignLoader(fileName, null == baseDir ? Path.of("") : baseDir, false, true).read(yaml);
    }

    /**
     * Whether a YAML text looks like a campaign file: a top-level {@code trunk:} or {@code caller_id:} key.
     *
     * @param yaml the text.
     * @return true when it looks like one.
     */
    public static boolean looksLikeCampaign(final String yaml)
    {
        return YamlChecker.hasTopLevelKey(yaml, "trunk") || YamlChecker.hasTopLevelKey(yaml, "caller_id");
    }

    private CampaignResult read(final String yaml)
    {
        final Node root = checker.compose(yaml);
        if (null == root)
        {
            return new CampaignResult(null, checker.errors());
        }
        final Map<String, NodeTuple> top = checker.mapping(root, "the campaign", TOP_KEYS);
        if (top.isEmpty())
        {
            return new CampaignResult(null, checker.errors());
        }
        campaign.name = checker.text(checker.required(top, "name", root, "the campaign"), "name");
        final Node region = YamlChecker.value(top, "default_region");
        if (null != region)
        {
            final String text = checker.text(region, "default_region");
            if (null != text && !LeadListReader.isKnownRegion(text.toUpperCase(Locale.ROOT)))
            {
                checker.add(region, "default_region '" + text + "' is not a region code (like US, CA, GB)");
            }
            else if (null != text)
            {
                campaign.defaultRegion = text.toUpperCase(Locale.ROOT);
            }
        }
        readCallerId(checker.required(top, "caller_id", root, "the campaign"));
        readTrunk(checker.required(top, "trunk", root, "the campaign"));
        readPacing(YamlChecker.value(top, "pacing"));
        sections.readWindow(YamlChecker.value(top, "calling_window"));
        if (floor)
        {
            refuseOnFloor(top, "state_rules", "a state rules file cannot be uploaded to the server yet; the shipped " +
                "us-state-rules.yaml applies");
            sections.readStateRules(null);
        }
        else
        {
            sections.readStateRules(YamlChecker.value(top, "state_rules"));
        }
        sections.readRetries(YamlChecker.value(top, "retries"));
        readVoicemail(YamlChecker.value(top, "voicemail"));
        readCallbackOffer(YamlChecker.value(top, "callback_offer"));
        sections.readRingTimeout(YamlChecker.value(top, "ring_timeout"));
        if (floor)
        {
            refuseOnFloor(top, "dnc", "the do-not-call list is the server's (/api/dnc)");
            refuseOnFloor(top, "closers_login", "closers log in from their console");
        }
        else
        {
            sections.readDnc(YamlChecker.value(top, "dnc"));
        }
        readTransfer(YamlChecker.value(top, "transfer"));
        readAdmission(YamlChecker.value(top, "admission"));
        readDetection(YamlChecker.value(top, "detection"));
        sections.readAbandonment(YamlChecker.value(top, "abandonment"));
        if (!floor)
        {
            readClosersLogin(YamlChecker.value(top, "closers_login"));
        }
        campaign.leadsFile = existingFile(checker.required(top, "leads", root, "the campaign"), "leads");
        closersNode = floor ? null : checker.required(top, "closers", root, "the campaign");
        if (floor)
        {
            refuseOnFloor(top, "closers", "the closers are the server's (/api/closers)");
        }
        campaign.closersFile = null == closersNode ? null : existingFile(closersNode, "closers");
        if (null != campaign.closersFile && isNot(campaign.closersFile, closersNode, "closers", "a closers file"))
        {
            campaign.closersFile = null;
        }
        else if (null != campaign.closersFile)
        {
            final ClosersFile closers = ClosersFile.load(campaign.closersFile, campaign.defaultRegion);
            checker.addAll(closers.errors());
            campaign.closers = closers.closers();
            campaign.closersSipRealm = closers.sipRealm();
        }
        final Node scriptNode = checker.required(top, "script", root, "the campaign");
        campaign.scriptFile = existingFile(scriptNode, "script");
        if (null != campaign.scriptFile && isNot(campaign.scriptFile, scriptNode, "script", "a qualification script"))
        {
            campaign.scriptFile = null;
        }
        else if (null != campaign.scriptFile)
        {
            final CompileResult compiled = ScriptCompiler.compile(campaign.scriptFile);
            checker.addAll(compiled.errors());
            campaign.script = compiled.script();
        }
        checkSkills();
        checkPromptFields();
        return new CampaignResult(campaign, checker.errors());
    }

    private void readCallerId(final Node node)
    {
        if (null == node)
        {
            return;
        }
        final Map<String, NodeTuple> fields = checker.mapping(node, "caller_id", CALLER_ID_KEYS);
        campaign.callerIdName = checker.text(YamlChecker.value(fields, "name"), "caller_id name");
        final Node numberNode = checker.required(fields, "number", node, "caller_id");
        final String number = checker.text(numberNode, "caller_id number");
        if (null != number)
        {
            final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            try
            {
                final PhoneNumber parsed = util.parse(number, campaign.defaultRegion);
                if (util.isValidNumber(parsed))
                {
                    campaign.callerIdNumber = util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
                    return;
                }
            }
            catch (final NumberParseException ignore)
            {
                // reported below
            }
            checker.add(numberNode, "caller_id number '" + number + "' is not a valid number for region " +
                campaign.defaultRegion);
        }
    }

    private void readTrunk(final Node node)
    {
        if (null == node)
        {
            return;
        }
        final Map<String, NodeTuple> fields = checker.mapping(node, "trunk", TRUNK_KEYS);
        final Node uriNode = checker.required(fields, "uri", node, "trunk");
        final String uri = checker.text(uriNode, "trunk uri");
        if (null != uri && checker.sipUri(uriNode, uri, "trunk uri"))
        {
            campaign.trunkUri = uri;
        }
        final Node proxyNode = YamlChecker.value(fields, "outbound_proxy");
        final String proxy = checker.text(proxyNode, "outbound_proxy");
        if (null != proxy)
        {
            if (proxy.toLowerCase(Locale.ROOT).startsWith("sip:") || proxy.toLowerCase(Locale.ROOT).startsWith("sips:"))
            {
                checker.sipUri(proxyNode, proxy, "outbound_proxy");
            }
            else if (!proxy.matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?"))
            {
                checker.add(proxyNode, "outbound_proxy '" + proxy + "' must be host[:port] or a SIP URI");
            }
            campaign.outboundProxy = proxy;
        }
        campaign.username = checker.text(YamlChecker.value(fields, "username"), "username");
        final Node password = YamlChecker.value(fields, "password");
        final Node passwordEnv = YamlChecker.value(fields, "password_env");
        campaign.password = checker.text(password, "password");
        campaign.passwordEnv = checker.text(passwordEnv, "password_env");
        if (null != password && null != passwordEnv)
        {
            checker.add(YamlChecker.keyNode(fields, "password_env"),
                "give either password or password_env, not both");
        }
        if (null != campaign.passwordEnv && !campaign.passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*"))
        {
            checker.add(passwordEnv, "password_env must name an environment variable, like TRUNK_PASSWORD");
        }
        if (null != campaign.username && null == password && null == passwordEnv)
        {
            checker.add(YamlChecker.keyNode(fields, "username"),
                "username without password or password_env (name an environment variable to keep the secret " +
                "out of the file)");
        }
        final Node transportNode = YamlChecker.value(fields, "transport");
        final String transport = checker.text(transportNode, "transport");
        if (null != transport)
        {
            final String lower = transport.toLowerCase(Locale.ROOT);
            if ("udp".equals(lower) || "tcp".equals(lower))
            {
                campaign.transport = lower;
            }
            else
            {
                checker.add(transportNode, "transport must be udp or tcp, found '" + transport + "'");
            }
        }
        final Node failures = YamlChecker.value(fields, "max_consecutive_failures");
        final String failuresText = checker.text(failures, "max_consecutive_failures");
        if ("never".equals(failuresText))
        {
            campaign.maxConsecutiveTrunkFailures = CampaignFile.TRUNK_FAILURES_NEVER;
        }
        else if (null != failuresText)
        {
            if (failuresText.matches("[0-9]{1,7}") && Integer.parseInt(failuresText) >= 1 &&
                Integer.parseInt(failuresText) <= 1_000_000)
            {
                campaign.maxConsecutiveTrunkFailures = Integer.parseInt(failuresText);
            }
            else
            {
                checker.add(failures, "max_consecutive_failures must be a whole number from 1 to 1000000, or " +
                    "never, found '" + failuresText + "'");
            }
        }
        campaign.trunkResponseTimeoutMs = duration(YamlChecker.value(fields, "response_timeout"),
            "trunk response_timeout", SECOND_MS, MINUTE_MS, campaign.trunkResponseTimeoutMs);
    }

    private void readTransfer(final Node node)
    {
        if (null == node)
        {
            return;
        }
        final Map<String, NodeTuple> fields = checker.mapping(node, "transfer", TRANSFER_KEYS);
        final TransferConfiguration.Context transfer = campaign.transfer;
        transfer.ringTimeoutMs(duration(YamlChecker.value(fields, "closer_ring_timeout"), "closer_ring_timeout",
            SECOND_MS, 5 * MINUTE_MS, transfer.ringTimeoutMs()));
        transfer.maxAttempts(checker.integer(YamlChecker.value(fields, "max_closer_attempts"),
            "max_closer_attempts", 1, 10, transfer.maxAttempts()));
        transfer.decisionTimeoutMs(duration(YamlChecker.value(fields, "decision_timeout"), "decision_timeout",
            SECOND_MS, 5 * MINUTE_MS, transfer.decisionTimeoutMs()));
        transfer.holdLimitMs(duration(YamlChecker.value(fields, "hold_limit"), "hold_limit", SECOND_MS, HOUR_MS,
            transfer.holdLimitMs()));
        final Node music = YamlChecker.value(fields, "hold_music");
        if (null != music && !isWord(music, "builtin"))
        {
            final Path file = existingFile(music, "hold_music");
            if (null != file)
            {
                try
                {
                    WavFile.read(file, ((ScalarNode)music).getValue().trim());
                    transfer.holdMusic(file.toString());
                }
                catch (final IOException ex)
                {
                    checker.add(music, "hold_music must be an 8 kHz mono WAV file (or builtin): " + ex.getMessage());
                }
            }
        }
        final Node reassurance = YamlChecker.value(fields, "reassurance_interval");
        transfer.reassuranceIntervalMs(isWord(reassurance, "never") ? 0 : duration(reassurance,
            "reassurance_interval (a duration, or never)", SECOND_MS, 10 * MINUTE_MS,
            transfer.reassuranceIntervalMs()));
        transfer.callerIdPassThrough(bool(YamlChecker.value(fields, "caller_id_pass_through"),
            "caller_id_pass_through", transfer.callerIdPassThrough()));
        transfer.introduction(bool(YamlChecker.value(fields, "introduction"), "introduction",
            transfer.introduction()));
        transfer.wrapUpMs(duration(YamlChecker.value(fields, "wrap_up"), "wrap_up", 0, HOUR_MS,
            transfer.wrapUpMs()));
        readTransferMedia(YamlChecker.value(fields, "media"), transfer.introduction());
    }

    private void readTransferMedia(final Node node, final boolean introduction)
    {
        final String media = checker.text(node, "transfer media");
        if ("release".equals(media))
        {
            if (introduction)
            {
                checker.add(node, "transfer media: release needs introduction: off (the introduction is mixed by " +
                    "the dialer's media, which the release closes); set one of them the other way");
            }
            campaign.mediaRelease = true;
        }
        else if (null != media && !"anchored".equals(media))
        {
            checker.add(node, "transfer media must be anchored (the dialer bridges caller and closer to the end) or " +
                "release (once the closer accepts, both are re-INVITEd to send RTP to each other), found '" +
                media + "'");
        }
    }

    private void readAdmission(final Node node)
    {
        if (null == node)
        {
            return;
        }
        final Map<String, NodeTuple> fields = checker.mapping(node, "admission", ADMISSION_KEYS);
        final Node hold = YamlChecker.value(fields, "media_lag_hold");
        campaign.mediaLagHoldMs = isWord(hold, "off") ? CampaignFile.MEDIA_LAG_HOLD_OFF : duration(hold,
            "media_lag_hold (a duration, or off)", 0, MINUTE_MS, campaign.mediaLagHoldMs);
    }

    private void readDetection(final Node node)
    {
        if (null == node)
        {
            return;
        }
        final Map<String, NodeTuple> fields = checker.mapping(node, "detection", DETECTION_KEYS);
        campaign.verdictTimeoutMs = duration(YamlChecker.value(fields, "verdict_timeout"), "verdict_timeout",
            SECOND_MS, MINUTE_MS, campaign.verdictTimeoutMs);
        campaign.beepTimeoutMs = duration(YamlChecker.value(fields, "beep_timeout"), "beep_timeout", SECOND_MS,
            5 * MINUTE_MS, campaign.beepTimeoutMs);
    }

    private void readClosersLogin(final Node node)
    {
        final String login = checker.text(node, "closers_login");
        if ("at_start".equals(login))
        {
            campaign.closersLogin = CampaignFile.ClosersLogin.AT_START;
        }
        else if ("manual".equals(login))
        {
            campaign.closersLogin = CampaignFile.ClosersLogin.MANUAL;
        }
        else if (null != login)
        {
            checker.add(node, "closers_login must be at_start (every closer of the closers file logs in when the " +
                "campaign starts) or manual (closers log in through the control API), found '" + login + "'");
        }
    }

    /**
     * A duration in a range, or the default when absent or wrong (reported with the range).
     */
    private long duration(final Node node, final String what, final long minMs, final long maxMs,
        final long defaultMs)
    {
        if (null == node)
        {
            return defaultMs;
        }
        final long millis = checker.duration(node, what);
        if (millis < 0)
        {
            return defaultMs;
        }
        if (millis < minMs || millis > maxMs)
        {
            checker.add(node, what + " must be from " + YamlChecker.formatDuration(minMs) + " to " +
                YamlChecker.formatDuration(maxMs) + ", found '" + ((ScalarNode)node).getValue().trim() + "'");
            return defaultMs;
        }
        return millis;
    }

    private boolean bool(final Node node, final String what, final boolean defaultValue)
    {
        final String text = checker.text(node, what);
        if (null == text)
        {
            return defaultValue;
        }
        switch (text.toLowerCase(Locale.ROOT))
        {
            case "true":
            case "yes":
            case "on":
                return true;
            case "false":
            case "no":
            case "off":
                return false;
            default:
                checker.add(node, what + " must be true or false, found '" + text + "'");
                return defaultValue;
        }
    }

    private static boolean isWord(final Node node, final String word)
    {
        return node instanceof ScalarNode && word.equals(((ScalarNode)node).getValue().trim());
    }

    private void readPacing(final Node node)
    {
        if (null == node)
        {
            return;
        }
        final Map<String, NodeTuple> fields = checker.mapping(node, "pacing", PACING_KEYS);
        final Node modeNode = YamlChecker.value(fields, "mode");
        final String mode = checker.text(modeNode, "pacing mode");
        if (null != mode && !"progressive".equals(mode) && !"predictive".equals(mode))
        {
            checker.add(modeNode, "pacing mode '" + mode + "' is not supported; expected progressive or predictive");
        }
        else if (null != mode)
        {
            campaign.pacingMode = mode;
        }
        readPredictive(fields, mode);
        campaign.pacingRatio = checker.decimal(YamlChecker.value(fields, "ratio"), "pacing ratio",
            (v) -> v > 0 && v <= 10, "a number above 0 and at most 10 (lines per available closer, like 1.5)",
            campaign.pacingRatio);
        if ("predictive".equals(campaign.pacingMode))
        {
            campaign.maxLines = PredictivePacer.MAX_LINES_DEFAULT; // its own limits bound it; max_lines is a cap
        }
        campaign.maxLines = checker.integer(YamlChecker.value(fields, "max_lines"), "max_lines", 1, 100_000,
            campaign.maxLines);
        campaign.maxDialsPerSecond = checker.integer(YamlChecker.value(fields, "max_dials_per_second"),
            "max_dials_per_second", 1, 100_000, campaign.maxDialsPerSecond);
    }

    private void readPredictive(final Map<String, NodeTuple> fields, final String mode)
    {
        if (!"predictive".equals(mode))
        {
            for (final String key : new String[]{"target_abandon_rate", "max_lines_per_closer",
                "min_calls_before_predicting", "max_hold"})
            {
                final Node keyNode = YamlChecker.keyNode(fields, key);
                if (null != keyNode)
                {
                    checker.add(keyNode, "pacing " + key + " is for mode: predictive; set the mode or remove it");
                }
            }
            return;
        }
        campaign.targetAbandonRate = checker.decimal(YamlChecker.value(fields, "target_abandon_rate"),
            "pacing target_abandon_rate", (v) -> v > 0 && v <= 0.2, "a share above 0 and at most 0.2 (0.03 is 3 %)",
            campaign.targetAbandonRate);
        campaign.maxLinesPerCloser = checker.integer(YamlChecker.value(fields, "max_lines_per_closer"),
            "max_lines_per_closer", 1, 100, campaign.maxLinesPerCloser);
        campaign.minCallsBeforePredicting = checker.integer(YamlChecker.value(fields,
            "min_calls_before_predicting"), "min_calls_before_predicting", 0, 1_000_000,
            campaign.minCallsBeforePredicting);
        final Node holdNode = YamlChecker.value(fields, "max_hold");
        final long hold = checker.duration(holdNode, "pacing max_hold");
        if (null != holdNode && hold >= 0 && hold < 1_000)
        {
            checker.add(holdNode, "pacing max_hold must be at least 1s, found '" +
                YamlChecker.formatDuration(hold) + "'");
        }
        else if (hold >= 1_000)
        {
            campaign.maxHoldMs = hold;
        }
    }

    private void readVoicemail(final Node node)
    {
        if (null == node || (node instanceof ScalarNode && "none".equals(((ScalarNode)node).getValue().trim())))
        {
            return;
        }
        final Map<String, NodeTuple> fields = checker.mapping(node, "voicemail (or voicemail: none)",
            VOICEMAIL_KEYS);
        final Node message = YamlChecker.value(fields, "message");
        final Node audio = YamlChecker.value(fields, "audio");
        campaign.voicemailText = checker.text(message, "voicemail message");
        if (null != audio)
        {
            campaign.voicemailAudio = existingFile(audio, "voicemail audio");
        }
        if (null == message && null == audio && node instanceof MappingNode)
        {
            checker.add(node, "voicemail needs a message (text) or audio (a WAV file), or write voicemail: none");
        }
    }

    private void readCallbackOffer(final Node node)
    {
        if (null == node)
        {
            return;
        }
        final String[] byDigit = new String[10];
        campaign.callbackOffer = byDigit;
        if (node instanceof ScalarNode && "none".equals(((ScalarNode)node).getValue().trim()))
        {
            return;
        }
        for (final Map.Entry<String, NodeTuple> entry : checker.mapping(node,
            "callback_offer (keys to callback times, like \"1\": this evening; or callback_offer: none)", null)
            .entrySet())
        {
            final String key = entry.getKey();
            final Node keyNode = entry.getValue().getKeyNode();
            final Node valueNode = entry.getValue().getValueNode();
            if (1 != key.length() || key.charAt(0) < '0' || key.charAt(0) > '9')
            {
                checker.add(keyNode, "callback_offer key '" + key + "' is not a keypad digit 0-9");
                continue;
            }
            final String time = checker.text(valueNode, "callback_offer " + key);
            final String problem = null == time ? null : CallbackTime.problem(time);
            if (null != problem)
            {
                checker.add(valueNode, "callback_offer " + key + ": " + problem);
            }
            else if (null != time)
            {
                byDigit[key.charAt(0) - '0'] = time;
            }
        }
    }

    /**
     * The problems of a do-not-call file as errors {@code file:line: reason} ({@link ComplianceSections#dncErrors}).
     *
     * @param file   the file's name.
     * @param report what reading it found.
     * @return the errors, empty when clean.
     */
    public static List<ValidationError> dncErrors(final String file, final DncLoadReport report)
    {
        return ComplianceSections.dncErrors(file, report);
    }

    /**
     * Reports, once, a file named for one kind that is plainly another (a script named as the closers file, a closers
     * file named as the script), instead of every key of it the other kind does not know.
     */
    private boolean isNot(final Path file, final Node node, final String key, final String expected)
    {
        final String text = TextFile.read(file, new Problems(file.toString()));
        if (null == text)
        {
            return false;
        }
        final String found;
        if (looksLikeCampaign(text))
        {
            found = "a campaign file";
        }
        else if (ScriptCompiler.looksLikeScript(text))
        {
            found = "a qualification script (it has questions:)";
        }
        else if (ClosersFile.looksLikeClosers(text))
        {
            found = "a closers file (it has closers:)";
        }
        else
        {
            return false;
        }
        if (found.startsWith(expected))
        {
            return false;
        }
        checker.add(node, key + " file '" + ((ScalarNode)node).getValue().trim() + "' is " + found + ", not " +
            expected + "; name " + expected + " here");
        return true;
    }

    private Path existingFile(final Node node, final String what)
    {
        final String text = checker.text(node, what);
        if (null == text)
        {
            return null;
        }
        final Path file = baseDir.resolve(text).normalize();
        if (!Files.isRegularFile(file) || !Files.isReadable(file))
        {
            checker.add(node, what + " file '" + text + "' not found (looked for " + file + ")");
            return null;
        }
        return file;
    }

    private void refuseOnFloor(final Map<String, NodeTuple> top, final String key, final String why)
    {
        final Node node = YamlChecker.value(top, key);
        if (null != node)
        {
            checker.add(node, key + " is not a campaign setting in dialer serve: " + why);
        }
    }

    private void checkSkills()
    {
        final Script script = campaign.script;
        if (null == script || null == campaign.closersFile || campaign.closers.isEmpty())
        {
            return;
        }
        final Set<String> skills = new HashSet<>();
        for (final Closer closer : campaign.closers)
        {
            skills.addAll(closer.skills());
        }
        final Set<String> reported = new HashSet<>();
        for (int i = 0; i < script.outcomeCount(); i++)
        {
            final Outcome outcome = script.outcome(i);
            if (OutcomeKind.QUALIFIED == outcome.kind() && !skills.contains(outcome.skill()) &&
                reported.add(outcome.skill()))
            {
                checker.add(closersNode, "skill '" + outcome.skill() + "' of script " +
                    campaign.scriptFile.getFileName() + " has no closer in " + campaign.closersFile.getFileName());
            }
        }
    }

    /**
     * The lead fields the script's prompts speak must be columns of the lead list (its header is read, not its rows).
     */
    private void checkPromptFields()
    {
        if (null == campaign.script || null == campaign.leadsFile || campaign.script.promptLeadFields().isEmpty())
        {
            return;
        }
        final LeadList header = new LeadListReader(campaign.defaultRegion, 1).readHeader(campaign.leadsFile);
        if (!header.report().hasFileError())
        {
            checker.addAll(campaign.script.missingLeadFields(header.fieldNames(),
                campaign.leadsFile.getFileName().toString()));
        }
    }

    static Set<String> keys(final String... keys)
    {
        return new LinkedHashSet<>(List.of(keys));
    }
}
