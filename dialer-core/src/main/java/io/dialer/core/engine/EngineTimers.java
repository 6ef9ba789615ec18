/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.agrona.DeadlineTimerWheel;
import org.agrona.collections.Long2LongHashMap;

/**
 * Every timer of the engine on one Agrona {@link DeadlineTimerWheel} (4 ms ticks), owned by the controller's thread:
 * each call's timers ({@link CallFlow#TIMERS} per call slot, at most one armed of each) and each lead's next attempt.
 * A wheel timer id is mapped to a packed payload: the kind (call or lead) in the top byte, the call's timer number in
 * the next, then the call id (48 bits) or the campaign and lead index (16 and 32 bits). An expiry for a call whose
 * slot was reused is recognised by its call id and dropped by the caller.
 */
final class EngineTimers
{
    /**
     * Told of due timers.
     */
    interface Handler
    {
        /**
         * A call's timer fired.
         *
         * @param callId the call id it was armed for (the slot may hold another call by now).
         * @param timer  the timer number.
         */
        void onCallTimer(long callId, int timer);

        /**
         * A lead's next attempt is due.
         *
         * @param campaign the lead's campaign.
         * @param lead     the lead.
         */
        void onLeadTimer(int campaign, int lead);
    }

    static final long NO_TIMER = DeadlineTimerWheel.NULL_DEADLINE;

    private static final int KIND_SHIFT = 56;
    private static final int TIMER_SHIFT = 48;
    private static final long ID_MASK = (1L << TIMER_SHIFT) - 1;
    private static final long KIND_CALL = 1;
    private static final long KIND_LEAD = 2;

    private final DeadlineTimerWheel wheel;
    private final Long2LongHashMap payloads = new Long2LongHashMap(0);
    private final long[] callTimers;
    private final long slotMask;
    private final DeadlineTimerWheel.TimerHandler expiry = this::onExpiry;
    private Handler handler;

    /**
     * @param startMs  the controller's time at start.
     * @param slotBits log2 of the call slots.
     */
    EngineTimers(final long startMs, final int slotBits)
    {
        wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, startMs, 4, 1024);
        slotMask = (1L << slotBits) - 1;
        callTimers = new long[(1 << slotBits) * CallFlow.TIMERS];
        Arrays.fill(callTimers, NO_TIMER);
    }

    /**
     * Arms a call's timer, replacing the one of the same number.
     *
     * @param callId     the call.
     * @param timer      the timer number, below {@link CallFlow#TIMERS}.
     * @param deadlineMs when.
     * @param nowMs      the time now (a deadline in the past fires at the next poll).
     */
    void startCallTimer(final long callId, final int timer, final long deadlineMs, final long nowMs)
    {
        final int index = (int)(callId & slotMask) * CallFlow.TIMERS + timer;
        cancel(callTimers[index]);
        final long timerId = wheel.scheduleTimer(Math.max(deadlineMs, nowMs));
        payloads.put(timerId, KIND_CALL << KIND_SHIFT | (long)timer << TIMER_SHIFT | (callId & ID_MASK));
        callTimers[index] = timerId;
    }

    /**
     * Disarms a call's timer, if armed.
     *
     * @param callId the call.
     * @param timer  the timer number.
     */
    void cancelCallTimer(final long callId, final int timer)
    {
        final int index = (int)(callId & slotMask) * CallFlow.TIMERS + timer;
        final long timerId = callTimers[index];
        if (NO_TIMER != timerId)
        {
            cancel(timerId);
            callTimers[index] = NO_TIMER;
        }
    }

    /**
     * Arms a lead's next attempt.
     *
     * @param campaign the lead's campaign.
     * @param lead     the lead.
     * @param atMs     when it may be dialed.
     * @param nowMs    the time now.
     */
    void scheduleLead(final int campaign, final int lead, final long atMs, final long nowMs)
    {
        final long timerId = wheel.scheduleTimer(Math.max(atMs, nowMs));
        payloads.put(timerId, KIND_LEAD << KIND_SHIFT | (long)campaign << 32 | (lead & 0xFFFF_FFFFL));
    }

    /**
     * Fires every due timer. The wheel examines one tick per poll and moves on once that tick has ended, so it is
     * polled until its current tick is the one holding now (after a pause or a skip of idle time, many ticks), then
     * once more for the timers of that tick already due.
     *
     * @param nowMs  the time.
     * @param target told of each expiry.
     */
    void poll(final long nowMs, final Handler target)
    {
        handler = target;
        do
        {
            wheel.poll(nowMs, expiry, Integer.MAX_VALUE);
        }
        while (wheel.currentTickTime() <= nowMs);
        wheel.poll(nowMs, expiry, Integer.MAX_VALUE);
    }

    /**
     * @return the number of armed timers.
     */
    long count()
    {
        return wheel.timerCount();
    }

    private void cancel(final long timerId)
    {
        if (NO_TIMER != timerId)
        {
            wheel.cancelTimer(timerId);
            payloads.remove(timerId);
        }
    }

    private boolean onExpiry(final TimeUnit unit, final long now, final long timerId)
    {
        final long payload = payloads.remove(timerId);
        final long kind = payload >>> KIND_SHIFT;
        if (KIND_LEAD == kind)
        {
            handler.onLeadTimer((int)((payload & ID_MASK) >>> 32), (int)payload);
        }
        else if (KIND_CALL == kind)
        {
            final long callId = payload & ID_MASK;
            final int timer = (int)((payload >>> TIMER_SHIFT) & 0xFF);
            final int index = (int)(callId & slotMask) * CallFlow.TIMERS + timer;
            if (callTimers[index] == timerId)
            {
                callTimers[index] = NO_TIMER;
            }
            handler.onCallTimer(callId, timer);
        }
        return true;
    }
}
