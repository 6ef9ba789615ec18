/*
 * Dialer transfer module.
 */
package io.dialer.transfer;

/**
 * Settings of the closer pool, the matcher and the warm transfer: each one a {@code *_PROP_NAME} system property with
 * its {@code *_DEFAULT}, resolved and checked by {@link Context#conclude()}.
 */
public final class TransferConfiguration
{
    /**
     * Interval between reassurance messages while the caller is on hold, ms; 0 disables them.
     */
    public static final String REASSURANCE_INTERVAL_PROP_NAME = "dialer.transfer.reassurance.interval.ms";

    /**
     * Default reassurance interval: 30 s.
     */
    public static final long REASSURANCE_INTERVAL_DEFAULT = 30_000;

    /**
     * How long a closer may ring before it counts as no answer, ms.
     */
    public static final String RING_TIMEOUT_PROP_NAME = "dialer.transfer.ring.timeout.ms";

    /**
     * Default ring timeout: 20 s.
     */
    public static final long RING_TIMEOUT_DEFAULT = 20_000;

    /**
     * How long a briefed closer has to press 1 or 9 after the instructions, ms; then the next closer is tried.
     */
    public static final String DECISION_TIMEOUT_PROP_NAME = "dialer.transfer.decision.timeout.ms";

    /**
     * Default decision timeout: 15 s.
     */
    public static final long DECISION_TIMEOUT_DEFAULT = 15_000;

    /**
     * Upper bound on a prompt whose end moves the transfer on (notice to the closer, introduction), ms.
     */
    public static final String PROMPT_GUARD_PROP_NAME = "dialer.transfer.prompt.guard.ms";

    /**
     * Default prompt guard: 10 s.
     */
    public static final long PROMPT_GUARD_DEFAULT = 10_000;

    /**
     * Closers tried per transfer before the caller is returned (M).
     */
    public static final String MAX_ATTEMPTS_PROP_NAME = "dialer.transfer.max.attempts";

    /**
     * Default maximum attempts: 3.
     */
    public static final int MAX_ATTEMPTS_DEFAULT = 3;

    /**
     * A caller's maximum time on hold, ms, from the start of the transfer.
     */
    public static final String HOLD_LIMIT_PROP_NAME = "dialer.transfer.hold.limit.ms";

    /**
     * Default hold limit: 120 s.
     */
    public static final long HOLD_LIMIT_DEFAULT = 120_000;

    /**
     * Closer wrap-up after a call, ms; 0 for none.
     */
    public static final String WRAP_UP_PROP_NAME = "dialer.transfer.wrap.up.ms";

    /**
     * Default wrap-up: 30 s.
     */
    public static final long WRAP_UP_DEFAULT = 30_000;

    /**
     * Whether the caller hears a short introduction before the bridge.
     */
    public static final String INTRODUCTION_PROP_NAME = "dialer.transfer.introduction";

    /**
     * Default introduction: on.
     */
    public static final boolean INTRODUCTION_DEFAULT = true;

    /**
     * Whether the closer sees the caller's number as caller ID (else the dialer's).
     */
    public static final String CALLER_ID_PASS_THROUGH_PROP_NAME = "dialer.transfer.caller.id.pass.through";

    /**
     * Default caller-ID pass-through: on.
     */
    public static final boolean CALLER_ID_PASS_THROUGH_DEFAULT = true;

    /**
     * Hold music file (for the dialer's media side); empty for the built-in music.
     */
    public static final String HOLD_MUSIC_PROP_NAME = "dialer.transfer.hold.music";

    /**
     * Default hold music: the built-in one.
     */
    public static final String HOLD_MUSIC_DEFAULT = "";

    /**
     * Callers that may wait for a closer at once, across skills.
     */
    public static final String MAX_WAITING_CALLERS_PROP_NAME = "dialer.transfer.max.waiting.callers";

    /**
     * Default maximum waiting callers: 4096.
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
        private long reassuranceIntervalMs = Long.getLong(REASSURANCE_INTERVAL_PROP_NAME, REASSURANCE_INTERVAL_DEFAULT);
        private long ringTimeoutMs = Long.getLong(RING_TIMEOUT_PROP_NAME, RING_TIMEOUT_DEFAULT);
        private long decisionTimeoutMs = Long.getLong(DECISION_TIMEOUT_PROP_NAME, DECISION_TIMEOUT_DEFAULT);
        private long promptGuardMs = Long.getLong(PROMPT_GUARD_PROP_NAME, PROMPT_GUARD_DEFAULT);
        private int maxAttempts = Integer.getInteger(MAX_ATTEMPTS_PROP_NAME, MAX_ATTEMPTS_DEFAULT);
        private long holdLimitMs = Long.getLong(HOLD_LIMIT_PROP_NAME, HOLD_LIMIT_DEFAULT);
        private long wrapUpMs = Long.getLong(WRAP_UP_PROP_NAME, WRAP_UP_DEFAULT);
        private boolean introduction = booleanProperty(INTRODUCTION_PROP_NAME, INTRODUCTION_DEFAULT);
        private boolean callerIdPassThrough =
            booleanProperty(CALLER_ID_PASS_THROUGH_PROP_NAME, CALLER_ID_PASS_THROUGH_DEFAULT);
        private String holdMusic = System.getProperty(HOLD_MUSIC_PROP_NAME, HOLD_MUSIC_DEFAULT);
        private int maxWaitingCallers = Integer.getInteger(MAX_WAITING_CALLERS_PROP_NAME, MAX_WAITING_CALLERS_DEFAULT);
        private boolean concluded;

        /**
         * Checks every setting.
         *
         * @return this.
         * @throws IllegalStateException naming the first bad setting.
         */
        public Context conclude()
        {
            require(reassuranceIntervalMs >= 0, REASSURANCE_INTERVAL_PROP_NAME, reassuranceIntervalMs);
            require(ringTimeoutMs > 0, RING_TIMEOUT_PROP_NAME, ringTimeoutMs);
            require(decisionTimeoutMs > 0, DECISION_TIMEOUT_PROP_NAME, decisionTimeoutMs);
            require(promptGuardMs > 0, PROMPT_GUARD_PROP_NAME, promptGuardMs);
            require(maxAttempts >= 1, MAX_ATTEMPTS_PROP_NAME, maxAttempts);
            require(holdLimitMs > 0, HOLD_LIMIT_PROP_NAME, holdLimitMs);
            require(wrapUpMs >= 0, WRAP_UP_PROP_NAME, wrapUpMs);
            require(maxWaitingCallers >= 1, MAX_WAITING_CALLERS_PROP_NAME, maxWaitingCallers);
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

        private static boolean booleanProperty(final String name, final boolean defaultValue)
        {
            final String value = System.getProperty(name);
            return null == value ? defaultValue : Boolean.parseBoolean(value);
        }
    }
}
