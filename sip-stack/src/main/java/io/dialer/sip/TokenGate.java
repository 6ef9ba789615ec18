/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import org.agrona.collections.Object2LongHashMap;

/**
 * The decision behind {@link BadInputLog}: a token bucket of {@code burst} lines refilled at {@code burst} per
 * interval, and at most one line per source per interval (sources remembered up to a bound, then only the bucket
 * applies). Pure: time is passed in; not thread-safe (the caller locks).
 */
final class TokenGate
{
    private final int burst;
    private final long intervalNs;
    private final int maxSources;
    private final Object2LongHashMap<String> lastLineNs = new Object2LongHashMap<>(Long.MIN_VALUE);
    private double tokens;
    private long refilledNs;
    private long sweptNs;

    TokenGate(final int burst, final long intervalNs, final int maxSources, final long nowNs)
    {
        this.burst = burst;
        this.intervalNs = intervalNs;
        this.maxSources = maxSources;
        this.tokens = burst;
        this.refilledNs = nowNs;
        this.sweptNs = nowNs;
    }

    /**
     * Whether a line about this source may be written now; if so, the line is accounted for.
     *
     * @param source the source.
     * @param nowNs  the time.
     * @return true to write the line, false to count it instead.
     */
    boolean admit(final String source, final long nowNs)
    {
        refill(nowNs);
        final long last = lastLineNs.getValue(source);
        if (Long.MIN_VALUE != last && nowNs - last < intervalNs)
        {
            return false;
        }
        if (tokens < 1)
        {
            return false;
        }
        tokens -= 1;
        if (lastLineNs.size() < maxSources || Long.MIN_VALUE != last)
        {
            lastLineNs.put(source, nowNs);
        }
        return true;
    }

    int sourcesRemembered()
    {
        return lastLineNs.size();
    }

    private void refill(final long nowNs)
    {
        final long elapsed = nowNs - refilledNs;
        if (elapsed > 0)
        {
            tokens = Math.min(burst, tokens + (double)elapsed * burst / intervalNs);
            refilledNs = nowNs;
        }
        if (nowNs - sweptNs >= intervalNs)
        {
            // sources quiet for a whole interval are forgotten: the memory holds only the recent ones
            sweptNs = nowNs;
            lastLineNs.entrySet().removeIf((entry) -> nowNs - entry.getValue() >= intervalNs);
        }
    }
}
