/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission control on the media threads: while they fall behind (their skipped-frame counter rises), no new call is
 * added, for a hold time after the last rise, so the calls already up keep their prompts and their callers' keys on
 * time instead of every call's audio stretching. The counter is read every 100 ms on the controller's thread.
 */
final class Admission
{
    private static final Logger LOG = LoggerFactory.getLogger(Admission.class);
    private static final long CHECK_NS = 100_000_000L;

    private final LongSupplier skippedFrames;
    private final long holdNanos;
    private final EngineStats stats;
    private long checkNanos;
    private long skipped;
    private long holdUntilNanos;

    /**
     * @param skippedFrames the media threads' late-frame counter, null for none.
     * @param holdMs        how long new dials wait after it last rose; 0 disables admission control.
     * @param stats         counts the holds.
     * @param nowNanos      the time now.
     */
    Admission(final LongSupplier skippedFrames, final long holdMs, final EngineStats stats, final long nowNanos)
    {
        this.skippedFrames = 0 == holdMs ? null : skippedFrames;
        this.holdNanos = holdMs * 1_000_000L;
        this.stats = stats;
        this.skipped = null == this.skippedFrames ? 0 : this.skippedFrames.getAsLong();
        this.checkNanos = nowNanos - CHECK_NS;
    }

    /**
     * @param nowNanos the time now, {@code System.nanoTime()}.
     * @return true while new dials must wait.
     */
    boolean holding(final long nowNanos)
    {
        if (null == skippedFrames)
        {
            return false;
        }
        if (nowNanos - checkNanos >= CHECK_NS)
        {
            checkNanos = nowNanos;
            final long count = skippedFrames.getAsLong();
            if (count > skipped)
            {
                if (nowNanos >= holdUntilNanos)
                {
                    stats.add(EngineStats.MEDIA_HOLDS, 1);
                    LOG.warn("media threads fell behind ({} frames late): holding new dials for {} ms",
                        count - skipped, holdNanos / 1_000_000);
                }
                holdUntilNanos = nowNanos + holdNanos;
            }
            skipped = count;
        }
        return nowNanos < holdUntilNanos;
    }
}
