/*
 * Dialer core compliance tests.
 */
package io.dialer.core.compliance;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.dialer.core.compliance.DialDecision.Reason;
import static io.dialer.core.compliance.DialDecision.Verdict;
import static io.dialer.core.compliance.Times.CHICAGO;
import static io.dialer.core.compliance.Times.HOUR_MS;
import static io.dialer.core.compliance.Times.NEW_YORK;
import static io.dialer.core.compliance.Times.local;
import static io.dialer.core.compliance.Times.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * State rules as the gate applies them: a rule narrows the campaign's window and cap, holidays and closed days hold
 * a lead to the next open day, and the decision names the rule and the national list's date.
 */
class StateRulesTest
{
    private static final long MIAMI = 13055550100L;
    private static final long NEW_ORLEANS = 15045550100L;
    private static final ZoneId[] NY = { NEW_YORK };
    private static final ZoneId[] CT = { CHICAGO };
    private static final long[] NONE = new long[0];

    @TempDir
    Path dir;

    private DoNotCallList dnc;
    private final DialDecision decision = new DialDecision();
    private final RetryPolicy retries = new RetryPolicy.Context().maxAttempts(10).maxAttemptsPerDay(10).policy();

    @BeforeEach
    void setUp()
    {
        dnc = new DoNotCallList(dir.resolve("optouts.txt"));
    }

    @AfterEach
    void tearDown()
    {
        dnc.close();
    }

    @Test
    void shouldNarrowTheCampaignWindowByTheStateRule()
    {
        final StateRules rules = rules(Map.of("FL", florida()));

        final CallingWindow wide = rules.policy(CallingWindow.of(LocalTime.of(7, 0), LocalTime.of(21, 0)), Map.of(),
            null).windowFor("FL");
        final CallingWindow narrow = rules.policy(CallingWindow.of(LocalTime.of(9, 0), LocalTime.of(17, 0)), Map.of(),
            null).windowFor("FL");

        assertEquals("08:00-20:00 max 3/24h (FL Fla. Stat. 501.616)", wide.toString());
        assertEquals("09:00-17:00 max 3/24h (FL Fla. Stat. 501.616)", narrow.toString());
        assertNull(rules.policy(CallingWindow.defaultWindow(), Map.of(), null).windowFor("CA").rule());
    }

    @Test
    void shouldKeepTheSmallerCapAndBothHolidaysWhenTheCampaignHasItsOwnStateWindow()
    {
        final StateRules rules = rules(Map.of("FL", florida()));
        final CallingWindow own = CallingWindow.of(LocalTime.of(8, 30), LocalTime.of(21, 0), 2)
            .withHolidays(LocalDate.parse("2026-12-24"));

        final CallingWindow window = rules.policy(CallingWindow.defaultWindow(), Map.of("FL", own), null)
            .windowFor("FL");

        assertEquals(LocalTime.of(8, 30), window.start());
        assertEquals(LocalTime.of(20, 0), window.end());
        assertEquals(2, window.maxCallsPer24h());
        assertEquals(List.of(LocalDate.parse("2026-12-24")), window.holidays());
    }

    @Test
    void shouldHoldAFloridaNumberAfterThreeCallsIn24HoursAndSayUntilWhen()
    {
        final DialGate gate = gate(rules(Map.of("FL", florida())));
        final long[] calls = {
            local(NEW_YORK, "2026-12-07T09:00"), local(NEW_YORK, "2026-12-07T12:00"),
            local(NEW_YORK, "2026-12-07T15:00") };

        gate.decide(MIAMI, NY, "FL", 3, calls, 3, 0, local(NEW_YORK, "2026-12-07T16:00"), decision);

        assertEquals(Verdict.DEFERRED, decision.verdict());
        assertEquals(Reason.ROLLING_CAP, decision.reason());
        assertEquals(show(local(NEW_YORK, "2026-12-08T09:00")), show(decision.untilMs()));
        assertEquals("FL Fla. Stat. 501.616", decision.rule());
        assertTrue(decision.toString().contains(
            "rule FL Fla. Stat. 501.616 held: FL 3 calls/24h: next at 2026-12-08T14:00:00Z"), decision.toString());
    }

