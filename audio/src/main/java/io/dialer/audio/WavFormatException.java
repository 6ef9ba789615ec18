/*
 * Dialer audio.
 */
package io.dialer.audio;

import java.io.IOException;

/**
 * A file that is not a WAV file this reader accepts (8 kHz mono µ-law, A-law or 16-bit PCM); the message says why.
 */
public final class WavFormatException extends IOException
{
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;

    /**
     * An error naming the file and its problem; the message is {@code file: problem}.
     *
     * @param file    how the file is named.
     * @param problem what is wrong with it.
     */
    public WavFormatException(final String file, final String problem)
    {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /**
     * How the file is named.
     *
     * @return the name given when reading.
     */
    public String file()
    {
        return file;
    }

    /**
     * What is wrong with the file, without its name.
     *
     * @return the problem.
     */
    public String problem()
    {
        return problem;
    }
}
