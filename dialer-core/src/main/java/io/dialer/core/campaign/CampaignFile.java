/*
 * Campaigns.
 */
package io.dialer.core.campaign;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.dialer.core.compliance.AbandonmentRule;
import io.dialer.core.compliance.CallingWindow;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.ProgressivePacer;
import io.dialer.core.pacing.PredictivePacer;
import io.dialer.core.compliance.RetryPolicy;
import io.dialer.core.compliance.RingTimeout;
import io.dialer.core.compliance.StateRules;
import io.dialer.qualification.Script;
import io.dialer.transfer.TransferConfiguration;

/**
 * A validated campaign: everything its file says, with defaults filled in, the compiled script and the closers.
 * Built only by {@link CampaignLoader}; immutable.
 */
public final class CampaignFile
{
    /** Default ring timeout: 25 s ({@link RingTimeout#DEFAULT_MS}). */
    public static final long RING_TIMEOUT_DEFAULT_MS = RingTimeout.DEFAULT_MS;
    /** The least ring timeout allowed: 15 s (US rule: ring at least 15 s or 4 rings; {@link RingTimeout#FLOOR_MS}). */
    public static final long RING_TIMEOUT_FLOOR_MS = RingTimeout.FLOOR_MS;
    /** Default calling window start, 08:00, in minutes after midnight ({@link CallingWindow#START_DEFAULT}). */
    public static final int WINDOW_START_DEFAULT = CallingWindow.START_DEFAULT.getHour() * 60 +
        CallingWindow.START_DEFAULT.getMinute();
    /** Default calling window end, 21:00, in minutes after midnight ({@link CallingWindow#END_DEFAULT}). */
    public static final int WINDOW_END_DEFAULT = CallingWindow.END_DEFAULT.getHour() * 60 +
        CallingWindow.END_DEFAULT.getMinute();
    /** {@code admission.media_lag_hold: off}: no admission control on the media threads. */
    public static final long MEDIA_LAG_HOLD_OFF = -1;
    /** Default {@code admission.media_lag_hold}: new dials wait 1 s after the media threads last fell behind. */
    public static final long MEDIA_LAG_HOLD_DEFAULT_MS = 1_000;
    /** {@code trunk.max_consecutive_failures: never}: trunk failures never stop the campaign. */
    public static final int TRUNK_FAILURES_NEVER = 0;
    /** Default {@code trunk.max_consecutive_failures}: 10 trunk failures in a row stop the campaign's dialing. */
    public static final int MAX_CONSECUTIVE_TRUNK_FAILURES_DEFAULT = 10;
    /** Default {@code trunk.response_timeout}: an INVITE without any response for 5 s is a trunk failure. */
    public static final long TRUNK_RESPONSE_TIMEOUT_DEFAULT_MS = 5_000;
    /** Default {@code detection.verdict_timeout}: no verdict 10 s after the answer is treated as a person. */
    public static final long VERDICT_TIMEOUT_DEFAULT_MS = 10_000;
    /** Default {@code detection.beep_timeout}: a machine's beep is waited for 30 s at most. */
    public static final long BEEP_TIMEOUT_DEFAULT_MS = 30_000;
    /** Default {@code closers_login}: every closer logs in when the campaign starts. */
    public static final ClosersLogin CLOSERS_LOGIN_DEFAULT = ClosersLogin.AT_START;

    /**
     * When the closers of the closers file log in ({@code closers_login}).
     */
    public enum ClosersLogin
    {
        /** Every closer of the closers file logs in when the campaign starts ({@code at_start}). */
        AT_START,
        /** Closers log in later, through the control API ({@code manual}). */
        MANUAL
    }

