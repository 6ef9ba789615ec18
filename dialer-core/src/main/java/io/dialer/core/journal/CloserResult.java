/*
 * Dialer core.
 */
package io.dialer.core.journal;

/**
 * How one offer of a caller to one closer ended (a transfer may make several).
 */
public enum CloserResult
{
    /** The closer accepted (key 1 or console). */
    ACCEPTED,
    /** The closer rejected (key 9 or console). */
    REJECTED,
    /** The closer did not answer in time, or did not decide in time. */
    NO_ANSWER,
    /** The closer's phone was busy. */
    BUSY,
    /** The closer's phone could not be reached (SIP failure). */
    FAILED,
    /** The closer hung up before deciding. */
    HUNG_UP,
    /** The offer was withdrawn because the caller hung up or the hold limit passed. */
    CANCELLED;

    private static final CloserResult[] VALUES = values();

    /**
     * The result with this ordinal.
     *
     * @param ordinal the ordinal.
     * @return the result.
     */
    public static CloserResult get(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
