/*
 * Answering-machine detection.
 */
package io.dialer.detection;

/**
 * A {@link DetectionListener} that records the events of one call, for polling instead of callbacks, for tests and
 * for offline classification. Reusable through {@link #reset()}; allocates nothing.
 */
public final class DetectionResult implements DetectionListener
{
    /** Value of the positions before the event happened. */
    public static final int NONE = -1;

    private Verdict verdict;
    private Cause cause;
    private float confidence;
    private int decisionMs = NONE;
    private int beepEndMs = NONE;
    private int beepHz;
    private int noBeepMs = NONE;
    private int lateBeepEndMs = NONE;
    private int lateBeepHz;

    /**
     * Forget the recorded events.
     */
    public void reset()
    {
        verdict = null;
        cause = null;
        confidence = 0;
        decisionMs = NONE;
        beepEndMs = NONE;
        beepHz = 0;
        noBeepMs = NONE;
        lateBeepEndMs = NONE;
        lateBeepHz = 0;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onVerdict(final Verdict verdict, final Cause cause, final float confidence, final int positionMs)
    {
        this.verdict = verdict;
        this.cause = cause;
        this.confidence = confidence;
        this.decisionMs = positionMs;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onBeep(final int endMs, final int frequencyHz)
    {
        beepEndMs = endMs;
        beepHz = frequencyHz;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onGreetingEndedWithoutBeep(final int positionMs)
    {
        noBeepMs = positionMs;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onLateBeep(final int endMs, final int frequencyHz)
    {
        lateBeepEndMs = endMs;
        lateBeepHz = frequencyHz;
    }

    /**
     * The verdict.
     *
     * @return the verdict, or null if none yet.
     */
    public Verdict verdict()
    {
        return verdict;
    }

    /**
     * The cause of the verdict.
     *
     * @return the cause, or null if no verdict yet.
     */
    public Cause cause()
    {
        return cause;
    }

    /**
     * The verdict's confidence.
     *
     * @return from 0 to 1.
     */
    public float confidence()
    {
        return confidence;
    }

    /**
     * Where the verdict was reached.
     *
     * @return ms of audio from the answer, or {@link #NONE}.
     */
    public int decisionMs()
    {
        return decisionMs;
    }

    /**
     * Where the beep ended.
     *
     * @return ms of audio from the answer, or {@link #NONE}.
     */
    public int beepEndMs()
    {
        return beepEndMs;
    }

    /**
     * The beep's frequency.
     *
     * @return Hz, or 0 if no beep.
     */
    public int beepHz()
    {
        return beepHz;
    }

    /**
     * Where the detector reported that the greeting ended without a beep.
     *
     * @return ms of audio from the answer, or {@link #NONE}.
     */
    public int noBeepMs()
    {
        return noBeepMs;
    }

    /**
     * Where a beep heard after a HUMAN or NOTSURE verdict ended (a machine after all).
     *
     * @return ms of audio from the answer, or {@link #NONE}.
     */
    public int lateBeepEndMs()
    {
        return lateBeepEndMs;
    }

    /**
     * The frequency of the beep heard after a HUMAN or NOTSURE verdict.
     *
     * @return Hz, or 0 if none.
     */
    public int lateBeepHz()
    {
        return lateBeepHz;
    }

    /**
     * Run a detector over a whole recording (from the answer), in 20 ms frames, after resetting both, until it has
     * finished or the audio ends. A recording that ends before a verdict gets NOTSURE (TOO_LONG) at its end.
     *
     * @param detector the detector, reset first.
     * @param samples  8 kHz 16-bit linear audio.
     * @param length   number of samples to use.
     * @return this result, holding the events.
     */
    public DetectionResult classify(final AnsweringMachineDetector detector, final short[] samples, final int length)
    {
        reset();
        detector.reset();
        final int frame = 160;
        for (int i = 0; i + frame <= length && !detector.isFinished(); i += frame)
        {
            detector.onFrame(samples, i, frame);
        }
        if (null == verdict)
        {
            onVerdict(Verdict.NOTSURE, Cause.TOO_LONG, 0.3f, detector.positionMs());
        }
        return this;
    }
}
