/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.List;
import java.util.Map;

/**
 * One campaign's state as the controller last published it, part of the engine's {@link LiveState}: immutable, safe
 * to read from any thread.
 *
 * @param id             the campaign's index in the engine (see {@link RunningCampaign#id()}).
 * @param name           the campaign's name.
 * @param run            the run number on the campaign's journal.
 * @param status         where the campaign is.
 * @param reason         why it is paused, suspended or stopped; empty otherwise.
 * @param leads          leads in the list.
 * @param leadsDone      leads closed for good.
 * @param ready          leads ready to dial.
 * @param waiting        leads waiting for a time (retry, callback, window, cap).
 * @param heldByWindow   of those, leads waiting for their calling window.
 * @param nextDueMs      when the next waiting lead becomes dialable, epoch ms; {@code Long.MAX_VALUE} for none.
 * @param dialed         dials made in this run.
 * @param live           the campaign's calls up (a lead leg or closer legs).
 * @param callsByPhase   those calls, by {@link CallPhase} name.
 * @param callersWaiting the campaign's qualified callers waiting for a closer.
 * @param qualified      callers qualified in this run.
 * @param bridged        callers bridged to a closer in this run.
 * @param dispositions   calls ended in this run, by disposition name.
 * @param trunkFailures  consecutive trunk failures (reset by any call the trunk handled).
 * @param trunkProblem   the last trunk failure, empty when none yet.
 * @param latencies      the steps' latencies in this run so far, by {@code Step} name (taken at most once a second).
 * @param onHold         the campaign's qualified callers on hold (waiting for a closer, or while one is dialed and
 *                       briefed), oldest first.
 * @param humanAnswered  calls answered by a person in the abandonment window (the whole run under 30 days, else the
 *                       rolling 30 days), from the campaign's ledger, restarts included.
 * @param abandoned      calls abandoned by the rule in the window (safe-harbor message played).
 * @param abandonRate    abandoned / humanAnswered, 0 when nobody answered.
 * @param abandonBudget  how many more abandons the window allows at the target rate.
 * @param holdAbandons   qualified callers who hung up or reached the hold limit on hold, in the window (not in the
 *                       rate).
 * @param falseMachines  people the detector called a machine, in the window (not in the rate).
 */
public record CampaignState(
    int id,
    String name,
    int run,
    Status status,
    String reason,
    int leads,
    int leadsDone,
    int ready,
    int waiting,
    int heldByWindow,
    long nextDueMs,
    long dialed,
    int live,
    Map<String, Integer> callsByPhase,
    int callersWaiting,
    long qualified,
    long bridged,
    Map<String, Long> dispositions,
    int trunkFailures,
    String trunkProblem,
    Map<String, Latency> latencies,
    List<OnHold> onHold,
    long humanAnswered,
    long abandoned,
    double abandonRate,
    long abandonBudget,
    long holdAbandons,
    long falseMachines,
    Pacing pacing)
{
    /**
     * What pacing decided last.
     *
     * @param mode              {@code progressive} or {@code predictive} (the other figures are 0 for progressive).
     * @param targetLines       the predictive target of lines in flight.
     * @param reason            what bounded it ({@code io.dialer.core.pacing.PacingReason}).
     * @param answerRate        the estimated answer rate.
     * @param humanShare        the estimated share of answers sent to the script.
     * @param qualificationRate the estimated qualification rate.
     * @param horizonMs         the estimated dial-to-qualification time, ms.
     * @param expectedFree      closers expected free at the horizon.
     * @param safetyZ           the safety margin, in standard deviations.
     * @param answersMeasured   answers measured since the start.
     */
    public record Pacing(
        String mode, int targetLines, String reason, double answerRate, double humanShare, double qualificationRate,
        double horizonMs, double expectedFree, double safetyZ, long answersMeasured)
    {
    }

    /**
     * A step's latency percentiles.
     *
     * @param count how many were measured.
     * @param p50Ms the median, ms.
     * @param p90Ms the 90th percentile, ms.
     * @param p99Ms the 99th percentile, ms.
     */
    public record Latency(long count, double p50Ms, double p90Ms, double p99Ms)
    {
    }

    /**
     * A qualified caller on hold.
     *
     * @param callId  the call.
     * @param lead    the lead's index in the campaign's list.
     * @param sinceMs since when, epoch ms.
     */
    public record OnHold(long callId, int lead, long sinceMs)
    {
    }

    /**
     * Where a campaign is.
     */
    public enum Status
    {
        /** Dialing. */
        RUNNING,
        /** Not dialing: paused by a user; calls in progress go on. */
        PAUSED,
        /** Not dialing: the engine suspended dialing (see the reason); a resume dials again. */
        SUSPENDED,
        /** No new dials: the run ends when the calls in progress end. */
        DRAINING,
        /** No new dials, unanswered calls cancelled: the run ends when the calls in progress end. */
        STOPPING,
        /** Every lead is done. */
        FINISHED,
        /** The run ended with leads still open (drained or stopped). */
        STOPPED;

        /**
         * @return true once the run has ended.
         */
        public boolean over()
        {
            return FINISHED == this || STOPPED == this;
        }
    }
}
