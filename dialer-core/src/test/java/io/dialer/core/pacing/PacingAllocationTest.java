/*
 * Dialer core tests.
 */
package io.dialer.core.pacing;

import io.dialer.core.Allocations;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The predictive pacer's observation and decision paths allocate nothing (they run on the controller's thread).
 */
class PacingAllocationTest
{
    private static final int DECISIONS = 100_000;

    @Test
    void shouldMeasureAndDecideWithoutAllocating()
    {
        final PredictivePacer pacer = new PredictivePacer(0.03, 3, 0);
        final long[] startMs = {0};

        final Allocations.Result measured = Allocations.leastOf(3, () ->
        {
            final long sum = run(pacer, startMs[0]);
            startMs[0] += DECISIONS * 10L;
            return sum;
        });
        assertTrue(measured.bytes() < 1024, "allocated " + measured.bytes() + " bytes over " + DECISIONS +
            " decisions");
        assertTrue(measured.sum() > 0);
    }

    private static long run(final PredictivePacer pacer, final long startMs)
    {
        long sum = 0;
        for (int i = 0; i < DECISIONS; i++)
        {
            final long nowMs = startMs + i * 10L;
            if ((i & 3) == 0)
            {
                pacer.answered(nowMs);
                pacer.verdict(nowMs, (i & 4) == 0);
                pacer.scriptEnded(nowMs, (i & 8) == 0, 40_000, 30_000);
                pacer.held(nowMs, (i & 16) == 0 ? 0 : 5_000);
            }
            else
            {
                pacer.notAnswered(nowMs);
            }
            if ((i & 15) == 0)
            {
                pacer.briefed(nowMs, 8_000);
                pacer.talked(nowMs, 180_000);
                pacer.wrapped(nowMs, 20_000);
            }
            pacer.beginFloor(nowMs);
            for (int closer = 0; closer < 20; closer++)
            {
                switch (closer & 3)
                {
                    case 0 -> pacer.closerBriefing(closer * 1_000L);
                    case 1 -> pacer.closerTalking(closer * 10_000L);
                    case 2 -> pacer.closerWrapping(closer * 500L);
                    default ->
                    {
                    }
                }
            }
            sum += pacer.decide(nowMs, 20, i & 7, 0, i & 31, i & 3, i & 15, i & 1, 1_000);
        }
        return sum;
    }
}
