/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One stack's limits on what the network may cost it, and the counters of what they stopped: datagrams the
 * {@link SipScreen} answered or dropped, TCP connections refused or closed. JAIN-SIP creates the sockets and message
 * processors by reflection, so they find their stack's guard by stack name here.
 */
final class StackGuard
{
    private static final Map<String, StackGuard> BY_STACK = new ConcurrentHashMap<>();
    private static final int STATUSES = 700;

    final int maxTcpConnections;
    final int maxTcpConnectionsPerSource;
    final int maxHeaderBytes;
    final int maxContentLength;

    private final AtomicLongArray answered = new AtomicLongArray(STATUSES);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong tcpRefused = new AtomicLong();
    private final AtomicLong tcpClosedOversize = new AtomicLong();

    StackGuard(
        final int maxTcpConnections,
        final int maxTcpConnectionsPerSource,
        final int maxHeaderBytes,
        final int maxContentLength)
    {
        this.maxTcpConnections = maxTcpConnections;
        this.maxTcpConnectionsPerSource = maxTcpConnectionsPerSource;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxContentLength = maxContentLength;
    }

    static void register(final String stackName, final StackGuard guard)
    {
        BY_STACK.put(stackName, guard);
    }

    static void unregister(final String stackName)
    {
        BY_STACK.remove(stackName);
    }

    /**
     * The guard of a stack, or a permissive one with default limits when the stack registered none (a JAIN-SIP stack
     * not started by {@link SipStack}).
     */
    static StackGuard of(final String stackName)
    {
        final StackGuard guard = null == stackName ? null : BY_STACK.get(stackName);
        return null != guard ? guard : new StackGuard(
            SipStack.Context.MAX_TCP_CONNECTIONS_DEFAULT, SipStack.Context.MAX_TCP_CONNECTIONS_PER_SOURCE_DEFAULT,
            SipStack.Context.MAX_HEADER_BYTES_DEFAULT, SipStack.Context.MAX_MESSAGE_SIZE_DEFAULT);
    }

    void onAnswered(final int status)
    {
        if (status > 0 && status < STATUSES)
        {
            answered.incrementAndGet(status);
        }
    }

    void onDropped()
    {
        dropped.incrementAndGet();
    }

    void onTcpRefused()
    {
        tcpRefused.incrementAndGet();
    }

    void onTcpOversize()
    {
        tcpClosedOversize.incrementAndGet();
    }

    long answered(final int status)
    {
        return answered.get(status);
    }

    long dropped()
    {
        return dropped.get();
    }

    long tcpRefused()
    {
        return tcpRefused.get();
    }

    long tcpClosedOversize()
    {
        return tcpClosedOversize.get();
    }
}
