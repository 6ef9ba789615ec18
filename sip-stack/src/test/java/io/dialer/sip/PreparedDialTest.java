/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static io.dialer.sip.RecordingListener.TIMEOUT_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A leg prepared ahead of its dial carries its media session and Call-ID into the dial, once; a discarded one closes
 * its media; a prepared leg of another stack, or one used already, dials as usual.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PreparedDialTest
{
    private final FakeMediaProvider media = new FakeMediaProvider();
    private final FakeMediaProvider otherMedia = new FakeMediaProvider();
    private SipStack dialer;
    private SipStack other;

    @BeforeAll
    void start()
    {
        dialer = SipStack.launch(SipTests.signallingContext(media));
        other = SipStack.launch(SipTests.signallingContext(otherMedia));
    }

    @AfterAll
    void stop()
    {
        SipTests.closeAll(dialer, other);
    }

    @Test
    void shouldDialWithThePreparedMediaAndCallIdAndAnswer() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final PreparedDial prepared = dialer.prepareDial(null);
            assertNotNull(prepared);
            final String callId = prepared.callId();
            final FakeMediaProvider.FakeLegMedia session = media.sessions.get(media.sessions.size() - 1);
            final int opened = media.sessions.size();
            assertNull(session.remote, "opened, not connected");

            final RecordingListener listener = new RecordingListener();
            final CallLeg leg = dialer.dial(new DialRequest(peer.uri("2001")).responseTimeoutMs(2_000), listener,
                prepared);
            final String invite = peer.receive("INVITE", TIMEOUT_MS);

            assertNotNull(invite);
            assertEquals(callId, leg.callId());
            assertEquals(callId, RawSipPeer.header(invite, "Call-ID"));
            assertEquals(opened, media.sessions.size(), "the dial opened no media of its own");
            assertEquals(session.localAddress().getPort(), RawSipPeer.sdpPort(invite));
            assertFalse(prepared.available());
            assertNull(prepared.callId());

            peer.reply(RawSipPeer.response(invite, 200, "OK", "answer1",
                "Contact: <sip:2001@127.0.0.1:" + peer.port() + ">\r\n", RawSipPeer.sdp(41_000)));
            assertTrue(listener.awaitAnswered(), "the listener given to the dial hears the answer");
            assertEquals(41_000, session.remote.getPort());
            prepared.discard();
            assertFalse(session.closed, "a dialed leg's media is the leg's, not the prepared one's to close");
            leg.hangup();
            assertNotNull(peer.receive("BYE", TIMEOUT_MS));
        }
    }

    @Test
    void shouldCloseTheMediaOfADiscardedLegOnce()
    {
        final PreparedDial prepared = dialer.prepareDial(null);
        final FakeMediaProvider.FakeLegMedia session = media.sessions.get(media.sessions.size() - 1);

        prepared.discard();
        prepared.close();

        assertTrue(session.closed);
        assertFalse(prepared.available());
    }

    @Test
    void shouldDialAsUsualWithALegUsedAlreadyOrOfAnotherStack() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final PreparedDial foreign = other.prepareDial(null);
            final int opened = media.sessions.size();
            final CallLeg leg = dialer.dial(new DialRequest(peer.uri("2002")).responseTimeoutMs(2_000),
                new RecordingListener(), foreign);
            final String invite = peer.receive("INVITE", TIMEOUT_MS);

            assertNotNull(invite);
            assertTrue(foreign.available(), "still the other stack's to dial or discard");
            assertEquals(opened + 1, media.sessions.size(), "the dial opened its own media");
            assertEquals(leg.callId(), RawSipPeer.header(invite, "Call-ID"));
            foreign.discard();
            assertTrue(otherMedia.sessions.get(otherMedia.sessions.size() - 1).closed);

            final PreparedDial used = dialer.prepareDial(null);
            final CallLeg first = dialer.dial(new DialRequest(peer.uri("2003")).responseTimeoutMs(2_000),
                new RecordingListener(), used);
            final CallLeg second = dialer.dial(new DialRequest(peer.uri("2004")).responseTimeoutMs(2_000),
                new RecordingListener(), used);
            assertNotNull(peer.receive("INVITE", TIMEOUT_MS));
            assertNotNull(peer.receive("INVITE", TIMEOUT_MS));
            assertFalse(first.callId().equals(second.callId()));
            leg.hangup();
            first.hangup();
            second.hangup();
        }
    }

    @Test
    void shouldOpenThePreparedMediaNextToTheAffinityLeg() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final CallLeg caller = dialer.dial(new DialRequest(peer.uri("2005")).responseTimeoutMs(2_000),
                new RecordingListener());
            assertNotNull(peer.receive("INVITE", TIMEOUT_MS));
            final PreparedDial prepared = dialer.prepareDial(caller);
            final FakeMediaProvider.FakeLegMedia session = media.sessions.get(media.sessions.size() - 1);

            assertNotNull(prepared);
            assertSame(caller.mediaControl.media(), session.affinity, "on the caller's media thread");
            prepared.discard();
            caller.hangup();
        }
    }
}
