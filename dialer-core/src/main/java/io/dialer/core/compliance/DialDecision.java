/*
 * Dialer core: compliance.
 */
package io.dialer.core.compliance;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The result of {@link DialGate#decide}: allowed now, deferred until an instant, or refused for good, with everything
 * the journal records to answer "why was this number called now" (local time and zone, window used, do-not-call
 * version checked, attempt n of max, attempts today and in 24 h). A reusable mutable object owned by the controller:
 * record it before the next decision overwrites it.
 */
public final class DialDecision
{
    /**
     * The outcome.
     */
    public enum Verdict
    {
        /** Dial now. */
        ALLOWED,
        /** Not now: dial at or after {@link #untilMs()}. */
        DEFERRED,
        /** Never dial this lead again. */
        REFUSED
    }

    /**
     * Why: for ALLOWED always {@link #ALLOWED}; for DEFERRED the first rule that blocks a dial now, in the order
     * retry delay, rolling cap, daily cap, window (the wait's end satisfies all of them); for REFUSED the rule.
     */
    public enum Reason
    {
        /** Every rule passed. */
        ALLOWED,
        /** Refused: the number is not valid E.164. */
        INVALID_NUMBER,
        /** Refused: the number is on the do-not-call list. */
        DO_NOT_CALL,
        /** Refused: the lead has had its maximum attempts. */
        ATTEMPTS_EXHAUSTED,
        /** Refused: no time zone is known and no fallback zone is configured. */
        UNKNOWN_ZONE,
        /** Refused: the window never opens in every candidate zone (empty, or no common time). */
        NO_WINDOW,
        /** Deferred: the retry delay after the last disposition has not passed. */
        RETRY_DELAY,
        /** Deferred: the per-day attempt cap is reached; waits for the next local day. */
        DAILY_CAP,
        /** Deferred: the state's rolling 24 h cap is reached. */
        ROLLING_CAP,
        /** Deferred: outside the calling window in at least one candidate zone. */
        OUTSIDE_WINDOW,
        /** Deferred: a holiday or a closed day of the week of the rule in at least one candidate zone. */
        HOLIDAY
    }

    private Verdict verdict;
    private Reason reason;
    private long number;
    private long nowMs;
    private long untilMs;
    private ZoneId[] zones;
    private boolean fallbackZone;
    private String state;
    private CallingWindow window;
    private boolean stateWindow;
    private long dncVersion;
    private long dncListDate;
    private int attempt;
    private int maxAttempts;
    private int attemptsToday;
    private int maxAttemptsPerDay;
    private int attemptsIn24h;
    private int maxCallsPer24h;

    /**
     * The outcome.
     *
     * @return the verdict.
     */
    public Verdict verdict()
    {
        return verdict;
    }

    /**
     * Why.
     *
     * @return the reason.
     */
    public Reason reason()
    {
        return reason;
    }

    /**
     * Whether the number may be dialed now.
     *
     * @return true when ALLOWED.
     */
    public boolean isAllowed()
    {
        return verdict == Verdict.ALLOWED;
    }

    /**
     * The number decided on, E.164 digits.
     *
     * @return the number.
     */
    public long number()
    {
        return number;
    }

    /**
     * When the decision was made, epoch ms.
     *
     * @return the time.
     */
    public long nowMs()
    {
        return nowMs;
    }

    /**
     * For DEFERRED the earliest time to ask again (epoch ms); for ALLOWED {@link #nowMs()}; for REFUSED
     * {@link CallingWindow#NEVER}.
     *
     * @return the time.
     */
    public long untilMs()
    {
        return untilMs;
    }

    /**
     * The zones checked (the caller's array or the fallback), null when unknown.
     *
     * @return the zones.
     */
    public ZoneId[] zones()
    {
        return zones;
    }

    /**
     * Whether the zone is the campaign's fallback zone because the number's zone was unknown.
     *
     * @return true when the fallback was used.
     */
    public boolean isFallbackZone()
    {
        return fallbackZone;
    }

    /**
     * The callee's state code, or null.
     *
     * @return the state.
     */
    public String state()
    {
        return state;
    }

    /**
     * The window applied.
     *
     * @return the window, null when not reached.
     */
    public CallingWindow window()
    {
        return window;
    }

    /**
     * Whether the window is the state's override (else the default).
     *
     * @return true for a state override.
     */
    public boolean isStateWindow()
    {
        return stateWindow;
    }

    /**
     * The do-not-call list's version at the check, or -1 when not checked.
     *
     * @return the version.
     */
    public long dncVersion()
    {
        return dncVersion;
    }

    /**
     * The download date of the national do-not-call list checked ({@link NationalDncList#downloaded()}), as an
     * epoch day, or -1 when no national list was loaded or the list was not checked.
     *
     * @return the epoch day.
     */
    public long dncListDate()
    {
        return dncListDate;
    }

    /**
     * The rule whose window and caps applied, like {@code FL Fla. Stat. 501.616}, or null for the campaign's own
     * window.
     *
     * @return the rule's label.
     */
    public String rule()
    {
        return null == window ? null : window.rule();
    }

    /**
     * The attempt this dial would be (attempts made + 1).
     *
     * @return the attempt number.
     */
    public int attempt()
    {
        return attempt;
    }

    /**
     * The cap on attempts per lead.
     *
     * @return the cap.
     */
    public int maxAttempts()
    {
        return maxAttempts;
    }

    /**
     * Attempts already made on the callee's current local day.
     *
     * @return the count.
     */
    public int attemptsToday()
    {
        return attemptsToday;
    }

    /**
     * The cap on attempts per local day.
     *
     * @return the cap.
     */
    public int maxAttemptsPerDay()
    {
        return maxAttemptsPerDay;
    }

    /**
     * Attempts already made in the last 24 h.
     *
     * @return the count.
     */
    public int attemptsIn24h()
    {
        return attemptsIn24h;
    }

    /**
     * The window's cap per rolling 24 h, or {@link CallingWindow#NO_CAP}.
     *
     * @return the cap.
     */
    public int maxCallsPer24h()
    {
        return maxCallsPer24h;
    }

    /**
     * Appends a one-line account: {@code ALLOWED +13105550100 at 10:15 America/Los_Angeles window 08:00-21:00
     * default dnc v3 clear attempt 2/5 today 1/3 24h 1}.
     *
     * @param builder to append to.
     * @return the builder.
     */
    public StringBuilder describe(final StringBuilder builder)
    {
        builder.append(verdict);
        if (reason != Reason.ALLOWED)
        {
            builder.append(' ').append(reason);
        }
        builder.append(' ');
        E164.appendTo(builder, number);
        if (verdict == Verdict.DEFERRED)
        {
            builder.append(" until ").append(Instant.ofEpochMilli(untilMs));
        }
        builder.append(" at ").append(Instant.ofEpochMilli(nowMs));
        if (zones != null)
        {
            builder.append(" local");
            for (final ZoneId zone : zones)
            {
                final ZonedDateTime local = Instant.ofEpochMilli(nowMs).atZone(zone);
                builder.append(' ').append(LocalTime.of(local.getHour(), local.getMinute()))
                    .append(local.getOffset()).append(' ').append(zone);
            }
            if (fallbackZone)
            {
                builder.append(" (fallback zone)");
            }
        }
        if (window != null)
        {
            builder.append(" window ").append(window.start()).append('-').append(window.end())
                .append(stateWindow ? " state " + state : " default");
            if (window.rule() != null)
            {
                builder.append(" rule ").append(window.rule());
            }
        }
        if (reason == Reason.ROLLING_CAP)
        {
            builder.append(" held: ").append(null == state ? "" : state + " ").append(maxCallsPer24h)
                .append(" calls/24h: next at ").append(Instant.ofEpochMilli(untilMs));
        }
        else if (reason == Reason.HOLIDAY)
        {
            builder.append(" held: holiday or closed day: next at ").append(Instant.ofEpochMilli(untilMs));
        }
        if (dncVersion >= 0)
        {
            builder.append(" dnc v").append(dncVersion).append(reason == Reason.DO_NOT_CALL ? " listed" : " clear");
            if (dncListDate >= 0)
            {
                builder.append(" national list of ").append(java.time.LocalDate.ofEpochDay(dncListDate));
            }
        }
        builder.append(" attempt ").append(attempt).append('/').append(maxAttempts);
        builder.append(" today ").append(attemptsToday).append('/').append(maxAttemptsPerDay);
        builder.append(" 24h ").append(attemptsIn24h);
        if (maxCallsPer24h != CallingWindow.NO_CAP)
        {
            builder.append('/').append(maxCallsPer24h);
        }

        return builder;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return describe(new StringBuilder(160)).toString();
    }

    void reset(final long number, final long nowMs, final String state)
    {
        this.verdict = null;
        this.reason = null;
        this.number = number;
        this.nowMs = nowMs;
        this.untilMs = CallingWindow.NEVER;
        this.zones = null;
        this.fallbackZone = false;
        this.state = state;
        this.window = null;
        this.stateWindow = false;
        this.dncVersion = -1;
        this.dncListDate = -1;
        this.attempt = 0;
        this.maxAttempts = 0;
        this.attemptsToday = 0;
        this.maxAttemptsPerDay = 0;
        this.attemptsIn24h = 0;
        this.maxCallsPer24h = CallingWindow.NO_CAP;
    }

    void zones(final ZoneId[] zones, final boolean fallbackZone)
    {
        this.zones = zones;
        this.fallbackZone = fallbackZone;
    }

    void window(final CallingWindow window, final boolean stateWindow)
    {
        this.window = window;
        this.stateWindow = stateWindow;
        this.maxCallsPer24h = window.maxCallsPer24h();
    }

    void dncVersion(final long dncVersion)
    {
        this.dncVersion = dncVersion;
    }

    void dncListDate(final long epochDay)
    {
        this.dncListDate = epochDay;
    }

    void attempts(
        final int attempt,
        final int maxAttempts,
        final int attemptsToday,
        final int maxAttemptsPerDay,
        final int attemptsIn24h)
    {
        this.attempt = attempt;
        this.maxAttempts = maxAttempts;
        this.attemptsToday = attemptsToday;
        this.maxAttemptsPerDay = maxAttemptsPerDay;
        this.attemptsIn24h = attemptsIn24h;
    }

    DialDecision allow()
    {
        verdict = Verdict.ALLOWED;
        reason = Reason.ALLOWED;
        untilMs = nowMs;
        return this;
    }

    DialDecision defer(final Reason reason, final long untilMs)
    {
        this.verdict = Verdict.DEFERRED;
        this.reason = reason;
        this.untilMs = untilMs;
        return this;
    }

    DialDecision refuse(final Reason reason)
    {
        this.verdict = Verdict.REFUSED;
        this.reason = reason;
        this.untilMs = CallingWindow.NEVER;
        return this;
    }
}
