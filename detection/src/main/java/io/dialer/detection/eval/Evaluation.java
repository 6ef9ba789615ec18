/*
 * Detection evaluation.
 */
package io.dialer.detection.eval;

import io.dialer.detection.AnsweringMachineDetector;
import io.dialer.detection.Cause;
import io.dialer.detection.ClassicAmd;
import io.dialer.detection.DetectionListener;
import io.dialer.detection.DetectionResult;
import io.dialer.detection.DetectorConfig;
import io.dialer.detection.Verdict;
import io.dialer.audio.WavFile;

import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Runs this project's detector and the classic baseline over the clips of a set.
 */
public final class Evaluation
{
    /** No preparation: each clip runs with the detector as configured. */
    private static final BiConsumer<AnsweringMachineDetector, Clip> AS_IS = (detector, clip) ->
    {
    };

    private Evaluation()
    {
    }

    /**
     * Score {@link AnsweringMachineDetector} on the clips.
     *
     * @param clips  the clips.
     * @param config the detector's parameters.
     * @return the scores.
     * @throws IOException if a clip cannot be read.
     */
    public static Scores detector(final List<Clip> clips, final DetectorConfig config) throws IOException
    {
        return detector(clips, config, "this detector", AS_IS);
    }

    /**
     * Score {@link AnsweringMachineDetector} on the clips, preparing the detector for each clip first (a study's
     * hook, e.g. replacing a cue by the clip's truth).
     *
     * @param clips     the clips.
     * @param config    the detector's parameters.
     * @param name      the detector's name in the table.
     * @param beforeRun called with the detector and the clip before the clip is run.
     * @return the scores.
     * @throws IOException if a clip cannot be read.
     */
    public static Scores detector(
        final List<Clip> clips,
        final DetectorConfig config,
        final String name,
        final BiConsumer<AnsweringMachineDetector, Clip> beforeRun) throws IOException
    {
        final Scores scores = new Scores(name, true);
        final DetectionResult result = new DetectionResult();
        final AnsweringMachineDetector detector = new AnsweringMachineDetector(config, result);
        for (final Clip clip : clips)
        {
            beforeRun.accept(detector, clip);
            final short[] samples = WavFile.read(clip.path()).samples();
            result.classify(detector, samples, samples.length);
            scores.add(clip, result.verdict(), result.cause().label(), result.decisionMs(), result.beepEndMs(),
                result.noBeepMs(), result.lateBeepEndMs());
        }
        return scores;
    }

    /**
     * Score the classic Asterisk-style detector, with Asterisk's defaults, on the clips.
     *
     * @param clips the clips.
     * @return the scores.
     * @throws IOException if a clip cannot be read.
     */
    public static Scores classic(final List<Clip> clips) throws IOException
    {
        final Scores scores = new Scores("classic AMD (Asterisk defaults)", false);
        final Outcome outcome = new Outcome();
        final ClassicAmd classic = new ClassicAmd(outcome);
        for (final Clip clip : clips)
        {
            final short[] samples = WavFile.read(clip.path()).samples();
            classic.reset();
            outcome.verdict = null;
            int position = 0;
            for (int i = 0; i + 160 <= samples.length && !classic.isFinished(); i += 160)
            {
                classic.onFrame(samples, i, 160);
                position += 20;
            }
            if (null == outcome.verdict)
            {
                outcome.onVerdict(Verdict.NOTSURE, Cause.TOO_LONG, 0.3f, position);
            }
            scores.add(clip, outcome.verdict, outcome.cause.label(), outcome.positionMs, -1, -1, -1);
        }
        return scores;
    }

    private static final class Outcome implements DetectionListener
    {
        private Verdict verdict;
        private Cause cause;
        private int positionMs;

        @Override
        public void onVerdict(final Verdict verdict, final Cause cause, final float confidence, final int positionMs)
        {
            this.verdict = verdict;
            this.cause = cause;
            this.positionMs = positionMs;
        }

        @Override
        public void onBeep(final int endMs, final int frequencyHz)
        {
        }

        @Override
        public void onGreetingEndedWithoutBeep(final int positionMs)
        {
        }
    }
}
