/*
 * Dialer core.
 */
package io.dialer.core.engine;

import io.dialer.core.journal.CampaignLog;
import org.agrona.collections.IntArrayQueue;

/**
 * The calls up, in a fixed array of slots, each with its reusable {@link CallFlow}. A call id is
 * {@code sequence << slotBits | slot}: the slot is found from the id at once, and an event for a call whose slot was
 * released or reused is recognised (its id no longer matches) and dropped. Counts the calls up and the calls that
 * count for pacing (dialed, not yet qualified or ended). Single writer: the controller's thread.
 */
final class CallSlots
{
    private final CallFlow[] calls;
    private final IntArrayQueue free;
    private final int slotBits;
    private final long slotMask;
    private long sequence;
    private int live;
    private int inProgress;

    /**
     * @param slotBits      log2 of the slots.
     * @param firstSequence the first call sequence number (above every call id of the journal).
     * @param settings      the calls' settings.
     * @param out           the calls' command sink.
     * @param journal       the calls' journal.
     * @param stats         the counters.
     */
    CallSlots(
        final int slotBits, final long firstSequence, final CallFlow.Settings settings, final CallCommands out,
        final CampaignLog journal, final EngineStats stats)
    {
        this.slotBits = slotBits;
        this.slotMask = (1L << slotBits) - 1;
        this.sequence = firstSequence;
        final int capacity = 1 << slotBits;
        calls = new CallFlow[capacity];
        free = new IntArrayQueue(Math.max(capacity, IntArrayQueue.MIN_CAPACITY), IntArrayQueue.DEFAULT_NULL_VALUE);
        for (int i = 0; i < capacity; i++)
        {
            calls[i] = new CallFlow(settings, out, journal, stats);
            free.offerInt(i);
        }
    }

    /**
     * The flow of a call that is up.
     *
     * @param callId the call id.
     * @return its flow, or null when the call is over (its slot released or reused).
     */
    CallFlow flow(final long callId)
    {
        final CallFlow flow = calls[(int)(callId & slotMask)];
        return 0 != callId && flow.callId() == callId ? flow : null;
    }

    /**
     * The flow of a call id's slot, whatever it holds (for a call being started).
     *
     * @param callId the call id.
     * @return the slot's flow.
     */
    CallFlow slot(final long callId)
    {
        return calls[(int)(callId & slotMask)];
    }

    /**
     * @return every slot's flow (those with call id 0 are free).
     */
    CallFlow[] all()
    {
        return calls;
    }

    /**
     * @return true when a call can be started.
     */
    boolean hasFree()
    {
        return !free.isEmpty();
    }

    /**
     * Takes a free slot for a new call.
     *
     * @return the new call's id; its flow is {@link #flow(long)}, to be started.
     */
    long acquire()
    {
        final int slot = free.pollInt();
        live++;
        inProgress++;
        return ++sequence << slotBits | slot;
    }

    /**
     * Every leg of a call is gone: its slot is free.
     *
     * @param callId the call.
     */
    void release(final long callId)
    {
        live--;
        free.offerInt((int)(callId & slotMask));
    }

    /**
     * A call no longer counts for pacing (it qualified or ended).
     */
    void leftPacing()
    {
        inProgress--;
    }

    /**
     * @return calls up.
     */
    int live()
    {
        return live;
    }

    /**
     * @return calls dialed that have not qualified or ended yet.
     */
    int inProgress()
    {
        return inProgress;
    }

    /**
     * @return the mask of the slot bits of a call id.
     */
    long slotMask()
    {
        return slotMask;
    }
}
