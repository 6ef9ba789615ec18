/*
 * Answering-machine detection.
 */
package io.dialer.detection;

/**
 * The classic word-counting detector of Asterisk's {@code AMD()} application (app_amd.c), reimplemented from its
 * documented algorithm as the baseline of the evaluation, with Asterisk's default parameters.
 * <p>
 * A frame is silent when its mean absolute amplitude is below a fixed threshold (256). Consecutive voice of at least
 * the minimum word length after a silence of at least the between-words silence counts a word. MACHINE when the
 * initial silence lasts 2.5 s, when the voice in the greeting adds up to 1.5 s, or at the third word; HUMAN when a
 * silence of 0.8 s follows the greeting; NOTSURE after 5 s. It does not look for beeps, SIT or fax tones.
 */
public final class ClassicAmd
{
    /** Asterisk default: initial silence (ms) that makes a MACHINE. */
    public static final int INITIAL_SILENCE_DEFAULT = 2500;
    /** Asterisk default: voice in the greeting (ms) that makes a MACHINE. */
    public static final int GREETING_DEFAULT = 1500;
    /** Asterisk default: silence after the greeting (ms) that makes a HUMAN. */
    public static final int AFTER_GREETING_SILENCE_DEFAULT = 800;
    /** Asterisk default: analysis time (ms) after which the answer is NOTSURE. */
    public static final int TOTAL_ANALYSIS_TIME_DEFAULT = 5000;
    /** Asterisk default: shortest voice (ms) that is a word. */
    public static final int MINIMUM_WORD_LENGTH_DEFAULT = 100;
    /** Asterisk default: silence (ms) that separates words. */
    public static final int BETWEEN_WORDS_SILENCE_DEFAULT = 50;
    /** Asterisk default (app_amd.c since 1.8): words that make a MACHINE. */
    public static final int MAXIMUM_NUMBER_OF_WORDS_DEFAULT = 3;
    /** Asterisk default: mean absolute amplitude below which a frame is silent. */
    public static final int SILENCE_THRESHOLD_DEFAULT = 256;
    /** Asterisk default: longest word (ms) before MACHINE; large so it is effectively off. */
    public static final int MAXIMUM_WORD_LENGTH_DEFAULT = 5000;

    private final DetectionListener listener;
    private final int initialSilence;
    private final int greeting;
    private final int afterGreetingSilence;
    private final int totalAnalysisTime;
    private final int minimumWordLength;
    private final int betweenWordsSilence;
    private final int maximumNumberOfWords;
    private final int silenceThreshold;
    private final int maximumWordLength;

    private boolean done;
    private boolean inInitialSilence;
    private boolean inGreeting;
    private boolean inWord;
    private int voiceDuration;
    private int silenceDuration;
    private int consecutiveSilence;
    private int totalTime;
    private int wordsCount;
    private int consecutiveVoiceDuration;

    /**
     * The baseline with Asterisk's defaults.
     *
     * @param listener receives the verdict.
     */
    public ClassicAmd(final DetectionListener listener)
    {
        this(listener, INITIAL_SILENCE_DEFAULT, GREETING_DEFAULT, AFTER_GREETING_SILENCE_DEFAULT,
            TOTAL_ANALYSIS_TIME_DEFAULT, MINIMUM_WORD_LENGTH_DEFAULT, BETWEEN_WORDS_SILENCE_DEFAULT,
            MAXIMUM_NUMBER_OF_WORDS_DEFAULT, SILENCE_THRESHOLD_DEFAULT, MAXIMUM_WORD_LENGTH_DEFAULT);
    }

