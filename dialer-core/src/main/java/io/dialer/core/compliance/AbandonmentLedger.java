/*
 * Dialer core.
 */
package io.dialer.core.compliance;

/**
 * One campaign's abandonment rate as the rule counts it: abandoned calls / calls answered by a person, over the
 * campaign's whole run while it is shorter than {@link #WINDOW_DAYS} days, else over the rolling window of the current
 * UTC day and the {@code WINDOW_DAYS - 1} days before it (day buckets). Beside the rate it keeps, in the same window,
 * the qualified callers dropped on hold (hung up or returned at the hold limit) and the people the detector called a
 * machine; they are not in the rate (see {@code docs/compliance.md}).
 * <p>
 * A pure class: time is passed in ({@link #at}, and each record's time), no clock, no allocation after construction.
 * Rebuilt after a restart by replaying the journal's call proofs into a new ledger. One thread.
 */
public final class AbandonmentLedger
{
    /** The rolling window once the run is this long, days. */
    public static final int WINDOW_DAYS = 30;
    /** A day, ms. */
    public static final long DAY_MS = 86_400_000L;
    /** No start yet. */
    public static final long NO_START = Long.MIN_VALUE;

    private static final int BUCKETS = WINDOW_DAYS + 1;
    private static final int HUMANS = 0;
    private static final int ABANDONS = 1;
    private static final int HOLD_DROPS = 2;
    private static final int FALSE_MACHINES = 3;
    private static final int KINDS = 4;

    private double targetRate;
    private final long[] bucketDay = new long[BUCKETS];
    private final long[] buckets = new long[BUCKETS * KINDS];
    private final long[] totals = new long[KINDS];
    private final long[] window = new long[KINDS];
    private long startMs = NO_START;
    private long nowMs = Long.MIN_VALUE;
    private boolean windowValid;

    /**
     * @param targetRate the highest rate allowed, a fraction (0.03 for 3 %).
     */
    public AbandonmentLedger(final double targetRate)
    {
        if (!(targetRate >= 0 && targetRate < 1))
        {
            throw new IllegalArgumentException("targetRate must be from 0 to below 1: " + targetRate);
        }
        this.targetRate = targetRate;
        java.util.Arrays.fill(bucketDay, Long.MIN_VALUE);
    }

    /**
     * The campaign's run began (its first run on the journal); a later call keeps the earliest.
     *
     * @param timeMs when, epoch ms.
     * @return this.
     */
    public AbandonmentLedger start(final long timeMs)
    {
        if (NO_START == startMs || timeMs < startMs)
        {
            startMs = timeMs;
            windowValid = false;
        }
        at(timeMs);
        return this;
    }

    /**
     * Moves the ledger's time forward (never back): the reads answer for this instant.
     *
     * @param timeMs the time now, epoch ms.
     * @return this.
     */
    public AbandonmentLedger at(final long timeMs)
    {
        if (timeMs > nowMs)
        {
            nowMs = timeMs;
            windowValid = false; // the window may have moved a day, or the run reached the window's length
        }
        return this;
    }

    /**
     * A call answered by a person (the dialer treated it as one: a HUMAN or NOTSURE verdict, a key, or no verdict in
     * time), abandoned or not.
     *
     * @param timeMs when it was answered, epoch ms.
     */
    public void humanAnswered(final long timeMs)
    {
        add(HUMANS, timeMs);
    }

    /**
     * A call abandoned by the rule (no audio within the delay; the safe-harbor message played).
     *
     * @param timeMs when, epoch ms.
     */
    public void abandoned(final long timeMs)
    {
        add(ABANDONS, timeMs);
    }

    /**
     * A qualified caller hung up, or was returned at the hold limit, while on hold for a closer.
     *
     * @param timeMs when, epoch ms.
     */
    public void holdDropped(final long timeMs)
    {
        add(HOLD_DROPS, timeMs);
    }

    /**
     * A call the detector called a machine turned out to be a person (a key during the greeting's wait or the
     * message).
     *
     * @param timeMs when, epoch ms.
     */
    public void falseMachine(final long timeMs)
    {
        add(FALSE_MACHINES, timeMs);
    }

