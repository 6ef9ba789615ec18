/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import io.dialer.media.MediaEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

import static io.dialer.sip.RecordingListener.TIMEOUT_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dead calls are found by SIP, not by media silence alone: an answered leg that hears no RTP asks the far end with an
 * in-dialog OPTIONS, stays up while it answers and ends as {@link EndCause#DIALOG_LOST} when it does not know the
 * call; the RTP timeout can be suspended per leg; RFC 4028 session timers are honoured. The far end is a
 * hand-driven UDP peer, so every answer (or silence) is chosen by the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DialogKeepaliveTest
{
    private static final long KEEPALIVE_MS = 300;

    private final FakeMediaProvider media = new FakeMediaProvider();
    private SipStack dialer;

    @BeforeAll
    void start()
    {
        dialer = SipStack.launch(SipTests.signallingContext(media)
            .keepaliveAfterSilenceMs(KEEPALIVE_MS).responseTimeoutMs(1_000));
    }

    @AfterAll
    void stop()
    {
        SipTests.closeAll(dialer);
    }

    @Test
    void shouldKeepASilentCallUpWhileTheFarEndAnswersTheKeepalives() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            final CallLeg leg = dialer.dial(new DialRequest(peer.uri("silent")), listener);
            final String invite = answer(peer, "kalive", listener);
            final long answeredNs = System.nanoTime();

            long previousNs = answeredNs;
            for (int i = 0; i < 3; i++)
            {
                final String options = peer.receive("OPTIONS", TIMEOUT_MS);
                assertNotNull(options, "keepalive " + i);
                final long nowNs = System.nanoTime();
                assertTrue(TimeUnit.NANOSECONDS.toMillis(nowNs - previousNs) >= KEEPALIVE_MS - 50,
                    "one keepalive per silence interval, not more");
                previousNs = nowNs;
                assertEquals(RawSipPeer.header(invite, "Call-ID"), RawSipPeer.header(options, "Call-ID"));
                assertTrue(RawSipPeer.header(options, "To").contains("tag=kalive"), "in the dialog");
                peer.reply(RawSipPeer.response(options, 200, "OK", null, null, null));
            }

            assertEquals(CallState.ANSWERED, leg.state());
            assertEquals(0, listener.terminalEvents.get());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answeredNs) >= 3 * KEEPALIVE_MS - 150);
            hangUp(peer, leg, listener);
        }
    }

    @Test
    void shouldTakeAnyOtherAnswerThan481Or408AsAlive() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            final CallLeg leg = dialer.dial(new DialRequest(peer.uri("picky")), listener);
            answer(peer, "picky", listener);

            for (final int status : new int[]{405, 501, 404})
            {
                final String options = peer.receive("OPTIONS", TIMEOUT_MS);
                assertNotNull(options, "keepalive after a " + status);
                peer.reply(RawSipPeer.response(options, status, "Whatever", null, null, null));
            }
            assertNotNull(peer.receive("OPTIONS", TIMEOUT_MS), "still asking: the dialog is alive");
            assertEquals(CallState.ANSWERED, leg.state());
            hangUp(peer, leg, listener);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {481, 408})
    void shouldEndTheCallAsDialogLostWhenTheFarEndNoLongerKnowsIt(final int status) throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            final CallLeg leg = dialer.dial(new DialRequest(peer.uri("gone")), listener);
            answer(peer, "gone", listener);

            final String options = peer.receive("OPTIONS", TIMEOUT_MS);
            peer.reply(RawSipPeer.response(options, status, "Gone", null, null, null));

            assertEquals(EndCause.DIALOG_LOST, listener.awaitEnded());
            assertNotNull(peer.receive("BYE", TIMEOUT_MS), "a BYE is still tried");
            assertEquals(CallState.ENDED, leg.state());
            assertEquals(1, listener.terminalEvents.get());
        }
    }

    @Test
    void shouldEndTheCallAsDialogLostWhenTheKeepaliveGoesUnanswered() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            dialer.dial(new DialRequest(peer.uri("dead")), listener);
            answer(peer, "dead", listener);

            assertNotNull(peer.receive("OPTIONS", TIMEOUT_MS));
            final long askedNs = System.nanoTime();

            assertEquals(EndCause.DIALOG_LOST, listener.awaitEnded());
            final long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - askedNs);
            assertTrue(waitedMs >= 800 && waitedMs < 5_000, "ended " + waitedMs + " ms after the keepalive");
            assertNotNull(peer.receive("BYE", TIMEOUT_MS), "a BYE is still tried");
        }
    }

    @Test
    void shouldSendNoKeepaliveWhileRtpArrives() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            final CallLeg leg = dialer.dial(new DialRequest(peer.uri("talking")), listener);
            answer(peer, "talking", listener);
            final FakeMediaProvider.FakeLegMedia fake = (FakeMediaProvider.FakeLegMedia)leg.media();

            final long untilNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(4 * KEEPALIVE_MS);
            while (System.nanoTime() < untilNs)
            {
                fake.received();
                assertNull(peer.receive("OPTIONS", 50), "a keepalive while RTP arrives");
            }
            assertEquals(0, leg.liveness.keepalivesSent());

            final long silentNs = System.nanoTime();
            final String options = peer.receive("OPTIONS", TIMEOUT_MS);
            assertNotNull(options, "RTP stopped: the dialog is checked");
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - silentNs) >= KEEPALIVE_MS - 100);
            peer.reply(RawSipPeer.response(options, 200, "OK", null, null, null));
            hangUp(peer, leg, listener);
        }
    }

    @Test
    void shouldAnswer481ToAKeepaliveForACallItDoesNotKnow() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final String options = "OPTIONS sip:x@" + SipTests.LOOPBACK + " SIP/2.0\r\n" +
                "Via: SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=z9hG4bK" + System.nanoTime() + "\r\n" +
                "From: <sip:raw@127.0.0.1>;tag=a\r\nTo: <sip:x@127.0.0.1>;tag=b\r\n" +
                "Call-ID: over-" + System.nanoTime() + "\r\nCSeq: 7 OPTIONS\r\nMax-Forwards: 70\r\n" +
                "Content-Length: 0\r\n\r\n";
            peer.send(options, dialer.localAddress());
            final String response = peer.receive("SIP/2.0", TIMEOUT_MS);
            assertTrue(response.startsWith("SIP/2.0 481"), response);
        }
    }

    @Test
    void shouldEndTheCallWhenTheFarEndsSessionTimerRunsOutWithoutARefresh() throws Exception
    {
        try (SipStack quiet = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider()));
            RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            quiet.dial(new DialRequest(peer.uri("timer")), listener);
            final String invite = peer.receive("INVITE", TIMEOUT_MS);
            peer.reply(RawSipPeer.response(invite, 200, "OK", "timer",
                "Contact: <sip:timer@127.0.0.1:" + peer.port() + ">\r\nSession-Expires: 3;refresher=uas\r\n",
                RawSipPeer.sdp(30_100)));
            assertNotNull(peer.receive("ACK", TIMEOUT_MS));
            assertTrue(listener.awaitAnswered());
            final long answeredNs = System.nanoTime();

            // the far end refreshes once, after 1 s: the first expiry (at 2 s) passes, the next (1 + 2 s) ends it
            assertNull(peer.receive("BYE", 1_000));
            peer.reply(RawSipPeer.inDialog("INVITE", invite, "timer", 2,
                "Session-Expires: 3;refresher=uac\r\nSupported: timer\r\n", RawSipPeer.sdp(30_100), peer));
            final String ok = peer.receive("SIP/2.0", TIMEOUT_MS);
            assertTrue(ok.startsWith("SIP/2.0 200"), ok);
            // without Session-Expires in our 2xx the far end would turn its timer off (RFC 4028 7.4)
            assertEquals("3;refresher=uac", RawSipPeer.header(ok, "Session-Expires"), ok);
            assertEquals("timer", RawSipPeer.header(ok, "Require"), ok);
            peer.reply(RawSipPeer.inDialog("ACK", invite, "timer", 2, null, null, peer));

            final String bye = peer.receive("BYE", TIMEOUT_MS);
            final long byeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answeredNs);
            assertNotNull(bye);
            assertTrue(byeMs >= 2_600 && byeMs < 5_000, "BYE " + byeMs + " ms after the answer");
            assertEquals(EndCause.DIALOG_LOST, listener.awaitEnded());
        }
    }

    @Test
    void shouldRefreshTheSessionWhenTheFarEndMakesUsTheRefresher() throws Exception
    {
        try (SipStack quiet = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider()));
            RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            final CallLeg leg = quiet.dial(new DialRequest(peer.uri("refresh")), listener);
            final String invite = peer.receive("INVITE", TIMEOUT_MS);
            peer.reply(RawSipPeer.response(invite, 200, "OK", "refresh",
                "Contact: <sip:refresh@127.0.0.1:" + peer.port() + ">\r\nSession-Expires: 2;refresher=uac\r\n",
                RawSipPeer.sdp(30_102)));
            assertNotNull(peer.receive("ACK", TIMEOUT_MS));
            assertTrue(listener.awaitAnswered());

            final String refresh = peer.receive("INVITE", TIMEOUT_MS);
            assertNotNull(refresh, "a session refresh at half the interval");
            assertTrue(RawSipPeer.header(refresh, "Session-Expires").startsWith("2;refresher=uac"), refresh);
            assertTrue(RawSipPeer.header(refresh, "To").contains("tag=refresh"), "in the dialog");
            assertTrue(refresh.contains("a=sendrecv"), "the unchanged session");
            peer.reply(RawSipPeer.response(refresh, 200, "OK", null,
                "Contact: <sip:refresh@127.0.0.1:" + peer.port() + ">\r\nSession-Expires: 2;refresher=uac\r\n",
                RawSipPeer.sdp(30_102)));
            assertNotNull(peer.receive("ACK", TIMEOUT_MS), "the refresh's 2xx is ACKed");

            final String second = peer.receive("INVITE", TIMEOUT_MS);
            assertNotNull(second, "refreshed again");
            assertEquals(CallState.ANSWERED, leg.state());
            peer.reply(RawSipPeer.response(second, 481, "Call Does Not Exist", null, null, null));

            assertEquals(EndCause.DIALOG_LOST, listener.awaitEnded());
            assertNotNull(peer.receive("BYE", TIMEOUT_MS));
        }
    }

    @Test
    void shouldNotTimeOutAWhileTheLegsRtpTimeoutIsSuspended() throws Exception
    {
        try (SipStack realMedia = SipStack.launch(SipTests.mediaContext().keepaliveAfterSilenceMs(0)
            .mediaContext(new MediaEngine.Context().bindAddress(InetAddress.getLoopbackAddress())
                .rtpTimeoutMs(1_000)));
            RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            final CallLeg leg = realMedia.dial(new DialRequest(peer.uri("onhold")), listener);
            answer(peer, "onhold", listener);
            leg.mediaTimeout(false);

            assertNull(listener.ends.poll(2_500, TimeUnit.MILLISECONDS), "suspended: no RTP for 2.5 s is fine");
            assertEquals(CallState.ANSWERED, leg.state());

            final long resumedNs = System.nanoTime();
            leg.mediaTimeout(true);
            assertEquals(EndCause.RTP_TIMEOUT, listener.awaitEnded());
            final long afterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - resumedNs);
            assertTrue(afterMs >= 900, "counted from the resume, ended after " + afterMs + " ms");
            assertNotNull(peer.receive("BYE", TIMEOUT_MS), "the dialer hangs up");
        }
    }

    @Test
    void shouldKeepACallUpWhoseFarEndStopsSendingRtpButAnswersKeepalives() throws Exception
    {
        try (SipStack realMedia = SipStack.launch(SipTests.mediaContext().keepaliveAfterSilenceMs(KEEPALIVE_MS));
            RawSipPeer peer = new RawSipPeer();
            RawSipPeer rtp = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            final CallLeg leg = realMedia.dial(new DialRequest(peer.uri("listener")), listener);
            final String invite = answer(peer, "listener", listener);
            final int ourRtpPort = RawSipPeer.sdpPort(invite);

            // it talks for 600 ms (two keepalive intervals): no keepalive meanwhile; then it only listens
            final long untilNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2 * KEEPALIVE_MS);
            int sequence = 0;
            while (System.nanoTime() < untilNs)
            {
                sendRtp(rtp, ourRtpPort, leg.codec().payloadType(), sequence++);
                assertNull(peer.receive("OPTIONS", 20), "a keepalive while RTP arrives");
            }
            final long lastRtpNs = System.nanoTime();

            for (int i = 0; i < 3; i++)
            {
                final String options = peer.receive("OPTIONS", TIMEOUT_MS);
                assertNotNull(options, "keepalive " + i);
                if (0 == i)
                {
                    final long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRtpNs);
                    assertTrue(silentMs >= KEEPALIVE_MS - 100, "first keepalive after " + silentMs + " ms of silence");
                }
                peer.reply(RawSipPeer.response(options, 200, "OK", null, null, null));
            }
            assertEquals(CallState.ANSWERED, leg.state(), "silent for minutes is fine while the dialog answers");
            hangUp(peer, leg, listener);
        }
    }

    private static String answer(final RawSipPeer peer, final String tag, final RecordingListener listener)
        throws Exception
    {
        final String invite = peer.receive("INVITE", TIMEOUT_MS);
        assertNotNull(invite);
        peer.reply(RawSipPeer.response(invite, 200, "OK", tag,
            "Contact: <sip:" + tag + "@127.0.0.1:" + peer.port() + ">\r\n", RawSipPeer.sdp(peer.port() + 2)));
        assertNotNull(peer.receive("ACK", TIMEOUT_MS));
        assertTrue(listener.awaitAnswered());
        return invite;
    }

    private static void hangUp(final RawSipPeer peer, final CallLeg leg, final RecordingListener listener)
        throws Exception
    {
        leg.hangup();
        final String bye = peer.receive("BYE", TIMEOUT_MS);
        assertNotNull(bye);
        peer.reply(RawSipPeer.response(bye, 200, "OK", null, null, null));
        assertEquals(EndCause.LOCAL, listener.awaitEnded());
        assertEquals(1, listener.terminalEvents.get());
    }

    private static void sendRtp(final RawSipPeer from, final int port, final int payloadType, final int sequence)
        throws IOException
    {
        final byte[] packet = new byte[12 + 160];
        packet[0] = (byte)0x80;
        packet[1] = (byte)payloadType;
        packet[2] = (byte)(sequence >> 8);
        packet[3] = (byte)sequence;
        final int timestamp = sequence * 160;
        packet[4] = (byte)(timestamp >> 24);
        packet[5] = (byte)(timestamp >> 16);
        packet[6] = (byte)(timestamp >> 8);
        packet[7] = (byte)timestamp;
        packet[11] = 0x42;
        from.socket.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), port));
    }
}
