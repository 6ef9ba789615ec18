/*
 * Dialer simulated phones.
 */
package io.dialer.sim;

import io.dialer.media.AudioTap;

/**
 * An {@link AudioTap} that counts the audio in which one frequency dominates: each frame that is not silent and
 * whose energy is mostly at that frequency (Goertzel) is tone. A phone that plays a tone only its far end can hear
 * this way tells, at the other end of a bridge, whether the two legs' audio really meet: speech and prompts never
 * count, since their energy is spread. Allocation-free; read from any thread.
 */
public final class ToneProbe implements AudioTap
{
    /** Share of a frame's energy at the frequency above which the frame is tone. */
    public static final double DOMINANCE = 0.6;

    private final double hz;
    private final Object lock = new Object();
    private long toneSamples;
    private long frames;

    /**
     * A probe for one frequency.
     *
     * @param hz the frequency (8 kHz audio; one that is a whole number of cycles in a 20 ms frame, a multiple of
     *           50 Hz, is measured best).
     */
    public ToneProbe(final double hz)
    {
        this.hz = hz;
    }

    /**
     * The frequency listened for.
     *
     * @return hertz.
     */
    public double hz()
    {
        return hz;
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(
        final long sessionId, final short[] samples, final int offset, final int length, final long rtpTimestamp)
    {
        final boolean tone = length > 0 && AudioProbe.rms(samples, offset, length) >= AudioProbe.SILENCE_RMS &&
            dominance(samples, offset, length, hz) >= DOMINANCE;
        synchronized (lock)
        {
            frames++;
            if (tone)
            {
                toneSamples += length;
            }
            lock.notifyAll();
        }
    }

    /**
     * The share of a frame's energy at one frequency: 1 for a pure sine at it, near 0 for other sounds.
     *
     * @param samples the samples.
     * @param offset  first sample.
     * @param length  sample count.
     * @param hz      the frequency at 8 kHz.
     * @return 0 to about 1.
     */
    static double dominance(final short[] samples, final int offset, final int length, final double hz)
    {
        final double coefficient = 2 * Math.cos(2 * Math.PI * hz / 8000.0);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        for (int i = offset; i < offset + length; i++)
        {
            final double x = samples[i];
            final double s0 = x + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
            energy += x * x;
        }
        final double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return energy > 0 ? 2 * power / (length * energy) : 0;
    }

    /**
     * Frames received, tone or not.
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
     * Milliseconds of the tone heard (8 kHz).
     *
     * @return milliseconds.
     */
    public long toneMs()
    {
        synchronized (lock)
        {
            return toneSamples / 8;
        }
    }

    /**
     * Waits until at least this much of the tone has been heard.
     *
     * @param ms        milliseconds of tone.
     * @param timeoutMs how long to wait.
     * @return true when heard in time.
     * @throws InterruptedException when interrupted.
     */
    public boolean awaitToneMs(final long ms, final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        synchronized (lock)
        {
            while (toneSamples / 8 < ms)
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
