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
 */
public record Clip(Path path, String label, String kind, int speechEndMs, int beepEndMs, String voice)
{
}
