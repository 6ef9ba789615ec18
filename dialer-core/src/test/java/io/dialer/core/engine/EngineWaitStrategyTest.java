/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The engine's wait strategy: consumers wake on a publish, never miss one (the safety wait is made an hour long, so
 * a missed signal hangs the test until its timeout), time out when asked, and stop on an alert.
 */
class EngineWaitStrategyTest
{
    private static final long HOUR_MS = TimeUnit.HOURS.toMillis(1);

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldNeverMissAWakeUpInManyHandOffsBetweenTwoThreads() throws Exception
    {
        // ping-pong: each side sleeps until the other publishes; a publish that races the announcement to sleep
        // and is missed would leave both asleep for the hour-long safety wait
        final int rounds = 20_000;
        final RingBuffer<long[]> ping = RingBuffer.createSingleProducer(
            () -> new long[1], 64, new EngineWaitStrategy(0, TimeUnit.MILLISECONDS, HOUR_MS));
        final RingBuffer<long[]> pong = RingBuffer.createSingleProducer(
            () -> new long[1], 64, new EngineWaitStrategy(0, TimeUnit.MILLISECONDS, HOUR_MS));
        final SequenceBarrier pingBarrier = ping.newBarrier();
        final SequenceBarrier pongBarrier = pong.newBarrier();
        final CompletableFuture<Long> echo = CompletableFuture.supplyAsync(() ->
        {
            long sum = 0;
            try
            {
                for (long i = 0; i < rounds; i++)
                {
                    pingBarrier.waitFor(i);
                    sum += ping.get(i)[0];
                    final long seq = pong.next();
                    pong.get(seq)[0] = i;
                    pong.publish(seq);
                }
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(ex);
            }
            return sum;
        });
        long echoed = 0;
        for (long i = 0; i < rounds; i++)
        {
            final long seq = ping.next();
            ping.get(seq)[0] = i;
            ping.publish(seq);
            pongBarrier.waitFor(i);
            echoed += pong.get(i)[0];
        }
        final long expected = (long)rounds * (rounds - 1) / 2;
        assertEquals(expected, echoed);
        assertEquals(expected, echo.get(30, TimeUnit.SECONDS));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldTimeOutWhenNothingIsPublishedAndReturnOnceItIs() throws Exception
    {
        final RingBuffer<long[]> ring = RingBuffer.createMultiProducer(
            () -> new long[1], 64, new EngineWaitStrategy(1, TimeUnit.MILLISECONDS));
        final SequenceBarrier barrier = ring.newBarrier();
        assertThrows(TimeoutException.class, () -> barrier.waitFor(0));
        ring.publish(ring.next());
        assertEquals(0, barrier.waitFor(0));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldStopASleepingConsumerOnAlert() throws Exception
    {
        final RingBuffer<long[]> ring = RingBuffer.createSingleProducer(
            () -> new long[1], 64, new EngineWaitStrategy(0, TimeUnit.MILLISECONDS, HOUR_MS));
        final SequenceBarrier barrier = ring.newBarrier();
        final CompletableFuture<Throwable> waiter = CompletableFuture.supplyAsync(() ->
        {
            try
            {
                barrier.waitFor(0);
                return null;
            }
            catch (final Exception ex)
            {
                return ex;
            }
        });
        // the alert wakes it whether it is already asleep or not yet (it checks the alert before each wait)
        barrier.alert();
        assertEquals(AlertException.class, waiter.get(20, TimeUnit.SECONDS).getClass());
    }
}
