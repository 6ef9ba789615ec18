/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

/**
 * Events of one call leg.
 * <p>
 * Called on JAIN-SIP, media and timer threads, sometimes while the leg's lock is held: implementations must return
 * at once and never block (the dialer publishes each event to its Disruptor ring). Calling the leg's own methods
 * from a callback is allowed. Each leg gets exactly one terminal event: {@link #onFailed} when it never got answered
 * (outbound), or {@link #onEnded} otherwise. Every method has an empty default.
 */
public interface CallListener
{
    /**
     * 180 or 183 received (outbound), or sent (inbound).
     *
     * @param leg        the leg.
     * @param earlyMedia true when the response carried SDP and the media is connected.
     */
    default void onRinging(final CallLeg leg, final boolean earlyMedia)
    {
    }

    /**
     * The call is answered: 2xx received and ACKed (outbound), or 2xx sent (inbound).
     *
     * @param leg the leg.
     */
    default void onAnswered(final CallLeg leg)
    {
    }

    /**
     * The outbound call failed before being answered.
     *
     * @param leg       the leg.
     * @param cause     what the dialer should make of it.
     * @param sipStatus the final SIP status, or 0 when none was received (timeout, transport error).
     * @param reason    reason phrase or error description.
     */
    default void onFailed(final CallLeg leg, final FailureCause cause, final int sipStatus, final String reason)
    {
    }

    /**
     * The call ended.
     *
     * @param leg   the leg.
     * @param cause who or what ended it.
     */
    default void onEnded(final CallLeg leg, final EndCause cause)
    {
    }

    /**
     * A DTMF digit from the far end.
     *
     * @param leg    the leg.
     * @param digit  one of {@code 0-9 * # A-D}.
     * @param source RTP events or SIP INFO.
     */
    default void onDtmf(final CallLeg leg, final char digit, final DtmfSource source)
    {
    }

    /**
     * A prompt started with {@link CallLeg#play} finished or was stopped.
     *
     * @param leg         the leg.
     * @param playbackId  id returned by {@link CallLeg#play}.
     * @param interrupted true when stopped before its end.
     */
    default void onPlaybackFinished(final CallLeg leg, final long playbackId, final boolean interrupted)
    {
    }

    /**
     * The far end re-INVITEd (hold or resume, or new media address or codec) and we accepted.
     *
     * @param leg  the leg.
     * @param held true when the far end put us on hold (sendonly, inactive or c=0.0.0.0).
     */
    default void onReinvited(final CallLeg leg, final boolean held)
    {
    }
}
