/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.dialer.core.journal.Journal;
import io.dialer.core.report.CampaignReport;
import io.dialer.core.report.ReportBuilder;
import io.dialer.core.report.ReportJson;
import io.dialer.core.report.ReportTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dialer report JOURNAL}: rebuilds a campaign's report from its journal alone.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
        "Rebuilds the report of a campaign from its journal directory (every run, restarts included):",
        "a readable table, or the JSON report with --json (format: docs/report.md).",
        "Exit code 0, or 2 when the directory holds no journal."
    })
public final class ReportCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "JOURNAL", description = "The journal directory of a campaign run.")
    private Path journal;

    @Option(names = "--json", description = "Print the JSON report instead of the table.")
    private boolean json;

    /**
     * Prints the report.
     *
     * @return the exit code.
     * @throws Exception when the report cannot be written.
     */
    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(journal))
        {
            err.println("report: " + journal + ": no such journal directory");
            err.flush();
            return 2;
        }
        final ReportBuilder builder = new ReportBuilder();
        if (0 == Journal.replay(journal, builder))
        {
            err.println("report: " + journal + ": no journal records in this directory");
            err.flush();
            return 2;
        }
        final CampaignReport report = builder.report();
        if (json)
        {
            ReportJson.write(report, out);
            out.println();
        }
        else
        {
            ReportTable.print(report, out);
        }
        out.flush();
        return 0;
    }
}
