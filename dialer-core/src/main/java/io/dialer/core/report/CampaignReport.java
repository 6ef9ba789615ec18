/*
 * Dialer core: report.
 */
package io.dialer.core.report;

import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CloserResult;
import io.dialer.core.journal.Step;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.sip.ReleaseOutcome;
import io.dialer.transfer.TransferOutcome;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of the campaign report, built by {@link ReportBuilder} from the journal alone, covering every
 * run. Every enum-keyed map holds every value of its enum, zeros included, in declaration order. Field meanings,
 * units and the JSON form are documented in {@code docs/report.md}.
 *
 * @param campaign       the campaign name (the latest {@code campaignStarted}), empty when no run started.
 * @param runs           every run in journal order.
 * @param startedMs      when the first run started, epoch ms, or {@link #NONE}.
 * @param finishedMs     when the last {@code campaignFinished} was recorded, epoch ms, or {@link #NONE}.
 * @param leads          where the leads stand.
 * @param attempts       dials ({@code dialed} records), all runs.
 * @param calls          calls ended ({@code disposition} records), the denominator of disposition percentages.
 * @param dispositions   calls ended per disposition.
 * @param answered       calls answered.
 * @param verdicts       detector verdicts per verdict.
 * @param causes         detector verdicts per cause.
 * @param answers        qualification answers accepted.
 * @param qualified      callers qualified (and handed to the transfer).
 * @param optOuts        callees who opted out.
 * @param closerAttempts offers to closers per result.
 * @param transfers      warm transfers ended per outcome.
 * @param mediaReleases  media releases after the bridge per outcome ({@code transfer.media: release}).
 * @param closers        offers per closer, by closer id.
 * @param latencies      the latency of every step, in {@link Step} order.
 * @param stopped        how the latest run ended before the campaign was finished, or null when it did not stop.
 * @param abandonment    the abandonment ledger over its window at the journal's last record.
 */
public record CampaignReport(
    String campaign,
    List<RunSummary> runs,
    long startedMs,
    long finishedMs,
    LeadSummary leads,
    long attempts,
    long calls,
    Map<Disposition, Long> dispositions,
    long answered,
    Map<Verdict, Long> verdicts,
    Map<Cause, Long> causes,
    long answers,
    long qualified,
    long optOuts,
    Map<CloserResult, Long> closerAttempts,
    Map<TransferOutcome, Long> transfers,
    Map<ReleaseOutcome, Long> mediaReleases,
    List<CloserSummary> closers,
    Map<Step, StepLatency> latencies,
    Stopped stopped,
    Abandonment abandonment)
{
    /**
     * The abandonment rule's figures ({@code docs/compliance.md}), over the ledger's window (the whole run under 30
     * days, else the rolling 30 UTC days) as of the journal's last call proof.
     *
     * @param proofs        proof records (answered calls), all time.
     * @param humanAnswered calls answered by a person in the window.
     * @param abandoned     calls abandoned by the rule in the window (the safe-harbor message played).
     * @param rate          abandoned / humanAnswered, 0 when none.
     * @param targetRate    the campaign's target rate (the latest proof's).
     * @param budget        how many more abandons the window allows: floor(target x humanAnswered) - abandoned, >= 0.
     * @param holdAbandons  qualified callers dropped on hold in the window (not in the rate).
     * @param falseMachines people the detector called a machine in the window (not in the rate).
     * @param wholeRun      true while the run is shorter than the window.
     * @param windowStartMs where the window starts, epoch ms, or {@link #NONE}.
     * @param ruleBasis     the rule basis of the latest proof, empty when none.
     */
    public record Abandonment(
        long proofs, long humanAnswered, long abandoned, double rate, double targetRate, long budget,
        long holdAbandons, long falseMachines, boolean wholeRun, long windowStartMs, String ruleBasis)
    {
    }

    /**
     * The latest run stopped before the campaign was finished (drained, stopped by a user or a time limit, dialing
     * suspended): leads are still open, and a new run on the same journal resumes them.
     *
     * @param stoppedMs      when, epoch ms.
     * @param reason         why.
     * @param openLeads      leads that still had attempts left.
     * @param heldByWindow   of those, leads waiting for their calling window.
     * @param nextDialableMs when the next waiting lead would have been dialable, epoch ms, or {@link #NONE}.
     */
    public record Stopped(long stoppedMs, String reason, int openLeads, int heldByWindow, long nextDialableMs)
    {
    }

    /**
     * The schema of the JSON form, written first as {@code "schema"}.
     */
    public static final String SCHEMA = "dialer-report/1";

    /**
     * A time that was not recorded (no run started, or none finished).
     */
    public static final long NONE = -1;

    /**
     * Copies every collection, so the snapshot never changes.
     */
    public CampaignReport
    {
        runs = List.copyOf(runs);
        dispositions = Collections.unmodifiableMap(new EnumMap<>(dispositions));
        verdicts = Collections.unmodifiableMap(new EnumMap<>(verdicts));
        causes = Collections.unmodifiableMap(new EnumMap<>(causes));
        closerAttempts = Collections.unmodifiableMap(new EnumMap<>(closerAttempts));
        transfers = Collections.unmodifiableMap(new EnumMap<>(transfers));
        mediaReleases = Collections.unmodifiableMap(new EnumMap<>(mediaReleases));
        closers = List.copyOf(closers);
        latencies = Collections.unmodifiableMap(new EnumMap<>(latencies));
    }

    /**
     * Whether the campaign is finished: the latest run recorded its end.
     *
     * @return true when the latest run finished, false when it is running, was killed, or no run started.
     */
    public boolean finished()
    {
        return !runs.isEmpty() && runs.get(runs.size() - 1).finished();
    }
}