    /**
     * The baseline with explicit parameters, in the order of Asterisk's {@code AMD()} arguments.
     *
     * @param listener             receives the verdict.
     * @param initialSilence       ms.
     * @param greeting             ms.
     * @param afterGreetingSilence ms.
     * @param totalAnalysisTime    ms.
     * @param minimumWordLength    ms.
     * @param betweenWordsSilence  ms.
     * @param maximumNumberOfWords words.
     * @param silenceThreshold     mean absolute amplitude.
     * @param maximumWordLength    ms.
     */
    public ClassicAmd(
        final DetectionListener listener,
        final int initialSilence,
        final int greeting,
        final int afterGreetingSilence,
        final int totalAnalysisTime,
        final int minimumWordLength,
        final int betweenWordsSilence,
        final int maximumNumberOfWords,
        final int silenceThreshold,
        final int maximumWordLength)
    {
        this.listener = listener;
        this.initialSilence = initialSilence;
        this.greeting = greeting;
        this.afterGreetingSilence = afterGreetingSilence;
        this.totalAnalysisTime = totalAnalysisTime;
        this.minimumWordLength = minimumWordLength;
        this.betweenWordsSilence = betweenWordsSilence;
        this.maximumNumberOfWords = maximumNumberOfWords;
        this.silenceThreshold = silenceThreshold;
        this.maximumWordLength = maximumWordLength;
        reset();
    }

    /**
     * Forget the call.
     */
    public void reset()
    {
        done = false;
        inInitialSilence = true;
        inGreeting = false;
        inWord = true;
        voiceDuration = 0;
        silenceDuration = 0;
        consecutiveSilence = 0;
        totalTime = 0;
        wordsCount = 0;
        consecutiveVoiceDuration = 0;
    }

    /**
     * Whether the verdict has been given.
     *
     * @return true after the verdict.
     */
    public boolean isFinished()
    {
        return done;
    }

    /**
     * Feed one frame of 8 kHz 16-bit audio (Asterisk analyses whole frames, usually 20 ms).
     *
     * @param samples the buffer.
     * @param offset  index of the first sample.
     * @param length  number of samples.
     */
    public void onFrame(final short[] samples, final int offset, final int length)
    {
        if (done || length <= 0)
        {
            return;
        }
        final int frameMs = length / 8;
        totalTime += frameMs;
        if (totalTime >= totalAnalysisTime)
        {
            verdict(Verdict.NOTSURE, Cause.TOO_LONG);
            return;
        }

        long sum = 0;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            sum += Math.abs(samples[i]);
        }
        final boolean silent = sum / length < silenceThreshold;
        consecutiveSilence = silent ? consecutiveSilence + frameMs : 0;

        if (silent)
        {
            silenceDuration = consecutiveSilence;
            if (silenceDuration >= betweenWordsSilence)
            {
                inWord = false;
                consecutiveVoiceDuration = 0;
            }
            if (inInitialSilence && silenceDuration >= initialSilence)
            {
                verdict(Verdict.MACHINE, Cause.INITIAL_SILENCE);
            }
            else if (inGreeting && silenceDuration >= afterGreetingSilence)
            {
                verdict(Verdict.HUMAN, Cause.GREETING_THEN_SILENCE);
            }
            return;
        }

        consecutiveVoiceDuration += frameMs;
        voiceDuration += frameMs;
        if (consecutiveVoiceDuration >= minimumWordLength && !inWord)
        {
            wordsCount++;
            inWord = true;
        }
        if (consecutiveVoiceDuration >= maximumWordLength)
        {
            verdict(Verdict.MACHINE, Cause.LONG_GREETING);
        }
        else if (wordsCount >= maximumNumberOfWords)
        {
            verdict(Verdict.MACHINE, Cause.TOO_MANY_WORDS);
        }
        else if (inGreeting && voiceDuration >= greeting)
        {
            verdict(Verdict.MACHINE, Cause.LONG_GREETING);
        }
        else
        {
            if (voiceDuration >= minimumWordLength)
            {
                silenceDuration = 0;
            }
            if (consecutiveVoiceDuration >= minimumWordLength && !inGreeting)
            {
                inInitialSilence = false;
                inGreeting = true;
            }
        }
    }

    private void verdict(final Verdict verdict, final Cause cause)
    {
        done = true;
        listener.onVerdict(verdict, cause, 0.5f, totalTime);
    }
}
