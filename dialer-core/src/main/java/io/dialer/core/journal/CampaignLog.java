/*
 * Dialer core.
 */
package io.dialer.core.journal;

import io.dialer.core.compliance.Disposition;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.sip.ReleaseOutcome;
import io.dialer.transfer.TransferOutcome;

/**
 * Every decision the call controller takes, as the journal records it. The same interface is written (the journal
 * appends one record per call) and replayed (a reader calls it once per record, in order), so recovery and the
 * report are built by implementations of it, from the journal alone.
 * <p>
 * Leads are identified by their index in the lead list (the list is read again on restart, deterministically, and
 * {@link #campaignStarted} records its size so a different file is detected); calls by the controller's call id,
 * unique within a run. Times are epoch milliseconds from the controller's injected clock. Character sequences are
 * valid only during the call.
 * <p>
 * Every method does nothing by default, so a reader implements only the records it needs; the journal's writer, the
 * recovery state and the report implement them all.
 */
public interface CampaignLog
{
    /**
     * A run of the campaign started (the first, or a restart on the same journal).
     *
     * @param timeMs    when.
     * @param run       1 for the first run, then 2, 3... after each restart.
     * @param campaign  the campaign name.
     * @param leadsFile the lead list file, as configured.
     * @param leads     the number of leads in the list.
     * @param closers   the number of closers.
     */
    default void campaignStarted(
        final long timeMs, final int run, final CharSequence campaign, final CharSequence leadsFile, final int leads,
        final int closers)
    {
    }

    /**
     * A lead was dialed.
     *
     * @param timeMs  when.
     * @param lead    the lead index.
     * @param callId  the call id.
     * @param attempt the attempt number, from 1.
     * @param e164    the number dialed.
     * @param why     why the dial was allowed (window, do-not-call check, attempt count).
     */
    default void dialed(
        final long timeMs, final int lead, final long callId, final int attempt, final CharSequence e164,
        final CharSequence why)
    {
    }

    /**
     * A lead was dialed, with the do-not-call list it was checked against: fields appended to the dial's record; a
     * record written before they existed comes back with {@code dncSize} -1 and {@code dncDateMs} 0. By default the
     * record goes to {@link #dialed(long, int, long, int, CharSequence, CharSequence)}.
     *
     * @param timeMs    when.
     * @param lead      the lead index.
     * @param callId    the call id.
     * @param attempt   the attempt number, from 1.
     * @param e164      the number dialed.
     * @param why       why the dial was allowed (window, do-not-call check, attempt count).
     * @param dncSize   numbers on the do-not-call list checked, -1 when unknown.
     * @param dncDateMs the date of the list's files (newest modification), epoch ms, 0 when unknown or none.
     */
    default void dialed(
        final long timeMs, final int lead, final long callId, final int attempt, final CharSequence e164,
        final CharSequence why, final long dncSize, final long dncDateMs)
    {
        dialed(timeMs, lead, callId, attempt, e164, why);
    }

    /**
     * A lead is closed without a call: it will never be dialed (do-not-call, invalid number, attempts exhausted,
     * unknown time zone).
     *
     * @param timeMs when.
     * @param lead   the lead index.
     * @param reason the reason, a {@code DialDecision.Reason} name.
     * @param detail the gate's full explanation.
     */
    default void leadClosed(final long timeMs, final int lead, final CharSequence reason, final CharSequence detail)
    {
    }

    /**
     * The lead's call was answered.
     *
     * @param timeMs when.
     * @param lead   the lead index.
     * @param callId the call id.
     */
    default void answered(final long timeMs, final int lead, final long callId)
    {
    }

    /**
     * The answering-machine detector's verdict on an answered call.
     *
     * @param timeMs     when.
     * @param lead       the lead index.
     * @param callId     the call id.
     * @param verdict    the verdict.
     * @param cause      why.
     * @param positionMs audio position of the decision, ms from the answer.
     */
    default void verdict(
        final long timeMs, final int lead, final long callId, final Verdict verdict, final Cause cause,
        final int positionMs)
    {
    }

    /**
     * A qualification answer was accepted.
     *
     * @param timeMs   when.
     * @param lead     the lead index.
     * @param callId   the call id.
     * @param question the question id.
     * @param value    the answer.
     */
    default void answer(
        final long timeMs, final int lead, final long callId, final CharSequence question, final CharSequence value)
    {
    }

    /**
     * The caller qualified and is being transferred.
     *
     * @param timeMs  when.
     * @param lead    the lead index.
     * @param callId  the call id.
     * @param skill   the skill (closer queue).
     * @param summary the summary for the closer's briefing.
     */
    default void qualified(
        final long timeMs, final int lead, final long callId, final CharSequence skill, final CharSequence summary)
    {
    }

    /**
     * One offer to one closer ended.
     *
     * @param timeMs   when.
     * @param lead     the lead index.
     * @param callId   the call id.
     * @param closerId the closer's id.
     * @param result   how it ended.
     */
    default void closerAttempt(
        final long timeMs, final int lead, final long callId, final CharSequence closerId, final CloserResult result)
    {
    }

