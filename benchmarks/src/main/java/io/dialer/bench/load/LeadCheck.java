/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.lead.LeadList;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;

/**
 * Every lead's disposition and verdict from the journal, checked against its kind; answer times for the rate.
 */
final class LeadCheck implements CampaignLog
{
    private final LeadList leads;
    private final Disposition[] dispositions;
    private final Verdict[] verdicts;
    private final int[] calls;
    private final String[] details;
    private final String[] answersGiven;
    private long[] answerMs = new long[1024];
    private int answers;
    private long lastDialMs;

    LeadCheck(final LeadList leads)
    {
        this.leads = leads;
        dispositions = new Disposition[leads.size()];
        verdicts = new Verdict[leads.size()];
        calls = new int[leads.size()];
        details = new String[leads.size()];
        answersGiven = new String[leads.size()];
    }

    int kind(final int lead)
    {
        final String e164 = leads.e164(lead);
        return e164.charAt(e164.length() - 1) - '0';
    }

    /**
     * @return {rate, seconds, answers counted, first to last answer seconds}.
     */
    double[] sustainedRate(final long warmupMs)
    {
        if (0 == answers)
        {
            return new double[4];
        }
        final long[] sorted = Arrays.copyOf(answerMs, answers);
        Arrays.sort(sorted);
        final long from = sorted[0] + warmupMs;
        final long to = Math.min(sorted[answers - 1], lastDialMs);
        long counted = 0;
        for (final long t : sorted)
        {
            if (t >= from && t <= to)
            {
                counted++;
            }
        }
        final double seconds = (to - from) / 1e3;
        return new double[]{seconds > 0 ? counted / seconds : 0, seconds, counted,
            (sorted[answers - 1] - sorted[0]) / 1e3};
    }

    boolean print()
    {
        final Map<String, Long> table = new TreeMap<>();
        long mismatched = 0;
        final List<String> examples = new ArrayList<>();
        for (int lead = 0; lead < dispositions.length; lead++)
        {
            final int kind = kind(lead);
            final boolean known = kind >= 1 && kind < LoadCampaign.KIND_NAMES.length;
            final String name = known ? LoadCampaign.KIND_NAMES[kind] : "?" + kind;
            final String detail = null == details[lead] ? "" : details[lead].replaceAll("[0-9]+", "#");
            table.merge(name + " -> " + dispositions[lead] + " (" +
                detail.substring(0, Math.min(32, detail.length())) + ") / verdict " + verdicts[lead],
                1L, Long::sum);
            final boolean verdictOk = 3 == kind ? Verdict.MACHINE == verdicts[lead] :
                Verdict.HUMAN == verdicts[lead] || Verdict.NOTSURE == verdicts[lead];
            // a decline must come from the key 2, not from the script giving up ("no valid answer")
            final boolean reasonOk = 2 != kind || detail.startsWith("declined");
            if (!known || LoadCampaign.EXPECTED[kind] != dispositions[lead] || 1 != calls[lead] || !verdictOk ||
                !reasonOk)
            {
                mismatched++;
                if (examples.size() < 8)
                {
                    examples.add(leads.e164(lead) + " " + name + " -> " + dispositions[lead] + " (" +
                        details[lead] + "), answer " + answersGiven[lead] + ", verdict " + verdicts[lead]);
                }
            }
        }
        System.out.printf(Locale.ROOT, "per kind: disposition / verdict -> leads%n");
        table.forEach((key, value) -> System.out.printf(Locale.ROOT, "  %-80s %d%n", key, value));
        System.out.printf(
            Locale.ROOT, "leads whose disposition or verdict does not match their kind: %d%n", mismatched);
        examples.forEach((line) -> System.out.println("  e.g. " + line));
        return 0 == mismatched;
    }

    @Override
    public void dialed(
        final long timeMs, final int lead, final long callId, final int attempt, final CharSequence e164,
        final CharSequence why)
    {
        lastDialMs = Math.max(lastDialMs, timeMs);
    }

    @Override
    public void answered(final long timeMs, final int lead, final long callId)
    {
        if (answers == answerMs.length)
        {
            answerMs = Arrays.copyOf(answerMs, answers * 2);
        }
        answerMs[answers++] = timeMs;
    }

    @Override
    public void verdict(
        final long timeMs, final int lead, final long callId, final Verdict verdict, final Cause cause,
        final int positionMs)
    {
        verdicts[lead] = verdict;
    }

    @Override
    public void answer(
        final long timeMs, final int lead, final long callId, final CharSequence question,
        final CharSequence value)
    {
        answersGiven[lead] = question + "=" + value;
    }

    @Override
    public void disposition(
        final long timeMs, final int lead, final long callId, final int attempt, final Disposition disposition,
        final long nextAttemptMs, final CharSequence detail)
    {
        if (lead >= 0)
        {
            dispositions[lead] = disposition;
            details[lead] = detail.toString();
            calls[lead]++;
        }
    }

}
