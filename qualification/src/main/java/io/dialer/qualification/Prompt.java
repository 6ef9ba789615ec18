/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * Something to play: text for text-to-speech, or an audio file (with its text as a transcript, when given).
 */
public final class Prompt
{
    private final String text;
    private final String audio;

    Prompt(final String text, final String audio)
    {
        this.text = text;
        this.audio = audio;
    }

    /**
     * The text to speak, or the transcript of the audio file.
     *
     * @return the text, or null for an audio file without a transcript.
     */
    public String text()
    {
        return text;
    }

    /**
     * The audio file to play instead of text-to-speech, as written in the script.
     *
     * @return the path, or null for text-to-speech.
     */
    public String audio()
    {
        return audio;
    }

    /**
     * The text, or {@code [audio: file]} when there is no text.
     *
     * @return a readable form.
     */
    @Override
    public String toString()
    {
        if (null != text)
        {
            return text;
        }
        return "[audio: " + audio + "]";
    }
}
