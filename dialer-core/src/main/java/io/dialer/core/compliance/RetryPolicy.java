/*
 * Dialer core: compliance.
 */
package io.dialer.core.compliance;

import java.util.Arrays;

/**
 * Attempt caps and retry rules: the most dials per lead in total and per local day, which dispositions are final,
 * and the delay before the next attempt after each retryable disposition. Immutable; made from a {@link Context}
 * (settings checked by {@link Context#conclude()}).
 * <p>
 * Defaults (the campaign file's): 3 attempts per lead, 1 per local day; BUSY 30 min, NO_ANSWER 2 h, MACHINE 4 h,
 * FAILED 1 h, ABANDONED 1 h, HUNG_UP 24 h; CALLBACK at the time the callee asked for (24 h later when none was
 * given); TRANSFERRED, DISQUALIFIED, OPTED_OUT, INVALID_NUMBER and MESSAGE_LEFT final. OPTED_OUT is always final.
 * The retry time is only the earliest time: {@link DialGate} also waits for the calling window and the caps.
 */
public final class RetryPolicy
{
    /**
     * Returned when the lead is never dialed again.
     */
    public static final long NEVER = Long.MAX_VALUE;

    /**
     * Default attempts per lead: 3.
     */
    public static final int MAX_ATTEMPTS_DEFAULT = 3;

    /**
     * Default attempts per lead per local day: 1.
     */
    public static final int MAX_ATTEMPTS_PER_DAY_DEFAULT = 1;

    private static final long MINUTE_MS = 60_000L;
    private static final long HOUR_MS = 60 * MINUTE_MS;
    private static final RetryPolicy DEFAULT = new Context().policy();

    private final int maxAttempts;
    private final int maxAttemptsPerDay;
    private final long[] delaysMs;
    private final boolean[] isFinal;

    private RetryPolicy(final Context context)
    {
        this.maxAttempts = context.maxAttempts;
        this.maxAttemptsPerDay = context.maxAttemptsPerDay;
        this.delaysMs = context.delaysMs.clone();
        this.isFinal = context.isFinal.clone();
    }

    /**
     * The default delay after a disposition: the one definition of the defaults listed on the class, read by the
     * campaign loader and its documentation.
     *
     * @param disposition the disposition.
     * @return the delay, ms (for a disposition final by default, the delay it gets when made retryable without one).
     */
    public static long delayDefaultMs(final Disposition disposition)
    {
        return DEFAULT.delayMs(disposition);
    }

    /**
     * Whether a disposition is final by default.
     *
     * @param disposition the disposition.
     * @return true when the lead is done after it unless a campaign gives it a delay.
     */
    public static boolean isFinalByDefault(final Disposition disposition)
    {
        return DEFAULT.isFinal(disposition);
    }

    /**
     * The defaults listed on the class.
     *
     * @return the default policy.
     */
    public static RetryPolicy defaultPolicy()
    {
        return DEFAULT;
    }

    /**
     * Most dials per lead over the campaign.
     *
     * @return the cap.
     */
    public int maxAttempts()
    {
        return maxAttempts;
    }

    /**
     * Most dials per lead per local day (in the callee's zone).
     *
     * @return the cap.
     */
    public int maxAttemptsPerDay()
    {
        return maxAttemptsPerDay;
    }

    /**
     * The delay after a disposition (for CALLBACK: used when no time was asked).
     *
     * @param disposition the disposition.
     * @return the delay, ms.
     */
    public long delayMs(final Disposition disposition)
    {
        return delaysMs[disposition.ordinal()];
    }

    /**
     * Whether the lead is done after the disposition.
     *
     * @param disposition the disposition.
     * @return true when final.
     */
    public boolean isFinal(final Disposition disposition)
    {
        return isFinal[disposition.ordinal()];
    }

    /**
     * The earliest time the lead may be dialed again after a call.
     *
     * @param disposition  how the call ended.
     * @param endedMs      when it ended, epoch ms.
     * @param callbackAtMs for CALLBACK, the time asked for (epoch ms), or 0 when none; ignored otherwise.
     * @param attemptsMade dials made to the lead so far, this one included.
     * @return the earliest next dial, epoch ms, or {@link #NEVER} when the disposition is final or the attempts are
     * exhausted.
     */
    public long nextAttemptMs(
        final Disposition disposition, final long endedMs, final long callbackAtMs, final int attemptsMade)
    {
        if (isFinal(disposition) || attemptsMade >= maxAttempts)
        {
            return NEVER;
        }
        if (disposition == Disposition.CALLBACK && callbackAtMs > 0)
        {
            return Math.max(endedMs, callbackAtMs);
        }

        return endedMs + delaysMs[disposition.ordinal()];
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        final StringBuilder builder = new StringBuilder("RetryPolicy{max_attempts=").append(maxAttempts)
            .append(", max_attempts_per_day=").append(maxAttemptsPerDay).append(", delays={");
        for (final Disposition disposition : Disposition.values())
        {
            builder.append(disposition).append('=');
            if (isFinal(disposition))
            {
                builder.append("final");
            }
            else
            {
                builder.append(delayMs(disposition)).append("ms");
            }
            builder.append(disposition.ordinal() < delaysMs.length - 1 ? ", " : "}}");
        }

        return builder.toString();
    }

