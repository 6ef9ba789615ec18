/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import java.util.Locale;

/**
 * Follows one TCP connection's byte stream message by message (header lines, then {@code Content-Length} bytes of
 * body) and refuses it as soon as a message's header section grows beyond the limit or declares a body beyond the
 * limit, before JAIN-SIP's parser would allocate it ({@code Content-Length: 2147483647} would otherwise end its
 * thread with an {@link OutOfMemoryError}). A pure state machine over the bytes; one per connection, used by its
 * reading thread only.
 */
final class SipStreamGuard
{
    private static final int MAX_LINE_KEPT = 64;

    private final int maxHeaderBytes;
    private final int maxContentLength;
    private final StringBuilder line = new StringBuilder(MAX_LINE_KEPT);
    private boolean inBody;
    private long bodyLeft;
    private int headerBytes;
    private long contentLength;
    private String problem;

    SipStreamGuard(final int maxHeaderBytes, final int maxContentLength)
    {
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxContentLength = maxContentLength;
    }

    /**
     * Takes the next bytes of the stream.
     *
     * @param bytes  the buffer.
     * @param offset first byte.
     * @param length how many.
     * @return true when they may go to the parser; false when the connection must be closed (see {@link #problem()}).
     */
    boolean accept(final byte[] bytes, final int offset, final int length)
    {
        if (null != problem)
        {
            return false;
        }
        int i = offset;
        final int end = offset + length;
        while (i < end)
        {
            if (inBody)
            {
                final int take = (int)Math.min(bodyLeft, end - i);
                bodyLeft -= take;
                i += take;
                if (0 == bodyLeft)
                {
                    inBody = false;
                }
                continue;
            }
            final byte b = bytes[i++];
            if ('\n' == b)
            {
                if (!endOfLine())
                {
                    return false;
                }
                continue;
            }
            if (headerBytes > 0 || ('\r' != b))
            {
                if (++headerBytes > maxHeaderBytes)
                {
                    problem = "SIP header section over " + maxHeaderBytes + " bytes";
                    return false;
                }
            }
            if ('\r' != b && line.length() < MAX_LINE_KEPT)
            {
                line.append((char)(b & 0xFF));
            }
        }
        return true;
    }

    /**
     * Why the stream was refused.
     *
     * @return the reason, or null while it is fine.
     */
    String problem()
    {
        return problem;
    }

    private boolean endOfLine()
    {
        if (0 == line.length())
        {
            if (headerBytes > 0)
            {
                // the blank line: the body follows
                headerBytes = 0;
                bodyLeft = contentLength;
                inBody = contentLength > 0;
                contentLength = 0;
            }
            return true;
        }
        final String text = line.toString();
        line.setLength(0);
        final int colon = text.indexOf(':');
        if (colon > 0)
        {
            final String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if ("content-length".equals(name) || "l".equals(name))
            {
                final String value = text.substring(colon + 1).trim();
                long parsed = 0;
                for (int i = 0; i < value.length(); i++)
                {
                    final char c = value.charAt(i);
                    if (c < '0' || c > '9' || i >= 10)
                    {
                        problem = "bad Content-Length";
                        return false;
                    }
                    parsed = parsed * 10 + (c - '0');
                }
                if (parsed > maxContentLength)
                {
                    problem = "Content-Length over " + maxContentLength + " bytes";
                    return false;
                }
                contentLength = parsed;
            }
        }
        return true;
    }
}
