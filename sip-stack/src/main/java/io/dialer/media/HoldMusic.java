/*
 * Dialer media.
 */
package io.dialer.media;

/**
 * The built-in hold music: a deterministic melody of soft sine tones (a fundamental, a quiet octave and a bass
 * note) with a quick attack and an exponential decay, 8 kHz. Each note decays to silence, so the prompt loops
 * without a click.
 */
final class HoldMusic
{
    static final int NOTE_SAMPLES = 3200;
    private static final double PEAK = 6000.0;
    private static final double C4 = 261.63;

    /**
     * Semitones above C4 of the melody (a gentle pentatonic tune, 4 phrases of 8 notes), -100 is a rest.
     */
    private static final int[] MELODY =
    {
        4, 7, 9, 7, 4, 2, 0, 2,
        4, 7, 9, 12, 9, 7, 4, -100,
        2, 4, 7, 4, 2, 0, -3, 0,
        2, 4, 2, 0, -3, 0, 0, -100,
    };

    /**
     * Bass note (semitones above C3) of each 8-note phrase.
     */
    private static final int[] BASS = {0, 5, 7, 0};

    private HoldMusic()
    {
    }

    static short[] generate()
    {
        final short[] samples = new short[MELODY.length * NOTE_SAMPLES];
        final int attack = 80;
        for (int n = 0; n < MELODY.length; n++)
        {
            final int semitone = MELODY[n];
            if (semitone < -99)
            {
                continue;
            }
            final double frequency = C4 * Math.pow(2.0, semitone / 12.0);
            final double bass = C4 / 2 * Math.pow(2.0, BASS[n / 8] / 12.0);
            final int start = n * NOTE_SAMPLES;
            for (int i = 0; i < NOTE_SAMPLES; i++)
            {
                final double t = i / (double)Prompt.SAMPLE_RATE;
                final double envelope = (i < attack ? i / (double)attack : 1.0) * Math.exp(-3.5 * t) *
                    (1.0 - i / (double)NOTE_SAMPLES);
                final double value = Math.sin(2 * Math.PI * frequency * t) +
                    0.25 * Math.sin(4 * Math.PI * frequency * t) +
                    0.35 * Math.sin(2 * Math.PI * bass * t);
                samples[start + i] = (short)Math.round(PEAK * envelope * value / 1.6);
            }
        }
        return samples;
    }
}
