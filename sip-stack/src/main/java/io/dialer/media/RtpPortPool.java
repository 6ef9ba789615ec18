/*
 * Dialer media.
 */
package io.dialer.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.agrona.CloseHelper;

/**
 * The engine's RTP sockets: one per even port of the range at most, opened and bound the first time a session needs
 * one and then kept, so a call costs no socket, bind, epoll registration or close. A closed session's port goes back
 * to the free queue (FIFO) of the agent it is registered with. A new session takes, in this order: its agent's
 * longest-free port if that has rested {@link #REST_NS}; a port of the range not opened yet; another agent's rested
 * port (which then registers with the session's agent); any free port (the range is used up). A port is drained when
 * it is returned and again when it is taken, and its agent drops what arrives while it is free, so a previous call's
 * packets never reach the next session. Thread-safe.
 */
final class RtpPortPool
{
    /**
     * How long a returned port rests before it is lent again while ports of the range are still unopened (when the
     * range is used up, a port is lent whatever its rest).
     */
    static final long REST_NS = TimeUnit.SECONDS.toNanos(2);

    private final InetAddress bindAddress;
    private final int start;
    private final int end;
    private final int slots;
    private final AtomicIntegerArray opened;
    private final AtomicInteger nextSlot = new AtomicInteger();

    RtpPortPool(final InetAddress bindAddress, final int start, final int end)
    {
        this.bindAddress = bindAddress;
        this.start = start;
        this.end = end;
        this.slots = (end - start) / 2 + 1;
        this.opened = new AtomicIntegerArray(slots);
    }

    /**
     * Ports in the range.
     *
     * @return the count.
     */
    int slots()
    {
        return slots;
    }

    /**
     * A port for a new session on the given agent.
     *
     * @param agent  the session's agent.
     * @param agents every agent of the engine.
     * @return a bound port, no longer in any free queue.
     * @throws IOException when every port of the range is in use (or held by another process).
     */
    RtpPort borrow(final MediaAgent agent, final MediaAgent[] agents) throws IOException
    {
        final long nowNs = System.nanoTime();
        RtpPort port = pollRested(agent, nowNs);
        if (null == port)
        {
            port = openPort();
        }
        for (int i = 0; null == port && i < agents.length; i++)
        {
            port = pollRested(agents[i], nowNs);
        }
        if (null == port)
        {
            port = agent.freePorts.poll();
        }
        for (int i = 0; null == port && i < agents.length; i++)
        {
            port = agents[i].freePorts.poll();
        }
        if (null == port)
        {
            throw new IOException("no free RTP port in " + start + "-" + end);
        }
        port.drain(MediaAgent.DRAIN_LIMIT);
        return port;
    }

    /**
     * The agent's longest-free port if it has rested {@link #REST_NS}: a far end may go on sending for a while after
     * its call ended (SIPp until its call's timewait is over, a carrier's media server for as long as it takes to
     * act on the BYE), often from the one address and port it uses for every call, so a port lent again at once
     * could give the next session a stream whose SSRC the latch would take for its far end's.
     */
    private static RtpPort pollRested(final MediaAgent agent, final long nowNs)
    {
        final RtpPort head = agent.freePorts.peek();
        if (null != head && nowNs - head.freedAtNs >= REST_NS)
        {
            return agent.freePorts.poll();
        }
        return null;
    }

    private RtpPort openPort()
    {
        for (int attempt = 0; attempt < slots; attempt++)
        {
            final int slot = Math.floorMod(nextSlot.getAndIncrement(), slots);
            if (0 != opened.get(slot))
            {
                continue;
            }
            final InetSocketAddress address = new InetSocketAddress(bindAddress, start + 2 * slot);
            DatagramChannel channel = null;
            try
            {
                channel = DatagramChannel.open();
                channel.bind(address);
                channel.configureBlocking(false);
            }
            catch (final IOException ex)
            {
                CloseHelper.quietClose(channel);
                continue;
            }
            opened.set(slot, 1);
            return new RtpPort(slot, channel, address);
        }
        return null;
    }
}
