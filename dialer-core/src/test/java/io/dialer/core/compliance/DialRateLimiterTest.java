/*
 * Dialer core compliance tests.
 */
package io.dialer.core.compliance;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DialRateLimiterTest
{
    @Test
    void shouldPassEveryDialWhenUnlimited()
    {
        final DialRateLimiter limiter = new DialRateLimiter(DialRateLimiter.UNLIMITED);
        assertEquals(5000, limiter.allowed(0, 5000));
        limiter.dialed(5000);
        assertEquals(5000, limiter.allowed(0, 5000));
        assertEquals(0, limiter.allowed(0, -3));
    }

    @Test
    void shouldAllowABurstOfTwentyMillisecondsThenTheRate()
    {
        final DialRateLimiter limiter = new DialRateLimiter(1000);
        assertEquals(20, limiter.allowed(1_000, 500), "burst: 20 ms worth of 1000/s");
        limiter.dialed(20);
        assertEquals(0, limiter.allowed(1_000, 500), "bucket empty in the same millisecond");
        assertEquals(1, limiter.allowed(1_001, 500), "one per millisecond after");
        limiter.dialed(1);
        assertEquals(5, limiter.allowed(1_006, 500));
        limiter.dialed(5);
        assertEquals(20, limiter.allowed(2_000, 500), "a long pause refills the burst, not more");
    }

    @Test
    void shouldAverageTheRateOverASecondOfPolls()
    {
        final DialRateLimiter limiter = new DialRateLimiter(50);
        int total = 0;
        for (long ms = 0; ms < 10_000; ms += 4)
        {
            final int allowed = limiter.allowed(ms, 1_000);
            limiter.dialed(allowed);
            total += allowed;
        }
        assertEquals(500, total, 1, "50/s for 10 s, at least one at a time");
    }

    @Test
    void shouldSpendOnlyTheDialsMade()
    {
        final DialRateLimiter limiter = new DialRateLimiter(100);
        assertEquals(2, limiter.allowed(0, 10));
        limiter.dialed(1);
        assertEquals(1, limiter.allowed(0, 10), "the unused token stays");
    }

    @Test
    void shouldRefuseANegativeOrInfiniteRate()
    {
        assertThrows(IllegalArgumentException.class, () -> new DialRateLimiter(-1));
        assertThrows(IllegalArgumentException.class, () -> new DialRateLimiter(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new DialRateLimiter(Double.NaN));
    }
}
