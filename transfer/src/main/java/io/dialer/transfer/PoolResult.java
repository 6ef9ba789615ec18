/*
 * Dialer transfer module.
 */
package io.dialer.transfer;

/**
 * Result of a closer state change or a queue operation on the {@link Matcher}. Anything but {@link #OK} leaves the
 * pool and the queues exactly as they were.
 */
public enum PoolResult
{
    /**
     * The operation was applied.
     */
    OK,

    /**
     * The closer index is not a configured closer.
     */
    UNKNOWN_CLOSER,

    /**
     * The closer's current state does not allow this transition.
     */
    ILLEGAL_TRANSITION,

    /**
     * The caller is not waiting in any queue.
     */
    NOT_WAITING,

    /**
     * The closer is offered a caller or on a call: the pause or logout is kept and applied when that ends (after the
     * wrap-up for a call), instead of now.
     */
    DEFERRED
}
