/*
 * Dialer media tests.
 */
package io.dialer.media;

import io.dialer.audio.Codec;
import io.dialer.detection.AnsweringMachineDetector;
import io.dialer.detection.Cause;
import io.dialer.detection.DetectionListener;
import io.dialer.detection.DetectorConfig;
import io.dialer.detection.Verdict;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.dialer.media.MediaTests.await;
import static io.dialer.media.MediaTests.take;
import static io.dialer.media.MediaTests.tone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tap clock: after {@link MediaSession#startTapClock()} the taps get a frame for every 20 ms whether the far end
 * sends or not (silence suppression, comfort noise), packets older than what the taps were given are dropped, and
 * an answering-machine detector hears "Hello?" followed by nothing as it hears "Hello?" followed by silent packets.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TapClockTest
{
    private static final int TE = 101;
    private static final long FRAME_MS = 20;

    private static MediaEngine engine(final int portStart)
    {
        return new MediaEngine(new MediaEngine.Context()
            .bindAddress(InetAddress.getLoopbackAddress())
            .portRange(portStart, portStart + 98)
            .rtpTimeoutMs(0));
    }

    @Test
    void shouldFeedSilenceOnTheClockAndDropPacketsOlderThanIt() throws Exception
    {
        try (MediaEngine engine = engine(43_200); MediaTests.RawPeer peer = new MediaTests.RawPeer())
        {
            final MediaSession session = engine.open(new MediaTests.RecordingListener());
            final FrameLog frames = new FrameLog();
            session.addTap(frames);
            session.connect(peer.address(), Codec.PCMU, TE);
            session.startTapClock();
            peer.target(session.localAddress());
            peer.take(); // the first frame proves the media thread applied the connect

            // a talkspurt of five frames, then nothing: the taps get the five, then silence on the clock
            final long firstTs = 50_000;
            peer.timestamp = firstTs;
            for (int i = 0; i < 5; i++)
            {
                peer.sendVoice(Codec.PCMU, tone(1000, 160, 8000));
            }
            final List<Frame> seen = new ArrayList<>();
            while (count(seen, true) < 5 || count(seen, false) < 10)
            {
                seen.add(take(frames.frames, "a tapped frame"));
            }
            final int firstLoud = firstIndex(seen, true);
            for (int i = firstLoud; i < seen.size(); i++)
            {
                assertEquals(firstTs + (i - firstLoud) * 160L, seen.get(i).timestamp, "frame " + i + " " + seen);
                assertEquals(i < firstLoud + 5, seen.get(i).loud, "frame " + i + " " + seen);
            }
            assertTrue(session.counters().silenceFrames() >= 10, session.counters().toString());

            // the packet that should have followed the talkspurt comes late: silence took its place, it is dropped
            peer.sendRtp(false, 0, peer.sequence++, firstTs + 5 * 160, ulaw(tone(1000, 160, 8000)));
            await(() -> 1 == session.counters().packetsLateForTaps(), "the late packet dropped for the taps");
            assertTrue(session.tapLateNs() > RtpSession.TAP_LATE_NS,
                "a sender that was late once gets a wider window: " + session.tapLateNs());

            // comfort noise a second later in the far end's time: a frame of silence at its timestamp at once
            final long cnTs = firstTs + 5 * 160 + 8000;
            peer.sendRtp(true, 13, peer.sequence++, cnTs, new byte[]{ 60 });
            Frame frame;
            do
            {
                frame = take(frames.frames, "the comfort-noise frame");
                seen.add(frame);
                assertTrue(!frame.loud, "no voice between: " + seen);
            }
            while (frame.timestamp != cnTs);

            // voice resumes two seconds on in the far end's time: delivered with its own timestamp, in order
            final long resumeTs = cnTs + 100 * 160;
            peer.sendRtp(true, 0, peer.sequence++, resumeTs, ulaw(tone(1000, 160, 8000)));
            do
            {
                frame = take(frames.frames, "the resumed talkspurt");
                seen.add(frame);
            }
            while (!frame.loud);
            assertEquals(resumeTs, frame.timestamp, seen.toString());
            for (int i = 1; i < seen.size(); i++)
            {
                assertTrue((int)(seen.get(i).timestamp - seen.get(i - 1).timestamp) > 0, "in order: " + seen);
            }
            assertEquals(1, session.counters().packetsLateForTaps());
        }
    }

    @Test
    void shouldKeepTheFrameCountToElapsedTimeWhenNothingIsReceived() throws Exception
    {
        try (MediaEngine engine = engine(43_300); MediaTests.RawPeer peer = new MediaTests.RawPeer())
        {
            final MediaSession session = engine.open(new MediaTests.RecordingListener());
            final FrameLog frames = new FrameLog();
            session.addTap(frames);
            session.connect(peer.address(), Codec.PCMU, TE);
            final long startNs = System.nanoTime();
            session.startTapClock();

            final int wanted = 50;
            Frame last = null;
            for (int i = 0; i < wanted; i++)
            {
                last = take(frames.frames, "frame " + i);
                assertTrue(!last.loud);
            }
            // frame k is given once its 20 ms are over and at most the late window (3 frames) plus a frame tick later
            final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(last.atNs - startNs);
            assertTrue(elapsedMs >= wanted * FRAME_MS, "frame " + wanted + " given after " + elapsedMs + " ms");
            assertTrue(elapsedMs <= wanted * FRAME_MS + 4 * FRAME_MS + 200,
                "frame " + wanted + " given after " + elapsedMs + " ms");
            assertTrue(session.counters().silenceFrames() >= wanted, session.counters().toString());
        }
    }

    @Test
    void shouldGiveHumanForHelloThenNoPacketsAtTheSamePositionAsHelloThenSilentPackets() throws Exception
    {
        final short[] hello = new TextToSpeech().render("Hello?").samples();
        final Prompt greeting = Prompt.fromPcm("hello", concat(noise(300, 20, 1), hello));
        try (MediaEngine dialer = engine(43_400); MediaEngine phones = engine(43_500))
        {
            final DetectingTap suppressed = new DetectingTap();
            final DetectingTap silentPackets = new DetectingTap();
            final MediaSession quietPhone = phones.open(new MediaTests.RecordingListener());
            final MediaSession plainPhone = phones.open(new MediaTests.RecordingListener());
            quietPhone.silenceSuppression(true);
            final MediaSession quietLeg = dialer.open(new MediaTests.RecordingListener());
            final MediaSession plainLeg = dialer.open(new MediaTests.RecordingListener());
            quietLeg.addTap(suppressed);
            plainLeg.addTap(silentPackets);
            quietLeg.connect(quietPhone.localAddress(), Codec.PCMU, TE);
            plainLeg.connect(plainPhone.localAddress(), Codec.PCMU, TE);
            suppressed.startNs = System.nanoTime();
            quietLeg.startTapClock();
            silentPackets.startNs = System.nanoTime();
            plainLeg.startTapClock();
            quietPhone.connect(quietLeg.localAddress(), Codec.PCMU, TE);
            plainPhone.connect(plainLeg.localAddress(), Codec.PCMU, TE);
            quietPhone.play(greeting, false, false);
            plainPhone.play(greeting, false, false);

            final VerdictAt quiet = take(suppressed.verdicts, "a verdict without packets after the greeting");
            final VerdictAt plain = take(silentPackets.verdicts, "a verdict with silent packets after the greeting");
            final String both = "no packets: " + quiet + ", silent packets: " + plain + "; " + quietLeg.counters();
            assertEquals(Verdict.HUMAN, plain.verdict, both);
            assertEquals(Verdict.HUMAN, quiet.verdict, both);
            // the same position within two frames: the phones start within a frame of each other
            assertEquals(plain.positionMs, quiet.positionMs, 2 * FRAME_MS, both);
            // and as fast in time, give or take the late window (3 frames) and the clock's tick
            assertTrue(quiet.afterStartMs - plain.afterStartMs <= 5 * FRAME_MS + 100, both);
            assertTrue(quietLeg.counters().silenceFrames() > 0, both);
            // positions are time: the verdict's position is at most the late window behind the time it came
            assertTrue(quiet.positionMs <= quiet.afterStartMs && quiet.positionMs >= quiet.afterStartMs - 200, both);
        }
    }

    private static int count(final List<Frame> frames, final boolean loud)
    {
        int count = 0;
        for (final Frame frame : frames)
        {
            count += frame.loud == loud ? 1 : 0;
        }
        return count;
    }

    private static int firstIndex(final List<Frame> frames, final boolean loud)
    {
        for (int i = 0; i < frames.size(); i++)
        {
            if (frames.get(i).loud == loud)
            {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ulaw(final short[] pcm)
    {
        final byte[] payload = new byte[pcm.length];
        io.dialer.audio.G711.encode(Codec.PCMU, pcm, 0, pcm.length, payload, 0);
        return payload;
    }

    private static short[] noise(final int durationMs, final double rms, final long seed)
    {
        final Random random = new Random(seed);
        final short[] samples = new short[durationMs * 8];
        for (int i = 0; i < samples.length; i++)
        {
            samples[i] = (short)Math.round(random.nextGaussian() * rms);
        }
        return samples;
    }

    private static short[] concat(final short[] first, final short[] second)
    {
        final short[] all = new short[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    record Frame(long timestamp, boolean loud, long atNs)
    {
        public String toString()
        {
            return timestamp + (loud ? "L" : "s");
        }
    }

    /**
     * Records each tapped frame's timestamp, whether it is loud and when it came.
     */
    static final class FrameLog implements AudioTap
    {
        final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();

        public void onFrame(
            final long sessionId, final short[] samples, final int offset, final int length, final long rtpTimestamp)
        {
            double sum = 0;
            for (int i = offset; i < offset + length; i++)
            {
                sum += (double)samples[i] * samples[i];
            }
            frames.add(new Frame(rtpTimestamp, Math.sqrt(sum / length) > 1000, System.nanoTime()));
        }
    }

    record VerdictAt(Verdict verdict, Cause cause, int positionMs, long afterStartMs)
    {
    }

    /**
     * An answering-machine detector on a tap, as the SIP leg runs it.
     */
    static final class DetectingTap implements AudioTap, DetectionListener
    {
        final BlockingQueue<VerdictAt> verdicts = new LinkedBlockingQueue<>();
        final AnsweringMachineDetector detector = new AnsweringMachineDetector(DetectorConfig.defaults(), this);
        volatile long startNs;

        public void onFrame(
            final long sessionId, final short[] samples, final int offset, final int length, final long rtpTimestamp)
        {
            detector.onFrame(samples, offset, length);
        }

        public void onVerdict(final Verdict verdict, final Cause cause, final float confidence, final int positionMs)
        {
            verdicts.add(new VerdictAt(
                verdict, cause, positionMs, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs)));
        }

        public void onBeep(final int endMs, final int frequencyHz)
        {
        }

        public void onGreetingEndedWithoutBeep(final int positionMs)
        {
        }
    }
}
