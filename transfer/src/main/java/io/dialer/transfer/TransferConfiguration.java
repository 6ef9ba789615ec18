/*
 * Dialer transfer module.
 */
package io.dialer.transfer;

/**
 * Settings of the closer pool, the matcher and the warm transfer: each one a {@code *_DEFAULT} constant, the one
 * definition of its default, set on a {@link Context} (from the campaign file's {@code transfer:} section) and checked
 * by {@link Context#conclude()}. No system property is read: a campaign's settings are in its campaign file.
 */
public final class TransferConfiguration
{
    /**
     * Interval between reassurance messages while the caller is on hold ({@code transfer.reassurance_interval}),
     * ms; 0 disables them. Default: 30 s.
     */
    public static final long REASSURANCE_INTERVAL_DEFAULT = 30_000;

    /**
     * How long a closer may ring before it counts as no answer ({@code transfer.closer_ring_timeout}), ms.
     * Default: 20 s.
     */
    public static final long RING_TIMEOUT_DEFAULT = 20_000;

    /**
     * How long a briefed closer has to press 1 or 9 after the instructions ({@code transfer.decision_timeout}),
     * ms; then the next closer is tried. Default: 15 s.
     */
    public static final long DECISION_TIMEOUT_DEFAULT = 15_000;

    /**
     * Upper bound on a prompt whose end moves the transfer on (notice to the closer, introduction), ms. Default:
     * 10 s.
     */
    public static final long PROMPT_GUARD_DEFAULT = 10_000;

    /**
     * Closers tried per transfer before the caller is returned, M ({@code transfer.max_closer_attempts}).
     * Default: 3.
     */
    public static final int MAX_ATTEMPTS_DEFAULT = 3;

    /**
     * A caller's maximum time on hold from the start of the transfer ({@code transfer.hold_limit}), ms. Default:
     * 120 s.
     */
    public static final long HOLD_LIMIT_DEFAULT = 120_000;

    /**
     * Closer wrap-up after a call ({@code transfer.wrap_up}), ms; 0 sends the closer straight back to available.
     * Default: 30 s.
     */
    public static final long WRAP_UP_DEFAULT = 30_000;

    /**
     * Whether the caller hears a short introduction before the bridge ({@code transfer.introduction}). Default:
     * off, the caller is connected to the closer at once (the engine makes the introduction a
     * three-way moment when it is on).
     */
    public static final boolean INTRODUCTION_DEFAULT = false;

    /**
     * Whether the closer sees the caller's number as caller ID, else the dialer's
     * ({@code transfer.caller_id_pass_through}). Default: on.
     */
    public static final boolean CALLER_ID_PASS_THROUGH_DEFAULT = true;

    /**
     * Hold music file, 8 kHz mono WAV ({@code transfer.hold_music}); empty for the built-in music. Default: the
     * built-in one.
     */
    public static final String HOLD_MUSIC_DEFAULT = "";

    /**
     * Callers that may wait for a closer at once, across skills. Default: 4096.
     */
    public static final int MAX_WAITING_CALLERS_DEFAULT = 4096;

    private TransferConfiguration()
    {
    }

    /**
     * Resolved settings; fluent setters, checked by {@link #conclude()}.
     */
    public static final class Context
    {
        private long reassuranceIntervalMs = REASSURANCE_INTERVAL_DEFAULT;
        private long ringTimeoutMs = RING_TIMEOUT_DEFAULT;
        private long decisionTimeoutMs = DECISION_TIMEOUT_DEFAULT;
        private long promptGuardMs = PROMPT_GUARD_DEFAULT;
        private int maxAttempts = MAX_ATTEMPTS_DEFAULT;
        private long holdLimitMs = HOLD_LIMIT_DEFAULT;
        private long wrapUpMs = WRAP_UP_DEFAULT;
        private boolean introduction = INTRODUCTION_DEFAULT;
        private boolean callerIdPassThrough = CALLER_ID_PASS_THROUGH_DEFAULT;
        private String holdMusic = HOLD_MUSIC_DEFAULT;
        private int maxWaitingCallers = MAX_WAITING_CALLERS_DEFAULT;
        private boolean concluded;

