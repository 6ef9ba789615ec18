/*
 * Dialer core compliance tests.
 */
package io.dialer.core.compliance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import static io.dialer.core.compliance.DialDecision.Reason;
import static io.dialer.core.compliance.DialDecision.Verdict;
import static io.dialer.core.compliance.Times.DAY_MS;
import static io.dialer.core.compliance.Times.HOUR_MS;
import static io.dialer.core.compliance.Times.LOS_ANGELES;
import static io.dialer.core.compliance.Times.NEW_YORK;
import static io.dialer.core.compliance.Times.local;
import static io.dialer.core.compliance.Times.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialGateTest
{
    private static final long NUMBER = 13105550100L;
    private static final long MIAMI_NUMBER = 13055550100L;
    private static final ZoneId[] LA = { LOS_ANGELES };
    private static final ZoneId[] NY = { NEW_YORK };
    private static final long[] NO_ATTEMPTS = new long[0];

    @TempDir
    Path dir;

    private DoNotCallList dnc;
    private DialGate gate;
    private final DialDecision decision = new DialDecision();

    @BeforeEach
    void setUp()
    {
        dnc = new DoNotCallList(dir.resolve("dnc-optouts.txt"));
        gate = gate(new RetryPolicy.Context().maxAttempts(5).maxAttemptsPerDay(3).policy(), null);
    }

    @AfterEach
    void tearDown()
    {
        dnc.close();
    }

    @Test
    void shouldAllowInsideTheWindowAndRecordWhy()
    {
        final long nowMs = local(LOS_ANGELES, "2026-05-01T10:15");

        gate.decide(NUMBER, LA, "CA", 1, new long[]{ nowMs - 3 * HOUR_MS }, 1, 0, nowMs, decision);

        assertEquals(Verdict.ALLOWED, decision.verdict());
        assertEquals(Reason.ALLOWED, decision.reason());
        assertEquals(nowMs, decision.untilMs());
        assertEquals(2, decision.attempt());
        assertEquals(1, decision.attemptsToday());
        assertEquals(1, decision.attemptsIn24h());
        assertEquals(dnc.version(), decision.dncVersion());
        assertEquals(
            "ALLOWED +13105550100 at 2026-05-01T17:15:00Z local 10:15-07:00 America/Los_Angeles " +
            "window 08:00-21:00 default dnc v0 clear attempt 2/5 today 1/3 24h 1",
            decision.toString());
    }

    @Test
    void shouldDeferALeadOutsideTheWindowUntilTheExactOpening()
    {
        gate.decide(NUMBER, LA, "CA", 0, NO_ATTEMPTS, 0, 0, local(LOS_ANGELES, "2026-05-01T06:30"), decision);

        assertEquals(Verdict.DEFERRED, decision.verdict());
        assertEquals(Reason.OUTSIDE_WINDOW, decision.reason());
        assertEquals(show(local(LOS_ANGELES, "2026-05-01T08:00")), show(decision.untilMs()));

        gate.decide(NUMBER, LA, "CA", 0, NO_ATTEMPTS, 0, 0, local(LOS_ANGELES, "2026-05-01T21:00"), decision);

        assertEquals(show(local(LOS_ANGELES, "2026-05-02T08:00")), show(decision.untilMs()));
        assertTrue(decision.toString().startsWith("DEFERRED OUTSIDE_WINDOW +13105550100 until 2026-05-02T15:00:00Z"));
    }

    @Test
    void shouldRefuseANumberAddedToTheDoNotCallListMidCampaign()
    {
        final long nowMs = local(LOS_ANGELES, "2026-05-01T10:00");
        gate.decide(NUMBER, LA, "CA", 0, NO_ATTEMPTS, 0, 0, nowMs, decision);
        assertTrue(decision.isAllowed());
        final long versionBefore = decision.dncVersion();

        assertTrue(dnc.add(NUMBER, "keypad:call-7", nowMs + 60_000));
        gate.decide(NUMBER, LA, "CA", 1, new long[]{ nowMs }, 1, 0, nowMs + 120_000, decision);

        assertEquals(Verdict.REFUSED, decision.verdict());
        assertEquals(Reason.DO_NOT_CALL, decision.reason());
        assertEquals(versionBefore + 1, decision.dncVersion());
        assertEquals(CallingWindow.NEVER, decision.untilMs());
        assertTrue(decision.toString().contains("dnc v" + (versionBefore + 1) + " listed"), decision.toString());
    }

    @Test
    void shouldRefuseWhenTheAttemptsAreExhausted()
    {
        final long nowMs = local(LOS_ANGELES, "2026-05-10T10:00");

        gate.decide(NUMBER, LA, "CA", 5, NO_ATTEMPTS, 0, 0, nowMs, decision);

        assertEquals(Verdict.REFUSED, decision.verdict());
        assertEquals(Reason.ATTEMPTS_EXHAUSTED, decision.reason());
        assertEquals(6, decision.attempt());
    }

    @Test
    void shouldDeferToTheNextLocalDayWhenTheDailyCapIsReached()
    {
        final long[] today = {
            local(LOS_ANGELES, "2026-05-01T09:00"),
            local(LOS_ANGELES, "2026-05-01T11:00"),
            local(LOS_ANGELES, "2026-05-01T13:00") };

        gate.decide(NUMBER, LA, "CA", 3, today, 3, 0, local(LOS_ANGELES, "2026-05-01T15:00"), decision);

        assertEquals(Verdict.DEFERRED, decision.verdict());
        assertEquals(Reason.DAILY_CAP, decision.reason());
        assertEquals(3, decision.attemptsToday());
        assertEquals(show(local(LOS_ANGELES, "2026-05-02T08:00")), show(decision.untilMs()));
    }

    @Test
    void shouldCountTheDailyCapInTheCalleesLocalDay()
    {
        // The cap is per local day, not per rolling 24 h: at 08:00 the three calls are under 24 h old.
        final long[] attempts = {
            local(NEW_YORK, "2026-05-01T09:00"),
            local(NEW_YORK, "2026-05-01T12:00"),
            local(NEW_YORK, "2026-05-01T20:30") };

        gate.decide(NUMBER, NY, "NY", 3, attempts, 3, 0, local(NEW_YORK, "2026-05-01T20:45"), decision);
        assertEquals(Reason.DAILY_CAP, decision.reason());
        assertEquals(show(local(NEW_YORK, "2026-05-02T08:00")), show(decision.untilMs()));

        gate.decide(NUMBER, NY, "NY", 3, attempts, 3, 0, local(NEW_YORK, "2026-05-02T08:00"), decision);
        assertTrue(decision.isAllowed());
        assertEquals(0, decision.attemptsToday());
        assertEquals(3, decision.attemptsIn24h());
    }

    @Test
    void shouldApplyTheFloridaRollingCapOfThreeCallsIn24Hours()
    {
        final DialGate floridaGate =
            gate(new RetryPolicy.Context().maxAttempts(10).maxAttemptsPerDay(10).policy(), null);
        final long[] attempts = {
            local(NEW_YORK, "2026-06-10T10:00"),
            local(NEW_YORK, "2026-06-10T18:00"),
            local(NEW_YORK, "2026-06-10T19:30") };

        // Next morning: three calls within 24 h, wait until the first is 24 h old.
        floridaGate.decide(MIAMI_NUMBER, NY, "FL", 3, attempts, 3, 0, local(NEW_YORK, "2026-06-11T08:00"), decision);
        assertEquals(Verdict.DEFERRED, decision.verdict());
        assertEquals(Reason.ROLLING_CAP, decision.reason());
        assertEquals(3, decision.attemptsIn24h());
        assertEquals(3, decision.maxCallsPer24h());
        assertTrue(decision.isStateWindow());
        assertEquals(show(local(NEW_YORK, "2026-06-11T10:00")), show(decision.untilMs()));

        floridaGate.decide(MIAMI_NUMBER, NY, "FL", 3, attempts, 3, 0, local(NEW_YORK, "2026-06-11T10:00"), decision);
        assertTrue(decision.isAllowed(), decision.toString());
        assertTrue(decision.toString().contains("window 08:00-20:00 state FL"), decision.toString());
        assertTrue(decision.toString().endsWith("24h 2/3"), decision.toString());

        // The same calls in Texas: no rolling cap, only the default window.
        floridaGate.decide(MIAMI_NUMBER, NY, "TX", 3, attempts, 3, 0, local(NEW_YORK, "2026-06-11T08:00"), decision);
        assertTrue(decision.isAllowed(), decision.toString());
    }

    @Test
    void shouldKeepTheStateWindowAroundTheRollingCap()
    {
        final DialGate floridaGate =
            gate(new RetryPolicy.Context().maxAttempts(10).maxAttemptsPerDay(10).policy(), null);
        final long[] attempts = {
            local(NEW_YORK, "2026-06-10T19:10"),
            local(NEW_YORK, "2026-06-10T19:40"),
            local(NEW_YORK, "2026-06-10T19:50") };

        floridaGate.decide(MIAMI_NUMBER, NY, "FL", 3, attempts, 3, 0, local(NEW_YORK, "2026-06-11T08:00"), decision);

        assertEquals(Reason.ROLLING_CAP, decision.reason());
        assertEquals(show(local(NEW_YORK, "2026-06-11T19:10")), show(decision.untilMs()));

        floridaGate.decide(MIAMI_NUMBER, NY, "FL", 3, attempts, 3, 0, local(NEW_YORK, "2026-06-11T20:00"), decision);
        assertEquals(Reason.OUTSIDE_WINDOW, decision.reason());
        assertEquals(0, decision.attemptsIn24h());
        assertEquals(show(local(NEW_YORK, "2026-06-12T08:00")), show(decision.untilMs()));
    }

    @Test
    void shouldWaitForTheRetryDelay()
    {
        final long endedMs = local(LOS_ANGELES, "2026-05-01T10:00");
        final long notBeforeMs = RetryPolicy.defaultPolicy().nextAttemptMs(Disposition.BUSY, endedMs, 0, 1);

        gate.decide(NUMBER, LA, "CA", 1, new long[]{ endedMs }, 1, notBeforeMs, endedMs + 60_000, decision);

        assertEquals(Reason.RETRY_DELAY, decision.reason());
        assertEquals(show(local(LOS_ANGELES, "2026-05-01T10:30")), show(decision.untilMs()));

        gate.decide(NUMBER, LA, "CA", 1, new long[]{ endedMs }, 1, notBeforeMs, notBeforeMs, decision);
        assertTrue(decision.isAllowed());
    }

    @Test
    void shouldClampACallbackTimeIntoTheWindow()
    {
        final long endedMs = local(LOS_ANGELES, "2026-05-01T10:00");
        final long askedMs = local(LOS_ANGELES, "2026-05-01T22:30");
        final long notBeforeMs = RetryPolicy.defaultPolicy().nextAttemptMs(Disposition.CALLBACK, endedMs, askedMs, 1);
        assertEquals(askedMs, notBeforeMs);

        gate.decide(NUMBER, LA, "CA", 1, new long[]{ endedMs }, 1, notBeforeMs, endedMs + 60_000, decision);

        assertEquals(Reason.RETRY_DELAY, decision.reason());
        assertEquals(show(local(LOS_ANGELES, "2026-05-02T08:00")), show(decision.untilMs()));
    }

    @Test
    void shouldDeferMultiZoneNumbersUntilEveryZoneIsInside()
    {
        gate.decide(NUMBER, new ZoneId[]{ NEW_YORK, LOS_ANGELES }, null, 0, NO_ATTEMPTS, 0, 0,
            local(NEW_YORK, "2026-06-10T09:00"), decision);

        assertEquals(Reason.OUTSIDE_WINDOW, decision.reason());
        assertEquals(show(local(LOS_ANGELES, "2026-06-10T08:00")), show(decision.untilMs()));
        assertTrue(decision.toString().contains("local 09:00-04:00 America/New_York 06:00-07:00 America/Los_Angeles"),
            decision.toString());
    }

    @Test
    void shouldRefuseUnknownZonesWithoutAFallback()
    {
        gate.decide(NUMBER, null, null, 0, NO_ATTEMPTS, 0, 0, local(NEW_YORK, "2026-06-10T12:00"), decision);

        assertEquals(Verdict.REFUSED, decision.verdict());
        assertEquals(Reason.UNKNOWN_ZONE, decision.reason());
    }

    @Test
    void shouldUseTheFallbackZoneForUnknownZones()
    {
        final DialGate fallbackGate = gate(RetryPolicy.defaultPolicy(), NEW_YORK);

        final long nowMs = local(NEW_YORK, "2026-06-10T07:00");
        fallbackGate.decide(NUMBER, new ZoneId[0], null, 0, NO_ATTEMPTS, 0, 0, nowMs, decision);

        assertEquals(Reason.OUTSIDE_WINDOW, decision.reason());
        assertTrue(decision.isFallbackZone());
        assertEquals(show(local(NEW_YORK, "2026-06-10T08:00")), show(decision.untilMs()));
        assertTrue(decision.toString().contains("(fallback zone)"), decision.toString());
    }

    @Test
    void shouldRefuseInvalidNumbersAndEmptyWindows()
    {
        gate.decide(-1, LA, null, 0, NO_ATTEMPTS, 0, 0, 0, decision);
        assertEquals(Reason.INVALID_NUMBER, decision.reason());

        final WindowPolicy closed = new WindowPolicy(
            CallingWindow.defaultWindow(), Map.of("XX", CallingWindow.of(LocalTime.NOON, LocalTime.NOON)), null);
        new DialGate(closed, RetryPolicy.defaultPolicy(), dnc).decide(
            NUMBER, LA, "XX", 0, NO_ATTEMPTS, 0, 0, local(LOS_ANGELES, "2026-06-10T12:00"), decision);
        assertEquals(Verdict.REFUSED, decision.verdict());
        assertEquals(Reason.NO_WINDOW, decision.reason());
        assertFalse(decision.isAllowed());
    }

    @Test
    void shouldReuseTheDecisionObject()
    {
        gate.decide(NUMBER, null, null, 0, NO_ATTEMPTS, 0, 0, 0, decision);
        assertFalse(decision.isFallbackZone());
        gate.decide(NUMBER, LA, null, 0, NO_ATTEMPTS, 0, 0, local(LOS_ANGELES, "2026-06-10T12:00") + DAY_MS, decision);
        assertTrue(decision.isAllowed());
        assertEquals(LA[0], decision.zones()[0]);
    }

    @Test
    void shouldDeferToTheExactOpeningOnDaylightSavingDays()
    {
        // 2026-03-08 01:00 EST: 08:00 EDT is 12:00Z.
        gate.decide(NUMBER, NY, "NY", 0, NO_ATTEMPTS, 0, 0, Times.utc("2026-03-08T06:00:00Z"), decision);
        assertEquals(show(Times.utc("2026-03-08T12:00:00Z")), show(decision.untilMs()));

        // 2026-11-01 01:30 EDT, first pass: 08:00 EST is 13:00Z.
        gate.decide(NUMBER, NY, "NY", 0, NO_ATTEMPTS, 0, 0, Times.utc("2026-11-01T05:30:00Z"), decision);
        assertEquals(show(Times.utc("2026-11-01T13:00:00Z")), show(decision.untilMs()));

        // A busy retry that would land at 21:10 EST on the fall-back day waits for 08:00 EST the next day.
        final long endedMs = Times.utc("2026-11-02T01:40:00Z");
        final long notBeforeMs = RetryPolicy.defaultPolicy().nextAttemptMs(Disposition.BUSY, endedMs, 0, 1);
        gate.decide(NUMBER, NY, "NY", 1, new long[]{ endedMs }, 1, notBeforeMs, endedMs + 1, decision);
        assertEquals(Reason.RETRY_DELAY, decision.reason());
        assertEquals(show(Times.utc("2026-11-02T13:00:00Z")), show(decision.untilMs()));
    }

    private DialGate gate(final RetryPolicy retries, final ZoneId fallbackZone)
    {
        final WindowPolicy windows = new WindowPolicy(
            CallingWindow.defaultWindow(),
            Map.of("FL", CallingWindow.of(LocalTime.of(8, 0), LocalTime.of(20, 0), 3)),
            fallbackZone);

        return new DialGate(windows, retries, dnc);
    }
}
