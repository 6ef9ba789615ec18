/*
 * Dialer command line tests.
 */
package io.dialer.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateCommandTest
{
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new DialerMain());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void shouldPrintThePredictivePacerAndTheBaselinesOnOneSeed() throws Exception
    {
        final Path file = dir.resolve("floor.yaml");
        Files.writeString(file, "name: floor\nrun: 30m\nclosers: 5\n");

        assertEquals(0, run("simulate", file.toString(), "--seed", "3", "--sweep", "2"), err.toString());

        final String text = out.toString();
        assertTrue(text.startsWith("floor: 5 closers, 0.5 h simulated, seed 3"), text);
        for (final String pacer : new String[]{"predictive", "ratio 2.0", "ratio 3.0", "progressive 1.0",
            "ratio 1.5", "best fixed ratio within the target: ratio 2.0"})
        {
            assertTrue(text.contains("\n" + pacer), pacer + " in\n" + text);
        }
        out.getBuffer().setLength(0);
        assertEquals(0, run("simulate", file.toString(), "--seed", "3"));
        final String again = out.toString().replaceFirst("\\(\\d+ ms\\)", "");
        assertTrue(text.replaceFirst("\\(\\d+ ms\\)", "").startsWith(again), "the same seed, the same figures:\n" +
            text + "\n" + again);
    }

    @Test
    void shouldReportAnErrorWithItsPosition() throws Exception
    {
        final Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "closers: 5\nanswer_rate: lots\n");

        assertEquals(1, run("simulate", file.toString()));
        assertEquals(file + ":2:14: answer_rate must be a share from 0 to 1 (or a percentage like 25%), found 'lots'",
            err.toString().trim());
    }
}
