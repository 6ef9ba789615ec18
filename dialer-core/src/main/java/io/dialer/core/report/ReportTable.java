/*
 * Dialer core: report.
 */
package io.dialer.core.report;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a {@link CampaignReport} as a fixed-width plain-text summary for a terminal: no colours, one item per line,
 * labels padded to {@value #LABEL_WIDTH} columns, counts right-aligned in the next ten, times in UTC ISO-8601,
 * latencies in milliseconds ({@code -} for a step never measured), disposition percentages of the calls ended.
 */
public final class ReportTable
{
    /**
     * The width of the label column.
     */
    public static final int LABEL_WIDTH = 30;

    private static final String LINE = "%-" + LABEL_WIDTH + "s%s%n";
    private static final String NUMBER = "%-" + LABEL_WIDTH + "s%10d%n";
    private static final String COUNT = "  %-" + (LABEL_WIDTH - 2) + "s%10d%n";
    private static final String COUNT_PERCENT = "  %-" + (LABEL_WIDTH - 2) + "s%10d%10s%n";
    private static final String CLOSER_HEADER = "%-" + LABEL_WIDTH + "s%10s%10s%10s%10s%10s%n";
    private static final String CLOSER_ROW = "  %-" + (LABEL_WIDTH - 2) + "s%10d%10d%10d%10d%10d%n";
    private static final String LATENCY_HEADER = "%-" + LABEL_WIDTH + "s%10s%12s%12s%12s%12s%n";
    private static final String LATENCY_ROW = "  %-" + (LABEL_WIDTH - 2) + "s%10d%12.3f%12.3f%12.3f%12.3f%n";
    private static final String LATENCY_EMPTY_ROW = "  %-" + (LABEL_WIDTH - 2) + "s%10d%12s%12s%12s%12s%n";

    private ReportTable()
    {
    }

    /**
     * Prints the report and flushes the writer (it is not closed).
     *
     * @param report the report.
     * @param out    where to print.
     */
    public static void print(final CampaignReport report, final PrintWriter out)
    {
        printHeader(report, out);
        printLeads(report.leads(), out);

        out.println();
        out.printf(Locale.ROOT, NUMBER, "Attempts", report.attempts());
        out.printf(Locale.ROOT, NUMBER, "Calls ended", report.calls());
        out.printf(Locale.ROOT, "%-" + LABEL_WIDTH + "s%10s%10s%n", "Dispositions", "count", "% calls");
        for (final Map.Entry<?, Long> entry : report.dispositions().entrySet())
        {
            out.printf(Locale.ROOT, COUNT_PERCENT, entry.getKey(), entry.getValue(),
                percent(entry.getValue(), report.calls()));
        }

        out.println();
        out.printf(Locale.ROOT, NUMBER, "Answered", report.answered());
        counts(out, "Verdicts", report.verdicts(), false);
        counts(out, "Verdict causes (non-zero)", report.causes(), true);
        out.printf(Locale.ROOT, NUMBER, "Answers", report.answers());
        out.printf(Locale.ROOT, NUMBER, "Qualified", report.qualified());
        out.printf(Locale.ROOT, NUMBER, "Opt-outs", report.optOuts());

        out.println();
        counts(out, "Transfers", report.transfers(), false);
        if (report.mediaReleases().values().stream().anyMatch((n) -> n > 0))
        {
            counts(out, "Media after the bridge (non-zero)", report.mediaReleases(), true);
        }
        counts(out, "Closer attempts", report.closerAttempts(), false);
        out.printf(Locale.ROOT, CLOSER_HEADER, "Closers", "offers", "accepted", "rejected", "no answer", "other");
        for (final CloserSummary closer : report.closers())
        {
            out.printf(Locale.ROOT, CLOSER_ROW, closer.closerId(), closer.offers(), closer.accepted(),
                closer.rejected(), closer.noAnswer(), closer.other());
        }

        printAbandonment(report.abandonment(), out);

        out.println();
        out.printf(Locale.ROOT, LATENCY_HEADER, "Latency (ms)", "count", "p50", "p90", "p99", "max");
        for (final StepLatency latency : report.latencies().values())
        {
            if (0 == latency.count())
            {
                out.printf(Locale.ROOT, LATENCY_EMPTY_ROW, latency.step(), 0, "-", "-", "-", "-");
            }
            else
            {
                out.printf(Locale.ROOT, LATENCY_ROW, latency.step(), latency.count(), millis(latency.p50Us()),
                    millis(latency.p90Us()), millis(latency.p99Us()), millis(latency.maxUs()));
            }
        }
        out.flush();
    }

    private static void printHeader(final CampaignReport report, final PrintWriter out)
    {
        line(out, "Campaign", report.campaign());
        final CampaignReport.Stopped stopped = report.stopped();
        line(out, "Status", report.finished() ? "finished" : null == stopped ? "not finished" :
            "stopped: " + stopped.reason());
        if (null != stopped)
        {
            line(out, "Open leads", stopped.openLeads() + (stopped.heldByWindow() > 0 ?
                " (" + stopped.heldByWindow() + " waiting for their calling window)" : "") +
                (CampaignReport.NONE == stopped.nextDialableMs() ? "" :
                ", next dialable " + time(stopped.nextDialableMs())));
        }
        line(out, "Started", time(report.startedMs()));
        line(out, "Finished", time(report.finishedMs()));
        out.printf(Locale.ROOT, NUMBER, "Runs", report.runs().size());
        for (final RunSummary run : report.runs())
        {
            line(out, "  run " + run.run(), time(run.startedMs()) + " .. " + time(run.finishedMs()) + ", " +
                run.attempts() + " attempts");
        }
    }

    private static void printAbandonment(final CampaignReport.Abandonment a, final PrintWriter out)
    {
        out.println();
        line(out, "Abandonment", (a.wholeRun() ? "whole run" : "rolling 30 days") + " from " +
            time(a.windowStartMs()) + (a.ruleBasis().isEmpty() ? "" : "; " + a.ruleBasis()));
        out.printf(Locale.ROOT, COUNT, "answered by a person", a.humanAnswered());
        out.printf(Locale.ROOT, COUNT_PERCENT, "abandoned (safe harbor)", a.abandoned(),
            percent(a.abandoned(), a.humanAnswered()));
        line(out, "  target", String.format(Locale.ROOT, "%10s", String.format(Locale.ROOT, "%.1f%%",
            100 * a.targetRate())));
        out.printf(Locale.ROOT, COUNT, "remaining budget", a.budget());
        out.printf(Locale.ROOT, COUNT, "dropped on hold", a.holdAbandons());
        out.printf(Locale.ROOT, COUNT, "false machines", a.falseMachines());
    }

    private static void printLeads(final LeadSummary leads, final PrintWriter out)
    {
        out.printf(Locale.ROOT, NUMBER, "Leads", leads.total());
        out.printf(Locale.ROOT, COUNT, "dialed", leads.dialed());
        out.printf(Locale.ROOT, COUNT, "final disposition", leads.finalDisposition());
        out.printf(Locale.ROOT, COUNT, "closed", leads.closed());
        out.printf(Locale.ROOT, COUNT, "retry pending", leads.retryPending());
        out.printf(Locale.ROOT, COUNT, "in call", leads.inCall());
        out.printf(Locale.ROOT, COUNT, "never dialed", leads.neverDialed());
        out.println("Leads closed by reason");
        for (final Map.Entry<String, Long> entry : leads.closedByReason().entrySet())
        {
            out.printf(Locale.ROOT, COUNT, entry.getKey(), entry.getValue());
        }
    }

    private static void counts(
        final PrintWriter out, final String title, final Map<?, Long> counts, final boolean nonZeroOnly)
    {
        out.println(title);
        for (final Map.Entry<?, Long> entry : counts.entrySet())
        {
            if (!nonZeroOnly || 0 != entry.getValue())
            {
                out.printf(Locale.ROOT, COUNT, entry.getKey(), entry.getValue());
            }
        }
    }

    private static void line(final PrintWriter out, final String label, final String value)
    {
        out.printf(Locale.ROOT, LINE, label, value);
    }

    private static String time(final long timeMs)
    {
        return CampaignReport.NONE == timeMs ? "-" : Instant.ofEpochMilli(timeMs).toString();
    }

    private static String percent(final long count, final long total)
    {
        return 0 == total ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * count / total);
    }

    private static double millis(final long micros)
    {
        return micros / 1000.0;
    }
}
