/*
 * Detection evaluation.
 */
package io.dialer.detection.eval;

import java.nio.file.Path;

/**
 * One labelled clip of the corpus, as the generator wrote it in {@code manifest.tsv}.
 *
 * @param path        the WAV file.
 * @param label       the true answer: HUMAN, MACHINE, SIT or FAX.
 * @param kind        the generator's scenario, e.g. {@code hello_twice} or {@code very_short}.
 * @param speechEndMs end of the (first) greeting, or -1 when there is none.
 * @param beepEndMs   end of the beep, or -1 when there is none.
 * @param voice       the voice that spoke it.
 * @param text        what was said: utterances separated by {@code " | "}, each followed by {@code @} and the ms
 *                    where it ends ({@code ""} for tones, or for a manifest without the column).
 */
public record Clip(Path path, String label, String kind, int speechEndMs, int beepEndMs, String voice, String text)
{
    /**
     * The first utterance's words, without its end time.
     *
     * @return e.g. {@code Hello?}, or {@code ""} when nothing was said.
     */
    public String firstUtterance()
    {
        final String first = text.split(" \\| ", 2)[0];
        final int at = first.lastIndexOf('@');
        return (at >= 0 ? first.substring(0, at) : first).strip();
    }

    /**
     * Whether the first utterance is a question, by its punctuation (the truth the question cue is scored on).
     *
     * @return true when it ends with {@code ?}.
     */
    public boolean opensWithQuestion()
    {
        return firstUtterance().endsWith("?");
    }
}
