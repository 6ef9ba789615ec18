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

import io.dialer.core.compliance.Disposition;
import io.dialer.core.engine.DialerEngine;
import io.dialer.core.engine.EngineConfig;
import io.dialer.core.engine.EngineStats;
import io.dialer.core.engine.PromptBook;
import io.dialer.core.journal.Journal;
import io.dialer.core.report.CampaignReport;
import io.dialer.core.report.ReportBuilder;
import io.dialer.core.report.ReportJson;
import io.dialer.core.report.ReportTable;
import io.dialer.sip.SipStack;

/**
 * Runs a campaign to completion with a live progress line, then prints the report table and writes the report JSON
 * (both rebuilt from the journal, so they cover every run of the campaign). Shared by {@code run} and {@code demo}.
 */
final class CampaignRunner
{
    private static final long PROGRESS_INTERVAL_MS = 1_000;
    private static final int BAR_WIDTH = 30;

    private CampaignRunner()
    {
    }

    /**
     * Runs the campaign.
     *
     * @param config     the engine's settings.
     * @param stacks     the SIP stacks.
     * @param prompts    the rendered prompts.
     * @param journalDir the journal directory (resumed when it holds a journal).
     * @param reportFile where to write the report JSON.
     * @param timeoutMs  the most the campaign may take; 0 for no limit.
     * @param out        where the progress and the table go.
     * @return the report, or null when the campaign did not finish in time.
     * @throws IOException          when the report cannot be written.
     * @throws InterruptedException when interrupted.
     */
    static CampaignReport run(
        final EngineConfig config,
        final SipStack[] stacks,
        final PromptBook prompts,
        final Path journalDir,
        final Path reportFile,
        final long timeoutMs,
        final PrintWriter out) throws IOException, InterruptedException
    {
        final boolean console = null != System.console();
        final long deadline = timeoutMs > 0 ? System.currentTimeMillis() + timeoutMs : Long.MAX_VALUE;
        boolean finished;
        try (DialerEngine engine = DialerEngine.start(config, stacks, prompts, journalDir))
        {
            out.printf("campaign run %d, journal %s%n", engine.run(), journalDir);
            out.flush();
            long lastLine = 0;
            do
            {
                finished = engine.awaitFinished(console ? 200 : PROGRESS_INTERVAL_MS, TimeUnit.MILLISECONDS);
                final long now = System.currentTimeMillis();
                if (console)
                {
                    out.print('\r' + progress(engine.stats()));
                    out.flush();
                }
                else if (now - lastLine >= 5 * PROGRESS_INTERVAL_MS || finished)
                {
                    out.println(progress(engine.stats()));
                    out.flush();
                    lastLine = now;
                }
            }
            while (!finished && System.currentTimeMillis() < deadline);
            if (console)
            {
                out.println();
            }
            if (!finished)
            {
                out.println("campaign did not finish in time: stopping new dials; the journal keeps every decision");
                engine.drain();
                engine.awaitFinished(60, TimeUnit.SECONDS);
            }
        }

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
     * @return the line.
     */
    static String progress(final EngineStats stats)
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
            .append(" waiting ").append(stats.waiting());
        return line.toString();
    }
}
