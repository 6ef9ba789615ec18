/*
 * Dialer core: compliance.
 */
package io.dialer.core.compliance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;

/**
 * One calling window in the callee's local time: {@code [start, end)}, end exclusive, the same every day, plus an
 * optional cap on calls per rolling 24 h. Immutable.
 * <p>
 * On a given local date the window is the span of instants from the first instant whose local time is at or after
 * {@code start} to the first instant whose local time is at or after {@code end}, computed with the zone's own rules
 * (never a fixed offset). So a start inside a spring-forward gap opens at the end of the gap (the first instant at
 * or after that local time), and in a fall-back overlap both edges use their earlier occurrence: the window closes
 * at the first time the wall clock reaches {@code end} and does not reopen when the clock is set back (conservative).
 * A window with {@code start == end} is empty: it never opens.
 * <p>
 * A window may also close for whole local days: listed dates ({@link #holidays()}, e.g. a state's legal holidays)
 * and days of the week ({@link #isClosedOn(DayOfWeek)}, e.g. no Sunday calls), both in the callee's zone; and it may
 * name the rule it comes from ({@link #rule()}, like {@code FL Fla. Stat. 501.616}) for the journal.
 */
public final class CallingWindow
{
    /**
     * Returned when no instant is allowed within the search horizon.
     */
    public static final long NEVER = Long.MAX_VALUE;

    /**
     * No cap on calls per rolling 24 h.
     */
    public static final int NO_CAP = 0;

    /**
     * The highest cap on calls per rolling 24 h: the engine keeps this many recent dial times per lead, so a higher
     * cap could not be counted.
     */
    public static final int MAX_CALLS_PER_24H = 8;

    /**
     * Default start: 08:00 local.
     */
    public static final LocalTime START_DEFAULT = LocalTime.of(8, 0);

    /**
     * Default end: 21:00 local, exclusive.
     */
    public static final LocalTime END_DEFAULT = LocalTime.of(21, 0);

    /**
     * How many days ahead a next opening is searched for before the answer is {@link #NEVER}.
     */
    public static final int HORIZON_DAYS = 8;

    private static final int[] NO_HOLIDAYS = new int[0];
    private static final CallingWindow DEFAULT =
        new CallingWindow(START_DEFAULT, END_DEFAULT, NO_CAP, NO_HOLIDAYS, 0, null);

    private final LocalTime start;
    private final LocalTime end;
    private final int maxCallsPer24h;
    private final int[] holidays;
    private final int closedDays;
    private final String rule;

    private CallingWindow(
        final LocalTime start,
        final LocalTime end,
        final int maxCallsPer24h,
        final int[] holidays,
        final int closedDays,
        final String rule)
    {
        this.start = start;
        this.end = end;
        this.maxCallsPer24h = maxCallsPer24h;
        this.holidays = holidays;
        this.closedDays = closedDays;
        this.rule = rule;
    }

    /**
     * A window.
     *
     * @param start          first local time allowed.
     * @param end            first local time no longer allowed; equal to {@code start} for a window that never opens.
     * @param maxCallsPer24h most calls to one lead in any rolling 24 h, or {@link #NO_CAP}.
     * @return the window.
     * @throws IllegalArgumentException when {@code end} is before {@code start} (windows past midnight are not
     *                                  supported) or the cap is negative.
     */
    public static CallingWindow of(final LocalTime start, final LocalTime end, final int maxCallsPer24h)
    {
        if (start == null || end == null)
        {
            throw new IllegalArgumentException("calling_window start and end are required");
        }
        if (end.isBefore(start))
        {
            throw new IllegalArgumentException("calling_window end " + end + " is before start " + start);
        }
        if (maxCallsPer24h < 0 || maxCallsPer24h > MAX_CALLS_PER_24H)
        {
            throw new IllegalArgumentException("max_calls_per_24h must be 0 to " + MAX_CALLS_PER_24H + ": " +
                maxCallsPer24h);
        }

        return new CallingWindow(start, end, maxCallsPer24h, NO_HOLIDAYS, 0, null);
    }

