/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import io.dialer.media.MediaEngine;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Contexts for loopback tests: ephemeral ports, few threads.
 */
final class SipTests
{
    static final String LOOPBACK = InetAddress.getLoopbackAddress().getHostAddress();

    private static final AtomicInteger NUMBERS = new AtomicInteger(1000);

    private SipTests()
    {
    }

    /**
     * A dialer stack without RTP (signalling tests).
     *
     * @param media the fake media to use.
     * @return the context.
     */
    static SipStack.Context signallingContext(final FakeMediaProvider media)
    {
        return new SipStack.Context()
            .bindAddress(InetAddress.getLoopbackAddress())
            .port(0)
            .threadPoolSize(2)
            .allowedPeer(LOOPBACK)
            .mediaProvider(media);
    }

    /**
     * A stack with the real media engine.
     *
     * @return the context.
     */
    static SipStack.Context mediaContext()
    {
        return new SipStack.Context()
            .bindAddress(InetAddress.getLoopbackAddress())
            .port(0)
            .threadPoolSize(2)
            .allowedPeer(LOOPBACK)
            .mediaContext(new MediaEngine.Context().bindAddress(InetAddress.getLoopbackAddress()));
    }

    /**
     * A phone number (Request-URI user) no other test of this JVM uses.
     *
     * @return the number.
     */
    static String number()
    {
        return Integer.toString(NUMBERS.incrementAndGet());
    }

    /**
     * Waits for a condition, checking every few milliseconds, up to a hard timeout.
     *
     * @param condition what to wait for.
     * @param timeoutMs how long to wait at most.
     * @return true when it held before the timeout.
     */
    static boolean await(final BooleanSupplier condition, final long timeoutMs)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return true;
    }

    /**
     * Closes stacks and carriers in order, skipping those that never started.
     *
     * @param closeables what to close; null entries are skipped.
     */
    static void closeAll(final AutoCloseable... closeables)
    {
        IllegalStateException failure = null;
        for (final AutoCloseable closeable : closeables)
        {
            try
            {
                if (null != closeable)
                {
                    closeable.close();
                }
            }
            catch (final Exception ex)
            {
                if (null == failure)
                {
                    failure = new IllegalStateException("close failed: " + closeable, ex);
                }
            }
        }
        if (null != failure)
        {
            throw failure;
        }
    }
}
