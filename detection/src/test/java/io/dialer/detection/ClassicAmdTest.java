/*
 * Answering-machine detection tests.
 */
package io.dialer.detection;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClassicAmdTest
{
    private final DetectionResult result = new DetectionResult();
    private final ClassicAmd classic = new ClassicAmd(result);

    private void run(final short[] samples)
    {
        result.reset();
        classic.reset();
        for (int i = 0; i + 160 <= samples.length && !classic.isFinished(); i += 160)
        {
            classic.onFrame(samples, i, 160);
        }
    }

    private static short[] constant(final short[] samples, final int fromMs, final int toMs, final int level)
    {
        for (int i = fromMs * 8; i < toMs * 8; i++)
        {
            samples[i] = (short)((i & 1) == 0 ? level : -level);
        }
        return samples;
    }

    @Test
    void shouldCallMachineAfterInitialSilence()
    {
        run(new short[8000 * 4]);
        assertEquals(Verdict.MACHINE, result.verdict());
        assertEquals(Cause.INITIAL_SILENCE, result.cause());
        assertEquals(ClassicAmd.INITIAL_SILENCE_DEFAULT, result.decisionMs());
    }

    @Test
    void shouldCallHumanAfterOneWordAndSilence()
    {
        run(constant(new short[8000 * 4], 500, 900, 2000));
        assertEquals(Verdict.HUMAN, result.verdict());
        assertEquals(900 + ClassicAmd.AFTER_GREETING_SILENCE_DEFAULT, result.decisionMs());
    }

    @Test
    void shouldCallMachineAtThirdWord()
    {
        final short[] samples = new short[8000 * 4];
        constant(samples, 200, 500, 2000);
        constant(samples, 600, 900, 2000);
        constant(samples, 1000, 1300, 2000);
        run(samples);
        assertEquals(Verdict.MACHINE, result.verdict());
        assertEquals(Cause.TOO_MANY_WORDS, result.cause());
    }

    @Test
    void shouldCallMachineOnLongGreeting()
    {
        run(constant(new short[8000 * 4], 200, 2500, 2000));
        assertEquals(Verdict.MACHINE, result.verdict());
        assertEquals(Cause.LONG_GREETING, result.cause());
    }

    @Test
    void shouldBeNotSureAfterTotalAnalysisTime()
    {
        final short[] samples = new short[8000 * 6];
        for (int ms = 0; ms < 6000; ms += 1000)
        {
            constant(samples, ms + 100, ms + 160, 2000);
        }
        run(samples);
        assertEquals(Verdict.NOTSURE, result.verdict());
        assertEquals(Cause.TOO_LONG, result.cause());
    }
}
