/*
 * Dialer core compliance tests.
 */
package io.dialer.core.compliance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import static io.dialer.core.compliance.Times.DENVER;
import static io.dialer.core.compliance.Times.LOS_ANGELES;
import static io.dialer.core.compliance.Times.NEW_YORK;
import static io.dialer.core.compliance.Times.PHOENIX;
import static io.dialer.core.compliance.Times.local;
import static io.dialer.core.compliance.Times.show;
import static io.dialer.core.compliance.Times.utc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowPolicyTest
{
    private static final ZoneId[] NY = { NEW_YORK };

    private final WindowPolicy policy = new WindowPolicy(
        CallingWindow.defaultWindow(),
        Map.of("FL", CallingWindow.of(LocalTime.of(8, 0), LocalTime.of(20, 0), 3)),
        null);

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource({
        "America/New_York,    2026-06-10T07:59:59, 2026-06-10T08:00",
        "America/New_York,    2026-06-10T08:00,    2026-06-10T08:00",
        "America/New_York,    2026-06-10T20:59:59, 2026-06-10T20:59:59",
        "America/New_York,    2026-06-10T21:00,    2026-06-11T08:00",
        "America/Chicago,     2026-01-15T23:30,    2026-01-16T08:00",
        "America/Chicago,     2026-01-15T00:10,    2026-01-15T08:00",
        "America/Denver,      2026-07-04T12:00,    2026-07-04T12:00",
        "America/Phoenix,     2026-03-08T06:00,    2026-03-08T08:00",
        "America/Phoenix,     2026-11-01T21:00,    2026-11-02T08:00",
        "America/Los_Angeles, 2026-05-01T06:30,    2026-05-01T08:00",
        "America/Los_Angeles, 2026-05-01T21:00,    2026-05-02T08:00",
        "Pacific/Honolulu,    2026-12-31T21:30,    2027-01-01T08:00",
        "America/Anchorage,   2026-11-01T07:00,    2026-11-01T08:00",
        "America/Anchorage,   2026-03-08T01:30,    2026-03-08T08:00",
        "America/Puerto_Rico, 2026-03-08T05:00,    2026-03-08T08:00",
        "America/Puerto_Rico, 2026-11-01T20:30,    2026-11-01T20:30",
    })
    void shouldFindTheNextOpeningInTheCalleesLocalTime(final String zone, final String now, final String expected)
    {
        final ZoneId[] zones = { ZoneId.of(zone) };
        final long nowMs = local(zones[0], now);
        final long expectedMs = local(zones[0], expected);

        assertEquals(show(expectedMs), show(policy.nextOpeningMs(zones, null, nowMs)));
        assertEquals(expectedMs == nowMs, policy.isInside(zones, null, nowMs));
    }

    @Test
    void shouldUseTheZonesOwnOffsetNotAFixedOne()
    {
        final ZoneId[] la = { LOS_ANGELES };
        final ZoneId[] phoenix = { PHOENIX };

        assertEquals(
            show(utc("2026-05-01T15:00:00Z")),
            show(policy.nextOpeningMs(la, null, utc("2026-05-01T13:30:00Z"))));
        assertEquals(
            show(utc("2026-01-15T16:00:00Z")),
            show(policy.nextOpeningMs(la, null, utc("2026-01-15T14:30:00Z"))));
        assertEquals(
            show(utc("2026-07-01T15:00:00Z")),
            show(policy.nextOpeningMs(phoenix, null, utc("2026-07-01T12:00:00Z"))));
        assertEquals(
            show(utc("2026-01-15T15:00:00Z")),
            show(policy.nextOpeningMs(phoenix, null, utc("2026-01-15T12:00:00Z"))));
    }

    @Test
    void shouldOpenAtEightLocalOnTheSpringForwardDay()
    {
        // 2026-03-08 01:00 EST; 08:00 that day is EDT (UTC-4): 12:00Z, not 13:00Z.
        assertEquals(
            show(utc("2026-03-08T12:00:00Z")),
            show(policy.nextOpeningMs(NY, null, utc("2026-03-08T06:00:00Z"))));
        // 21:00 EDT = 01:00Z the next day: the last allowed millisecond, then closed until 08:00 EDT.
        final long lastMs = utc("2026-03-09T00:59:59.999Z");
        assertTrue(policy.isInside(NY, null, lastMs));
        assertEquals(show(utc("2026-03-09T12:00:00Z")), show(policy.nextOpeningMs(NY, null, lastMs + 1)));
    }

    @Test
    void shouldOpenAtEightLocalOnTheFallBackDay()
    {
        // 2026-11-01 01:00 EDT (first pass); 08:00 that day is EST (UTC-5): 13:00Z.
        assertEquals(
            show(utc("2026-11-01T13:00:00Z")),
            show(policy.nextOpeningMs(NY, null, utc("2026-11-01T05:00:00Z"))));
        // 21:00 EST = 02:00Z the next day.
        assertTrue(policy.isInside(NY, null, utc("2026-11-02T01:59:59Z")));
        assertFalse(policy.isInside(NY, null, utc("2026-11-02T02:00:00Z")));
    }

    @Test
    void shouldOpenAtTheEndOfTheGapWhenTheStartFallsInsideIt()
    {
        final CallingWindow window = CallingWindow.of(LocalTime.of(2, 30), LocalTime.of(21, 0));

        // 02:30 does not exist on 2026-03-08 in New York: 01:59:59 EST is followed by 03:00 EDT (07:00Z).
        assertFalse(window.isInside(NEW_YORK, utc("2026-03-08T06:59:59Z")));
        assertEquals(
            show(utc("2026-03-08T07:00:00Z")),
            show(window.nextInsideMs(NEW_YORK, utc("2026-03-08T06:00:00Z"))));
        assertTrue(window.isInside(NEW_YORK, utc("2026-03-08T07:00:00Z")));
    }

    @Test
    void shouldCloseAtTheEndOfTheGapWhenTheEndFallsInsideIt()
    {
        final CallingWindow window = CallingWindow.of(LocalTime.of(1, 0), LocalTime.of(2, 30));

        assertTrue(window.isInside(NEW_YORK, utc("2026-03-08T06:00:00Z")));
        assertTrue(window.isInside(NEW_YORK, utc("2026-03-08T06:59:59.999Z")));
        assertFalse(window.isInside(NEW_YORK, utc("2026-03-08T07:00:00Z")));
        // next day 01:00 EDT
        assertEquals(
            show(utc("2026-03-09T05:00:00Z")),
            show(window.nextInsideMs(NEW_YORK, utc("2026-03-08T07:00:00Z"))));
    }

    @Test
    void shouldSkipADayWhoseWindowLiesEntirelyInTheGap()
    {
        final CallingWindow window = CallingWindow.of(LocalTime.of(2, 10), LocalTime.of(2, 50));

        assertEquals(
            show(utc("2026-03-09T06:10:00Z")),
            show(window.nextInsideMs(NEW_YORK, utc("2026-03-08T06:00:00Z"))));
    }

    @Test
    void shouldUseTheFirstOccurrenceOfEdgesInTheFallBackOverlap()
    {
        final CallingWindow opensInOverlap = CallingWindow.of(LocalTime.of(1, 30), LocalTime.of(21, 0));
        // 01:30 EDT (05:30Z) comes before 01:30 EST (06:30Z).
        assertEquals(
            show(utc("2026-11-01T05:30:00Z")),
            show(opensInOverlap.nextInsideMs(NEW_YORK, utc("2026-11-01T04:00:00Z"))));

        final CallingWindow closesInOverlap = CallingWindow.of(LocalTime.of(0, 0), LocalTime.of(1, 30));
        assertTrue(closesInOverlap.isInside(NEW_YORK, utc("2026-11-01T05:29:59Z")));
        assertFalse(closesInOverlap.isInside(NEW_YORK, utc("2026-11-01T05:30:00Z")));
        // 01:15 EST, the second pass: the wall clock is before 01:30 again, but the window has closed for the day.
        assertFalse(closesInOverlap.isInside(NEW_YORK, utc("2026-11-01T06:15:00Z")));
        assertEquals(
            show(utc("2026-11-02T05:00:00Z")),
            show(closesInOverlap.nextInsideMs(NEW_YORK, utc("2026-11-01T06:15:00Z"))));
    }

    @Test
    void shouldAllowMultiZoneNumbersOnlyWhenInsideInEveryZone()
    {
        final ZoneId[] zones = { NEW_YORK, LOS_ANGELES };

        // 08:00 EDT is 05:00 PDT: wait for 08:00 PDT.
        assertEquals(
            show(utc("2026-06-10T15:00:00Z")),
            show(policy.nextOpeningMs(zones, null, utc("2026-06-10T12:00:00Z"))));
        assertTrue(policy.isInside(zones, null, utc("2026-06-11T00:59:59Z")));
        // 21:00 EDT closes it although it is 18:00 in Los Angeles.
        assertEquals(
            show(utc("2026-06-11T15:00:00Z")),
            show(policy.nextOpeningMs(zones, null, utc("2026-06-11T01:00:00Z"))));
    }

    @Test
    void shouldHandleZonesWithAndWithoutDaylightSavingTogether()
    {
        final ZoneId[] zones = { DENVER, PHOENIX };

        // Summer: 08:00 MDT (14:00Z) is 07:00 in Phoenix (MST all year).
        assertEquals(
            show(utc("2026-07-01T15:00:00Z")),
            show(policy.nextOpeningMs(zones, null, utc("2026-07-01T13:00:00Z"))));
        // Winter: both on UTC-7.
        assertEquals(
            show(utc("2026-01-15T15:00:00Z")),
            show(policy.nextOpeningMs(zones, null, utc("2026-01-15T13:00:00Z"))));
    }

    @Test
    void shouldReturnNeverWhenTheZonesNeverShareTheWindow()
    {
        final CallingWindow narrow = CallingWindow.of(LocalTime.of(9, 0), LocalTime.of(10, 0));
        final WindowPolicy narrowPolicy = new WindowPolicy(narrow, Map.of(), null);

        assertEquals(
            CallingWindow.NEVER,
            narrowPolicy.nextOpeningMs(new ZoneId[]{ NEW_YORK, LOS_ANGELES }, null, utc("2026-06-10T12:00:00Z")));
        assertEquals(
            show(local(NEW_YORK, "2026-06-10T09:00")),
            show(narrowPolicy.nextOpeningMs(NY, null, utc("2026-06-10T12:00:00Z"))));
    }

    @Test
    void shouldReturnNeverForAnEmptyWindow()
    {
        final CallingWindow empty = CallingWindow.of(LocalTime.NOON, LocalTime.NOON);

        assertTrue(empty.isEmpty());
        assertEquals(CallingWindow.NEVER, empty.nextInsideMs(NEW_YORK, utc("2026-06-10T12:00:00Z")));
    }

    @Test
    void shouldApplyTheStateOverride()
    {
        final long evening = local(NEW_YORK, "2026-06-10T20:30");

        assertTrue(policy.hasOverride("FL"));
        assertTrue(policy.hasOverride("fl"));
        assertFalse(policy.hasOverride("TX"));
        assertEquals(3, policy.windowFor("FL").maxCallsPer24h());
        assertSame(CallingWindow.defaultWindow(), policy.windowFor(null));
        assertEquals(show(local(NEW_YORK, "2026-06-11T08:00")), show(policy.nextOpeningMs(NY, "FL", evening)));
        assertTrue(policy.isInside(NY, "TX", evening));
        assertTrue(policy.isInside(NY, null, evening));
    }

    @Test
    void shouldResolveUnknownZonesToTheFallbackOrRefuse()
    {
        final WindowPolicy withFallback = new WindowPolicy(CallingWindow.defaultWindow(), Map.of(), NEW_YORK);

        assertArrayEquals(
            new ZoneId[]{ NEW_YORK, LOS_ANGELES },
            WindowPolicy.toZones(new String[]{ "America/New_York", "America/Los_Angeles" }));
        assertNull(policy.resolveZones(WindowPolicy.toZones(null)));
        assertNull(policy.resolveZones(null));
        assertNull(policy.resolveZones(new ZoneId[0]));
        assertArrayEquals(NY, withFallback.resolveZones(null));
        assertSame(NY, withFallback.resolveZones(NY));
    }

    @Test
    void shouldRefuseBadWindows()
    {
        assertThrows(IllegalArgumentException.class, () -> CallingWindow.of(LocalTime.of(21, 0), LocalTime.of(8, 0)));
        assertThrows(
            IllegalArgumentException.class, () -> CallingWindow.of(LocalTime.of(8, 0), LocalTime.of(21, 0), -1));
        assertThrows(IllegalArgumentException.class, () -> CallingWindow.of(null, LocalTime.of(21, 0)));
        assertThrows(IllegalArgumentException.class, () -> policy.nextOpeningMs(new ZoneId[0], null, 0));
    }

    @Test
    void shouldBuildWindowsFromMinutesOfTheDay()
    {
        final CallingWindow window = CallingWindow.ofMinutes(8 * 60, 20 * 60 + 30, 3);

        assertEquals(LocalTime.of(8, 0), window.start());
        assertEquals(LocalTime.of(20, 30), window.end());
        assertEquals(3, window.maxCallsPer24h());
        assertEquals("08:00-20:30 max 3/24h", window.toString());
        assertThrows(IllegalArgumentException.class, () -> CallingWindow.ofMinutes(-1, 600, 0));
        assertThrows(IllegalArgumentException.class, () -> CallingWindow.ofMinutes(480, 1440, 0));
    }
}
