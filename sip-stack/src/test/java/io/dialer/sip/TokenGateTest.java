/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenGateTest
{
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldLetOneLinePerSourcePerInterval()
    {
        final TokenGate gate = new TokenGate(10, 10 * SECOND, 100, 0);
        assertTrue(gate.admit("192.0.2.1", 0));
        assertFalse(gate.admit("192.0.2.1", SECOND));
        assertFalse(gate.admit("192.0.2.1", 9 * SECOND));
        assertTrue(gate.admit("192.0.2.2", 9 * SECOND));
        assertTrue(gate.admit("192.0.2.1", 10 * SECOND));
    }

    @Test
    void shouldShareTheBucketBetweenSources()
    {
        final TokenGate gate = new TokenGate(3, 10 * SECOND, 100, 0);
        assertTrue(gate.admit("a", 0));
        assertTrue(gate.admit("b", 0));
        assertTrue(gate.admit("c", 0));
        assertFalse(gate.admit("d", 0), "bucket empty");
        assertFalse(gate.admit("d", SECOND), "0.3 tokens refilled");
        assertTrue(gate.admit("d", 4 * SECOND), "refilled at 3 per 10 s");
    }

    @Test
    void shouldBoundTheSourcesRememberedAndForgetQuietOnes()
    {
        final TokenGate gate = new TokenGate(1000, 10 * SECOND, 5, 0);
        for (int i = 0; i < 20; i++)
        {
            gate.admit("source-" + i, 0);
        }
        assertEquals(5, gate.sourcesRemembered());
        gate.admit("late", 11 * SECOND);
        assertEquals(1, gate.sourcesRemembered());
    }

    @Test
    void shouldSummariseJainSipTextsWithoutTheirContent()
    {
        assertEquals("Error while processing incoming UDP packet",
            Slf4jStackLogger.summary("Error while processing incoming UDP packet[73, 78, 86, 73, 84, 69]"));
        assertEquals("bad message INVITE sip",
            Slf4jStackLogger.summary("bad message INVITE sip:1@2 SIP/2.0\r\nVia: x"));
        assertEquals("Dropped Bad Msg From", Slf4jStackLogger.summary(">>> Dropped Bad Msg From = <sip:x>"));
        assertEquals("error", Slf4jStackLogger.summary(null));
        assertTrue(Slf4jStackLogger.summary("a".repeat(500)).length() <= Slf4jStackLogger.SUMMARY_LENGTH);
    }
}
