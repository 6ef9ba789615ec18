/*
 * Dialer core.
 */
package io.dialer.core.engine;

/**
 * Progressive pacing over one sales floor shared by several campaigns: the closers available with a skill are paced
 * for all the campaigns that hand callers to that skill together, not once per campaign (which would dial a line per
 * closer for each campaign). The skill's target is the mean of what each campaign's pacer would run alone with those
 * closers ({@code ProgressivePacer#targetLines}); the dials missing to reach it, after every campaign's calls in
 * progress, go one at a time to the campaign with the fewest calls in progress (of those, the one that dialed least
 * recently) that still has a lead to dial and room under its own target and rate. With one campaign this is exactly
 * its own pacer. A predictive campaign's target is decided before ({@code CampaignRun#predict}) from the closers busy
 * as well as available, so it may dial while none is available now. Pure: no time, no I/O.
 */
final class FloorPacer
{
    /**
     * A campaign, as pacing sees it.
     */
    interface Lines
    {
        /**
         * @return its calls dialed and not yet qualified or ended.
         */
        int inProgress();

        /**
         * @param available closers available with its skill.
         * @return the calls in progress its pacer would run with them alone.
         */
        int target(int available);

        /**
         * @return a number that grows with each of its dials (its last dial's sequence or time).
         */
        long lastDial();

        /**
         * Dials one lead now, when its rate limit and the call slots allow and a lead is dialable.
         *
         * @return true when a lead was dialed.
         */
        boolean dialOne();
    }

    private boolean[] done = new boolean[8];

    /**
     * Paces the campaigns of one skill.
     *
     * @param available closers available with the skill.
     * @param campaigns the campaigns handing callers to it (dialing).
     * @param count     how many of {@code campaigns} are used.
     * @return the dials made.
     */
    int pace(final int available, final Lines[] campaigns, final int count)
    {
        if (count <= 0)
        {
            return 0; // no available closer: progressive targets are 0, a predictive one may still dial
        }
        if (done.length < count)
        {
            done = new boolean[Math.max(count, done.length * 2)];
        }
        long targets = 0;
        int inProgress = 0;
        for (int i = 0; i < count; i++)
        {
            targets += campaigns[i].target(available);
            inProgress += campaigns[i].inProgress();
            done[i] = false;
        }
        int toDial = (int)(targets / count) - inProgress;
        int dialed = 0;
        while (toDial > 0)
        {
            int next = -1;
            for (int i = 0; i < count; i++)
            {
                final Lines lines = campaigns[i];
                if (!done[i] && lines.inProgress() < lines.target(available) &&
                    (next < 0 || before(lines, campaigns[next])))
                {
                    next = i;
                }
            }
            if (next < 0)
            {
                break;
            }
            if (campaigns[next].dialOne())
            {
                toDial--;
                dialed++;
            }
            else
            {
                done[next] = true;
            }
        }
        return dialed;
    }

    private static boolean before(final Lines a, final Lines b)
    {
        return a.inProgress() < b.inProgress() || (a.inProgress() == b.inProgress() && a.lastDial() < b.lastDial());
    }
}