    /**
     * This window closed on more local dates (merged with its own, duplicates dropped).
     *
     * @param dates the dates, in the callee's zone.
     * @return a new window, or this one when {@code dates} is empty.
     */
    public CallingWindow withHolidays(final LocalDate... dates)
    {
        if (dates.length == 0)
        {
            return this;
        }
        final int[] merged = Arrays.copyOf(holidays, holidays.length + dates.length);
        for (int i = 0; i < dates.length; i++)
        {
            merged[holidays.length + i] = Math.toIntExact(dates[i].toEpochDay());
        }

        return new CallingWindow(start, end, maxCallsPer24h, Arrays.stream(merged).sorted().distinct().toArray(),
            closedDays, rule);
    }

    /**
     * This window closed on more days of the week.
     *
     * @param days the days, in the callee's zone.
     * @return a new window.
     */
    public CallingWindow withClosedDays(final DayOfWeek... days)
    {
        int mask = closedDays;
        for (final DayOfWeek day : days)
        {
            mask |= 1 << (day.getValue() - 1);
        }

        return new CallingWindow(start, end, maxCallsPer24h, holidays, mask, rule);
    }

    /**
     * This window naming the rule it comes from, for the journal.
     *
     * @param rule like {@code FL Fla. Stat. 501.616}, or null.
     * @return a new window.
     */
    public CallingWindow withRule(final String rule)
    {
        return new CallingWindow(start, end, maxCallsPer24h, holidays, closedDays, rule);
    }

    /**
     * The rule this window comes from, like {@code FL Fla. Stat. 501.616}.
     *
     * @return the rule's label, or null for a plain campaign window.
     */
    public String rule()
    {
        return rule;
    }

    /**
     * The local dates the window stays closed, ascending.
     *
     * @return the dates.
     */
    public List<LocalDate> holidays()
    {
        final LocalDate[] dates = new LocalDate[holidays.length];
        for (int i = 0; i < holidays.length; i++)
        {
            dates[i] = LocalDate.ofEpochDay(holidays[i]);
        }

        return List.of(dates);
    }

    /**
     * Whether the window stays closed all day on a local date (a holiday or a closed day of the week).
     *
     * @param date the callee's local date.
     * @return true when closed all day.
     */
    public boolean isClosedAllDay(final LocalDate date)
    {
        return isHoliday(date) || isClosedOn(date.getDayOfWeek());
    }

    /**
     * Whether a local date is one of the window's holidays.
     *
     * @param date the callee's local date.
     * @return true when listed.
     */
    public boolean isHoliday(final LocalDate date)
    {
        return holidays.length > 0 && Arrays.binarySearch(holidays, (int)date.toEpochDay()) >= 0;
    }

    /**
     * Whether the window stays closed on a day of the week.
     *
     * @param day the day.
     * @return true when closed.
     */
    public boolean isClosedOn(final DayOfWeek day)
    {
        return (closedDays & (1 << (day.getValue() - 1))) != 0;
    }

    /**
     * A window from minutes of the day, as the campaign file holds them ({@code 480} for 08:00).
     *
     * @param startMinute    first minute allowed, 0 to 1439.
     * @param endMinute      first minute no longer allowed, {@code startMinute} to 1439.
     * @param maxCallsPer24h most calls to one lead in any rolling 24 h, or {@link #NO_CAP}.
     * @return the window.
     */
    public static CallingWindow ofMinutes(final int startMinute, final int endMinute, final int maxCallsPer24h)
    {
        if (startMinute < 0 || startMinute >= 1440 || endMinute < 0 || endMinute >= 1440)
        {
            throw new IllegalArgumentException("calling_window minutes must be 0..1439: " + startMinute + ", " +
                endMinute);
        }

        return of(LocalTime.of(startMinute / 60, startMinute % 60), LocalTime.of(endMinute / 60, endMinute % 60),
            maxCallsPer24h);
    }