    /**
     * A warm transfer ended.
     *
     * @param timeMs   when.
     * @param lead     the lead index.
     * @param callId   the call id.
     * @param outcome  how.
     * @param closerId the closer bridged, or empty.
     */
    default void transferEnded(
        final long timeMs, final int lead, final long callId, final TransferOutcome outcome,
        final CharSequence closerId)
    {
    }

    /**
     * The media release after a transfer's bridge is over (campaign setting {@code transfer.media: release}): caller
     * and closer send RTP to each other and the dialer's media of the pair is closed, or why the dialer's bridge
     * stays.
     *
     * @param timeMs    when.
     * @param lead      the lead index.
     * @param callId    the call id.
     * @param outcome   how.
     * @param sipStatus the refusing SIP status (408: no answer in time), 0 when none applies.
     */
    default void mediaRelease(
        final long timeMs, final int lead, final long callId, final ReleaseOutcome outcome, final int sipStatus)
    {
    }

    /**
     * A call ended with its disposition: exactly one per {@link #dialed} (unless the dialer was killed during the
     * call; recovery then records one for it).
     *
     * @param timeMs        when.
     * @param lead          the lead index.
     * @param callId        the call id.
     * @param attempt       the attempt number.
     * @param disposition   the disposition.
     * @param nextAttemptMs when the lead may be dialed again (epoch ms), or {@code Long.MAX_VALUE} for never.
     * @param detail        detail (SIP status and reason, disqualification reason, callback time...), may be empty.
     */
    default void disposition(
        final long timeMs, final int lead, final long callId, final int attempt, final Disposition disposition,
        final long nextAttemptMs, final CharSequence detail)
    {
    }

    /**
     * The proof of one answered call for the abandonment rule, written once when the lead's leg is gone (after its
     * {@link #disposition}, or after the bridge's end for a call bridged to a closer).
     *
     * @param timeMs          when.
     * @param lead            the lead index.
     * @param callId          the call id.
     * @param answeredMs      when the call was answered, epoch ms.
     * @param greetingEndMs   the end of the person's greeting (the detector's end of speech), epoch ms, 0 when the
     *                        callee was never treated as a person.
     * @param firstAudioMs    when the first audio reached the person (the script's first prompt started, or the
     *                        bridge), epoch ms, 0 when none did.
     * @param closerConnectMs when a closer was connected, epoch ms, 0 when none.
     * @param flags           {@code io.dialer.core.compliance.CallProof} flags (person, safe harbor, abandoned...).
     * @param ruleBasis       the rule the call was held to, as the campaign names it.
     * @param targetRate      the campaign's target abandonment rate then, a fraction (for the report's budget).
     */
    default void callProof(
        final long timeMs, final int lead, final long callId, final long answeredMs, final long greetingEndMs,
        final long firstAudioMs, final long closerConnectMs, final int flags, final CharSequence ruleBasis,
        final double targetRate)
    {
    }

    /**
     * The callee opted out; the number is on the do-not-call list.
     *
     * @param timeMs when.
     * @param lead   the lead index.
     * @param e164   the number.
     */
    default void optedOut(final long timeMs, final int lead, final CharSequence e164)
    {
    }

    /**
     * One measured step latency.
     *
     * @param timeMs when.
     * @param step   the step.
     * @param nanos  its duration.
     */
    default void latency(final long timeMs, final Step step, final long nanos)
    {
    }

    /**
     * The attempt of a call does not count against the lead: the call failed because of the trunk (unreachable, no
     * response, transport error), not because of the lead. Written right after the call's disposition.
     *
     * @param timeMs when.
     * @param lead   the lead index.
     * @param callId the call id.
     * @param reason why.
     */
    default void attemptRefunded(final long timeMs, final int lead, final long callId, final CharSequence reason)
    {
    }

    /**
     * An action on the campaign or the sales floor: a user's, through the control seam, or the engine's own.
     *
     * @param timeMs  when.
     * @param action  what.
     * @param subject who or what it concerns (a closer id, a number), may be empty.
     * @param detail  the reason given, or why the action was refused, may be empty.
     * @param applied false when the action was refused (the detail says why).
     */
    default void control(
        final long timeMs, final ControlAction action, final CharSequence subject, final CharSequence detail,
        final boolean applied)
    {
    }

    /**
     * The run ended before the campaign was finished (stopped by a user, by the engine, or by a time limit); leads
     * are still open. The next run on the same journal resumes them.
     *
     * @param timeMs         when.
     * @param run            the run.
     * @param reason         why.
     * @param openLeads      leads that still had attempts left.
     * @param heldByWindow   of those, leads waiting for their calling window to open.
     * @param nextDialableMs when the next lead waiting for a time would have been dialable, epoch ms;
     *                       {@code Long.MAX_VALUE} when none waited.
     */
    default void campaignStopped(
        final long timeMs, final int run, final CharSequence reason, final int openLeads, final int heldByWindow,
        final long nextDialableMs)
    {
    }

    /**
     * The run finished: every lead has a final disposition or no attempt left (not written when killed).
     *
     * @param timeMs when.
     * @param run    the run.
     */
    default void campaignFinished(final long timeMs, final int run)
    {
    }
}
