/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.function.Consumer;

/**
 * The closer legs made ready ahead of their dial, one per call slot, owned by the closers lane of {@link Effects}: a
 * leg is prepared once per call (when the caller starts qualification), taken by the call's first closer dial, and
 * discarded when the call is released without one (or when its slot is reused). Preallocated; no allocation, no
 * locks; one thread.
 *
 * @param <T> the prepared leg (a {@link io.dialer.sip.PreparedDial} in the engine).
 */
final class PreparedLegs<T>
{
    private final Object[] legs;
    private final long[] calls;
    private final long[] asked;
    private final int mask;
    private final Consumer<T> discard;

    /**
     * @param capacity most calls up at once, a power of two (the engine's slots).
     * @param discard  releases a leg not dialed.
     */
    PreparedLegs(final int capacity, final Consumer<T> discard)
    {
        legs = new Object[capacity];
        calls = new long[capacity];
        asked = new long[capacity];
        mask = capacity - 1;
        this.discard = discard;
    }

    /**
     * Whether a leg should be prepared for the call now: true once per call (the first time it is asked), after
     * which the slot is the call's.
     *
     * @param callId the call.
     * @return true the first time for this call.
     */
    boolean shouldPrepare(final long callId)
    {
        final int slot = slot(callId);
        if (asked[slot] == callId)
        {
            return false;
        }
        release(calls[slot]);
        asked[slot] = callId;
        return true;
    }

    /**
     * Keeps a leg prepared for the call (null when none could be prepared).
     *
     * @param callId the call.
     * @param leg    the leg, or null.
     */
    void put(final long callId, final T leg)
    {
        final int slot = slot(callId);
        final T previous = take(calls[slot]);
        if (null != previous)
        {
            discard.accept(previous);
        }
        if (null != leg)
        {
            legs[slot] = leg;
            calls[slot] = callId;
        }
    }

    /**
     * Takes the call's prepared leg, once.
     *
     * @param callId the call.
     * @return the leg, or null when none is prepared for it (any more).
     */
    @SuppressWarnings("unchecked")
    T take(final long callId)
    {
        final int slot = slot(callId);
        if (0 == callId || calls[slot] != callId)
        {
            return null;
        }
        final T leg = (T)legs[slot];
        legs[slot] = null;
        calls[slot] = 0;
        return leg;
    }

    /**
     * The call is over: its leg, if still prepared, is discarded.
     *
     * @param callId the call.
     */
    void release(final long callId)
    {
        final T leg = take(callId);
        if (null != leg)
        {
            discard.accept(leg);
        }
        final int slot = slot(callId);
        if (0 != callId && asked[slot] == callId)
        {
            asked[slot] = 0;
        }
    }

    private int slot(final long callId)
    {
        return (int)(callId & mask);
    }
}
