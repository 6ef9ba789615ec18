/*
 * Dialer core.
 */
package io.dialer.core.engine;

/**
 * What a call tells predictive pacing ({@link CallCommands#measured}).
 */
enum PacingSample
{
    /** The dial ended: answered or not. */
    ANSWER,
    /** The detector's verdict: to the script (HUMAN, NOTSURE) or not. */
    VERDICT,
    /** The script ended: qualified or not. */
    SCRIPT_END,
    /** A qualified caller's wait for a closer ended (the first closer dialed, or the caller gone): its hold. */
    HOLD
}
