/*
 * Dialer benchmarks: the engine's pipeline, measured in its own package (no change to dialer-core).
 */
package io.dialer.core.engine;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

/**
 * A candidate for the engine's command ring, measured by the pipeline benchmark: like {@link BlockingWaitStrategy}
 * but it also blocks (instead of spinning) while a consumer waits for the consumer it is gated on, which must then
 * call {@link #signalAllWhenBlocking()} once it has moved its sequence (the benchmark's decision journal does at the
 * end of each batch, through the sequence callback). The wait is timed (1 ms) so a gating consumer that does not
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
