/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.dialer.core.compliance.Disposition;
import io.dialer.core.engine.DialerEngine;
import io.dialer.core.engine.EngineContext;
import io.dialer.core.engine.EngineStats;
import io.dialer.core.engine.CampaignState;
import io.dialer.core.engine.RunningCampaign;
import io.dialer.core.journal.Journal;
import io.dialer.core.report.CampaignReport;
import io.dialer.core.report.ReportBuilder;
import io.dialer.core.report.ReportJson;
import io.dialer.core.report.ReportTable;

/**
 * Runs a campaign to completion with a live progress line, then prints the report table and writes the report JSON
 * (both rebuilt from the journal, so they cover every run of the campaign). Shared by {@code run} and {@code demo}.
 */
final class CampaignRunner
{
    private static final long PROGRESS_INTERVAL_MS = 1_000;
    private static final int BAR_WIDTH = 30;
    private static final CampaignState EMPTY = new CampaignState(0, "", 0, CampaignState.Status.RUNNING, "", 0, 0, 0,
        0, 0, Long.MAX_VALUE, 0, 0, java.util.Map.of(), 0, 0, 0, java.util.Map.of(), 0, "", java.util.Map.of(),
        java.util.List.of(), 0, 0, 0, 0, 0, 0, null);

    private CampaignRunner()
    {
    }

    /**
     * Runs the campaign: a progress line, trunk problems on {@code err} as they happen; when the engine suspends
     * dialing (the trunk kept failing) or the time limit passes, the run is stopped and says why.
     *
     * @param ctx        the engine's settings, with the stacks, the journal directory and one campaign (resumed when
     *                   its journal directory holds a journal).
     * @param reportFile where to write the report JSON.
     * @param timeoutMs  the most the campaign may take; 0 for no limit.
     * @param out        where the progress and the table go.
     * @param err        where problems go.
     * @return the report, or null when the campaign did not finish (time limit, dialing suspended).
     * @throws IOException          when the report cannot be written.
     * @throws InterruptedException when interrupted.
     */
    static CampaignReport run(
        final EngineContext ctx, final Path reportFile, final long timeoutMs, final PrintWriter out,
        final PrintWriter err) throws IOException, InterruptedException
    {
        final Path journalDir = ctx.campaigns().get(0).journalDir();
        final boolean finished;
        try (DialerEngine engine = DialerEngine.start(ctx))
        {
            finished = watch(engine.campaigns().get(0), () -> ctx.clock().time(), timeoutMs, out, err);
        }
        return finish(finished, journalDir, reportFile, out);
    }

    /**
     * Follows a running campaign to its end: a progress line, trunk problems on {@code err} as they happen; when the
     * engine suspends dialing (the trunk kept failing) or the time limit passes, the run is stopped and says why.
     *
     * @param campaign  the campaign.
     * @param clock     the engine's clock, for the progress line.
     * @param timeoutMs the most the campaign may take; 0 for no limit.
     * @param out       where the progress goes.
     * @param err       where problems go.
     * @return true when the campaign finished, false when it was stopped.
     * @throws InterruptedException when interrupted.
     */
    static boolean watch(
        final RunningCampaign campaign, final LongSupplier clock, final long timeoutMs, final PrintWriter out,
        final PrintWriter err) throws InterruptedException
    {
        final boolean console = null != System.console();
        final long deadline = timeoutMs > 0 ? System.currentTimeMillis() + timeoutMs : Long.MAX_VALUE;
        boolean finished;
        String stopped = null;
        out.printf("campaign run %d, journal %s%n", campaign.run(), campaign.journalDir());
        out.flush();
        long lastLine = 0;
        String lastTrunkProblem = "";
        do
        {
            finished = campaign.awaitFinished(console ? 200 : PROGRESS_INTERVAL_MS, TimeUnit.MILLISECONDS);
            final long now = System.currentTimeMillis();
            final CampaignState state = null == campaign.state() ? EMPTY : campaign.state();
            if (!state.trunkProblem().isEmpty() && !state.trunkProblem().equals(lastTrunkProblem))
            {
                lastTrunkProblem = state.trunkProblem();
                err.println((console ? "\n" : "") + "trunk failure: " + lastTrunkProblem +
                    " (the lead keeps its attempt)");
                err.flush();
            }
            if (console)
            {
                out.print('\r' + progress(campaign.stats(), clock.getAsLong()));
                out.flush();
            }
            else if (now - lastLine >= 5 * PROGRESS_INTERVAL_MS || finished)
            {
                out.println(progress(campaign.stats(), clock.getAsLong()));
                out.flush();
                lastLine = now;
            }
            if (CampaignState.Status.SUSPENDED == state.status() && null == stopped)
            {
                stopped = "dialing suspended: " + state.reason();
            }
            else if (now >= deadline && null == stopped)
            {
                stopped = "the time limit passed";
            }
            if (null != stopped && !finished)
            {
                break;
            }
        }
        while (!finished);
        if (console)
        {
            out.println();
        }
        if (!finished)
        {
            err.println("campaign stopped: " + stopped + "; calls in progress finish, the journal keeps every " +
                "decision, and running the same command again resumes the campaign");
            err.flush();
            campaign.stop(stopped);
            campaign.awaitFinished(60, TimeUnit.SECONDS);
        }
        return finished;
    }

