/*
 * Answering-machine detection.
 */
package io.dialer.detection;

/**
 * Receives a detector's events, on the thread that feeds it frames. Implementations must not block; the usual one
 * copies the event into a preallocated message for the call's owner.
 */
public interface DetectionListener
{
    /**
     * The verdict, emitted once per call.
     *
     * @param verdict    what answered.
     * @param cause      why.
     * @param confidence from 0 (a guess) to 1 (certain).
     * @param positionMs audio position, in ms from the answer, at which the detector decided.
     */
    void onVerdict(Verdict verdict, Cause cause, float confidence, int positionMs);

    /**
     * For a machine: the voicemail beep ended; a message can be played now.
     *
     * @param endMs       audio position, in ms from the answer, of the end of the beep.
     * @param frequencyHz the beep's frequency.
     */
    void onBeep(int endMs, int frequencyHz);

    /**
     * For a machine: the greeting ended and no beep followed (mailbox full, or a greeting without a beep).
     *
     * @param positionMs audio position, in ms from the answer, at which the detector gave up waiting for a beep.
     */
    void onGreetingEndedWithoutBeep(int positionMs);

    /**
     * After a HUMAN or NOTSURE verdict: a voicemail beep ended, so the call is probably a machine after all (a
     * greeting that paused like a person, or a very short one whose beep came late). The verdict is not taken back:
     * it was emitted once and the call may already be with an agent; the call's owner decides what to do (for
     * example take the agent back and drop a message from {@code endMs}). At most once per call, within
     * {@link DetectorConfig#lateBeepMs()} of the verdict; never after MACHINE (that is {@link #onBeep(int, int)}).
     * <p>
     * The default does nothing, so listeners written before this event ignore it.
     *
     * @param endMs       audio position, in ms from the answer, of the end of the beep.
     * @param frequencyHz the beep's frequency.
     */
    default void onLateBeep(final int endMs, final int frequencyHz)
    {
    }
}
