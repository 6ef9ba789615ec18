/*
 * Dialer core.
 */
package io.dialer.core.engine;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

/**
 * The command ring's wait strategy: like {@link BlockingWaitStrategy}, but a consumer gated on another consumer (the
 * effects lanes, gated on the decision journal) also blocks while it waits for that one, instead of spinning until it
 * catches up, which cost the lanes a core's worth of spinning on 2 cores (measured by {@code benchmarks.jar pipeline}
 * and in a profile at the campaign run's limit). The gating consumer calls {@link #signalAllWhenBlocking()} once it
 * has moved its sequence (the decision journal does at the end of each batch). The wait is timed (1 ms), so a missed
 * signal costs latency, never a hang.
 */
final class DependentBlockingWaitStrategy implements WaitStrategy
{
    private final Object mutex = new Object();

    @Override
    public long waitFor(
        final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException, InterruptedException
    {
        long available = dependentSequence.get();
        if (available < sequence)
        {
            synchronized (mutex)
            {
                while ((available = dependentSequence.get()) < sequence)
                {
                    barrier.checkAlert();
                    mutex.wait(1);
                }
            }
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking()
    {
        synchronized (mutex)
        {
            mutex.notifyAll();
        }
    }
}
