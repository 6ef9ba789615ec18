/*
 * Dialer core: journal.
 */
package io.dialer.core.journal;

import java.nio.charset.StandardCharsets;

import io.dialer.core.compliance.Disposition;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.transfer.TransferOutcome;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The binary layout of the decision records, shared by the writer and the reader.
 * <p>
 * A record is one Chronicle document (Chronicle frames it with its own length header): a type byte, then the fields
 * of that type in the order of the {@link CampaignLog} method's parameters. {@code int}s and {@code long}s are raw
 * little-endian (Chronicle's native order). A character sequence is an unsigned LEB128 varint of its UTF-8 byte
 * length, then the bytes (null is written as empty; an unpaired surrogate as {@code '?'}). An enum is written by
 * <em>name</em>: one length byte then the ASCII name, so reordering or adding constants never changes the meaning
 * of old journals; renaming or removing a constant makes the records naming it unreadable (skipped with a warning).
 * Readers ignore bytes after the known fields, so a later version may append fields at the end of a record.
 */
final class Records
{
    static final byte CAMPAIGN_STARTED = 1;
    static final byte DIALED = 2;
    static final byte LEAD_CLOSED = 3;
    static final byte ANSWERED = 4;
    static final byte VERDICT = 5;
    static final byte ANSWER = 6;
    static final byte QUALIFIED = 7;
    static final byte CLOSER_ATTEMPT = 8;
    static final byte TRANSFER_ENDED = 9;
    static final byte DISPOSITION = 10;
    static final byte OPTED_OUT = 11;
    static final byte LATENCY = 12;
    static final byte CAMPAIGN_FINISHED = 13;

    static final EnumNames<Verdict> VERDICTS = new EnumNames<>(Verdict.values());
    static final EnumNames<Cause> CAUSES = new EnumNames<>(Cause.values());
    static final EnumNames<CloserResult> CLOSER_RESULTS = new EnumNames<>(CloserResult.values());
    static final EnumNames<TransferOutcome> TRANSFER_OUTCOMES = new EnumNames<>(TransferOutcome.values());
    static final EnumNames<Disposition> DISPOSITIONS = new EnumNames<>(Disposition.values());
    static final EnumNames<Step> STEPS = new EnumNames<>(Step.values());

    private static final int REPLACEMENT = 0xFFFD;

    private Records()
    {
    }

    /**
     * Writes a character sequence as a varint UTF-8 length and the UTF-8 bytes, without allocating.
     *
     * @param bytes to write to.
     * @param text  the text, null for empty.
     */
    static void writeText(final Bytes<?> bytes, final CharSequence text)
    {
        if (null == text)
        {
            bytes.writeByte((byte)0);
            return;
        }

        writeVarint(bytes, utf8Length(text));
        final int length = text.length();
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c < 0x80)
            {
                bytes.writeByte((byte)c);
            }
            else if (c < 0x800)
            {
                bytes.writeByte((byte)(0xC0 | (c >>> 6)));
                bytes.writeByte((byte)(0x80 | (c & 0x3F)));
            }
            else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                final int codePoint = Character.toCodePoint(c, text.charAt(++i));
                bytes.writeByte((byte)(0xF0 | (codePoint >>> 18)));
                bytes.writeByte((byte)(0x80 | ((codePoint >>> 12) & 0x3F)));
                bytes.writeByte((byte)(0x80 | ((codePoint >>> 6) & 0x3F)));
                bytes.writeByte((byte)(0x80 | (codePoint & 0x3F)));
            }
            else if (Character.isSurrogate(c))
            {
                bytes.writeByte((byte)'?');
            }
            else
            {
                bytes.writeByte((byte)(0xE0 | (c >>> 12)));
                bytes.writeByte((byte)(0x80 | ((c >>> 6) & 0x3F)));
                bytes.writeByte((byte)(0x80 | (c & 0x3F)));
            }
        }
    }

    /**
     * The number of bytes {@link #writeText} writes for the characters of a sequence (without the length prefix).
     *
     * @param text the text.
     * @return its UTF-8 length.
     */
    static int utf8Length(final CharSequence text)
    {
        int n = 0;
        final int length = text.length();
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c < 0x80)
            {
                n += 1;
            }
            else if (c < 0x800)
            {
                n += 2;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                n += 4;
                i++;
            }
            else if (Character.isSurrogate(c))
            {
                n += 1;
            }
            else
            {
                n += 3;
            }
        }

        return n;
    }

    /**
     * Reads what {@link #writeText} wrote. Malformed UTF-8 becomes U+FFFD.
     *
     * @param bytes to read from.
     * @param into  cleared, then filled.
     * @return false when the record is too short for the text.
     */
    static boolean readText(final Bytes<?> bytes, final StringBuilder into)
    {
        into.setLength(0);
        final long length = readVarint(bytes);
        if (length < 0 || length > bytes.readRemaining())
        {
            return false;
        }

        final long end = bytes.readPosition() + length;
        while (bytes.readPosition() < end)
        {
            final int b0 = bytes.readUnsignedByte();
            if (b0 < 0x80)
            {
                into.append((char)b0);
            }
            else if ((b0 & 0xE0) == 0xC0)
            {
                appendSequence(bytes, end, into, b0 & 0x1F, 1, 0x80);
            }
            else if ((b0 & 0xF0) == 0xE0)
            {
                appendSequence(bytes, end, into, b0 & 0x0F, 2, 0x800);
            }
            else if ((b0 & 0xF8) == 0xF0)
            {
                appendSequence(bytes, end, into, b0 & 0x07, 3, 0x10000);
            }
            else
            {
                into.append((char)REPLACEMENT);
            }
        }

        return true;
    }

    private static void appendSequence(
        final Bytes<?> bytes, final long end, final StringBuilder into, final int lead, final int continuations,
        final int min)
    {
        int codePoint = lead;
        for (int i = 0; i < continuations; i++)
        {
            if (bytes.readPosition() >= end || (bytes.readUnsignedByte(bytes.readPosition()) & 0xC0) != 0x80)
            {
                into.append((char)REPLACEMENT);
                return;
            }
            codePoint = (codePoint << 6) | (bytes.readUnsignedByte() & 0x3F);
        }

        if (codePoint < min || codePoint > Character.MAX_CODE_POINT ||
            (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE))
        {
            into.append((char)REPLACEMENT);
        }
        else
        {
            into.appendCodePoint(codePoint);
        }
    }

    /**
     * Writes a non-negative value as unsigned LEB128 (7 bits a byte, low bits first, high bit set on all but the
     * last byte).
     *
     * @param bytes to write to.
     * @param value the value, not negative.
     */
    static void writeVarint(final Bytes<?> bytes, final long value)
    {
        long v = value;
        while ((v & ~0x7FL) != 0)
        {
            bytes.writeByte((byte)(0x80 | (v & 0x7F)));
            v >>>= 7;
        }
        bytes.writeByte((byte)v);
    }

    /**
     * Reads what {@link #writeVarint} wrote.
     *
     * @param bytes to read from.
     * @return the value, or -1 when the record ends inside it or it is longer than 63 bits.
     */
    static long readVarint(final Bytes<?> bytes)
    {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7)
        {
            if (bytes.readRemaining() < 1)
            {
                return -1;
            }
            final int b = bytes.readUnsignedByte();
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        return -1;
    }

    /**
     * Writes and reads an enum by its name, without allocating.
     *
     * @param <E> the enum.
     */
    static final class EnumNames<E extends Enum<E>>
    {
        private final E[] values;
        private final byte[][] names;

        EnumNames(final E[] values)
        {
            this.values = values;
            this.names = new byte[values.length][];
            for (int i = 0; i < values.length; i++)
            {
                names[i] = values[i].name().getBytes(StandardCharsets.US_ASCII);
                if (names[i].length > 0x7F)
                {
                    throw new IllegalArgumentException("enum name too long for the journal: " + values[i]);
                }
            }
        }

        void write(final Bytes<?> bytes, final E value)
        {
            final byte[] name = names[value.ordinal()];
            bytes.writeByte((byte)name.length);
            bytes.write(name);
        }

        /**
         * Reads a name written by {@link #write}.
         *
         * @param bytes to read from.
         * @return the constant, or null when the record ends early or no constant has the name (the read position
         * is then after the name when there was one).
         */
        E read(final Bytes<?> bytes)
        {
            if (bytes.readRemaining() < 1)
            {
                return null;
            }
            final int length = bytes.readUnsignedByte();
            if (length > bytes.readRemaining())
            {
                return null;
            }

            final long position = bytes.readPosition();
            E found = null;
            for (int i = 0; i < names.length && null == found; i++)
            {
                if (matches(bytes, position, length, names[i]))
                {
                    found = values[i];
                }
            }
            bytes.readSkip(length);

            return found;
        }

        private static boolean matches(final Bytes<?> bytes, final long position, final int length, final byte[] name)
        {
            if (name.length != length)
            {
                return false;
            }
            for (int i = 0; i < length; i++)
            {
                if (bytes.readByte(position + i) != name[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
