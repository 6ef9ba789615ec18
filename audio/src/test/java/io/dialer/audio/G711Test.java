/*
 * Dialer media tests.
 */
package io.dialer.audio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class G711Test
{
    @Test
    void shouldDecodeReferenceValues()
    {
        // ITU-T G.711 tables: µ-law extremes ±8031 on the 14-bit scale (×4), A-law ±4032 on the 13-bit scale (×8).
        assertEquals(-32124, G711.ulawToLinear(0x00));
        assertEquals(32124, G711.ulawToLinear(0x80));
        assertEquals(0, G711.ulawToLinear(0xFF));
        assertEquals(0, G711.ulawToLinear(0x7F));
        assertEquals(8, G711.ulawToLinear(0xFE));
        assertEquals(120, G711.ulawToLinear(0xF0));
        assertEquals(-8, G711.alawToLinear(0x55));
        assertEquals(8, G711.alawToLinear(0xD5));
        assertEquals(32256, G711.alawToLinear(0xAA));
        assertEquals(-32256, G711.alawToLinear(0x2A));
        assertEquals(264, G711.alawToLinear(0xC5));
    }

    @Test
    void shouldEncodeSilenceAndExtremes()
    {
        assertEquals(G711.ULAW_SILENCE, G711.linearToUlaw(0));
        assertEquals(G711.ALAW_SILENCE, G711.linearToAlaw(0));
        assertEquals((byte)0x80, G711.linearToUlaw(32767));
        assertEquals((byte)0x00, G711.linearToUlaw(-32768));
        assertEquals((byte)0xAA, G711.linearToAlaw(32767));
        assertEquals((byte)0x2A, G711.linearToAlaw(-32768));
    }

    @Test
    void shouldRoundTripEveryAlawCode()
    {
        for (int code = 0; code < 256; code++)
        {
            assertEquals((byte)code, G711.linearToAlaw(G711.alawToLinear(code)), "A-law code " + code);
        }
    }

    @Test
    void shouldRoundTripEveryUlawCodeButNegativeZero()
    {
        for (int code = 0; code < 256; code++)
        {
            final int expected = 0x7F == code ? 0xFF : code;
            assertEquals((byte)expected, G711.linearToUlaw(G711.ulawToLinear(code)), "µ-law code " + code);
        }
    }

    @Test
    void shouldQuantiseEverySampleWithinHalfAStep()
    {
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++)
        {
            final int ulaw = G711.linearToUlaw(sample) & 0xFF;
            final int ulawStep = 8 << ((~ulaw >> 4) & 7);
            assertWithin(sample, G711.ulawToLinear(ulaw), ulawStep, 32124);
            final int alaw = G711.linearToAlaw(sample) & 0xFF;
            final int segment = ((alaw ^ 0x55) >> 4) & 7;
            final int alawStep = segment <= 1 ? 16 : 16 << (segment - 1);
            assertWithin(sample, G711.alawToLinear(alaw), alawStep, 32256);
        }
    }

    @Test
    void shouldBeMonotonic()
    {
        int previousU = Integer.MIN_VALUE;
        int previousA = Integer.MIN_VALUE;
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++)
        {
            final int u = G711.ulawToLinear(G711.linearToUlaw(sample));
            final int a = G711.alawToLinear(G711.linearToAlaw(sample));
            assertTrue(u >= previousU && a >= previousA, "not monotonic at " + sample);
            previousU = u;
            previousA = a;
        }
    }

    @Test
    void shouldTranscodeToTheSameValue()
    {
        for (int code = 0; code < 256; code++)
        {
            final int fromU = G711.alawToLinear(G711.ulawToAlaw(code));
            assertEquals(G711.alawToLinear(G711.linearToAlaw(G711.ulawToLinear(code))), fromU);
            final int fromA = G711.ulawToLinear(G711.alawToUlaw(code));
            assertEquals(G711.ulawToLinear(G711.linearToUlaw(G711.alawToLinear(code))), fromA);
        }
    }

    @Test
    void shouldEncodeAndDecodeFrames()
    {
        final short[] pcm = tone(1000, 160, 12000);
        for (final Codec codec : Codec.values())
        {
            final byte[] encoded = new byte[160];
            final short[] decoded = new short[160];
            G711.encode(codec, pcm, 0, 160, encoded, 0);
            G711.decode(codec, encoded, 0, 160, decoded, 0);
            for (int i = 0; i < 160; i++)
            {
                assertTrue(Math.abs(decoded[i] - pcm[i]) <= Math.abs(pcm[i]) / 16 + 16, codec + " sample " + i);
            }
        }
    }

    @Test
    void shouldMatchItuG191ReferenceForEverySample()
    {
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++)
        {
            assertEquals((byte)g191UlawCompress(sample), G711.linearToUlaw(sample), "µ-law of " + sample);
            assertEquals((byte)g191AlawCompress(sample), G711.linearToAlaw(sample), "A-law of " + sample);
        }
        for (int code = 0; code < 256; code++)
        {
            assertEquals(g191UlawExpand(code), G711.ulawToLinear(code), "µ-law code " + code);
            assertEquals(g191AlawExpand(code), G711.alawToLinear(code), "A-law code " + code);
        }
    }

    /**
     * ITU-T G.191 STL {@code ulaw_compress}, transcribed.
     */
    private static int g191UlawCompress(final int linear)
    {
        int absno = linear < 0 ? ((~linear) >> 2) + 33 : (linear >> 2) + 33;
        if (absno > 0x1FFF)
        {
            absno = 0x1FFF;
        }
        int i = absno >> 6;
        int segno = 1;
        while (i != 0)
        {
            segno++;
            i >>= 1;
        }
        final int highNibble = 0x0008 - segno;
        final int lowNibble = 0x000F - ((absno >> segno) & 0x000F);
        int out = (highNibble << 4) | lowNibble;
        if (linear >= 0)
        {
            out |= 0x0080;
        }
        return out;
    }

    /**
     * ITU-T G.191 STL {@code alaw_compress}, transcribed.
     */
    private static int g191AlawCompress(final int linear)
    {
        int ix = linear < 0 ? (~linear) >> 4 : linear >> 4;
        if (ix > 15)
        {
            int iexp = 1;
            while (ix > 16 + 15)
            {
                ix >>= 1;
                iexp++;
            }
            ix -= 16;
            ix += iexp << 4;
        }
        if (linear >= 0)
        {
            ix |= 0x0080;
        }
        return ix ^ 0x0055;
    }

    /**
     * ITU-T G.191 STL {@code ulaw_expand}, transcribed.
     */
    private static int g191UlawExpand(final int code)
    {
        final int sign = code < 0x80 ? -1 : 1;
        final int mantissa = ~code;
        final int exponent = (mantissa >> 4) & 0x0007;
        final int step = 4 << (exponent + 1);
        return sign * ((0x0080 << exponent) + step * (mantissa & 0x000F) + step / 2 - 4 * 33);
    }

    /**
     * ITU-T G.191 STL {@code alaw_expand}, transcribed.
     */
    private static int g191AlawExpand(final int code)
    {
        final int ix = (code ^ 0x0055) & 0x007F;
        final int iexp = ix >> 4;
        int mant = ix & 0x000F;
        if (iexp > 0)
        {
            mant += 16;
        }
        mant = (mant << 4) + 0x0008;
        if (iexp > 1)
        {
            mant <<= iexp - 1;
        }
        return code > 127 ? mant : -mant;
    }

    private static void assertWithin(final int sample, final int decoded, final int step, final int max)
    {
        if (Math.abs(sample) >= max)
        {
            assertEquals(sample < 0 ? -max : max, decoded, "clipping of " + sample);
            return;
        }
        // Half a step, plus what the 14/13-bit truncation of the input may add.
        assertTrue(Math.abs(decoded - sample) <= step / 2 + 8, "sample " + sample + " decoded to " + decoded);
    }

    private static short[] tone(final double frequency, final int samples, final int amplitude)
    {
        final short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++)
        {
            pcm[i] = (short)Math.round(amplitude * Math.sin(2 * Math.PI * frequency * i / 8000.0));
        }
        return pcm;
    }
}
