/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import io.dialer.core.journal.CampaignLog;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallSlotsTest
{
    private final CallFlowScript.Recorder recorder = new CallFlowScript.Recorder();
    private final CallSlots slots = new CallSlots(2, 40);

    private CallFlow flow()
    {
        return new CallFlow(CallFlowScript.settings(null), recorder, new CampaignLog()
        {
        }, new EngineStats());
    }

    @Test
    void shouldDropAnEventForACallWhoseSlotWasReused()
    {
        final CallFlow a = flow();
        final long first = slots.acquire(a);
        a.start(first, 0, 1);
        assertEquals(41L << 2 | (first & 3), first, "call ids continue after the first sequence");
        assertSame(a, slots.flow(first));

        assertSame(a, slots.release(first));
        assertNull(slots.release(first), "released once");
        final CallFlow b = flow();
        long reused = slots.acquire(b);
        while ((reused & 3) != (first & 3))
        {
            reused = slots.acquire(b); // the free slots are handed out in turn: the released one comes last
        }
        b.start(reused, 1, 1);

        assertNotEquals(first, reused);
        assertNull(slots.flow(first), "the old call's events find no flow");
        assertSame(b, slots.flow(reused));
        assertNull(slots.flow(0), "call id 0 is nobody's");
    }

    @Test
    void shouldCountLiveCallsAndRefuseWhenFull()
    {
        final CallFlow flow = flow();
        final long a = slots.acquire(flow);
        flow.start(a, 0, 1);
        for (int i = 1; i < 4; i++)
        {
            slots.acquire(flow());
        }
        assertFalse(slots.hasFree());
        assertEquals(4, slots.live());

        slots.release(a);

        assertEquals(3, slots.live());
        assertTrue(slots.hasFree());
        slots.atLeast(1_000);
        final long next = slots.acquire(flow());
        assertEquals(1_001L, next >>> 2, "a resumed campaign's call ids go on above its journal's");
    }
}
