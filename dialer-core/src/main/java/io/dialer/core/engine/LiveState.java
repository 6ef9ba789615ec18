/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.List;
import java.util.Map;

/**
 * The engine's state as the controller last published it (every 250 ms, and on request through
 * {@link EngineControl#refresh()}): immutable, safe to read from any thread. The read side of the control seam.
 *
 * @param timeMs           the controller's time when it was taken.
 * @param run              the run number on the journal.
 * @param status           where the campaign is.
 * @param reason           why it is paused, suspended or stopped; empty otherwise.
 * @param leads            leads in the list.
 * @param leadsDone        leads closed for good.
 * @param ready            leads ready to dial.
 * @param waiting          leads waiting for a time (retry, callback, window, cap).
 * @param heldByWindow     of those, leads waiting for their calling window.
 * @param nextDueMs        when the next waiting lead becomes dialable, epoch ms; {@code Long.MAX_VALUE} for none.
 * @param dialed           dials made in this run.
 * @param live             calls up (a lead leg or closer legs).
 * @param callsByPhase     calls up, by {@link CallFlow.Phase} name.
 * @param callersWaiting   qualified callers waiting for a closer.
 * @param qualified        callers qualified in this run.
 * @param bridged          callers bridged to a closer in this run.
 * @param dispositions     calls ended in this run, by disposition name.
 * @param trunkFailures    consecutive trunk failures (reset by any call the trunk handled).
 * @param trunkProblem     the last trunk failure, empty when none yet.
 * @param closers          the sales floor, in the closers file's order.
 */
public record LiveState(
    long timeMs,
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
    List<CloserView> closers)
{
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
        STOPPED
    }

    /**
     * One closer on the floor.
     *
     * @param id       the closer id.
     * @param name     the name.
     * @param state    {@code LOGGED_OUT}, {@code AVAILABLE}, {@code DIALING}, {@code RINGING}, {@code BRIEFING},
     *                 {@code ON_CALL}, {@code WRAP_UP} or {@code PAUSED}.
     * @param reason   the pause reason, or what the closer asked for while busy ("pause after call: lunch"); empty.
     * @param sinceMs  when the closer entered the state, epoch ms.
     * @param callId   the call the closer is offered or talking to, 0 for none.
     * @param lead     that call's lead index, -1 for none.
     */
    public record CloserView(String id, String name, String state, String reason, long sinceMs, long callId, int lead)
    {
    }

    /**
     * @param id a closer id.
     * @return that closer, or null.
     */
    public CloserView closer(final String id)
    {
        for (final CloserView closer : closers)
        {
            if (closer.id().equals(id))
            {
                return closer;
            }
        }
        return null;
    }
}
