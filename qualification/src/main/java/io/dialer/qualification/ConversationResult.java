/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * How a {@link Conversation} ended, once it has.
 */
public enum ConversationResult
{
    /**
     * Not decided yet.
     */
    NONE,

    /**
     * A qualified outcome was reached.
     */
    QUALIFIED,

    /**
     * A disqualified outcome was reached.
     */
    DISQUALIFIED,

    /**
     * A callback outcome was reached.
     */
    CALLBACK,

    /**
     * The caller pressed the opt-out key.
     */
    OPTED_OUT,

    /**
     * The caller hung up before an outcome.
     */
    HUNG_UP
}
