/*
 * File checks.
 */
package io.dialer.core.check;

/**
 * One line of a dry run's transcript: when it happened (simulated time from the answer), what it is and its text,
 * as {@code dialer dry-run} prints it ({@code [00:04.5] CALLER presses 1}).
 */
public final class DryRunLine
{
    /**
     * What a line is.
     */
    public enum Kind
    {
        /** The dialer plays a prompt: {@code DIALER: text}. */
        PROMPT,
        /** The caller presses a key, says something, hangs up or says nothing. */
        CALLER,
        /** The script records an answer: {@code (answer id = value)}. */
        ANSWER,
        /** The conversation's outcome: qualified, disqualified, callback, opted out. */
        OUTCOME,
        /** The dialer hangs up. */
        HANGUP,
        /** Anything else the transcript says: a prompt stopped, answers left over or missing. */
        NOTE
    }

    private final long atMs;
    private final Kind kind;
    private final String text;

    /**
     * A line.
     *
     * @param atMs simulated ms from the answer.
     * @param kind what it is.
     * @param text its text, without the time.
     */
    public DryRunLine(final long atMs, final Kind kind, final String text)
    {
        this.atMs = atMs;
        this.kind = kind;
        this.text = text;
    }

    /**
     * Simulated milliseconds from the answer.
     *
     * @return the time.
     */
    public long atMs()
    {
        return atMs;
    }

    /**
     * What the line is.
     *
     * @return the kind.
     */
    public Kind kind()
    {
        return kind;
    }

    /**
     * The text without the time, like {@code CALLER presses 1}.
     *
     * @return the text.
     */
    public String text()
    {
        return text;
    }

    /**
     * The time as printed: {@code mm:ss.d}.
     *
     * @return the time.
     */
    public String time()
    {
        return String.format("%02d:%02d.%d", atMs / 60_000, (atMs / 1_000) % 60, (atMs % 1_000) / 100);
    }

    /**
     * The line as {@code dialer dry-run} prints it: {@code [mm:ss.d] text}.
     *
     * @return the line.
     */
    @Override
    public String toString()
    {
        return "[" + time() + "] " + text;
    }
}
