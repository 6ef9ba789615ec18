/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

/**
 * Why a call leg ended, for {@link CallListener#onEnded(CallLeg, EndCause)}.
 */
public enum EndCause
{
    /** The far end sent BYE. */
    REMOTE_BYE,
    /** The far end cancelled its INVITE before we answered (inbound legs). */
    REMOTE_CANCEL,
    /** We hung up (BYE, CANCEL or a final error response to an unanswered inbound call). */
    LOCAL,
    /** No RTP from the far end for the media engine's inactivity timeout; we sent BYE. */
    RTP_TIMEOUT,
    /** A transaction of the call timed out or failed at the transport, the dialog is considered gone. */
    SIGNALLING_ERROR,
    /** The stack was closed with the call up. */
    SHUTDOWN
}