    String name;
    String callerIdName;
    String callerIdNumber;
    String trunkUri;
    String outboundProxy;
    String username;
    String password;
    String passwordEnv;
    String transport = "udp";
    Path scriptFile;
    Script script;
    Path closersFile;
    List<Closer> closers = List.of();
    String closersSipRealm;
    String pacingMode = "progressive";
    double pacingRatio = ProgressivePacer.RATIO_DEFAULT;
    int maxLines = ProgressivePacer.MAX_LINES_DEFAULT;
    double targetAbandonRate = PredictivePacer.TARGET_ABANDON_RATE_DEFAULT;
    int maxLinesPerCloser = PredictivePacer.MAX_LINES_PER_CLOSER_DEFAULT;
    int minCallsBeforePredicting = PredictivePacer.MIN_ANSWERS_DEFAULT;
    long maxHoldMs = -1;
    int maxDialsPerSecond;
    int windowStartMinute = WINDOW_START_DEFAULT;
    int windowEndMinute = WINDOW_END_DEFAULT;
    Map<String, StateWindow> stateWindows = Map.of();
    int maxAttempts = RetryPolicy.MAX_ATTEMPTS_DEFAULT;
    int maxAttemptsPerDay = RetryPolicy.MAX_ATTEMPTS_PER_DAY_DEFAULT;
    Map<String, Long> retryDelaysMs = Map.of();
    String voicemailText;
    Path voicemailAudio;
    String[] callbackOffer = defaultCallbackOffer();
    long ringTimeoutMs = RING_TIMEOUT_DEFAULT_MS;
    List<Path> dncFiles = List.of();
    Path nationalDncFile;
    LocalDate nationalDncDownloaded;
    StateRules stateRules = StateRules.NONE;
    Path stateRulesFile;
    String defaultRegion = "US";
    Path leadsFile;
    final TransferConfiguration.Context transfer = new TransferConfiguration.Context();
    long mediaLagHoldMs = MEDIA_LAG_HOLD_DEFAULT_MS;
    int maxConsecutiveTrunkFailures = MAX_CONSECUTIVE_TRUNK_FAILURES_DEFAULT;
    long trunkResponseTimeoutMs = TRUNK_RESPONSE_TIMEOUT_DEFAULT_MS;
    boolean mediaRelease;
    long verdictTimeoutMs = VERDICT_TIMEOUT_DEFAULT_MS;
    long beepTimeoutMs = BEEP_TIMEOUT_DEFAULT_MS;
    ClosersLogin closersLogin = CLOSERS_LOGIN_DEFAULT;
    AbandonmentRule abandonment;

    CampaignFile()
    {
    }

    /**
     * The abandonment rule ({@code abandonment:}): the delay, the safe-harbor message's seller and call-back number,
     * the target rate and the rule basis. Without the section: the defaults, the caller id's name (else the campaign's
     * name) as the seller and the caller id's number as the call-back number.
     *
     * @return the rule.
     */
    public AbandonmentRule abandonment()
    {
        if (null != abandonment)
        {
            return abandonment;
        }
        final String seller = null == callerIdName || callerIdName.isBlank() ? name : callerIdName;
        return AbandonmentRule.defaults(null == seller ? "" : seller, null == callerIdNumber ? "" : callerIdNumber);
    }

    /**
     * The warm transfer's settings from the {@code transfer:} section, the others at
     * {@link TransferConfiguration}'s defaults: a new context on each call, for the engine to adjust and conclude.
     *
     * @return a new context.
     */
    public TransferConfiguration.Context transfer()
    {
        return new TransferConfiguration.Context()
            .ringTimeoutMs(transfer.ringTimeoutMs())
            .maxAttempts(transfer.maxAttempts())
            .decisionTimeoutMs(transfer.decisionTimeoutMs())
            .holdLimitMs(transfer.holdLimitMs())
            .holdMusic(transfer.holdMusic())
            .reassuranceIntervalMs(transfer.reassuranceIntervalMs())
            .callerIdPassThrough(transfer.callerIdPassThrough())
            .introduction(transfer.introduction())
            .wrapUpMs(transfer.wrapUpMs())
            .promptGuardMs(transfer.promptGuardMs())
            .maxWaitingCallers(transfer.maxWaitingCallers());
    }

