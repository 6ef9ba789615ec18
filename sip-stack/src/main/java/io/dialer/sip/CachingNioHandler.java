/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.javax.sip.stack.NIOHandler;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * JAIN-SIP 1.3.0-91's NIO connection cache with its outbound connect fixed: its own {@code openOutgoingConnection}
 * takes every new outbound connection out of the cache again as it returns it (a success flag that is never set), so
 * the INVITE is then written to a second connection that no channel knows, and never sent. Here a new connection stays
 * cached, and the send finds it.
 */
final class CachingNioHandler extends NIOHandler
{
    static final int CONNECT_TIMEOUT_MS = 8_000;

    private final NioTcpMessageProcessor processor;

    CachingNioHandler(final SIPTransactionStack sipStack, final NioTcpMessageProcessor processor)
    {
        super(sipStack, processor);
        this.processor = processor;
    }

    /**
     * The cached connection to a peer, or a new one (connected on this thread, then cached).
     *
     * @param address the peer.
     * @param port    its port.
     * @return the connection.
     * @throws IOException when the connect fails.
     */
    @Override
    public SocketChannel createOrReuseSocket(final InetAddress address, final int port) throws IOException
    {
        final String key = makeKey(address, port);
        synchronized (this)
        {
            final SocketChannel cached = getSocket(key);
            if (null != cached && cached.isConnected() && cached.isOpen())
            {
                return cached;
            }
        }
        final SocketChannel channel = processor.connect(
            new InetSocketAddress(address, port), processor.getIpAddress(), CONNECT_TIMEOUT_MS);
        synchronized (this)
        {
            putSocket(key, channel);
        }
        return channel;
    }
}
