/*
 * Dialer simulated phones.
 */
package io.dialer.sim;

import io.dialer.media.AudioTap;

/**
 * An {@link AudioTap} that measures what a leg hears: how much non-silent audio, its level, and the frequency of a
 * tone (zero crossings of the loud frames). Cheap and allocation-free; read from any thread.
 */
public final class AudioProbe implements AudioTap
{
    /** RMS below this (in 16-bit units) is silence. */
    public static final double SILENCE_RMS = 300;

    private final Object lock = new Object();
    private long frames;
    private long voicedFrames;
    private long voicedSamples;
    private long zeroCrossings;
    private double rmsSum;

    /**
     * {@inheritDoc}
     */
    public void onFrame(
        final long sessionId, final short[] samples, final int offset, final int length, final long rtpTimestamp)
    {
        int crossings = 0;
        short previous = samples[offset];
        for (int i = offset; i < offset + length; i++)
        {
            final short sample = samples[i];
            if ((sample >= 0) != (previous >= 0))
            {
                crossings++;
            }
            previous = sample;
        }
        final double rms = rms(samples, offset, length);
        synchronized (lock)
        {
            frames++;
            if (rms >= SILENCE_RMS)
            {
                voicedFrames++;
                voicedSamples += length;
                zeroCrossings += crossings;
                rmsSum += rms;
            }
            lock.notifyAll();
        }
    }

    /**
     * Root mean square level of a frame; {@link #SILENCE_RMS} and above is voiced.
     *
     * @param samples the samples.
     * @param offset  first sample.
     * @param length  sample count.
     * @return the level in 16-bit units, 0 for an empty frame.
     */
    static double rms(final short[] samples, final int offset, final int length)
    {
        double energy = 0;
        for (int i = offset; i < offset + length; i++)
        {
            final short sample = samples[i];
            energy += (double)sample * sample;
        }
        return length > 0 ? Math.sqrt(energy / length) : 0;
    }

    /**
     * Frames received, silent or not.
     *
     * @return the count.
     */
    public long frames()
    {
        synchronized (lock)
        {
            return frames;
        }
    }

    /**
     * Milliseconds of non-silent audio heard (8 kHz).
     *
     * @return milliseconds.
     */
    public long voicedMs()
    {
        synchronized (lock)
        {
            return voicedSamples / 8;
        }
    }

    /**
     * Mean RMS level of the non-silent frames.
     *
     * @return the level in 16-bit units, 0 when nothing was heard.
     */
    public double voicedRms()
    {
        synchronized (lock)
        {
            return voicedFrames == 0 ? 0 : rmsSum / voicedFrames;
        }
    }

    /**
     * Frequency of the non-silent audio estimated from zero crossings: exact enough for a pure tone.
     *
     * @return hertz, 0 when nothing was heard.
     */
    public double toneHz()
    {
        synchronized (lock)
        {
            return voicedSamples == 0 ? 0 : zeroCrossings * 8000.0 / (2.0 * voicedSamples);
        }
    }

    /**
     * Waits until at least this much non-silent audio has been heard.
     *
     * @param ms        milliseconds of audio.
     * @param timeoutMs how long to wait.
     * @return true when heard in time.
     * @throws InterruptedException when interrupted.
     */
    public boolean awaitVoicedMs(final long ms, final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        synchronized (lock)
        {
            while (voicedSamples / 8 < ms)
            {
                final long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
                if (leftMs <= 0)
                {
                    return false;
                }
                lock.wait(leftMs);
            }
            return true;
        }
    }
}
