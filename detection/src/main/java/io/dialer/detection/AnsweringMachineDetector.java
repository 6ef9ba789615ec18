/*
 * Answering-machine detection.
 */
package io.dialer.detection;

import java.util.Arrays;

/**
 * Tells a person from a voicemail greeting, a special-information-tone announcement or a fax, from the moment an
 * outbound call is answered; for a machine it then reports the end of the beep (or that no beep came).
 * <p>
 * One instance per call leg, fed decoded 8 kHz audio in frames of any length (usually 20 ms) through
 * {@link #onFrame(short[], int, int)}, on one thread; {@link #reset()} makes it ready for the next call. Events go to
 * the {@link DetectionListener} given at construction, synchronously from {@code onFrame}. Nothing is allocated
 * after construction.
 * <p>
 * How it decides, per 20 ms frame:
 * <ul>
 *     <li>Energy against an adaptive noise floor (minimum statistics over 2 s) with hysteresis gives speech or
 *     silence, so the threshold follows each line's noise.</li>
 *     <li>The frame's dominant frequency and its share of the energy tell a tone from speech and noise. A run of
 *     tonal frames at a steady frequency is a beep (any frequency in the configured band), one of the three SIT
 *     tones in sequence, fax CED (2100 Hz) or CNG (1100 Hz, with no greeting before it).</li>
 *     <li>The greeting's span, from its first to its last speech, and the silence since then decide: a short
 *     greeting followed by a few hundred ms of silence is a person waiting for an answer (HUMAN); a longer
 *     greeting needs a longer silence, and so does one whose pitch does not rise at its end (a statement such as
 *     "Hello." or "Tom.", which is how recorded greetings open, rather than a question such as "Hello?"); speech
 *     that goes on longer than people greet, or a beep, is a MACHINE; nothing but silence, or no conclusion in
 *     time, is NOTSURE.</li>
 *     <li>After HUMAN or NOTSURE it keeps listening for {@code lateBeepMs} (10 s by default): a beep then is
 *     reported as {@link DetectionListener#onLateBeep(int, int)}, a machine after all; the verdict stands.</li>
 * </ul>
 */
public final class AnsweringMachineDetector
{
    private static final int NONE = -1;

    private static final double SIT_TOLERANCE = 0.02;
    private static final double SIT_LOW_A = 913.8;
    private static final double SIT_LOW_B = 985.2;
    private static final double SIT_MID_A = 1370.6;
    private static final double SIT_MID_B = 1428.5;
    private static final double SIT_HIGH = 1776.7;
    private static final int SIT_MIN_FRAMES = 9;
    private static final int SIT_GAP_FRAMES = 3;

    private static final double CED_HZ = 2100.0;
    private static final double CNG_HZ = 1100.0;
    private static final double FAX_TOLERANCE_HZ = 30.0;
    private static final int CED_MIN_FRAMES = 25;
    private static final int CNG_MIN_FRAMES = 20;
    private static final int CNG_MAX_FRAMES = 36;

    private static final int PITCH_FRAMES = 15;
    private static final int PITCH_MIN_VALID = 3;
    private static final int PITCH_SPAN_MS = 1000;
    private static final double PITCH_NEAR_OCTAVES = 0.25;
    private static final double PITCH_OUTLIER_OCTAVES = 0.5;
    private static final double INV_LN2 = 1.0 / Math.log(2.0);
    private static final double CENTS_PER_OCTAVE = 1200.0;

    private static final double RUN_TOLERANCE = 0.02;
    private static final double RUN_TOLERANCE_MIN_HZ = 10.0;
    private static final int TONE_GAP_FRAMES = 2;

    private final DetectorConfig config;
    private final DetectionListener listener;
    private final FrameAnalyzer analyzer = new FrameAnalyzer();
    private final NoiseFloor noiseFloor = new NoiseFloor();
    private final short[] pending = new short[FrameAnalyzer.FRAME_SAMPLES];
    private final double[] pitchOctaves = new double[PITCH_FRAMES];
    private final double toneShare;
    private final int minSpeechFrames;
    private final int minBeepFrames;
    private final int beepConfirmFrames;

