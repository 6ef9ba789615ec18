/*
 * Dialer core.
 */
package io.dialer.core.engine;

/**
 * What an {@link EngineEvent} carries. Producers: the SIP stack's and media engine's threads (through
 * {@link LegEvents}), the effects stage (feedback: INVITE sent, bridged, briefing started), and the API.
 */
public enum EventType
{
    /** The leg is ringing (180/183). */
    RINGING,
    /** The leg was answered (200 OK). */
    ANSWERED,
    /** The dial failed: {@code cause} a {@code FailureCause}, {@code value} the SIP status. */
    FAILED,
    /** The answered leg ended: {@code cause} an {@code EndCause}. */
    ENDED,
    /** A DTMF key: {@code digit}. */
    DTMF,
    /** A prompt finished: {@code token} the controller's play token, {@code value} 1 when interrupted. */
    PLAYBACK_FINISHED,
    /** The detector's verdict: {@code cause} a {@code Verdict}, {@code cause2} a {@code Cause}, {@code value} ms. */
    VERDICT,
    /** The voicemail beep ended: {@code value} its position, ms from the answer. */
    BEEP,
    /** The voicemail greeting ended without a beep. */
    NO_BEEP,
    /** Effects feedback: a step's latency, measured where it ends: {@code value} the step, {@code token} nanos. */
    LATENCY,
    /** Effects feedback: caller and closer are bridged ({@code leg} the closer's leg). */
    BRIDGED,
    /** Effects feedback: a command could not be carried out (e.g. the INVITE could not be sent). */
    COMMAND_FAILED,
    /** API: add a number to the do-not-call list now: {@code text} the number. */
    ADD_DO_NOT_CALL,
    /** API: stop dialing new leads; calls in progress finish. */
    DRAIN,
    /** Detection: a beep after a HUMAN or NOTSURE verdict, {@code value} its end (audio ms from the answer). */
    LATE_BEEP
}