    /**
     * The settings of a {@link RetryPolicy}, starting from the defaults; fluent setters, checked by
     * {@link #conclude()}.
     */
    public static final class Context
    {
        private int maxAttempts = MAX_ATTEMPTS_DEFAULT;
        private int maxAttemptsPerDay = MAX_ATTEMPTS_PER_DAY_DEFAULT;
        private final long[] delaysMs = new long[Disposition.values().length];
        private final boolean[] isFinal = new boolean[Disposition.values().length];

        /**
         * The defaults listed on {@link RetryPolicy}.
         */
        public Context()
        {
            Arrays.fill(delaysMs, HOUR_MS);
            delaysMs[Disposition.BUSY.ordinal()] = 30 * MINUTE_MS;
            delaysMs[Disposition.NO_ANSWER.ordinal()] = 2 * HOUR_MS;
            delaysMs[Disposition.MACHINE.ordinal()] = 4 * HOUR_MS;
            delaysMs[Disposition.FAILED.ordinal()] = HOUR_MS;
            delaysMs[Disposition.ABANDONED.ordinal()] = HOUR_MS;
            delaysMs[Disposition.HUNG_UP.ordinal()] = 24 * HOUR_MS;
            delaysMs[Disposition.CALLBACK.ordinal()] = 24 * HOUR_MS;
            for (final Disposition disposition : Disposition.values())
            {
                isFinal[disposition.ordinal()] = disposition.isFinal();
            }
        }

        /**
         * @param attempts most dials per lead ({@code retries.max_attempts}), at least 1.
         * @return this.
         */
        public Context maxAttempts(final int attempts)
        {
            maxAttempts = attempts;
            return this;
        }

        /**
         * @return most dials per lead.
         */
        public int maxAttempts()
        {
            return maxAttempts;
        }

        /**
         * @param attempts most dials per lead per local day ({@code retries.max_attempts_per_day}), at least 1.
         * @return this.
         */
        public Context maxAttemptsPerDay(final int attempts)
        {
            maxAttemptsPerDay = attempts;
            return this;
        }

        /**
         * @return most dials per lead per local day.
         */
        public int maxAttemptsPerDay()
        {
            return maxAttemptsPerDay;
        }

        /**
         * The delay before retrying after a disposition ({@code retries.delays.<disposition>}); makes it retryable.
         *
         * @param disposition the disposition; not OPTED_OUT.
         * @param ms          the delay, 0 or more.
         * @return this.
         */
        public Context delayMs(final Disposition disposition, final long ms)
        {
            delaysMs[disposition.ordinal()] = ms;
            isFinal[disposition.ordinal()] = false;
            return this;
        }

        /**
         * @param disposition the disposition.
         * @return the delay after it, ms.
         */
        public long delayMs(final Disposition disposition)
        {
            return delaysMs[disposition.ordinal()];
        }

        /**
         * Makes a disposition final ({@code retries.delays.<disposition>: never}) or retryable.
         *
         * @param disposition the disposition.
         * @param isFinal     true for final; OPTED_OUT cannot be made retryable.
         * @return this.
         */
        public Context finalDisposition(final Disposition disposition, final boolean isFinal)
        {
            this.isFinal[disposition.ordinal()] = isFinal;
            return this;
        }

        /**
         * @param disposition the disposition.
         * @return whether the lead is done after it.
         */
        public boolean isFinal(final Disposition disposition)
        {
            return isFinal[disposition.ordinal()];
        }

        /**
         * Checks every setting.
         *
         * @return this.
         * @throws IllegalStateException naming the first bad setting.
         */
        public Context conclude()
        {
            if (maxAttempts < 1)
            {
                throw new IllegalStateException("retries.max_attempts must be >= 1: " + maxAttempts);
            }
            if (maxAttemptsPerDay < 1)
            {
                throw new IllegalStateException("retries.max_attempts_per_day must be >= 1: " + maxAttemptsPerDay);
            }
            for (final Disposition disposition : Disposition.values())
            {
                if (delaysMs[disposition.ordinal()] < 0)
                {
                    throw new IllegalStateException("retries.delays." + disposition.configKey() + " must be >= 0: " +
                        delaysMs[disposition.ordinal()]);
                }
            }
            if (!isFinal[Disposition.OPTED_OUT.ordinal()])
            {
                throw new IllegalStateException(
                    "OPTED_OUT is always final (the number is on the do-not-call list)");
            }
            return this;
        }

        /**
         * The policy of these settings, {@link #conclude() concluded} first.
         *
         * @return a new immutable policy.
         */
        public RetryPolicy policy()
        {
            return new RetryPolicy(conclude());
        }
    }
}
