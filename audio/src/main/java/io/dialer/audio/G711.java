/*
 * Dialer audio.
 */
package io.dialer.audio;

/**
 * ITU-T G.711 µ-law and A-law companding, table-driven: 8-bit codes to 16-bit linear PCM and back.
 * <p>
 * Encoding works on the 14-bit (µ-law) or 13-bit (A-law) significant part of the 16-bit sample, negative values
 * taken in one's complement, exactly as the ITU-T G.191 reference software ({@code ulaw_compress},
 * {@code alaw_compress}) does; the results are precomputed into tables. Every method is allocation free and
 * thread-safe.
 */
public final class G711
{
    /** Encoded silence in µ-law. */
    public static final byte ULAW_SILENCE = (byte)0xFF;
    /** Encoded silence in A-law. */
    public static final byte ALAW_SILENCE = (byte)0xD5;

    private static final int BIAS = 0x84;
    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    private static final byte[] LINEAR14_TO_ULAW = new byte[1 << 14];
    private static final byte[] LINEAR13_TO_ALAW = new byte[1 << 13];
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static
    {
        for (int i = 0; i < 256; i++)
        {
            ULAW_TO_LINEAR[i] = (short)ulawToLinearReference(i);
            ALAW_TO_LINEAR[i] = (short)alawToLinearReference(i);
        }
        for (int i = 0; i < LINEAR14_TO_ULAW.length; i++)
        {
            final int pcm14 = (i << 18) >> 18;
            LINEAR14_TO_ULAW[i] = (byte)linearToUlawReference(pcm14);
        }
        for (int i = 0; i < LINEAR13_TO_ALAW.length; i++)
        {
            final int pcm13 = (i << 19) >> 19;
            LINEAR13_TO_ALAW[i] = (byte)linearToAlawReference(pcm13);
        }
        for (int i = 0; i < 256; i++)
        {
            ULAW_TO_ALAW[i] = linearToAlaw(ULAW_TO_LINEAR[i]);
            ALAW_TO_ULAW[i] = linearToUlaw(ALAW_TO_LINEAR[i]);
        }
    }

    private G711()
    {
    }

    /**
     * Encodes one 16-bit sample to µ-law.
     *
     * @param sample linear PCM.
     * @return the µ-law code.
     */
    public static byte linearToUlaw(final int sample)
    {
        return LINEAR14_TO_ULAW[(sample >> 2) & 0x3FFF];
    }

    /**
     * Encodes one 16-bit sample to A-law.
     *
     * @param sample linear PCM.
     * @return the A-law code.
     */
    public static byte linearToAlaw(final int sample)
    {
        return LINEAR13_TO_ALAW[(sample >> 3) & 0x1FFF];
    }

    /**
     * Decodes one µ-law code.
     *
     * @param code the code (only the low 8 bits are used).
     * @return linear PCM.
     */
    public static short ulawToLinear(final int code)
    {
        return ULAW_TO_LINEAR[code & 0xFF];
    }

    /**
     * Decodes one A-law code.
     *
     * @param code the code (only the low 8 bits are used).
     * @return linear PCM.
     */
    public static short alawToLinear(final int code)
    {
        return ALAW_TO_LINEAR[code & 0xFF];
    }

    /**
     * Converts a µ-law code to the A-law code of the same decoded value (G.711 transcoding).
     *
     * @param code µ-law code.
     * @return A-law code.
     */
    public static byte ulawToAlaw(final int code)
    {
        return ULAW_TO_ALAW[code & 0xFF];
    }

    /**
     * Converts an A-law code to the µ-law code of the same decoded value (G.711 transcoding).
     *
     * @param code A-law code.
     * @return µ-law code.
     */
    public static byte alawToUlaw(final int code)
    {
        return ALAW_TO_ULAW[code & 0xFF];
    }

