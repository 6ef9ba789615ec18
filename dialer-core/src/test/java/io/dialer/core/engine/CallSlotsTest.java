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
    private final CallSlots slots = new CallSlots(2, 40, CallFlowScript.settings(null), recorder, new CampaignLog()
    {
    }, new EngineStats());

    @Test
    void shouldDropAnEventForACallWhoseSlotWasReused()
    {
        final long first = slots.acquire();
        slots.slot(first).start(first, 0, 1);
        assertEquals(41L << 2 | (first & 3), first, "call ids continue after the first sequence");
        assertSame(slots.slot(first), slots.flow(first));

        slots.release(first);
        long reused = slots.acquire();
        while ((reused & 3) != (first & 3))
        {
            reused = slots.acquire(); // the free slots are handed out in turn: the released one comes last
        }
        slots.slot(reused).start(reused, 1, 1);

        assertNotEquals(first, reused);
        assertNull(slots.flow(first), "the old call's events find no flow");
        assertSame(slots.slot(reused), slots.flow(reused));
        assertNull(slots.flow(0), "call id 0 is nobody's");
    }

    @Test
    void shouldCountLiveCallsAndCallsInProgressForPacing()
    {
        final long a = slots.acquire();
        long b = 0;
        for (int i = 1; i < 4; i++)
        {
            b = slots.acquire();
        }
        assertFalse(slots.hasFree());
        assertEquals(4, slots.live());
        assertEquals(4, slots.inProgress());

        slots.leftPacing();
        slots.release(a);

        assertEquals(3, slots.live());
        assertEquals(3, slots.inProgress());
        assertTrue(slots.hasFree());
        assertNotEquals(a, b);
    }
}
