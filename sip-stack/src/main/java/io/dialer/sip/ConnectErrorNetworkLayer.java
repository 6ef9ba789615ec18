/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Locale;

/**
 * JAIN-SIP's network layer ({@code gov.nist.javax.sip.NETWORK_LAYER}): its default one, except that a TCP connect
 * that fails leaves its reason (connection refused, timed out, no route) for the thread that was sending, because
 * JAIN-SIP replaces it with "Could not connect to ..." and a dialer must tell a refused connection from a slow one.
 * Public only because JAIN-SIP creates it by reflection.
 */
public final class ConnectErrorNetworkLayer implements NetworkLayer
{
    private static final ThreadLocal<String> LAST_FAILURE = new ThreadLocal<>();

    private final NetworkLayer delegate = DefaultNetworkLayer.SINGLETON;
    private volatile String stackName;

    /**
     * Created by JAIN-SIP through its no-argument constructor.
     */
    public ConnectErrorNetworkLayer()
    {
    }

    /**
     * Forgets the calling thread's last connect failure: call before a send whose failure is to be explained.
     */
    static void clear()
    {
        LAST_FAILURE.remove();
    }

    /**
     * The calling thread's last TCP connect failure since {@link #clear()}, in words, and forgets it.
     *
     * @return e.g. {@code "connection refused: TCP to 10.0.0.1:5060"}, or null when no connect failed.
     */
    static String takeFailure()
    {
        final String failure = LAST_FAILURE.get();
        LAST_FAILURE.remove();
        return failure;
    }

    /**
     * {@inheritDoc}
     */
    public ServerSocket createServerSocket(final int port, final int backlog, final InetAddress bindAddress)
        throws IOException
    {
        return delegate.createServerSocket(port, backlog, bindAddress);
    }

    /**
     * {@inheritDoc}
     */
    public SSLServerSocket createSSLServerSocket(final int port, final int backlog, final InetAddress bindAddress)
        throws IOException
    {
        return delegate.createSSLServerSocket(port, backlog, bindAddress);
    }

    /**
     * {@inheritDoc}
     */
    public Socket createSocket(final InetAddress address, final int port) throws IOException
    {
        try
        {
            return delegate.createSocket(address, port);
        }
        catch (final IOException ex)
        {
            throw recorded(ex, address, port);
        }
    }

    /**
     * {@inheritDoc}
     */
    public Socket createSocket(final InetAddress address, final int port, final InetAddress myAddress)
        throws IOException
    {
        try
        {
            return delegate.createSocket(address, port, myAddress);
        }
        catch (final IOException ex)
        {
            throw recorded(ex, address, port);
        }
    }

    /**
     * {@inheritDoc}
     */
    public Socket createSocket(
        final InetAddress address, final int port, final InetAddress myAddress, final int myPort) throws IOException
    {
        try
        {
            return delegate.createSocket(address, port, myAddress, myPort);
        }
        catch (final IOException ex)
        {
            throw recorded(ex, address, port);
        }
    }

    /**
     * {@inheritDoc}
     */
    public SSLSocket createSSLSocket(final InetAddress address, final int port) throws IOException
    {
        return delegate.createSSLSocket(address, port);
    }

    /**
     * {@inheritDoc}
     */
    public SSLSocket createSSLSocket(final InetAddress address, final int port, final InetAddress myAddress)
        throws IOException
    {
        return delegate.createSSLSocket(address, port, myAddress);
    }

    /**
     * {@inheritDoc}
     */
    public DatagramSocket createDatagramSocket() throws SocketException
    {
        return delegate.createDatagramSocket();
    }

    /**
     * {@inheritDoc}
     */
    public DatagramSocket createDatagramSocket(final int port, final InetAddress bindAddress) throws SocketException
    {
        if (null == bindAddress || bindAddress.isMulticastAddress())
        {
            return delegate.createDatagramSocket(port, bindAddress);
        }
        return new ScreenedDatagramSocket(port, bindAddress, StackGuard.of(stackName));
    }

    /**
     * {@inheritDoc}
     */
    public void setSipStack(final SipStackImpl sipStack)
    {
        delegate.setSipStack(sipStack);
        stackName = sipStack.getStackName();
    }

    static IOException recorded(final IOException ex, final InetAddress address, final int port)
    {
        LAST_FAILURE.set(describe(ex) + ": TCP to " + address.getHostAddress() + ":" + port);
        return ex;
    }

    static String describe(final IOException ex)
    {
        final String message = null == ex.getMessage() ? "" : ex.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("refused"))
        {
            return "connection refused";
        }
        if (message.contains("timeout") || message.contains("timed out"))
        {
            return "connect timed out";
        }
        if (ex instanceof NoRouteToHostException || message.contains("no route"))
        {
            return "no route to host";
        }
        if (message.contains("unreachable"))
        {
            return "network unreachable";
        }
        if (message.contains("reset"))
        {
            return "connection reset";
        }
        return (ex instanceof ConnectException ? "cannot connect" : "I/O error") +
            (message.isEmpty() ? "" : " (" + message + ")");
    }
}
