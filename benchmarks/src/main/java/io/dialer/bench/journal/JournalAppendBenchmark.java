/*
 * Dialer benchmarks.
 */
package io.dialer.bench.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.Journal;
import io.dialer.core.journal.JournalCodec;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One journal append as the engine's journal threads do it, alone on one thread (Chronicle Queue through
 * {@link Journal}): an input event ({@link Journal#appendEvent}, 40 bytes), a ring batch of them in one document, and
 * decision records already encoded by
 * {@link JournalCodec.Encoder} on the controller's thread ({@link Journal#appendDecision}: a disposition, a verdict).
 * Sample mode gives the percentiles (p50, p99, p99.9) of single appends. The pipeline benchmark
 * ({@code io.dialer.core.engine.PipelineRun}) times the same appends inside the running pipeline.
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JournalAppendBenchmark -f 1 -wi 2 -i 3 -w 2 -r 3
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class JournalAppendBenchmark
{
    private static final int BATCH = 16;

    private final ExpandableArrayBuffer disposition = new ExpandableArrayBuffer(256);
    private final ExpandableArrayBuffer verdict = new ExpandableArrayBuffer(256);
    private int dispositionLength;
    private int verdictLength;
    private Path dir;
    private Journal journal;
    private long sequence;

    /**
     * Opens a journal in a fresh directory and encodes the records once.
     *
     * @throws IOException when the directory cannot be made.
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        System.setProperty("chronicle.analytics.disable", "true");
        dir = Files.createTempDirectory("journal-bench-");
        journal = Journal.open(dir);
        dispositionLength = encode(disposition, true);
        verdictLength = encode(verdict, false);
    }

    /**
     * Closes the journal and deletes its directory.
     *
     * @throws IOException when it cannot be deleted.
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        journal.close();
        try (Stream<Path> paths = Files.walk(dir))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * An input event, as the engine's input journal appends each event of the controller's ring.
     */
    @Benchmark
    public void appendEvent()
    {
        final long n = sequence++;
        journal.appendEvent(3, System.nanoTime(), n, 0, 486, 0);
    }

    /**
     * A ring batch of 16 input events written as one document, as the engine's input journal does now
     * ({@link Journal#bufferEvent} each, {@link Journal#flushEvents} at the end of the batch); the time is per event.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void appendEventBatchOf16()
    {
        for (int i = 0; i < BATCH; i++)
        {
            final long n = sequence++;
            journal.bufferEvent(3, System.nanoTime(), n, 0, 486, 0);
        }
        journal.flushEvents();
    }

    /**
     * A disposition record (a call's outcome), encoded beforehand as the controller does.
     */
    @Benchmark
    public void appendDisposition()
    {
        journal.appendDecision(disposition, dispositionLength);
    }

    /**
     * A verdict record (answering-machine detection), encoded beforehand as the controller does.
     */
    @Benchmark
    public void appendVerdict()
    {
        journal.appendDecision(verdict, verdictLength);
    }

    private static int encode(final ExpandableArrayBuffer target, final boolean disposition)
    {
        final int[] length = new int[1];
        final JournalCodec.Encoder encoder = new JournalCodec.Encoder(new JournalCodec.RecordSink()
        {
            @Override
            public MutableDirectBuffer claim()
            {
                return target;
            }

            @Override
            public void commit(final int recordLength)
            {
                length[0] = recordLength;
            }
        });
        if (disposition)
        {
            encoder.disposition(1_765_000_000_000L, 1234, 42L, 1, Disposition.HUNG_UP, 0, "");
        }
        else
        {
            encoder.verdict(1_765_000_000_000L, 1234, 42L, Verdict.HUMAN, Cause.SHORT_GREETING, 1_200);
        }
        return length[0];
    }
}