    private int pendingCount;
    private int frames;
    private boolean verdictGiven;
    private boolean finished;
    private Verdict verdict;
    private boolean lateListening;
    private int lateUntilMs;

    private boolean inVoice;
    private int voiceRun;
    private boolean speechSeen;
    private int greetingStartMs;
    private int lastVoiceEndMs;
    private int sentencePauses;
    private double finalRise;
    private int questionOracle = NONE;

    private int toneRun;
    private int toneGap;
    private int toneLastMs;
    private int toneStartMs;
    private double toneSumHz;
    private double toneRefHz;

    private int sitStage;
    private int sitStageEndMs;

    private int beepCandidateEndMs;
    private int beepCandidateHz;
    private int beepQuietFrames;

    /**
     * A detector with its own configuration and listener.
     *
     * @param config   the parameters.
     * @param listener receives the events, on the calling thread.
     */
    public AnsweringMachineDetector(final DetectorConfig config, final DetectionListener listener)
    {
        this.config = config;
        this.listener = listener;
        this.toneShare = config.tonePercent() / 100.0;
        this.minSpeechFrames = Math.max(1, config.minSpeechMs() / FrameAnalyzer.FRAME_MS);
        this.minBeepFrames = Math.max(2, config.minBeepMs() / FrameAnalyzer.FRAME_MS);
        this.beepConfirmFrames = Math.max(1, config.beepConfirmMs() / FrameAnalyzer.FRAME_MS);
        reset();
    }

    /**
     * The configuration.
     *
     * @return the parameters this detector runs with.
     */
    public DetectorConfig config()
    {
        return config;
    }

    /**
     * Forget the call: ready for the next one, with the same configuration and listener.
     */
    public void reset()
    {
        analyzer.reset();
        noiseFloor.reset();
        pendingCount = 0;
        frames = 0;
        verdictGiven = false;
        finished = false;
        verdict = null;
        lateListening = false;
        lateUntilMs = 0;
        inVoice = false;
        voiceRun = 0;
        speechSeen = false;
        greetingStartMs = NONE;
        lastVoiceEndMs = NONE;
        sentencePauses = 0;
        Arrays.fill(pitchOctaves, 0);
        finalRise = 0;
        toneRun = 0;
        toneGap = 0;
        toneLastMs = 0;
        toneStartMs = 0;
        toneSumHz = 0;
        toneRefHz = 0;
        sitStage = 0;
        sitStageEndMs = NONE;
        beepCandidateEndMs = NONE;
        beepCandidateHz = 0;
        beepQuietFrames = 0;
    }

    /**
     * Whether detection is over for this call: SIT or FAX; a machine's beep (or its absence) reported; after HUMAN
     * or NOTSURE, a late beep reported or {@code lateBeepMs} of audio since the verdict without one (at once when
     * {@code lateBeepMs} is 0). Further frames are ignored.
     *
     * @return true when no more events will come.
     */
    public boolean isFinished()
    {
        return finished;
    }

    /**
     * The verdict, once given.
     *
     * @return the verdict, or null before it.
     */
    public Verdict verdict()
    {
        return verdict;
    }

    /**
     * Audio analysed so far.
     *
     * @return milliseconds of audio since the answer, in whole 20 ms frames.
     */
    public int positionMs()
    {
        return frames * FrameAnalyzer.FRAME_MS;
    }

    /**
     * Feed decoded audio: 8 kHz, 16-bit linear, any number of samples (usually one 20 ms frame of 160).
     *
     * @param samples the buffer.
     * @param offset  index of the first sample.
     * @param length  number of samples.
     */
    public void onFrame(final short[] samples, final int offset, final int length)
    {
        if (finished)
        {
            return;
        }
        int index = offset;
        int remaining = length;
        if (0 == pendingCount)
        {
            while (remaining >= FrameAnalyzer.FRAME_SAMPLES && !finished)
            {
                process(samples, index);
                index += FrameAnalyzer.FRAME_SAMPLES;
                remaining -= FrameAnalyzer.FRAME_SAMPLES;
            }
        }
        while (remaining > 0 && !finished)
        {
            final int n = Math.min(remaining, FrameAnalyzer.FRAME_SAMPLES - pendingCount);
            System.arraycopy(samples, index, pending, pendingCount, n);
            pendingCount += n;
            index += n;
            remaining -= n;
            if (FrameAnalyzer.FRAME_SAMPLES == pendingCount)
            {
                pendingCount = 0;
                process(pending, 0);
            }
        }
    }

