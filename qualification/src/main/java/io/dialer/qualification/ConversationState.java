/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * Where a {@link Conversation} is.
 */
public enum ConversationState
{
    /**
     * Reset, not started.
     */
    IDLE,

    /**
     * Playing the greeting.
     */
    GREETING,

    /**
     * Playing a question's prompt (and re-prompt); a key pressed now barges in and counts as an answer.
     */
    ASKING,

    /**
     * The prompt finished; waiting for keys or speech under a timer.
     */
    COLLECTING,

    /**
     * Playing a closing prompt (disqualified, callback, opt-out) before hanging up.
     */
    CLOSING,

    /**
     * Finished: qualified (handed to the transfer), hung up by the dialer, or by the caller.
     */
    ENDED
}
