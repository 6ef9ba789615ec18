/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

/**
 * Why an outbound call was not answered, for {@link CallListener#onFailed}: one value per thing the dialer does
 * differently (retry later, mark the number invalid, ...). The raw SIP status is reported next to it.
 */
public enum FailureCause
{
    /** 486 Busy Here, 600 Busy Everywhere. */
    BUSY,
    /**
     * The far end answered the INVITE with at least a provisional response (100 Trying counts), rang until the ring
     * timeout and was cancelled (also when the 200 OK crossed our CANCEL). A trunk that never responded is
     * {@link #TRUNK_UNREACHABLE}.
     */
    NO_ANSWER,
    /** 480 Temporarily Unavailable, 408 Request Timeout. */
    UNAVAILABLE,
    /** 404 Not Found, 484 Address Incomplete, 604 Does Not Exist Anywhere. */
    INVALID_NUMBER,
    /** 603 Decline. */
    REJECTED,
    /** The trunk challenged again after we answered its challenge with our credentials (401/407 twice). */
    AUTH_FAILED,
    /** 5xx, any other 4xx or 6xx, an unusable answer, an INVITE that could not be built. */
    CARRIER_ERROR,
    /**
     * Nothing came back: no response at all (not even 100 Trying) within the response timeout
     * ({@link DialRequest#responseTimeoutMs(long)}, {@link SipStack.Context#responseTimeoutMs(long)}), a TCP
     * connection refused or that could not be made, or an I/O error sending the INVITE. The status is 0 and the
     * reason says which, e.g. {@code "no response from sip:1001@10.0.0.1:5060 within 5 s"} or
     * {@code "connection refused: TCP to 10.0.0.1:5060"}. A dead trunk, not a person who did not pick up.
     */
    TRUNK_UNREACHABLE;

    /**
     * The cause for a final non-2xx status.
     *
     * @param status SIP status code, 300 to 699.
     * @return the cause.
     */
    public static FailureCause ofStatus(final int status)
    {
        switch (status)
        {
            case 486:
            case 600:
                return BUSY;
            case 480:
            case 408:
                return UNAVAILABLE;
            case 404:
            case 484:
            case 604:
                return INVALID_NUMBER;
            case 603:
                return REJECTED;
            case 487:
                return NO_ANSWER;
            default:
                return CARRIER_ERROR;
        }
    }
}
