/*
 * Dialer benchmarks: the engine's pipeline, measured in its own package (no change to dialer-core).
 */
package io.dialer.core.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.dialer.core.journal.EventVisitor;
import io.dialer.core.journal.Journal;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline benchmark measures what it claims only if both pipelines do the same work: every event reaches the
 * controller and the input journal, every command the journal and both lanes, and the journal holds them all.
 */
class BenchPipelineTest
{
    private static final int PER_PRODUCER = 2_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"engine", "queue", "blocking"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldHandEveryEventAndCommandToEveryStage(final String kind) throws Exception
    {
        final Path journalDir = dir.resolve(kind);
        final BenchPipeline pipeline = switch (kind)
        {
            case "queue" -> new QueuePipeline(journalDir, 1024);
            case "engine" -> new DisruptorPipeline(journalDir, 1024,
                new EngineWaitStrategy(1, TimeUnit.MILLISECONDS), new EngineWaitStrategy(0, TimeUnit.MILLISECONDS));
            default -> new DisruptorPipeline(journalDir, 1024,
                new com.lmax.disruptor.TimeoutBlockingWaitStrategy(1, TimeUnit.MILLISECONDS),
                new com.lmax.disruptor.BlockingWaitStrategy());
        };
        final long events = 3L * PER_PRODUCER;
        try
        {
            final List<Thread> threads = new ArrayList<>();
            int index = 0;
            for (final PipelineProducer.Kind producerKind : PipelineProducer.Kind.values())
            {
                final Thread thread = new Thread(
                    new PipelineProducer(producerKind, index++, pipeline.events(), PER_PRODUCER, 0, 0));
                thread.start();
                threads.add(thread);
            }
            for (final Thread thread : threads)
            {
                thread.join();
            }
            while (!pipeline.drained(events))
            {
                LockSupport.parkNanos(1_000_000);
            }
            // per producer: SIP 2,000 events of 5 kinds → 2 commands each on average, media 1, control 1 record
            final long commands = PER_PRODUCER / 5 * (2 + 4 + 4) + PER_PRODUCER / 4 * (2 + 2) + PER_PRODUCER;
            assertEquals(commands, pipeline.controller.published());
            assertEquals(events, pipeline.controller.handled());
            assertEquals(events, pipeline.inputJournal.handled());
            assertEquals(commands, pipeline.decisionJournal.handled());
            assertEquals(commands, pipeline.leads.handled());
            assertEquals(commands, pipeline.closers.handled());
            assertTrue(pipeline.leads.owned() > 0 && pipeline.leads.owned() < commands);
        }
        finally
        {
            pipeline.close();
        }
        final long[] journaled = new long[1];
        Journal.replayEvents(journalDir, new EventVisitor()
        {
            @Override
            public void onEvent(
                final int type, final long timeNanos, final long callId, final long a, final long b, final int c)
            {
                journaled[0]++;
            }
        });
        assertEquals(events, journaled[0]);
        final long records = PER_PRODUCER / 5 * (1 + 2 + 2) + PER_PRODUCER / 4 * 2 + PER_PRODUCER;
        assertEquals(records, pipeline.decisionJournal.records());
    }
}
