/*
 * Answering-machine detection.
 */
package io.dialer.detection;

/**
 * What answered the call. Emitted once per call by {@link AnsweringMachineDetector}.
 */
public enum Verdict
{
    /** A live person: connect them now. */
    HUMAN,
    /** A voicemail greeting or answering machine: wait for the beep, then drop a message or hang up. */
    MACHINE,
    /** The evidence is not conclusive; treat as a person (the safe answer). */
    NOTSURE,
    /** Special information tones: the number is not in service, or the call could not be completed. */
    SIT,
    /** A fax machine (CNG 1100 Hz or CED 2100 Hz). */
    FAX
}
