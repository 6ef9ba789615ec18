/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.time.ZoneId;

import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CloserResult;
import io.dialer.core.journal.Step;

/**
 * Everything a {@link CallFlow} asks of the world, as commands: telephony for the effects stage, timers for the
 * controller's wheel, closers from the sales floor's matcher, and the call's outcome for lead scheduling. The flow
 * never does I/O or reads a clock; the controller implements this sink, and tests record it.
 * <p>
 * Legs: the lead's own leg and, during a warm transfer, one leg per closer dialed (by closer index).
 */
interface CallCommands
{
    /** {@link #requestCloser}: the caller waits in the matcher's queue until a closer frees up. */
    int QUEUED = -2;
    /** {@link #requestCloser}: no closer with the skill can take the caller (none logged in, queue full). */
    int NO_CLOSER = -1;

    /**
     * Play a prompt on the lead's leg.
     *
     * @param callId      the call.
     * @param prompt      a qualification {@code Prompt}, a transfer {@code Prompt} or {@link CallVoicemail#MESSAGE}.
     * @param loop        play it in a loop (hold music).
     * @param token       the play's token, reported back with {@link CallFlow#onPlaybackFinished}.
     * @param originNanos when the step the play ends started, 0 for none.
     * @param step        the {@link Step} ordinal measured from {@code originNanos} to the start, or -1.
     */
    void playToLead(long callId, Object prompt, boolean loop, long token, long originNanos, int step);

    /**
     * Stop what plays on the lead's leg (no finished report is expected for a stopped play).
     *
     * @param callId the call.
     */
    void stopLeadPlayback(long callId);

    /**
     * Hang up the lead's leg; its end comes back as {@link CallFlow#onEnded}.
     *
     * @param callId the call.
     */
    void hangUpLead(long callId);

    /**
     * The caller is on hold (or no longer): while on hold the lead leg's media inactivity timeout must not end the
     * call (phones with silence suppression send nothing while listening to music).
     *
     * @param callId the call.
     * @param onHold true while on hold.
     */
    void callerOnHold(long callId, boolean onHold);

    /**
     * Dial a closer for the warm transfer.
     *
     * @param callId              the call.
     * @param closer              the closer index.
     * @param callerIdPassThrough show the lead's number to the closer.
     * @param originNanos         when the caller qualified (for the first attempt), else 0.
     */
    void dialCloser(long callId, int closer, boolean callerIdPassThrough, long originNanos);

    /**
     * Play a prompt to a closer.
     *
     * @param callId      the call.
     * @param closer      the closer index.
     * @param prompt      the transfer prompt.
     * @param token       the play's token.
     * @param originNanos when the closer answered, for the briefing; else 0.
     */
    void playToCloser(long callId, int closer, io.dialer.transfer.Prompt prompt, long token, long originNanos);

    /**
     * Stop what plays to a closer.
     *
     * @param callId the call.
     * @param closer the closer index.
     */
    void stopCloserPlayback(long callId, int closer);

    /**
     * Hang up (or cancel) a closer's leg.
     *
     * @param callId the call.
     * @param closer the closer index.
     */
    void hangUpCloser(long callId, int closer);

    /**
     * Connect the caller and the closer; answered by {@link CallFlow#onBridged}.
     *
     * @param callId      the call.
     * @param closer      the closer index.
     * @param originNanos when the closer accepted.
     */
    void bridge(long callId, int closer, long originNanos);

    /**
     * The three-way introduction over the bridge: a short prompt both hear.
     *
     * @param callId the call.
     * @param closer the closer index.
     */
    void introduce(long callId, int closer);

    /**
     * Render the closer's briefing in the background, before a closer answers.
     *
     * @param callId  the call.
     * @param summary the context summary.
     */
    void prepareBriefing(long callId, String summary);

    /**
     * Arm one of the call's timers, replacing it if armed; report it with {@link CallFlow#onTimer}.
     *
     * @param callId     the call.
     * @param timer      the timer, one of {@link CallFlow}'s timer numbers.
     * @param deadlineMs when it fires.
     */
    void startTimer(long callId, int timer, long deadlineMs);

    /**
     * Disarm one of the call's timers.
     *
     * @param callId the call.
     * @param timer  the timer.
     */
    void cancelTimer(long callId, int timer);