    private void process(final short[] samples, final int offset)
    {
        final double floorBefore = noiseFloor.floorDb();
        analyzer.analyze(samples, offset, Math.max(config.minEnergyDb(), floorBefore + config.voiceOffDb()));
        frames++;
        final int nowMs = frames * FrameAnalyzer.FRAME_MS;
        final double energyDb = analyzer.energyDb();
        noiseFloor.update(energyDb);
        final double floorDb = 1 == frames ? energyDb : floorBefore;

        final boolean tonal = analyzer.tonality() >= toneShare && energyDb > floorDb + config.voiceOnDb();
        trackTone(tonal, analyzer.toneHz(), nowMs);
        if (finished)
        {
            return;
        }

        final double threshold = floorDb + (inVoice ? config.voiceOffDb() : config.voiceOnDb());
        final boolean voice = !tonal && energyDb > threshold && energyDb > config.minEnergyDb() && frames > 1;
        trackVoice(voice, nowMs);
        trackPitch(voice, nowMs);

        if (!verdictGiven)
        {
            decide(nowMs);
        }
        else if (lateListening)
        {
            awaitLateBeep(nowMs);
        }
        else if (!finished)
        {
            awaitBeep(nowMs);
        }
    }

    private void trackVoice(final boolean voice, final int nowMs)
    {
        inVoice = voice;
        if (voice)
        {
            voiceRun++;
            if (speechSeen && lastVoiceEndMs == nowMs - FrameAnalyzer.FRAME_MS)
            {
                lastVoiceEndMs = nowMs;
            }
            else if (voiceRun >= minSpeechFrames)
            {
                final int startMs = nowMs - voiceRun * FrameAnalyzer.FRAME_MS;
                if (!speechSeen)
                {
                    speechSeen = true;
                    greetingStartMs = startMs;
                }
                else if (startMs - lastVoiceEndMs >= config.sentencePauseMs() &&
                    lastVoiceEndMs - greetingStartMs > config.shortGreetingMs())
                {
                    sentencePauses++;
                }
                lastVoiceEndMs = nowMs;
            }
        }
        else
        {
            voiceRun = 0;
        }
    }

    /**
     * Pitch of the voiced frames of the greeting's first second (only there, and only before the verdict: it costs
     * about 2,500 multiply-adds a frame), kept for the last 300 ms, and the rise at the end of the latest speech.
     */
    private void trackPitch(final boolean voice, final int nowMs)
    {
        final boolean wanted = voice && !verdictGiven &&
            (!speechSeen || nowMs - greetingStartMs <= PITCH_SPAN_MS);
        final double hz = wanted ? analyzer.pitchHz() : 0;
        pitchOctaves[frames % PITCH_FRAMES] = hz > 0 ? Math.log(hz) * INV_LN2 : 0;
        if (wanted && speechSeen && lastVoiceEndMs == nowMs)
        {
            finalRise = finalRise();
        }
    }

