/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

/**
 * JAIN-SIP's UDP socket with the {@link SipScreen} in front: a datagram the screen answers or drops is handled here
 * and JAIN-SIP's receive loop never sees it (so it neither parses nor logs it).
 */
final class ScreenedDatagramSocket extends DatagramSocket
{
    private final StackGuard guard;

    ScreenedDatagramSocket(final int port, final InetAddress bindAddress, final StackGuard guard)
        throws SocketException
    {
        super(new InetSocketAddress(bindAddress, port));
        this.guard = guard;
    }

    /**
     * Receives the next datagram that passes the screen.
     *
     * @param packet where it goes.
     * @throws IOException as {@link DatagramSocket#receive(DatagramPacket)}.
     */
    @Override
    public void receive(final DatagramPacket packet) throws IOException
    {
        final int capacity = packet.getLength();
        while (true)
        {
            packet.setLength(capacity);
            super.receive(packet);
            final SipScreen.Verdict verdict;
            try
            {
                verdict = SipScreen.screen(packet.getData(), packet.getOffset(), packet.getLength(),
                    packet.getAddress().getHostAddress());
            }
            catch (final RuntimeException ex)
            {
                return; // the screen's own bug must not hide traffic: JAIN-SIP gets it
            }
            if (SipScreen.PASS == verdict.action())
            {
                return;
            }
            final String source = packet.getAddress().getHostAddress();
            if (SipScreen.RESPOND == verdict.action())
            {
                guard.onAnswered(verdict.status());
                BadInputLog.instance().report(source, verdict.problem() + ": answered " + verdict.status());
                final byte[] response = verdict.response();
                try
                {
                    send(new DatagramPacket(response, response.length, packet.getAddress(), packet.getPort()));
                }
                catch (final IOException ex)
                {
                    guard.onDropped();
                }
            }
            else
            {
                guard.onDropped();
                BadInputLog.instance().report(source, verdict.problem() + ": dropped");
            }
        }
    }
}
