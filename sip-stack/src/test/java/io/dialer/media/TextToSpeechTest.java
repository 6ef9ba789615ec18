/*
 * Dialer media tests.
 */
package io.dialer.media;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextToSpeechTest
{
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldRenderAudibleSpeechOnceAndCacheIt() throws IOException
    {
        final TextToSpeech tts = new TextToSpeech();
        final String text = "Please hold while we connect you to an agent.";
        final Prompt prompt = tts.render(text);

        assertEquals(text, prompt.name());
        // About eight words: between one and a half and six seconds of speech at 8 kHz.
        assertTrue(prompt.durationMs() > 1500 && prompt.durationMs() < 6000, prompt.toString());
        final short[] samples = prompt.samples();
        assertTrue(MediaTests.rms(samples) > 300, "rms " + MediaTests.rms(samples));

        // Speech has pauses and loud parts: the loudest 20 ms frame is far louder than the quietest.
        double loudest = 0;
        double quietest = Double.MAX_VALUE;
        for (int i = 0; i + 160 <= samples.length; i += 160)
        {
            final short[] frame = java.util.Arrays.copyOfRange(samples, i, i + 160);
            loudest = Math.max(loudest, MediaTests.rms(frame));
            quietest = Math.min(quietest, MediaTests.rms(frame));
        }
        assertTrue(loudest > 20 * Math.max(1, quietest), "loudest " + loudest + " quietest " + quietest);

        assertSame(prompt, tts.render(text));
        assertEquals(1, tts.cachedCount());
        final Prompt other = tts.render("Goodbye.");
        assertNotSame(prompt, other);
        assertTrue(other.durationMs() < prompt.durationMs());
        assertEquals(2, tts.cachedCount());
    }
}
