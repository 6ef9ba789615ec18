/*
 * Dialer core tests.
 */
package io.dialer.core;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * How much a piece of work allocates on the calling thread, for the tests that show a hot path allocates nothing.
 */
public final class Allocations
{
    private Allocations()
    {
    }

    /**
     * Runs the work once unmeasured (class loading, first compilation), then {@code rounds} times measured.
     * <p>
     * The least of the measured rounds is what the path itself allocates: a round on a loaded machine may catch a
     * one-off (the switch to compiled code once cost a test thread 1,928 bytes), while an allocation per call costs
     * every round as much.
     *
     * @param rounds how many rounds to measure, at least 1.
     * @param work   the work; what it returns is summed into {@link Result#sum()} (for the caller's checks).
     * @return the least bytes allocated by a measured round, and the sum of the measured rounds' results.
     */
    public static Result leastOf(final int rounds, final LongSupplier work)
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        work.getAsLong();
        long least = Long.MAX_VALUE;
        long sum = 0;
        for (int round = 0; round < rounds; round++)
        {
            final long before = threads.getThreadAllocatedBytes(threadId);
            sum += work.getAsLong();
            least = Math.min(least, threads.getThreadAllocatedBytes(threadId) - before);
        }
        return new Result(least, sum);
    }

    /**
     * What {@link #leastOf} measured.
     *
     * @param bytes the least bytes allocated by a measured round.
     * @param sum   the sum of the measured rounds' results.
     */
    public record Result(long bytes, long sum)
    {
    }
}
