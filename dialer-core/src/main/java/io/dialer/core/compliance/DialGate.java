/*
 * Dialer core: compliance.
 */
package io.dialer.core.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * The single compliance check right before each dial. In order: a valid E.164 number, not on the do-not-call list,
 * attempts left, a known zone (or the fallback); then the earliest instant that satisfies the retry time, the
 * state's rolling 24 h cap, the per-local-day cap and the calling window (its hours, holidays and closed days of the
 * week) in every candidate zone. When that instant
 * is now the dial is ALLOWED; when later it is DEFERRED until then (the lead waits, it is not skipped); when it can
 * never be satisfied it is REFUSED. Every decision carries what the journal records.
 * <p>
 * Pure: time comes in as an argument, nothing is read or written but the {@link DialDecision} passed in. Single
 * threaded, like the {@link DoNotCallList} it reads.
 */
public final class DialGate
{
    private static final long DAY_MS = 86_400_000L;

    private final WindowPolicy windows;
    private final RetryPolicy retries;
    private final DoNotCallList doNotCall;

    /**
     * A gate.
     *
     * @param windows   the calling windows.
     * @param retries   attempt caps (retry delays are applied by the caller through {@code notBeforeMs}).
     * @param doNotCall the do-not-call list, checked at every decision.
     */
    public DialGate(final WindowPolicy windows, final RetryPolicy retries, final DoNotCallList doNotCall)
    {
        this.windows = windows;
        this.retries = retries;
        this.doNotCall = doNotCall;
    }

    /**
     * The calling windows.
     *
     * @return the window policy.
     */
    public WindowPolicy windows()
    {
        return windows;
    }

    /**
     * The attempt caps and retry rules.
     *
     * @return the retry policy.
     */
    public RetryPolicy retries()
    {
        return retries;
    }

    /**
     * The do-not-call list the gate checks.
     *
     * @return the list.
     */
    public DoNotCallList doNotCall()
    {
        return doNotCall;
    }

    /**
     * Decides whether a lead may be dialed now.
     *
     * @param number            E.164 digits as a long ({@link E164#parse(CharSequence)}); invalid when not positive.
     * @param zones             candidate zones of the callee, null or empty when unknown.
     * @param state             two-letter state code, or null when unknown.
     * @param attemptsMade      dials made to this lead so far.
     * @param attemptTimesMs    start times of the lead's recent dials (at least those of the last 48 h), ascending.
     * @param attemptTimesCount how many entries of {@code attemptTimesMs} are used.
     * @param notBeforeMs       the retry time from {@link RetryPolicy#nextAttemptMs}, or 0 for a first dial.
     * @param nowMs             now, epoch ms.
     * @param decision          the result object to fill.
     * @return {@code decision}.
     */
    public DialDecision decide(
        final long number,
        final ZoneId[] zones,
        final String state,
        final int attemptsMade,
        final long[] attemptTimesMs,
        final int attemptTimesCount,
        final long notBeforeMs,
        final long nowMs,
        final DialDecision decision)
    {
        decision.reset(number, nowMs, state);
        final CallingWindow window = windows.windowFor(state);
        decision.window(window, windows.hasOverride(state));
        decision.attempts(attemptsMade + 1, retries.maxAttempts(), 0, retries.maxAttemptsPerDay(), 0);

        if (!E164.isValid(number))
        {
            return decision.refuse(DialDecision.Reason.INVALID_NUMBER);
        }

        decision.dncVersion(doNotCall.version());
        decision.dncListDate(doNotCall.nationalListDate());
        if (doNotCall.contains(number))
        {
            return decision.refuse(DialDecision.Reason.DO_NOT_CALL);
        }

        final ZoneId[] resolved = windows.resolveZones(zones);
        decision.zones(resolved, resolved != null && resolved != zones);
        final int today = resolved == null ? 0 : attemptsOnLocalDay(resolved, attemptTimesMs, attemptTimesCount, nowMs);
        final int in24h = attemptsSince(attemptTimesMs, attemptTimesCount, nowMs - DAY_MS);
        decision.attempts(attemptsMade + 1, retries.maxAttempts(), today, retries.maxAttemptsPerDay(), in24h);

        if (attemptsMade >= retries.maxAttempts())
        {
            return decision.refuse(DialDecision.Reason.ATTEMPTS_EXHAUSTED);
        }
        if (resolved == null)
        {
            return decision.refuse(DialDecision.Reason.UNKNOWN_ZONE);
        }

        long atMs = nowMs;
        DialDecision.Reason reason = DialDecision.Reason.ALLOWED;
        if (notBeforeMs > atMs)
        {
            atMs = notBeforeMs;
            reason = DialDecision.Reason.RETRY_DELAY;
        }

        final int cap24h = window.maxCallsPer24h();
        if (cap24h != CallingWindow.NO_CAP &&
            attemptsSince(attemptTimesMs, attemptTimesCount, atMs - DAY_MS) >= cap24h)
        {
            atMs = attemptTimesMs[attemptTimesCount - cap24h] + DAY_MS;
            reason = firstBlocker(reason, DialDecision.Reason.ROLLING_CAP);
        }

        final long nextDayMs = nextDayWithRoomMs(resolved, attemptTimesMs, attemptTimesCount, atMs);
        if (nextDayMs > atMs)
        {
            atMs = nextDayMs;
            reason = firstBlocker(reason, DialDecision.Reason.DAILY_CAP);
        }

        final long openingMs = WindowPolicy.nextOpeningMs(window, resolved, atMs);
        if (openingMs == CallingWindow.NEVER)
        {
            return decision.refuse(DialDecision.Reason.NO_WINDOW);
        }
        if (openingMs > atMs)
        {
            reason = firstBlocker(reason, closedAllDay(window, resolved, atMs) ?
                DialDecision.Reason.HOLIDAY : DialDecision.Reason.OUTSIDE_WINDOW);
            atMs = openingMs;
        }

        return atMs == nowMs ? decision.allow() : decision.defer(reason, atMs);
    }

