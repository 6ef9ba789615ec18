/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The closers lane's table of prepared closer legs, path by path: prepared once per call, taken once by the first
 * closer dial, discarded when the call is released without one or when its slot is reused.
 */
class PreparedLegsTest
{
    private final List<String> discarded = new ArrayList<>();
    private final PreparedLegs<String> legs = new PreparedLegs<>(8, discarded::add);

    @Test
    void shouldPrepareOncePerCallAndHandTheLegToTheFirstDial()
    {
        assertTrue(legs.shouldPrepare(9));
        legs.put(9, "leg-9");
        assertFalse(legs.shouldPrepare(9), "the caller's next prompts prepare nothing more");

        assertEquals("leg-9", legs.take(9));
        assertNull(legs.take(9), "a second closer attempt dials without one");
        legs.release(9);
        assertEquals(List.of(), discarded);
    }

    @Test
    void shouldDiscardALegNotDialedWhenTheCallIsReleased()
    {
        legs.shouldPrepare(9);
        legs.put(9, "leg-9");

        legs.release(9);
        legs.release(9);

        assertEquals(List.of("leg-9"), discarded);
        assertNull(legs.take(9));
    }

    @Test
    void shouldDiscardTheLegOfAnEarlierCallWhenItsSlotIsReused()
    {
        legs.shouldPrepare(1);
        legs.put(1, "leg-1");

        assertTrue(legs.shouldPrepare(9), "call 9 has slot 1 of 8");
        assertEquals(List.of("leg-1"), discarded);
        legs.put(9, "leg-9");
        assertNull(legs.take(1));
        assertEquals("leg-9", legs.take(9));
    }

    @Test
    void shouldNotHandALegToAnotherCallOrKeepANullOne()
    {
        legs.shouldPrepare(2);
        legs.put(2, null);
        legs.shouldPrepare(3);
        legs.put(3, "leg-3");

        assertNull(legs.take(2), "none could be prepared: the dial opens its own media");
        assertNull(legs.take(11), "slot 3, another call");
        assertNull(legs.take(0));
        assertEquals("leg-3", legs.take(3));
    }

    @Test
    void shouldPrepareAgainForACallReleasedAndSeenAgainInItsSlot()
    {
        legs.shouldPrepare(4);
        legs.put(4, "leg-4");
        legs.put(4, "leg-4b");

        assertEquals(List.of("leg-4"), discarded, "a second leg for the call replaces the first");
        assertFalse(legs.shouldPrepare(4));
        legs.release(4);
        assertTrue(legs.shouldPrepare(12), "the slot's next call");
    }
}
