/*
 * Dialer media tests.
 */
package io.dialer.media;

import io.dialer.audio.Codec;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.dialer.media.MediaTests.await;
import static io.dialer.media.MediaTests.tone;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The media thread allocates nothing per packet in steady state: prompt frames out, frames in decoded for a tap,
 * packets relayed across a bridge (with transcoding), and frames of silence the tap clock gives a tap while the far
 * end suppresses silence.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MediaAllocationTest
{
    @Test
    void shouldNotAllocatePerPacket() throws Exception
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (MediaEngine engine = newEngine(42_600); MediaEngine phones = newEngine(42_700))
        {
            final MediaSession player = engine.open(new MediaTests.RecordingListener());
            final MediaSession callerLeg = engine.open(new MediaTests.RecordingListener());
            final MediaSession closerLeg = engine.open(new MediaTests.RecordingListener());
            final MediaSession listenerPhone = phones.open(new MediaTests.RecordingListener());
            final MediaSession callerPhone = phones.open(new MediaTests.RecordingListener());
            final MediaSession closerPhone = phones.open(new MediaTests.RecordingListener());
            final MediaSession quietLeg = engine.open(new MediaTests.RecordingListener());
            final MediaSession quietPhone = phones.open(new MediaTests.RecordingListener());

            player.connect(listenerPhone.localAddress(), Codec.PCMU, 101);
            listenerPhone.connect(player.localAddress(), Codec.PCMU, 101);
            callerLeg.connect(callerPhone.localAddress(), Codec.PCMU, 101);
            callerPhone.connect(callerLeg.localAddress(), Codec.PCMU, 101);
            closerLeg.connect(closerPhone.localAddress(), Codec.PCMA, 101);
            closerPhone.connect(closerLeg.localAddress(), Codec.PCMA, 101);
            quietPhone.silenceSuppression(true);
            quietLeg.connect(quietPhone.localAddress(), Codec.PCMU, 101);
            quietPhone.connect(quietLeg.localAddress(), Codec.PCMU, 101);

            final AtomicLong tapped = new AtomicLong();
            final AudioTap countingTap = (id, samples, offset, length, ts) -> tapped.addAndGet(samples[offset] & 1);
            player.addTap(countingTap);
            callerLeg.addTap(countingTap);
            quietLeg.addTap(countingTap);
            quietLeg.startTapClock();
            final Prompt tone = Prompt.fromPcm("tone", tone(700, 8000, 9000));
            player.play(tone, true, false);
            listenerPhone.play(tone, true, false);
            callerPhone.play(tone, true, false);
            closerPhone.play(Prompt.holdMusic(), true, false);
            callerLeg.bridge(closerLeg);

            // Warm up (JIT, caches of the socket layer), then measure: one object per packet would be 16 KB or more.
            await(() -> closerLeg.counters().packetsSent() > 150, "warm-up");
            final long threadId = engine.agentThread().getId();
            final long before = threads.getThreadAllocatedBytes(threadId);
            final long sentBefore = engine(player, callerLeg, closerLeg);
            final long silenceBefore = quietLeg.counters().silenceFrames();
            await(() -> closerLeg.counters().packetsSent() > 400, "400 relayed packets");
            final long allocated = threads.getThreadAllocatedBytes(threadId) - before;
            final long packets = engine(player, callerLeg, closerLeg) - sentBefore;
            final long silenceFrames = quietLeg.counters().silenceFrames() - silenceBefore;

            assertTrue(packets > 1000, "packets " + packets);
            assertTrue(silenceFrames > 100, "silence frames " + silenceFrames);
            assertTrue(0 == quietLeg.counters().packetsReceived(), quietLeg.counters().toString());
            assertTrue(allocated < 4096,
                "media thread allocated " + allocated + " bytes for " + packets + " packets and " + silenceFrames +
                " silence frames");
        }
    }

    private static long engine(final MediaSession... sessions)
    {
        long total = 0;
        for (final MediaSession session : sessions)
        {
            total += session.counters().packetsSent() + session.counters().packetsReceived();
        }
        return total;
    }

    private static MediaEngine newEngine(final int portStart)
    {
        return new MediaEngine(new MediaEngine.Context()
            .bindAddress(InetAddress.getLoopbackAddress())
            .portRange(portStart, portStart + 98)
            .rtpTimeoutMs(5_000));
    }
}
