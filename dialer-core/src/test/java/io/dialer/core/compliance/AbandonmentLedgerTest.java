/*
 * Dialer core tests.
 */
package io.dialer.core.compliance;

import org.junit.jupiter.api.Test;

import static io.dialer.core.compliance.AbandonmentLedger.DAY_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbandonmentLedgerTest
{
    /** 2026-11-23 00:00 UTC. */
    private static final long DAY0 = 20_415 * DAY_MS;

    @Test
    void shouldCountTheRateOverTheWholeRunWhileShorterThanThirtyDays()
    {
        final AbandonmentLedger ledger = new AbandonmentLedger(0.03).start(DAY0 + 9 * 3_600_000L);
        for (int i = 0; i < 100; i++)
        {
            ledger.humanAnswered(DAY0 + 10 * 3_600_000L + i);
        }
        ledger.abandoned(DAY0 + 10 * 3_600_000L);
        ledger.holdDropped(DAY0 + 11 * 3_600_000L);
        ledger.falseMachine(DAY0 + 11 * 3_600_000L);

        assertEquals(100, ledger.humanAnswered());
        assertEquals(1, ledger.abandoned());
        assertEquals(0.01, ledger.rate(), 1e-12);
        assertEquals(2, ledger.remainingBudget(), "floor(0.03 x 100) - 1");
        assertEquals(1, ledger.holdDropped(), "beside the rate, not in it");
        assertEquals(1, ledger.falseMachines());
        assertTrue(ledger.wholeRun());

        ledger.at(DAY0 + 29 * DAY_MS + 9 * 3_600_000L - 1);
        assertTrue(ledger.wholeRun(), "one ms short of 30 days");
        assertEquals(100, ledger.humanAnswered());
        assertEquals(DAY0 + 9 * 3_600_000L, ledger.windowStartMs());
    }

    @Test
    void shouldSwitchToTheRollingThirtyDaysAtThirtyDaysAndDropTheOldestDay()
    {
        final AbandonmentLedger ledger = new AbandonmentLedger(0.03).start(DAY0);
        for (int day = 0; day < 35; day++)
        {
            for (int i = 0; i < 10; i++)
            {
                ledger.humanAnswered(DAY0 + day * DAY_MS + 1_000 + i);
            }
            if (day < 5)
            {
                ledger.abandoned(DAY0 + day * DAY_MS + 2_000);
            }
        }

        assertFalse(ledger.wholeRun());
        assertEquals(300, ledger.humanAnswered(), "days 5 to 34");
        assertEquals(0, ledger.abandoned(), "the abandons of days 0 to 4 left the window");
        assertEquals(9, ledger.remainingBudget());
        assertEquals(DAY0 + 5 * DAY_MS, ledger.windowStartMs());

        ledger.at(DAY0 + 36 * DAY_MS);
        assertEquals(280, ledger.humanAnswered(), "two more days out, none in");
    }

    @Test
    void shouldRollTheBucketsAsTimePassesWithoutNewRecords()
    {
        final AbandonmentLedger ledger = new AbandonmentLedger(0.03).start(DAY0);
        ledger.humanAnswered(DAY0 + 1);
        ledger.abandoned(DAY0 + 2);
        ledger.humanAnswered(DAY0 + 20 * DAY_MS);

        ledger.at(DAY0 + 30 * DAY_MS - 1);
        assertEquals(2, ledger.humanAnswered());
        assertEquals(0.5, ledger.rate(), 1e-12);
        ledger.at(DAY0 + 30 * DAY_MS);
        assertEquals(1, ledger.humanAnswered(), "day 0 is out of the rolling window");
        assertEquals(0, ledger.abandoned());
        assertEquals(0.0, ledger.rate());
        ledger.at(DAY0 + 60 * DAY_MS);
        assertEquals(0, ledger.humanAnswered());
        assertEquals(0, ledger.remainingBudget());
    }

    @Test
    void shouldNeverGiveANegativeBudget()
    {
        final AbandonmentLedger ledger = new AbandonmentLedger(0.03).start(DAY0);
        for (int i = 0; i < 66; i++)
        {
            ledger.humanAnswered(DAY0 + i);
        }
        assertEquals(1, ledger.remainingBudget(), "floor(1.98) = 1");
        ledger.abandoned(DAY0 + 100);
        ledger.abandoned(DAY0 + 101);
        assertEquals(0, ledger.remainingBudget());
        ledger.humanAnswered(DAY0 + 200);
        assertEquals(0, ledger.remainingBudget(), "floor(0.03 x 67) = 2, 2 used");
        assertEquals(2.0 / 67, ledger.rate(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new AbandonmentLedger(1.0));
    }

    @Test
    void shouldCountAProofRecordsFlagsAlike()
    {
        final AbandonmentLedger ledger = new AbandonmentLedger(0.03).start(DAY0);
        CallProof.feed(ledger, DAY0 + 1, CallProof.PERSON | CallProof.ABANDONED | CallProof.SAFE_HARBOR);
        CallProof.feed(ledger, DAY0 + 2, CallProof.PERSON | CallProof.HOLD_DROP);
        CallProof.feed(ledger, DAY0 + 3, CallProof.FALSE_MACHINE);
        CallProof.feed(ledger, DAY0 + 4, 0);

        assertEquals(2, ledger.humanAnswered());
        assertEquals(1, ledger.abandoned());
        assertEquals(1, ledger.holdDropped());
        assertEquals(1, ledger.falseMachines());
        assertEquals("person, abandoned, safe harbor played",
            CallProof.describe(CallProof.PERSON | CallProof.ABANDONED | CallProof.SAFE_HARBOR));
    }
}
