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
}
