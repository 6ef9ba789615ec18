/*
 * Campaigns.
 */
package io.dialer.core.campaign;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.dialer.qualification.Script;

/**
 * A validated campaign: everything its file says, with defaults filled in, the compiled script and the closers.
 * Built only by {@link CampaignLoader}; immutable.
 */
public final class CampaignFile
{
    /** Default ring timeout: 25 s. */
    public static final long RING_TIMEOUT_DEFAULT_MS = 25_000;
    /** The least ring timeout allowed: 15 s (US rule: ring at least 15 s or 4 rings). */
    public static final long RING_TIMEOUT_FLOOR_MS = 15_000;
    /** Default calling window start, 08:00, in minutes after midnight. */
    public static final int WINDOW_START_DEFAULT = 8 * 60;
    /** Default calling window end, 21:00, in minutes after midnight. */
    public static final int WINDOW_END_DEFAULT = 21 * 60;

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
    String pacingMode = "progressive";
    double pacingRatio = 1.0;
    int maxLines = 10;
    int maxDialsPerSecond;
    int windowStartMinute = WINDOW_START_DEFAULT;
    int windowEndMinute = WINDOW_END_DEFAULT;
    Map<String, StateWindow> stateWindows = Map.of();
    int maxAttempts = 3;
    int maxAttemptsPerDay = 1;
    Map<String, Long> retryDelaysMs = Map.of();
    String voicemailText;
    Path voicemailAudio;
    String[] callbackOffer = defaultCallbackOffer();
    long ringTimeoutMs = RING_TIMEOUT_DEFAULT_MS;
    List<Path> dncFiles = List.of();
    String defaultRegion = "US";
    Path leadsFile;

    CampaignFile()
    {
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
     * Whether the campaign sets the retry of a disposition (a delay or {@code never}); {@code busy},
     * {@code no_answer}, {@code machine} and {@code failed} always have one (the campaign defaults), the others
     * ({@code hung_up}, {@code abandoned}, {@code callback}, {@code message_left}) only when the file gives one, else
     * the library's default applies ({@code RetryPolicy}).
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
     * @return the delay in ms, or -1 when that disposition is not retried ({@code never}) or not set.
     */
    public long retryDelayMs(final String disposition)
    {
        final Long delay = retryDelaysMs.get(disposition);
        return null == delay ? -1 : delay;
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
