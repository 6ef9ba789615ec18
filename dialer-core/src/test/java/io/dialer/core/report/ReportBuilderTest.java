/*
 * Dialer core report tests.
 */
package io.dialer.core.report;

import io.dialer.core.compliance.CallProof;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CloserResult;
import io.dialer.core.journal.Step;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.transfer.TransferOutcome;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.dialer.core.report.ScriptedCampaign.CAMPAIGN;
import static io.dialer.core.report.ScriptedCampaign.FINISHED_MS;
import static io.dialer.core.report.ScriptedCampaign.RUN1_MS;
import static io.dialer.core.report.ScriptedCampaign.RUN2_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportBuilderTest
{
    /**
     * Asserts a recorded latency against the true value: HdrHistogram with 3 significant digits reports the top of
     * the value's bucket, at most 0.1% above, then rounded to the microsecond.
     */
    static void assertMicros(final long expectedNanos, final long actualMicros)
    {
        final double lowUs = expectedNanos / 1000.0 - 0.5;
        final double highUs = expectedNanos * 1.001 / 1000.0 + 0.5;
        assertTrue(actualMicros >= lowUs && actualMicros <= highUs,
            () -> actualMicros + " us is not within HdrHistogram precision of " + expectedNanos + " ns");
    }

    @Test
    void shouldCountTheWholeCampaignAcrossRuns()
    {
        final CampaignReport report = ScriptedCampaign.both().report();

        assertEquals(CAMPAIGN, report.campaign());
        assertEquals(List.of(
            new RunSummary(1, RUN1_MS, CampaignReport.NONE, 5),
            new RunSummary(2, RUN2_MS, FINISHED_MS, 3)), report.runs());
        assertEquals(RUN1_MS, report.startedMs());
        assertEquals(FINISHED_MS, report.finishedMs());
        assertTrue(report.finished());

        assertEquals(8, report.attempts());
        assertEquals(8, report.calls());
        assertEquals(5, report.answered());
        assertEquals(6, report.answers());
        assertEquals(2, report.qualified());
        assertEquals(1, report.optOuts());
    }

    @Test
    void shouldReportTheAbandonmentLedgerFromTheCallProofs()
    {
        final ReportBuilder builder = new ReportBuilder();
        builder.campaignStarted(RUN1_MS, 1, CAMPAIGN, "leads.csv", 100, 2);
        for (int i = 0; i < 99; i++)
        {
            builder.callProof(RUN1_MS + 1_000 + i, i, i + 1, RUN1_MS + i, RUN1_MS + i + 800, RUN1_MS + i + 801, 0,
                CallProof.PERSON, "TSR", 0.05);
        }
        builder.callProof(RUN1_MS + 2_000, 99, 100, RUN1_MS + 100, RUN1_MS + 900, 0, 0,
            CallProof.PERSON | CallProof.ABANDONED | CallProof.SAFE_HARBOR, "TSR", 0.05);
        builder.callProof(RUN1_MS + 2_001, 98, 101, RUN1_MS + 101, 0, 0, 0, CallProof.FALSE_MACHINE, "TSR", 0.05);

        final CampaignReport.Abandonment a = builder.report().abandonment();
        assertEquals(new CampaignReport.Abandonment(101, 100, 1, 0.01, 0.05, 4, 0, 1, true, RUN1_MS, "TSR"), a);
        assertEquals(0, new ReportBuilder().report().abandonment().proofs());
    }

    @Test
    void shouldGiveEachLeadItsFinalState()
    {
        final LeadSummary leads = ScriptedCampaign.both().report().leads();

        final Map<String, Long> reasons = new LinkedHashMap<>();
        reasons.put("INVALID_NUMBER", 1L);
        reasons.put("DO_NOT_CALL", 1L);
        reasons.put("ATTEMPTS_EXHAUSTED", 0L);
        reasons.put("UNKNOWN_ZONE", 0L);
        reasons.put("NO_WINDOW", 0L);
        assertEquals(new LeadSummary(9, 6, 4, 2, 2, 0, 1, reasons), leads);
        assertEquals(List.copyOf(reasons.keySet()), List.copyOf(leads.closedByReason().keySet()));
        assertEquals(6, leads.done());
        assertEquals(3, leads.open());
        assertEquals(leads.total(), leads.done() + leads.open());
    }

    @Test
    void shouldCountALateBeepAsACauseNotASecondVerdict()
    {
        final ReportBuilder builder = new ReportBuilder();
        builder.verdict(1_000, 0, 7, Verdict.HUMAN, Cause.GREETING_THEN_SILENCE, 1_800);
        builder.verdict(2_000, 0, 7, Verdict.MACHINE, Cause.LATE_BEEP, 3_100);
        final CampaignReport report = builder.report();

        assertEquals(1L, report.verdicts().get(Verdict.HUMAN));
        assertEquals(0L, report.verdicts().get(Verdict.MACHINE), "one verdict per answered call");
        assertEquals(1L, report.causes().get(Cause.LATE_BEEP));
        assertEquals(1L, report.causes().get(Cause.GREETING_THEN_SILENCE));
    }

    @Test
    void shouldCountEveryEnumValueZerosIncluded()
    {
        final CampaignReport report = ScriptedCampaign.both().report();

        final Map<Disposition, Long> dispositions = zeros(Disposition.class, Disposition.values());
        dispositions.put(Disposition.NO_ANSWER, 1L);
        dispositions.put(Disposition.BUSY, 1L);
        dispositions.put(Disposition.FAILED, 1L);
        dispositions.put(Disposition.MESSAGE_LEFT, 1L);
        dispositions.put(Disposition.HUNG_UP, 1L);
        dispositions.put(Disposition.OPTED_OUT, 1L);
        dispositions.put(Disposition.CALLBACK, 1L);
        dispositions.put(Disposition.TRANSFERRED, 1L);
        assertEquals(dispositions, report.dispositions());
        assertEquals(List.of(Disposition.values()), List.copyOf(report.dispositions().keySet()));

        final Map<Verdict, Long> verdicts = zeros(Verdict.class, Verdict.values());
        verdicts.put(Verdict.HUMAN, 3L);
        verdicts.put(Verdict.MACHINE, 1L);
        verdicts.put(Verdict.NOTSURE, 1L);
        assertEquals(verdicts, report.verdicts());

        final Map<Cause, Long> causes = zeros(Cause.class, Cause.values());
        causes.put(Cause.SHORT_GREETING, 2L);
        causes.put(Cause.GREETING_THEN_SILENCE, 1L);
        causes.put(Cause.BEEP, 1L);
        causes.put(Cause.TOO_LONG, 1L);
        assertEquals(causes, report.causes());

        final Map<CloserResult, Long> closerResults = zeros(CloserResult.class, CloserResult.values());
        closerResults.put(CloserResult.ACCEPTED, 1L);
        closerResults.put(CloserResult.REJECTED, 1L);
        closerResults.put(CloserResult.NO_ANSWER, 1L);
        closerResults.put(CloserResult.BUSY, 1L);
        assertEquals(closerResults, report.closerAttempts());

        final Map<TransferOutcome, Long> transfers = zeros(TransferOutcome.class, TransferOutcome.values());
        transfers.put(TransferOutcome.COMPLETED, 1L);
        transfers.put(TransferOutcome.ATTEMPTS_EXHAUSTED, 1L);
        assertEquals(transfers, report.transfers());
    }

    @Test
    void shouldCountOffersPerCloserSortedById()
    {
        assertEquals(List.of(
            new CloserSummary("adam", 2, 1, 0, 0, 1),
            new CloserSummary("zoe", 2, 0, 1, 1, 0)), ScriptedCampaign.both().report().closers());
    }

    @Test
    void shouldGiveLatencyPercentilesWithinHistogramPrecision()
    {
        final Map<Step, StepLatency> latencies = ScriptedCampaign.both().report().latencies();
        assertEquals(List.of(Step.values()), List.copyOf(latencies.keySet()));

        final StepLatency dial = latencies.get(Step.DIAL_TO_ANSWER);
        assertEquals(100, dial.count());
        assertMicros(50_000_000L, dial.p50Us());
        assertMicros(90_000_000L, dial.p90Us());
        assertMicros(99_000_000L, dial.p99Us());
        assertMicros(100_000_000L, dial.p999Us());
        assertMicros(100_000_000L, dial.maxUs());

        final StepLatency verdict = latencies.get(Step.ANSWER_TO_VERDICT);
        assertEquals(1, verdict.count());
        assertMicros(2_345_678L, verdict.p50Us());
        assertMicros(2_345_678L, verdict.maxUs());

        final StepLatency bridge = latencies.get(Step.ACCEPT_TO_BRIDGE);
        assertEquals(2, bridge.count());
        assertMicros(250_000L, bridge.p50Us());
        assertMicros(300_000L, bridge.p90Us());
        assertMicros(300_000L, bridge.maxUs());

        assertEquals(new StepLatency(Step.CLOSER_ANSWER_TO_BRIEFING, 0, 0, 0, 0, 0, 0),
            latencies.get(Step.CLOSER_ANSWER_TO_BRIEFING));
    }

    @Test
    void shouldSnapshotAKilledRunWithoutChangingAfterwards()
    {
        final ReportBuilder builder = new ReportBuilder();
        ScriptedCampaign.run1(builder);
        final CampaignReport killed = builder.report();
        ScriptedCampaign.run2(builder);

        assertFalse(killed.finished());
        assertEquals(CampaignReport.NONE, killed.finishedMs());
        assertEquals(1, killed.runs().size());
        assertFalse(killed.runs().get(0).finished());
        assertEquals(5, killed.attempts());
        assertEquals(4, killed.calls());
        assertEquals(1, killed.leads().inCall());
        assertEquals(1, killed.leads().retryPending());
        assertEquals(3, killed.leads().finalDisposition());
        assertEquals(1, killed.leads().closed());
        assertEquals(3, killed.leads().neverDialed());
        assertEquals(0L, killed.dispositions().get(Disposition.FAILED));
        assertEquals(0, killed.latencies().get(Step.ACCEPT_TO_BRIDGE).count());
        assertEquals(List.of(new CloserSummary("adam", 1, 1, 0, 0, 0), new CloserSummary("zoe", 1, 0, 1, 0, 0)),
            killed.closers());

        assertThrows(UnsupportedOperationException.class, () -> killed.dispositions().put(Disposition.BUSY, 9L));
        assertThrows(UnsupportedOperationException.class, () -> killed.leads().closedByReason().clear());
        assertThrows(UnsupportedOperationException.class, () -> killed.runs().clear());
    }

    @Test
    void shouldReportAStoppedRunAsNotFinishedWithItsOpenLeads()
    {
        final ReportBuilder builder = new ReportBuilder();
        builder.campaignStarted(1_000, 1, "c", "leads.csv", 10, 1);
        builder.dialed(1_001, 0, 1, 1, "+12145550100", "ok");
        builder.disposition(1_002, 0, 1, 1, Disposition.BUSY, 2_000, "486");
        builder.campaignStopped(1_003, 1, "the time limit passed", 10, 4, 50_000);

        final CampaignReport stopped = builder.report();

        assertFalse(stopped.finished());
        assertEquals(new CampaignReport.Stopped(1_003, "the time limit passed", 10, 4, 50_000), stopped.stopped());
        builder.campaignStarted(60_000, 2, "c", "leads.csv", 10, 1);
        assertNull(builder.report().stopped(), "a new run is running again");
    }

    @Test
    void shouldReportNothingBeforeAnyRecord()
    {
        final CampaignReport report = new ReportBuilder().report();

        assertEquals("", report.campaign());
        assertFalse(report.finished());
        assertEquals(CampaignReport.NONE, report.startedMs());
        assertEquals(CampaignReport.NONE, report.finishedMs());
        assertEquals(0, report.leads().total());
        assertEquals(5, report.leads().closedByReason().size());
        assertEquals(Disposition.values().length, report.dispositions().size());
        assertTrue(report.dispositions().values().stream().allMatch((count) -> 0 == count));
        assertTrue(report.closers().isEmpty());
    }

    @Test
    void shouldListOtherCloseReasonsAfterTheKnownOnesAlphabetically()
    {
        final ReportBuilder builder = new ReportBuilder();
        builder.campaignStarted(RUN1_MS, 1, CAMPAIGN, "leads.csv", 4, 1);
        builder.leadClosed(RUN1_MS, 0, new StringBuilder("ZONE_RETIRED"), "");
        builder.leadClosed(RUN1_MS, 1, "NO_WINDOW", "");
        builder.leadClosed(RUN1_MS, 2, "ALPHA", "");
        builder.leadClosed(RUN1_MS, 3, new StringBuilder("ZONE_RETIRED"), "");
        builder.leadClosed(RUN1_MS, 3, "ALPHA", "");

        final Map<String, Long> reasons = builder.report().leads().closedByReason();
        assertEquals(List.of("INVALID_NUMBER", "DO_NOT_CALL", "ATTEMPTS_EXHAUSTED", "UNKNOWN_ZONE", "NO_WINDOW",
            "ALPHA", "ZONE_RETIRED"), List.copyOf(reasons.keySet()));
        assertEquals(1L, reasons.get("NO_WINDOW"));
        assertEquals(1L, reasons.get("ALPHA"));
        assertEquals(2L, reasons.get("ZONE_RETIRED"));
        assertEquals(4, builder.report().leads().closed());
    }

    @Test
    void shouldCountLeadsBeyondTheListAndClampNegativeLatencies()
    {
        final ReportBuilder builder = new ReportBuilder();
        builder.campaignStarted(RUN1_MS, 1, CAMPAIGN, "leads.csv", 2, 1);
        builder.dialed(RUN1_MS, 5, 1, 1, "+12125550100", "");
        builder.latency(RUN1_MS, Step.DIAL_TO_ANSWER, -5);

        final CampaignReport report = builder.report();
        assertEquals(6, report.leads().total());
        assertEquals(1, report.leads().inCall());
        assertEquals(5, report.leads().neverDialed());
        assertEquals(1, report.latencies().get(Step.DIAL_TO_ANSWER).count());
        assertEquals(0, report.latencies().get(Step.DIAL_TO_ANSWER).maxUs());
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(final Class<E> type, final E[] values)
    {
        final Map<E, Long> map = new EnumMap<>(type);
        for (final E value : values)
        {
            map.put(value, 0L);
        }

        return map;
    }
}