    /**
     * The report of a campaign's journal: printed as a table and written as JSON.
     *
     * @param finished   whether the campaign finished.
     * @param journalDir its journal.
     * @param reportFile where to write the JSON.
     * @param out        where the table goes.
     * @return the report, or null when the campaign did not finish.
     * @throws IOException when the report cannot be written.
     */
    static CampaignReport finish(
        final boolean finished, final Path journalDir, final Path reportFile, final PrintWriter out) throws IOException
    {
        final CampaignReport report = report(journalDir);
        ReportTable.print(report, out);
        try (Writer writer = Files.newBufferedWriter(reportFile, StandardCharsets.UTF_8))
        {
            ReportJson.write(report, writer);
        }
        out.println("report: " + reportFile);
        out.flush();
        return finished ? report : null;
    }

    /**
     * The report of a journal.
     *
     * @param journalDir the journal directory.
     * @return the report of every run in it.
     */
    static CampaignReport report(final Path journalDir)
    {
        final ReportBuilder builder = new ReportBuilder();
        Journal.replay(journalDir, builder);
        return builder.report();
    }

    /**
     * One progress line: a bar of leads done, then live counters.
     *
     * @param stats the engine's counters.
     * @param nowMs the campaign clock's time.
     * @return the line.
     */
    static String progress(final EngineStats stats, final long nowMs)
    {
        final long leads = Math.max(1, stats.leads());
        final long done = stats.leadsDone();
        final int filled = (int)(BAR_WIDTH * done / leads);
        final StringBuilder line = new StringBuilder(160);
        line.append('[');
        for (int i = 0; i < BAR_WIDTH; i++)
        {
            line.append(i < filled ? '#' : '.');
        }
        line.append("] ").append(done).append('/').append(stats.leads()).append(" leads done")
            .append(" | dialed ").append(stats.dialed())
            .append(" live ").append(stats.live())
            .append(" qualified ").append(stats.qualified())
            .append(" transferred ").append(stats.count(Disposition.TRANSFERRED))
            .append(" voicemail ").append(stats.count(Disposition.MESSAGE_LEFT) + stats.count(Disposition.MACHINE))
            .append(" busy ").append(stats.count(Disposition.BUSY))
            .append(" no-answer ").append(stats.count(Disposition.NO_ANSWER))
            .append(" on hold ").append(stats.waiting());
        if (stats.leadsWaiting() > 0)
        {
            line.append(" | waiting for their time ").append(stats.leadsWaiting());
            if (stats.heldByWindow() > 0)
            {
                line.append(" (").append(stats.heldByWindow()).append(" by the calling window)");
            }
            if (stats.nextDueMs() != Long.MAX_VALUE)
            {
                line.append(", next ").append(nextDue(stats.nextDueMs(), nowMs));
            }
        }
        return line.toString();
    }

    /**
     * When the next waiting lead becomes dialable: "in 42 s", "in 3 h 5 min", or the UTC time when a day or more away.
     */
    static String nextDue(final long dueMs, final long nowMs)
    {
        final long inMs = Math.max(0, dueMs - nowMs);
        if (inMs < 60_000)
        {
            return "in " + (inMs + 999) / 1_000 + " s";
        }
        if (inMs < 3_600_000)
        {
            return "in " + inMs / 60_000 + " min";
        }
        if (inMs < 86_400_000)
        {
            return "in " + inMs / 3_600_000 + " h " + inMs % 3_600_000 / 60_000 + " min";
        }
        return "at " + java.time.Instant.ofEpochMilli(dueMs).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }
}
