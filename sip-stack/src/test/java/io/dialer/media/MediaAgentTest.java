/*
 * Dialer media tests.
 */
package io.dialer.media;

import io.dialer.audio.Codec;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.dialer.media.MediaTests.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The media thread's structure: it sleeps between ticks (and wholly without sessions) instead of polling, and its
 * sessions borrow pooled sockets that outlive them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MediaAgentTest
{
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void shouldWakeOncePerTickAtMostWhileSendingAndNotAtAllWithoutSessions() throws Exception
    {
        try (MediaEngine idle = newEngine(47_000, 47_010, 1);
            MediaEngine busy = newEngine(47_100, 47_110, 1);
            MediaTests.RawPeer peer = new MediaTests.RawPeer())
        {
            final MediaSession session = busy.open(new MediaTests.RecordingListener());
            session.connect(peer.address(), Codec.PCMU, -1);
            await(() -> session.counters().packetsSent() >= 5, "the first frames");

            final long idleBefore = idle.agent().wakeUps();
            final long busyBefore = busy.agent().wakeUps();
            final long sentBefore = session.counters().packetsSent();
            await(() -> session.counters().packetsSent() >= sentBefore + 25, "25 more frames (half a second)");
            final long frames = session.counters().packetsSent() - sentBefore;
            final long busyWakeUps = busy.agent().wakeUps() - busyBefore;

            // 2 ms ticks: 10 per frame at most (a polling thread wakes thousands of times per frame)
            assertTrue(busyWakeUps <= 10 * (frames + 1), busyWakeUps + " wake-ups for " + frames + " frames");
            assertTrue(idle.agent().wakeUps() - idleBefore <= 1, "an engine without sessions sleeps");
        }
    }

    @Test
    void shouldReusePortsAndKeepWhatTheLastFarEndSentFromTheNextSession() throws Exception
    {
        try (MediaEngine engine = newEngine(47_200, 47_200, 1); MediaTests.RawPeer peer = new MediaTests.RawPeer())
        {
            final MediaSession first = engine.open(new MediaTests.RecordingListener());
            first.connect(peer.address(), Codec.PCMU, -1);
            peer.target(first.localAddress());
            for (int i = 0; i < 3; i++)
            {
                sendVoice(peer, 0x1111, i);
            }
            await(() -> first.counters().packetsReceived() >= 3, "the first call's audio");
            assertThrows(IOException.class, () -> engine.open(new MediaTests.RecordingListener()));
            first.close();

            // the first call's far end goes on sending after the hang-up, to the port the next call gets
            for (int i = 3; i < 8; i++)
            {
                sendVoice(peer, 0x1111, i);
            }
            final MediaSession[] next = new MediaSession[1];
            await(() -> null != (next[0] = tryOpen(engine, null)), "the released port");
            final MediaSession session = next[0];
            assertEquals(first.localAddress(), session.localAddress());
            session.connect(peer.address(), Codec.PCMU, -1);
            await(() -> session.counters().packetsSent() > 0, "the session connected");

            // the new call's far end: the same address, another SSRC
            for (int i = 0; i < 5; i++)
            {
                sendVoice(peer, 0x2222, 100 + i);
            }
            await(() -> session.counters().packetsReceived() >= 5, "the new call's audio");
            assertEquals(0, session.counters().packetsSsrcChanged(), session.counters().toString());
            assertEquals(0, session.counters().packetsForeignSource(), session.counters().toString());
            assertEquals(5, session.counters().packetsReceived(), session.counters().toString());
        }
    }

    @Test
    void shouldLetAReturnedPortRestWhileTheRangeHasUnopenedPorts() throws Exception
    {
        try (MediaEngine engine = newEngine(47_400, 47_404, 1))
        {
            final MediaSession first = engine.open(new MediaTests.RecordingListener());
            first.close();
            await(() -> 1 == engine.agent().freePorts.size(), "the port back in the free queue");

            // a far end may still be sending to the port it just had: the next sessions get ports not opened yet
            final MediaSession second = engine.open(new MediaTests.RecordingListener());
            final MediaSession third = engine.open(new MediaTests.RecordingListener());
            assertEquals(47_402, second.localAddress().getPort());
            assertEquals(47_404, third.localAddress().getPort());

            // the range used up: the returned port, rested or not
            final MediaSession fourth = engine.open(new MediaTests.RecordingListener());
            assertEquals(first.localAddress(), fourth.localAddress());
        }
    }

    @Test
    void shouldTakeAnotherThreadsFreePortWhenTheRangeIsUsedUp() throws Exception
    {
        try (MediaEngine engine = newEngine(47_300, 47_302, 2); MediaTests.RawPeer peer = new MediaTests.RawPeer())
        {
            final MediaSession onFirst = engine.open(new MediaTests.RecordingListener());
            final MediaSession onSecond = engine.open(new MediaTests.RecordingListener());
            final IOException full = assertThrows(
                IOException.class, () -> engine.open(new MediaTests.RecordingListener(), onFirst));
            assertEquals("no free RTP port in 47300-47302", full.getMessage());

            onSecond.close();
            final MediaSession[] moved = new MediaSession[1];
            await(() -> null != (moved[0] = tryOpen(engine, onFirst)), "the second thread's free port");
            final MediaSession session = moved[0];
            assertEquals(onSecond.localAddress(), session.localAddress());

            // registered with the first thread now: it receives there
            session.connect(peer.address(), Codec.PCMU, -1);
            peer.target(session.localAddress());
            await(() -> session.counters().packetsSent() > 0, "the session connected");
            for (int i = 0; i < 3; i++)
            {
                sendVoice(peer, 0x3333, i);
            }
            await(() -> session.counters().packetsReceived() >= 3, "audio on the moved port");
        }
    }

    private static void sendVoice(final MediaTests.RawPeer peer, final int ssrc, final int sequence)
        throws IOException
    {
        final ByteBuffer packet = ByteBuffer.allocate(12 + 160);
        packet.put((byte)0x80).put((byte)0).putShort((short)sequence).putInt(160 * sequence).putInt(ssrc);
        while (packet.hasRemaining())
        {
            packet.put((byte)0xFF);
        }
        peer.channel.send(packet.flip(), peer.target);
    }

    private static MediaSession tryOpen(final MediaEngine engine, final MediaSession affinity)
    {
        try
        {
            return null == affinity ?
                engine.open(new MediaTests.RecordingListener()) :
                engine.open(new MediaTests.RecordingListener(), affinity);
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    private static MediaEngine newEngine(final int start, final int end, final int agents)
    {
        return new MediaEngine(new MediaEngine.Context()
            .bindAddress(LOOPBACK)
            .portRange(start, end)
            .agentCount(agents)
            .tickUs(2_000)
            .rtpTimeoutMs(0));
    }
}
