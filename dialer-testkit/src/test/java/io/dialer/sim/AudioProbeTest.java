/*
 * Dialer simulated phones tests.
 */
package io.dialer.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioProbeTest
{
    @Test
    void shouldMeasureToneFrequencyAndIgnoreSilence() throws InterruptedException
    {
        final AudioProbe probe = new AudioProbe();
        final short[] tone = Tones.sine(1000, 200, 8000);
        final short[] silence = new short[160];
        for (int i = 0; i < tone.length; i += 160)
        {
            probe.onFrame(1, tone, i, 160, i);
            probe.onFrame(1, silence, 0, 160, i);
        }

        assertEquals(20, probe.frames());
        assertEquals(200, probe.voicedMs());
        assertEquals(1000, probe.toneHz(), 50, "zero-crossing estimate within 5 %");
        assertTrue(probe.voicedRms() > 5000);
        assertTrue(probe.awaitVoicedMs(200, 0));
    }
}
