/*
 * Dialer media tests.
 */
package io.dialer.media;

import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtpPacketTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final RtpPacket packet = new RtpPacket();

    @Test
    void shouldWriteAndReadHeader()
    {
        final int length = RtpPacket.writeHeader(buffer, 0, true, 8, 65535, 0xFFFF_FFF0L, 0xDEADBEEFL);
        assertEquals(12, length);
        buffer.putBytes(12, new byte[160]);
        assertEquals(RtpPacket.VALID, packet.wrap(buffer, 0, 172).validate());
        assertEquals(2, packet.version());
        assertTrue(packet.marker());
        assertFalse(packet.padding());
        assertFalse(packet.extension());
        assertEquals(0, packet.csrcCount());
        assertEquals(8, packet.payloadType());
        assertEquals(65535, packet.sequenceNumber());
        assertEquals(0xFFFF_FFF0L, packet.timestamp());
        assertEquals(0xDEADBEEFL, packet.ssrc());
        assertEquals(12, packet.payloadOffset());
        assertEquals(160, packet.payloadLength());
    }

    @Test
    void shouldSkipCsrcExtensionAndPadding()
    {
        // V=2 P=1 X=1 CC=2, two CSRCs, a 1-word extension, 5 bytes of payload, 3 bytes of padding.
        final byte[] bytes = {
            (byte)0xB2, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3,
            1, 1, 1, 1, 2, 2, 2, 2,
            (byte)0xBE, (byte)0xDE, 0, 1, 9, 9, 9, 9,
            10, 11, 12, 13, 14,
            0, 0, 3};
        buffer.putBytes(0, bytes);
        assertEquals(RtpPacket.VALID, packet.wrap(buffer, 0, bytes.length).validate());
        assertTrue(packet.padding());
        assertTrue(packet.extension());
        assertEquals(2, packet.csrcCount());
        assertEquals(28, packet.payloadOffset());
        assertEquals(5, packet.payloadLength());
        assertEquals(10, buffer.getByte(packet.payloadOffset()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "empty,                      '',                                    -1",
        "truncated header,           80 00 00 01 00,                        -1",
        "version 1,                  40 00 00 01 00 00 00 02 00 00 00 03,   -2",
        "version 0,                  00 00 00 01 00 00 00 02 00 00 00 03 ff, -2",
        "csrc count past the end,    83 00 00 01 00 00 00 02 00 00 00 03 01 02, -3",
        "extension header missing,   90 00 00 01 00 00 00 02 00 00 00 03 be,   -3",
        "extension past the end,     90 00 00 01 00 00 00 02 00 00 00 03 be de 00 05 01 02 03 04, -3",
        "zero padding count,         a0 00 00 01 00 00 00 02 00 00 00 03 01 00, -4",
        "padding into the header,    a0 00 00 01 00 00 00 02 00 00 00 03 01 20, -4",
    })
    void shouldRejectMalformed(final String name, final String hex, final int expected)
    {
        final String[] parts = hex.isBlank() ? new String[0] : hex.trim().split(" ");
        for (int i = 0; i < parts.length; i++)
        {
            buffer.putByte(i, (byte)Integer.parseInt(parts[i], 16));
        }
        assertEquals(expected, packet.wrap(buffer, 0, parts.length).validate(), name);
    }
}
