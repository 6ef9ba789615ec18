/*
 * WAV reading for detection.
 */
package io.dialer.detection.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A WAV file of telephone audio decoded to 16-bit linear samples. Accepts exactly 8000 Hz mono in µ-law (format 7),
 * A-law (format 6) or 16-bit PCM (format 1, or WAVE_FORMAT_EXTENSIBLE with one of those subformats); anything else
 * is rejected with a {@link WavFormatException} that names the problem.
 */
public final class WavFile
{
    /** The only sample rate accepted. */
    public static final int SAMPLE_RATE = 8000;

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_ALAW = 6;
    private static final int FORMAT_ULAW = 7;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private static final short[] ULAW = new short[256];
    private static final short[] ALAW = new short[256];

    static
    {
        for (int i = 0; i < 256; i++)
        {
            final int u = ~i & 0xFF;
            final int t = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
            ULAW[i] = (short)((u & 0x80) != 0 ? 0x84 - t : t - 0x84);

            final int a = i ^ 0x55;
            int v = (a & 0x0F) << 4;
            final int segment = (a & 0x70) >> 4;
            if (0 == segment)
            {
                v += 8;
            }
            else if (1 == segment)
            {
                v += 0x108;
            }
            else
            {
                v = (v + 0x108) << (segment - 1);
            }
            ALAW[i] = (short)((a & 0x80) != 0 ? v : -v);
        }
    }

    /**
     * The encodings accepted.
     */
    public enum Encoding
    {
        /** 16-bit signed little-endian linear PCM. */
        PCM16,
        /** G.711 µ-law. */
        ULAW,
        /** G.711 A-law. */
        ALAW
    }

    private final Encoding encoding;
    private final short[] samples;

    private WavFile(final Encoding encoding, final short[] samples)
    {
        this.encoding = encoding;
        this.samples = samples;
    }

    /**
     * The file's encoding.
     *
     * @return how the samples were stored.
     */
    public Encoding encoding()
    {
        return encoding;
    }

    /**
     * The decoded samples.
     *
     * @return 16-bit linear samples at 8 kHz (the array itself, not a copy).
     */
    public short[] samples()
    {
        return samples;
    }

    /**
     * The duration.
     *
     * @return milliseconds of audio.
     */
    public int durationMs()
    {
        return (int)(samples.length * 1000L / SAMPLE_RATE);
    }

    /**
     * Read and decode a file.
     *
     * @param path the file.
     * @return the decoded audio.
     * @throws WavFormatException if the file is not 8 kHz mono µ-law, A-law or 16-bit PCM WAV.
     * @throws IOException        if the file cannot be read.
     */
    public static WavFile read(final Path path) throws IOException
    {
        return parse(Files.readAllBytes(path));
    }

    /**
     * Decode a WAV file held in memory.
     *
     * @param bytes the whole file.
     * @return the decoded audio.
     * @throws WavFormatException if the bytes are not 8 kHz mono µ-law, A-law or 16-bit PCM WAV.
     */
    public static WavFile parse(final byte[] bytes) throws WavFormatException
    {
        final ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || buffer.getInt(0) != 0x46464952 || buffer.getInt(8) != 0x45564157)
        {
            throw new WavFormatException("not a WAV file (no RIFF/WAVE header)");
        }
        int format = -1;
        int bits = 0;
        int position = 12;
        while (position + 8 <= bytes.length)
        {
            final int id = buffer.getInt(position);
            final long size = buffer.getInt(position + 4) & 0xFFFFFFFFL;
            final int body = position + 8;
            if (0x20746D66 == id)
            {
                if (size < 16 || body + 16 > bytes.length)
                {
                    throw new WavFormatException("truncated fmt chunk");
                }
                format = buffer.getShort(body) & 0xFFFF;
                final int channels = buffer.getShort(body + 2) & 0xFFFF;
                final int rate = buffer.getInt(body + 4);
                bits = buffer.getShort(body + 14) & 0xFFFF;
                if (FORMAT_EXTENSIBLE == format && size >= 26 && body + 26 <= bytes.length)
                {
                    format = buffer.getShort(body + 24) & 0xFFFF;
                }
                if (1 != channels)
                {
                    throw new WavFormatException("unsupported channel count " + channels + ": need mono");
                }
                if (SAMPLE_RATE != rate)
                {
                    throw new WavFormatException("unsupported sample rate " + rate + " Hz: need 8000 Hz");
                }
            }
            else if (0x61746164 == id)
            {
                if (format < 0)
                {
                    throw new WavFormatException("data chunk before fmt chunk");
                }
                final int length = (int)Math.min(size, bytes.length - body);
                return decode(format, bits, buffer, body, length);
            }
            position = (int)Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new WavFormatException(format < 0 ? "no fmt chunk" : "no data chunk");
    }

    private static WavFile decode(
        final int format, final int bits, final ByteBuffer buffer, final int offset, final int length)
        throws WavFormatException
    {
        if (FORMAT_PCM == format && 16 == bits)
        {
            final short[] samples = new short[length / 2];
            for (int i = 0; i < samples.length; i++)
            {
                samples[i] = buffer.getShort(offset + 2 * i);
            }
            return new WavFile(Encoding.PCM16, samples);
        }
        if ((FORMAT_ULAW == format || FORMAT_ALAW == format) && 8 == bits)
        {
            final short[] table = FORMAT_ULAW == format ? ULAW : ALAW;
            final short[] samples = new short[length];
            for (int i = 0; i < length; i++)
            {
                samples[i] = table[buffer.get(offset + i) & 0xFF];
            }
            return new WavFile(FORMAT_ULAW == format ? Encoding.ULAW : Encoding.ALAW, samples);
        }
        throw new WavFormatException("unsupported encoding: " + describe(format) + ", " + bits +
            " bits per sample; need µ-law, A-law or 16-bit PCM");
    }

    private static String describe(final int format)
    {
        switch (format)
        {
            case FORMAT_PCM:
                return "PCM";
            case FORMAT_FLOAT:
                return "IEEE float";
            case FORMAT_ALAW:
                return "A-law";
            case FORMAT_ULAW:
                return "µ-law";
            default:
                return "format tag " + format;
        }
    }
}
