/*
 * Dialer core tests.
 */
package io.dialer.core.pacing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredictivePacerTest
{
    private static final long NOW = 1_000_000;

    /**
     * A pacer that has measured 200 dials: 25 % answered, 60 % of them people, 30 % of those qualified 40 s after
     * the dial (30 s after the answer), briefings of 8 s, talks of 3 minutes, wrap-ups of 20 s.
     */
    private static PredictivePacer measured(final int minAnswers)
    {
        final PredictivePacer pacer = new PredictivePacer(0.03, 3, minAnswers);
        for (int i = 0; i < 200; i++)
        {
            final long t = NOW - 100_000 + i * 500L;
            if (i % 4 == 0)
            {
                pacer.answered(t);
                final boolean human = i % 20 != 0 && i % 20 != 8;
                pacer.verdict(t, human);
                if (human)
                {
                    pacer.scriptEnded(t, i % 40 < 12, 40_000, 30_000);
                }
            }
            else
            {
                pacer.notAnswered(t);
            }
            if (i % 10 == 0)
            {
                pacer.briefed(t, 8_000);
                pacer.talked(t, 180_000);
                pacer.wrapped(t, 20_000);
            }
        }
        return pacer;
    }

    @Test
    void shouldDialNothingWithNoCloserOnTheFloor()
    {
        final PredictivePacer pacer = measured(0);
        pacer.beginFloor(NOW);

        assertEquals(0, pacer.decide(NOW, 0, 0, 0, 5, 0, 0, 0, 100));
        assertEquals(PacingReason.NO_CLOSER, pacer.reason());
    }

    @Test
    void shouldDialNoNewLineWhileCallersWait()
    {
        final PredictivePacer pacer = measured(0);
        pacer.beginFloor(NOW);

        assertEquals(7, pacer.decide(NOW, 10, 3, 1, 4, 1, 2, 0, 100));
        assertEquals(PacingReason.CALLERS_WAITING, pacer.reason());
    }

    @Test
    void shouldStartAsProgressiveOneUntilEnoughAnswers()
    {
        final PredictivePacer pacer = measured(1_000);
        pacer.beginFloor(NOW);

        assertEquals(4, pacer.decide(NOW, 10, 4, 0, 0, 0, 0, 0, 30));
        assertEquals(PacingReason.WARMING_UP, pacer.reason());
        assertEquals(50, pacer.answers());
    }

    @Test
    void shouldWarmUpAgainAfterAQuietSpell()
    {
        final PredictivePacer pacer = measured(50);
        pacer.beginFloor(NOW);
        pacer.decide(NOW, 10, 4, 0, 0, 0, 0, 0, 30);
        assertEquals(PacingReason.MAX_LINES_PER_CLOSER, pacer.reason(), "50 answers in the last 100 s");

        final long nextMorning = NOW + 15 * 3_600_000L;
        pacer.beginFloor(nextMorning);
        assertEquals(4, pacer.decide(nextMorning, 10, 4, 0, 0, 0, 0, 0, 30));
        assertEquals(PacingReason.WARMING_UP, pacer.reason(), "last night's answers are stale");
        assertEquals(50, pacer.answers());
    }

    @Test
    void shouldFallBackToProgressiveOneWhenTheBudgetIsSpent()
    {
        final PredictivePacer pacer = measured(0);
        pacer.beginFloor(NOW);

        assertEquals(2, pacer.decide(NOW, 10, 2, 0, 0, 0, 0, 3, 100));
        assertEquals(PacingReason.ABANDON_BUDGET, pacer.reason());
    }

    @Test
    void shouldDialManyLinesPerAvailableCloserFromTheRates()
    {
        final PredictivePacer measured = measured(0);
        measured.beginFloor(NOW);
        final int target = measured.decide(NOW, 10, 10, 0, 0, 0, 0, 0, 100);

        assertEquals(PacingReason.MAX_LINES_PER_CLOSER, measured.reason());
        assertEquals(30, target); // 3 per closer on the floor, though the rates would allow more
    }

    @Test
    void shouldPredictFromTheQualificationChanceOfALine()
    {
        final PredictivePacer pacer = new PredictivePacer(0.03, 100, 0, 1000, 2.0, 4.0);
        feed(pacer);
        pacer.beginFloor(NOW);
        final int target = pacer.decide(NOW, 5, 5, 0, 0, 0, 0, 0, 100);

        // p = 0.25 x 0.8 x 0.25 = 0.05: n p + 2 sqrt(n p (1 - p)) <= 5 gives n = 46 (the priors move it a little)
        assertEquals(PacingReason.PREDICTED, pacer.reason());
        assertTrue(target >= 42 && target <= 50, "target " + target);
        assertTrue(pacer.expectedDemand() <= 5, "demand " + pacer.expectedDemand());
    }

    @Test
    void shouldCountClosersAboutToFreeUpButNotThoseWhoJustStarted()
    {
        final PredictivePacer pacer = new PredictivePacer(0.03, 100, 0, 1000, 2.0, 4.0);
        feed(pacer);

        pacer.beginFloor(NOW);
        for (int i = 0; i < 5; i++)
        {
            pacer.closerTalking(1_000); // 3 minutes to go: not free within the 40 s horizon
        }
        final int justStarted = pacer.decide(NOW, 5, 0, 0, 0, 0, 0, 0, 100);
        assertTrue(pacer.expectedFree() < 0.1, "free " + pacer.expectedFree());

        pacer.beginFloor(NOW);
        for (int i = 0; i < 5; i++)
        {
            pacer.closerWrapping(15_000); // free in 5 s
        }
        final int aboutToFree = pacer.decide(NOW, 5, 0, 0, 0, 0, 0, 0, 100);
        assertTrue(pacer.expectedFree() > 4.9, "free " + pacer.expectedFree());

        assertTrue(justStarted <= 2, "just started " + justStarted);
        assertTrue(aboutToFree > 30, "about to free " + aboutToFree);
    }

    @Test
    void shouldCountTheCallsInFlightAgainstTheClosers()
    {
        final PredictivePacer pacer = new PredictivePacer(0.03, 100, 0, 1000, 2.0, 4.0);
        feed(pacer);
        pacer.beginFloor(NOW);
        final int empty = pacer.decide(NOW, 5, 5, 0, 0, 0, 0, 0, 100);
        pacer.beginFloor(NOW);
        final int withScripts = pacer.decide(NOW, 5, 5, 0, 0, 0, 6, 0, 100);

        assertEquals(PacingReason.PREDICTED, pacer.reason());
        assertTrue(withScripts - 6 < empty, "new lines " + (withScripts - 6) + " vs " + empty);
    }

    @Test
    void shouldHoldWhenThePeopleInTheScriptOutnumberTheClosersSoonFree()
    {
        final PredictivePacer pacer = new PredictivePacer(0.03, 100, 0, 1000, 2.0, 4.0);
        feed(pacer);
        pacer.beginFloor(NOW);

        assertEquals(20, pacer.decide(NOW, 5, 1, 0, 0, 0, 20, 0, 100)); // 20 x 0.3 = 6 expected, 1 free
        assertEquals(PacingReason.CLOSERS_BUSY, pacer.reason());
    }

    @Test
    void shouldTightenTheMarginAsTheBudgetIsUsed()
    {
        final PredictivePacer pacer = new PredictivePacer(0.03, 100, 0, 1000, 2.0, 4.0);
        feed(pacer);
        pacer.beginFloor(NOW);
        final int fresh = pacer.decide(NOW, 5, 5, 0, 0, 0, 0, 0, 1000);
        assertEquals(2.0, pacer.z(), 1e-9);
        pacer.beginFloor(NOW);
        final int halfUsed = pacer.decide(NOW, 5, 5, 0, 0, 0, 0, 15, 1000);
        assertEquals(2.0, pacer.z(), 1e-9);
        pacer.beginFloor(NOW);
        final int mostlyUsed = pacer.decide(NOW, 5, 5, 0, 0, 0, 0, 27, 1000);

        assertEquals(3.6, pacer.z(), 1e-9);
        assertEquals(fresh, halfUsed);
        assertTrue(mostlyUsed < fresh, mostlyUsed + " < " + fresh);
    }

    @Test
    void shouldLowerTheLearnedMarginSlowlyWhileNoCallerWaitsAndNoFurtherThanItsFloor()
    {
        final PredictivePacer pacer = new PredictivePacer(0.03, 100, 0, 1000, 2.0, 4.0);
        feed(pacer);
        pacer.beginFloor(NOW);
        final int before = pacer.decide(NOW, 5, 5, 0, 0, 0, 0, 0, 1000);
        assertEquals(2.0, pacer.z(), 1e-9);

        double afterTenMinutes = 0;
        double last = 2.0;
        for (long t = NOW; t <= NOW + 7_200_000; t += 100)
        {
            if ((t - NOW) % 20_000 == 0)
            {
                pacer.held(t, 0); // a caller qualified and found a closer at once, every 20 s
            }
            pacer.beginFloor(t);
            pacer.decide(t, 5, 5, 0, 0, 0, 0, 0, 1000);
            assertTrue(pacer.z() >= PredictivePacer.Z_LEARNED_MIN && pacer.z() <= last, "z " + pacer.z());
            assertTrue(last - pacer.z() <= 0.05 / 600 + 1e-12, "z fell from " + last + " to " + pacer.z());
            last = pacer.z();
            afterTenMinutes = t == NOW + 600_000 ? pacer.z() : afterTenMinutes;
        }
        pacer.beginFloor(NOW + 7_200_000);
        final int after = pacer.decide(NOW + 7_200_000, 5, 5, 0, 0, 0, 0, 0, 1000);

        // 30 callers in 10 minutes are too few to be sure the share is under 3 %: it holds; then it falls
        assertEquals(2.0, afterTenMinutes, 1e-9);
        assertTrue(pacer.z() < 1.3, "z " + pacer.z());
        assertTrue(after > before, after + " > " + before);
    }

    @Test
    void shouldRaiseTheLearnedMarginWhenCallersWaitAndHoldItWhenUnsure()
    {
        final PredictivePacer pacer = new PredictivePacer(0.03, 100, 0, 1000, 2.0, 4.0);
        feed(pacer);
        long t = NOW;
        for (; t <= NOW + 3_600_000; t += 100)
        {
            if ((t - NOW) % 20_000 == 0)
            {
                pacer.held(t, 0);
            }
            pacer.beginFloor(t);
            pacer.decide(t, 5, 5, 0, 0, 0, 0, 0, 1000);
        }
        final double learned = pacer.learnedZ();
        assertTrue(learned < 1.8, "z " + learned);

        // a few callers waited over 2 s: the share is near the 3 % target, within 1.5 standard errors: z holds
        for (int i = 0; i < 3; i++)
        {
            pacer.held(t, 2_500);
        }
        pacer.beginFloor(t);
        pacer.decide(t, 5, 5, 0, 0, 0, 0, 0, 1000);
        pacer.beginFloor(t + 100);
        pacer.decide(t + 100, 5, 5, 0, 0, 0, 0, 0, 1000);
        assertEquals(learned, pacer.learnedZ(), 1e-9);

        // then one caller in three waits: it rises, at most 0.1 a minute, up to the configured margin
        for (long u = t + 200; u <= t + 1_800_000; u += 100)
        {
            if ((u - t) % 20_000 == 0)
            {
                pacer.held(u, (u - t) % 60_000 == 0 ? 10_000 : 0);
            }
            pacer.beginFloor(u);
            pacer.decide(u, 5, 5, 0, 0, 0, 0, 0, 1000);
            assertTrue(pacer.learnedZ() <= learned + 0.1 * (u - t) / 60_000.0 + 1e-9, "z " + pacer.learnedZ());
        }
        assertEquals(2.0, pacer.learnedZ(), 1e-9);
    }

    @Test
    void shouldNotMoveTheLearnedMarginOverAQuietSpell()
    {
        final PredictivePacer pacer = new PredictivePacer(0.03, 100, 0, 1000, 2.0, 4.0);
        feed(pacer);
        for (int i = 0; i < 50; i++)
        {
            pacer.held(NOW, 0);
        }
        pacer.beginFloor(NOW);
        pacer.decide(NOW, 5, 5, 0, 0, 0, 0, 0, 1000);
        assertEquals(2.0, pacer.learnedZ(), 1e-9);

        // the next decision comes an hour later: one step counts at most a second
        pacer.beginFloor(NOW + 3_600_000);
        pacer.decide(NOW + 3_600_000, 5, 5, 0, 0, 0, 0, 0, 1000);
        assertTrue(pacer.learnedZ() > 2.0 - 0.001, "z " + pacer.learnedZ());
    }

    @Test
    void shouldCapAtTheCampaignMaximumLines()
    {
        final PredictivePacer pacer = new PredictivePacer(0.03, 100, 0, 12, 2.0, 4.0);
        feed(pacer);
        pacer.beginFloor(NOW);

        assertEquals(12, pacer.decide(NOW, 5, 5, 0, 0, 0, 0, 0, 100));
        assertEquals(PacingReason.MAX_LINES, pacer.reason());
    }

    @Test
    void shouldFollowAnAnswerRateDropWithinAMinute()
    {
        final PredictivePacer pacer = new PredictivePacer(0.03, 100, 0, 1000, 2.0, 4.0);
        feed(pacer);
        assertEquals(0.25, pacer.answerRate(NOW), 0.03);
        for (int i = 0; i < 300; i++) // 5 dials a second for a minute, 5 % answered
        {
            final long t = NOW + i * 200L;
            if (i % 20 == 0)
            {
                pacer.answered(t);
            }
            else
            {
                pacer.notAnswered(t);
            }
        }

        // more than two thirds of the way from 25 % to 5 % after one half-life of the old figure
        assertTrue(pacer.answerRate(NOW + 60_000) < 0.12, "answer rate " + pacer.answerRate(NOW + 60_000));
    }

    @Test
    void shouldRefuseBadSettings()
    {
        assertThrows(IllegalArgumentException.class, () -> new PredictivePacer(0, 3, 50));
        assertThrows(IllegalArgumentException.class, () -> new PredictivePacer(0.03, 0, 50));
        assertThrows(IllegalArgumentException.class, () -> new PredictivePacer(0.03, 3, -1));
    }

    /**
     * 400 dials over 200 s: 25 % answered, 80 % people, 25 % of them qualified 40 s after the dial.
     */
    private static void feed(final PredictivePacer pacer)
    {
        for (int i = 0; i < 400; i++)
        {
            final long t = NOW - 200_000 + i * 500L;
            if (i % 4 != 0)
            {
                pacer.notAnswered(t);
                continue;
            }
            pacer.answered(t);
            final boolean human = i % 20 != 0;
            pacer.verdict(t, human);
            if (human)
            {
                pacer.scriptEnded(t, (i / 4) % 10 < 3, 40_000, 30_000);
            }
            pacer.briefed(t, 8_000);
            pacer.talked(t, 180_000);
            pacer.wrapped(t, 20_000);
        }
    }
}
