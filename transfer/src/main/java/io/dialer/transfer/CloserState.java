/*
 * Dialer transfer module.
 */
package io.dialer.transfer;

/**
 * The state of one closer in the {@link CloserPool}. Transitions are made by the {@link Matcher} only, and an illegal
 * transition is refused with {@link PoolResult#ILLEGAL_TRANSITION}, leaving the state as it was.
 * <pre>
 * OFFLINE --login--&gt; AVAILABLE --assign--&gt; OFFERED --connect--&gt; ON_CALL --endCall--&gt; WRAP_UP
 *                     WRAP_UP --expire/endWrapUp--&gt; AVAILABLE
 *                     AVAILABLE, WRAP_UP --pause--&gt; PAUSED --resume--&gt; AVAILABLE
 *                     OFFERED --endOffer--&gt; AVAILABLE
 *                     AVAILABLE, PAUSED, WRAP_UP --logout--&gt; OFFLINE
 * </pre>
 */
public enum CloserState
{
    /**
     * Logged out; never offered a caller.
     */
    OFFLINE,

    /**
     * Idle and in the available list of each of its skills, ordered by idle-since.
     */
    AVAILABLE,

    /**
     * Reserved for exactly one transfer: being dialled, ringing or being briefed.
     */
    OFFERED,

    /**
     * Accepted a transfer; talking to the caller.
     */
    ON_CALL,

    /**
     * After a call, for the configured wrap-up time; then available again.
     */
    WRAP_UP,

    /**
     * Paused with a reason; never offered a caller until resumed.
     */
    PAUSED
}
