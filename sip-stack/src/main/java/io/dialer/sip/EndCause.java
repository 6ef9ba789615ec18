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
    /**
     * No RTP from the far end for the media engine's inactivity timeout
     * ({@link io.dialer.media.MediaEngine.Context#rtpTimeoutMs(long)}, 5 minutes by default) while the leg's
     * timeout was enabled ({@link CallLeg#mediaTimeout(boolean)}); we sent BYE: the dialer hung up.
     */
    RTP_TIMEOUT,
    /** A re-INVITE of the call timed out or failed at the transport, the dialog is considered gone; we sent BYE. */
    SIGNALLING_ERROR,
    /** The stack was closed with the call up. */
    SHUTDOWN,
    /**
     * The far end no longer knows the call: our in-dialog OPTIONS keepalive (sent after a silence, see
     * {@link SipStack.Context#keepaliveAfterSilenceMs(long)}) was answered 481 or 408, or not at all within the
     * response timeout, or the session timer (RFC 4028 {@code Session-Expires}) ran out without a refresh. We sent
     * BYE (which may go unanswered).
     */
    DIALOG_LOST
}