    /**
     * A window without a rolling cap.
     *
     * @param start first local time allowed.
     * @param end   first local time no longer allowed.
     * @return the window.
     */
    public static CallingWindow of(final LocalTime start, final LocalTime end)
    {
        return of(start, end, NO_CAP);
    }

    /**
     * The default window, 08:00–21:00 without a rolling cap.
     *
     * @return the default window.
     */
    public static CallingWindow defaultWindow()
    {
        return DEFAULT;
    }

    /**
     * First local time allowed.
     *
     * @return the start.
     */
    public LocalTime start()
    {
        return start;
    }

    /**
     * First local time no longer allowed (exclusive end).
     *
     * @return the end.
     */
    public LocalTime end()
    {
        return end;
    }

    /**
     * Most calls to one lead in any rolling 24 h, or {@link #NO_CAP}.
     *
     * @return the cap.
     */
    public int maxCallsPer24h()
    {
        return maxCallsPer24h;
    }

    /**
     * Whether the window never opens ({@code start == end}).
     *
     * @return true when empty.
     */
    public boolean isEmpty()
    {
        return start.equals(end);
    }

    /**
     * Whether an instant is inside the window in the zone.
     *
     * @param zone the callee's zone.
     * @param atMs the instant, epoch ms.
     * @return true when inside.
     */
    public boolean isInside(final ZoneId zone, final long atMs)
    {
        return nextInsideMs(zone, atMs) == atMs;
    }

    /**
     * The first instant at or after {@code fromMs} that is inside the window in the zone.
     *
     * @param zone   the callee's zone.
     * @param fromMs the earliest instant wanted, epoch ms.
     * @return {@code fromMs} when inside, the next opening, or {@link #NEVER}.
     */
    public long nextInsideMs(final ZoneId zone, final long fromMs)
    {
        if (isEmpty())
        {
            return NEVER;
        }

        final ZoneRules rules = zone.getRules();
        final LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(fromMs), zone);
        for (int day = -1; day <= HORIZON_DAYS; day++)
        {
            final LocalDate date = today.plusDays(day);
            if (isClosedAllDay(date))
            {
                continue;
            }
            final long closeMs = firstInstantAtOrAfter(rules, date, end);
            if (fromMs < closeMs)
            {
                final long openMs = firstInstantAtOrAfter(rules, date, start);
                if (openMs < closeMs)
                {
                    return Math.max(openMs, fromMs);
                }
            }
        }

        return NEVER;
    }

    /**
     * The first instant at or after which the local time on {@code date} has reached {@code time}: the local
     * date-time itself when it exists (its earlier occurrence in an overlap), the end of the gap when it does not.
     *
     * @param rules the zone's rules.
     * @param date  the local date.
     * @param time  the local time.
     * @return the instant, epoch ms.
     */
    static long firstInstantAtOrAfter(final ZoneRules rules, final LocalDate date, final LocalTime time)
    {
        final LocalDateTime local = LocalDateTime.of(date, time);
        final List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty())
        {
            final ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant().toEpochMilli();
        }

        long earliestSeconds = Long.MAX_VALUE;
        for (int i = 0, size = offsets.size(); i < size; i++)
        {
            earliestSeconds = Math.min(earliestSeconds, local.toEpochSecond(offsets.get(i)));
        }

        return earliestSeconds * 1000L + local.getNano() / 1_000_000L;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return start + "-" + end + (maxCallsPer24h == NO_CAP ? "" : " max " + maxCallsPer24h + "/24h") +
            (holidays.length == 0 ? "" : " " + holidays.length + " holidays") +
            (closedDays == 0 ? "" : " closed days " + Integer.toBinaryString(closedDays)) +
            (rule == null ? "" : " (" + rule + ")");
    }
}
