/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;

/**
 * Events of one call leg.
 * <p>
 * Called on JAIN-SIP, media and timer threads, or on a thread that called one of the leg's methods, never while the
 * leg's lock is held: the leg decides under its lock and delivers after releasing it. Implementations should still
 * return at once (the dialer publishes each event to its Disruptor ring): a blocked callback holds up that leg's
 * later events, though no other thread. One leg's events arrive one at a time, in the order they happened, never
 * nested: calling the leg's own methods from a callback is allowed, and the events such a call raises (an
 * {@link #onEnded} after a hang-up) are delivered after the callback returns.
 * <p>
 * Each leg gets exactly one terminal event, {@link #onFailed} when it never got answered (outbound) or
 * {@link #onEnded} otherwise, and nothing after it (not even the {@link #onPlaybackFinished} of a prompt the end cut
 * short). Detection events come only after {@link #onAnswered}. Every method has an empty default.
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
     * The outbound call failed before being answered: the terminal event.
     *
     * @param leg       the leg.
     * @param cause     what the dialer should make of it.
     * @param sipStatus the final SIP status, or 0 when none was received (timeout, transport error).
     * @param reason    reason phrase or what happened in words, e.g. {@code "no response from sip:1001@10.0.0.1 within
     *                  5 s"} or {@code "connection refused: TCP to 10.0.0.1:5060"}.
     */
    default void onFailed(final CallLeg leg, final FailureCause cause, final int sipStatus, final String reason)
    {
    }

    /**
     * The call ended: the terminal event (also of an inbound leg that was never answered).
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

    /**
     * Answering-machine detection reached its verdict (legs dialed with {@link DialRequest#detection}); at most once
     * per leg, after {@link #onAnswered} and never after the terminal event. Usually called on the media thread.
     *
     * @param leg        the leg.
     * @param verdict    what answered.
     * @param cause      why.
     * @param confidence from 0 (a guess) to 1 (certain).
     * @param positionMs audio position, in ms from the answer, at which the detector decided.
     */
    default void onVerdict(
        final CallLeg leg, final Verdict verdict, final Cause cause, final float confidence, final int positionMs)
    {
    }

    /**
     * After a {@link Verdict#MACHINE} verdict: the voicemail beep ended, a message can be played now. At most once per
     * leg, never after the terminal event; usually called on the media thread.
     *
     * @param leg         the leg.
     * @param endMs       audio position, in ms from the answer, of the end of the beep.
     * @param frequencyHz the beep's frequency.
     */
    default void onBeep(final CallLeg leg, final int endMs, final int frequencyHz)
    {
    }

    /**
     * After a {@link Verdict#MACHINE} verdict: the greeting ended and no beep followed. At most once per leg, instead
     * of {@link #onBeep}, never after the terminal event; usually called on the media thread.
     *
     * @param leg        the leg.
     * @param positionMs audio position, in ms from the answer, at which the detector gave up waiting for a beep.
     */
    default void onGreetingEndedWithoutBeep(final CallLeg leg, final int positionMs)
    {
    }

    /**
     * After a {@link Verdict#HUMAN} or {@link Verdict#NOTSURE} verdict: a voicemail beep ended, so the call is
     * probably a machine after all (see {@code DetectionListener.onLateBeep}). At most once per leg, within the
     * detector's late-beep window, never after the terminal event; usually called on the media thread.
     *
     * @param leg         the leg.
     * @param endMs       audio position, in ms from the answer, of the end of the beep.
     * @param frequencyHz the beep's frequency.
     */
    default void onLateBeep(final CallLeg leg, final int endMs, final int frequencyHz)
    {
    }
}
