/*
 * Dialer media tests.
 */
package io.dialer.media;

import io.dialer.audio.Codec;
import io.dialer.audio.G711;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromptTest
{
    private static final short[] TONE = MediaTests.tone(440, 800, 10000);

    @TempDir
    Path dir;

    @Test
    void shouldLoadPcm16WrittenByJavaSound() throws IOException
    {
        final ByteBuffer bytes = ByteBuffer.allocate(TONE.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (final short sample : TONE)
        {
            bytes.putShort(sample);
        }
        final AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        final Path file = dir.resolve("tone.wav");
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, TONE.length))
        {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }

        final Prompt prompt = Prompt.fromWav(file);
        assertEquals("tone.wav", prompt.name());
        assertEquals(100, prompt.durationMs());
        assertArrayEquals(TONE, prompt.samples());
    }

    @Test
    void shouldLoadUlawAndAlawSkippingUnknownAndOddChunks() throws IOException
    {
        for (final Codec codec : Codec.values())
        {
            final byte[] encoded = new byte[TONE.length];
            G711.encode(codec, TONE, 0, TONE.length, encoded, 0);
            final byte[] wav = new MediaTests.WavBuilder()
                .chunk("LIST", "INFOISFT odd".getBytes(StandardCharsets.US_ASCII))
                .chunk("junk", new byte[3])
                .fmt(Codec.PCMU == codec ? 7 : 6, 1, 8000, 8)
                .chunk("fact", new byte[] {32, 3, 0, 0})
                .chunk("data", encoded)
                .build();
            final Path file = write(codec + ".wav", wav);

            final short[] expected = new short[TONE.length];
            G711.decode(codec, encoded, 0, encoded.length, expected, 0);
            final Prompt prompt = Prompt.fromWav(file);
            assertArrayEquals(expected, prompt.samples(), codec.name());
            assertEquals(100, prompt.durationMs());
        }
    }

    @Test
    void shouldLoadExtensibleFormatPcm() throws IOException
    {
        final ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short)0xFFFE).putShort((short)1).putInt(8000).putInt(16000).putShort((short)2)
            .putShort((short)16).putShort((short)22).putShort((short)16).putInt(4).putShort((short)1);
        final byte[] wav = new MediaTests.WavBuilder()
            .chunk("fmt ", fmt.array())
            .pcm16(TONE)
            .build();
        assertArrayEquals(TONE, Prompt.fromWav(write("ext.wav", wav)).samples());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "stereo      | hold.wav: 2 channels, need mono",
        "rate44100   | hold.wav: sample rate 44100 Hz, need 8000 Hz",
        "rate16000   | hold.wav: sample rate 16000 Hz, need 8000 Hz",
        "pcm8        | hold.wav: 8-bit PCM, need 16-bit",
        "mp3InRiff   | hold.wav: format 85 (MP3) not supported, need PCM (1), A-law (6) or u-law (7)",
        "float       | hold.wav: format 3 (IEEE float) not supported, need PCM (1), A-law (6) or u-law (7)",
        "mp3         | hold.wav: not a RIFF/WAVE file",
        "text        | hold.wav: not a RIFF/WAVE file",
        "truncated   | hold.wav: truncated 'data' chunk (declares 1600 bytes, 800 present)",
        "noData      | hold.wav: no data chunk",
        "noFmt       | hold.wav: no fmt chunk",
        "shortFmt    | hold.wav: fmt chunk of 8 bytes, need at least 16",
        "ulaw16      | hold.wav: 16-bit u-law, need 8-bit",
    })
    void shouldRejectWithMessageNamingFileAndProblem(final String kind, final String message) throws IOException
    {
        final Path file = write("hold.wav", badWav(kind));
        final IOException ex = assertThrows(IOException.class, () -> Prompt.fromWav(file));
        assertEquals(message, ex.getMessage());
    }

    @Test
    void shouldRejectMissingFile()
    {
        final IOException ex = assertThrows(IOException.class, () -> Prompt.fromWav(dir.resolve("absent.wav")));
        assertTrue(ex.getMessage().contains("absent.wav"), ex.getMessage());
    }

    @Test
    void shouldCopyPcm()
    {
        final short[] samples = {1, 2, 3};
        final Prompt prompt = Prompt.fromPcm("x", samples);
        samples[0] = 99;
        assertArrayEquals(new short[] {1, 2, 3}, prompt.samples());
    }

    @Test
    void shouldGenerateLoopableDeterministicHoldMusic()
    {
        final Prompt music = Prompt.holdMusic();
        assertTrue(music.durationMs() >= 10_000 && music.durationMs() <= 20_000, music.toString());
        final short[] samples = music.samples();
        assertArrayEquals(HoldMusic.generate(), samples);

        // Tonal and audible, never clipping, starting and ending in silence so that the loop does not click.
        int peak = 0;
        for (final short sample : samples)
        {
            peak = Math.max(peak, Math.abs(sample));
        }
        assertTrue(peak > 3000 && peak < 32000, "peak " + peak);
        assertTrue(MediaTests.rms(samples) > 500, "rms " + MediaTests.rms(samples));
        assertTrue(Math.abs(samples[0]) < 200 && Math.abs(samples[samples.length - 1]) < 200);

        // The first note is E4 (329.6 Hz): its energy dominates over a non-melody frequency.
        final short[] firstNote = Arrays.copyOfRange(samples, 200, 1800);
        assertTrue(MediaTests.goertzel(firstNote, 0, firstNote.length, 329.63) >
            100 * MediaTests.goertzel(firstNote, 0, firstNote.length, 1000));
        assertEquals(Prompt.holdMusic(), music);
    }

    private Path write(final String name, final byte[] bytes) throws IOException
    {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] badWav(final String kind)
    {
        final byte[] pcm = new byte[800];
        switch (kind)
        {
            case "stereo":
                return new MediaTests.WavBuilder().fmt(1, 2, 8000, 16).chunk("data", pcm).build();
            case "rate44100":
                return new MediaTests.WavBuilder().fmt(1, 1, 44100, 16).chunk("data", pcm).build();
            case "rate16000":
                return new MediaTests.WavBuilder().fmt(1, 1, 16000, 16).chunk("data", pcm).build();
            case "pcm8":
                return new MediaTests.WavBuilder().fmt(1, 1, 8000, 8).chunk("data", pcm).build();
            case "mp3InRiff":
                return new MediaTests.WavBuilder().fmt(0x55, 1, 8000, 0).chunk("data", pcm).build();
            case "float":
                return new MediaTests.WavBuilder().fmt(3, 1, 8000, 32).chunk("data", pcm).build();
            case "mp3":
                return new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, (byte)0xFF, (byte)0xFB, (byte)0x90, 0};
            case "text":
                return "hello, this is not audio".getBytes(StandardCharsets.US_ASCII);
            case "truncated":
            {
                final byte[] whole = new MediaTests.WavBuilder().fmt(1, 1, 8000, 16).chunk("data", new byte[1600])
                    .build();
                return Arrays.copyOf(whole, whole.length - 800);
            }
            case "noData":
                return new MediaTests.WavBuilder().fmt(1, 1, 8000, 16).chunk("LIST", new byte[4]).build();
            case "noFmt":
                return new MediaTests.WavBuilder().chunk("data", pcm).build();
            case "shortFmt":
                return new MediaTests.WavBuilder().chunk("fmt ", new byte[8]).chunk("data", pcm).build();
            case "ulaw16":
                return new MediaTests.WavBuilder().fmt(7, 1, 8000, 16).chunk("data", pcm).build();
            default:
                throw new IllegalArgumentException(kind);
        }
    }
}
