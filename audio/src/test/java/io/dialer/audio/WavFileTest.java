/*
 * WAV reader tests.
 */
package io.dialer.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WavFileTest
{
    static byte[] wav(final int format, final int channels, final int rate, final int bits, final byte[] data)
    {
        final ByteBuffer fmt = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short)format).putShort((short)channels).putInt(rate)
            .putInt(rate * channels * bits / 8).putShort((short)(channels * bits / 8)).putShort((short)bits)
            .putShort((short)0);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x46464952).putInt(4 + 8 + 18 + 8 + 8 + 4 + data.length).putInt(0x45564157);
        out.writeBytes(header.array());
        out.writeBytes(chunk(0x20746D66, fmt.array()));
        out.writeBytes(chunk(0x74636166, new byte[]{1, 0, 0, 0}));
        out.writeBytes(chunk(0x61746164, data));
        return out.toByteArray();
    }

    private static byte[] chunk(final int id, final byte[] body)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(8 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(id).putInt(body.length).put(body);
        return buffer.array();
    }

    @Test
    void shouldReadPcm16()
    {
        final byte[] data = {1, 0, (byte)0xFF, (byte)0x7F, 0, (byte)0x80};
        final WavFile wav = assertDoesNotThrow(wav(1, 1, 8000, 16, data));
        assertEquals(WavFile.Encoding.PCM16, wav.encoding());
        assertArrayEquals(new short[]{1, Short.MAX_VALUE, Short.MIN_VALUE}, wav.samples());
    }

    @Test
    void shouldDecodeMuLaw()
    {
        final WavFile wav = assertDoesNotThrow(wav(7, 1, 8000, 8, new byte[]{(byte)0xFF, (byte)0x80, 0x00}));
        assertEquals(WavFile.Encoding.ULAW, wav.encoding());
        assertArrayEquals(new short[]{0, 32124, -32124}, wav.samples());
    }

    @Test
    void shouldDecodeALaw()
    {
        final WavFile wav = assertDoesNotThrow(wav(6, 1, 8000, 8, new byte[]{(byte)0xD5, (byte)0xAA, 0x2A}));
        assertEquals(WavFile.Encoding.ALAW, wav.encoding());
        assertArrayEquals(new short[]{8, 32256, -32256}, wav.samples());
    }

    @Test
    void shouldRejectWithAClearReason(@TempDir final Path dir) throws Exception
    {
        assertRejected(wav(1, 1, 16000, 16, new byte[4]), "sample rate 16000");
        assertRejected(wav(1, 2, 8000, 16, new byte[4]), "2 channels, need mono");
        assertRejected(wav(3, 1, 8000, 32, new byte[8]), "IEEE float");
        assertRejected(wav(1, 1, 8000, 8, new byte[8]), "8-bit PCM, need 16-bit");
        assertRejected("hello world, not audio".getBytes(), "not a RIFF/WAVE file");
        final Path file = dir.resolve("x.wav");
        Files.write(file, new byte[3]);
        assertThrows(WavFormatException.class, () -> WavFile.read(file));
    }

    private static WavFile assertDoesNotThrow(final byte[] bytes)
    {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> WavFile.parse(bytes, "t.wav"));
    }

    private static void assertRejected(final byte[] bytes, final String reason)
    {
        final WavFormatException e = assertThrows(WavFormatException.class, () -> WavFile.parse(bytes, "t.wav"));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
