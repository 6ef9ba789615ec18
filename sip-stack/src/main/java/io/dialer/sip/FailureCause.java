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
    /** Rang until the ring timeout and was cancelled (also when the 200 OK crossed our CANCEL). */
    NO_ANSWER,
    /** 480 Temporarily Unavailable, 408 Request Timeout. */
    UNAVAILABLE,
    /** 404 Not Found, 484 Address Incomplete, 604 Does Not Exist Anywhere. */
    INVALID_NUMBER,
    /** 603 Decline. */
    REJECTED,
    /** The trunk challenged again after we answered its challenge with our credentials (401/407 twice). */
    AUTH_FAILED,
    /** 5xx, any other 4xx or 6xx, transport error, transaction timeout. */
    CARRIER_ERROR;

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