    /**
     * The rise of the pitch at the end of the last 300 ms, in octaves: the mean of the last two estimates above the
     * lowest one. Estimates more than half an octave from the window's consensus (the value with the most others
     * within a quarter of an octave) are octave errors or unvoiced tails and are left out. Fewer than three
     * estimates: no rise.
     */
    private double finalRise()
    {
        final double[] p = pitchOctaves;
        double consensus = 0;
        int support = 0;
        for (int i = 0; i < PITCH_FRAMES; i++)
        {
            if (p[i] > 0)
            {
                int near = 0;
                for (int j = 0; j < PITCH_FRAMES; j++)
                {
                    if (p[j] > 0 && Math.abs(p[j] - p[i]) <= PITCH_NEAR_OCTAVES)
                    {
                        near++;
                    }
                }
                if (near > support)
                {
                    support = near;
                    consensus = p[i];
                }
            }
        }
        double low = Double.MAX_VALUE;
        double last = 0;
        double beforeLast = 0;
        int valid = 0;
        for (int i = 1; i <= PITCH_FRAMES; i++)
        {
            final double v = p[(frames + i) % PITCH_FRAMES];
            if (v > 0 && Math.abs(v - consensus) <= PITCH_OUTLIER_OCTAVES)
            {
                valid++;
                low = Math.min(low, v);
                beforeLast = valid > 1 ? last : v;
                last = v;
            }
        }
        return valid >= PITCH_MIN_VALID ? 0.5 * (last + beforeLast) - low : 0;
    }

    /**
     * For the corpus studies only: replace the pitch cue by the truth ({@code 1} question, {@code 0} statement, or
     * {@link #NONE} to use the pitch again). It survives {@link #reset()}; production code never calls it.
     *
     * @param question the greeting's true ending.
     */
    void questionOracle(final int question)
    {
        questionOracle = question;
    }

    /**
     * For the corpus studies only: the audio position, the greeting's start and end ({@link #NONE} before speech)
     * and the rise of the pitch at the end of the latest speech, in cents.
     *
     * @param out receives position, start, end, rise.
     */
    void probe(final int[] out)
    {
        out[0] = frames * FrameAnalyzer.FRAME_MS;
        out[1] = speechSeen ? greetingStartMs : NONE;
        out[2] = speechSeen ? lastVoiceEndMs : NONE;
        out[3] = (int)Math.round(finalRise * CENTS_PER_OCTAVE);
    }

    /**
     * Whether the latest speech ended on a rising pitch, as a person's "Hello?" does; recorded greetings open with
     * statements ("Hello.", "Hi, you've reached Tom.") that fall at their end.
     */
    private boolean isQuestion()
    {
        if (NONE != questionOracle)
        {
            return 1 == questionOracle;
        }
        return 0 == config.questionRiseCents() || finalRise * CENTS_PER_OCTAVE >= config.questionRiseCents();
    }

    private void decide(final int nowMs)
    {
        if (!speechSeen)
        {
            if (nowMs >= config.initialSilenceMs() && 0 == toneRun && 0 == voiceRun)
            {
                emitVerdict(Verdict.NOTSURE, Cause.INITIAL_SILENCE, 0.5f, nowMs);
            }
            else if (nowMs >= config.maxAnalysisMs())
            {
                emitVerdict(Verdict.NOTSURE, Cause.TOO_LONG, 0.3f, nowMs);
            }
            return;
        }

        final int spanMs = lastVoiceEndMs - greetingStartMs;
        if (spanMs >= config.maxHumanGreetingMs())
        {
            emitVerdict(Verdict.MACHINE, Cause.LONG_GREETING, 0.9f, nowMs);
            return;
        }

        if (config.machineSentences() > 0 && sentencePauses >= config.machineSentences())
        {
            emitVerdict(Verdict.MACHINE, Cause.SENTENCES, 0.75f, nowMs);
            return;
        }

        final int silenceMs = nowMs - lastVoiceEndMs;
        if (0 == voiceRun && 0 == toneRun && silenceMs >= silenceNeededMs(spanMs))
        {
            if (spanMs <= config.shortGreetingMs())
            {
                emitVerdict(Verdict.HUMAN, Cause.SHORT_GREETING, 0.85f, nowMs);
            }
            else
            {
                final float confidence = 0.85f - 0.25f * Math.min(1f,
                    (spanMs - config.shortGreetingMs()) / (float)(config.longGreetingMs() - config.shortGreetingMs()));
                emitVerdict(Verdict.HUMAN, Cause.GREETING_THEN_SILENCE, confidence, nowMs);
            }
            return;
        }

        if (nowMs >= config.maxAnalysisMs())
        {
            emitVerdict(Verdict.NOTSURE, Cause.TOO_LONG, 0.3f, nowMs);
        }
    }

