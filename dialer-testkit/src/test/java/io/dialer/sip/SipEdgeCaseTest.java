/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import io.dialer.audio.Codec;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCall;
import io.dialer.sim.SimulatedCarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static io.dialer.sip.RecordingListener.TIMEOUT_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The awkward paths: crossing CANCEL and 200, retransmitted 2xx, strays, refused peers, garbage, digest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SipEdgeCaseTest
{

    private final FakeMediaProvider dialerMedia = new FakeMediaProvider();
    private SimulatedCarrier carrier;
    private SipStack dialer;

    @BeforeAll
    void start()
    {
        carrier = SimulatedCarrier.launch(SipTests.signallingContext(new FakeMediaProvider()));
        dialer = SipStack.launch(SipTests.signallingContext(dialerMedia));
    }

    @AfterAll
    void stop()
    {
        SipTests.closeAll(dialer, carrier);
    }

    private static String number()
    {
        return SipTests.number();
    }

    @Test
    void shouldAckAndByeA200ThatCrossesOurCancel() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            dialer.dial(new DialRequest(peer.uri("race")).ringTimeoutMs(300), listener);

            final String invite = peer.receive("INVITE", TIMEOUT_MS);
            assertNotNull(invite);
            peer.reply(RawSipPeer.response(invite, 180, "Ringing", "rawtag", null, null));

            final String cancel = peer.receive("CANCEL", TIMEOUT_MS);
            assertNotNull(cancel, "CANCEL after ring timeout");
            peer.reply(RawSipPeer.response(cancel, 200, "OK", "rawtag", null, null));
            peer.reply(RawSipPeer.response(invite, 200, "OK", "rawtag",
                "Contact: <sip:race@127.0.0.1:" + peer.port() + ">\r\n", RawSipPeer.sdp(30_000)));

            assertNotNull(peer.receive("ACK", TIMEOUT_MS), "2xx after CANCEL must be ACKed");
            final String bye = peer.receive("BYE", TIMEOUT_MS);
            assertNotNull(bye, "and hung up at once");
            peer.reply(RawSipPeer.response(bye, 200, "OK", null, null, null));

            final RecordingListener.Failure failure = listener.awaitFailure();
            assertEquals(FailureCause.NO_ANSWER, failure.cause());
            assertEquals(1, listener.terminalEvents.get());
            assertFalse(listener.events.contains("answered"));
        }
    }

    @Test
    void shouldReAckRetransmitted2xxAndTakeByeFromFarEnd() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            final CallLeg leg = dialer.dial(new DialRequest(peer.uri("reack")), listener);

            final String invite = peer.receive("INVITE", TIMEOUT_MS);
            final String ok = RawSipPeer.response(invite, 200, "OK", "rawtag2",
                "Contact: <sip:reack@127.0.0.1:" + peer.port() + ">\r\n", RawSipPeer.sdp(30_002));
            peer.reply(ok);
            assertNotNull(peer.receive("ACK", TIMEOUT_MS));
            assertTrue(listener.awaitAnswered());
            assertEquals(Codec.PCMA, leg.codec(), "first common codec of the answer");
            assertEquals(30_002, ((FakeMediaProvider.FakeLegMedia)leg.media()).remote.getPort());

            peer.reply(ok);
            assertNotNull(peer.receive("ACK", TIMEOUT_MS), "retransmitted 2xx is ACKed again");

            final String from = RawSipPeer.header(invite, "From");
            final String to = RawSipPeer.header(invite, "To") + ";tag=rawtag2";
            final String contact = RawSipPeer.header(invite, "Contact");
            final String target = contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
            final String bye = "BYE " + target + " SIP/2.0\r\n" +
                "Via: SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=z9hG4bK" + System.nanoTime() + "\r\n" +
                "From: " + to + "\r\nTo: " + from + "\r\nCall-ID: " + RawSipPeer.header(invite, "Call-ID") +
                "\r\nCSeq: 2 BYE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
            peer.reply(bye);
            final String byeOk = peer.receive("SIP/2.0", TIMEOUT_MS);
            assertTrue(byeOk.startsWith("SIP/2.0 200"), byeOk);
            assertEquals(EndCause.REMOTE_BYE, listener.awaitEnded());
        }
    }

    @Test
    void shouldAnswerFarEndReinviteWithNullAddressThenNewAddressAndCodec() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            final CallLeg leg = dialer.dial(new DialRequest(peer.uri("reinvite")), listener);
            final String invite = peer.receive("INVITE", TIMEOUT_MS);
            peer.reply(RawSipPeer.response(invite, 200, "OK", "rawtag3",
                "Contact: <sip:reinvite@127.0.0.1:" + peer.port() + ">\r\n", RawSipPeer.sdp(30_004)));
            assertNotNull(peer.receive("ACK", TIMEOUT_MS));
            assertTrue(listener.awaitAnswered());
            final FakeMediaProvider.FakeLegMedia media = (FakeMediaProvider.FakeLegMedia)leg.media();

            final String hold = "v=0\r\no=raw 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n" +
                "m=audio 30004 RTP/AVP 8 101\r\na=rtpmap:101 telephone-event/8000\r\n";
            peer.reply(inDialog("INVITE", invite, "rawtag3", 2, hold, peer));
            final String holdOk = peer.receive("SIP/2.0", TIMEOUT_MS);
            assertTrue(holdOk.startsWith("SIP/2.0 200"), holdOk);
            assertTrue(holdOk.contains("a=inactive"), holdOk);
            assertEquals(Boolean.TRUE, listener.awaitReinvite());
            assertEquals("false/false", media.directions.get(media.directions.size() - 1));
            peer.reply(inDialog("ACK", invite, "rawtag3", 2, null, peer));

            final String resume = "v=0\r\no=raw 1 3 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
                "m=audio 30010 RTP/AVP 0\r\na=sendrecv\r\n";
            peer.reply(inDialog("INVITE", invite, "rawtag3", 3, resume, peer));
            final String resumeOk = peer.receive("SIP/2.0", TIMEOUT_MS);
            assertTrue(resumeOk.startsWith("SIP/2.0 200"), resumeOk);
            assertTrue(resumeOk.contains("a=sendrecv") && resumeOk.contains("RTP/AVP 0"), resumeOk);
            assertEquals(Boolean.FALSE, listener.awaitReinvite());
            assertEquals(30_010, media.remote.getPort());
            assertEquals(Codec.PCMU, leg.codec());
            assertEquals(-1, media.telephoneEventPt);
            assertEquals("true/true", media.directions.get(media.directions.size() - 1));
            peer.reply(inDialog("ACK", invite, "rawtag3", 3, null, peer));

            leg.hangup();
            final String bye = peer.receive("BYE", TIMEOUT_MS);
            assertNotNull(bye);
            peer.reply(RawSipPeer.response(bye, 200, "OK", null, null, null));
            assertEquals(EndCause.LOCAL, listener.awaitEnded());
        }
    }

    private static String inDialog(
        final String method, final String invite, final String ourTag, final int cseq, final String sdp,
        final RawSipPeer peer)
    {
        final String contact = RawSipPeer.header(invite, "Contact");
        final String target = contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
        final String body = null == sdp ? "" : sdp;
        return method + " " + target + " SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=z9hG4bK" + System.nanoTime() + "\r\n" +
            "From: " + RawSipPeer.header(invite, "To") + ";tag=" + ourTag + "\r\n" +
            "To: " + RawSipPeer.header(invite, "From") + "\r\n" +
            "Call-ID: " + RawSipPeer.header(invite, "Call-ID") + "\r\n" +
            "CSeq: " + cseq + " " + method + "\r\nMax-Forwards: 70\r\n" +
            "Contact: <sip:raw@127.0.0.1:" + peer.port() + ">\r\n" +
            (null == sdp ? "" : "Content-Type: application/sdp\r\n") +
            "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    @Test
    void shouldAnswerStrayRequestsWith481AndOptionsWithAllow() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final InetSocketAddress target = dialer.localAddress();
            peer.send(rawRequest("BYE", peer, "stray-" + System.nanoTime(), "fromtag;", ";tag=totag"), target);
            final String byeResponse = peer.receive("SIP/2.0", TIMEOUT_MS);
            assertTrue(byeResponse.startsWith("SIP/2.0 481"), byeResponse);

            peer.send(rawRequest("OPTIONS", peer, "opt-" + System.nanoTime(), "fromtag;", ""), target);
            final String optionsResponse = peer.receive("SIP/2.0", TIMEOUT_MS);
            assertTrue(optionsResponse.startsWith("SIP/2.0 200"), optionsResponse);
            assertTrue(RawSipPeer.header(optionsResponse, "Allow").contains("INVITE"));
            assertNotNull(RawSipPeer.header(optionsResponse, "Accept"));
        }
    }

    @Test
    void shouldSurviveGarbageAndStillCompleteCalls() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final InetSocketAddress target = dialer.localAddress();
            final byte[] noise = new byte[1200];
            ThreadLocalRandom.current().nextBytes(noise);
            peer.send(noise, target);
            peer.send("INVITE sip:x SIP/2.0\r\nVia: nonsense\r\nContent-Length: 99999\r\n\r\n", target);
            peer.send("SIP/2.0 200 OK\r\n\r\n", target);
            peer.send(new byte[0], target);
            try (Socket tcp = new Socket(target.getAddress(), target.getPort()))
            {
                final OutputStream out = tcp.getOutputStream();
                out.write(noise);
                out.write("REGISTER garbage\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
        final String number = number();
        carrier.script(number, PhoneScript.builder().answerAfterMs(0).hangupAfterMs(100).build());
        final RecordingListener listener = new RecordingListener();
        dialer.dial(new DialRequest(carrier.uri(number)), listener);
        assertTrue(listener.awaitAnswered());
        assertEquals(EndCause.REMOTE_BYE, listener.awaitEnded());
    }

    @Test
    void shouldRefuseInviteAndReferFromUnknownPeerAndLogOnce() throws Exception
    {
        try (SipStack guarded = SipStack.launch(new SipStack.Context()
            .bindAddress(java.net.InetAddress.getLoopbackAddress()).port(0).threadPoolSize(1)
            .allowedPeer("192.0.2.1").mediaProvider(new FakeMediaProvider())))
        {
            final RecordingListener offered = new RecordingListener();
            guarded.inboundCallHandler((leg) ->
            {
                leg.answer();
                return offered;
            });
            for (int i = 0; i < 3; i++)
            {
                final RecordingListener listener = new RecordingListener();
                carrier.stack().dial(new DialRequest(guarded.uri("victim")), listener);
                final RecordingListener.Failure failure = listener.awaitFailure();
                assertEquals(403, failure.status());
                assertEquals(FailureCause.CARRIER_ERROR, failure.cause());
            }
            try (RawSipPeer peer = new RawSipPeer())
            {
                peer.send(rawRequest("REFER", peer, "refer-" + System.nanoTime(), "t;", ""), guarded.localAddress());
                final String response = peer.receive("SIP/2.0", TIMEOUT_MS);
                assertTrue(response.startsWith("SIP/2.0 403"), response);
            }
            assertEquals(4, guarded.dispatcher().peerGuard().refusals());
            assertEquals(1, guarded.dispatcher().peerGuard().sourcesLogged());
            assertNull(offered.answered.getCount() == 0 ? "offered" : null);
        }
    }

    @Test
    void shouldAnswerDigestChallengeWithTrunkCredentials() throws Exception
    {
        final String number = number();
        carrier.script(number, PhoneScript.builder().challenge("carrier.test", "acct", "s3cret")
            .answerAfterMs(0).build());
        try (SipStack authed = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider())
            .outboundProxy(carrier.proxyUri()).trunkCredentials("acct", "s3cret", "carrier.test")))
        {
            final RecordingListener listener = new RecordingListener();
            final CallLeg leg = authed.dial(new DialRequest(carrier.uri(number)), listener);
            assertTrue(listener.awaitAnswered());
            final SimulatedCall call = carrier.awaitCall(number, TIMEOUT_MS);
            assertFalse(call.challenged());
            assertNotNull(call.header("Authorization"));
            assertEquals(2, carrier.calls().stream().filter((c) -> c.user().equals(number)).count());
            leg.hangup();
            assertEquals(EndCause.LOCAL, listener.awaitEnded());
        }
    }

    @Test
    void shouldFailOnceWithWrongCredentials() throws Exception
    {
        final String number = number();
        carrier.script(number, PhoneScript.builder().challenge("carrier.test", "acct", "s3cret")
            .answerAfterMs(0).build());
        try (SipStack wrong = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider())
            .outboundProxy(carrier.proxyUri()).trunkCredentials("acct", "wrong", null)))
        {
            final RecordingListener listener = new RecordingListener();
            wrong.dial(new DialRequest(carrier.uri(number)), listener);
            final RecordingListener.Failure failure = listener.awaitFailure();
            assertEquals(FailureCause.AUTH_FAILED, failure.cause());
            assertEquals(401, failure.status());
            assertEquals(2, carrier.calls().stream().filter((c) -> c.user().equals(number)).count(),
                "one retry, never a loop");
            assertNull(listener.failures.poll(300, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void shouldAnswerChallengedByeOnce() throws Exception
    {
        try (SipStack authed = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider())
            .trunkCredentials("acct", "s3cret", null));
            RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            final CallLeg leg = authed.dial(new DialRequest(peer.uri("byeauth")), listener);
            final String invite = peer.receive("INVITE", TIMEOUT_MS);
            peer.reply(RawSipPeer.response(invite, 200, "OK", "byetag",
                "Contact: <sip:byeauth@127.0.0.1:" + peer.port() + ">\r\n", RawSipPeer.sdp(30_020)));
            assertNotNull(peer.receive("ACK", TIMEOUT_MS));
            assertTrue(listener.awaitAnswered());

            leg.hangup();
            final String bye = peer.receive("BYE", TIMEOUT_MS);
            assertNotNull(bye);
            peer.reply(RawSipPeer.response(bye, 407, "Proxy Authentication Required", null,
                "Proxy-Authenticate: Digest realm=\"trunk\", nonce=\"abc123\", algorithm=MD5, qop=\"auth\"\r\n",
                null));
            final String retry = peer.receive("BYE", TIMEOUT_MS);
            assertNotNull(retry, "BYE sent again with credentials");
            final String authorization = RawSipPeer.header(retry, "Proxy-Authorization");
            assertNotNull(authorization, retry);
            assertTrue(authorization.contains("username=\"acct\"") && authorization.contains("nonce=\"abc123\""),
                authorization);
            peer.reply(RawSipPeer.response(retry, 200, "OK", null, null, null));
            assertEquals(EndCause.LOCAL, listener.awaitEnded());
        }
    }

    @Test
    void shouldFailWithoutCredentialsWhenChallenged() throws Exception
    {
        final String number = number();
        carrier.script(number, PhoneScript.builder().challenge("carrier.test", "acct", "s3cret").build());
        final RecordingListener listener = new RecordingListener();
        dialer.dial(new DialRequest(carrier.uri(number)), listener);
        final RecordingListener.Failure failure = listener.awaitFailure();
        assertEquals(FailureCause.CARRIER_ERROR, failure.cause());
        assertEquals(401, failure.status());
    }

    private static String rawRequest(
        final String method, final RawSipPeer peer, final String callId, final String fromTag, final String toTag)
    {
        return method + " sip:someone@" + SipTests.LOOPBACK + " SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=z9hG4bK" + System.nanoTime() + "\r\n" +
            "From: <sip:raw@127.0.0.1>;tag=" + fromTag.replace(";", "") + "\r\n" +
            "To: <sip:someone@127.0.0.1>" + toTag + "\r\n" +
            "Call-ID: " + callId + "\r\nCSeq: 1 " + method + "\r\nMax-Forwards: 70\r\n" +
            (method.equals("REFER") ? "Refer-To: <sip:x@192.0.2.9>\r\nContact: <sip:raw@127.0.0.1>\r\n" : "") +
            "Content-Length: 0\r\n\r\n";
    }
}
