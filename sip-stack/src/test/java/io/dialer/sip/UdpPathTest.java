/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import gov.nist.javax.sip.stack.SIPMessageValve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static io.dialer.sip.RecordingListener.TIMEOUT_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The UDP path as {@link SipStack} configures JAIN-SIP: datagrams received on the channel threads themselves (no
 * receive thread, which must not exist), the threads gone when the stack closes, and a 2xx retransmitted after its
 * INVITE transaction is gone ACKed again by {@link RetransmittedOkValve} (not by JAIN-SIP's scan), and dropped once
 * the dialog ended.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UdpPathTest
{
    @Test
    void shouldReceiveOnTheChannelThreadsAndEndThemOnClose() throws Exception
    {
        final SipStack dialer = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider()));
        final String stackName = dialer.context().stackName();
        try (RawSipPeer peer = new RawSipPeer())
        {
            assertInstanceOf(StackTimer.class, dialer.jainSipStack().getTimer());

            final RecordingListener listener = new RecordingListener();
            final CallLeg leg = dialer.dial(new DialRequest(peer.uri(SipTests.number())), listener);
            answer(peer, listener);
            hangUp(peer, leg, listener);

            assertEquals(0, threads("MessageProcessorThread-UDP"), "JAIN-SIP's receive thread");
            assertEquals(2, threads(stackName + "-UDPMessageChannelThread"));
        }
        finally
        {
            SipTests.closeAll(dialer);
        }
        assertTrue(SipTests.await(() -> 0 == threads(stackName + "-UDPMessageChannelThread"), TIMEOUT_MS),
            "channel threads still receiving after close");
    }

    @Test
    void shouldAckAgainA2xxRetransmittedAfterItsTransactionIsGoneAndDropItOnceTheDialogEnded() throws Exception
    {
        final SipStack dialer = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider()));
        try (RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            final CallLeg leg = dialer.dial(new DialRequest(peer.uri(SipTests.number())), listener);
            final String invite = peer.receive("INVITE", TIMEOUT_MS);
            assertNotNull(invite);
            final String ok = RawSipPeer.response(invite, 200, "OK", "retx",
                "Contact: <sip:retx@127.0.0.1:" + peer.port() + ">\r\n", RawSipPeer.sdp(peer.port() + 2));
            peer.reply(ok);
            final String ack = peer.receive("ACK", TIMEOUT_MS);
            assertNotNull(ack);
            assertTrue(listener.awaitAnswered());

            final String via = RawSipPeer.header(invite, "Via");
            final String branch = via.substring(via.indexOf("branch=") + 7).split("[;,]")[0].toLowerCase(Locale.ROOT);
            assertTrue(SipTests.await(() -> null == dialer.jainSipStack().findTransaction(branch, false), TIMEOUT_MS),
                "JAIN-SIP removes the INVITE transaction within 0.5 s of its 2xx");

            peer.reply(ok);

            final String again = peer.receive("ACK", TIMEOUT_MS);
            assertNotNull(again, "RFC 3261 13.2.2.4: every retransmitted 2xx is ACKed");
            assertEquals(RawSipPeer.header(ack, "CSeq"), RawSipPeer.header(again, "CSeq"));
            assertTrue(SipTests.await(() -> 1 == valve(dialer).reAcked(), TIMEOUT_MS),
                "answered by the valve, before JAIN-SIP's scan");
            hangUp(peer, leg, listener);

            peer.reply(ok);
            assertTrue(SipTests.await(() -> 1 == valve(dialer).dropped(), TIMEOUT_MS),
                "a 2xx of a terminated dialog is dropped before the scan, as JAIN-SIP drops it after");
            assertEquals(1, valve(dialer).reAcked(), "and not ACKed");
        }
        finally
        {
            SipTests.closeAll(dialer);
        }
    }

    private static RetransmittedOkValve valve(final SipStack dialer)
    {
        for (final SIPMessageValve valve : dialer.jainSipStack().sipMessageValves)
        {
            if (valve instanceof RetransmittedOkValve)
            {
                return (RetransmittedOkValve)valve;
            }
        }
        throw new AssertionError("no RetransmittedOkValve configured");
    }

    private static long threads(final String namePrefix)
    {
        return Thread.getAllStackTraces().keySet().stream()
            .filter((thread) -> thread.isAlive() && thread.getName().startsWith(namePrefix))
            .count();
    }

    private static void answer(final RawSipPeer peer, final RecordingListener listener) throws Exception
    {
        final String invite = peer.receive("INVITE", TIMEOUT_MS);
        assertNotNull(invite);
        peer.reply(RawSipPeer.response(invite, 200, "OK", "udp",
            "Contact: <sip:udp@127.0.0.1:" + peer.port() + ">\r\n", RawSipPeer.sdp(peer.port() + 2)));
        assertNotNull(peer.receive("ACK", TIMEOUT_MS));
        assertTrue(listener.awaitAnswered());
    }

    private static void hangUp(final RawSipPeer peer, final CallLeg leg, final RecordingListener listener)
        throws Exception
    {
        leg.hangup();
        final String bye = peer.receive("BYE", TIMEOUT_MS);
        assertNotNull(bye);
        peer.reply(RawSipPeer.response(bye, 200, "OK", null, null, null));
        assertEquals(EndCause.LOCAL, listener.awaitEnded());
    }
}