    private static DialDecision.Reason firstBlocker(
        final DialDecision.Reason current, final DialDecision.Reason candidate)
    {
        return current == DialDecision.Reason.ALLOWED ? candidate : current;
    }

    private static boolean closedAllDay(final CallingWindow window, final ZoneId[] zones, final long atMs)
    {
        for (final ZoneId zone : zones)
        {
            if (window.isClosedAllDay(LocalDate.ofInstant(Instant.ofEpochMilli(atMs), zone)))
            {
                return true;
            }
        }

        return false;
    }

    private static int attemptsSince(final long[] timesMs, final int count, final long afterMs)
    {
        int n = 0;
        for (int i = count - 1; i >= 0 && timesMs[i] > afterMs; i--)
        {
            n++;
        }

        return n;
    }

    private int attemptsOnLocalDay(final ZoneId[] zones, final long[] timesMs, final int count, final long atMs)
    {
        int most = 0;
        for (final ZoneId zone : zones)
        {
            final ZoneRules rules = zone.getRules();
            final LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(atMs), zone);
            final long dayStartMs = CallingWindow.firstInstantAtOrAfter(rules, date, LocalTime.MIDNIGHT);
            final long dayEndMs = CallingWindow.firstInstantAtOrAfter(rules, date.plusDays(1), LocalTime.MIDNIGHT);
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                if (timesMs[i] >= dayStartMs && timesMs[i] < dayEndMs)
                {
                    n++;
                }
            }
            most = Math.max(most, n);
        }

        return most;
    }

    private long nextDayWithRoomMs(final ZoneId[] zones, final long[] timesMs, final int count, final long atMs)
    {
        if (attemptsOnLocalDay(zones, timesMs, count, atMs) < retries.maxAttemptsPerDay())
        {
            return atMs;
        }

        long latestMs = atMs;
        for (final ZoneId zone : zones)
        {
            final LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(atMs), zone);
            latestMs = Math.max(
                latestMs, CallingWindow.firstInstantAtOrAfter(zone.getRules(), date.plusDays(1), LocalTime.MIDNIGHT));
        }

        return latestMs;
    }
}
