/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongPredicate;

import org.HdrHistogram.Histogram;

/**
 * A dashboard that polls: one thread reading the live state at a steady rate while the campaign runs, alternating
 * {@code GET /api/live/state} (the whole floor, as last pushed) and {@code GET /api/campaigns/{id}/live} (one
 * campaign's numbers, from the engine's last published state). Each read is timed from the request handed to the
 * HTTP client to its whole body received, and counted when it started inside the measured window. A read that
 * starts late (the previous one took longer than the interval, or the thread was not scheduled) is counted; the
 * schedule then starts again from now rather than sending a burst.
 */
final class LiveReader implements AutoCloseable
{
    private final ApiClient client;
    private final String[] paths;
    private final Histogram[] latencies;
    private final long intervalNs;
    private final LongPredicate inWindow;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Starts reading.
     *
     * @param client     a manager or admin.
     * @param campaignId the campaign.
     * @param readsPerS  reads per second, both paths together.
     * @param inWindow   whether a moment is in the measured window.
     */
    LiveReader(final ApiClient client, final String campaignId, final double readsPerS, final LongPredicate inWindow)
    {
        this.client = client;
        this.paths = new String[]{"/api/live/state", "/api/campaigns/" + campaignId + "/live"};
        this.latencies = new Histogram[]{histogram(), histogram()};
        this.intervalNs = (long)(TimeUnit.SECONDS.toNanos(1) / readsPerS);
        this.inWindow = inWindow;
        thread = new Thread(this::run, "bench-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private static Histogram histogram()
    {
        return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    }

    private void run()
    {
        long next = System.nanoTime();
        int turn = 0;
        while (running)
        {
            final long start = System.nanoTime();
            if (start - next > intervalNs)
            {
                late.incrementAndGet();
                next = start;
            }
            final int path = turn++ & 1;
            try
            {
                final ApiClient.Answer answer = client.getNow(paths[path]);
                final long took = System.nanoTime() - start;
                if (200 != answer.status())
                {
                    failures.incrementAndGet();
                }
                else if (inWindow.test(start))
                {
                    synchronized (latencies[path])
                    {
                        latencies[path].recordValue(Math.min(took, latencies[path].getHighestTrackableValue()));
                    }
                }
            }
            catch (final RuntimeException ex)
            {
                if (!running)
                {
                    return;
                }
                failures.incrementAndGet();
            }
            next += intervalNs;
            final long wait = next - System.nanoTime();
            if (wait > 0)
            {
                LockSupport.parkNanos(wait);
            }
        }
    }

    /**
     * Prints each path's percentiles over the measured window.
     */
    void print()
    {
        System.out.printf(Locale.ROOT, "live-state reads, %.0f/s in all (alternating), request -> whole body, ms " +
            "(reads not 200: %d; started late: %d):%n", 1e9 / intervalNs, failures.get(), late.get());
        for (int i = 0; i < paths.length; i++)
        {
            synchronized (latencies[i])
            {
                LoadReport.printHistogram("GET " + (0 == i ? paths[i] : "/api/campaigns/{id}/live"), latencies[i]);
            }
        }
    }

    /**
     * Stops reading.
     */
    @Override
    public void close()
    {
        running = false;
        thread.interrupt();
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
