/*
 * Dialer core: compliance.
 */
package io.dialer.core.compliance;

/**
 * The ring timeout: how long a call rings before the dialer gives up. It can never be shorter than
 * {@link #FLOOR_MS} (15 s, about four rings): a configured value below the floor is refused, not clamped, so a
 * misconfigured campaign fails at load time instead of silently dialing with another value.
 */
public final class RingTimeout
{
    /**
     * The regulatory floor: 15 s.
     */
    public static final long FLOOR_MS = 15_000;

    /**
     * Default ring timeout: 25 s.
     */
    public static final long DEFAULT_MS = 25_000;

    private static final RingTimeout DEFAULT = new RingTimeout(DEFAULT_MS);

    private final long timeoutMs;

    private RingTimeout(final long timeoutMs)
    {
        this.timeoutMs = timeoutMs;
    }

    /**
     * A ring timeout of the given length.
     *
     * @param timeoutMs how long to ring, ms.
     * @return the ring timeout.
     * @throws IllegalArgumentException naming the floor when {@code timeoutMs} is below {@link #FLOOR_MS}.
     */
    public static RingTimeout of(final long timeoutMs)
    {
        if (timeoutMs < FLOOR_MS)
        {
            throw new IllegalArgumentException(
                "ring_timeout " + timeoutMs + " ms is below the floor of " + FLOOR_MS + " ms (15 s)");
        }

        return new RingTimeout(timeoutMs);
    }

    /**
     * The default ring timeout, {@link #DEFAULT_MS}.
     *
     * @return the default.
     */
    public static RingTimeout defaultTimeout()
    {
        return DEFAULT;
    }

    /**
     * Whether a configured value is allowed (not below the floor).
     *
     * @param timeoutMs the value, ms.
     * @return true when at or above {@link #FLOOR_MS}.
     */
    public static boolean isAllowed(final long timeoutMs)
    {
        return timeoutMs >= FLOOR_MS;
    }

    /**
     * The timeout, ms; never below {@link #FLOOR_MS}.
     *
     * @return the timeout in ms.
     */
    public long timeoutMs()
    {
        return timeoutMs;
    }

    /**
     * Whether a call that has rung for {@code ringingMs} may be given up now.
     *
     * @param ringingMs how long it has rung.
     * @return true when it has rung at least the timeout.
     */
    public boolean mayGiveUp(final long ringingMs)
    {
        return ringingMs >= timeoutMs;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return "RingTimeout{" + timeoutMs + " ms}";
    }
}