    private int silenceNeededMs(final int spanMs)
    {
        final int shortMs = config.shortGreetingMs();
        if (spanMs <= shortMs)
        {
            return isQuestion() ? config.humanSilenceMs() :
                Math.max(config.humanSilenceMs(), config.statementSilenceMs());
        }
        if (spanMs >= config.longGreetingMs())
        {
            return config.longGreetingSilenceMs();
        }
        final int needed = config.humanSilenceMs() + (config.longGreetingSilenceMs() - config.humanSilenceMs()) *
            (spanMs - shortMs) / (config.longGreetingMs() - shortMs);
        return spanMs <= PITCH_SPAN_MS && !isQuestion() ? Math.max(needed, config.statementSilenceMs()) : needed;
    }

    private void awaitBeep(final int nowMs)
    {
        if (NONE != beepCandidateEndMs)
        {
            if (beepConfirmed())
            {
                listener.onBeep(beepCandidateEndMs, beepCandidateHz);
            }
            return;
        }
        final boolean quietSinceSpeech = NONE == lastVoiceEndMs || nowMs - lastVoiceEndMs >= config.noBeepSilenceMs();
        if ((quietSinceSpeech && 0 == toneRun) || nowMs >= config.maxBeepWaitMs())
        {
            finished = true;
            listener.onGreetingEndedWithoutBeep(nowMs);
        }
    }

    /**
     * A tone that may have been the beep ended: speech or another tone cancels it; enough quiet frames after it
     * confirm it, and the detector has finished.
     *
     * @return true when the candidate is confirmed now.
     */
    private boolean beepConfirmed()
    {
        if (voiceRun >= minSpeechFrames || toneRun >= minBeepFrames)
        {
            beepCandidateEndMs = NONE;
            beepQuietFrames = 0;
            return false;
        }
        if (++beepQuietFrames >= beepConfirmFrames)
        {
            finished = true;
            return true;
        }
        return false;
    }

    /**
     * After a HUMAN or NOTSURE verdict: a beep whose end is confirmed (as for a machine) is reported as a late beep;
     * the window closes {@code lateBeepMs} after the verdict, or when a tone that is still sounding then ends.
     */
    private void awaitLateBeep(final int nowMs)
    {
        if (NONE != beepCandidateEndMs)
        {
            if (beepConfirmed())
            {
                listener.onLateBeep(beepCandidateEndMs, beepCandidateHz);
            }
            return;
        }
        if ((nowMs >= lateUntilMs && 0 == toneRun) || nowMs >= config.maxBeepWaitMs())
        {
            finished = true;
        }
    }

    /**
     * Runs of tonal frames at one frequency. A run survives up to {@value #TONE_GAP_FRAMES} frames that are not
     * tonal (on a noisy line the tone's share of a frame dips below the threshold now and then, and the frequency
     * estimate of the next frame with it) when the tone comes back at the same frequency; the gap frames count as
     * part of the tone, and the run ends at its last tonal frame.
     */
    private void trackTone(final boolean tonal, final double hz, final int nowMs)
    {
        if (tonal && toneRun > 0 &&
            Math.abs(hz - toneRefHz) <= Math.max(RUN_TOLERANCE_MIN_HZ, RUN_TOLERANCE * toneRefHz))
        {
            toneRun += 1 + toneGap;
            toneSumHz += hz + toneGap * toneRefHz;
            toneRefHz = toneSumHz / toneRun;
            toneGap = 0;
            toneLastMs = nowMs;
            onToneContinues(nowMs);
            return;
        }
        if (toneRun > 0 && !tonal && toneGap < TONE_GAP_FRAMES)
        {
            toneGap++;
            return;
        }
        if (toneRun > 0)
        {
            toneGap = 0;
            onToneEnded(toneLastMs);
            if (finished)
            {
                return;
            }
        }
        if (tonal)
        {
            // The analyser measures tonality only once the frequency held steady since the previous frame, which
            // therefore belongs to the tone as well.
            toneRun = FrameAnalyzer.TONE_LOOKBACK_FRAMES + 1;
            toneStartMs = nowMs - toneRun * FrameAnalyzer.FRAME_MS;
            toneSumHz = toneRun * hz;
            toneRefHz = hz;
            toneLastMs = nowMs;
        }
        else
        {
            toneRun = 0;
        }
    }

