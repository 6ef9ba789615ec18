/*
 * Dialer simulated phones tests.
 */
package io.dialer.sim;

import io.dialer.sip.DtmfSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneScriptTest
{
    @Test
    void shouldDefaultToAnsweringAfterAShortRing()
    {
        final PhoneScript script = PhoneScript.builder().build();

        assertEquals(PhoneScript.Action.ANSWER, script.action());
        assertEquals(100, script.answerAfterMs());
        assertTrue(script.hangupAfterMs() < 0);
        assertNull(script.challengeRealm());
        assertTrue(script.keys().isEmpty());
    }

    @Test
    void shouldSpaceKeyPresses()
    {
        final PhoneScript script = PhoneScript.builder().pressKeys(500, "12#", 250, DtmfSource.SIP_INFO).build();

        assertEquals(3, script.keys().size());
        assertEquals(new PhoneScript.KeyPress(1000, '#', DtmfSource.SIP_INFO), script.keys().get(2));
    }

    @Test
    void shouldDescribeCloserAndRefusals()
    {
        assertEquals('1', PhoneScript.builder().acceptAfterBriefing(1000, 5000).build().keyAfterHeard());
        assertEquals('9', PhoneScript.builder().rejectAfterBriefing(1000, -1).build().keyAfterHeard());
        assertEquals(486, PhoneScript.builder().busy().build().rejectStatus());
        assertEquals(480, PhoneScript.builder().unavailable().build().rejectStatus());
        assertEquals(PhoneScript.Action.RING_FOREVER, PhoneScript.builder().ringForever().build().action());
    }

    @Test
    void shouldTakeUserPartOfRequestUri()
    {
        assertEquals("1001", SimulatedCarrier.userOf("sip:1001@127.0.0.1:5060"));
        assertEquals("", SimulatedCarrier.userOf("sip:127.0.0.1:5060"));
    }
}
