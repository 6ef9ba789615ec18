/*
 * Dialer core tests.
 */
package io.dialer.core.pacing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecayingMeanTest
{
    @Test
    void shouldGiveThePriorBeforeAnySample()
    {
        final DecayingMean mean = new DecayingMean(60_000, 0.25, 0.1, 10);

        assertEquals(0.25, mean.mean(0), 1e-12);
        assertEquals(0.1, mean.sd(0), 1e-12);
        assertEquals(0, mean.weight(0), 1e-12);
    }

    @Test
    void shouldWeighSamplesAgainstThePrior()
    {
        final DecayingMean mean = new DecayingMean(60_000, 0.0, 0, 10);
        for (int i = 0; i < 10; i++)
        {
            mean.add(1_000, 1.0);
        }

        assertEquals(0.5, mean.mean(1_000), 1e-12);
    }

    @Test
    void shouldHalveASampleWeightEveryHalfLife()
    {
        final DecayingMean mean = new DecayingMean(60_000, 0.0, 0, 0);
        mean.add(0, 1.0);

        assertEquals(0.5, mean.weight(60_000), 1e-9);
        assertEquals(0.25, mean.weight(120_000), 1e-9);
    }

    @Test
    void shouldDecayByTimeNotBySampleCount()
    {
        final DecayingMean mean = new DecayingMean(60_000, 0.5, 0, 1);
        for (int i = 0; i < 100; i++)
        {
            mean.add(0, 0.2); // a minute's worth measured long ago
        }
        for (int i = 0; i < 100; i++)
        {
            mean.add(600_000, 0.6); // a burst ten half-lives later outweighs it
        }

        assertTrue(Math.abs(mean.mean(600_000) - 0.6) < 0.01, "mean " + mean.mean(600_000));

        final DecayingMean burst = new DecayingMean(60_000, 0.5, 0, 1);
        for (int i = 0; i < 100; i++)
        {
            burst.add(0, 0.2);
        }
        for (int i = 0; i < 100; i++)
        {
            burst.add(1, 0.6); // the same samples a millisecond apart weigh the same
        }
        assertTrue(Math.abs(burst.mean(1) - 0.4) < 0.01, "mean " + burst.mean(1));
    }

    @Test
    void shouldMeasureTheSpread()
    {
        final DecayingMean mean = new DecayingMean(60_000, 0, 0, 0);
        mean.add(0, 10);
        mean.add(0, 20);

        assertEquals(15, mean.mean(0), 1e-9);
        assertEquals(5, mean.sd(0), 1e-9);
    }

    @Test
    void shouldRefuseANonPositiveHalfLife()
    {
        assertThrows(IllegalArgumentException.class, () -> new DecayingMean(0, 0, 0, 1));
    }
}
