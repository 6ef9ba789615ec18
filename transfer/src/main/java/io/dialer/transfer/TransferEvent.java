/*
 * Dialer transfer module.
 */
package io.dialer.transfer;

/**
 * The events a {@link WarmTransfer} receives, as journaled with each transition (or each ignored event).
 */
public enum TransferEvent
{
    /** The transfer starts: caller qualified and put on hold. */
    START,
    /** The matcher gave a closer. */
    CLOSER_ASSIGNED,
    /** The matcher could not queue the caller (queue full, unknown skill). */
    NO_CLOSER,
    /** The closer's phone rings (180). */
    CLOSER_RINGING,
    /** The closer answered (200). */
    CLOSER_ANSWERED,
    /** The closer is busy (486/600). */
    CLOSER_BUSY,
    /** The closer leg failed (other final failure). */
    CLOSER_FAILED,
    /** The closer hung up (BYE). */
    CLOSER_HUNG_UP,
    /** The closer pressed 1. */
    KEY_ACCEPT,
    /** The closer pressed 9. */
    KEY_REJECT,
    /** The closer pressed another key. */
    KEY_OTHER,
    /** The closer accepted on the console. */
    CONSOLE_ACCEPT,
    /** The closer rejected on the console. */
    CONSOLE_REJECT,
    /** A prompt played to the caller finished. */
    CALLER_PROMPT_FINISHED,
    /** A prompt played to the closer finished. */
    CLOSER_PROMPT_FINISHED,
    /** The caller hung up. */
    CALLER_HUNG_UP,
    /** The reassurance timer fired. */
    REASSURANCE_TIMER,
    /** The hold limit was reached. */
    HOLD_LIMIT_TIMER,
    /** The closer did not answer in time. */
    RING_TIMEOUT,
    /** The closer answered but did not decide in time. */
    DECISION_TIMEOUT,
    /** A prompt that must finish (notice, introduction) did not report its end in time. */
    PROMPT_GUARD_TIMEOUT,
    /** The bridge is up. */
    BRIDGED
}
