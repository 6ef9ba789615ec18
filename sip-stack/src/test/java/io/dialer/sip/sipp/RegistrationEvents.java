/*
 * Dialer SIPp interop.
 */
package io.dialer.sip.sipp;

import io.dialer.sip.RegistrationListener;
import io.dialer.sip.UnregisterCause;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RegistrationListener} that queues every event as text ({@code registered 1001 sip:...},
 * {@code unregistered 1001 EXPIRED}), so a test waits for the next one with a timeout instead of sleeping.
 */
public final class RegistrationEvents implements RegistrationListener
{
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    /**
     * {@inheritDoc}
     */
    public void onRegistered(final String extension, final String contact)
    {
        events.add("registered " + extension + " " + contact);
    }

    /**
     * {@inheritDoc}
     */
    public void onUnregistered(final String extension, final UnregisterCause cause)
    {
        events.add("unregistered " + extension + " " + cause);
    }

    /**
     * The next event.
     *
     * @param timeoutMs how long to wait.
     * @return the event.
     * @throws InterruptedException  when interrupted.
     * @throws IllegalStateException when none came in time.
     */
    public String await(final long timeoutMs) throws InterruptedException
    {
        final String event = events.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (null == event)
        {
            throw new IllegalStateException("no registration event within " + timeoutMs + " ms");
        }
        return event;
    }

    /**
     * Events not yet taken.
     *
     * @return how many.
     */
    public int pending()
    {
        return events.size();
    }
}
