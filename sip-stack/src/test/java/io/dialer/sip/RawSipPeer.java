/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-driven SIP peer on a UDP socket, for exchanges a well-behaved stack would not produce (the 200 OK that
 * crosses a CANCEL, retransmitted 2xx, stray requests, garbage).
 */
final class RawSipPeer implements AutoCloseable
{
    final DatagramSocket socket;
    private InetSocketAddress lastSender;

    RawSipPeer() throws IOException
    {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    int port()
    {
        return socket.getLocalPort();
    }

    String uri(final String user)
    {
        return "sip:" + user + "@" + SipTests.LOOPBACK + ":" + port();
    }

    void send(final String message, final InetSocketAddress to) throws IOException
    {
        final byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    void send(final byte[] bytes, final InetSocketAddress to) throws IOException
    {
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    void reply(final String message) throws IOException
    {
        send(message, lastSender);
    }

    /**
     * Receives the next message whose first line starts with the prefix, skipping others.
     */
    String receive(final String firstLinePrefix, final long timeoutMs) throws IOException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        final byte[] buffer = new byte[65_536];
        while (true)
        {
            final long left = deadline - System.currentTimeMillis();
            if (left <= 0)
            {
                return null;
            }
            socket.setSoTimeout((int)left);
            final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try
            {
                socket.receive(packet);
            }
            catch (final SocketTimeoutException ex)
            {
                return null;
            }
            final String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            if (message.startsWith(firstLinePrefix))
            {
                lastSender = (InetSocketAddress)packet.getSocketAddress();
                return message;
            }
        }
    }

    static String header(final String message, final String name)
    {
        for (final String line : message.split("\r\n"))
        {
            final int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name))
            {
                return line.substring(colon + 1).trim();
            }
            if (line.isEmpty())
            {
                break;
            }
        }
        return null;
    }

    static List<String> headers(final String message, final String name)
    {
        final List<String> values = new ArrayList<>();
        for (final String line : message.split("\r\n"))
        {
            if (line.isEmpty())
            {
                break;
            }
            final int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name))
            {
                values.add(line.substring(colon + 1).trim());
            }
        }
        return values;
    }

    /**
     * A response to a request, copying Via, From, To (adding a tag), Call-ID and CSeq.
     */
    static String response(final String request, final int status, final String reason, final String toTag,
        final String extraHeaders, final String body)
    {
        final StringBuilder b = new StringBuilder();
        b.append("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (final String via : headers(request, "Via"))
        {
            b.append("Via: ").append(via).append("\r\n");
        }
        b.append("From: ").append(header(request, "From")).append("\r\n");
        final String to = header(request, "To");
        b.append("To: ").append(to).append(null != toTag && !to.contains("tag=") ? ";tag=" + toTag : "")
            .append("\r\n");
        b.append("Call-ID: ").append(header(request, "Call-ID")).append("\r\n");
        b.append("CSeq: ").append(header(request, "CSeq")).append("\r\n");
        if (null != extraHeaders)
        {
            b.append(extraHeaders);
        }
        final byte[] content = null == body ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (null != body)
        {
            b.append("Content-Type: application/sdp\r\n");
        }
        b.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        if (null != body)
        {
            b.append(body);
        }
        return b.toString();
    }

    /**
     * A request from the peer within the dialog its answer to our INVITE made (the peer's tag on its side).
     */
    static String inDialog(
        final String method, final String invite, final String peerTag, final int cseq, final String extraHeaders,
        final String sdp, final RawSipPeer peer)
    {
        final String contact = header(invite, "Contact");
        final String target = contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
        final String body = null == sdp ? "" : sdp;
        return method + " " + target + " SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=z9hG4bK" + System.nanoTime() + "\r\n" +
            "From: " + header(invite, "To") + ";tag=" + peerTag + "\r\n" +
            "To: " + header(invite, "From") + "\r\n" +
            "Call-ID: " + header(invite, "Call-ID") + "\r\n" +
            "CSeq: " + cseq + " " + method + "\r\nMax-Forwards: 70\r\n" +
            "Contact: <sip:raw@127.0.0.1:" + peer.port() + ">\r\n" +
            (null == extraHeaders ? "" : extraHeaders) +
            (null == sdp ? "" : "Content-Type: application/sdp\r\n") +
            "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /**
     * The port of the media address in an SDP body.
     */
    static int sdpPort(final String message)
    {
        final int m = message.indexOf("m=audio ");
        return Integer.parseInt(message.substring(m + 8, message.indexOf(' ', m + 8)));
    }

    static String sdp(final int rtpPort)
    {
        return "v=0\r\no=raw 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
            "m=audio " + rtpPort + " RTP/AVP 8 0 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=sendrecv\r\n";
    }

    public void close()
    {
        socket.close();
    }
}
