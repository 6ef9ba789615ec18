/*
 * Dialer SIPp interop.
 */
package io.dialer.sip.sipp;

import io.dialer.media.AudioTap;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link AudioTap} that checks received audio for one tone: each 20 ms frame is a "tone frame" when it is loud
 * enough and the Goertzel power at the frequency holds most of the frame's energy (a pure tone gives about 1.0,
 * speech, noise or another frequency far less). Tests wait for a number of tone frames with a timeout.
 */
public final class ToneProbe implements AudioTap
{
    private static final double MIN_RMS = 300.0;
    private static final double MIN_TONE_SHARE = 0.7;

    private final double frequencyHz;
    private final CountDownLatch toneFrames;
    private final AtomicInteger frames = new AtomicInteger();
    private final AtomicInteger matched = new AtomicInteger();
    private volatile double lastShare;
    private volatile double lastRms;

    /**
     * A probe for a tone.
     *
     * @param frequencyHz the tone's frequency.
     * @param wantedFrames tone frames to see before {@link #awaitTone} returns true.
     */
    public ToneProbe(final double frequencyHz, final int wantedFrames)
    {
        this.frequencyHz = frequencyHz;
        this.toneFrames = new CountDownLatch(wantedFrames);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onFrame(
        final long sessionId, final short[] samples, final int offset, final int length, final long rtpTimestamp)
    {
        frames.incrementAndGet();
        final double share = toneShare(samples, offset, length, frequencyHz);
        final double rms = rms(samples, offset, length);
        lastShare = share;
        lastRms = rms;
        if (rms >= MIN_RMS && share >= MIN_TONE_SHARE)
        {
            matched.incrementAndGet();
            toneFrames.countDown();
        }
    }

    /**
     * Waits for the wanted number of tone frames.
     *
     * @param timeout how long.
     * @param unit    its unit.
     * @return true when seen in time.
     * @throws InterruptedException when interrupted.
     */
    public boolean awaitTone(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return toneFrames.await(timeout, unit);
    }

    /**
     * Frames received so far.
     *
     * @return the count.
     */
    public int frames()
    {
        return frames.get();
    }

    /**
     * Frames that held the tone.
     *
     * @return the count.
     */
    public int toneFrames()
    {
        return matched.get();
    }

    @Override
    public String toString()
    {
        return "ToneProbe{" + frequencyHz + " Hz, frames=" + frames + ", toneFrames=" + matched +
            ", lastShare=" + lastShare + ", lastRms=" + lastRms + "}";
    }

    /**
     * Share of a frame's energy at one frequency (Goertzel), 0 to about 1.
     *
     * @param samples     buffer.
     * @param offset      first sample.
     * @param length      sample count.
     * @param frequencyHz frequency.
     * @return the share.
     */
    public static double toneShare(final short[] samples, final int offset, final int length, final double frequencyHz)
    {
        final double coefficient = 2.0 * Math.cos(2.0 * Math.PI * frequencyHz / SippMedia.SAMPLE_RATE);
        double previous = 0;
        double beforePrevious = 0;
        double energy = 0;
        for (int i = offset; i < offset + length; i++)
        {
            final double sample = samples[i];
            energy += sample * sample;
            final double current = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        if (energy == 0)
        {
            return 0;
        }
        final double power = previous * previous + beforePrevious * beforePrevious -
            coefficient * previous * beforePrevious;
        return 2.0 * power / (length * energy);
    }

    /**
     * Root mean square of a frame.
     *
     * @param samples buffer.
     * @param offset  first sample.
     * @param length  sample count.
     * @return the RMS.
     */
    public static double rms(final short[] samples, final int offset, final int length)
    {
        double energy = 0;
        for (int i = offset; i < offset + length; i++)
        {
            energy += (double)samples[i] * samples[i];
        }
        return length == 0 ? 0 : Math.sqrt(energy / length);
    }
}
