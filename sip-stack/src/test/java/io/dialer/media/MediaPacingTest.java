/*
 * Dialer media tests.
 */
package io.dialer.media;

import io.dialer.audio.Codec;
import io.dialer.audio.G711;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frame pacing, RTP numbering and RFC 4733 output, with the engine's clock in the test's hands.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MediaPacingTest
{
    private static final long FRAME_NS = TimeUnit.MILLISECONDS.toNanos(20);

    private final AtomicLong nowNs = new AtomicLong(1_000_000_000L);

    @Test
    void shouldSendOneFramePerTickWithRtpNumbering() throws Exception
    {
        try (MediaEngine engine = newEngine(); MediaTests.RawPeer peer = new MediaTests.RawPeer())
        {
            final MediaSession session = engine.open(new MediaTests.RecordingListener());
            session.connect(peer.address(), Codec.PCMA, 101);

            final MediaTests.Packet first = peer.take();
            assertTrue(first.marker);
            assertEquals(8, first.payloadType);
            assertEquals(160, first.payload.length);
            assertEquals(G711.ALAW_SILENCE, first.payload[0]);
            MediaTests.Packet previous = first;
            for (int i = 0; i < 10; i++)
            {
                nowNs.addAndGet(FRAME_NS);
                final MediaTests.Packet packet = peer.take();
                assertFalse(packet.marker);
                assertEquals(first.ssrc, packet.ssrc);
                assertEquals((previous.sequence + 1) & 0xFFFF, packet.sequence);
                assertEquals((previous.timestamp + 160) & 0xFFFF_FFFFL, packet.timestamp);
                previous = packet;
            }
            sync(engine);
            assertEquals(11, session.counters().packetsSent());
            assertNull(peer.receive(100));

            // Hold: nothing is sent, but time goes on; on resume a marker and the timestamp of the elapsed time.
            session.direction(false, true);
            sync(engine);
            nowNs.addAndGet(5 * FRAME_NS);
            sync(engine);
            tickOnce(engine);
            assertNull(peer.receive(100));
            session.direction(true, true);
            sync(engine);
            nowNs.addAndGet(FRAME_NS);
            final MediaTests.Packet resumed = peer.take();
            assertTrue(resumed.marker);
            assertEquals((previous.sequence + 1) & 0xFFFF, resumed.sequence);
            assertEquals((previous.timestamp + 6 * 160) & 0xFFFF_FFFFL, resumed.timestamp);
        }
    }

    @Test
    void shouldSendRfc4733EventsThenResumeVoice() throws Exception
    {
        try (MediaEngine engine = newEngine(); MediaTests.RawPeer peer = new MediaTests.RawPeer())
        {
            final MediaSession session = engine.open(new MediaTests.RecordingListener());
            session.connect(peer.address(), Codec.PCMU, 101);
            final MediaTests.Packet voice = peer.take();

            session.sendDtmf('#', 100);
            sync(engine);
            final long eventTimestamp = (voice.timestamp + 160) & 0xFFFF_FFFFL;
            final int[] durations = {160, 320, 480, 640, 800, 800, 800};
            int sequence = voice.sequence;
            for (int i = 0; i < durations.length; i++)
            {
                nowNs.addAndGet(FRAME_NS);
                final MediaTests.Packet event = peer.take();
                sequence = (sequence + 1) & 0xFFFF;
                assertEquals(101, event.payloadType, "packet " + i);
                assertEquals(0 == i, event.marker, "packet " + i);
                assertEquals(sequence, event.sequence, "packet " + i);
                assertEquals(eventTimestamp, event.timestamp, "packet " + i);
                assertEquals(11, event.event());
                assertEquals(durations[i], event.duration(), "packet " + i);
                assertEquals(i >= 4, event.end(), "packet " + i);
                assertEquals(voice.ssrc, event.ssrc);
            }

            nowNs.addAndGet(FRAME_NS);
            final MediaTests.Packet resumed = peer.take();
            assertEquals(0, resumed.payloadType);
            assertTrue(resumed.marker);
            assertEquals((sequence + 1) & 0xFFFF, resumed.sequence);
            assertEquals((eventTimestamp + 7 * 160) & 0xFFFF_FFFFL, resumed.timestamp);
        }
    }

    @Test
    void shouldCatchUpWithoutBurstingAfterAStall() throws Exception
    {
        try (MediaEngine engine = newEngine(); MediaTests.RawPeer peer = new MediaTests.RawPeer())
        {
            final MediaSession session = engine.open(new MediaTests.RecordingListener());
            session.connect(peer.address(), Codec.PCMU, -1);
            final MediaTests.Packet first = peer.take();

            nowNs.addAndGet(100 * FRAME_NS);
            final MediaTests.Packet afterStall = peer.take();
            assertTrue(afterStall.marker);
            assertEquals((first.sequence + 1) & 0xFFFF, afterStall.sequence);
            assertEquals((first.timestamp + 100 * 160) & 0xFFFF_FFFFL, afterStall.timestamp);
            final long skipped = engine.skippedFrames();
            assertTrue(skipped >= 95 && skipped <= 100, "frames counted as skipped: " + skipped);
            sync(engine);
            tickOnce(engine);
            assertNull(peer.receive(100));
            assertEquals(2, session.counters().packetsSent());
        }
    }

    @Test
    void shouldContinueTheStreamToANewRemoteAndCodecOnReinvite() throws Exception
    {
        try (MediaEngine engine = newEngine();
            MediaTests.RawPeer before = new MediaTests.RawPeer();
            MediaTests.RawPeer after = new MediaTests.RawPeer())
        {
            final MediaSession session = engine.open(new MediaTests.RecordingListener());
            session.connect(before.address(), Codec.PCMU, 101);
            final MediaTests.Packet last = before.take();
            assertEquals(0, last.payloadType);

            session.connect(after.address(), Codec.PCMA, 96);
            sync(engine);
            nowNs.addAndGet(FRAME_NS);
            final MediaTests.Packet next = after.take();
            assertEquals(8, next.payloadType);
            assertEquals(last.ssrc, next.ssrc);
            assertEquals((last.sequence + 1) & 0xFFFF, next.sequence);
            assertEquals((last.timestamp + 160) & 0xFFFF_FFFFL, next.timestamp);
            assertNull(before.receive(50));

            session.sendDtmf('7', 40);
            sync(engine);
            nowNs.addAndGet(FRAME_NS);
            assertEquals(96, after.take().payloadType);
        }
    }

    @Test
    void shouldNeverGoBackInTimeWhenTheRelayedStreamRanAheadOfOurClock() throws Exception
    {
        try (MediaEngine engine = newEngine();
            MediaTests.RawPeer caller = new MediaTests.RawPeer();
            MediaTests.RawPeer closer = new MediaTests.RawPeer())
        {
            final MediaSession callerLeg = engine.open(new MediaTests.RecordingListener());
            final MediaSession closerLeg = engine.open(new MediaTests.RecordingListener());
            callerLeg.connect(caller.address(), Codec.PCMU, 101);
            closerLeg.connect(closer.address(), Codec.PCMU, 101);
            caller.target(callerLeg.localAddress());
            final MediaTests.Packet own = closer.take();
            callerLeg.bridge(closerLeg);
            sync(engine);

            // Twenty frames from the caller while our clock stands still: the relay runs 19 frames ahead of it.
            MediaTests.Packet relayed = null;
            for (int i = 0; i < 20; i++)
            {
                caller.sendVoice(Codec.PCMU, new short[160]);
                relayed = closer.take();
                assertEquals((own.sequence + 1 + i) & 0xFFFF, relayed.sequence);
                assertEquals(0 == i, relayed.marker);
            }
            assertEquals((own.timestamp + 160 + 19 * 160) & 0xFFFF_FFFFL, relayed.timestamp);

            callerLeg.unbridge();
            sync(engine);
            nowNs.addAndGet(FRAME_NS);
            final MediaTests.Packet resumed = closer.take();
            assertTrue(resumed.marker);
            assertEquals((relayed.sequence + 1) & 0xFFFF, resumed.sequence);
            assertEquals((relayed.timestamp + 160) & 0xFFFF_FFFFL, resumed.timestamp);
        }
    }

    @Test
    void shouldSendOneFrameOfSilencePerKeepaliveIntervalWhileIdle() throws Exception
    {
        try (MediaEngine engine = newEngine(100); MediaTests.RawPeer peer = new MediaTests.RawPeer())
        {
            final MediaSession session = engine.open(new MediaTests.RecordingListener());
            session.connect(peer.address(), Codec.PCMU, 101);
            final MediaTests.Packet first = peer.take();
            assertTrue(first.marker, "the first frame goes at once");
            assertEquals(G711.ULAW_SILENCE, first.payload[0]);

            // 100 ms = 5 frames: four ticks send nothing, the fifth a frame of silence that starts a talkspurt
            for (int i = 1; i < 5; i++)
            {
                nowNs.addAndGet(FRAME_NS);
                tickOnce(engine);
            }
            assertNull(peer.receive(50));
            nowNs.addAndGet(FRAME_NS);
            final MediaTests.Packet keepalive = peer.take();
            assertTrue(keepalive.marker);
            assertEquals((first.sequence + 1) & 0xFFFF, keepalive.sequence, "no packet was lost on the way");
            assertEquals((first.timestamp + 5 * 160) & 0xFFFF_FFFFL, keepalive.timestamp, "time went on");

            // something to say: a frame every 20 ms again
            session.play(Prompt.fromPcm("tone", MediaTests.tone(1000, 1600, 8000)), false, false);
            sync(engine);
            MediaTests.Packet previous = keepalive;
            for (int i = 0; i < 3; i++)
            {
                nowNs.addAndGet(FRAME_NS);
                final MediaTests.Packet voice = peer.take();
                assertEquals((previous.sequence + 1) & 0xFFFF, voice.sequence);
                assertEquals((previous.timestamp + 160) & 0xFFFF_FFFFL, voice.timestamp);
                assertEquals(0 == i, voice.marker);
                previous = voice;
            }
            sync(engine);
            assertEquals(5, session.counters().packetsSent());
        }
    }

    private MediaEngine newEngine()
    {
        return newEngine(0);
    }

    private MediaEngine newEngine(final int idleKeepaliveMs)
    {
        return new MediaEngine(new MediaEngine.Context()
            .bindAddress(InetAddress.getLoopbackAddress())
            .portRange(42_400, 42_498)
            .rtpTimeoutMs(0)
            .idleKeepaliveMs(idleKeepaliveMs)
            .nanoClock(nowNs::get));
    }

    /**
     * Waits until the media agent has run every command queued before this call.
     */
    private static void sync(final MediaEngine engine) throws InterruptedException
    {
        final CountDownLatch latch = new CountDownLatch(1);
        engine.agent().offer(latch::countDown);
        assertTrue(latch.await(MediaTests.WAIT_SECONDS, TimeUnit.SECONDS));
    }

    /**
     * Waits until the agent has polled its timers at least once more at the current time.
     */
    private static void tickOnce(final MediaEngine engine) throws InterruptedException
    {
        sync(engine);
        sync(engine);
    }
}