    /**
     * Ask the sales floor for a closer with a skill: one free at once is reserved and returned; when the caller is
     * queued, a closer comes later through {@link CallFlow#onCloserAssigned}.
     *
     * @param callId         the call.
     * @param skill          the skill.
     * @param excludedCloser a closer not to offer the caller to again, or {@code NULL_CLOSER}.
     * @return the closer index, {@link #QUEUED} or {@link #NO_CLOSER}.
     */
    int requestCloser(long callId, int skill, int excludedCloser);

    /**
     * Take the caller out of the matcher's queue, if queued.
     *
     * @param callId the call.
     */
    void cancelCloserRequest(long callId);

    /**
     * The offer to a closer ended without a call: the closer is free again.
     *
     * @param closer the closer index.
     */
    void releaseCloser(int closer);

    /**
     * The closer accepted: on a call now.
     *
     * @param closer the closer index.
     */
    void closerConnected(int closer);

    /**
     * The closer's call ended: wrap-up, then free.
     *
     * @param closer the closer index.
     */
    void closerCallEnded(int closer);

    /**
     * The call no longer counts as a call in progress for pacing (it qualified or ended).
     *
     * @param callId the call.
     */
    void leftPacing(long callId);

    /**
     * A measurement for predictive pacing: a dial answered or not, a verdict that sends the call to the script or
     * not, a script that qualified the person or not. Nothing to do for progressive pacing.
     *
     * @param callId        the call.
     * @param sample        what was measured.
     * @param yes           answered, human (or not sure), qualified.
     * @param sinceDialMs   ms from the dial (qualified only, else -1).
     * @param sinceAnswerMs ms from the answer (qualified only, else -1).
     */
    default void measured(
        final long callId, final PacingSample sample, final boolean yes, final long sinceDialMs,
        final long sinceAnswerMs)
    {
    }

    /**
     * The call's outcome, exactly once per call: the lead's retry is scheduled from it and it is journaled.
     *
     * @param callId        the call.
     * @param lead          the lead.
     * @param attempt       the attempt number.
     * @param disposition   the disposition.
     * @param callbackAtMs  the callback time asked for, or 0.
     * @param detail        the detail (SIP status, reason, callback time...).
     * @param charged       false when the call's outcome is not the lead's doing (the trunk failed, or the dialer
     *                      cancelled the dial): the attempt is given back and the lead is ready again.
     * @param trunkFailure  the call failed because of the trunk (counted towards suspending dialing).
     */
    void callEnded(
        long callId, int lead, int attempt, Disposition disposition, long callbackAtMs, CharSequence detail,
        boolean charged, boolean trunkFailure);

    /**
     * The callee opted out: block the number at once and persist it.
     *
     * @param lead the lead.
     */
    void optOut(int lead);

    /**
     * A measured step.
     *
     * @param callId   the call.
     * @param step     the step.
     * @param endNanos when it ended, {@link System#nanoTime()}.
     * @param nanos    its duration.
     */
    void latency(long callId, Step step, long endNanos, long nanos);

    /**
     * A closer is offered the caller (about to be dialed): the closer's screen shows who is coming.
     *
     * @param callId  the call.
     * @param closer  the closer index.
     * @param summary the context summary the briefing speaks.
     */
    void offer(long callId, int closer, String summary);

    /**
     * The closer's offer is over: accepted (the caller is bridged), rejected, unanswered, or the caller gone.
     *
     * @param callId the call.
     * @param closer the closer index.
     * @param result how the closer attempt ended.
     */
    void offerEnded(long callId, int closer, CloserResult result);

    /**
     * Every leg of the call is gone: forget it; the slot may be reused.
     *
     * @param callId the call.
     */
    void released(long callId);

    /**
     * The callee's time zone, for callback times.
     *
     * @param lead the lead.
     * @return the zone.
     */
    ZoneId zoneOf(int lead);

    /**
     * The lead's values for the script's lead fields.
     *
     * @param lead the lead.
     * @return the values in the script's order.
     */
    String[] leadValues(int lead);

    /**
     * The skill id of a skill name.
     *
     * @param skill the name.
     * @return the id.
     */
    int skillId(String skill);

    /**
     * A closer's id, for the journal.
     *
     * @param closer the closer index.
     * @return the id.
     */
    String closerId(int closer);
}
