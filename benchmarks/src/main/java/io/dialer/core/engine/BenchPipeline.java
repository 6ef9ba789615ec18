/*
 * Dialer benchmarks: the engine's pipeline, measured in its own package (no change to dialer-core).
 */
package io.dialer.core.engine;

import java.nio.file.Path;

import io.dialer.core.journal.Journal;
import org.HdrHistogram.Histogram;

/**
 * The engine's pipeline topology in the benchmark: an event stage (producers → the controller and the input journal
 * in parallel) and a command stage (the controller → the decision journal → the two effects lanes in parallel), with
 * the same handlers whatever carries the events ({@link DisruptorPipeline}: the engine's rings;
 * {@link QueuePipeline}: {@link java.util.concurrent.ArrayBlockingQueue}s). One journal directory, written for
 * real.
 */
abstract class BenchPipeline implements AutoCloseable
{
    private static final long HIGHEST_NANOS = 10_000_000_000L;

    final Histogram latency = new Histogram(HIGHEST_NANOS, 3);
    final Histogram sendLatency = new Histogram(HIGHEST_NANOS, 3);
    final Histogram eventAppend = new Histogram(HIGHEST_NANOS, 3);
    final Histogram decisionAppend = new Histogram(HIGHEST_NANOS, 3);
    final Journal journal;
    final Path journalDir;
    final PipelineHandlers.InputJournal inputJournal;
    final PipelineHandlers.DecisionJournal decisionJournal;
    final PipelineHandlers.EffectsLane leads = new PipelineHandlers.EffectsLane(Effects.Lane.LEADS);
    final PipelineHandlers.EffectsLane closers = new PipelineHandlers.EffectsLane(Effects.Lane.CLOSERS);
    ModelController controller;

    BenchPipeline(final Path journalDir)
    {
        this.journalDir = journalDir;
        journal = Journal.open(journalDir);
        inputJournal = new PipelineHandlers.InputJournal(journal, eventAppend);
        decisionJournal = new PipelineHandlers.DecisionJournal(journal, decisionAppend);
    }

    /**
     * @return the name in reports.
     */
    abstract String name();

    /**
     * @return where the producers publish.
     */
    abstract EventPort events();

    /**
     * Stops the consumers (after what was published is handled) and closes the journal.
     */
    abstract void stop();

    /**
     * @param events the events published in all.
     * @return true once every stage has handled all of them and every command they caused.
     */
    final boolean drained(final long events)
    {
        if (controller.handled() < events || inputJournal.handled() < events)
        {
            return false;
        }
        final long commands = controller.published();
        return decisionJournal.handled() >= commands && leads.handled() >= commands && closers.handled() >= commands;
    }

    /**
     * Times the journal appends and the controller's latency from now on.
     *
     * @param fromNanos events at or after this time are measured.
     */
    final void measureFrom(final long fromNanos)
    {
        controller.measureFrom(fromNanos);
        inputJournal.timedFrom(fromNanos);
        decisionJournal.timedFrom(fromNanos);
    }

    @Override
    public final void close()
    {
        try
        {
            stop();
        }
        finally
        {
            journal.close();
        }
    }
}
