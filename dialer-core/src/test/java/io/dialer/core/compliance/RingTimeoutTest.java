/*
 * Dialer core compliance tests.
 */
package io.dialer.core.compliance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RingTimeoutTest
{
    @ParameterizedTest
    @ValueSource(longs = { Long.MIN_VALUE, -1, 0, 1_000, 14_999 })
    void shouldRefuseATimeoutBelowTheFloorNamingIt(final long timeoutMs)
    {
        final IllegalArgumentException ex = assertThrows(
            IllegalArgumentException.class, () -> RingTimeout.of(timeoutMs));

        assertTrue(ex.getMessage().contains("15000 ms"), ex.getMessage());
        assertTrue(ex.getMessage().contains("ring_timeout"), ex.getMessage());
        assertFalse(RingTimeout.isAllowed(timeoutMs));
    }

    @ParameterizedTest
    @ValueSource(longs = { 15_000, 15_001, 25_000, 60_000 })
    void shouldAcceptATimeoutAtOrAboveTheFloor(final long timeoutMs)
    {
        assertEquals(timeoutMs, RingTimeout.of(timeoutMs).timeoutMs());
        assertTrue(RingTimeout.isAllowed(timeoutMs));
    }

    @Test
    void shouldNotGiveUpBeforeTheTimeout()
    {
        final RingTimeout timeout = RingTimeout.of(RingTimeout.FLOOR_MS);

        assertFalse(timeout.mayGiveUp(14_999));
        assertTrue(timeout.mayGiveUp(15_000));
        assertEquals(RingTimeout.DEFAULT_MS, RingTimeout.defaultTimeout().timeoutMs());
        assertTrue(RingTimeout.defaultTimeout().timeoutMs() >= RingTimeout.FLOOR_MS);
    }
}
