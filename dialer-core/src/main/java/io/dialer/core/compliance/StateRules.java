/*
 * Dialer core: compliance.
 */
package io.dialer.core.compliance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-state calling rules as data (the shipped {@code us-state-rules.yaml}, merged with a manager's override file):
 * for each state an optional local window, a cap on calls per rolling 24 h to one number, holidays and closed days of
 * the week, and the rule's legal basis; plus holidays and closed days that hold in every state ({@link #common()}).
 * Immutable.
 * <p>
 * {@link #policy} turns them and a campaign's own window into the {@link WindowPolicy} the {@link DialGate} applies:
 * a state's rule can only narrow the campaign's window (the later start, the earlier end, the smaller cap, every
 * holiday of both), so a campaign never calls outside what its state rule allows.
 */
public final class StateRules
{
    /**
     * No rules at all: the campaign's window applies as written.
     */
    public static final StateRules NONE = new StateRules(Map.of(), Rule.EMPTY, "none");

    private final Map<String, Rule> states;
    private final Rule common;
    private final String source;

    /**
     * Rules.
     *
     * @param states by two-letter state code, upper case.
     * @param common holidays and closed days for every state (its window and cap are ignored).
     * @param source where they come from, like {@code us-state-rules.yaml (shipped) + my-rules.yaml}.
     */
    public StateRules(final Map<String, Rule> states, final Rule common, final String source)
    {
        this.states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        this.common = common;
        this.source = source;
    }

    /**
     * The rules by state.
     *
     * @return unmodifiable map by two-letter code.
     */
    public Map<String, Rule> states()
    {
        return states;
    }

    /**
     * The holidays and closed days of every state.
     *
     * @return the common rule.
     */
    public Rule common()
    {
        return common;
    }

    /**
     * Where the rules come from.
     *
     * @return the files, like {@code us-state-rules.yaml (shipped) + my-rules.yaml}.
     */
    public String source()
    {
        return source;
    }

    /**
     * These rules with another set's over them: each state of {@code override} replaces the state here, and its
     * common rule replaces this one's when it has one.
     *
     * @param override the manager's rules.
     * @param hasCommon whether the override has its own common rule.
     * @return the merged rules.
     */
    public StateRules with(final StateRules override, final boolean hasCommon)
    {
        final Map<String, Rule> merged = new LinkedHashMap<>(states);
        merged.putAll(override.states);
        return new StateRules(merged, hasCommon ? override.common : common, source + " + " + override.source);
    }

    /**
     * The window policy of a campaign under these rules. Each state with a rule gets the campaign's window for it
     * (its {@code per_state} entry or its default) narrowed by the rule; every window gets the common holidays and
     * closed days.
     *
     * @param campaignDefault  the campaign's default window.
     * @param campaignPerState the campaign's own per-state windows, may be empty.
     * @param fallbackZone     zone for numbers without one, or null.
     * @return the policy.
     */
    public WindowPolicy policy(
        final CallingWindow campaignDefault,
        final Map<String, CallingWindow> campaignPerState,
        final ZoneId fallbackZone)
    {
        final Map<String, CallingWindow> perState = new HashMap<>();
        for (final Map.Entry<String, CallingWindow> entry : campaignPerState.entrySet())
        {
            perState.put(entry.getKey(), common.narrow(entry.getValue(), null));
        }
        for (final Map.Entry<String, Rule> entry : states.entrySet())
        {
            final CallingWindow base = campaignPerState.getOrDefault(entry.getKey(), campaignDefault);
            perState.put(entry.getKey(), common.narrow(entry.getValue().narrow(base, entry.getKey()), null));
        }
        return new WindowPolicy(common.narrow(campaignDefault, null), perState, fallbackZone);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return source + ": " + states.size() + " states";
    }

    /**
     * One state's rule. Immutable.
     */
    public static final class Rule
    {
        static final Rule EMPTY = new Rule(null, null, CallingWindow.NO_CAP, List.of(), EnumSet.noneOf(DayOfWeek.class),
            null);

        private final LocalTime start;
        private final LocalTime end;
        private final int maxCallsPer24h;
        private final List<LocalDate> holidays;
        private final Set<DayOfWeek> closedDays;
        private final String basis;

        /**
         * A rule.
         *
         * @param start          earliest local time, or null for the campaign's.
         * @param end            end of the window (exclusive), or null for the campaign's.
         * @param maxCallsPer24h most calls to one number in any 24 h, or {@link CallingWindow#NO_CAP}.
         * @param holidays       local dates without calls.
         * @param closedDays     days of the week without calls.
         * @param basis          the legal basis, like {@code Fla. Stat. 501.616}, or null.
         */
        public Rule(
            final LocalTime start,
            final LocalTime end,
            final int maxCallsPer24h,
            final List<LocalDate> holidays,
            final Set<DayOfWeek> closedDays,
            final String basis)
        {
            this.start = start;
            this.end = end;
            this.maxCallsPer24h = maxCallsPer24h;
            this.holidays = List.copyOf(holidays);
            this.closedDays = closedDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(closedDays);
            this.basis = basis;
        }

        /**
         * Earliest local time.
         *
         * @return the time, or null for the campaign's.
         */
        public LocalTime start()
        {
            return start;
        }

        /**
         * End of the window, exclusive.
         *
         * @return the time, or null for the campaign's.
         */
        public LocalTime end()
        {
            return end;
        }

        /**
         * Most calls to one number in any rolling 24 h.
         *
         * @return the cap, or {@link CallingWindow#NO_CAP}.
         */
        public int maxCallsPer24h()
        {
            return maxCallsPer24h;
        }

        /**
         * Local dates without calls.
         *
         * @return the dates.
         */
        public List<LocalDate> holidays()
        {
            return holidays;
        }

        /**
         * Days of the week without calls.
         *
         * @return the days.
         */
        public Set<DayOfWeek> closedDays()
        {
            return Collections.unmodifiableSet(closedDays);
        }

        /**
         * The legal basis.
         *
         * @return like {@code Fla. Stat. 501.616}, or null.
         */
        public String basis()
        {
            return basis;
        }

        /**
         * A window narrowed by this rule: the later start, the earlier end (an empty window when they cross), the
         * smaller cap, both sets of holidays and closed days, labelled with the state and basis.
         *
         * @param window the campaign's window.
         * @param state  the state the rule is for, or null for the common rule (the label is kept).
         * @return the narrowed window.
         */
        public CallingWindow narrow(final CallingWindow window, final String state)
        {
            final LocalTime from = null == start || start.isBefore(window.start()) ? window.start() : start;
            LocalTime to = null == end || end.isAfter(window.end()) ? window.end() : end;
            to = to.isBefore(from) ? from : to;
            final int cap = maxCallsPer24h == CallingWindow.NO_CAP ? window.maxCallsPer24h() :
                window.maxCallsPer24h() == CallingWindow.NO_CAP ? maxCallsPer24h :
                Math.min(maxCallsPer24h, window.maxCallsPer24h());
            CallingWindow narrowed = CallingWindow.of(from, to, cap)
                .withHolidays(window.holidays().toArray(new LocalDate[0]))
                .withHolidays(holidays.toArray(new LocalDate[0]));
            for (final DayOfWeek day : DayOfWeek.values())
            {
                if (window.isClosedOn(day) || closedDays.contains(day))
                {
                    narrowed = narrowed.withClosedDays(day);
                }
            }
            final String label = null == state ? window.rule() : state + (null == basis ? "" : " " + basis);
            return narrowed.withRule(label);
        }
    }
}
