/*
 * Dialer core: pacing.
 */
package io.dialer.core.pacing;

/**
 * A mean and variance whose samples lose weight with time, not with their number: a sample's weight halves every
 * half-life, so a burst of samples does not wipe out what a quiet minute measured, and a quiet spell does not freeze
 * an old figure. A prior (a value and a weight in samples) stands in until there are measurements and keeps its
 * weight, so a few early samples cannot swing the figure. For rates, samples are 0 or 1. Allocation-free.
 */
public final class DecayingMean
{
    private final double halfLifeMs;
    private final double prior;
    private final double priorVariance;
    private final double priorWeight;
    private double weight;
    private double sum;
    private double sumSquares;
    private long lastMs = Long.MIN_VALUE;

    /**
     * An estimator.
     *
     * @param halfLifeMs    how long a sample takes to lose half its weight, above 0.
     * @param prior         the value before any sample.
     * @param priorSd       the standard deviation before any sample.
     * @param priorWeight   how many samples the prior counts for, 0 or more.
     */
    public DecayingMean(final double halfLifeMs, final double prior, final double priorSd, final double priorWeight)
    {
        if (!(halfLifeMs > 0) || !(priorWeight >= 0))
        {
            throw new IllegalArgumentException("half-life must be > 0 and prior weight >= 0");
        }
        this.halfLifeMs = halfLifeMs;
        this.prior = prior;
        this.priorVariance = priorSd * priorSd;
        this.priorWeight = priorWeight;
    }

    /**
     * Adds a sample.
     *
     * @param nowMs the time of the sample.
     * @param value the sample (0 or 1 for a rate).
     */
    public void add(final long nowMs, final double value)
    {
        decay(nowMs);
        weight += 1;
        sum += value;
        sumSquares += value * value;
    }

    /**
     * The estimate now: the decayed samples and the prior, weighted.
     *
     * @param nowMs the time (samples lose weight up to it).
     * @return the mean.
     */
    public double mean(final long nowMs)
    {
        decay(nowMs);
        return (sum + prior * priorWeight) / (weight + priorWeight);
    }

    /**
     * The standard deviation now, the prior's variance counting with its weight.
     *
     * @param nowMs the time.
     * @return the standard deviation, 0 or more.
     */
    public double sd(final long nowMs)
    {
        final double mean = mean(nowMs);
        final double total = weight + priorWeight;
        if (total <= 0)
        {
            return 0;
        }
        final double second = (sumSquares + (priorVariance + prior * prior) * priorWeight) / total;
        return Math.sqrt(Math.max(0, second - mean * mean));
    }

    /**
     * The samples' weight now (the prior's not included).
     *
     * @param nowMs the time.
     * @return the decayed count of samples.
     */
    public double weight(final long nowMs)
    {
        decay(nowMs);
        return weight;
    }

    private void decay(final long nowMs)
    {
        if (Long.MIN_VALUE == lastMs)
        {
            lastMs = nowMs;
            return;
        }
        if (nowMs > lastMs)
        {
            final double factor = Math.pow(0.5, (nowMs - lastMs) / halfLifeMs);
            weight *= factor;
            sum *= factor;
            sumSquares *= factor;
            lastMs = nowMs;
        }
    }
}
