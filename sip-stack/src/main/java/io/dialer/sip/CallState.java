/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

/**
 * Where a {@link CallLeg} is in its life.
 */
public enum CallState
{
    /** Outbound: INVITE sent, no provisional response beyond 100 yet. */
    CALLING,
    /** Inbound: INVITE received, not yet answered, rung or rejected. */
    OFFERED,
    /** Ringing (180) or early media (183), either direction. */
    EARLY,
    /** 2xx sent or received: the call is up. */
    ANSWERED,
    /** The call was answered and has ended. */
    ENDED,
    /** The call ended before it was answered. */
    FAILED;

    /**
     * Whether the leg is over.
     *
     * @return true for {@link #ENDED} and {@link #FAILED}.
     */
    public boolean isTerminal()
    {
        return this == ENDED || this == FAILED;
    }
}
