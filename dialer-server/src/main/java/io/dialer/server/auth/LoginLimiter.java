/*
 * Server authentication.
 */
package io.dialer.server.auth;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.agrona.concurrent.EpochClock;

/**
 * Limits login attempts in a sliding window: failed attempts per user name (guessing one user's password) and all
 * attempts per source address (trying many names). Asked before the password is checked, so a limited caller costs
 * no hashing. Keys are forgotten when their window has passed; at most {@link #MAX_KEYS} are held (the oldest are
 * dropped first), so random names cannot fill the memory.
 */
public final class LoginLimiter
{
    /**
     * The most names and addresses remembered at once.
     */
    public static final int MAX_KEYS = 10_000;

    private final EpochClock clock;
    private final int perName;
    private final int perAddress;
    private final long windowMs;
    private final Map<String, ArrayDeque<Long>> attempts = new LinkedHashMap<>();

    /**
     * A limiter.
     *
     * @param clock      the clock.
     * @param perName    failed attempts allowed per user name in a window.
     * @param perAddress attempts allowed per source address in a window.
     * @param windowMs   the window.
     */
    public LoginLimiter(final EpochClock clock, final int perName, final int perAddress, final long windowMs)
    {
        this.clock = clock;
        this.perName = perName;
        this.perAddress = perAddress;
        this.windowMs = windowMs;
    }

    /**
     * Whether an attempt may go ahead; counts it against the address when it may.
     *
     * @param name    the user name tried (any case).
     * @param address the source address.
     * @return 0 when it may, else the seconds until it may.
     */
    public synchronized long tryAttempt(final String name, final String address)
    {
        final long now = clock.time();
        final long nameWait = wait(nameKey(name), perName, now);
        final long addressWait = wait(addressKey(address), perAddress, now);
        final long waitMs = Math.max(nameWait, addressWait);
        if (waitMs > 0)
        {
            return (waitMs + 999) / 1000;
        }
        add(addressKey(address), now);
        return 0;
    }

    /**
     * Counts a failed attempt against the name.
     *
     * @param name the user name tried.
     */
    public synchronized void failed(final String name)
    {
        add(nameKey(name), clock.time());
    }

    /**
     * Forgets a name's failed attempts after a successful login.
     *
     * @param name the user name.
     */
    public synchronized void succeeded(final String name)
    {
        attempts.remove(nameKey(name));
    }

    private long wait(final String key, final int limit, final long now)
    {
        final ArrayDeque<Long> times = attempts.get(key);
        if (null == times)
        {
            return 0;
        }
        while (!times.isEmpty() && now - times.peekFirst() >= windowMs)
        {
            times.pollFirst();
        }
        if (times.isEmpty())
        {
            attempts.remove(key);
            return 0;
        }
        return times.size() < limit ? 0 : times.peekFirst() + windowMs - now;
    }

    private void add(final String key, final long now)
    {
        attempts.computeIfAbsent(key, (k) -> new ArrayDeque<>()).addLast(now);
        if (attempts.size() > MAX_KEYS)
        {
            final Iterator<Map.Entry<String, ArrayDeque<Long>>> oldest = attempts.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private static String nameKey(final String name)
    {
        return "name:" + name.toLowerCase(java.util.Locale.ROOT);
    }

    private static String addressKey(final String address)
    {
        return "address:" + address;
    }
}
