/*
 * Detection evaluation.
 */
package io.dialer.detection.eval;

import io.dialer.detection.DetectorConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the evaluation table, this detector against the classic baseline, on the dev and test sets of the corpus.
 * <p>
 * Usage: {@code Evaluate [--corpus DIR] [--sets dev,test] [--errors] [--human-silence-ms N]
 * [--statement-silence-ms N] [--question-rise-cents N] [--late-beep-ms N] [--trade-off]}; the corpus defaults to
 * {@code detection/target/amd-corpus} and is generated first if needed (python3, espeak-ng and sox).
 */
public final class Evaluate
{
    private Evaluate()
    {
    }

    /**
     * Run the evaluation.
     *
     * @param args {@code --corpus DIR}, {@code --sets dev,test}, {@code --train N} (generate a {@code train} set of
     *             N clips of the dev population too; evaluate it with {@code --sets train,dev}), {@code --errors}
     *             (list misclassified clips), {@code --human-silence-ms N}, {@code --statement-silence-ms N},
     *             {@code --question-rise-cents N}, {@code --max-human-greeting-ms N}, {@code --late-beep-ms N}
     *             (override a default), {@code --trade-off} (tables of humanSilenceMs,
     *             statementSilenceMs and lateBeepMs values, and of timing only, on the dev set).
     * @throws Exception if the corpus cannot be generated or read.
     */
    public static void main(final String[] args) throws Exception
    {
        final Path repoRoot = repoRoot();
        Path corpus = repoRoot.resolve("detection/target/amd-corpus");
        String[] sets = {"dev", "test", "test2"};
        boolean listErrors = false;
        boolean tradeOff = false;
        int train = 0;
        DetectorConfig config = DetectorConfig.defaults();
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--corpus":
                    corpus = Path.of(args[++i]);
                    break;
                case "--sets":
                    sets = args[++i].split(",");
                    break;
                case "--errors":
                    listErrors = true;
                    break;
                case "--train":
                    train = Integer.parseInt(args[++i]);
                    break;
                case "--max-human-greeting-ms":
                    config = config.toBuilder().maxHumanGreetingMs(Integer.parseInt(args[++i])).build();
                    break;
                case "--statement-silence-ms":
                    config = config.toBuilder().statementSilenceMs(Integer.parseInt(args[++i])).build();
                    break;
                case "--question-rise-cents":
                    config = config.toBuilder().questionRiseCents(Integer.parseInt(args[++i])).build();
                    break;
                case "--trade-off":
                    tradeOff = true;
                    break;
                case "--late-beep-ms":
                    config = config.toBuilder().lateBeepMs(Integer.parseInt(args[++i])).build();
                    break;
                case "--human-silence-ms":
                    config = config.toBuilder().humanSilenceMs(Integer.parseInt(args[++i])).build();
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (0 != Corpus.generate(repoRoot, corpus, train))
        {
            throw new IllegalStateException("corpus generation failed");
        }
        final StringBuilder table = new StringBuilder(Scores.header()).append('\n');
        final StringBuilder late = new StringBuilder(Scores.lateHeader()).append('\n');
        for (final String set : sets)
        {
            final List<Clip> clips = Corpus.load(corpus, set);
            final Scores detector = Evaluation.detector(clips, config);
            final Scores classic = Evaluation.classic(clips);
            table.append(detector.row(set)).append('\n').append(classic.row(set)).append('\n');
            late.append(detector.lateRow(set)).append('\n');
            System.out.println(set + ", correct per scenario: " + detector.byKind());
            System.out.println(set + ", classic, correct per scenario: " + classic.byKind());
            if (listErrors)
            {
                System.out.println("== " + set + ": this detector, misclassified");
                detector.errors().forEach(System.out::println);
            }
        }
        System.out.print(table);
        System.out.println();
        System.out.println("Late beeps (after a HUMAN or NOTSURE verdict; not in the table above):");
        System.out.print(late);
        if (tradeOff)
        {
            System.out.println();
            System.out.println("Trade-off on the dev set: silence after a short greeting before HUMAN" +
                " (humanSilenceMs)");
            System.out.println(Scores.header());
            final List<Clip> dev = Corpus.load(corpus, "dev");
            for (final int silenceMs : new int[]{300, 340, 380, 500, 600, 800, 1000})
            {
                final Scores scores = Evaluation.detector(dev, config.toBuilder().humanSilenceMs(silenceMs).build());
                System.out.println(scores.row("dev, humanSilenceMs=" + silenceMs));
            }
            System.out.println();
            System.out.println("Trade-off on the dev set: silence after a short greeting ending as a statement" +
                " (statementSilenceMs), and timing only (questionRiseCents=0)");
            System.out.println(Scores.header());
            for (final int silenceMs : new int[]{340, 600, 700, 800, 900, 1000, 1200})
            {
                final Scores scores = Evaluation.detector(dev,
                    config.toBuilder().statementSilenceMs(silenceMs).build());
                System.out.println(scores.row("dev, statementSilenceMs=" + silenceMs));
            }
            for (final int silenceMs : new int[]{340, 380, 600, 900})
            {
                final Scores scores = Evaluation.detector(dev,
                    config.toBuilder().questionRiseCents(0).humanSilenceMs(silenceMs).build());
                System.out.println(scores.row("dev, timing only, humanSilenceMs=" + silenceMs));
            }
            System.out.println();
            System.out.println("Late beeps on the dev set: how long to keep listening after HUMAN or NOTSURE" +
                " (lateBeepMs)");
            System.out.println(Scores.lateHeader());
            for (final int lateMs : new int[]{0, 2000, 5000, 10000, 20000})
            {
                final Scores scores = Evaluation.detector(dev, config.toBuilder().lateBeepMs(lateMs).build());
                System.out.println(scores.lateRow("dev, lateBeepMs=" + lateMs));
            }
        }
    }

    private static Path repoRoot()
    {
        Path dir = Path.of("").toAbsolutePath();
        while (null != dir)
        {
            if (Files.exists(dir.resolve("tools/amd-corpus/generate.py")))
            {
                return dir;
            }
            dir = dir.getParent();
        }
        return Path.of("").toAbsolutePath();
    }
}
