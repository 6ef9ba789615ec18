/*
 * Dialer core: compliance.
 */
package io.dialer.core.compliance;

/**
 * Progressive pacing: dial one line per available closer times a ratio, capped by a maximum number of lines, and
 * nothing at all when no closer is logged in. Pure arithmetic, allocation-free.
 */
public final class ProgressivePacer
{
    /**
     * Default ratio: one line per available closer.
     */
    public static final double RATIO_DEFAULT = 1.0;

    /**
     * Default maximum lines: 10.
     */
    public static final int MAX_LINES_DEFAULT = 10;

    private static final double EPSILON = 1e-9;

    private final double ratio;
    private final int maxLines;

    /**
     * A pacer.
     *
     * @param ratio    lines per available closer, greater than 0 (e.g. 1.5).
     * @param maxLines the most calls in progress at once, at least 1.
     */
    public ProgressivePacer(final double ratio, final int maxLines)
    {
        if (!(ratio > 0) || Double.isInfinite(ratio))
        {
            throw new IllegalArgumentException("pacing.ratio must be a finite number > 0: " + ratio);
        }
        if (maxLines < 1)
        {
            throw new IllegalArgumentException("pacing.max_lines must be >= 1: " + maxLines);
        }

        this.ratio = ratio;
        this.maxLines = maxLines;
    }

    /**
     * The ratio of lines per available closer.
     *
     * @return the ratio.
     */
    public double ratio()
    {
        return ratio;
    }

    /**
     * The maximum number of calls in progress.
     *
     * @return the maximum lines.
     */
    public int maxLines()
    {
        return maxLines;
    }

    /**
     * The target number of lines: floor(available closers × ratio), capped by the maximum, 0 when no closer is
     * logged in.
     *
     * @param closersLoggedIn  closers logged in (available, busy or in wrap-up).
     * @param closersAvailable closers free to take a call now.
     * @return the target number of calls in progress.
     */
    public int targetLines(final int closersLoggedIn, final int closersAvailable)
    {
        if (closersLoggedIn <= 0 || closersAvailable <= 0)
        {
            return 0;
        }

        final double lines = Math.floor(Math.min(closersAvailable, closersLoggedIn) * ratio + EPSILON);

        return lines >= maxLines ? maxLines : (int)lines;
    }

    /**
     * How many new calls to start now: the target minus the calls already in progress, never negative.
     *
     * @param closersLoggedIn  closers logged in.
     * @param closersAvailable closers free to take a call now.
     * @param callsInProgress  calls dialing, ringing or in the script (not yet with a closer).
     * @return the number of new dials allowed now, 0 or more.
     */
    public int linesToDial(final int closersLoggedIn, final int closersAvailable, final int callsInProgress)
    {
        final int toDial = targetLines(closersLoggedIn, closersAvailable) - Math.max(0, callsInProgress);

        return Math.max(0, toDial);
    }
}
