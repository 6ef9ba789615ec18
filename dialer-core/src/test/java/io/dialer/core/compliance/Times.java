/*
 * Dialer core compliance tests.
 */
package io.dialer.core.compliance;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

final class Times
{
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final ZoneId DENVER = ZoneId.of("America/Denver");
    static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ZoneId HONOLULU = ZoneId.of("Pacific/Honolulu");
    static final ZoneId ANCHORAGE = ZoneId.of("America/Anchorage");
    static final ZoneId PUERTO_RICO = ZoneId.of("America/Puerto_Rico");
    static final long HOUR_MS = 3_600_000L;
    static final long DAY_MS = 24 * HOUR_MS;

    private Times()
    {
    }

    static long utc(final String instant)
    {
        return Instant.parse(instant).toEpochMilli();
    }

    static long local(final ZoneId zone, final String localDateTime)
    {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant().toEpochMilli();
    }

    static String show(final long ms)
    {
        return ms == CallingWindow.NEVER ? "NEVER" : Instant.ofEpochMilli(ms).toString();
    }
}
