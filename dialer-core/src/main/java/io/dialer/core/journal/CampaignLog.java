/*
 * Dialer core.
 */
package io.dialer.core.journal;

import io.dialer.core.compliance.Disposition;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
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
    void campaignStarted(long timeMs, int run, CharSequence campaign, CharSequence leadsFile, int leads, int closers);

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
    void dialed(long timeMs, int lead, long callId, int attempt, CharSequence e164, CharSequence why);

    /**
     * A lead is closed without a call: it will never be dialed (do-not-call, invalid number, attempts exhausted,
     * unknown time zone).
     *
     * @param timeMs when.
     * @param lead   the lead index.
     * @param reason the reason, a {@code DialDecision.Reason} name.
     * @param detail the gate's full explanation.
     */
    void leadClosed(long timeMs, int lead, CharSequence reason, CharSequence detail);

    /**
     * The lead's call was answered.
     *
     * @param timeMs when.
     * @param lead   the lead index.
     * @param callId the call id.
     */
    void answered(long timeMs, int lead, long callId);

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
    void verdict(long timeMs, int lead, long callId, Verdict verdict, Cause cause, int positionMs);

    /**
     * A qualification answer was accepted.
     *
     * @param timeMs   when.
     * @param lead     the lead index.
     * @param callId   the call id.
     * @param question the question id.
     * @param value    the answer.
     */
    void answer(long timeMs, int lead, long callId, CharSequence question, CharSequence value);

    /**
     * The caller qualified and is being transferred.
     *
     * @param timeMs  when.
     * @param lead    the lead index.
     * @param callId  the call id.
     * @param skill   the skill (closer queue).
     * @param summary the summary for the closer's briefing.
     */
    void qualified(long timeMs, int lead, long callId, CharSequence skill, CharSequence summary);

    /**
     * One offer to one closer ended.
     *
     * @param timeMs   when.
     * @param lead     the lead index.
     * @param callId   the call id.
     * @param closerId the closer's id.
     * @param result   how it ended.
     */
    void closerAttempt(long timeMs, int lead, long callId, CharSequence closerId, CloserResult result);

    /**
     * A warm transfer ended.
     *
     * @param timeMs   when.
     * @param lead     the lead index.
     * @param callId   the call id.
     * @param outcome  how.
     * @param closerId the closer bridged, or empty.
     */
    void transferEnded(long timeMs, int lead, long callId, TransferOutcome outcome, CharSequence closerId);

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
    void disposition(
        long timeMs, int lead, long callId, int attempt, Disposition disposition, long nextAttemptMs,
        CharSequence detail);

    /**
     * The callee opted out; the number is on the do-not-call list.
     *
     * @param timeMs when.
     * @param lead   the lead index.
     * @param e164   the number.
     */
    void optedOut(long timeMs, int lead, CharSequence e164);

    /**
     * One measured step latency.
     *
     * @param timeMs when.
     * @param step   the step.
     * @param nanos  its duration.
     */
    void latency(long timeMs, Step step, long nanos);

    /**
     * The run finished: every lead has a final disposition or no attempt left (not written when killed).
     *
     * @param timeMs when.
     * @param run    the run.
     */
    void campaignFinished(long timeMs, int run);
}