    @Test
    void shouldAllowTheFourthFloridaCallOnceTheFirstIsOlderThan24Hours()
    {
        final DialGate gate = gate(rules(Map.of("FL", florida())));
        final long[] calls = {
            local(NEW_YORK, "2026-12-06T09:00"), local(NEW_YORK, "2026-12-06T12:00"),
            local(NEW_YORK, "2026-12-06T15:00") };

        gate.decide(MIAMI, NY, "FL", 3, calls, 3, 0, local(NEW_YORK, "2026-12-07T09:00:01"), decision);

        assertEquals(Verdict.ALLOWED, decision.verdict());
        assertEquals(2, decision.attemptsIn24h());
    }

    @Test
    void shouldCloseTheFloridaWindowAt20LocalWhereTheDefaultRunsTo21()
    {
        final DialGate gate = gate(rules(Map.of("FL", florida())));

        gate.decide(MIAMI, NY, "FL", 0, NONE, 0, 0, local(NEW_YORK, "2026-12-07T20:30"), decision);

        assertEquals(Reason.OUTSIDE_WINDOW, decision.reason());
        assertEquals(show(local(NEW_YORK, "2026-12-08T08:00")), show(decision.untilMs()));
    }

    @Test
    void shouldHoldALeadOnAHolidayInTheCalleesZoneUntilTheNextOpenDay()
    {
        final StateRules.Rule louisiana = new StateRules.Rule(LocalTime.of(8, 0), LocalTime.of(20, 0),
            CallingWindow.NO_CAP, List.of(LocalDate.parse("2026-12-25")), EnumSet.of(DayOfWeek.SUNDAY), "La. law");
        final DialGate gate = gate(rules(Map.of("LA", louisiana)));

        gate.decide(NEW_ORLEANS, CT, "LA", 0, NONE, 0, 0, local(CHICAGO, "2026-12-25T10:00"), decision);

        assertEquals(Verdict.DEFERRED, decision.verdict());
        assertEquals(Reason.HOLIDAY, decision.reason());
        assertEquals(show(local(CHICAGO, "2026-12-26T08:00")), show(decision.untilMs()));
        assertTrue(decision.toString().contains("held: holiday or closed day"), decision.toString());
    }

    @Test
    void shouldSkipAClosedSundayAfterAHolidayEve()
    {
        final StateRules.Rule louisiana = new StateRules.Rule(null, null, CallingWindow.NO_CAP,
            List.of(LocalDate.parse("2026-12-28")), EnumSet.of(DayOfWeek.SUNDAY), null);
        final DialGate gate = gate(rules(Map.of("LA", louisiana)));

        // Saturday 26 December after the window: Sunday is closed, Monday 28 a holiday, so Tuesday 29 at 08:00.
        gate.decide(NEW_ORLEANS, CT, "LA", 0, NONE, 0, 0, local(CHICAGO, "2026-12-26T21:30"), decision);

        assertEquals(Reason.OUTSIDE_WINDOW, decision.reason());
        assertEquals(show(local(CHICAGO, "2026-12-29T08:00")), show(decision.untilMs()));

        gate.decide(NEW_ORLEANS, CT, "LA", 0, NONE, 0, 0, local(CHICAGO, "2026-12-27T12:00"), decision);

        assertEquals(Reason.HOLIDAY, decision.reason());
        assertEquals(show(local(CHICAGO, "2026-12-29T08:00")), show(decision.untilMs()));
    }