    /**
     * How long new dials wait after the media threads last fell behind ({@code admission.media_lag_hold}).
     *
     * @return ms, or {@link #MEDIA_LAG_HOLD_OFF} for no admission control.
     */
    public long mediaLagHoldMs()
    {
        return mediaLagHoldMs;
    }

    /**
     * Trunk failures in a row after which the campaign stops dialing and says why
     * ({@code trunk.max_consecutive_failures}).
     *
     * @return the count, or {@link #TRUNK_FAILURES_NEVER} (0) when failures never stop it.
     */
    public int maxConsecutiveTrunkFailures()
    {
        return maxConsecutiveTrunkFailures;
    }

    /**
     * Whether the media of a bridged transfer is released ({@code transfer.media: release}): once the closer accepts
     * and the bridge is up, caller and closer are re-INVITEd to send RTP to each other. False ({@code anchored}, the
     * default): the dialer's bridge carries the conversation to its end.
     *
     * @return true for {@code release}.
     */
    public boolean mediaRelease()
    {
        return mediaRelease;
    }

    /**
     * How long an INVITE may go without any response before the trunk counts as unreachable
     * ({@code trunk.response_timeout}).
     *
     * @return ms.
     */
    public long trunkResponseTimeoutMs()
    {
        return trunkResponseTimeoutMs;
    }

    /**
     * How long after the answer the detector may take; no verdict by then is treated as a person
     * ({@code detection.verdict_timeout}).
     *
     * @return ms.
     */
    public long verdictTimeoutMs()
    {
        return verdictTimeoutMs;
    }

    /**
     * How long a machine's beep is waited for before the voicemail is given up ({@code detection.beep_timeout}).
     *
     * @return ms.
     */
    public long beepTimeoutMs()
    {
        return beepTimeoutMs;
    }

    /**
     * When the closers log in ({@code closers_login}).
     *
     * @return {@link ClosersLogin#AT_START} (the default) or {@link ClosersLogin#MANUAL}.
     */
    public ClosersLogin closersLogin()
    {
        return closersLogin;
    }

    /**
     * The retry rules the file sets, every other one at {@link RetryPolicy}'s defaults.
     *
     * @return a new context; {@link RetryPolicy.Context#policy()} makes the policy.
     */
    public RetryPolicy.Context retries()
    {
        final RetryPolicy.Context context = new RetryPolicy.Context()
            .maxAttempts(maxAttempts)
            .maxAttemptsPerDay(maxAttemptsPerDay);
        for (final Map.Entry<String, Long> entry : retryDelaysMs.entrySet())
        {
            final Disposition disposition = Disposition.fromConfigKey(entry.getKey());
            if (entry.getValue() < 0)
            {
                context.finalDisposition(disposition, true);
            }
            else
            {
                context.delayMs(disposition, entry.getValue());
            }
        }
        return context;
    }

    /**
     * The campaign's name.
     *
     * @return the name.
     */
    public String name()
    {
        return name;
    }

    /**
     * The caller ID display name.
     *
     * @return the name, or null.
     */
    public String callerIdName()
    {
        return callerIdName;
    }

    /**
     * The caller ID number in E.164.
     *
     * @return the number, like {@code +12145550199}.
     */
    public String callerIdNumber()
    {
        return callerIdNumber;
    }

    /**
     * The trunk's SIP URI.
     *
     * @return the URI.
     */
    public String trunkUri()
    {
        return trunkUri;
    }

    /**
     * The outbound proxy ({@code host[:port]} or a SIP URI).
     *
     * @return the proxy, or null.
     */
    public String outboundProxy()
    {
        return outboundProxy;
    }

    /**
     * The trunk user name.
     *
     * @return the user name, or null when the trunk needs none.
     */
    public String username()
    {
        return username;
    }

    /**
     * The trunk password: written in the file, or read now from the environment variable {@link #passwordEnv()}.
     *
     * @return the password, or null when none is set.
     */
    public String password()
    {
        return null != passwordEnv ? System.getenv(passwordEnv) : password;
    }

