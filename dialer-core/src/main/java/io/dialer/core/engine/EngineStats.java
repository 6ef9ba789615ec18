/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.concurrent.atomic.AtomicLongArray;

import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CloserResult;
import io.dialer.detection.Verdict;
import io.dialer.transfer.TransferOutcome;

/**
 * Live counters for a progress display: written by the controller only (ordered stores, no locks), read from any
 * thread.
 */
public final class EngineStats
{
    static final int DIALED = 0;
    static final int LIVE = 1;
    static final int QUALIFIED = 2;
    static final int BRIDGED = 3;
    static final int LEADS_DONE = 4;
    static final int LEADS = 5;
    static final int WAITING = 6;
    static final int SKIPPED_MS = 7;
    static final int MEDIA_HOLDS = 8;
    static final int READY = 9;
    static final int LEADS_WAITING = 10;
    static final int HELD_BY_WINDOW = 11;
    static final int NEXT_DUE_MS = 12;
    static final int HUMAN_ANSWERED = 13;
    static final int ABANDONS = 14;
    static final int HOLD_DROPS = 15;
    static final int FALSE_MACHINES = 16;
    static final int MEDIA_RELEASED = 17;
    static final int MEDIA_ANCHORED = 18;
    private static final int DISPOSITION_BASE = 19;
    private static final int VERDICT_BASE = DISPOSITION_BASE + Disposition.values().length;
    private static final int TRANSFER_BASE = VERDICT_BASE + Verdict.values().length;
    private static final int CLOSER_RESULT_BASE = TRANSFER_BASE + TransferOutcome.values().length;
    private static final int COUNTERS = CLOSER_RESULT_BASE + CloserResult.values().length;

    private final AtomicLongArray counters = new AtomicLongArray(COUNTERS);

    void add(final int counter, final long delta)
    {
        counters.lazySet(counter, counters.get(counter) + delta);
    }

    void set(final int counter, final long value)
    {
        counters.lazySet(counter, value);
    }

    void disposition(final Disposition disposition)
    {
        add(DISPOSITION_BASE + disposition.ordinal(), 1);
    }

    void verdict(final Verdict verdict)
    {
        add(VERDICT_BASE + verdict.ordinal(), 1);
    }

    void transfer(final TransferOutcome outcome)
    {
        add(TRANSFER_BASE + outcome.ordinal(), 1);
    }

    void closerResult(final CloserResult result)
    {
        add(CLOSER_RESULT_BASE + result.ordinal(), 1);
    }

    /**
     * @param verdict a detector verdict.
     * @return answered calls given that verdict.
     */
    public long count(final Verdict verdict)
    {
        return counters.get(VERDICT_BASE + verdict.ordinal());
    }

    /**
     * @param outcome a warm transfer's outcome.
     * @return transfers that ended so.
     */
    public long count(final TransferOutcome outcome)
    {
        return counters.get(TRANSFER_BASE + outcome.ordinal());
    }

    /**
     * @param result how a closer attempt ended.
     * @return closer attempts that ended so.
     */
    public long count(final CloserResult result)
    {
        return counters.get(CLOSER_RESULT_BASE + result.ordinal());
    }

    /**
     * @return calls answered by a person in this run (the dialer treated the callee as one).
     */
    public long humanAnswered()
    {
        return counters.get(HUMAN_ANSWERED);
    }

    /**
     * @return calls abandoned by the rule in this run (safe-harbor message played).
     */
    public long abandons()
    {
        return counters.get(ABANDONS);
    }

    /**
     * @return qualified callers who hung up or reached the hold limit on hold in this run.
     */
    public long holdDrops()
    {
        return counters.get(HOLD_DROPS);
    }

    /**
     * @return people the detector called a machine (a key during the wait for the beep or the message), this run.
     */
    public long falseMachines()
    {
        return counters.get(FALSE_MACHINES);
    }

    /**
     * @return calls dialed so far in this run.
     */
    public long dialed()
    {
        return counters.get(DIALED);
    }

    /**
     * @return calls up now (lead legs dialing, talking, on hold or bridged).
     */
    public long live()
    {
        return counters.get(LIVE);
    }

    /**
     * @return callers qualified in this run.
     */
    public long qualified()
    {
        return counters.get(QUALIFIED);
    }

    /**
     * @return bridged calls whose media was released in this run (caller and closer talk directly).
     */
    public long mediaReleased()
    {
        return counters.get(MEDIA_RELEASED);
    }

    /**
     * @return bridged calls whose media release fell back to the dialer's bridge in this run (a refusal, a timeout,
     *         different codecs, a leg ended).
     */
    public long mediaAnchored()
    {
        return counters.get(MEDIA_ANCHORED);
    }

    /**
     * @return callers bridged to a closer in this run.
     */
    public long bridged()
    {
        return counters.get(BRIDGED);
    }

    /**
     * @return leads with nothing left to do (final disposition, closed or out of attempts), whole campaign.
     */
    public long leadsDone()
    {
        return counters.get(LEADS_DONE);
    }

    /**
     * @return leads in the list.
     */
    public long leads()
    {
        return counters.get(LEADS);
    }

    /**
     * @return callers waiting for a closer now.
     */
    public long waiting()
    {
        return counters.get(WAITING);
    }

    /**
     * @return idle time the clock skipped, ms (demo only).
     */
    public long skippedMs()
    {
        return counters.get(SKIPPED_MS);
    }

    /**
     * @return times new dials were held because the media threads fell behind (see EngineContext.mediaLag).
     */
    public long mediaHolds()
    {
        return counters.get(MEDIA_HOLDS);
    }

    /**
     * @param disposition a disposition.
     * @return calls ended with it in this run.
     */
    public long count(final Disposition disposition)
    {
        return counters.get(DISPOSITION_BASE + disposition.ordinal());
    }

    /**
     * @return leads ready to dial now.
     */
    public long ready()
    {
        return counters.get(READY);
    }

    /**
     * @return leads waiting for a time: a retry delay, a callback, their calling window, a daily cap.
     */
    public long leadsWaiting()
    {
        return counters.get(LEADS_WAITING);
    }

    /**
     * @return of the leads waiting, those waiting for their calling window to open.
     */
    public long heldByWindow()
    {
        return counters.get(HELD_BY_WINDOW);
    }

    /**
     * @return when the next waiting lead becomes dialable, epoch ms (campaign clock); {@code Long.MAX_VALUE} for none.
     */
    public long nextDueMs()
    {
        return counters.get(NEXT_DUE_MS);
    }

    long get(final int counter)
    {
        return counters.get(counter);
    }
}
