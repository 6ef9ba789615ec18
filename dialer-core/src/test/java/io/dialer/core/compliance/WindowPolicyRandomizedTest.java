/*
 * Dialer core compliance tests.
 */
package io.dialer.core.compliance;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowPolicyRandomizedTest
{
    private static final ZoneId[] ZONES = {
        Times.NEW_YORK, Times.CHICAGO, Times.DENVER, Times.PHOENIX, Times.LOS_ANGELES, Times.HONOLULU,
        Times.ANCHORAGE, Times.PUERTO_RICO };
    private static final long STEP_MS = 5 * 60_000L;
    private static final LocalTime START = LocalTime.of(8, 0);
    private static final LocalTime END = LocalTime.of(21, 0);

    @Test
    void shouldAgreeWithTheWallClockOfEveryZone()
    {
        final WindowPolicy policy = new WindowPolicy(CallingWindow.defaultWindow(), Map.of(), null);
        final Random random = new Random(20260308L);
        final long yearStartMs = Times.utc("2026-01-01T00:00:00Z");
        final long[] dstDays = {
            Times.utc("2026-03-08T00:00:00Z"), Times.utc("2026-11-01T00:00:00Z") };

        for (int i = 0; i < 2_000; i++)
        {
            final ZoneId[] zones = random.nextInt(3) == 0 ?
                new ZoneId[]{ ZONES[random.nextInt(ZONES.length)], ZONES[random.nextInt(ZONES.length)] } :
                new ZoneId[]{ ZONES[random.nextInt(ZONES.length)] };
            final long baseMs = i % 3 == 0 ?
                dstDays[random.nextInt(2)] : yearStartMs + random.nextInt(365) * 86_400_000L;
            final long fromMs = baseMs + (long)(random.nextDouble() * 86_400_000L);

            final long openingMs = policy.nextOpeningMs(zones, null, fromMs);

            assertNotEquals(CallingWindow.NEVER, openingMs);
            assertTrue(insideEverywhere(zones, openingMs), () -> Instant.ofEpochMilli(openingMs) + " " + zones[0]);
            if (openingMs > fromMs)
            {
                assertFalse(insideEverywhere(zones, openingMs - 1), () -> Instant.ofEpochMilli(openingMs) + " edge");
            }
            for (long atMs = fromMs; atMs < openingMs; atMs += STEP_MS)
            {
                final long at = atMs;
                assertFalse(insideEverywhere(zones, atMs), () -> Instant.ofEpochMilli(at) + " before opening");
            }
        }
    }

    private static boolean insideEverywhere(final ZoneId[] zones, final long atMs)
    {
        for (final ZoneId zone : zones)
        {
            final LocalTime local = Instant.ofEpochMilli(atMs).atZone(zone).toLocalTime();
            if (local.isBefore(START) || !local.isBefore(END))
            {
                return false;
            }
        }

        return true;
    }
}