    /**
     * The environment variable holding the trunk password.
     *
     * @return the variable's name, or null.
     */
    public String passwordEnv()
    {
        return passwordEnv;
    }

    /**
     * The trunk transport.
     *
     * @return {@code udp} or {@code tcp}.
     */
    public String transport()
    {
        return transport;
    }

    /**
     * The qualification script file.
     *
     * @return the path, resolved against the campaign file's directory.
     */
    public Path scriptFile()
    {
        return scriptFile;
    }

    /**
     * The compiled qualification script.
     *
     * @return the script.
     */
    public Script script()
    {
        return script;
    }

    /**
     * The closers file.
     *
     * @return the path, resolved against the campaign file's directory.
     */
    public Path closersFile()
    {
        return closersFile;
    }

    /**
     * The closers.
     *
     * @return the closers.
     */
    public List<Closer> closers()
    {
        return closers;
    }

    /**
     * The closers file's {@code sip_realm}: the realm its extensions' {@code sip_password_ha1} values were computed
     * for, which the dialer's registrar must use ({@code io.dialer.sip.Registrar.Context#realm}).
     *
     * @return the realm, or null when the closers file names none (it has no closer on an extension).
     */
    public String closersSipRealm()
    {
        return closersSipRealm;
    }

    /**
     * The pacing mode.
     *
     * @return {@code progressive}.
     */
    public String pacingMode()
    {
        return pacingMode;
    }

    /**
     * Lines dialed per available closer.
     *
     * @return the ratio, above 0.
     */
    public double pacingRatio()
    {
        return pacingRatio;
    }

    /**
     * The most calls in progress at once.
     *
     * @return the limit.
     */
    public int maxLines()
    {
        return maxLines;
    }

    /**
     * Predictive pacing: the abandonment rate not to exceed ({@code pacing.target_abandon_rate}).
     *
     * @return the rate, above 0 and below 1.
     */
    public double targetAbandonRate()
    {
        return targetAbandonRate;
    }

    /**
     * Predictive pacing: the most lines in flight per closer on the floor ({@code pacing.max_lines_per_closer}).
     *
     * @return the limit.
     */
    public int maxLinesPerCloser()
    {
        return maxLinesPerCloser;
    }

    /**
     * Predictive pacing: the answers measured before predicting ({@code pacing.min_calls_before_predicting}).
     *
     * @return the count.
     */
    public int minCallsBeforePredicting()
    {
        return minCallsBeforePredicting;
    }

    /**
     * Predictive pacing: the longest a qualified caller waits for a closer before the call is dropped (as an
     * abandon); it lowers {@code transfer.hold_limit} when shorter ({@code pacing.max_hold}).
     *
     * @return ms, or -1 when not set.
     */
    public long maxHoldMs()
    {
        return maxHoldMs;
    }

    /**
     * The trunk's calls-per-second limit: new dials are spread to at most this many a second.
     *
     * @return dials per second, 0 when unlimited (the default).
     */
    public int maxDialsPerSecond()
    {
        return maxDialsPerSecond;
    }

    /**
     * Calling window start in the callee's local time.
     *
     * @return minutes after midnight.
     */
    public int windowStartMinute()
    {
        return windowStartMinute;
    }

    /**
     * Calling window end in the callee's local time.
     *
     * @return minutes after midnight.
     */
    public int windowEndMinute()
    {
        return windowEndMinute;
    }

    /**
     * Per-state window overrides by state.
     *
     * @return the overrides.
     */
    public Map<String, StateWindow> stateWindows()
    {
        return stateWindows;
    }

    /**
     * Attempts per lead in all.
     *
     * @return the cap.
     */
    public int maxAttempts()
    {
        return maxAttempts;
    }

    /**
     * Attempts per lead per day.
     *
     * @return the cap.
     */
    public int maxAttemptsPerDay()
    {
        return maxAttemptsPerDay;
    }

