/*
 * Dialer simulated phones tests.
 */
package io.dialer.sim;

import java.util.concurrent.TimeUnit;

import io.dialer.audio.G711;
import io.dialer.media.TextToSpeech;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tone probe counts a tone through G.711 and nothing else: not speech, not silence, not another tone.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ToneProbeTest
{
    private static void feed(final ToneProbe probe, final short[] audio)
    {
        for (int at = 0; at + 160 <= audio.length; at += 160)
        {
            probe.onFrame(1, audio, at, 160, at);
        }
    }

    @Test
    void shouldCountTheToneThroughG711()
    {
        final short[] tone = Tones.sine(1850, 1000, 6000);
        final short[] decoded = new short[tone.length];
        for (int i = 0; i < tone.length; i++)
        {
            decoded[i] = G711.ulawToLinear(G711.linearToUlaw(tone[i]));
        }
        final ToneProbe probe = new ToneProbe(1850);

        feed(probe, decoded);

        assertEquals(1000, probe.toneMs());
        assertEquals(50, probe.frames());
    }

    @Test
    void shouldNotCountSpeechSilenceOrAnotherTone() throws Exception
    {
        final short[] speech = new TextToSpeech()
            .render("Lead Ana Lopez said yes. Press one to accept, nine to reject.").samples();
        final ToneProbe probe = new ToneProbe(1850);

        feed(probe, Tones.concat(speech, Tones.noise(1000, 30, 1), Tones.sine(1000, 1000, 8000),
            Tones.voicemailGreeting(1000).samples()));

        assertTrue(probe.toneMs() < 60, "at most a frame or two of speech by chance: " + probe.toneMs());
        assertFalse(probe.awaitToneMs(200, 50));
    }
}
