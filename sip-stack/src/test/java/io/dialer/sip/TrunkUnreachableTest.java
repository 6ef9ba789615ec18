/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.dialer.sip.RecordingListener.TIMEOUT_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A trunk that never answers is {@link FailureCause#TRUNK_UNREACHABLE}, found within the response timeout instead of
 * the ring timeout, with the reason in words; {@link FailureCause#NO_ANSWER} needs at least a provisional response.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrunkUnreachableTest
{
    private SipStack dialer;

    @BeforeAll
    void start()
    {
        dialer = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider()));
    }

    @AfterAll
    void stop()
    {
        SipTests.closeAll(dialer);
    }

    @Test
    void shouldFailWithinTheDefaultResponseTimeoutWhenNothingListensOnTheUdpPort() throws Exception
    {
        final int port = closedUdpPort();
        final RecordingListener listener = new RecordingListener();
        final String target = "sip:1001@" + SipTests.LOOPBACK + ":" + port;
        final long start = System.nanoTime();

        final CallLeg leg = dialer.dial(new DialRequest(target), listener);

        final RecordingListener.Failure failure = listener.awaitFailure();
        final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertNotNull(failure);
        assertEquals(FailureCause.TRUNK_UNREACHABLE, failure.cause());
        assertEquals(0, failure.status());
        assertEquals("no response from " + target + " within 5 s", failure.reason());
        assertTrue(elapsedMs >= 4_500 && elapsedMs < 10_000, "failed after " + elapsedMs + " ms, not the ring timeout");
        assertEquals(CallState.FAILED, leg.state());
        assertTrue(((FakeMediaProvider.FakeLegMedia)leg.media()).closed);
    }

    @Test
    void shouldFailAtOnceWhenTheTcpConnectionIsRefused() throws Exception
    {
        final int port = closedTcpPort();
        final RecordingListener listener = new RecordingListener();
        final long start = System.nanoTime();

        dialer.dial(new DialRequest("sip:1002@" + SipTests.LOOPBACK + ":" + port).transport(Transport.TCP), listener);

        final RecordingListener.Failure failure = listener.awaitFailure();
        final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertNotNull(failure);
        assertEquals(FailureCause.TRUNK_UNREACHABLE, failure.cause());
        assertEquals(0, failure.status());
        assertEquals("connection refused: TCP to " + SipTests.LOOPBACK + ":" + port, failure.reason());
        assertTrue(elapsedMs < 2_000, "failed after " + elapsedMs + " ms");
        assertNull(listener.failures.poll(300, TimeUnit.MILLISECONDS), "one terminal event");
        assertEquals(1, listener.terminalEvents.get());
    }

    @Test
    void shouldReturnFromDialAtOnceWhileATcpConnectHangs() throws Exception
    {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            // a full accept queue that is never drained: Linux drops further SYNs, so a connect hangs
            final List<Socket> fillers = new ArrayList<>();
            try
            {
                for (int i = 0; i < 4; i++)
                {
                    final Socket filler = new Socket();
                    fillers.add(filler);
                    try
                    {
                        filler.connect(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 200);
                    }
                    catch (final IOException ex)
                    {
                        break; // the queue is full
                    }
                }
                assumeTrue(connectHangs(full.getLocalPort()), "this kernel does not drop SYNs to a full queue");
                final RecordingListener listener = new RecordingListener();
                final String target = "sip:1004@" + SipTests.LOOPBACK + ":" + full.getLocalPort();
                final long start = System.nanoTime();

                dialer.dial(new DialRequest(target).transport(Transport.TCP).responseTimeoutMs(1_000), listener);

                final long dialMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(dialMs < 500, "dial() blocked for " + dialMs + " ms on the TCP connect");
                final RecordingListener.Failure failure = listener.awaitFailure();
                assertEquals(FailureCause.TRUNK_UNREACHABLE, failure.cause());
                assertEquals("no response from " + target + " within 1 s", failure.reason());
                assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 4_000, "at the response timeout");
            }
            finally
            {
                for (final Socket filler : fillers)
                {
                    filler.close();
                }
            }
        }
    }

    private static boolean connectHangs(final int port)
    {
        try (Socket probe = new Socket())
        {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return false;
        }
        catch (final SocketTimeoutException ex)
        {
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    @Test
    void shouldFailWhenATcpPeerTakesTheInviteAndResetsTheConnection() throws Exception
    {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress()))
        {
            final CompletableFuture<Void> resetter = CompletableFuture.runAsync(() -> acceptAndReset(server));
            final RecordingListener listener = new RecordingListener();
            final String target = "sip:1003@" + SipTests.LOOPBACK + ":" + server.getLocalPort();

            dialer.dial(new DialRequest(target).transport(Transport.TCP).responseTimeoutMs(1_000), listener);

            resetter.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            final RecordingListener.Failure failure = listener.awaitFailure();
            assertNotNull(failure);
            assertEquals(FailureCause.TRUNK_UNREACHABLE, failure.cause());
            assertTrue(failure.reason().startsWith("no response from " + target), failure.reason());
        }
    }

    @Test
    void shouldStopRetransmittingTheInviteOnceTheTrunkIsGivenUp() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            final String target = peer.uri("silent");

            dialer.dial(new DialRequest(target).responseTimeoutMs(800), listener);

            assertNotNull(peer.receive("INVITE", TIMEOUT_MS), "the INVITE reached a peer that says nothing");
            final RecordingListener.Failure failure = listener.awaitFailure();
            assertEquals(FailureCause.TRUNK_UNREACHABLE, failure.cause());
            assertEquals("no response from " + target + " within 800 ms", failure.reason());
            // JAIN-SIP retransmits at 0.5, 1.5, 3.5 s...: drain the copy sent before the failure, then none may come
            while (null != peer.receive("INVITE", 100))
            {
                assertTrue(listener.terminalEvents.get() == 1);
            }
            assertNull(peer.receive("INVITE", 3_000), "retransmitted after the call failed");
        }
    }

    @Test
    void shouldBeNoAnswerWhenTheTrunkSaidTryingAndThenRangOut() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            dialer.dial(new DialRequest(peer.uri("trying")).responseTimeoutMs(300).ringTimeoutMs(1_500), listener);
            final String invite = peer.receive("INVITE", TIMEOUT_MS);
            peer.reply(RawSipPeer.response(invite, 100, "Trying", null, null, null));

            final String cancel = peer.receive("CANCEL", TIMEOUT_MS);
            assertNotNull(cancel, "rang out: CANCEL after the ring timeout, not given up at the response timeout");
            assertTrue(listener.failures.isEmpty());
            peer.reply(RawSipPeer.response(cancel, 200, "OK", "tryingtag", null, null));
            peer.reply(RawSipPeer.response(invite, 487, "Request Terminated", "tryingtag", null, null));

            final RecordingListener.Failure failure = listener.awaitFailure();
            assertEquals(FailureCause.NO_ANSWER, failure.cause());
            assertEquals(487, failure.status());
        }
    }

    @Test
    void shouldEndLocallyWhenHungUpBeforeTheTrunkSaidAnything() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            final CallLeg leg = dialer.dial(new DialRequest(peer.uri("hungup")).responseTimeoutMs(500), listener);
            assertNotNull(peer.receive("INVITE", TIMEOUT_MS));

            leg.hangup();

            assertEquals(EndCause.LOCAL, listener.awaitEnded(), "our hang-up, not an unreachable trunk");
            assertTrue(listener.failures.isEmpty());
            assertEquals(1, listener.terminalEvents.get());
        }
    }

    private static int closedUdpPort() throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    private static int closedTcpPort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    private static void acceptAndReset(final ServerSocket server)
    {
        try (Socket socket = server.accept())
        {
            final byte[] buffer = new byte[4096];
            final int read = socket.getInputStream().read(buffer);
            assertTrue(read > 0 && new String(buffer, 0, read, StandardCharsets.UTF_8)
                .startsWith("INVITE "), "an INVITE came over TCP");
            socket.setSoLinger(true, 0);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
