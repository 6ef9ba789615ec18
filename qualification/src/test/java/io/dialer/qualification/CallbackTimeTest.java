/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallbackTimeTest
{
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Monday 23 November 2026, 10:00 in Chicago. */
    private static final ZonedDateTime MONDAY_10 = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, CHICAGO);

    private static String resolve(final String text, final ZonedDateTime now)
    {
        final long at = CallbackTime.resolve(text, now.toInstant().toEpochMilli(), now.getZone());
        return 0 == at ? "not a time" :
            ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(at), now.getZone()).toLocalDateTime().toString();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "this evening, 2026-11-23T18:00",
        "tonight, 2026-11-23T18:00",
        "This  Evening , 2026-11-23T18:00",
        "tomorrow morning, 2026-11-24T09:00",
        "tomorrow in the morning, 2026-11-24T09:00",
        "tomorrow afternoon, 2026-11-24T13:00",
        "tomorrow, 2026-11-24T09:00",
        "this afternoon, 2026-11-23T13:00",
        "afternoon, 2026-11-23T13:00",
        "1730, 2026-11-23T17:30",
        "930, 2026-11-24T09:30",
        "17:30, 2026-11-23T17:30",
        "5 pm, 2026-11-23T17:00",
        "5:30pm, 2026-11-23T17:30",
        "12 am, 2026-11-24T00:00",
        "tomorrow 0930, 2026-11-24T09:30",
        "friday at 5 pm, 2026-11-27T17:00",
        "monday afternoon, 2026-11-30T13:00",
        "monday, 2026-11-30T09:00",
        "wednesday evening, 2026-11-25T18:00",
        "in 2 hours, 2026-11-23T12:00",
        "in an hour, 2026-11-23T11:00",
        "in 30 minutes, 2026-11-23T10:30",
        "later, 2026-11-23T11:00",
        "later today, 2026-11-23T11:00",
        "now, 2026-11-23T11:00",
        "today, 2026-11-23T11:00",
        "this morning, 2026-11-23T11:00",
        "morning, 2026-11-23T11:00",
    })
    void shouldResolveInTheCalleesZoneOnMondayAt10(final String text, final String expected)
    {
        assertNull(CallbackTime.problem(text));
        assertEquals(expected, resolve(text, MONDAY_10));
    }

    @Test
    void shouldMoveAPartOfTheDayThatIsOverToTomorrow()
    {
        final ZonedDateTime at1530 = MONDAY_10.withHour(15).withMinute(30);
        assertEquals("2026-11-24T09:00", resolve("this morning", at1530));
        assertEquals("2026-11-23T16:30", resolve("this afternoon", at1530), "begun, not over: in an hour");
        assertEquals("2026-11-23T18:00", resolve("this evening", at1530));
        assertEquals("2026-11-24T09:00", resolve("0900", at1530), "a clock time already past: tomorrow");
        final ZonedDateTime at2130 = MONDAY_10.withHour(21).withMinute(30);
        assertEquals("2026-11-24T18:00", resolve("this evening", at2130));
        assertEquals("2026-11-23T22:30", resolve("later", at2130), "the calling window holds it, not this class");
    }

    @Test
    void shouldUseTheCalleesOwnZone()
    {
        final long now = MONDAY_10.toInstant().toEpochMilli(); // 11:00 in New York
        final long chicago = CallbackTime.resolve("this evening", now, CHICAGO);
        final long newYork = CallbackTime.resolve("this evening", now, NEW_YORK);
        assertEquals(60 * 60 * 1000L, chicago - newYork, "18:00 in New York is an hour before 18:00 in Chicago");
    }

    @Test
    void shouldKeepTheWallClockAcrossADaylightSavingChange()
    {
        // Saturday 31 October 2026, 20:00 in Chicago; clocks go back an hour on Sunday 1 November at 02:00
        final ZonedDateTime saturday = ZonedDateTime.of(2026, 10, 31, 20, 0, 0, 0, CHICAGO);
        assertEquals("2026-11-01T09:00", resolve("tomorrow morning", saturday));
        assertEquals(14 * 60 * 60 * 1000L,
            CallbackTime.resolve("tomorrow morning", saturday.toInstant().toEpochMilli(), CHICAGO) -
            saturday.toInstant().toEpochMilli(), "13 hours of wall clock are 14 real hours that night");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "next week", "2575", "12", "12345", "17:3", "13 pm", "this", "this 1730",
        "tonight 1730", "in hours", "in 2 days", "tomorrow in", "yes", "sometime"})
    void shouldRefuseWhatIsNotACallbackTime(final String text)
    {
        final String problem = CallbackTime.problem(text);
        assertNotNull(problem, text);
        assertTrue(problem.contains("'" + text + "' is not a callback time"), problem);
        assertEquals(0, CallbackTime.resolve(text, MONDAY_10.toInstant().toEpochMilli(), CHICAGO));
    }
}
