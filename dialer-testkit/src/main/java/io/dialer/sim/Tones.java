/*
 * Dialer simulated phones.
 */
package io.dialer.sim;

import io.dialer.media.Prompt;

/**
 * Synthetic audio for simulated phones: tones whose frequency a far-end {@link AudioProbe} can check.
 */
public final class Tones
{
    private Tones()
    {
    }

    /**
     * A quiet line: Gaussian noise as 8 kHz linear PCM, the same for the same seed.
     *
     * @param durationMs length.
     * @param rms        noise level (20 is a quiet phone line).
     * @param seed       the random seed.
     * @return the samples.
     */
    public static short[] noise(final int durationMs, final double rms, final long seed)
    {
        final java.util.Random random = new java.util.Random(seed);
        final short[] samples = new short[durationMs * Prompt.SAMPLE_RATE / 1000];
        for (int i = 0; i < samples.length; i++)
        {
            samples[i] = (short)Math.round(random.nextGaussian() * rms);
        }
        return samples;
    }

    /**
     * Pieces of audio one after the other.
     *
     * @param parts the pieces.
     * @return one array of all of them.
     */
    public static short[] concat(final short[]... parts)
    {
        int length = 0;
        for (final short[] part : parts)
        {
            length += part.length;
        }
        final short[] all = new short[length];
        int at = 0;
        for (final short[] part : parts)
        {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /**
     * A sine tone as 8 kHz linear PCM.
     *
     * @param hz         frequency.
     * @param durationMs length.
     * @param amplitude  peak, up to 32767.
     * @return the samples.
     */
    public static short[] sine(final double hz, final int durationMs, final int amplitude)
    {
        final short[] samples = new short[durationMs * 8];
        for (int i = 0; i < samples.length; i++)
        {
            samples[i] = (short)Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / 8000.0));
        }
        return samples;
    }

    /**
     * A sine tone prompt.
     *
     * @param hz         frequency.
     * @param durationMs length.
     * @return the prompt.
     */
    public static Prompt tone(final double hz, final int durationMs)
    {
        return Prompt.fromPcm("tone-" + (int)hz + "Hz", sine(hz, durationMs, 8000));
    }

    /**
     * A voicemail-like greeting: a 400 Hz "voice" tone then silence then a 1 kHz beep.
     *
     * @param greetingMs length of the greeting part.
     * @return the prompt.
     */
    public static Prompt voicemailGreeting(final int greetingMs)
    {
        final short[] voice = sine(400, greetingMs, 6000);
        final short[] beep = sine(1000, 400, 12000);
        final short[] samples = new short[voice.length + 1600 + beep.length];
        System.arraycopy(voice, 0, samples, 0, voice.length);
        System.arraycopy(beep, 0, samples, voice.length + 1600, beep.length);
        return Prompt.fromPcm("voicemail-greeting", samples);
    }
}
