/*
 * Answering-machine detection tests.
 */
package io.dialer.detection;

import java.util.Arrays;
import java.util.Random;

/**
 * Synthetic test audio at 8 kHz: line noise, speech-like syllables (a gliding harmonic complex with noise), tones.
 */
final class Signals
{
    static final int RATE = 8000;

    private final Random random;
    private short[] samples = new short[RATE * 20];
    private int length;

    Signals(final long seed)
    {
        random = new Random(seed);
    }

    int positionMs()
    {
        return length * 1000 / RATE;
    }

    Signals silence(final int ms)
    {
        ensure(ms);
        length += ms * RATE / 1000;
        return this;
    }

    /**
     * Speech-like bursts: syllables of 150-250 ms with pitch glides and formant-like noise, 40-80 ms gaps.
     */
    Signals speech(final int ms, final double amplitude)
    {
        return speech(ms, amplitude, 0);
    }

    /**
     * Speech-like bursts whose last syllable ends on a rising pitch, a third above where it started ("Hello?").
     */
    Signals question(final int ms, final double amplitude)
    {
        return speech(ms, amplitude, 1.25);
    }

    /**
     * Speech-like bursts whose last syllable ends on a falling pitch, a third below where it started ("Hello.").
     */
    Signals statement(final int ms, final double amplitude)
    {
        return speech(ms, amplitude, 0.8);
    }

    private Signals speech(final int ms, final double amplitude, final double finalRatio)
    {
        ensure(ms);
        final int end = length + ms * RATE / 1000;
        while (length < end)
        {
            final int syllable = Math.min(end - length, (150 + random.nextInt(100)) * RATE / 1000);
            final double f0 = 100 + random.nextInt(120);
            final boolean last = length + syllable >= end - 80 * RATE / 1000;
            final double glide = last && finalRatio > 0 ? f0 * (finalRatio - 1) : (random.nextDouble() - 0.5) * 60;
            double phase = 0;
            for (int i = 0; i < syllable; i++)
            {
                final double t = i / (double)syllable;
                final double f = f0 + glide * t;
                phase += 2 * Math.PI * f / RATE;
                double v = 0;
                for (int h = 1; h <= 12; h++)
                {
                    v += Math.sin(h * phase) / h;
                }
                v += 0.3 * random.nextGaussian();
                final double envelope = Math.sin(Math.PI * t);
                samples[length + i] += (short)(amplitude * envelope * v / 2);
            }
            length += syllable;
            final int gap = Math.min(end - length, (40 + random.nextInt(40)) * RATE / 1000);
            length += gap;
        }
        return this;
    }

    Signals tone(final double hz, final int ms, final double amplitude)
    {
        ensure(ms);
        final int n = ms * RATE / 1000;
        for (int i = 0; i < n; i++)
        {
            samples[length + i] += (short)(amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        length += n;
        return this;
    }

    /**
     * Two tones of equal level at once, as a DTMF digit is.
     */
    Signals dualTone(final double lowHz, final double highHz, final int ms, final double amplitude)
    {
        ensure(ms);
        final int n = ms * RATE / 1000;
        for (int i = 0; i < n; i++)
        {
            samples[length + i] += (short)(0.5 * amplitude *
                (Math.sin(2 * Math.PI * lowHz * i / RATE) + Math.sin(2 * Math.PI * highHz * i / RATE)));
        }
        length += n;
        return this;
    }

    /**
     * Adds white noise of the given RMS over everything written so far and the rest of the buffer.
     */
    short[] build(final double noiseRms)
    {
        final short[] out = Arrays.copyOf(samples, length);
        for (int i = 0; i < out.length; i++)
        {
            final double v = out[i] + noiseRms * random.nextGaussian();
            out[i] = (short)Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
        return out;
    }

    private void ensure(final int ms)
    {
        final int needed = length + ms * RATE / 1000 + 1;
        if (needed > samples.length)
        {
            samples = Arrays.copyOf(samples, Math.max(needed, samples.length * 2));
        }
    }
}