    @Test
    void shouldApplyCommonHolidaysToEveryStateAndTheDefault()
    {
        final StateRules.Rule common = new StateRules.Rule(null, null, CallingWindow.NO_CAP,
            List.of(LocalDate.parse("2026-12-25")), EnumSet.noneOf(DayOfWeek.class), null);
        final StateRules rules = new StateRules(Map.of("FL", florida()), common, "test");
        final WindowPolicy policy = rules.policy(CallingWindow.defaultWindow(), Map.of(), null);

        assertTrue(policy.windowFor("FL").isHoliday(LocalDate.parse("2026-12-25")));
        assertTrue(policy.windowFor("CA").isHoliday(LocalDate.parse("2026-12-25")));
        assertFalse(policy.windowFor("CA").isHoliday(LocalDate.parse("2026-12-24")));
    }

    @Test
    void shouldHoldWhenItIsAHolidayInAnyCandidateZone()
    {
        final StateRules.Rule common = new StateRules.Rule(null, null, CallingWindow.NO_CAP,
            List.of(LocalDate.parse("2026-12-25")), EnumSet.noneOf(DayOfWeek.class), null);
        final DialGate gate = gate(new StateRules(Map.of(), common, "test"));
        final ZoneId[] both = { NEW_YORK, Times.LOS_ANGELES };

        // 25 December 23:30 in New York is still 24 December 20:30 in Los Angeles, but the window is closed in NY.
        gate.decide(MIAMI, both, null, 0, NONE, 0, 0, local(NEW_YORK, "2026-12-25T12:00"), decision);

        assertEquals(Reason.HOLIDAY, decision.reason());
        assertEquals(show(local(Times.LOS_ANGELES, "2026-12-26T08:00")), show(decision.untilMs()));
    }

    @Test
    void shouldRefuseAStateWhoseRuleLeavesNoWindow()
    {
        final StateRules.Rule closed = new StateRules.Rule(null, null, CallingWindow.NO_CAP, List.of(),
            EnumSet.allOf(DayOfWeek.class), null);
        final DialGate gate = gate(rules(Map.of("LA", closed)));

        gate.decide(NEW_ORLEANS, CT, "LA", 0, NONE, 0, 0, local(CHICAGO, "2026-12-07T12:00"), decision);

        assertEquals(Verdict.REFUSED, decision.verdict());
        assertEquals(Reason.NO_WINDOW, decision.reason());
    }

    @Test
    void shouldRefuseANumberOnTheNationalListAndRecordTheListDate()
    {
        final NationalDncList national = NationalDncList.empty(dir.resolve("national.txt"),
            LocalDate.parse("2026-11-30"));
        national.add(3055550100L);
        dnc.national(national);
        final DialGate gate = gate(StateRules.NONE);
        final long nowMs = local(NEW_YORK, "2026-12-07T12:00");

        gate.decide(MIAMI, NY, "FL", 0, NONE, 0, 0, nowMs, decision);

        assertEquals(Reason.DO_NOT_CALL, decision.reason());
        assertEquals(LocalDate.parse("2026-11-30").toEpochDay(), decision.dncListDate());
        assertTrue(decision.toString().contains("listed national list of 2026-11-30"), decision.toString());

        gate.decide(MIAMI + 1, NY, "FL", 0, NONE, 0, 0, nowMs + HOUR_MS, decision);

        assertTrue(decision.isAllowed());
        assertTrue(decision.toString().contains("clear national list of 2026-11-30"), decision.toString());
    }

    private DialGate gate(final StateRules rules)
    {
        return new DialGate(rules.policy(CallingWindow.defaultWindow(), Map.of(), null), retries, dnc);
    }

    private static StateRules rules(final Map<String, StateRules.Rule> states)
    {
        return new StateRules(states, new StateRules.Rule(null, null, CallingWindow.NO_CAP, List.of(),
            EnumSet.noneOf(DayOfWeek.class), null), "test");
    }

    private static StateRules.Rule florida()
    {
        return new StateRules.Rule(LocalTime.of(8, 0), LocalTime.of(20, 0), 3, List.of(),
            EnumSet.noneOf(DayOfWeek.class), "Fla. Stat. 501.616");
    }
}
