/*
 * Dialer media.
 */
package io.dialer.media;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * RFC 4733 telephone-event payload (4 bytes: event, E bit, volume, duration) and the DTMF event codes.
 */
final class TelephoneEvent
{
    static final int PAYLOAD_LENGTH = 4;
    static final int DEFAULT_VOLUME = 10;
    private static final String DIGITS = "0123456789*#ABCD";

    private TelephoneEvent()
    {
    }

    static int event(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset) & 0xFF;
    }

    static boolean end(final DirectBuffer buffer, final int offset)
    {
        return (buffer.getByte(offset + 1) & 0x80) != 0;
    }

    static int volume(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + 1) & 0x3F;
    }

    static int duration(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    static int write(
        final MutableDirectBuffer buffer, final int offset, final int event, final boolean end, final int duration)
    {
        buffer.putByte(offset, (byte)event);
        buffer.putByte(offset + 1, (byte)((end ? 0x80 : 0) | DEFAULT_VOLUME));
        buffer.putShort(offset + 2, (short)Math.min(duration, 0xFFFF), ByteOrder.BIG_ENDIAN);
        return PAYLOAD_LENGTH;
    }

    /**
     * Event code of a DTMF digit.
     *
     * @param digit {@code 0-9 * # A-D} (lower case a-d accepted).
     * @return 0 to 15, or -1 when not a DTMF digit.
     */
    static int eventOf(final char digit)
    {
        return DIGITS.indexOf(Character.toUpperCase(digit));
    }

    /**
     * DTMF digit of an event code.
     *
     * @param event event code.
     * @return the digit, or 0 when the event is not DTMF.
     */
    static char digitOf(final int event)
    {
        return event >= 0 && event < DIGITS.length() ? DIGITS.charAt(event) : 0;
    }
}
