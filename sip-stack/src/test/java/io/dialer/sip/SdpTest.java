/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import io.dialer.audio.Codec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SdpTest
{
    private static final String HEAD = "v=0\r\no=x 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n";

    @ParameterizedTest
    @CsvSource({"127.0.0.1, 20000, 1, 0, sendrecv", "10.1.2.3, 40002, 4611686018427387903, 7, sendonly",
        "::1, 29998, 42, 1, inactive", "192.168.0.10, 2, 3, 2, recvonly"})
    void shouldWriteTheSameOfferAsJavaxSdp(
        final String host, final int port, final long sessionId, final long version, final String direction)
        throws Exception
    {
        final InetSocketAddress local = new InetSocketAddress(InetAddress.getByName(host), port);

        assertEquals(Sdp.offerWithFactory(local, sessionId, version, direction),
            Sdp.offer(local, sessionId, version, direction));
    }

    @Test
    void shouldOfferG711AndTelephoneEvents() throws Exception
    {
        final String offer = Sdp.offer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 20_000), 42, 1, Sdp.SENDRECV);

        assertTrue(offer.contains("m=audio 20000 RTP/AVP 0 8 101"), offer);
        assertTrue(offer.contains("c=IN IP4 127.0.0.1"), offer);
        assertTrue(offer.contains("a=rtpmap:0 PCMU/8000"), offer);
        assertTrue(offer.contains("a=rtpmap:8 PCMA/8000"), offer);
        assertTrue(offer.contains("a=rtpmap:101 telephone-event/8000"), offer);
        assertTrue(offer.contains("a=fmtp:101 0-16"), offer);
        assertTrue(offer.contains("a=sendrecv"), offer);
        final Sdp.Description parsed = Sdp.parse(offer);
        assertEquals(Codec.PCMU, parsed.firstCommonCodec());
        assertEquals(101, parsed.telephoneEventPt);
    }

    @Test
    void shouldPickFirstCommonCodecInFarEndOrder() throws Exception
    {
        final Sdp.Description d = Sdp.parse(HEAD +
            "m=audio 4000 RTP/AVP 18 8 0 96\r\na=rtpmap:18 G729/8000\r\na=rtpmap:96 telephone-event/8000\r\n");

        assertEquals(Codec.PCMA, d.firstCommonCodec());
        assertEquals(96, d.telephoneEventPt);
        assertEquals("10.0.0.5", d.remote.getHostString());
        assertEquals(4000, d.remote.getPort());
        assertFalse(d.held());
        assertEquals(Sdp.SENDRECV, d.answerDirection());
    }

    @Test
    void shouldSeeHoldBySendonlyInactiveOrNullAddress() throws Exception
    {
        final Sdp.Description sendonly = Sdp.parse(HEAD + "m=audio 4000 RTP/AVP 0\r\na=sendonly\r\n");
        assertTrue(sendonly.held());
        assertEquals(Sdp.RECVONLY, sendonly.answerDirection());
        assertFalse(sendonly.weSend());
        assertTrue(sendonly.weReceive());

        final Sdp.Description inactive = Sdp.parse(HEAD + "a=inactive\r\nm=audio 4000 RTP/AVP 0\r\n");
        assertTrue(inactive.held());
        assertEquals(Sdp.INACTIVE, inactive.answerDirection());

        final Sdp.Description nullAddress = Sdp.parse(
            "v=0\r\no=x 1 2 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n");
        assertTrue(nullAddress.held());
        assertEquals(Sdp.INACTIVE, nullAddress.answerDirection());
    }

    @Test
    void shouldRefuseSdpWithoutAudio()
    {
        assertThrows(Exception.class, () -> Sdp.parse(HEAD + "m=video 4000 RTP/AVP 31\r\n"));
        assertThrows(Exception.class, () -> Sdp.parse("garbage"));
    }
}
