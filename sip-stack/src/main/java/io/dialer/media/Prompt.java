/*
 * Dialer media.
 */
package io.dialer.media;

import io.dialer.audio.WavFile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Audio ready to play: 8 kHz linear PCM held once in memory (encoded to the leg's codec when sent), immutable and
 * shareable across legs.
 */
public final class Prompt
{
    /** Sample rate of every prompt. */
    public static final int SAMPLE_RATE = 8000;

    private final String name;
    private final short[] samples;

    private Prompt(final String name, final short[] samples)
    {
        this.name = name;
        this.samples = samples;
    }

    /**
     * Loads a WAV file: 8 kHz mono µ-law, A-law or 16-bit PCM; anything else is refused with a message naming the
     * file and what is wrong with it.
     *
     * @param file the WAV file.
     * @return the prompt.
     * @throws IOException when the file cannot be read or is not a supported WAV.
     */
    public static Prompt fromWav(final Path file) throws IOException
    {
        final Path fileName = file.getFileName();
        final String name = null == fileName ? file.toString() : fileName.toString();
        return new Prompt(name, WavFile.read(file, name).samples());
    }

    /**
     * A prompt from samples.
     *
     * @param name    name for logs.
     * @param samples 8 kHz linear PCM samples, copied.
     * @return the prompt.
     */
    public static Prompt fromPcm(final String name, final short[] samples)
    {
        return new Prompt(name, samples.clone());
    }

    /**
     * The built-in hold music: a short melody generated in code, about 13 s, made to loop seamlessly.
     *
     * @return the shared prompt.
     */
    public static Prompt holdMusic()
    {
        return HoldMusicHolder.HOLD_MUSIC;
    }

    static Prompt wrap(final String name, final short[] samples)
    {
        return new Prompt(name, samples);
    }

    /**
     * Name for logs (file name, or the text for speech).
     *
     * @return the name.
     */
    public String name()
    {
        return name;
    }

    /**
     * Duration in milliseconds.
     *
     * @return the duration.
     */
    public int durationMs()
    {
        return (int)(samples.length * 1000L / SAMPLE_RATE);
    }

    /**
     * Number of 8 kHz samples.
     *
     * @return the count.
     */
    public int sampleCount()
    {
        return samples.length;
    }

    /**
     * Copies the samples out (for analysis and tests; the media thread reads them in place).
     *
     * @return a copy of the samples.
     */
    public short[] samples()
    {
        return samples.clone();
    }

    short[] sampleArray()
    {
        return samples;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return "Prompt{" + name + ", " + durationMs() + " ms}";
    }

    private static final class HoldMusicHolder
    {
        static final Prompt HOLD_MUSIC = new Prompt("hold-music", HoldMusic.generate());
    }
}
