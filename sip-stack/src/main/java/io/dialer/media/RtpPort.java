/*
 * Dialer media.
 */
package io.dialer.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;

/**
 * One RTP socket of the pool ({@link RtpPortPool}): bound once, kept open and registered with a media agent's
 * selector, lent to one session at a time. Between sessions its key has no attachment, so whatever arrives then is
 * read and dropped.
 */
final class RtpPort
{
    final int slot;
    final DatagramChannel channel;
    final InetSocketAddress localAddress;

    /**
     * The key of the selector of the agent that last registered it; written by that agent's thread, handed to the
     * next through the free queues (which order the write before the read).
     */
    SelectionKey key;

    /** When it went back to a free queue ({@link System#nanoTime()}); written before the queue's offer. */
    long freedAtNs;

    /** One byte: a datagram received into it is read whole and the rest of it discarded. */
    private final ByteBuffer drainBuffer = ByteBuffer.allocate(1);

    RtpPort(final int slot, final DatagramChannel channel, final InetSocketAddress localAddress)
    {
        this.slot = slot;
        this.channel = channel;
        this.localAddress = localAddress;
    }

    /**
     * Discards what is queued on the socket: called by the thread that takes the port from a free queue, so what a
     * previous far end sent before the port was lent again never reaches the new session (what comes after is the
     * new far end's, which learns the port from the new session's SDP).
     *
     * @param limit datagrams at most.
     */
    void drain(final int limit)
    {
        try
        {
            for (int i = 0; i < limit; i++)
            {
                drainBuffer.clear();
                if (null == channel.receive(drainBuffer))
                {
                    return;
                }
            }
        }
        catch (final IOException ignore)
        {
            // a closed or broken socket: the session finds out when it uses it
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return "RtpPort{" + localAddress + "}";
    }
}
