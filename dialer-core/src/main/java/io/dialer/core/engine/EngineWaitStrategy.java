/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutBlockingWaitStrategy;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

/**
 * The engine's wait strategy for both rings: a consumer with nothing to do blocks (no spinning on 2 cores), and a
 * producer pays for a wake-up only when a consumer is actually asleep.
 * <ul>
 *     <li><b>Signal on demand.</b> {@link BlockingWaitStrategy} and {@link TimeoutBlockingWaitStrategy} take a monitor
 *     and {@code notifyAll} on every publish, so every SIP, media and control thread that publishes an event, and the
 *     controller for every command, pays a lock even when the consumers are busy. Here a consumer announces that it
 *     will sleep ({@code sleeping}, a full fence) and <em>checks the sequence again</em> before it waits; a
 *     publisher moves the cursor (a release) and then reads-and-clears the announcement (a full fence), so either the
 *     consumer sees the new sequence or the publisher sees the announcement and notifies — under the monitor the
 *     consumer holds until it waits, so the notify cannot come between the check and the wait. (Disruptor's own
 *     {@code LiteTimeoutBlockingWaitStrategy} announces without checking again, so a publish racing the announcement
 *     is missed until the timeout.)</li>
 *     <li><b>Dependent consumers block too.</b> A consumer gated on another consumer (the effects lanes, gated on the
 *     decision journal) waits on that one's sequence under the same protocol instead of spinning until it catches
 *     up, which cost a core's worth of spinning on 2 cores (measured by {@code benchmarks.jar pipeline} and in a
 *     profile at the campaign run's limit). The gating consumer calls {@link #signalAllWhenBlocking()} once it has
 *     moved its sequence (the decision journal does at the end of each batch).</li>
 *     <li><b>Timeout.</b> With a timeout (the event ring: the controller's periodic poll) a wait longer than it throws
 *     {@link TimeoutException}, as {@link TimeoutBlockingWaitStrategy} does. Without one, the wait still wakes every
 *     {@value #SAFETY_WAIT_MS} ms to look again: a missed signal would cost latency, never a hang.</li>
 * </ul>
 */
final class EngineWaitStrategy implements WaitStrategy
{
    static final long SAFETY_WAIT_MS = 10;

    private final Object mutex = new Object();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final long timeoutNs;
    private final long safetyWaitMs;

    /**
     * @param timeout how long a consumer waits before {@link TimeoutException}; 0 for never.
     * @param unit its unit.
     */
    EngineWaitStrategy(final long timeout, final TimeUnit unit)
    {
        this(timeout, unit, SAFETY_WAIT_MS);
    }

    /**
     * @param timeout how long a consumer waits before {@link TimeoutException}; 0 for never.
     * @param unit its unit.
     * @param safetyWaitMs without a timeout, how long a wait lasts before it looks again (tests make it long, so a
     * missed signal shows as a hang).
     */
    EngineWaitStrategy(final long timeout, final TimeUnit unit, final long safetyWaitMs)
    {
        this.timeoutNs = unit.toNanos(timeout);
        this.safetyWaitMs = safetyWaitMs;
    }

    @Override
    public long waitFor(
        final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException, InterruptedException, TimeoutException
    {
        long available = dependentSequence.get();
        if (available >= sequence)
        {
            return available;
        }
        final long deadlineNs = System.nanoTime() + timeoutNs;
        synchronized (mutex)
        {
            while (true)
            {
                sleeping.getAndSet(true); // a full fence: the reads below cannot move before it
                barrier.checkAlert(); // after the announcement too: an alert signals like a publish
                if ((available = dependentSequence.get()) >= sequence)
                {
                    return available;
                }
                if (timeoutNs > 0)
                {
                    final long remainingNs = deadlineNs - System.nanoTime();
                    if (remainingNs <= 0)
                    {
                        throw TimeoutException.INSTANCE;
                    }
                    TimeUnit.NANOSECONDS.timedWait(mutex, remainingNs);
                }
                else
                {
                    mutex.wait(safetyWaitMs);
                }
            }
        }
    }

    @Override
    public void signalAllWhenBlocking()
    {
        if (sleeping.getAndSet(false))
        {
            synchronized (mutex)
            {
                mutex.notifyAll();
            }
        }
    }
}
