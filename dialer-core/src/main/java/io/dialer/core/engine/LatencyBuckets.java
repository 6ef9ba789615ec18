/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A step's latencies counted in fixed buckets, for a metrics scrape (the same buckets on every server, so histograms
 * from several servers add up): written by the controller only (ordered stores, no locks, no allocation), read from
 * any thread. Cumulative counts are {@link #cumulative(int)}.
 */
public final class LatencyBuckets
{
    /** The buckets' upper bounds, seconds (the last bucket, +Inf, is implied). */
    private static final double[] BOUNDS_S = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    private static final long[] BOUNDS_NS = new long[BOUNDS_S.length];

    static
    {
        for (int i = 0; i < BOUNDS_S.length; i++)
        {
            BOUNDS_NS[i] = Math.round(BOUNDS_S[i] * 1e9);
        }
    }

    private final AtomicLongArray counts = new AtomicLongArray(BOUNDS_S.length + 2); // + the +Inf bucket, the sum

    /**
     * @return the buckets' upper bounds, seconds (a copy; +Inf not included).
     */
    public static double[] bounds()
    {
        return BOUNDS_S.clone();
    }

    /**
     * Counts one latency.
     *
     * @param nanos the latency, ns.
     */
    void record(final long nanos)
    {
        int bucket = 0;
        while (bucket < BOUNDS_NS.length && nanos > BOUNDS_NS[bucket])
        {
            bucket++;
        }
        counts.lazySet(bucket, counts.get(bucket) + 1);
        final int sum = BOUNDS_S.length + 1;
        counts.lazySet(sum, counts.get(sum) + Math.max(0, nanos));
    }

    /**
     * @param bucket a bucket, 0 to {@code bounds().length} (the last is +Inf).
     * @return the latencies at or below its bound.
     */
    public long cumulative(final int bucket)
    {
        long total = 0;
        for (int i = 0; i <= bucket; i++)
        {
            total += counts.get(i);
        }
        return total;
    }

    /**
     * @return every latency counted.
     */
    public long count()
    {
        return cumulative(BOUNDS_S.length);
    }

    /**
     * @return the sum of the latencies, seconds.
     */
    public double sumSeconds()
    {
        return counts.get(BOUNDS_S.length + 1) / 1e9;
    }
}
