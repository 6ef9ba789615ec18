/*
 * Dialer media tests.
 */
package io.dialer.media;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtpSourceLatchTest
{
    private static final InetSocketAddress SDP = new InetSocketAddress("192.0.2.10", 30_000);
    private static final InetSocketAddress NAT = new InetSocketAddress("198.51.100.7", 41_234);
    private static final InetSocketAddress ATTACKER = new InetSocketAddress("203.0.113.66", 30_000);
    private static final InetSocketAddress SAME_HOST_OTHER_PORT = new InetSocketAddress("192.0.2.10", 30_002);

    @ParameterizedTest
    @EnumSource(RtpLatching.class)
    void shouldDropEverythingBeforeTheSdpExchange(final RtpLatching mode)
    {
        final RtpSourceLatch latch = new RtpSourceLatch(mode);
        assertEquals(RtpSourceLatch.FOREIGN_SOURCE, latch.admit(SDP, 1));
    }

    @ParameterizedTest
    @EnumSource(RtpLatching.class)
    void shouldAcceptTheSdpAddressAndDropOthersOnceItSpoke(final RtpLatching mode)
    {
        final RtpSourceLatch latch = new RtpSourceLatch(mode);
        latch.reset(SDP);
        assertEquals(RtpSourceLatch.ACCEPT, latch.admit(SDP, 7));
        assertEquals(RtpSourceLatch.FOREIGN_SOURCE, latch.admit(ATTACKER, 7));
        assertEquals(RtpSourceLatch.FOREIGN_SOURCE, latch.admit(SAME_HOST_OTHER_PORT, 7));
        assertEquals(RtpSourceLatch.ACCEPT, latch.admit(SDP, 7));
    }

    @Test
    void shouldOnlyAcceptTheSdpAddressWhenStrict()
    {
        final RtpSourceLatch latch = new RtpSourceLatch(RtpLatching.STRICT);
        latch.reset(SDP);
        assertEquals(RtpSourceLatch.FOREIGN_SOURCE, latch.admit(NAT, 7));
        assertEquals(RtpSourceLatch.FOREIGN_SOURCE, latch.admit(NAT, 7));
        assertEquals(SDP, latch.latched());
    }

    @Test
    void shouldLatchTheFirstSourceWhenSymmetric()
    {
        final RtpSourceLatch latch = new RtpSourceLatch(RtpLatching.SYMMETRIC);
        latch.reset(SDP);
        assertNull(latch.latched());
        assertEquals(RtpSourceLatch.ACCEPT, latch.admit(NAT, 7));
        assertEquals(NAT, latch.latched());
        assertEquals(RtpSourceLatch.FOREIGN_SOURCE, latch.admit(ATTACKER, 7));
        assertEquals(RtpSourceLatch.ACCEPT, latch.admit(NAT, 7));
    }

    @Test
    void shouldLetTheSdpAddressTakeTheLatchOver()
    {
        // an attacker that spoke first is unlatched as soon as the address the far end's SDP named speaks
        final RtpSourceLatch latch = new RtpSourceLatch(RtpLatching.SYMMETRIC);
        latch.reset(SDP);
        assertEquals(RtpSourceLatch.ACCEPT, latch.admit(ATTACKER, 99));
        assertEquals(RtpSourceLatch.ACCEPT, latch.admit(SDP, 7));
        assertEquals(RtpSourceLatch.FOREIGN_SOURCE, latch.admit(ATTACKER, 99));
        assertEquals(SDP, latch.latched());
    }

    @ParameterizedTest
    @EnumSource(RtpLatching.class)
    void shouldDropAChangedSsrcUntilTheNextSdpExchange(final RtpLatching mode)
    {
        final RtpSourceLatch latch = new RtpSourceLatch(mode);
        latch.reset(SDP);
        assertEquals(RtpSourceLatch.ACCEPT, latch.admit(SDP, 7));
        assertEquals(RtpSourceLatch.SSRC_CHANGED, latch.admit(SDP, 8));
        assertEquals(RtpSourceLatch.ACCEPT, latch.admit(SDP, 7));

        latch.reset(SDP);
        assertEquals(RtpSourceLatch.ACCEPT, latch.admit(SDP, 8));
        assertEquals(RtpSourceLatch.SSRC_CHANGED, latch.admit(SDP, 7));
    }

    @Test
    void shouldRelatchAfterAReinviteNamingANewAddress()
    {
        final RtpSourceLatch latch = new RtpSourceLatch(RtpLatching.SYMMETRIC);
        latch.reset(SDP);
        assertEquals(RtpSourceLatch.ACCEPT, latch.admit(NAT, 7));
        latch.reset(SAME_HOST_OTHER_PORT);
        assertEquals(RtpSourceLatch.ACCEPT, latch.admit(SAME_HOST_OTHER_PORT, 9));
        assertEquals(RtpSourceLatch.FOREIGN_SOURCE, latch.admit(NAT, 7));
    }

    @Test
    void shouldConfirmTheSdpAddressAtOnceAndAnotherSourceAfterEnoughPackets()
    {
        final RtpSourceLatch strict = new RtpSourceLatch(RtpLatching.STRICT);
        strict.reset(SDP);
        assertTrue(strict.confirmed());

        final RtpSourceLatch symmetric = new RtpSourceLatch(RtpLatching.SYMMETRIC);
        symmetric.reset(SDP);
        assertFalse(symmetric.confirmed());
        for (int i = 0; i < RtpSourceLatch.CONFIRM_PACKETS - 1; i++)
        {
            assertEquals(RtpSourceLatch.ACCEPT, symmetric.admit(NAT, 7));
        }
        assertFalse(symmetric.confirmed(), "a source that latched in the answer's window is not trusted yet");
        assertEquals(RtpSourceLatch.ACCEPT, symmetric.admit(NAT, 7));
        assertTrue(symmetric.confirmed());

        symmetric.reset(SDP);
        assertFalse(symmetric.confirmed(), "a re-INVITE starts over");
        assertEquals(RtpSourceLatch.ACCEPT, symmetric.admit(SDP, 9));
        assertTrue(symmetric.confirmed());
    }

    @Test
    void shouldNotConfirmAnAttackerThatLatchedBeforeTheFarEndSpoke()
    {
        final RtpSourceLatch latch = new RtpSourceLatch(RtpLatching.SYMMETRIC);
        latch.reset(SDP);
        for (int i = 0; i < 6; i++)
        {
            assertEquals(RtpSourceLatch.ACCEPT, latch.admit(ATTACKER, 99));
        }
        assertFalse(latch.confirmed());
        assertEquals(RtpSourceLatch.ACCEPT, latch.admit(SDP, 7));
        assertTrue(latch.confirmed());
        assertEquals(RtpSourceLatch.FOREIGN_SOURCE, latch.admit(ATTACKER, 99));
    }

    @Test
    void shouldParseTheSetting()
    {
        assertEquals(RtpLatching.STRICT, RtpLatching.parse(" Strict "));
        assertEquals(RtpLatching.SYMMETRIC, RtpLatching.parse("symmetric"));
        final IllegalArgumentException ex =
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> RtpLatching.parse("x"));
        assertEquals("RTP latching must be 'strict' or 'symmetric', not 'x'", ex.getMessage());
    }
}
