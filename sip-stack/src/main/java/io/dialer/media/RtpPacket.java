/*
 * Dialer media.
 */
package io.dialer.media;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over an RTP packet (RFC 3550) in a {@link DirectBuffer}: validation of the fixed header, CSRC list,
 * header extension and padding, field accessors, and header writing. Reusable, allocation free, not thread-safe.
 */
public final class RtpPacket
{
    /** Length of the fixed RTP header. */
    public static final int HEADER_LENGTH = 12;
    /** The only RTP version there is. */
    public static final int VERSION = 2;
    /** {@link #validate()} result: the packet is well formed. */
    public static final int VALID = 0;
    /** {@link #validate()} result: shorter than the fixed header. */
    public static final int TOO_SHORT = -1;
    /** {@link #validate()} result: version is not 2. */
    public static final int BAD_VERSION = -2;
    /** {@link #validate()} result: the CSRC list or the header extension runs past the end. */
    public static final int BAD_HEADER_LENGTH = -3;
    /** {@link #validate()} result: the padding count is zero or runs into the header. */
    public static final int BAD_PADDING = -4;

    private static final ByteOrder NETWORK = ByteOrder.BIG_ENDIAN;

    private DirectBuffer buffer;
    private int offset;
    private int length;
    private int payloadOffset;
    private int payloadLength;

    /**
     * Points the flyweight at a packet.
     *
     * @param buffer holding the packet.
     * @param offset of the first byte.
     * @param length of the packet in bytes.
     * @return this.
     */
    public RtpPacket wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.payloadOffset = 0;
        this.payloadLength = 0;
        return this;
    }

    /**
     * Checks the header against the packet length and locates the payload.
     *
     * @return {@link #VALID} or a negative reason.
     */
    public int validate()
    {
        if (length < HEADER_LENGTH)
        {
            return TOO_SHORT;
        }
        final int first = buffer.getByte(offset) & 0xFF;
        if ((first >>> 6) != VERSION)
        {
            return BAD_VERSION;
        }
        int headerLength = HEADER_LENGTH + ((first & 0x0F) << 2);
        if (headerLength > length)
        {
            return BAD_HEADER_LENGTH;
        }
        if ((first & 0x10) != 0)
        {
            if (headerLength + 4 > length)
            {
                return BAD_HEADER_LENGTH;
            }
            final int words = buffer.getShort(offset + headerLength + 2, NETWORK) & 0xFFFF;
            headerLength += 4 + (words << 2);
            if (headerLength > length)
            {
                return BAD_HEADER_LENGTH;
            }
        }
        int padding = 0;
        if ((first & 0x20) != 0)
        {
            padding = buffer.getByte(offset + length - 1) & 0xFF;
            if (0 == padding || padding > length - headerLength)
            {
                return BAD_PADDING;
            }
        }
        payloadOffset = offset + headerLength;
        payloadLength = length - headerLength - padding;
        return VALID;
    }

    /**
     * Version field.
     *
     * @return the version.
     */
    public int version()
    {
        return (buffer.getByte(offset) & 0xFF) >>> 6;
    }

    /**
     * Padding bit.
     *
     * @return true when set.
     */
    public boolean padding()
    {
        return (buffer.getByte(offset) & 0x20) != 0;
    }

    /**
     * Extension bit.
     *
     * @return true when set.
     */
    public boolean extension()
    {
        return (buffer.getByte(offset) & 0x10) != 0;
    }

    /**
     * CSRC count.
     *
     * @return 0 to 15.
     */
    public int csrcCount()
    {
        return buffer.getByte(offset) & 0x0F;
    }

    /**
     * Marker bit.
     *
     * @return true when set.
     */
    public boolean marker()
    {
        return (buffer.getByte(offset + 1) & 0x80) != 0;
    }

    /**
     * Payload type.
     *
     * @return 0 to 127.
     */
    public int payloadType()
    {
        return buffer.getByte(offset + 1) & 0x7F;
    }

    /**
     * Sequence number.
     *
     * @return 0 to 65535.
     */
    public int sequenceNumber()
    {
        return buffer.getShort(offset + 2, NETWORK) & 0xFFFF;
    }

    /**
     * Timestamp.
     *
     * @return unsigned 32-bit value.
     */
    public long timestamp()
    {
        return buffer.getInt(offset + 4, NETWORK) & 0xFFFF_FFFFL;
    }

    /**
     * Synchronisation source.
     *
     * @return unsigned 32-bit value.
     */
    public long ssrc()
    {
        return buffer.getInt(offset + 8, NETWORK) & 0xFFFF_FFFFL;
    }

    /**
     * Offset of the payload in the buffer, after {@link #validate()}.
     *
     * @return the offset.
     */
    public int payloadOffset()
    {
        return payloadOffset;
    }

    /**
     * Length of the payload without padding, after {@link #validate()}.
     *
     * @return the length.
     */
    public int payloadLength()
    {
        return payloadLength;
    }

    /**
     * Writes a fixed 12-byte header (no CSRC, no extension, no padding).
     *
     * @param buffer      destination.
     * @param offset      first byte.
     * @param marker      marker bit.
     * @param payloadType payload type.
     * @param sequence    sequence number (low 16 bits used).
     * @param timestamp   timestamp (low 32 bits used).
     * @param ssrc        synchronisation source (low 32 bits used).
     * @return {@link #HEADER_LENGTH}.
     */
    public static int writeHeader(
        final MutableDirectBuffer buffer,
        final int offset,
        final boolean marker,
        final int payloadType,
        final int sequence,
        final long timestamp,
        final long ssrc)
    {
        buffer.putByte(offset, (byte)(VERSION << 6));
        buffer.putByte(offset + 1, (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F)));
        buffer.putShort(offset + 2, (short)sequence, NETWORK);
        buffer.putInt(offset + 4, (int)timestamp, NETWORK);
        buffer.putInt(offset + 8, (int)ssrc, NETWORK);
        return HEADER_LENGTH;
    }
}
