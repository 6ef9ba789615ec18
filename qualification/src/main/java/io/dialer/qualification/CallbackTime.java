/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time a callee asked to be called back: the answer a callback outcome names ({@code time: answers.when}),
 * understood in the callee's own time zone.
 * <p>
 * What it understands (case and extra spaces do not matter; {@code at}, {@code on} and {@code the} are ignored):
 * <ul>
 *   <li>a clock time keyed in or written as digits: {@code 1730}, {@code 930} (three or four digits, 24-hour),
 *       {@code 17:30}, {@code 5:30 pm}, {@code 5 pm};</li>
 *   <li>a part of the day: {@code morning} (09:00), {@code afternoon} (13:00), {@code evening} or {@code night}
 *       (18:00), optionally after {@code this}, {@code today}, {@code tomorrow} or a weekday:
 *       {@code this evening}, {@code tomorrow morning}, {@code monday afternoon}; {@code tonight} is this evening;</li>
 *   <li>a day alone: {@code tomorrow} or a weekday (its morning), {@code today} (later today);</li>
 *   <li>a day and a clock time: {@code tomorrow 0930}, {@code friday at 5 pm};</li>
 *   <li>a delay: {@code in 2 hours}, {@code in an hour}, {@code in 30 minutes}; and {@code later}, {@code later
 *       today}, {@code soon}, {@code now}, {@code asap}: one hour from now (a callback is never immediate).</li>
 * </ul>
 * Resolution gives the earliest moment of that time after the call: a clock time or part of the day already past
 * today means tomorrow's, except a part of today that has begun and not ended (morning until 12:00, afternoon until
 * 17:00, evening until 21:00), which means one hour from now; a weekday means the next one, never today. The calling
 * window still applies on top: the dialer holds a callback asked for 22:30 until its window opens.
 * <p>
 * Used twice: the script compiler checks every choice a callback outcome can take with {@link #problem}, so a script
 * whose choice says {@code next week} is refused with its line and column; the dialer calls {@link #resolve} when
 * the outcome is reached (digits keyed in can still be wrong, {@code 2575}: then it returns 0 and the campaign's
 * callback delay applies). Stateless; {@link #resolve} allocates a few {@code java.time} objects, once per
 * callback.
 */
public final class CallbackTime
{
    /** Hour a morning callback starts. */
    public static final int MORNING_HOUR = 9;
    /** Hour an afternoon callback starts. */
    public static final int AFTERNOON_HOUR = 13;
    /** Hour an evening callback starts. */
    public static final int EVENING_HOUR = 18;
    /** The delay of "later", "soon", "now" and of a part of today already begun, ms. */
    public static final long SOON_MS = 60 * 60 * 1000L;

    /** What {@link #problem} says it understands. */
    public static final String UNDERSTOOD =
        "a clock time (1730, 17:30, 5 pm), a day and part of day (this evening, tomorrow morning, monday " +
        "afternoon), tomorrow, a weekday, or a delay (in 2 hours, later)";

    private static final int[] PART_START = {MORNING_HOUR, AFTERNOON_HOUR, EVENING_HOUR};
    private static final int[] PART_END = {12, 17, 21};
    private static final String[] PARTS = {"morning", "afternoon", "evening"};
    private static final int NONE = -1;
    private static final long MINUTE_MS = 60_000L;

    private CallbackTime()
    {
    }

    /**
     * Checks that a text is a callback time this class understands.
     *
     * @param text the answer's value, e.g. a script choice.
     * @return null when understood, else what is wrong, to show with the text's place in the script.
     */
    public static String problem(final CharSequence text)
    {
        return null != parse(text) ? null :
            "'" + text + "' is not a callback time: use " + UNDERSTOOD;
    }

    /**
     * The earliest moment of the callback asked for.
     *
     * @param text  the answer's value.
     * @param nowMs the end of the call, epoch ms.
     * @param zone  the callee's time zone.
     * @return epoch ms, after {@code nowMs}; 0 when the text is not a callback time.
     */
    public static long resolve(final CharSequence text, final long nowMs, final ZoneId zone)
    {
        final Spec spec = parse(text);
        if (null == spec)
        {
            return 0;
        }
        if (spec.delayMs > 0)
        {
            return nowMs + spec.delayMs;
        }
        final ZonedDateTime now = ZonedDateTime.ofInstant(Instant.ofEpochMilli(nowMs), zone);
        LocalDate date = now.toLocalDate();
        if (null != spec.weekday)
        {
            date = date.with(TemporalAdjusters.next(spec.weekday));
        }
        else if (spec.tomorrow)
        {
            date = date.plusDays(1);
        }
        final boolean today = date.equals(now.toLocalDate());
        if (NONE == spec.part && NONE == spec.minuteOfDay)
        {
            // "today" alone: later today
            return today ? nowMs + SOON_MS : at(date, MORNING_HOUR * 60, zone);
        }
        if (NONE != spec.minuteOfDay)
        {
            final long at = at(date, spec.minuteOfDay, zone);
            return at > nowMs ? at : at(date.plusDays(1), spec.minuteOfDay, zone);
        }
        final long start = at(date, PART_START[spec.part] * 60, zone);
        if (!today || start > nowMs)
        {
            return start;
        }
        return now.getHour() < PART_END[spec.part] ? nowMs + SOON_MS :
            at(date.plusDays(1), PART_START[spec.part] * 60, zone);
    }

    private static long at(final LocalDate date, final int minuteOfDay, final ZoneId zone)
    {
        return ZonedDateTime.of(date, LocalTime.of(minuteOfDay / 60, minuteOfDay % 60), zone)
            .toInstant().toEpochMilli();
    }

    /**
     * A parsed callback time: a delay, or a day (today, tomorrow or a weekday) with a part of the day or a clock time.
     */
    private static final class Spec
    {
        long delayMs;
        boolean tomorrow;
        DayOfWeek weekday;
        int part = NONE;
        int minuteOfDay = NONE;
    }

    private static Spec parse(final CharSequence text)
    {
        if (null == text)
        {
            return null;
        }
        final List<String> words = words(text);
        if (words.isEmpty())
        {
            return null;
        }
        final Spec spec = new Spec();
        final String first = words.get(0);
        switch (String.join(" ", words))
        {
            case "later", "later today", "soon", "now", "asap", "as soon as possible" ->
            {
                spec.delayMs = SOON_MS;
                return spec;
            }
            default ->
            {
            }
        }
        if ("in".equals(first))
        {
            return delay(words, spec);
        }
        int i = 0;
        switch (first)
        {
            case "today", "this" -> i++;
            case "tonight" ->
            {
                spec.part = 2;
                i++;
            }
            case "tomorrow" ->
            {
                spec.tomorrow = true;
                i++;
            }
            default ->
            {
                final DayOfWeek weekday = weekday(first);
                if (null != weekday)
                {
                    spec.weekday = weekday;
                    i++;
                }
            }
        }
        if (i < words.size() && "in".equals(words.get(i)))
        {
            i++; // "tomorrow in the morning"
        }
        final List<String> rest = words.subList(i, words.size());
        if (rest.isEmpty())
        {
            // a day alone (today, tomorrow, a weekday) or tonight; "this" needs its part of the day
            return "this".equals(first) || "in".equals(words.get(words.size() - 1)) ? null : spec;
        }
        if (NONE != spec.part)
        {
            return null; // nothing after "tonight"
        }
        spec.part = part(String.join(" ", rest));
        if (NONE != spec.part)
        {
            return spec;
        }
        spec.minuteOfDay = "this".equals(first) ? NONE : clock(rest);
        return NONE == spec.minuteOfDay ? null : spec;
    }

    private static Spec delay(final List<String> words, final Spec spec)
    {
        if (3 != words.size())
        {
            return null;
        }
        final String count = words.get(1);
        final long n;
        if ("an".equals(count) || "a".equals(count) || "one".equals(count))
        {
            n = 1;
        }
        else if (isDigits(count) && count.length() <= 3)
        {
            n = Long.parseLong(count);
        }
        else
        {
            return null;
        }
        final long unitMs = switch (words.get(2))
        {
            case "hour", "hours" -> 60 * MINUTE_MS;
            case "minute", "minutes", "min", "mins" -> MINUTE_MS;
            default -> 0;
        };
        if (0 == unitMs || n <= 0)
        {
            return null;
        }
        spec.delayMs = n * unitMs;
        return spec;
    }

    private static int part(final String word)
    {
        if ("night".equals(word))
        {
            return 2;
        }
        for (int p = 0; p < PARTS.length; p++)
        {
            if (PARTS[p].equals(word))
            {
                return p;
            }
        }
        return NONE;
    }

    /**
     * A clock time: {@code 1730}, {@code 930}, {@code 17:30}, {@code 5:30 pm}, {@code 5 pm}, {@code 5pm}.
     */
    private static int clock(final List<String> words)
    {
        String time = words.get(0);
        String suffix = words.size() > 1 ? words.get(1) : null;
        if (words.size() > 2)
        {
            return NONE;
        }
        if (null == suffix && (time.endsWith("am") || time.endsWith("pm")) && time.length() > 2)
        {
            suffix = time.substring(time.length() - 2);
            time = time.substring(0, time.length() - 2);
        }
        if (null != suffix && !"am".equals(suffix) && !"pm".equals(suffix))
        {
            return NONE;
        }
        int hour;
        final int minute;
        final int colon = time.indexOf(':');
        if (colon > 0)
        {
            final String h = time.substring(0, colon);
            final String m = time.substring(colon + 1);
            if (!isDigits(h) || h.length() > 2 || !isDigits(m) || 2 != m.length())
            {
                return NONE;
            }
            hour = Integer.parseInt(h);
            minute = Integer.parseInt(m);
        }
        else if (isDigits(time) && null != suffix && time.length() <= 2)
        {
            hour = Integer.parseInt(time);
            minute = 0;
        }
        else if (isDigits(time) && null == suffix && (3 == time.length() || 4 == time.length()))
        {
            final int n = Integer.parseInt(time);
            hour = n / 100;
            minute = n % 100;
        }
        else
        {
            return NONE;
        }
        if (null != suffix)
        {
            if (hour < 1 || hour > 12)
            {
                return NONE;
            }
            hour = hour % 12 + ("pm".equals(suffix) ? 12 : 0);
        }
        return hour < 24 && minute < 60 ? hour * 60 + minute : NONE;
    }

    private static DayOfWeek weekday(final String word)
    {
        for (final DayOfWeek day : DayOfWeek.values())
        {
            if (day.name().toLowerCase(Locale.ROOT).equals(word))
            {
                return day;
            }
        }
        return null;
    }

    private static boolean isDigits(final String s)
    {
        if (s.isEmpty())
        {
            return false;
        }
        for (int i = 0; i < s.length(); i++)
        {
            if (s.charAt(i) < '0' || s.charAt(i) > '9')
            {
                return false;
            }
        }
        return true;
    }

    private static List<String> words(final CharSequence text)
    {
        final List<String> words = new ArrayList<>();
        for (final String word : text.toString().toLowerCase(Locale.ROOT).trim().split("\\s+"))
        {
            if (!word.isEmpty() && !"at".equals(word) && !"on".equals(word) && !"the".equals(word))
            {
                words.add(word);
            }
        }
        return words;
    }
}
