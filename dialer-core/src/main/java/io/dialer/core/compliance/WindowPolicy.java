/*
 * Dialer core: compliance.
 */
package io.dialer.core.compliance;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The calling windows of a campaign: a default {@link CallingWindow} and per-state overrides (e.g. Florida
 * 08:00–20:00 and at most 3 calls in 24 h), plus what to do when the callee's zone is unknown. Immutable.
 * <p>
 * A number can map to several candidate zones (an area code spanning a zone boundary, or no better information):
 * it may be called only at instants inside the window in <em>every</em> candidate zone. When no zone is known the
 * campaign's fallback zone is used if one is configured; otherwise the number is refused
 * ({@link #resolveZones(ZoneId[])} returns null).
 */
public final class WindowPolicy
{
    private static final int MAX_ITERATIONS = 64;
    private static final long HORIZON_MS = (CallingWindow.HORIZON_DAYS + 1) * 86_400_000L;

    private final CallingWindow defaultWindow;
    private final Map<String, CallingWindow> perState;
    private final ZoneId fallbackZone;
    private final ZoneId[] fallbackZones;

    /**
     * A policy.
     *
     * @param defaultWindow the window for states without an override.
     * @param perState      overrides by two-letter state code (case-insensitive); may be empty or null.
     * @param fallbackZone  zone used when a number's zone is unknown, or null to refuse such numbers.
     */
    public WindowPolicy(
        final CallingWindow defaultWindow, final Map<String, CallingWindow> perState, final ZoneId fallbackZone)
    {
        if (defaultWindow == null)
        {
            throw new IllegalArgumentException("calling_window default is required");
        }

        this.defaultWindow = defaultWindow;
        this.perState = new HashMap<>();
        for (final Map.Entry<String, CallingWindow> entry : (perState == null ? Map.<String, CallingWindow>of() :
            perState).entrySet())
        {
            final String state = entry.getKey().trim().toUpperCase(Locale.ROOT);
            if (state.isEmpty() || entry.getValue() == null)
            {
                throw new IllegalArgumentException("calling_window.per_state entry invalid: " + entry.getKey());
            }
            this.perState.put(state, entry.getValue());
        }
        this.fallbackZone = fallbackZone;
        this.fallbackZones = fallbackZone == null ? null : new ZoneId[]{ fallbackZone };
    }

    /**
     * The US default: 08:00–21:00 everywhere, no override, unknown zones refused.
     *
     * @return the default policy.
     */
    public static WindowPolicy defaultPolicy()
    {
        return new WindowPolicy(CallingWindow.defaultWindow(), Map.of(), null);
    }

    /**
     * Zones from IANA ids (as the lead list holds them), for the controller to convert once per lead.
     *
     * @param ids zone ids, like {@code America/New_York}; null or empty when unknown.
     * @return the zones, empty when none.
     * @throws java.time.DateTimeException when an id is not a known zone.
     */
    public static ZoneId[] toZones(final String[] ids)
    {
        final int count = ids == null ? 0 : ids.length;
        final ZoneId[] zones = new ZoneId[count];
        for (int i = 0; i < count; i++)
        {
            zones[i] = ZoneId.of(ids[i]);
        }

        return zones;
    }

    /**
     * The default window.
     *
     * @return the window used for states without an override.
     */
    public CallingWindow defaultWindow()
    {
        return defaultWindow;
    }

    /**
     * The fallback zone for numbers without a known zone.
     *
     * @return the zone or null when such numbers are refused.
     */
    public ZoneId fallbackZone()
    {
        return fallbackZone;
    }

    /**
     * Whether a state has its own window.
     *
     * @param state two-letter state code, or null.
     * @return true when overridden.
     */
    public boolean hasOverride(final String state)
    {
        return lookup(state) != null;
    }

    /**
     * The window for a state: its override or the default.
     *
     * @param state two-letter state code, or null when unknown.
     * @return the window that applies.
     */
    public CallingWindow windowFor(final String state)
    {
        final CallingWindow window = lookup(state);

        return window == null ? defaultWindow : window;
    }

    /**
     * The zones to check for a number: its candidate zones, or the fallback zone when none is known.
     *
     * @param zones candidate zones, null or empty when unknown.
     * @return the zones to use, or null when the zone is unknown and there is no fallback (refuse the number).
     */
    public ZoneId[] resolveZones(final ZoneId[] zones)
    {
        return zones == null || zones.length == 0 ? fallbackZones : zones;
    }

    /**
     * Whether an instant is inside the state's window in every candidate zone.
     *
     * @param zones candidate zones (resolved, not empty).
     * @param state two-letter state code, or null.
     * @param nowMs the instant, epoch ms.
     * @return true when a call may be placed now as far as the window is concerned.
     */
    public boolean isInside(final ZoneId[] zones, final String state, final long nowMs)
    {
        return nextOpeningMs(zones, state, nowMs) == nowMs;
    }

    /**
     * The first instant at or after {@code fromMs} that is inside the state's window in every candidate zone.
     *
     * @param zones  candidate zones (resolved, not empty).
     * @param state  two-letter state code, or null.
     * @param fromMs the earliest instant wanted, epoch ms.
     * @return {@code fromMs} when inside, the next common opening, or {@link CallingWindow#NEVER} when the windows
     * never overlap within {@link CallingWindow#HORIZON_DAYS} days (or the window is empty).
     */
    public long nextOpeningMs(final ZoneId[] zones, final String state, final long fromMs)
    {
        return nextOpeningMs(windowFor(state), zones, fromMs);
    }

    /**
     * The first instant at or after {@code fromMs} inside {@code window} in every zone.
     *
     * @param window the window.
     * @param zones  candidate zones (not empty).
     * @param fromMs the earliest instant wanted, epoch ms.
     * @return the instant or {@link CallingWindow#NEVER}.
     */
    static long nextOpeningMs(final CallingWindow window, final ZoneId[] zones, final long fromMs)
    {
        if (zones == null || zones.length == 0)
        {
            throw new IllegalArgumentException("no zone: resolve the zones first");
        }

        long candidateMs = fromMs;
        for (int i = 0; i < MAX_ITERATIONS; i++)
        {
            long latestMs = candidateMs;
            for (final ZoneId zone : zones)
            {
                final long nextMs = window.nextInsideMs(zone, candidateMs);
                if (nextMs == CallingWindow.NEVER)
                {
                    return CallingWindow.NEVER;
                }
                latestMs = Math.max(latestMs, nextMs);
            }

            if (latestMs == candidateMs)
            {
                return candidateMs;
            }
            if (latestMs - fromMs > HORIZON_MS)
            {
                return CallingWindow.NEVER;
            }
            candidateMs = latestMs;
        }

        return CallingWindow.NEVER;
    }

    private CallingWindow lookup(final String state)
    {
        if (state == null || perState.isEmpty())
        {
            return null;
        }

        final CallingWindow window = perState.get(state);

        return window != null ? window : perState.get(state.trim().toUpperCase(Locale.ROOT));
    }
}
