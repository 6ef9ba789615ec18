/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
        for (final String command : new String[]{"demo", "validate", "dry-run", "amd", "help"})
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
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldRunTheDemoWithEveryOutcomeAsExpected()
    {
        final int exitCode = run("demo", "--no-tts");

        assertEquals(0, exitCode, out + "\n" + err);
        final String report = out.toString();
        for (final String outcome : new String[]{"BUSY", "NO_ANSWER", "UNAVAILABLE"})
        {
            assertTrue(report.contains(outcome), outcome + " missing from the demo output:\n" + report);
        }
    }

    private int run(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new DialerMain());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
