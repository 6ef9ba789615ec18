/*
 * Dialer core: report.
 */
package io.dialer.core.report;

import io.dialer.core.compliance.AbandonmentLedger;
import io.dialer.core.compliance.AbandonmentRule;
import io.dialer.core.compliance.CallProof;
import io.dialer.core.compliance.DialDecision;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.RetryPolicy;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.CloserResult;
import io.dialer.core.journal.Step;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.sip.ReleaseOutcome;
import io.dialer.transfer.TransferOutcome;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link CampaignReport} from the journal: the journal's replay calls it once per record, in record order,
 * across every run of the campaign. It keeps counters, one state per lead and one HdrHistogram per {@link Step};
 * {@link #report()} takes an immutable snapshot at any time and the builder goes on accumulating.
 * <p>
 * Recording allocates nothing, except the campaign name on {@code campaignStarted}, a new closer or close reason the
 * first time it is seen, and the lead table or a histogram growing. Not thread-safe: one replaying thread feeds it and
 * takes the snapshots.
 */
public final class ReportBuilder implements CampaignLog
{
    /**
     * Significant digits of every latency histogram (values within 0.1%).
     */
    public static final int SIGNIFICANT_DIGITS = 3;

    /**
     * The {@code DialDecision.Reason}s that close a lead, always listed in {@link LeadSummary#closedByReason()}.
     */
    private static final DialDecision.Reason[] CLOSING_REASONS =
    {
        DialDecision.Reason.INVALID_NUMBER,
        DialDecision.Reason.DO_NOT_CALL,
        DialDecision.Reason.ATTEMPTS_EXHAUSTED,
        DialDecision.Reason.UNKNOWN_ZONE,
        DialDecision.Reason.NO_WINDOW,
    };

    private static final byte NEVER_DIALED = 0;
    private static final byte IN_CALL = 1;
    private static final byte RETRY_PENDING = 2;
    private static final byte FINAL = 3;
    private static final byte CLOSED = 4;

    private static final Disposition[] DISPOSITIONS = Disposition.values();
    private static final Verdict[] VERDICTS = Verdict.values();
    private static final Cause[] CAUSES = Cause.values();
    private static final CloserResult[] CLOSER_RESULTS = CloserResult.values();
    private static final TransferOutcome[] TRANSFER_OUTCOMES = TransferOutcome.values();
    private static final ReleaseOutcome[] RELEASE_OUTCOMES = ReleaseOutcome.values();
    private static final Step[] STEPS = Step.values();

    private String campaign = "";
    private final List<Run> runs = new ArrayList<>();
    private long finishedMs = CampaignReport.NONE;
    private CampaignReport.Stopped stopped;

    private int leadCount;
    private int highestLead = -1;
    private byte[] leadStates = new byte[0];
    private final BitSet dialedLeads = new BitSet();
    private final List<Counter> closedByReason = new ArrayList<>();

    private long attempts;
    private long calls;
    private long answered;
    private long answers;
    private long qualified;
    private long optOuts;
    private final long[] dispositions = new long[DISPOSITIONS.length];
    private final long[] verdicts = new long[VERDICTS.length];
    private final long[] causes = new long[CAUSES.length];
    private final long[] closerResults = new long[CLOSER_RESULTS.length];
    private final long[] transferOutcomes = new long[TRANSFER_OUTCOMES.length];
    private final long[] mediaReleases = new long[RELEASE_OUTCOMES.length];
    private final List<Closer> closers = new ArrayList<>();
    private final Histogram[] latencies = new Histogram[STEPS.length];
    private final AbandonmentLedger ledger = new AbandonmentLedger(AbandonmentRule.TARGET_RATE_DEFAULT);
    private long proofs;
    private String ruleBasis = "";

    /**
     * An empty report: no run, every count zero.
     */
    public ReportBuilder()
    {
        for (final DialDecision.Reason reason : CLOSING_REASONS)
        {
            closedByReason.add(new Counter(reason.name()));
        }

        for (int i = 0; i < latencies.length; i++)
        {
            latencies[i] = new Histogram(SIGNIFICANT_DIGITS);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void campaignStarted(
        final long timeMs,
        final int run,
        final CharSequence campaign,
        final CharSequence leadsFile,
        final int leads,
        final int closers)
    {
        ledger.start(timeMs);
        this.campaign = String.valueOf(campaign);
        runs.add(new Run(run, timeMs));
        stopped = null;
        leadCount = Math.max(0, leads);
        ensureLeadCapacity(leadCount);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void dialed(
        final long timeMs, final int lead, final long callId, final int attempt, final CharSequence e164,
        final CharSequence why)
    {
        attempts++;
        if (!runs.isEmpty())
        {
            runs.get(runs.size() - 1).attempts++;
        }

        if (lead >= 0)
        {
            dialedLeads.set(lead);
            setLeadState(lead, IN_CALL);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void leadClosed(final long timeMs, final int lead, final CharSequence reason, final CharSequence detail)
    {
        if (lead < 0 || leadState(lead) == CLOSED)
        {
            return;
        }

        setLeadState(lead, CLOSED);
        counter(closedByReason, reason).count++;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void answered(final long timeMs, final int lead, final long callId)
    {
        answered++;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void verdict(
        final long timeMs, final int lead, final long callId, final Verdict verdict, final Cause cause,
        final int positionMs)
    {
        if (Cause.LATE_BEEP != cause)
        {
            verdicts[verdict.ordinal()]++;
        }
        causes[cause.ordinal()]++;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void answer(
        final long timeMs, final int lead, final long callId, final CharSequence question, final CharSequence value)
    {
        answers++;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void qualified(
        final long timeMs, final int lead, final long callId, final CharSequence skill, final CharSequence summary)
    {
        qualified++;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void closerAttempt(
        final long timeMs, final int lead, final long callId, final CharSequence closerId, final CloserResult result)
    {
        closerResults[result.ordinal()]++;
        closer(closerId).results[result.ordinal()]++;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void transferEnded(
        final long timeMs, final int lead, final long callId, final TransferOutcome outcome,
        final CharSequence closerId)
    {
        transferOutcomes[outcome.ordinal()]++;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void mediaRelease(
        final long timeMs, final int lead, final long callId, final ReleaseOutcome outcome, final int sipStatus)
    {
        mediaReleases[outcome.ordinal()]++;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void disposition(
        final long timeMs, final int lead, final long callId, final int attempt, final Disposition disposition,
        final long nextAttemptMs, final CharSequence detail)
    {
        calls++;
        dispositions[disposition.ordinal()]++;
        if (lead >= 0)
        {
            setLeadState(lead, RetryPolicy.NEVER == nextAttemptMs ? FINAL : RETRY_PENDING);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void optedOut(final long timeMs, final int lead, final CharSequence e164)
    {
        optOuts++;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void latency(final long timeMs, final Step step, final long nanos)
    {
        latencies[step.ordinal()].recordValue(Math.max(0, nanos));
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void callProof(
        final long timeMs, final int lead, final long callId, final long answeredMs, final long greetingEndMs,
        final long firstAudioMs, final long closerConnectMs, final int flags, final CharSequence ruleBasis,
        final double targetRate)
    {
        proofs++;
        if (targetRate >= 0 && targetRate < 1)
        {
            ledger.targetRate(targetRate);
        }
        this.ruleBasis = ruleBasis.toString();
        CallProof.feed(ledger, answeredMs, flags);
        ledger.at(timeMs);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void campaignStopped(
        final long timeMs, final int run, final CharSequence reason, final int openLeads, final int heldByWindow,
        final long nextDialableMs)
    {
        stopped = new CampaignReport.Stopped(timeMs, reason.toString(), openLeads, heldByWindow,
            Long.MAX_VALUE == nextDialableMs ? CampaignReport.NONE : nextDialableMs);
    }

    @Override
    public void campaignFinished(final long timeMs, final int run)
    {
        ledger.at(timeMs);
        finishedMs = timeMs;
        stopped = null;
        for (int i = runs.size() - 1; i >= 0; i--)
        {
            final Run r = runs.get(i);
            if (r.run == run)
            {
                r.finishedMs = timeMs;
                break;
            }
        }
    }

    /**
     * An immutable snapshot of everything recorded so far.
     *
     * @return the report.
     */
    public CampaignReport report()
    {
        final List<RunSummary> runSummaries = new ArrayList<>(runs.size());
        for (final Run r : runs)
        {
            runSummaries.add(new RunSummary(r.run, r.startedMs, r.finishedMs, r.attempts));
        }

        final Map<Step, StepLatency> latencySummaries = new EnumMap<>(Step.class);
        for (final Step step : STEPS)
        {
            latencySummaries.put(step, latency(step, latencies[step.ordinal()]));
        }

        final List<CloserSummary> closerSummaries = new ArrayList<>(closers.size());
        for (final Closer c : closers)
        {
            final long[] r = c.results;
            final long offers = Arrays.stream(r).sum();
            final long accepted = r[CloserResult.ACCEPTED.ordinal()];
            final long rejected = r[CloserResult.REJECTED.ordinal()];
            final long noAnswer = r[CloserResult.NO_ANSWER.ordinal()];
            closerSummaries.add(new CloserSummary(
                c.id, offers, accepted, rejected, noAnswer, offers - accepted - rejected - noAnswer));
        }
        closerSummaries.sort(Comparator.comparing(CloserSummary::closerId));

        return new CampaignReport(
            campaign,
            runSummaries,
            runs.isEmpty() ? CampaignReport.NONE : runs.get(0).startedMs,
            finishedMs,
            leadSummary(),
            attempts,
            calls,
            counts(Disposition.class, DISPOSITIONS, dispositions),
            answered,
            counts(Verdict.class, VERDICTS, verdicts),
            counts(Cause.class, CAUSES, causes),
            answers,
            qualified,
            optOuts,
            counts(CloserResult.class, CLOSER_RESULTS, closerResults),
            counts(TransferOutcome.class, TRANSFER_OUTCOMES, transferOutcomes),
            counts(ReleaseOutcome.class, RELEASE_OUTCOMES, mediaReleases),
            closerSummaries,
            latencySummaries,
            stopped,
            new CampaignReport.Abandonment(proofs, ledger.humanAnswered(), ledger.abandoned(), ledger.rate(),
                ledger.targetRate(), ledger.remainingBudget(), ledger.holdDropped(), ledger.falseMachines(),
                ledger.wholeRun(), 0 == proofs ? CampaignReport.NONE : ledger.windowStartMs(), ruleBasis));
    }

    private LeadSummary leadSummary()
    {
        final int total = Math.max(leadCount, highestLead + 1);
        final int[] byState = new int[CLOSED + 1];
        for (int i = 0; i < total; i++)
        {
            byState[leadStates[i]]++;
        }

        final Map<String, Long> reasons = new LinkedHashMap<>();
        for (int i = 0; i < CLOSING_REASONS.length; i++)
        {
            reasons.put(closedByReason.get(i).name, closedByReason.get(i).count);
        }
        closedByReason.subList(CLOSING_REASONS.length, closedByReason.size()).stream()
            .sorted(Comparator.comparing((final Counter c) -> c.name))
            .forEach((c) -> reasons.put(c.name, c.count));

        return new LeadSummary(
            total,
            dialedLeads.cardinality(),
            byState[FINAL],
            byState[CLOSED],
            byState[RETRY_PENDING],
            byState[IN_CALL],
            byState[NEVER_DIALED],
            reasons);
    }

    private static StepLatency latency(final Step step, final Histogram histogram)
    {
        if (0 == histogram.getTotalCount())
        {
            return new StepLatency(step, 0, 0, 0, 0, 0, 0);
        }

        return new StepLatency(
            step,
            histogram.getTotalCount(),
            micros(histogram.getValueAtPercentile(50.0)),
            micros(histogram.getValueAtPercentile(90.0)),
            micros(histogram.getValueAtPercentile(99.0)),
            micros(histogram.getValueAtPercentile(99.9)),
            micros(histogram.getMaxValue()));
    }

    private static long micros(final long nanos)
    {
        return (nanos + 500) / 1000;
    }

    private static <E extends Enum<E>> Map<E, Long> counts(
        final Class<E> type, final E[] values, final long[] counts)
    {
        final Map<E, Long> map = new EnumMap<>(type);
        for (final E value : values)
        {
            map.put(value, counts[value.ordinal()]);
        }

        return map;
    }

    private byte leadState(final int lead)
    {
        return lead < leadStates.length ? leadStates[lead] : NEVER_DIALED;
    }

    private void setLeadState(final int lead, final byte state)
    {
        ensureLeadCapacity(lead + 1);
        leadStates[lead] = state;
        highestLead = Math.max(highestLead, lead);
    }

    private void ensureLeadCapacity(final int capacity)
    {
        if (capacity > leadStates.length)
        {
            leadStates = Arrays.copyOf(leadStates, Math.max(capacity, leadStates.length * 2));
        }
    }

    private Closer closer(final CharSequence closerId)
    {
        for (int i = 0, size = closers.size(); i < size; i++)
        {
            final Closer closer = closers.get(i);
            if (closer.id.contentEquals(closerId))
            {
                return closer;
            }
        }

        final Closer closer = new Closer(String.valueOf(closerId));
        closers.add(closer);

        return closer;
    }

    private static Counter counter(final List<Counter> counters, final CharSequence name)
    {
        for (int i = 0, size = counters.size(); i < size; i++)
        {
            final Counter counter = counters.get(i);
            if (counter.name.contentEquals(name))
            {
                return counter;
            }
        }

        final Counter counter = new Counter(String.valueOf(name));
        counters.add(counter);

        return counter;
    }

    private static final class Run
    {
        private final int run;
        private final long startedMs;
        private long finishedMs = CampaignReport.NONE;
        private long attempts;

        Run(final int run, final long startedMs)
        {
            this.run = run;
            this.startedMs = startedMs;
        }
    }

    private static final class Counter
    {
        private final String name;
        private long count;

        Counter(final String name)
        {
            this.name = name;
        }
    }

    private static final class Closer
    {
        private final String id;
        private final long[] results = new long[CLOSER_RESULTS.length];

        Closer(final String id)
        {
            this.id = id;
        }
    }
}
