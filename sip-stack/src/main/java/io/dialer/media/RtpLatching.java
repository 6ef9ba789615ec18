/*
 * Dialer media.
 */
package io.dialer.media;

import java.util.Locale;

/**
 * Which source a leg accepts RTP from (see {@link MediaEngine.Context#rtpLatching(RtpLatching)}).
 */
public enum RtpLatching
{
    /**
     * Only the address and port the far end's SDP named: for trunks and gateways that send from where they receive.
     */
    STRICT,

    /**
     * Symmetric RTP (as rtpengine and Asterisk do behind NAT): the first source heard after the SDP answer is latched
     * and every other source dropped; the SDP-named address and port is always accepted and takes the latch over.
     */
    SYMMETRIC;

    /**
     * Parses a setting value, case-insensitive.
     *
     * @param text {@code strict} or {@code symmetric}.
     * @return the mode.
     * @throws IllegalArgumentException naming the accepted values when the text is neither.
     */
    public static RtpLatching parse(final String text)
    {
        final String value = null == text ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (final RtpLatching mode : values())
        {
            if (mode.name().equals(value))
            {
                return mode;
            }
        }
        throw new IllegalArgumentException("RTP latching must be 'strict' or 'symmetric', not '" + text + "'");
    }
}