    private void onToneContinues(final int nowMs)
    {
        if (verdictGiven)
        {
            return;
        }
        final double hz = toneRefHz;
        if (toneRun >= CED_MIN_FRAMES && Math.abs(hz - CED_HZ) <= FAX_TOLERANCE_HZ)
        {
            emitVerdict(Verdict.FAX, Cause.FAX_CED, 0.95f, nowMs);
            return;
        }
        if (toneRun >= SIT_MIN_FRAMES && 2 == sitStage && near(hz, SIT_HIGH) &&
            toneStartMs - sitStageEndMs <= SIT_GAP_FRAMES * FrameAnalyzer.FRAME_MS)
        {
            emitVerdict(Verdict.SIT, Cause.SIT_TONES, 0.95f, nowMs);
            return;
        }
        if (speechSeen && toneRun >= minBeepFrames && isBeepFrequency(hz))
        {
            emitVerdict(Verdict.MACHINE, Cause.BEEP, 0.95f, nowMs);
        }
    }

    private void onToneEnded(final int endMs)
    {
        final double hz = toneRefHz;
        final int run = toneRun;
        toneRun = 0;
        if (!verdictGiven)
        {
            if (run >= SIT_MIN_FRAMES && !speechSeen)
            {
                final boolean adjacent = toneStartMs - sitStageEndMs <= SIT_GAP_FRAMES * FrameAnalyzer.FRAME_MS;
                if (near(hz, SIT_LOW_A) || near(hz, SIT_LOW_B))
                {
                    sitStage = 1;
                    sitStageEndMs = endMs;
                    return;
                }
                if (1 == sitStage && adjacent && (near(hz, SIT_MID_A) || near(hz, SIT_MID_B)))
                {
                    sitStage = 2;
                    sitStageEndMs = endMs;
                    return;
                }
            }
            sitStage = 0;
            if (!speechSeen && run >= CNG_MIN_FRAMES && run <= CNG_MAX_FRAMES &&
                Math.abs(hz - CNG_HZ) <= FAX_TOLERANCE_HZ)
            {
                emitVerdict(Verdict.FAX, Cause.FAX_CNG, 0.9f, endMs);
                return;
            }
            if (run >= minBeepFrames && isBeepFrequency(hz))
            {
                emitVerdict(Verdict.MACHINE, Cause.BEEP, 0.9f, endMs + FrameAnalyzer.FRAME_MS);
            }
        }
        if (verdictGiven && (Verdict.MACHINE == verdict || lateListening) && run >= minBeepFrames &&
            isBeepFrequency(hz))
        {
            beepCandidateEndMs = endMs;
            beepCandidateHz = (int)Math.round(hz);
            beepQuietFrames = 0;
        }
    }

    private boolean isBeepFrequency(final double hz)
    {
        return hz >= config.minBeepHz() && hz <= config.maxBeepHz();
    }

    private static boolean near(final double hz, final double target)
    {
        return Math.abs(hz - target) <= SIT_TOLERANCE * target;
    }

    private void emitVerdict(final Verdict verdict, final Cause cause, final float confidence, final int positionMs)
    {
        this.verdict = verdict;
        verdictGiven = true;
        lateListening = (Verdict.HUMAN == verdict || Verdict.NOTSURE == verdict) && config.lateBeepMs() > 0;
        lateUntilMs = positionMs + config.lateBeepMs();
        finished = Verdict.MACHINE != verdict && !lateListening;
        listener.onVerdict(verdict, cause, Math.max(0f, Math.min(1f, confidence)), positionMs);
    }
}