        /**
         * Checks every setting.
         *
         * @return this.
         * @throws IllegalStateException naming the first bad setting.
         */
        public Context conclude()
        {
            require(reassuranceIntervalMs >= 0, "reassuranceIntervalMs", reassuranceIntervalMs);
            require(ringTimeoutMs > 0, "ringTimeoutMs", ringTimeoutMs);
            require(decisionTimeoutMs > 0, "decisionTimeoutMs", decisionTimeoutMs);
            require(promptGuardMs > 0, "promptGuardMs", promptGuardMs);
            require(maxAttempts >= 1, "maxAttempts", maxAttempts);
            require(holdLimitMs > 0, "holdLimitMs", holdLimitMs);
            require(wrapUpMs >= 0, "wrapUpMs", wrapUpMs);
            require(maxWaitingCallers >= 1, "maxWaitingCallers", maxWaitingCallers);
            if (null == holdMusic)
            {
                holdMusic = HOLD_MUSIC_DEFAULT;
            }
            concluded = true;
            return this;
        }

        /**
         * Whether {@link #conclude()} has run.
         *
         * @return true once concluded.
         */
        public boolean isConcluded()
        {
            return concluded;
        }

        /**
         * @param ms interval between reassurance messages, 0 to disable.
         * @return this.
         */
        public Context reassuranceIntervalMs(final long ms)
        {
            reassuranceIntervalMs = ms;
            return this;
        }

        /**
         * @return interval between reassurance messages, 0 when disabled.
         */
        public long reassuranceIntervalMs()
        {
            return reassuranceIntervalMs;
        }

        /**
         * @param ms ring timeout.
         * @return this.
         */
        public Context ringTimeoutMs(final long ms)
        {
            ringTimeoutMs = ms;
            return this;
        }

        /**
         * @return ring timeout.
         */
        public long ringTimeoutMs()
        {
            return ringTimeoutMs;
        }

        /**
         * @param ms decision timeout after the instructions.
         * @return this.
         */
        public Context decisionTimeoutMs(final long ms)
        {
            decisionTimeoutMs = ms;
            return this;
        }

        /**
         * @return decision timeout after the instructions.
         */
        public long decisionTimeoutMs()
        {
            return decisionTimeoutMs;
        }

        /**
         * @param ms prompt guard.
         * @return this.
         */
        public Context promptGuardMs(final long ms)
        {
            promptGuardMs = ms;
            return this;
        }

        /**
         * @return prompt guard.
         */
        public long promptGuardMs()
        {
            return promptGuardMs;
        }

        /**
         * @param attempts closers tried per transfer (M).
         * @return this.
         */
        public Context maxAttempts(final int attempts)
        {
            maxAttempts = attempts;
            return this;
        }

        /**
         * @return closers tried per transfer (M).
         */
        public int maxAttempts()
        {
            return maxAttempts;
        }

        /**
         * @param ms hold limit.
         * @return this.
         */
        public Context holdLimitMs(final long ms)
        {
            holdLimitMs = ms;
            return this;
        }

        /**
         * @return hold limit.
         */
        public long holdLimitMs()
        {
            return holdLimitMs;
        }

        /**
         * @param ms wrap-up after a call, 0 for none.
         * @return this.
         */
        public Context wrapUpMs(final long ms)
        {
            wrapUpMs = ms;
            return this;
        }

        /**
         * @return wrap-up after a call.
         */
        public long wrapUpMs()
        {
            return wrapUpMs;
        }

        /**
         * @param on whether the caller hears the introduction before the bridge.
         * @return this.
         */
        public Context introduction(final boolean on)
        {
            introduction = on;
            return this;
        }

        /**
         * @return whether the caller hears the introduction before the bridge.
         */
        public boolean introduction()
        {
            return introduction;
        }

        /**
         * @param on whether the closer sees the caller's number.
         * @return this.
         */
        public Context callerIdPassThrough(final boolean on)
        {
            callerIdPassThrough = on;
            return this;
        }

        /**
         * @return whether the closer sees the caller's number.
         */
        public boolean callerIdPassThrough()
        {
            return callerIdPassThrough;
        }

        /**
         * @param file hold music file, empty for the built-in music.
         * @return this.
         */
        public Context holdMusic(final String file)
        {
            holdMusic = file;
            return this;
        }

        /**
         * @return hold music file, empty for the built-in music.
         */
        public String holdMusic()
        {
            return holdMusic;
        }

        /**
         * @param callers callers that may wait at once.
         * @return this.
         */
        public Context maxWaitingCallers(final int callers)
        {
            maxWaitingCallers = callers;
            return this;
        }

        /**
         * @return callers that may wait at once.
         */
        public int maxWaitingCallers()
        {
            return maxWaitingCallers;
        }

        private static void require(final boolean ok, final String name, final long value)
        {
            if (!ok)
            {
                throw new IllegalStateException("invalid " + name + ": " + value);
            }
        }
    }
}