    /**
     * @return the abandonment rate over the window: abandoned / answered by a person, 0 when nobody answered.
     */
    public double rate()
    {
        final long humans = humanAnswered();
        return 0 == humans ? 0.0 : (double)abandoned() / humans;
    }

    /**
     * @return calls answered by a person in the window.
     */
    public long humanAnswered()
    {
        return windowed(HUMANS);
    }

    /**
     * @return calls abandoned by the rule in the window.
     */
    public long abandoned()
    {
        return windowed(ABANDONS);
    }

    /**
     * @return qualified callers dropped on hold in the window (not in the rate).
     */
    public long holdDropped()
    {
        return windowed(HOLD_DROPS);
    }

    /**
     * @return people the detector called a machine, in the window (not in the rate).
     */
    public long falseMachines()
    {
        return windowed(FALSE_MACHINES);
    }

    /**
     * How many more abandons the window allows at the target: {@code floor(target × humans) − abandons}, at least 0.
     *
     * @return the remaining budget.
     */
    public long remainingBudget()
    {
        final long allowed = (long)Math.floor(targetRate * humanAnswered() + 1e-9);
        return Math.max(0, allowed - abandoned());
    }

    /**
     * @param rate the target rate, a fraction (a ledger rebuilt from the journal takes the campaign's).
     * @return this.
     */
    public AbandonmentLedger targetRate(final double rate)
    {
        if (!(rate >= 0 && rate < 1))
        {
            throw new IllegalArgumentException("targetRate must be from 0 to below 1: " + rate);
        }
        targetRate = rate;
        return this;
    }

    /**
     * @return the target rate, a fraction.
     */
    public double targetRate()
    {
        return targetRate;
    }

    /**
     * @return true while the run is shorter than the window: the figures cover the whole run.
     */
    public boolean wholeRun()
    {
        return wholeRun(nowMs);
    }

    /**
     * @return where the window starts, epoch ms: the run's start, or the first instant of the window's first day.
     */
    public long windowStartMs()
    {
        if (wholeRun())
        {
            return NO_START == startMs ? nowMs : startMs;
        }
        return (Math.floorDiv(nowMs, DAY_MS) - (WINDOW_DAYS - 1)) * DAY_MS;
    }

    /**
     * @return the ledger's time, epoch ms.
     */
    public long nowMs()
    {
        return nowMs;
    }

    private boolean wholeRun(final long timeMs)
    {
        return NO_START == startMs || timeMs - startMs < WINDOW_DAYS * DAY_MS;
    }

    private void add(final int kind, final long timeMs)
    {
        if (NO_START == startMs)
        {
            start(timeMs);
        }
        at(timeMs);
        totals[kind]++;
        final long day = Math.floorDiv(timeMs, DAY_MS);
        final int index = (int)Math.floorMod(day, (long)BUCKETS);
        if (bucketDay[index] != day)
        {
            if (bucketDay[index] > day)
            {
                windowValid = false;
                return; // older than every day the ring holds: in the totals only
            }
            bucketDay[index] = day;
            for (int k = 0; k < KINDS; k++)
            {
                buckets[index * KINDS + k] = 0;
            }
        }
        buckets[index * KINDS + kind]++;
        windowValid = false;
    }

    private long windowed(final int kind)
    {
        if (!windowValid)
        {
            sum();
        }
        return window[kind];
    }

    private void sum()
    {
        final long windowDay = Math.floorDiv(nowMs, DAY_MS);
        if (wholeRun())
        {
            System.arraycopy(totals, 0, window, 0, KINDS);
        }
        else
        {
            java.util.Arrays.fill(window, 0);
            for (int i = 0; i < BUCKETS; i++)
            {
                final long day = bucketDay[i];
                if (day <= windowDay && day > windowDay - WINDOW_DAYS)
                {
                    for (int k = 0; k < KINDS; k++)
                    {
                        window[k] += buckets[i * KINDS + k];
                    }
                }
            }
        }
        windowValid = true;
    }
}
