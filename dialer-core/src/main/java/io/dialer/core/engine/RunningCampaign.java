/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.dialer.core.journal.Step;
import org.HdrHistogram.Histogram;

/**
 * A campaign started on a {@link DialerEngine}: what users hold to act on it (pause, resume, drain, stop), read its
 * state and counters, and wait for its end. Thread-safe: actions go through the engine's {@link EngineControl}.
 */
public final class RunningCampaign
{
    private final int id;
    private final String name;
    private final int run;
    private final Path journalDir;
    private final EngineControl control;
    private final EngineStats stats = new EngineStats();
    private final Histogram[] latencies = new Histogram[Step.values().length];
    private final LatencyBuckets[] buckets = new LatencyBuckets[Step.values().length];
    private final CountDownLatch finished = new CountDownLatch(1);

    RunningCampaign(
        final int id, final String name, final int run, final Path journalDir, final EngineControl control)
    {
        this.id = id;
        this.name = name;
        this.run = run;
        this.journalDir = journalDir;
        this.control = control;
        for (final Step step : Step.values())
        {
            latencies[step.ordinal()] = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
            buckets[step.ordinal()] = new LatencyBuckets();
        }
    }

    /**
     * @return the campaign's id in this engine (its index; not kept across restarts).
     */
    public int id()
    {
        return id;
    }

    /**
     * @return the campaign's name.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return the run number of this start on the campaign's journal (1 for a new campaign).
     */
    public int run()
    {
        return run;
    }

    /**
     * @return the campaign's journal directory.
     */
    public Path journalDir()
    {
        return journalDir;
    }

    /**
     * @return live counters, readable from any thread without waiting.
     */
    public EngineStats stats()
    {
        return stats;
    }

    /**
     * @return the campaign's state as the controller last published it; null before its first publication.
     */
    public CampaignState state()
    {
        return control.state().campaign(id);
    }

    /**
     * Stops dialing new leads until {@link #resume()}; calls in progress go on.
     *
     * @return the result.
     */
    public CompletableFuture<ControlResult> pause()
    {
        return control.campaign(EventType.PAUSE, id, null);
    }

    /**
     * Dials again after a pause, or after the engine suspended dialing (e.g. the trunk failed).
     *
     * @return the result.
     */
    public CompletableFuture<ControlResult> resume()
    {
        return control.campaign(EventType.RESUME, id, null);
    }

    /**
     * No new dials: calls in progress finish, then the run ends (finished when no lead is left open).
     *
     * @return the result.
     */
    public CompletableFuture<ControlResult> drain()
    {
        return control.campaign(EventType.DRAIN, id, null);
    }

    /**
     * Stops the campaign: no new dials, calls not answered yet are cancelled, answered calls finish; then the run
     * ends, unfinished. A later run on the same journal resumes it.
     *
     * @param reason why, for the journal and the report.
     * @return the result.
     */
    public CompletableFuture<ControlResult> stop(final String reason)
    {
        return control.campaign(EventType.STOP, id, null == reason ? "" : reason);
    }

    /**
     * Waits for the run to end: every lead has a final disposition or no attempt left, or the run was drained or
     * stopped and its calls ended.
     *
     * @param timeout how long to wait.
     * @param unit    its unit.
     * @return true when the run ended.
     * @throws InterruptedException when interrupted.
     */
    public boolean awaitFinished(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return finished.await(timeout, unit);
    }

    /**
     * @return true once the run ended.
     */
    public boolean isFinished()
    {
        return 0 == finished.getCount();
    }

    /**
     * A step's latencies in this run, as the controller recorded them; read once the run ended or the engine closed.
     *
     * @param step the step.
     * @return the histogram, nanos.
     */
    public Histogram latency(final Step step)
    {
        return latencies[step.ordinal()];
    }

    /**
     * A step's latencies in fixed buckets, readable at any time (for metrics).
     *
     * @param step the step.
     * @return the buckets.
     */
    public LatencyBuckets buckets(final Step step)
    {
        return buckets[step.ordinal()];
    }

    Histogram[] latencies()
    {
        return latencies;
    }

    LatencyBuckets[] buckets()
    {
        return buckets;
    }

    void finished()
    {
        finished.countDown();
    }

    @Override
    public String toString()
    {
        return "campaign " + id + " '" + name + "' run " + run;
    }
}