    /**
     * Encodes samples with a codec.
     *
     * @param codec     PCMU or PCMA.
     * @param src       linear PCM.
     * @param srcOffset first sample.
     * @param length    number of samples.
     * @param dst       destination for the codes.
     * @param dstOffset first code.
     */
    public static void encode(
        final Codec codec, final short[] src, final int srcOffset, final int length, final byte[] dst,
        final int dstOffset)
    {
        if (Codec.PCMU == codec)
        {
            for (int i = 0; i < length; i++)
            {
                dst[dstOffset + i] = LINEAR14_TO_ULAW[(src[srcOffset + i] >> 2) & 0x3FFF];
            }
        }
        else
        {
            for (int i = 0; i < length; i++)
            {
                dst[dstOffset + i] = LINEAR13_TO_ALAW[(src[srcOffset + i] >> 3) & 0x1FFF];
            }
        }
    }

    /**
     * Decodes codes with a codec.
     *
     * @param codec     PCMU or PCMA.
     * @param src       the codes.
     * @param srcOffset first code.
     * @param length    number of codes.
     * @param dst       destination linear PCM.
     * @param dstOffset first sample.
     */
    public static void decode(
        final Codec codec, final byte[] src, final int srcOffset, final int length, final short[] dst,
        final int dstOffset)
    {
        final short[] table = Codec.PCMU == codec ? ULAW_TO_LINEAR : ALAW_TO_LINEAR;
        for (int i = 0; i < length; i++)
        {
            dst[dstOffset + i] = table[src[srcOffset + i] & 0xFF];
        }
    }

    /**
     * The code of silence for a codec.
     *
     * @param codec PCMU or PCMA.
     * @return the code.
     */
    public static byte silence(final Codec codec)
    {
        return Codec.PCMU == codec ? ULAW_SILENCE : ALAW_SILENCE;
    }

    /**
     * The decode table (code → linear sample) for hot loops; the array is shared: read it, never write it.
     *
     * @param codec the codec.
     * @return 256 linear samples indexed by code.
     */
    public static short[] decodeTable(final Codec codec)
    {
        return Codec.PCMU == codec ? ULAW_TO_LINEAR : ALAW_TO_LINEAR;
    }

    /**
     * The transcoding table (code → code of the other law) for hot loops; the array is shared: read it, never write it.
     *
     * @param from the codec of the input codes.
     * @return 256 codes of the other law indexed by input code.
     */
    public static byte[] transcodeTable(final Codec from)
    {
        return Codec.PCMU == from ? ULAW_TO_ALAW : ALAW_TO_ULAW;
    }

    private static int linearToUlawReference(final int pcm14)
    {
        int value = pcm14;
        final int mask;
        if (value < 0)
        {
            value = -value - 1;
            mask = 0x7F;
        }
        else
        {
            mask = 0xFF;
        }
        if (value > 8159)
        {
            value = 8159;
        }
        value += BIAS >> 2;
        final int segment = segment(value, 0x3F);
        if (segment >= 8)
        {
            return 0x7F ^ mask;
        }
        return ((segment << 4) | ((value >> (segment + 1)) & 0xF)) ^ mask;
    }

    private static int linearToAlawReference(final int pcm13)
    {
        int value = pcm13;
        final int mask;
        if (value >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            value = -value - 1;
        }
        final int segment = segment(value, 0x1F);
        if (segment >= 8)
        {
            return 0x7F ^ mask;
        }
        final int quant = segment < 2 ? (value >> 1) & 0xF : (value >> segment) & 0xF;
        return ((segment << 4) | quant) ^ mask;
    }

    private static int segment(final int value, final int firstSegmentEnd)
    {
        int end = firstSegmentEnd;
        for (int i = 0; i < 8; i++)
        {
            if (value <= end)
            {
                return i;
            }
            end = (end << 1) | 1;
        }
        return 8;
    }

    private static int ulawToLinearReference(final int code)
    {
        final int u = ~code & 0xFF;
        int t = ((u & 0x0F) << 3) + BIAS;
        t <<= (u & 0x70) >> 4;
        return (u & 0x80) != 0 ? BIAS - t : t - BIAS;
    }

    private static int alawToLinearReference(final int code)
    {
        final int a = (code ^ 0x55) & 0xFF;
        int t = (a & 0x0F) << 4;
        final int segment = (a & 0x70) >> 4;
        if (0 == segment)
        {
            t += 8;
        }
        else
        {
            t += 0x108;
            t <<= segment - 1;
        }
        return (a & 0x80) != 0 ? t : -t;
    }
}
