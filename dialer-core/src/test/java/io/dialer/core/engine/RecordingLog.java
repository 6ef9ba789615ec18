/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.CloserResult;
import io.dialer.core.journal.Step;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.sip.ReleaseOutcome;
import io.dialer.transfer.TransferOutcome;

/**
 * A journal replay into plain lines, for assertions.
 */
class RecordingLog implements CampaignLog
{
    final List<String> lines = new ArrayList<>();
    final List<String> dispositions = new ArrayList<>();
    /** The next attempt time of each disposition, in the order of {@link #dispositions}. */
    final List<Long> nextAttemptsMs = new ArrayList<>();
    /** The times of each lead's dials, in journal order. */
    final Map<Integer, List<Long>> dialTimesMs = new HashMap<>();

    /**
     * The next attempt time journaled with a disposition.
     *
     * @param disposition the disposition line, as in {@link #dispositions}.
     * @return its next attempt time, epoch ms.
     */
    long nextAttemptMs(final String disposition)
    {
        final int index = dispositions.indexOf(disposition);
        if (index < 0)
        {
            throw new AssertionError("no disposition " + disposition + " in " + lines);
        }
        return nextAttemptsMs.get(index);
    }

    @Override
    public void campaignStarted(
        final long timeMs, final int run, final CharSequence campaign, final CharSequence leadsFile, final int leads,
        final int closers)
    {
        lines.add("started run=" + run + " leads=" + leads);
    }

    @Override
    public void dialed(
        final long timeMs, final int lead, final long callId, final int attempt, final CharSequence e164,
        final CharSequence why)
    {
        lines.add("dialed lead=" + lead + " attempt=" + attempt + " " + e164 + " why=" + why);
        dialTimesMs.computeIfAbsent(lead, l -> new ArrayList<>()).add(timeMs);
    }

    @Override
    public void leadClosed(final long timeMs, final int lead, final CharSequence reason, final CharSequence detail)
    {
        lines.add("closed lead=" + lead + " " + reason);
    }

    @Override
    public void answered(final long timeMs, final int lead, final long callId)
    {
        lines.add("answered lead=" + lead);
    }

    @Override
    public void verdict(
        final long timeMs, final int lead, final long callId, final Verdict verdict, final Cause cause,
        final int positionMs)
    {
        lines.add("verdict lead=" + lead + " " + verdict);
    }

    @Override
    public void answer(
        final long timeMs, final int lead, final long callId, final CharSequence question, final CharSequence value)
    {
        lines.add("answer lead=" + lead + " " + question + "=" + value);
    }

    @Override
    public void qualified(
        final long timeMs, final int lead, final long callId, final CharSequence skill, final CharSequence summary)
    {
        lines.add("qualified lead=" + lead + " " + skill);
    }

    @Override
    public void closerAttempt(
        final long timeMs, final int lead, final long callId, final CharSequence closerId, final CloserResult result)
    {
        lines.add("closer lead=" + lead + " " + closerId + " " + result);
    }

    @Override
    public void transferEnded(
        final long timeMs, final int lead, final long callId, final TransferOutcome outcome,
        final CharSequence closerId)
    {
        lines.add("transfer lead=" + lead + " " + outcome + " " + closerId);
    }

    @Override
    public void mediaRelease(
        final long timeMs, final int lead, final long callId, final ReleaseOutcome outcome, final int sipStatus)
    {
        lines.add("media lead=" + lead + " " + outcome + " " + sipStatus);
    }

    @Override
    public void disposition(
        final long timeMs, final int lead, final long callId, final int attempt, final Disposition disposition,
        final long nextAttemptMs, final CharSequence detail)
    {
        final String line = "lead=" + lead + " attempt=" + attempt + " " + disposition;
        dispositions.add(line);
        nextAttemptsMs.add(nextAttemptMs);
        lines.add("disposition " + line + " (" + detail + ")");
    }

    @Override
    public void optedOut(final long timeMs, final int lead, final CharSequence e164)
    {
        lines.add("opted out lead=" + lead + " " + e164);
    }

    @Override
    public void latency(final long timeMs, final Step step, final long nanos)
    {
    }

    @Override
    public void campaignFinished(final long timeMs, final int run)
    {
        lines.add("finished run=" + run);
    }
}
