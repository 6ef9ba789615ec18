/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order and lock rules of a leg's event delivery, without SIP: events leave in the order they were queued, one
 * at a time, never under the lock, never nested, and an inbound leg's wait for its listener.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LegOutboxTest
{
    private final Object lock = new Object();

    @Test
    void shouldDeliverEachThreadsEventsInOrderOneAtATimeWithoutTheLock() throws InterruptedException
    {
        final int threads = 4;
        final int perThread = 2_000;
        final LegOutbox outbox = new LegOutbox(lock, CallLeg.NO_LISTENER, false);
        final int[] lastSeen = new int[threads];
        final AtomicBoolean inside = new AtomicBoolean();
        final AtomicInteger delivered = new AtomicInteger();
        final List<String> violations = new CopyOnWriteArrayList<>();
        final CountDownLatch start = new CountDownLatch(1);
        final List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++)
        {
            final int thread = t;
            producers.add(new Thread(() ->
            {
                awaitQuietly(start);
                for (int i = 1; i <= perThread; i++)
                {
                    final int sequence = i;
                    synchronized (lock)
                    {
                        outbox.add((l) ->
                        {
                            if (!inside.compareAndSet(false, true))
                            {
                                violations.add("two deliveries at once");
                            }
                            if (Thread.holdsLock(lock))
                            {
                                violations.add("delivered under the lock");
                            }
                            if (lastSeen[thread] + 1 != sequence)
                            {
                                violations.add("thread " + thread + ": " + sequence + " after " + lastSeen[thread]);
                            }
                            lastSeen[thread] = sequence;
                            delivered.incrementAndGet();
                            inside.set(false);
                        });
                    }
                    outbox.deliver();
                }
            }));
        }
        producers.forEach(Thread::start);
        start.countDown();
        for (final Thread producer : producers)
        {
            producer.join();
        }

        assertEquals(List.of(), violations);
        assertEquals(threads * perThread, delivered.get(), "every event delivered once the producers returned");
    }

    @Test
    void shouldDeliverAnEventRaisedInsideACallbackAfterTheCallbackReturns()
    {
        final LegOutbox outbox = new LegOutbox(lock, CallLeg.NO_LISTENER, false);
        final List<String> order = new ArrayList<>();
        synchronized (lock)
        {
            outbox.add((l) ->
            {
                order.add("first begins");
                synchronized (lock)
                {
                    outbox.add((l2) -> order.add("second"));
                }
                outbox.deliver();
                order.add("first returns");
            });
        }

        outbox.deliver();

        assertEquals(List.of("first begins", "first returns", "second"), order);
    }

    @Test
    void shouldHoldAnInboundLegsEventsUntilItsListenerIsKnown() throws InterruptedException
    {
        final LegOutbox outbox = new LegOutbox(lock, CallLeg.NO_LISTENER, true);
        final RecordingListener listener = new RecordingListener();
        final Thread other = new Thread(() ->
        {
            synchronized (lock)
            {
                outbox.add((l) -> l.onAnswered(null));
            }
            outbox.deliver();
        });
        other.start();
        other.join();
        assertEquals(1, listener.answered.getCount(), "held: not delivered by the other thread, nor lost");

        synchronized (lock)
        {
            outbox.listener(listener);
        }
        outbox.deliverHeld();

        assertEquals(0, listener.answered.getCount(), "delivered to the listener set before release");
        assertTrue(listener.events.contains("answered"));
    }

    @Test
    void shouldKeepDeliveringAfterAListenerThrows()
    {
        final LegOutbox outbox = new LegOutbox(lock, CallLeg.NO_LISTENER, false);
        final AtomicBoolean second = new AtomicBoolean();
        final Consumer<CallListener> throwing = (l) ->
        {
            throw new IllegalStateException("listener bug");
        };
        synchronized (lock)
        {
            outbox.add(throwing);
            outbox.add((l) -> second.set(true));
        }

        outbox.deliver();
        assertTrue(second.get());

        final AtomicBoolean third = new AtomicBoolean();
        synchronized (lock)
        {
            outbox.add((l) -> third.set(true));
        }
        outbox.deliver();
        assertTrue(third.get(), "the outbox is not left marked as delivering");
        assertFalse(Thread.holdsLock(lock));
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
