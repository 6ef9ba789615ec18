/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Chooses the address {@code dialer run} binds its SIP and RTP to. SIP puts that address in Via, Contact and SDP, so it
 * must be one the trunk can reach, not {@code 0.0.0.0}: without {@code --bind} (or with a wildcard) it is the local
 * address of the route to the trunk, found by connecting a UDP socket (which sends nothing).
 */
final class BindAddress
{
    private static final int DEFAULT_SIP_PORT = 5060;

    private BindAddress()
    {
    }

    /**
     * The address to bind.
     *
     * @param bindOption    the {@code --bind} value, or null when not given.
     * @param outboundProxy the campaign's outbound proxy (host, host:port or a SIP URI), or null.
     * @param trunkUri      the campaign's trunk URI, or null.
     * @return a concrete local address.
     * @throws IllegalArgumentException with what to do, when no address can be chosen.
     */
    static InetAddress choose(final String bindOption, final String outboundProxy, final String trunkUri)
    {
        if (null != bindOption)
        {
            final InetAddress given = resolve(bindOption, "--bind " + bindOption);
            if (!given.isAnyLocalAddress())
            {
                return given;
            }
        }
        final String trunk = null != outboundProxy ? outboundProxy : trunkUri;
        if (null == trunk)
        {
            throw new IllegalArgumentException("the campaign names no trunk to find the local address by: " +
                "give --bind ADDRESS (the address the trunk reaches this machine at)");
        }
        final String host = host(trunk);
        final InetAddress remote = resolve(host, "the trunk host " + host);
        try (DatagramSocket probe = new DatagramSocket())
        {
            probe.connect(new InetSocketAddress(remote, DEFAULT_SIP_PORT));
            final InetAddress local = probe.getLocalAddress();
            if (null == local || local.isAnyLocalAddress())
            {
                throw new IllegalArgumentException("no route to the trunk " + host + ": give --bind ADDRESS");
            }
            return local;
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("no route to the trunk " + host + " (" + ex.getMessage() +
                "): give --bind ADDRESS");
        }
    }

    /**
     * The host of a trunk or proxy given as a SIP URI, {@code host}, {@code host:port} or {@code [v6]:port}.
     *
     * @param uri the text.
     * @return the host.
     */
    static String host(final String uri)
    {
        String text = uri.trim();
        if (text.regionMatches(true, 0, "sips:", 0, 5))
        {
            text = text.substring(5);
        }
        else if (text.regionMatches(true, 0, "sip:", 0, 4))
        {
            text = text.substring(4);
        }
        final int at = text.indexOf('@');
        if (at >= 0)
        {
            text = text.substring(at + 1);
        }
        final int semi = text.indexOf(';');
        if (semi >= 0)
        {
            text = text.substring(0, semi);
        }
        if (text.startsWith("["))
        {
            final int close = text.indexOf(']');
            return close > 0 ? text.substring(1, close) : text;
        }
        final int colon = text.indexOf(':');
        return colon >= 0 ? text.substring(0, colon) : text;
    }

    private static InetAddress resolve(final String host, final String what)
    {
        try
        {
            return InetAddress.getByName(host);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException(what + " does not resolve: give --bind ADDRESS or fix the name");
        }
    }
}
