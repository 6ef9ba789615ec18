/*
 * Dialer command line tests.
 */
package io.dialer.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmdCommandTest
{
    private static final int RATE = 8000;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new DialerMain());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void shouldPrintOneJsonLinePerFile() throws Exception
    {
        final Path human = write("human.wav", 1, RATE, pcm16(human()));
        final Path machine = write("machine.wav", 7, RATE, ulaw(machine()));

        assertEquals(AmdCommand.OK, run("amd", human.toString(), machine.toString()));

        final String[] lines = out.toString().trim().split("\n");
        assertEquals(2, lines.length, out.toString());
        assertTrue(lines[0].startsWith("{\"file\":\"" + human + "\",\"result\":\"HUMAN\",\"decisionMs\":"), lines[0]);
        assertTrue(lines[0].contains("\"beepMs\":null"), lines[0]);
        assertTrue(lines[0].contains("\"cause\":\"short-greeting\""), lines[0]);
        assertTrue(lines[0].matches(".*\"confidence\":(0|1)\\.\\d\\d.*"), lines[0]);
        assertTrue(lines[1].contains("\"result\":\"MACHINE\""), lines[1]);
        assertTrue(lines[1].matches(".*\"beepMs\":\\d+,.*"), lines[1]);
        assertTrue(lines[1].contains("\"encoding\":\"ulaw\""), lines[1]);
    }

    @Test
    void shouldRejectBadFilesAndStillClassifyTheOthers() throws Exception
    {
        final Path wideband = write("wideband.wav", 1, 16000, pcm16(human()));
        final Path human = write("human.wav", 1, RATE, pcm16(human()));
        final Path text = dir.resolve("notes.wav");
        Files.writeString(text, "not audio");

        final int exitCode = run("amd", wideband.toString(), human.toString(), text.toString(),
            dir.resolve("missing.wav").toString());

        assertEquals(AmdCommand.REJECTED, exitCode);
        final String[] lines = out.toString().trim().split("\n");
        assertEquals(4, lines.length, out.toString());
        assertTrue(lines[0].contains("\"error\":\"sample rate 16000 Hz, need 8000 Hz\""), lines[0]);
        assertTrue(lines[1].contains("\"result\":\"HUMAN\""), lines[1]);
        assertTrue(lines[2].contains("\"error\":\"not a RIFF/WAVE file"), lines[2]);
        assertTrue(lines[3].contains("\"error\":\"no such file\""), lines[3]);
        assertTrue(err.toString().contains("wideband.wav: sample rate 16000 Hz"), err.toString());
    }

    @Test
    void shouldQuoteJsonStrings()
    {
        assertEquals("\"a\\\"b\\\\c\\n\"", AmdCommand.quote("a\"b\\c\n"));
    }

    private static short[] human()
    {
        final short[] samples = new short[RATE * 4];
        speech(samples, 600, 1100, new Random(1));
        noise(samples, new Random(2));
        return samples;
    }

    private static short[] machine()
    {
        final short[] samples = new short[RATE * 10];
        speech(samples, 300, 6500, new Random(3));
        for (int i = 0; i < RATE / 2; i++)
        {
            samples[7000 * 8 + i] = (short)(8000 * Math.sin(2 * Math.PI * 1000 * i / RATE));
        }
        noise(samples, new Random(4));
        return samples;
    }

    private static void speech(final short[] samples, final int fromMs, final int toMs, final Random random)
    {
        int i = fromMs * 8;
        while (i < toMs * 8)
        {
            final int syllable = Math.min(toMs * 8 - i, (150 + random.nextInt(100)) * 8);
            final double f0 = 100 + random.nextInt(120);
            double phase = 0;
            for (int n = 0; n < syllable; n++)
            {
                phase += 2 * Math.PI * f0 / RATE;
                double v = 0;
                for (int h = 1; h <= 12; h++)
                {
                    v += Math.sin(h * phase) / h;
                }
                v += 0.3 * random.nextGaussian();
                samples[i + n] = (short)(3000 * Math.sin(Math.PI * n / syllable) * v);
            }
            i += syllable + (40 + random.nextInt(40)) * 8;
        }
    }

    private static void noise(final short[] samples, final Random random)
    {
        for (int i = 0; i < samples.length; i++)
        {
            samples[i] = (short)Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, samples[i] +
                30 * random.nextGaussian()));
        }
    }

    private static byte[] pcm16(final short[] samples)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (final short s : samples)
        {
            buffer.putShort(s);
        }
        return buffer.array();
    }

    private static byte[] ulaw(final short[] samples)
    {
        final byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++)
        {
            final int v = samples[i];
            final int sign = v < 0 ? 0x80 : 0;
            final int magnitude = Math.min(v < 0 ? -v : v, 32635) + 0x84;
            int exponent = 7;
            for (int mask = 0x4000; exponent > 0 && (magnitude & mask) == 0; mask >>= 1)
            {
                exponent--;
            }
            final int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
            out[i] = (byte)~(sign | (exponent << 4) | mantissa);
        }
        return out;
    }

    private Path write(final String name, final int format, final int rate, final byte[] data) throws Exception
    {
        final int bits = 1 == format ? 16 : 8;
        final ByteBuffer buffer = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(0x46464952).putInt(36 + data.length).putInt(0x45564157)
            .putInt(0x20746D66).putInt(16).putShort((short)format).putShort((short)1).putInt(rate)
            .putInt(rate * bits / 8).putShort((short)(bits / 8)).putShort((short)bits)
            .putInt(0x61746164).putInt(data.length).put(data);
        final Path file = dir.resolve(name);
        Files.write(file, buffer.array());
        return file;
    }
}
