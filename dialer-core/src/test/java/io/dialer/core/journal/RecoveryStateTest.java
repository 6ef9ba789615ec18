/*
 * Dialer core journal tests.
 */
package io.dialer.core.journal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.dialer.core.compliance.AbandonmentLedger;
import io.dialer.core.compliance.CallProof;
import io.dialer.core.compliance.Disposition;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.transfer.TransferOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RecoveryStateTest
{
    private static final long HOUR = 3_600_000L;

    private final RecoveryState state = new RecoveryState();

    @TempDir
    Path dir;

    @Test
    void shouldStartEmpty()
    {
        assertEquals(0, state.runs());
        assertEquals(0, state.leads());
        assertFalse(state.finished());
        assertEquals(0, state.lastCallId());
        assertEquals(0, state.lastTimeMs());
        assertEquals(0, state.inFlight().length);
        assertEquals(List.of(), state.optOuts());
        assertEquals(0, state.attempts(5));
        assertNull(state.lastDisposition(5));
        assertFalse(state.closed(-1));
        assertEquals(RecoveryState.NO_CALL, state.inFlightCallId(5));
        assertEquals(0, state.attemptTimes(5, new long[8]));
    }

    @Test
    void shouldRebuildTheAbandonmentLedgerFromTheJournalsCallProofs()
    {
        try (Journal journal = Journal.open(dir))
        {
            final CampaignLog log = journal.decisions();
            log.campaignStarted(HOUR, 1, "c", "leads.csv", 10, 2);
            for (int i = 0; i < 40; i++)
            {
                log.callProof(HOUR + i * 1_000, i % 10, i + 1, HOUR + i * 1_000 - 500, HOUR + i * 1_000 - 400,
                    i < 2 ? 0 : HOUR + i * 1_000 - 399, 0,
                    i < 2 ? CallProof.PERSON | CallProof.ABANDONED | CallProof.SAFE_HARBOR : CallProof.PERSON, "r",
                    0.03);
            }
            log.callProof(2 * HOUR, 3, 41, 2 * HOUR - 500, 0, 0, 0, CallProof.FALSE_MACHINE, "r", 0.03);
            log.campaignStarted(3 * HOUR, 2, "c", "leads.csv", 10, 2);
        }
        Journal.replay(dir, state);

        final AbandonmentLedger ledger = state.abandonmentLedger(0.05);
        assertEquals(40, ledger.humanAnswered());
        assertEquals(2, ledger.abandoned());
        assertEquals(1, ledger.falseMachines());
        assertEquals(0.05, ledger.rate(), 1e-12);
        assertEquals(0, ledger.remainingBudget(), "floor(0.05 x 40) - 2");
        assertEquals(HOUR, ledger.windowStartMs(), "the first run's start, not the restart's");
    }

    @Test
    void shouldCountAttemptsAndKeepTheirTimesAscending()
    {
        state.campaignStarted(0, 1, "c", "leads.csv", 10, 2);
        state.dialed(5 * HOUR, 3, 1, 1, "+13105550100", "ok");
        state.disposition(5 * HOUR + 30_000, 3, 1, 1, Disposition.NO_ANSWER, 7 * HOUR, "480");
        state.dialed(7 * HOUR, 3, 2, 2, "+13105550100", "ok");
        state.disposition(7 * HOUR + 30_000, 3, 2, 2, Disposition.BUSY, 8 * HOUR, "486");
        state.dialed(6 * HOUR, 3, 3, 3, "+13105550100", "clock went back");

        assertEquals(3, state.attempts(3));
        assertEquals(0, state.attempts(4));
        final long[] times = new long[RecoveryState.MAX_ATTEMPT_TIMES];
        assertEquals(3, state.attemptTimes(3, times));
        assertArrayEquals(new long[]{ 5 * HOUR, 6 * HOUR, 7 * HOUR }, Arrays.copyOf(times, 3));
        final long[] two = new long[2];
        assertEquals(2, state.attemptTimes(3, two));
        assertArrayEquals(new long[]{ 6 * HOUR, 7 * HOUR }, two, "the most recent ones");
        assertEquals(Disposition.BUSY, state.lastDisposition(3));
        assertEquals(8 * HOUR, state.nextAttemptMs(3));
        assertFalse(state.closed(3));
        assertEquals(3, state.lastCallId());
        assertEquals(7 * HOUR + 30_000, state.lastTimeMs(), "the latest record, not the last one");
        state.latency(9 * HOUR, Step.DIAL_TO_ANSWER, 1_000);
        assertEquals(9 * HOUR, state.lastTimeMs(), "every record type counts");
    }

    @Test
    void shouldKeepOnlyTheMostRecentDialTimes()
    {
        final int dials = RecoveryState.MAX_ATTEMPT_TIMES + 5;
        for (int i = 1; i <= dials; i++)
        {
            state.dialed(i * HOUR, 0, i, i, "+13105550100", "ok");
            state.disposition(i * HOUR + 1, 0, i, i, Disposition.NO_ANSWER, i * HOUR + 2, "");
        }

        final long[] times = new long[RecoveryState.MAX_ATTEMPT_TIMES + 4];
        assertEquals(RecoveryState.MAX_ATTEMPT_TIMES, state.attemptTimes(0, times));
        assertEquals(6 * HOUR, times[0]);
        assertEquals(dials * HOUR, times[RecoveryState.MAX_ATTEMPT_TIMES - 1]);
        assertEquals(dials, state.attempts(0));
    }

    @Test
    void shouldCloseLeadsOnFinalDispositionsAndLeadClosed()
    {
        state.campaignStarted(0, 1, "c", "leads.csv", 4, 1);
        state.dialed(1, 0, 1, 1, "+13105550100", "ok");
        state.disposition(2, 0, 1, 1, Disposition.TRANSFERRED, Long.MAX_VALUE, "closer c1");
        state.leadClosed(3, 1, "DO_NOT_CALL", "on the list");
        state.dialed(4, 2, 2, 1, "+13105550102", "ok");
        state.disposition(5, 2, 2, 1, Disposition.CALLBACK, 10 * HOUR, "tomorrow 10:00");

        assertTrue(state.closed(0));
        assertEquals(Long.MAX_VALUE, state.nextAttemptMs(0));
        assertEquals(Disposition.TRANSFERRED, state.lastDisposition(0));
        assertTrue(state.closed(1));
        assertEquals(Long.MAX_VALUE, state.nextAttemptMs(1));
        assertNull(state.lastDisposition(1));
        assertEquals(0, state.attempts(1));
        assertFalse(state.closed(2));
        assertEquals(10 * HOUR, state.nextAttemptMs(2));
        assertFalse(state.closed(3));
        assertEquals(0, state.nextAttemptMs(3));

        state.disposition(6, 1, 3, 1, Disposition.NO_ANSWER, 7, "");
        assertTrue(state.closed(1), "closed stays closed");
    }

    @Test
    void shouldKeepCallsInFlightAcrossARestartUntilTheirDisposition()
    {
        state.campaignStarted(100, 1, "c", "leads.csv", 5, 1);
        state.dialed(101, 0, 1, 1, "+13105550100", "ok");
        state.dialed(102, 1, 2, 1, "+13105550101", "ok");
        state.answered(103, 1, 2);
        state.dialed(104, 2, 3, 2, "+13105550102", "ok");
        state.disposition(105, 0, 1, 1, Disposition.NO_ANSWER, 1000, "");
        state.disposition(106, 2, 99, 2, Disposition.NO_ANSWER, 1000, "another call");

        assertArrayEquals(new int[]{ 1, 2 }, state.inFlight());
        assertFalse(state.finished());

        state.campaignStarted(200, 2, "c", "leads.csv", 5, 1);
        assertEquals(2, state.runs());
        assertArrayEquals(new int[]{ 1, 2 }, state.inFlight(), "still in flight after the new run started");
        assertEquals(2, state.inFlightCallId(1));
        assertEquals(1, state.inFlightAttempt(1));
        assertEquals(1, state.inFlightRun(1));
        assertEquals(99, state.lastCallId());

        state.disposition(201, 1, 2, 1, Disposition.FAILED, 300, "dialer restarted during the call");
        state.dialed(202, 3, 100, 1, "+13105550103", "ok");
        assertArrayEquals(new int[]{ 2, 3 }, state.inFlight());
        assertEquals(Disposition.FAILED, state.lastDisposition(1));
        assertEquals(2, state.inFlightRun(3));
        assertEquals(RecoveryState.NO_CALL, state.inFlightCallId(1));
        assertEquals(0, state.inFlightAttempt(1));

        state.disposition(203, 2, 3, 2, Disposition.FAILED, 300, "dialer restarted during the call");
        state.disposition(204, 3, 100, 1, Disposition.MACHINE, 400, "");
        assertEquals(0, state.inFlight().length);
        assertEquals(100, state.lastCallId());
    }

    @Test
    void shouldListOptOutsOnceInOrder()
    {
        state.optedOut(1, 0, new StringBuilder("+13105550100"));
        state.optedOut(2, 4, "+13105550104");
        state.optedOut(3, 0, "+13105550100");

        assertEquals(List.of("+13105550100", "+13105550104"), state.optOuts());
        assertThrows(UnsupportedOperationException.class, () -> state.optOuts().add("x"));
    }

    @Test
    void shouldReportWhetherTheLastRunFinished()
    {
        state.campaignStarted(1, 1, "c", "leads.csv", 2, 1);
        state.campaignFinished(2, 1);
        assertTrue(state.finished());

        state.campaignStarted(3, 2, "c2", "other.csv", 3, 1);
        assertFalse(state.finished());
        assertEquals("c2", state.campaign());
        assertEquals("other.csv", state.leadsFile());
        assertEquals(3, state.leads());
        state.campaignFinished(4, 1);
        assertFalse(state.finished(), "a stale run's end");
        state.campaignFinished(5, 2);
        assertTrue(state.finished());
        assertEquals(2, state.runs());
    }

    @Test
    void shouldGrowForLeadsBeyondTheAnnouncedCountAndIgnoreNegativeOnes()
    {
        state.campaignStarted(1, 1, "c", "leads.csv", 2, 1);
        state.dialed(2, 1000, 1, 1, "+13105550100", "ok");
        state.disposition(3, 1000, 1, 1, Disposition.OPTED_OUT, Long.MAX_VALUE, "");
        state.dialed(4, -1, 2, 1, "+13105550100", "ok");
        state.leadClosed(5, -7, "INVALID_NUMBER", "");

        assertEquals(1, state.attempts(1000));
        assertTrue(state.closed(1000));
        assertNull(state.lastDisposition(999));
        assertEquals(0, state.inFlight().length);
        assertEquals(2, state.leads());
        assertEquals(2, state.lastCallId());
    }

    @Test
    void shouldRebuildTheStateFromAJournalAcrossARestart()
    {
        try (Journal journal = Journal.open(dir))
        {
            final CampaignLog log = journal.decisions();
            log.campaignStarted(1000, 1, "c", "leads.csv", 3, 1);
            log.dialed(1001, 0, 1, 1, "+13105550100", "ok");
            log.answered(1002, 0, 1);
            log.verdict(1003, 0, 1, Verdict.HUMAN, Cause.SHORT_GREETING, 900);
            log.qualified(1004, 0, 1, "auto", "summary");
            log.closerAttempt(1005, 0, 1, "c1", CloserResult.ACCEPTED);
            log.transferEnded(1006, 0, 1, TransferOutcome.COMPLETED, "c1");
            log.disposition(1007, 0, 1, 1, Disposition.TRANSFERRED, Long.MAX_VALUE, "c1");
            log.dialed(1008, 1, 2, 1, "+13105550101", "ok");
            log.leadClosed(1009, 2, "DO_NOT_CALL", "");
        }

        final RecoveryState first = new RecoveryState();
        assertEquals(10, Journal.replay(dir, first));
        assertArrayEquals(new int[]{ 1 }, first.inFlight());
        assertEquals(1, first.runs());

        try (Journal journal = Journal.open(dir))
        {
            final CampaignLog log = journal.decisions();
            log.campaignStarted(2000, 2, "c", "leads.csv", 3, 1);
            log.disposition(2001, 1, first.inFlightCallId(1), first.inFlightAttempt(1), Disposition.FAILED, 5000,
                "dialer restarted during the call");
            log.optedOut(2002, 1, "+13105550101");
            log.campaignFinished(2003, 2);
        }

        Journal.replay(dir, state);
        assertEquals(2, state.runs());
        assertTrue(state.finished());
        assertEquals(0, state.inFlight().length);
        assertTrue(state.closed(0));
        assertEquals(Disposition.FAILED, state.lastDisposition(1));
        assertEquals(5000, state.nextAttemptMs(1));
        assertEquals(1, state.attempts(1));
        assertTrue(state.closed(2));
        assertEquals(List.of("+13105550101"), state.optOuts());
        assertEquals(2, state.lastCallId());
    }
}
