/*
 * Dialer core.
 */
package io.dialer.core.engine;

import org.agrona.collections.IntArrayQueue;

/**
 * The calls up, in a fixed array of slots shared by every campaign; each slot holds the {@link CallFlow} of the call
 * in it (a flow of the call's campaign, see {@link CampaignRun}). A call id is {@code sequence << slotBits | slot}:
 * the slot is found from the id at once, and an event for a call whose slot was released or reused is recognised
 * (its id no longer matches) and dropped. Single writer: the controller's thread.
 */
final class CallSlots
{
    private final CallFlow[] calls;
    private final IntArrayQueue free;
    private final int slotBits;
    private final long slotMask;
    private long sequence;
    private int live;

    /**
     * @param slotBits      log2 of the slots.
     * @param firstSequence the first call sequence number (above every call id of the journals).
     */
    CallSlots(final int slotBits, final long firstSequence)
    {
        this.slotBits = slotBits;
        this.slotMask = (1L << slotBits) - 1;
        this.sequence = firstSequence;
        final int capacity = 1 << slotBits;
        calls = new CallFlow[capacity];
        free = new IntArrayQueue(Math.max(capacity, IntArrayQueue.MIN_CAPACITY), IntArrayQueue.DEFAULT_NULL_VALUE);
        for (int i = 0; i < capacity; i++)
        {
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
        return null != flow && 0 != callId && flow.callId() == callId ? flow : null;
    }

    /**
     * Call ids go on above a journal's: a campaign resumed while the engine runs never reuses one of its ids.
     *
     * @param firstSequence the lowest sequence number the next call may have.
     */
    void atLeast(final long firstSequence)
    {
        sequence = Math.max(sequence, firstSequence);
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
     * @param flow the flow that will carry the call (to be started with the id returned).
     * @return the new call's id.
     */
    long acquire(final CallFlow flow)
    {
        final int slot = free.pollInt();
        calls[slot] = flow;
        live++;
        return ++sequence << slotBits | slot;
    }

    /**
     * Every leg of a call is gone: its slot is free.
     *
     * @param callId the call.
     * @return the flow that carried it, or null when the slot no longer holds that call.
     */
    CallFlow release(final long callId)
    {
        final int slot = (int)(callId & slotMask);
        final CallFlow flow = calls[slot];
        if (null == flow || (flow.callId() != callId && 0 != flow.callId()))
        {
            return null; // (a flow releasing its call has already forgotten the id)
        }
        calls[slot] = null;
        live--;
        free.offerInt(slot);
        return flow;
    }

    /**
     * @return every slot's flow (null for a free slot).
     */
    CallFlow[] all()
    {
        return calls;
    }

    /**
     * @return calls up.
     */
    int live()
    {
        return live;
    }

    /**
     * @return the mask of the slot bits of a call id.
     */
    long slotMask()
    {
        return slotMask;
    }
}
