/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dialer.core.journal.Step;

/**
 * The campaign load run's ramp ({@code --ramp START:STEP:MAX}): the dial rates to try in turn, the p99 budget of
 * each step latency, and the decision after each rate (go on while the rate passed: 0 failed calls and every p99
 * within its budget; the result is the highest rate that passed). Pure: no clock, no I/O.
 * <p>
 * The budget applies to the steps the engine itself is timed on ({@link #ENGINE_STEPS}, {@code --p99-budget-ms},
 * default {@link #DEFAULT_BUDGET_MS}); {@code --p99-budget STEP=MS,...} sets or overrides any step's budget,
 * including those that wait on the far end ({@link Step#DIAL_TO_ANSWER}, {@link Step#ANSWER_TO_VERDICT}). A step
 * that saw no call in a run (no qualified caller in the {@code short} profile) is not checked.
 */
final class RampPlan
{
    /** The p99 budget of the engine's own steps when none is given, ms. */
    static final long DEFAULT_BUDGET_MS = 50;

    /** The steps timed on the engine's own work, not on the far end's. */
    static final List<Step> ENGINE_STEPS = List.of(Step.GREETING_END_TO_FIRST_PROMPT,
        Step.QUALIFIED_TO_CLOSER_INVITE, Step.CLOSER_ANSWER_TO_BRIEFING, Step.ACCEPT_TO_BRIDGE);

    private final double start;
    private final double step;
    private final double max;
    private final Map<Step, Long> budgetMs = new EnumMap<>(Step.class);

    private RampPlan(final double start, final double step, final double max)
    {
        this.start = start;
        this.step = step;
        this.max = max;
        for (final Step s : ENGINE_STEPS)
        {
            budgetMs.put(s, DEFAULT_BUDGET_MS);
        }
    }

    /**
     * Reads {@code START:STEP:MAX}.
     *
     * @param value the option's value.
     * @return the plan, with the default budget.
     * @throws IllegalArgumentException naming the option and what to write.
     */
    static RampPlan parse(final String value)
    {
        final String[] parts = value.split(":", -1);
        if (3 != parts.length)
        {
            throw new IllegalArgumentException("--ramp " + value + ": write START:STEP:MAX in dials/s, e.g. 50:25:300");
        }
        final double[] numbers = new double[3];
        for (int i = 0; i < 3; i++)
        {
            try
            {
                numbers[i] = Double.parseDouble(parts[i].trim());
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("--ramp " + value + ": '" + parts[i] + "' is not a number; " +
                    "write START:STEP:MAX in dials/s, e.g. 50:25:300", ex);
            }
        }
        if (!(numbers[0] > 0) || !(numbers[1] > 0) || numbers[2] < numbers[0])
        {
            throw new IllegalArgumentException("--ramp " + value + ": START and STEP must be above 0 and MAX at " +
                "least START, e.g. 50:25:300");
        }
        return new RampPlan(numbers[0], numbers[1], numbers[2]);
    }

    /**
     * Sets the budget of every engine step.
     *
     * @param ms the p99 budget, ms.
     * @return this.
     */
    RampPlan budgetMs(final long ms)
    {
        if (ms <= 0)
        {
            throw new IllegalArgumentException("--p99-budget-ms " + ms + ": give a budget above 0 ms");
        }
        for (final Step s : ENGINE_STEPS)
        {
            budgetMs.put(s, ms);
        }
        return this;
    }

    /**
     * Sets the budget of named steps.
     *
     * @param value {@code STEP=MS,...}, e.g. {@code QUALIFIED_TO_CLOSER_INVITE=5,DIAL_TO_ANSWER=200}.
     * @return this.
     */
    RampPlan budgets(final String value)
    {
        for (final String pair : value.split(","))
        {
            final int equals = pair.indexOf('=');
            if (equals < 1)
            {
                throw new IllegalArgumentException("--p99-budget " + value + ": write STEP=MS,... e.g. " +
                    "QUALIFIED_TO_CLOSER_INVITE=5");
            }
            final String name = pair.substring(0, equals).trim().toUpperCase(Locale.ROOT);
            final Step s;
            try
            {
                s = Step.valueOf(name);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException("--p99-budget: unknown step '" + name + "' (one of " +
                    List.of(Step.values()) + ")", ex);
            }
            final long ms;
            try
            {
                ms = Long.parseLong(pair.substring(equals + 1).trim());
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("--p99-budget " + pair + ": the budget is whole ms", ex);
            }
            if (ms <= 0)
            {
                throw new IllegalArgumentException("--p99-budget " + pair + ": give a budget above 0 ms");
            }
            budgetMs.put(s, ms);
        }
        return this;
    }

    /**
     * @return the rates to try, in order: START, START + STEP, ... up to MAX.
     */
    List<Double> rates()
    {
        final List<Double> rates = new ArrayList<>();
        for (int i = 0; start + i * step <= max + 1e-9; i++)
        {
            rates.add(start + i * step);
        }
        return rates;
    }

    /**
     * @return the budgets, ms by step.
     */
    Map<Step, Long> budgetMs()
    {
        return budgetMs;
    }

    /**
     * Checks one rate's run.
     *
     * @param failedCalls the failed calls (both SIPps, and leads whose outcome does not match their kind).
     * @param p99Nanos    each step's p99, nanos; a step with no sample absent (or negative).
     * @return why the rate failed, empty when it passed.
     */
    List<String> check(final long failedCalls, final Map<Step, Long> p99Nanos)
    {
        final List<String> why = new ArrayList<>();
        if (0 != failedCalls)
        {
            why.add(failedCalls + " failed call(s)");
        }
        for (final Map.Entry<Step, Long> budget : budgetMs.entrySet())
        {
            final Long p99 = p99Nanos.get(budget.getKey());
            if (null != p99 && p99 >= 0 && p99 > budget.getValue() * 1_000_000L)
            {
                why.add(String.format(Locale.ROOT, "%s p99 %.1f ms > %d ms", budget.getKey(), p99 / 1e6,
                    budget.getValue()));
            }
        }
        return why;
    }

    @Override
    public String toString()
    {
        return String.format(Locale.ROOT, "ramp %.0f:%.0f:%.0f dials/s, p99 budgets ms %s", start, step, max,
            budgetMs);
    }
}
