/*
 * Dialer media.
 */
package io.dialer.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.agrona.CloseHelper;

/**
 * The engine's RTP sockets: one per even port of the range at most, opened and bound the first time a session needs
 * one and then kept, so a call costs no socket, bind, epoll registration or close. A closed session's port goes back
 * to the free queue of the agent it is registered with; a session takes a free port of its own agent first, then binds
 * a port not yet opened, then takes another agent's free port (which moves to its agent). A port is drained when it
 * is returned and again when it is taken, and its agent drops what arrives while it is free, so a previous call's
 * packets never reach the next session. Thread-safe.
 */
final class RtpPortPool
{
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
        RtpPort port = agent.freePorts.poll();
        if (null == port)
        {
            port = openPort();
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
