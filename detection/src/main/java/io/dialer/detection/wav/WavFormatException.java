/*
 * WAV reading for detection.
 */
package io.dialer.detection.wav;

import java.io.IOException;

/**
 * A file that is not a WAV file this reader accepts (8 kHz mono µ-law, A-law or 16-bit PCM); the message says why.
 */
public final class WavFormatException extends IOException
{
    private static final long serialVersionUID = 1L;

    /**
     * An error with its reason.
     *
     * @param message what is wrong with the file.
     */
    public WavFormatException(final String message)
    {
        super(message);
    }
}
