/*
 * Dialer core journal tests.
 */
package io.dialer.core.journal;

import java.util.ArrayList;
import java.util.List;

import io.dialer.core.compliance.Disposition;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.sip.ReleaseOutcome;
import io.dialer.transfer.TransferOutcome;

/**
 * Records every call as one line, every argument included, so two logs compare exactly.
 */
final class RecordingLog implements CampaignLog
{
    final List<String> records = new ArrayList<>();

    public void campaignStarted(
        final long timeMs,
        final int run,
        final CharSequence campaign,
        final CharSequence leadsFile,
        final int leads,
        final int closers)
    {
        add("campaignStarted", timeMs, run, campaign, leadsFile, leads, closers);
    }

    public void dialed(
        final long timeMs,
        final int lead,
        final long callId,
        final int attempt,
        final CharSequence e164,
        final CharSequence why)
    {
        add("dialed", timeMs, lead, callId, attempt, e164, why);
    }

    public void leadClosed(final long timeMs, final int lead, final CharSequence reason, final CharSequence detail)
    {
        add("leadClosed", timeMs, lead, reason, detail);
    }

    public void answered(final long timeMs, final int lead, final long callId)
    {
        add("answered", timeMs, lead, callId);
    }

    public void verdict(
        final long timeMs,
        final int lead,
        final long callId,
        final Verdict verdict,
        final Cause cause,
        final int positionMs)
    {
        add("verdict", timeMs, lead, callId, verdict, cause, positionMs);
    }

    public void answer(
        final long timeMs, final int lead, final long callId, final CharSequence question, final CharSequence value)
    {
        add("answer", timeMs, lead, callId, question, value);
    }

    public void qualified(
        final long timeMs, final int lead, final long callId, final CharSequence skill, final CharSequence summary)
    {
        add("qualified", timeMs, lead, callId, skill, summary);
    }

    public void closerAttempt(
        final long timeMs, final int lead, final long callId, final CharSequence closerId, final CloserResult result)
    {
        add("closerAttempt", timeMs, lead, callId, closerId, result);
    }

    public void transferEnded(
        final long timeMs,
        final int lead,
        final long callId,
        final TransferOutcome outcome,
        final CharSequence closerId)
    {
        add("transferEnded", timeMs, lead, callId, outcome, closerId);
    }

    public void mediaRelease(
        final long timeMs, final int lead, final long callId, final ReleaseOutcome outcome, final int sipStatus)
    {
        add("mediaRelease", timeMs, lead, callId, outcome, sipStatus);
    }

    public void disposition(
        final long timeMs,
        final int lead,
        final long callId,
        final int attempt,
        final Disposition disposition,
        final long nextAttemptMs,
        final CharSequence detail)
    {
        add("disposition", timeMs, lead, callId, attempt, disposition, nextAttemptMs, detail);
    }

    public void optedOut(final long timeMs, final int lead, final CharSequence e164)
    {
        add("optedOut", timeMs, lead, e164);
    }

    public void latency(final long timeMs, final Step step, final long nanos)
    {
        add("latency", timeMs, step, nanos);
    }

    public void campaignFinished(final long timeMs, final int run)
    {
        add("campaignFinished", timeMs, run);
    }

    public void attemptRefunded(final long timeMs, final int lead, final long callId, final CharSequence reason)
    {
        add("attemptRefunded", timeMs, lead, callId, reason);
    }

    public void control(
        final long timeMs, final ControlAction action, final CharSequence subject, final CharSequence detail,
        final boolean applied)
    {
        add("control", timeMs, action, subject, detail, applied);
    }

    public void campaignStopped(
        final long timeMs, final int run, final CharSequence reason, final int openLeads, final int heldByWindow,
        final long nextDialableMs)
    {
        add("campaignStopped", timeMs, run, reason, openLeads, heldByWindow, nextDialableMs);
    }

    public void callProof(
        final long timeMs, final int lead, final long callId, final long answeredMs, final long greetingEndMs,
        final long firstAudioMs, final long closerConnectMs, final int flags, final CharSequence ruleBasis,
        final double targetRate)
    {
        add("callProof", timeMs, lead, callId, answeredMs, greetingEndMs, firstAudioMs, closerConnectMs, flags,
            ruleBasis, targetRate);
    }

    private void add(final String name, final Object... args)
    {
        final StringBuilder line = new StringBuilder(name);
        for (final Object arg : args)
        {
            line.append('|');
            if (arg instanceof CharSequence)
            {
                line.append('"').append((CharSequence)arg).append('"');
            }
            else
            {
                line.append(arg);
            }
        }
        records.add(line.toString());
    }
}
