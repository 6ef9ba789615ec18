/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import io.dialer.core.compliance.ProgressivePacer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FloorPacerTest
{
    private static long dials;
    private final FloorPacer pacer = new FloorPacer();

    /**
     * A campaign with a pacer, calls in progress and leads left.
     */
    private static class Campaign implements FloorPacer.Lines
    {
        private final ProgressivePacer pacer;
        private int inProgress;
        private int leads;
        private int dialed;
        private long lastDial;

        Campaign(final double ratio, final int maxLines, final int leads)
        {
            this.pacer = new ProgressivePacer(ratio, maxLines);
            this.leads = leads;
        }

        @Override
        public int inProgress()
        {
            return inProgress;
        }

        @Override
        public int target(final int available)
        {
            return pacer.targetLines(available, available);
        }

        @Override
        public long lastDial()
        {
            return lastDial;
        }

        @Override
        public boolean dialOne()
        {
            if (0 == leads)
            {
                return false;
            }
            lastDial = ++dials;
            leads--;
            inProgress++;
            dialed++;
            return true;
        }
    }

    @Test
    void shouldPaceOneCampaignExactlyAsItsOwnPacer()
    {
        final Campaign a = new Campaign(1.5, 10, 100);
        a.inProgress = 1;

        assertEquals(3, pacer.pace(3, new FloorPacer.Lines[]{a}, 1), "floor(3 x 1.5) - 1");
        assertEquals(0, pacer.pace(3, new FloorPacer.Lines[]{a}, 1), "at its target");
        assertEquals(0, pacer.pace(0, new FloorPacer.Lines[]{a}, 1), "no closer available");
    }

    @Test
    void shouldDialOneLineForOneCloserSharedByTwoCampaignsAndTakeTurns()
    {
        final Campaign a = new Campaign(1, 10, 100);
        final Campaign b = new Campaign(1, 10, 100);
        final FloorPacer.Lines[] both = {a, b};

        for (int round = 0; round < 10; round++)
        {
            assertEquals(1, pacer.pace(1, both, 2), "one line for one closer, not one per campaign");
            assertEquals(0, pacer.pace(1, both, 2), "the line is in progress");
            a.inProgress = 0; // the call qualified or ended
            b.inProgress = 0;
        }

        assertEquals(5, a.dialed);
        assertEquals(5, b.dialed);
    }

    @Test
    void shouldSplitAFloorEvenlyAndGiveTheShareOfACampaignWithoutLeadsToTheOther()
    {
        final Campaign a = new Campaign(1, 10, 100);
        final Campaign b = new Campaign(1, 10, 1);

        assertEquals(6, pacer.pace(6, new FloorPacer.Lines[]{a, b}, 2));

        assertEquals(5, a.dialed, "b had one lead; a takes the rest");
        assertEquals(1, b.dialed);
    }

    @Test
    void shouldKeepEachCampaignUnderItsOwnMaximumLines()
    {
        final Campaign a = new Campaign(2, 2, 100);
        final Campaign b = new Campaign(2, 100, 100);

        assertEquals(5, pacer.pace(4, new FloorPacer.Lines[]{a, b}, 2), "the mean of the targets 2 and 8");

        assertEquals(2, a.dialed, "a's max_lines");
        assertEquals(3, b.dialed, "b takes what a may not");
    }

    @Test
    void shouldLetAPredictiveTargetDialWhileNoCloserIsAvailableNow()
    {
        final Campaign predictive = new Campaign(1, 10, 100)
        {
            @Override
            public int target(final int available)
            {
                return 4; // decided before from the closers about to free up
            }
        };

        assertEquals(4, pacer.pace(0, new FloorPacer.Lines[]{predictive}, 1));
    }
}
