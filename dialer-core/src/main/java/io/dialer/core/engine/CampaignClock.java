/*
 * Dialer core.
 */
package io.dialer.core.engine;

import org.agrona.concurrent.EpochClock;

/**
 * The controller's clock: a base clock plus an offset that only moves forward. A real run uses the system clock and
 * never skips; the demo (and tests) start it at a chosen time and let the controller skip idle time, when no call is
 * up and the next thing to do is a retry or a calling window hours away. Calls themselves always run in real time.
 */
public final class CampaignClock implements EpochClock
{
    private final EpochClock base;
    private volatile long offsetMs;

    /**
     * A clock.
     *
     * @param base    the underlying clock.
     * @param startMs what {@link #time()} returns now; the base's own time for no offset.
     */
    public CampaignClock(final EpochClock base, final long startMs)
    {
        this.base = base;
        this.offsetMs = startMs - base.time();
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public long time()
    {
        return base.time() + offsetMs;
    }

    /**
     * Skips ahead to a later time (never back).
     *
     * @param timeMs the time to skip to.
     * @return how far it skipped, ms (0 when already there).
     */
    public long skipTo(final long timeMs)
    {
        final long now = time();
        if (timeMs <= now)
        {
            return 0;
        }
        offsetMs += timeMs - now;
        return timeMs - now;
    }
}
