/*
 * Dialer core.
 */
package io.dialer.core.compliance;

/**
 * The trunk's calls-per-second limit: carriers refuse (or bill) INVITEs above the rate agreed for a trunk, and a
 * burst of hundreds of dials at the start of a campaign, or when many closers become free at once, must be spread out.
 * A token bucket on the caller's clock: {@code rate} dials per second on average, at most {@code burst} at once
 * (20 ms worth of the rate, at least one). Time in, decisions out; no allocation, single-threaded (the controller's).
 */
public final class DialRateLimiter
{
    /**
     * No limit (the default): the pacer's lines are dialed at once.
     */
    public static final double UNLIMITED = 0;

    private static final double BURST_SECONDS = 0.02;

    private final double perMs;
    private final double burst;
    private double tokens;
    private long lastMs = Long.MIN_VALUE;

    /**
     * @param dialsPerSecond the average rate, above 0, or {@link #UNLIMITED}.
     */
    public DialRateLimiter(final double dialsPerSecond)
    {
        if (!(dialsPerSecond >= 0) || Double.isInfinite(dialsPerSecond))
        {
            throw new IllegalArgumentException("max_dials_per_second must be a finite number >= 0: " + dialsPerSecond);
        }
        perMs = dialsPerSecond / 1000.0;
        burst = Math.max(1.0, dialsPerSecond * BURST_SECONDS);
        tokens = burst;
    }

    /**
     * @return the configured rate, dials per second, 0 when unlimited.
     */
    public double dialsPerSecond()
    {
        return perMs * 1000.0;
    }

    /**
     * How many dials may go now, at most {@code wanted}.
     *
     * @param nowMs  the clock.
     * @param wanted the dials the pacer asks for.
     * @return the dials allowed now; call {@link #dialed(int)} with the number actually made.
     */
    public int allowed(final long nowMs, final int wanted)
    {
        if (0 == perMs || wanted <= 0)
        {
            return Math.max(0, wanted);
        }
        if (Long.MIN_VALUE != lastMs && nowMs > lastMs)
        {
            tokens = Math.min(burst, tokens + (nowMs - lastMs) * perMs);
        }
        lastMs = Math.max(lastMs, nowMs);
        return (int)Math.min(wanted, Math.floor(tokens));
    }

    /**
     * Spends the tokens of the dials made.
     *
     * @param dials the dials made since the last {@link #allowed(long, int)}.
     */
    public void dialed(final int dials)
    {
        if (0 != perMs)
        {
            tokens -= dials;
        }
    }
}
