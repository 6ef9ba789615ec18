/*
 * Dialer core journal tests.
 */
package io.dialer.core.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.dialer.core.compliance.Disposition;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real SIGKILL: a child JVM appends records, then dies in the middle of the next one while holding the queue's
 * write lock. The restarted journal must open, append and replay everything completed, quickly.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalKillTest
{
    private static final String READY = "ready";

    @TempDir
    Path dir;

    @Test
    void shouldRecoverAfterTheWriterIsKilledInTheMiddleOfARecord() throws Exception
    {
        final Process child = startChild();
        try
        {
            final BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            final String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
            assertEquals(READY, line);
        }
        finally
        {
            child.destroyForcibly();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        final RecordingLog beforeRestart = new RecordingLog();
        assertEquals(4, Journal.replay(dir, beforeRestart), "the unfinished record is not replayed");

        final long startNs = System.nanoTime();
        try (Journal journal = Journal.open(dir))
        {
            journal.decisions().campaignStarted(2000, 2, "c", "leads.csv", 3, 1);
        }
        final long restartMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);

        final RecordingLog replayed = new RecordingLog();
        final RecoveryState state = new RecoveryState();
        Journal.replay(dir, state);
        assertEquals(5, Journal.replay(dir, replayed));
        assertEquals(List.of(
            "campaignStarted|1000|1|\"c\"|\"leads.csv\"|3|1",
            "dialed|1001|0|1|1|\"+13105550100\"|\"ok\"",
            "dialed|1002|1|2|1|\"+13105550101\"|\"ok\"",
            "disposition|1003|0|1|1|BUSY|2000|\"486\"",
            "campaignStarted|2000|2|\"c\"|\"leads.csv\"|3|1"), replayed.records);
        assertEquals(beforeRestart.records, replayed.records.subList(0, 4));
        assertEquals(1, state.inFlight().length);
        assertEquals(2, state.inFlightCallId(1));
        assertTrue(restartMs < 5_000, "restart took " + restartMs + " ms");
    }

    /**
     * The child: writes a run's first records through the journal, then starts one more document and never
     * finishes it, says it is ready and waits to be killed.
     *
     * @param args the journal directory.
     * @throws IOException never in practice.
     */
    public static void main(final String[] args) throws IOException
    {
        final Path dir = Path.of(args[0]);
        final Journal journal = Journal.open(dir);
        final CampaignLog log = journal.decisions();
        log.campaignStarted(1000, 1, "c", "leads.csv", 3, 1);
        log.dialed(1001, 0, 1, 1, "+13105550100", "ok");
        log.dialed(1002, 1, 2, 1, "+13105550101", "ok");
        log.disposition(1003, 0, 1, 1, Disposition.BUSY, 2000, "486");

        final SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir.resolve(Journal.DECISIONS))
            .rollCycle(Journal.ROLL_CYCLE).build();
        final ExcerptAppender appender = queue.createAppender();
        final DocumentContext unfinished = appender.writingDocument();
        unfinished.wire().bytes().writeByte(JournalCodec.DISPOSITION).writeLong(1004).writeInt(1);

        System.out.println(READY);
        System.out.flush();
        while (System.in.read() >= 0)
        {
            Thread.onSpinWait();
        }
    }

    private Process startChild() throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-") || arg.startsWith("-D") || arg.startsWith("-Xmx"))
            {
                command.add(arg);
            }
        }
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(JournalKillTest.class.getName());
        command.add(dir.toString());

        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String readLine(final BufferedReader reader)
    {
        try
        {
            return reader.readLine();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
