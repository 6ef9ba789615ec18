/*
 * Dialer core.
 */
package io.dialer.core.engine;

/**
 * What an {@link EngineEvent} carries. Producers: the SIP stack's and media engine's threads (through
 * {@link LegEvents}), the effects stage (feedback: latencies, bridged, a command that failed), and the control seam
 * ({@link EngineControl}: users' actions, from any thread).
 */
enum EventType
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
    /** Detection: a beep after a HUMAN or NOTSURE verdict, {@code value} its end (audio ms from the answer). */
    LATE_BEEP,
    /** Effects feedback: a step's latency, measured where it ends: {@code value} the step, {@code token} nanos. */
    LATENCY,
    /** Effects feedback: caller and closer are bridged ({@code leg} the closer's leg). */
    BRIDGED,
    /** Effects feedback: a command could not be carried out (e.g. the INVITE could not be sent): {@code text}. */
    COMMAND_FAILED,
    /** Control: add a number to the do-not-call list now: {@code text} the number, {@code text2} the source. */
    ADD_DO_NOT_CALL,
    /** Control: a closer logs in: {@code text} the closer id. */
    CLOSER_LOGIN,
    /** Control: a closer logs out (after the call in progress): {@code text} the closer id. */
    CLOSER_LOGOUT,
    /** Control: a closer pauses (after the call in progress): {@code text} the closer id, {@code text2} why. */
    CLOSER_PAUSE,
    /** Control: a paused closer is available again: {@code text} the closer id. */
    CLOSER_RESUME,
    /** Control: a closer ends the wrap-up: {@code text} the closer id. */
    CLOSER_WRAP_UP_DONE,
    /** Control: the closer accepts the briefing it is in (as key 1): {@code text} the closer id. */
    CONSOLE_ACCEPT,
    /** Control: the closer rejects the briefing it is in (as key 9): {@code text} the closer id. */
    CONSOLE_REJECT,
    /** Control: the campaign {@code value} stops dialing new leads for now; calls in progress go on. */
    PAUSE,
    /** Control: the campaign {@code value} dials again after a pause. */
    RESUME,
    /** Control: the campaign {@code value} dials no new leads; calls in progress finish, then it finishes. */
    DRAIN,
    /** Control: stop the campaign {@code value} unfinished: no new leads; it ends when its calls in progress end. */
    STOP,
    /** Control: take a number off the do-not-call list: {@code text} the number, {@code text2} who. */
    REMOVE_DO_NOT_CALL,
    /** Control: whether a number is on the do-not-call list: {@code text} the number. */
    CHECK_DO_NOT_CALL,
    /** Control: block numbers already written to the opt-out file: {@code attachment} a {@code long[]}. */
    BLOCK_NUMBERS,
    /** Control: add a closer to the floor, {@code attachment} the {@code Closer}. */
    ADD_CLOSER,
    /** Control: change a logged-out closer, {@code attachment} the {@code Closer}. */
    UPDATE_CLOSER,
    /** Control: remove a logged-out closer: {@code text} the closer id. */
    REMOVE_CLOSER,
    /** Registrar: {@code text} an extension, {@code value} 1 when it registered, 0 when it unregistered. */
    CLOSER_PHONE,
    /** Control: start a campaign, {@code attachment} its {@code CallController.CampaignStart}. */
    START_CAMPAIGN,
    /** Control: publish a fresh live state into {@code attachment}, a {@code CompletableFuture<LiveState>}. */
    STATE,
    /**
     * Effects feedback: the media release after the bridge is over: {@code cause} a {@code ReleaseOutcome},
     * {@code value} the SIP status. Last, so that the ordinals the input journal records stay as they were.
     */
    MEDIA_RELEASE
}
