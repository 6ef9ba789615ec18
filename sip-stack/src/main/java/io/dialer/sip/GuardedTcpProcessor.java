/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * JAIN-SIP's NIO TCP listener (one selector thread for every connection, instead of two threads per connection) with
 * caps on accepted connections, in all and per source address; each accepted connection's stream goes through a
 * {@link SipStreamGuard}. Idle connections are closed by JAIN-SIP ({@code gov.nist.javax.sip.NIO_MAX_SOCKET_IDLE_TIME}).
 */
final class GuardedTcpProcessor extends NioTcpMessageProcessor
{
    private final StackGuard guard;
    private final List<SocketChannel> accepted = new ArrayList<>();

    GuardedTcpProcessor(
        final InetAddress address, final SIPTransactionStack sipStack, final int port, final StackGuard guard)
    {
        super(address, sipStack, port);
        this.guard = guard;
        this.nioHandler = new CachingNioHandler(sipStack, this);
    }

    /**
     * Called by JAIN-SIP's selector thread for each accepted connection.
     *
     * @param processor this processor.
     * @param client    the connection.
     * @return its channel.
     * @throws IOException (a {@link RefusedConnectionException}) when a cap is reached: the connection is closed.
     */
    @Override
    public NioTcpMessageChannel createMessageChannel(
        final NioTcpMessageProcessor processor, final SocketChannel client) throws IOException
    {
        final InetAddress source = client.socket().getInetAddress();
        int fromSource = 0;
        synchronized (accepted)
        {
            accepted.removeIf((channel) -> !channel.isOpen());
            for (final SocketChannel channel : accepted)
            {
                if (source.equals(channel.socket().getInetAddress()))
                {
                    fromSource++;
                }
            }
            if (accepted.size() >= guard.maxTcpConnections || fromSource >= guard.maxTcpConnectionsPerSource)
            {
                guard.onTcpRefused();
                BadInputLog.instance().report(source.getHostAddress(), "TCP connection refused: " +
                    (fromSource >= guard.maxTcpConnectionsPerSource ?
                    guard.maxTcpConnectionsPerSource + " already open from this source" :
                    guard.maxTcpConnections + " already open"));
                client.close();
                throw new RefusedConnectionException();
            }
            accepted.add(client);
        }
        final GuardedTcpChannel channel = new GuardedTcpChannel(this, client, guard);
        nioHandler.putMessageChannel(client, channel);
        return channel;
    }

    /**
     * Connects out (on the thread that creates a transaction or sends); a failure leaves its reason for that thread
     * (see {@link ConnectErrorNetworkLayer#takeFailure()}).
     *
     * @param address   where to.
     * @param localAddress local address.
     * @param timeout   connect timeout (JAIN-SIP's).
     * @return the connected channel.
     * @throws IOException when the connect fails.
     */
    @Override
    public SocketChannel connect(final InetSocketAddress address, final InetAddress localAddress, final int timeout)
        throws IOException
    {
        try
        {
            return super.connect(address, localAddress, timeout);
        }
        catch (final IOException ex)
        {
            throw ConnectErrorNetworkLayer.recorded(ex, address.getAddress(), address.getPort());
        }
    }

    /**
     * A connection closed at once because a cap was reached (already counted and logged: JAIN-SIP's log of it is
     * dropped).
     */
    static final class RefusedConnectionException extends IOException
    {
        private static final long serialVersionUID = 1L;

        @Override
        public synchronized Throwable fillInStackTrace()
        {
            return this;
        }

        RefusedConnectionException()
        {
            super("TCP connection refused by a cap");
        }
    }
}
