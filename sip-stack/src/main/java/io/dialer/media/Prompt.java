/*
 * Dialer media.
 */
package io.dialer.media;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Audio ready to play: 8 kHz linear PCM held once in memory (encoded to the leg's codec when sent), immutable and
 * shareable across legs.
 * <p>
 * API STUB written by the lead: the media owner replaces the bodies, keeps the public shape (may add to it).
 */
public final class Prompt
{
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
        throw new UnsupportedOperationException("stub");
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
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Name for logs (file name, or the text for speech).
     *
     * @return the name.
     */
    public String name()
    {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Duration in milliseconds.
     *
     * @return the duration.
     */
    public int durationMs()
    {
        throw new UnsupportedOperationException("stub");
    }
}
