/*
 * Dialer audio.
 */
package io.dialer.audio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An 8 kHz mono WAV file of telephone audio (16-bit PCM, A-law or µ-law) decoded to linear PCM: the one WAV reader of
 * the project (prompts, the detector's corpus, {@code dialer amd}). Walks the RIFF chunks, skipping unknown ones
 * (LIST, fact, ...) and the pad byte of odd-sized chunks; every refusal is a {@link WavFormatException} whose message
 * names the file and the problem, like {@code hold.wav: sample rate 44100 Hz, need 8000 Hz}.
 */
public final class WavFile
{
    /** The only sample rate accepted. */
    public static final int SAMPLE_RATE = 8000;
    /** Largest file read, so a wrong path cannot exhaust the heap. */
    public static final long MAX_FILE_SIZE = 64L * 1024 * 1024;

    static final int FORMAT_PCM = 1;
    static final int FORMAT_ALAW = 6;
    static final int FORMAT_ULAW = 7;
    static final int FORMAT_EXTENSIBLE = 0xFFFE;

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
     * How the samples were stored in the file.
     *
     * @return the encoding.
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
     * Reads and decodes a file; messages name it by its file name.
     *
     * @param file the file.
     * @return the decoded audio.
     * @throws WavFormatException when the file is not 8 kHz mono µ-law, A-law or 16-bit PCM WAV.
     * @throws IOException        when the file cannot be read.
     */
    public static WavFile read(final Path file) throws IOException
    {
        final Path fileName = file.getFileName();
        return read(file, null == fileName ? file.toString() : fileName.toString());
    }

    /**
     * Reads and decodes a file.
     *
     * @param file the file.
     * @param name how messages name the file.
     * @return the decoded audio.
     * @throws WavFormatException when the file is not 8 kHz mono µ-law, A-law or 16-bit PCM WAV.
     * @throws IOException        when the file cannot be read.
     */
    public static WavFile read(final Path file, final String name) throws IOException
    {
        final long size = Files.size(file);
        if (size > MAX_FILE_SIZE)
        {
            throw fail(name, "file of " + size + " bytes is too large (at most " + MAX_FILE_SIZE + ")");
        }
        return parse(Files.readAllBytes(file), name);
    }

    /**
     * Decodes a WAV file held in memory.
     *
     * @param bytes the whole file.
     * @param name  how messages name the file.
     * @return the decoded audio.
     * @throws WavFormatException when the bytes are not 8 kHz mono µ-law, A-law or 16-bit PCM WAV.
     */
    public static WavFile parse(final byte[] bytes, final String name) throws WavFormatException
    {
        if (bytes.length < 12 || !"RIFF".equals(ascii(bytes, 0)) || !"WAVE".equals(ascii(bytes, 8)))
        {
            throw fail(name, "not a RIFF/WAVE file");
        }

        int format = -1;
        int channels = 0;
        int sampleRate = 0;
        int bitsPerSample = 0;
        int dataOffset = -1;
        int dataLength = 0;
        int position = 12;
        while (position + 8 <= bytes.length)
        {
            final String id = ascii(bytes, position);
            final long chunkSize = uint32(bytes, position + 4);
            final int body = position + 8;
            if (chunkSize > bytes.length - body)
            {
                throw fail(name, "truncated '" + id.trim() + "' chunk (declares " + chunkSize + " bytes, " +
                    (bytes.length - body) + " present)");
            }
            if ("fmt ".equals(id))
            {
                if (chunkSize < 16)
                {
                    throw fail(name, "fmt chunk of " + chunkSize + " bytes, need at least 16");
                }
                format = uint16(bytes, body);
                channels = uint16(bytes, body + 2);
                sampleRate = (int)uint32(bytes, body + 4);
                bitsPerSample = uint16(bytes, body + 14);
                if (FORMAT_EXTENSIBLE == format && chunkSize >= 26)
                {
                    format = uint16(bytes, body + 24);
                }
            }
            else if ("data".equals(id))
            {
                dataOffset = body;
                dataLength = (int)chunkSize;
            }
            position = body + (int)chunkSize + (int)(chunkSize & 1);
        }

        if (format < 0)
        {
            throw fail(name, "no fmt chunk");
        }
        if (FORMAT_PCM != format && FORMAT_ALAW != format && FORMAT_ULAW != format)
        {
            throw fail(name, "format " + format + formatName(format) +
                " not supported, need PCM (1), A-law (6) or u-law (7)");
        }
        if (1 != channels)
        {
            throw fail(name, channels + " channels, need mono");
        }
        if (SAMPLE_RATE != sampleRate)
        {
            throw fail(name, "sample rate " + sampleRate + " Hz, need 8000 Hz");
        }
        if (FORMAT_PCM == format && 16 != bitsPerSample)
        {
            throw fail(name, bitsPerSample + "-bit PCM, need 16-bit");
        }
        if (FORMAT_PCM != format && 8 != bitsPerSample)
        {
            throw fail(name, bitsPerSample + "-bit " + (FORMAT_ALAW == format ? "A-law" : "u-law") +
                ", need 8-bit");
        }
        if (dataOffset < 0)
        {
            throw fail(name, "no data chunk");
        }

        if (FORMAT_PCM == format)
        {
            return new WavFile(Encoding.PCM16, decodePcm16(bytes, dataOffset, dataLength));
        }
        return FORMAT_ULAW == format ?
            new WavFile(Encoding.ULAW, decodeG711(Codec.PCMU, bytes, dataOffset, dataLength)) :
            new WavFile(Encoding.ALAW, decodeG711(Codec.PCMA, bytes, dataOffset, dataLength));
    }

    private static short[] decodePcm16(final byte[] bytes, final int offset, final int length)
    {
        final short[] samples = new short[length / 2];
        for (int i = 0; i < samples.length; i++)
        {
            final int at = offset + 2 * i;
            samples[i] = (short)((bytes[at] & 0xFF) | (bytes[at + 1] << 8));
        }
        return samples;
    }

    private static short[] decodeG711(final Codec codec, final byte[] bytes, final int offset, final int length)
    {
        final short[] samples = new short[length];
        G711.decode(codec, bytes, offset, length, samples, 0);
        return samples;
    }

    private static String formatName(final int format)
    {
        switch (format)
        {
            case 2:
                return " (MS ADPCM)";
            case 3:
                return " (IEEE float)";
            case 0x11:
                return " (IMA ADPCM)";
            case 0x31:
                return " (GSM 6.10)";
            case 0x50:
                return " (MPEG)";
            case 0x55:
                return " (MP3)";
            default:
                return "";
        }
    }

    private static WavFormatException fail(final String name, final String problem)
    {
        return new WavFormatException(name, problem);
    }

    private static String ascii(final byte[] bytes, final int offset)
    {
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }

    private static int uint16(final byte[] bytes, final int offset)
    {
        return (bytes[offset] & 0xFF) | ((bytes[offset + 1] & 0xFF) << 8);
    }

    private static long uint32(final byte[] bytes, final int offset)
    {
        return (uint16(bytes, offset) | ((long)uint16(bytes, offset + 2) << 16)) & 0xFFFF_FFFFL;
    }
}
