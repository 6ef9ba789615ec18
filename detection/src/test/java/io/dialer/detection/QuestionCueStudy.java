/*
 * Answering-machine detection: a corpus study of the question cue.
 */
package io.dialer.detection;

import io.dialer.audio.WavFile;
import io.dialer.detection.eval.Clip;
import io.dialer.detection.eval.Corpus;
import io.dialer.detection.eval.Evaluation;
import io.dialer.detection.eval.Scores;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How far the question cue (the pitch rise at the end of a short greeting) is from the truth, and what the detector
 * would score with a perfect cue. The truth is the generator's own text: a greeting is a question when its first
 * utterance ends with {@code ?}. Not a test and not part of the product: a tool for the people who set the goals.
 *
 * <pre>
 * mvn -B -o -q -pl detection -am test-compile
 * java -cp detection/target/test-classes:detection/target/classes:audio/target/classes \
 *     io.dialer.detection.QuestionCueStudy [corpus-dir] [set...]
 * </pre>
 *
 * Prints per set:
 * <ul>
 *     <li>the cue against the truth on the clips whose first greeting is short (a span of at most
 *     {@code shortGreetingMs}, where the cue decides between {@code humanSilenceMs} and {@code statementSilenceMs}):
 *     questions called questions, statements called questions, for people and for recordings apart;</li>
 *     <li>the ceiling: how many people open with a short question, against half of all people. With the detector's
 *     rules only those can be called HUMAN within {@code humanSilenceMs} without a misfiring cue, so the HUMAN p50
 *     can reach {@code humanSilenceMs} only if they are more than half;</li>
 *     <li>the evaluation row with the pitch cue and with the truth in its place (the oracle).</li>
 * </ul>
 */
public final class QuestionCueStudy
{
    private QuestionCueStudy()
    {
    }

    /**
     * Run the study.
     *
     * @param args the corpus directory (default {@code detection/target/amd-corpus}) and the sets (default dev, test,
     *             test2).
     * @throws IOException if a clip cannot be read.
     */
    public static void main(final String[] args) throws IOException
    {
        final Path root = Path.of(args.length > 0 ? args[0] : "detection/target/amd-corpus");
        final String[] sets = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length) :
            new String[]{"dev", "test", "test2"};
        final DetectorConfig config = DetectorConfig.defaults();
        System.out.println("| set | people: questions called questions | people: statements called questions |" +
            " recordings: statements called questions | people opening with a short question | half of the people |" +
            " p50 within humanSilenceMs possible without misfires |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|");
        final StringBuilder rows = new StringBuilder(Scores.header()).append('\n');
        for (final String set : sets)
        {
            final List<Clip> clips = Corpus.load(root, set);
            System.out.println(cueRow(set, clips, config));
            rows.append(Evaluation.detector(clips, config).row(set)).append('\n');
            rows.append(Evaluation.detector(clips, config, "this detector, oracle cue",
                (detector, clip) -> detector.questionOracle(clip.opensWithQuestion() ? 1 : 0))
                .row(set + " (oracle cue)")).append('\n');
        }
        System.out.println();
        System.out.print(rows);
    }

    private static String cueRow(final String set, final List<Clip> clips, final DetectorConfig config)
        throws IOException
    {
        final DetectionResult result = new DetectionResult();
        final AnsweringMachineDetector detector = new AnsweringMachineDetector(config, result);
        final int[] probe = new int[4];
        final int[] counts = new int[8];
        int people = 0;
        for (final Clip clip : clips)
        {
            final boolean person = "HUMAN".equals(clip.label());
            if (!person && !"MACHINE".equals(clip.label()))
            {
                continue;
            }
            people += person ? 1 : 0;
            final short[] samples = WavFile.read(clip.path()).samples();
            result.reset();
            detector.reset();
            for (int i = 0; i + FrameAnalyzer.FRAME_SAMPLES <= samples.length; i += FrameAnalyzer.FRAME_SAMPLES)
            {
                detector.onFrame(samples, i, FrameAnalyzer.FRAME_SAMPLES);
                detector.probe(probe);
                if (probe[1] >= 0 && probe[0] - probe[2] == config.humanSilenceMs())
                {
                    if (probe[2] - probe[1] <= config.shortGreetingMs())
                    {
                        final int k = (person ? 0 : 4) + (clip.opensWithQuestion() ? 0 : 2);
                        counts[k]++;
                        counts[k + 1] += probe[3] >= config.questionRiseCents() ? 1 : 0;
                    }
                    break;
                }
            }
        }
        final int shortQuestions = counts[0];
        return String.format("| %s | %d/%d | %d/%d | %d/%d | %d | %.1f | %s |", set, counts[1], counts[0], counts[3],
            counts[2], counts[7], counts[6], shortQuestions, people / 2.0,
            shortQuestions > people / 2.0 ? "yes" : "no");
    }
}
