/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignallingUnitTest
{
    @Test
    void shouldComputeRfc2617DigestExample()
    {
        // RFC 2617 section 3.5
        assertEquals("6629fae49393a05397450978507c4ef1", Digest.response("Mufasa", "testrealm@host.com",
            "Circle Of Life", "GET", "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth", "00000001",
            "0a4f113b"));
    }

    @Test
    void shouldParseDtmfRelay()
    {
        assertEquals('5', DtmfInfo.parseRelay("Signal=5\r\nDuration=160\r\n"));
        assertEquals('#', DtmfInfo.parseRelay("Signal= #\nDuration=100"));
        assertEquals('#', DtmfInfo.parseRelay("signal=11"));
        assertEquals('*', DtmfInfo.parseRelay("Signal=10"));
        assertEquals(0, DtmfInfo.parseRelay("Duration=160"));
        assertEquals(0, DtmfInfo.parseRelay("Signal=x"));
    }

    @Test
    void shouldParsePlainDtmf()
    {
        assertEquals('7', DtmfInfo.parsePlain("7\r\n"));
        assertEquals('*', DtmfInfo.parsePlain("10"));
        assertEquals(0, DtmfInfo.parsePlain("hello"));
    }

    @ParameterizedTest
    @CsvSource({"486, BUSY", "600, BUSY", "480, UNAVAILABLE", "408, UNAVAILABLE", "404, INVALID_NUMBER",
        "484, INVALID_NUMBER", "604, INVALID_NUMBER", "603, REJECTED", "500, CARRIER_ERROR", "503, CARRIER_ERROR",
        "488, CARRIER_ERROR", "302, CARRIER_ERROR"})
    void shouldMapStatusToCause(final int status, final FailureCause cause)
    {
        assertEquals(cause, FailureCause.ofStatus(status));
    }

    @Test
    void shouldAllowOnlyConfiguredPeersAndLogEachSourceOnce()
    {
        final PeerGuard guard = new PeerGuard(Set.of("10.0.0.1", "trunk.example"), 2);

        assertTrue(guard.allows("10.0.0.1", null));
        assertFalse(guard.allows("10.0.0.2", "10.0.0.1"), "packet source wins over a forged Via");
        assertTrue(guard.allows(null, "trunk.example"));
        assertFalse(guard.allows(null, null));

        guard.refused("INVITE", "10.0.0.2");
        guard.refused("INVITE", "10.0.0.2");
        guard.refused("INVITE", "10.0.0.3");
        guard.refused("INVITE", "10.0.0.4");
        assertEquals(4, guard.refusals());
        assertEquals(2, guard.sourcesLogged(), "bounded memory of logged sources");
    }

    @Test
    void shouldRejectBadContext()
    {
        assertThrows(IllegalStateException.class, () -> new SipStack.Context().port(-1).conclude());
        assertThrows(IllegalStateException.class, () -> new SipStack.Context().threadPoolSize(0).conclude());
        assertThrows(IllegalStateException.class,
            () -> new SipStack.Context().trunkCredentials("user", null, null).conclude());
        assertThrows(IllegalStateException.class,
            () -> new SipStack.Context().bindAddress(java.net.InetAddress.getByAddress(new byte[4])).conclude());
        assertThrows(IllegalStateException.class, () -> new SipStack.Context().responseTimeoutMs(0).conclude());
        assertThrows(IllegalStateException.class,
            () -> new SipStack.Context().keepaliveAfterSilenceMs(-1).conclude());
    }

    @Test
    void shouldCheckASilentCallAfter30sAndHangUpOnNoRtpOnlyAfter5Minutes()
    {
        assertEquals(30_000, new SipStack.Context().conclude().keepaliveAfterSilenceMs());
        assertEquals(0, new SipStack.Context().keepaliveAfterSilenceMs(0).conclude().keepaliveAfterSilenceMs());
        assertEquals(300_000, new io.dialer.media.MediaEngine.Context().rtpTimeoutMs());
    }

    @ParameterizedTest
    @CsvSource({"sips:1001@trunk.example.com", "SIPS:1001@trunk.example.com", "sips:trunk.example.com:5061"})
    void shouldRefuseSipsTargetsWithAClearMessage(final String target)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new DialRequest(target));
        assertEquals("sips: needs TLS, which this dialer does not support yet; use sip: (" + target + ")",
            ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DialRequest("sip:1@x").target(target));
        final IllegalStateException proxy = assertThrows(IllegalStateException.class,
            () -> new SipStack.Context().outboundProxy(target).conclude());
        assertTrue(proxy.getMessage().startsWith("sips: needs TLS"), proxy.getMessage());
    }

    @Test
    void shouldDefaultTheResponseTimeoutToFiveSeconds()
    {
        assertEquals(5_000, new SipStack.Context().conclude().responseTimeoutMs());
        assertEquals(0, new DialRequest("sip:1@example.com").responseTimeoutMs(), "0: the stack's default");
    }

    @ParameterizedTest
    @CsvSource({"5000, 5 s", "1500, 1.5 s", "800, 800 ms", "32000, 32 s"})
    void shouldSayDurationsInWords(final long ms, final String words)
    {
        assertEquals(words, InviteClient.duration(ms));
    }

    @Test
    void shouldNameConnectFailuresInWords()
    {
        assertEquals("connection refused", ConnectErrorNetworkLayer.describe(
            new java.net.ConnectException("Connection refused")));
        assertEquals("connect timed out", ConnectErrorNetworkLayer.describe(
            new java.net.ConnectException("Socket timeout error (8sec)/10.0.0.1:5060")));
        assertEquals("no route to host", ConnectErrorNetworkLayer.describe(
            new java.net.NoRouteToHostException("No route to host")));
        assertEquals("network unreachable", ConnectErrorNetworkLayer.describe(
            new java.net.SocketException("Network is unreachable")));
    }

    @Test
    void shouldAllowOutboundProxyHost()
    {
        final SipStack.Context context = new SipStack.Context().outboundProxy("sip:127.0.0.2:5070;transport=tcp")
            .allowedPeer("127.0.0.3").conclude();
        assertTrue(context.allowedPeerAddresses().contains("127.0.0.2"));
        assertTrue(context.allowedPeerAddresses().contains("127.0.0.3"));
    }
}
