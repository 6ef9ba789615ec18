/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialerMainTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldListEveryWorkingCommandInHelp()
    {
        final int exitCode = run("--help");

        assertEquals(0, exitCode);
        final String help = out.toString();
        for (final String command : new String[]{"demo", "run", "report", "why", "validate", "dry-run", "amd",
            "simulate", "help"})
        {
            assertTrue(help.matches("(?s).*\\n  " + command + "\\s.*"), command + " missing from help:\n" + help);
        }
    }

    @Test
    void shouldRejectUnknownCommandWithUsageError()
    {
        final int exitCode = run("no-such-command");

        assertEquals(2, exitCode);
        assertTrue(err.toString().contains("no-such-command"), err.toString());
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void shouldRunTheDemoCampaignAndRebuildItsReportFromTheJournal(@TempDir final Path dir) throws Exception
    {
        final int exitCode = run("demo", "--leads", "10", "--closers", "4", "--ring-timeout-s", "15",
            "--dir", dir.toString());

        assertEquals(0, exitCode, out + "\n" + err);
        final String demo = out.toString();
        assertTrue(demo.contains("demo: every disposition matches the simulated population"), demo);
        assertTrue(Files.exists(dir.resolve("report.json")), "report.json written");

        final Path journal;
        try (java.util.stream.Stream<Path> campaigns = Files.list(dir.resolve("server").resolve("campaigns")))
        {
            journal = campaigns.filter(Files::isDirectory).findFirst().orElseThrow().resolve("journal");
        }
        assertTrue(demo.contains("journal " + journal), "the demo names its journal: " + demo);
        assertTrue(demo.contains("demo: console http://127.0.0.1:"), "the demo serves its console: " + demo);
        out.getBuffer().setLength(0);
        assertEquals(0, run("report", journal.toString()), err.toString());
        final String table = out.toString();
        for (final String line : new String[]{"TRANSFERRED", "MESSAGE_LEFT", "OPTED_OUT", "BUSY", "NO_ANSWER"})
        {
            assertTrue(table.contains(line), line + " missing from the report:\n" + table);
        }

        out.getBuffer().setLength(0);
        assertEquals(0, run("report", "--json", journal.toString()), err.toString());
        assertEquals(Files.readString(dir.resolve("report.json")).trim(), out.toString().trim(),
            "the report rebuilt from the journal is the one the run wrote");
    }

    @Test
    void shouldRefuseAnUnknownPacingModeForTheDemo()
    {
        assertEquals(2, run("demo", "--pacing", "psychic"));
        assertTrue(err.toString().contains("--pacing must be progressive or predictive, found 'psychic'"),
            err.toString());
    }

    @Test
    void shouldRefuseReportOfADirectoryWithoutJournal(@TempDir final Path dir)
    {
        assertEquals(2, run("report", dir.toString()));
        assertTrue(err.toString().contains("no journal records"), err.toString());
    }

    private int run(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new DialerMain());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