    /**
     * Whether the campaign file sets the retry of a disposition (a delay or {@code never}); when it does not,
     * {@link RetryPolicy}'s default applies.
     *
     * @param disposition the disposition's key, e.g. {@code callback}.
     * @return true when set.
     */
    public boolean retryDelaySet(final String disposition)
    {
        return retryDelaysMs.containsKey(disposition);
    }

    /**
     * Delay before a retry after a disposition.
     *
     * @param disposition {@code busy}, {@code no_answer}, {@code machine}, {@code failed}, {@code hung_up},
     *                    {@code abandoned}, {@code callback} or {@code message_left}.
     * @return the delay in ms (the file's, else {@link RetryPolicy}'s default), or -1 when that disposition is not
     * retried ({@code never}, or final by default and not set).
     */
    public long retryDelayMs(final String disposition)
    {
        final Long delay = retryDelaysMs.get(disposition);
        if (null != delay)
        {
            return delay;
        }
        final Disposition known = Disposition.fromConfigKey(disposition);
        return RetryPolicy.isFinalByDefault(known) ? -1 : RetryPolicy.delayDefaultMs(known);
    }

    /**
     * The callback times offered to a caller the warm transfer returns ({@code callback_offer}), by key.
     *
     * @return one entry per digit 0-9 (index = digit), null where the key picks nothing; all null for
     * {@code callback_offer: none}. Default: 1 this evening, 2 tomorrow morning.
     */
    public String[] callbackOffer()
    {
        return callbackOffer.clone();
    }

    /**
     * The callback offer when the campaign file sets none.
     *
     * @return 1 this evening, 2 tomorrow morning, by digit.
     */
    public static String[] defaultCallbackOffer()
    {
        final String[] byDigit = new String[10];
        byDigit[1] = "this evening";
        byDigit[2] = "tomorrow morning";
        return byDigit;
    }

    /**
     * The voicemail message to speak after the beep.
     *
     * @return the text, or null.
     */
    public String voicemailText()
    {
        return voicemailText;
    }

    /**
     * The voicemail message to play after the beep.
     *
     * @return the audio file, or null.
     */
    public Path voicemailAudio()
    {
        return voicemailAudio;
    }

    /**
     * How long to ring before giving up.
     *
     * @return ms, at least {@link #RING_TIMEOUT_FLOOR_MS}.
     */
    public long ringTimeoutMs()
    {
        return ringTimeoutMs;
    }

    /**
     * Do-not-call list files.
     *
     * @return the paths, resolved against the campaign file's directory.
     */
    public List<Path> dncFiles()
    {
        return dncFiles;
    }

    /**
     * The national do-not-call registry file ({@code dnc.national.file}).
     *
     * @return the file, or null when none.
     */
    public Path nationalDncFile()
    {
        return nationalDncFile;
    }

    /**
     * The registry file's download date as the campaign file gives it ({@code dnc.national.downloaded}).
     *
     * @return the date, or null when the file's header or name must give it.
     */
    public LocalDate nationalDncDownloaded()
    {
        return nationalDncDownloaded;
    }

    /**
     * The per-state rules: the shipped {@code us-state-rules.yaml} with the campaign's {@code state_rules} file over
     * it.
     *
     * @return the rules.
     */
    public StateRules stateRules()
    {
        return stateRules;
    }

    /**
     * The campaign's override of the state rules ({@code state_rules}).
     *
     * @return the file, or null when only the shipped rules apply.
     */
    public Path stateRulesFile()
    {
        return stateRulesFile;
    }

    /**
     * The region numbers without a {@code +} are read in.
     *
     * @return an ISO 3166 code, like {@code US}.
     */
    public String defaultRegion()
    {
        return defaultRegion;
    }

    /**
     * The lead list.
     *
     * @return the CSV path, resolved against the campaign file's directory.
     */
    public Path leadsFile()
    {
        return leadsFile;
    }
}
