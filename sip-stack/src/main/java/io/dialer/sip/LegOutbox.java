/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The events of one leg on their way to its {@link CallListener}: decided under the leg's lock, delivered after it
 * is released.
 * <p>
 * Events are added under the lock, in the order the leg's state changed. Whoever changed it then calls
 * {@link #deliver()} without the lock: the first thread to find the outbox idle becomes its deliverer and hands the
 * events to the listener one at a time, in order, taking the lock only to take the next one. A thread that finds
 * another delivering leaves its events to that one, so a leg's events never overtake each other and never reach the
 * listener from two threads at once. A listener that calls the leg back (a hang-up from {@code onAnswered}) gets
 * the events that call raises after its callback returns, never nested inside it.
 * <p>
 * An inbound leg's events wait until its handler has returned the listener: its outbox is born held by the offering
 * thread, which calls the handler, sets the listener and delivers with {@link #deliverHeld()}.
 */
final class LegOutbox
{
    private static final Logger LOGGER = LoggerFactory.getLogger(LegOutbox.class);

    private final Object lock;
    private final ArrayDeque<Consumer<CallListener>> events = new ArrayDeque<>(4);
    private CallListener listener;
    private boolean delivering;

    /**
     * An outbox for one leg.
     *
     * @param lock     the leg's lock.
     * @param listener where events go.
     * @param held     true when the creating thread is to deliver, with {@link #deliverHeld()} (an inbound leg
     *                 waiting for its handler's listener).
     */
    LegOutbox(final Object lock, final CallListener listener, final boolean held)
    {
        this.lock = lock;
        this.listener = listener;
        this.delivering = held;
    }

    /**
     * Queues an event; under the leg's lock.
     *
     * @param event the call on the listener.
     */
    void add(final Consumer<CallListener> event)
    {
        assert Thread.holdsLock(lock) : "events are decided under the leg's lock";
        events.add(event);
    }

    /**
     * Sets the listener events are delivered to from now on; under the leg's lock.
     *
     * @param listener the listener.
     */
    void listener(final CallListener listener)
    {
        assert Thread.holdsLock(lock);
        this.listener = listener;
    }

    /**
     * Delivers the queued events unless another thread is delivering them (this one's events then go with them).
     * Never under the leg's lock.
     */
    void deliver()
    {
        assert !Thread.holdsLock(lock) : "a listener is never called under the leg's lock";
        synchronized (lock)
        {
            if (delivering || events.isEmpty())
            {
                return;
            }
            delivering = true;
        }
        deliverHeld();
    }

    /**
     * Delivers the queued events, and those added meanwhile, by the thread that holds the outbox (the one that
     * created it held, or {@link #deliver()}); releases it when none is left. Never under the leg's lock.
     */
    void deliverHeld()
    {
        assert !Thread.holdsLock(lock) : "a listener is never called under the leg's lock";
        boolean released = false;
        try
        {
            while (true)
            {
                final Consumer<CallListener> event;
                final CallListener target;
                synchronized (lock)
                {
                    event = events.poll();
                    if (null == event)
                    {
                        delivering = false;
                        released = true;
                        return;
                    }
                    target = listener;
                }
                try
                {
                    event.accept(target);
                }
                catch (final RuntimeException ex)
                {
                    LOGGER.warn("call listener threw", ex);
                }
            }
        }
        finally
        {
            if (!released)
            {
                synchronized (lock)
                {
                    delivering = false;
                }
            }
        }
    }
}
