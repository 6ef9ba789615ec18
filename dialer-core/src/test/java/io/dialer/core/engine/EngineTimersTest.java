/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EngineTimersTest
{
    private static final long START = 1_000_000;

    private final List<String> fired = new ArrayList<>();
    private final EngineTimers timers = new EngineTimers(START, 4);
    private final EngineTimers.Handler handler = new EngineTimers.Handler()
    {
        @Override
        public void onCallTimer(final long callId, final int timer)
        {
            fired.add("call " + callId + " timer " + timer);
        }

        @Override
        public void onLeadTimer(final int campaign, final int lead)
        {
            fired.add("lead " + campaign + "/" + lead);
        }
    };

    @Test
    void shouldFireACallTimerWithItsCallIdAndNumberAtItsDeadline()
    {
        final long callId = 5L << 4 | 3;
        timers.startCallTimer(callId, CallFlow.TIMER_GUARD, START + 100, START);

        timers.poll(START + 96, handler);
        assertEquals(List.of(), fired);
        timers.poll(START + 104, handler);

        assertEquals(List.of("call " + callId + " timer " + CallFlow.TIMER_GUARD), fired);
        assertEquals(0, timers.count());
    }

    @Test
    void shouldReplaceATimerOfTheSameNumberAndCancelIt()
    {
        final long callId = 9L << 4 | 1;
        timers.startCallTimer(callId, CallFlow.TIMER_CONVERSATION, START + 100, START);
        timers.startCallTimer(callId, CallFlow.TIMER_CONVERSATION, START + 500, START);
        timers.startCallTimer(callId, CallFlow.TIMER_GUARD, START + 200, START);
        timers.cancelCallTimer(callId, CallFlow.TIMER_GUARD);
        timers.cancelCallTimer(callId, CallFlow.TIMER_GUARD);

        timers.poll(START + 300, handler);
        assertEquals(List.of(), fired);
        timers.poll(START + 504, handler);

        assertEquals(List.of("call " + callId + " timer " + CallFlow.TIMER_CONVERSATION), fired);
    }

    @Test
    void shouldKeepTimersOfCallsInDifferentSlotsApart()
    {
        final long first = 1L << 4 | 2;
        final long second = 1L << 4 | 7;
        timers.startCallTimer(first, CallFlow.TIMER_TRANSFER, START + 40, START);
        timers.startCallTimer(second, CallFlow.TIMER_TRANSFER, START + 40, START);
        timers.cancelCallTimer(first, CallFlow.TIMER_TRANSFER);

        timers.poll(START + 48, handler);

        assertEquals(List.of("call " + second + " timer " + CallFlow.TIMER_TRANSFER), fired);
    }

    @Test
    void shouldFireEveryDueTimerAfterALongPauseInOnePoll()
    {
        timers.scheduleLead(0, 7, START + 10_000, START);
        timers.scheduleLead(3, 8, START + 3_600_000, START);
        timers.scheduleLead(32_767, Integer.MAX_VALUE, START - 5, START);

        timers.poll(START + 4_000_000, handler);

        assertEquals(List.of("lead 32767/" + Integer.MAX_VALUE, "lead 0/7", "lead 3/8"), fired);
    }
}
