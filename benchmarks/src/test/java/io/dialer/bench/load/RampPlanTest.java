/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.dialer.core.journal.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RampPlanTest
{
    @Test
    void shouldListRatesFromStartByStepUpToMax()
    {
        assertEquals(List.of(50.0, 75.0, 100.0), RampPlan.parse("50:25:110").rates());
        assertEquals(List.of(100.0, 200.0, 300.0), RampPlan.parse("100:100:300").rates());
        assertEquals(List.of(40.0), RampPlan.parse("40:10:40").rates());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "100", "100:50", "a:1:2", "0:10:100", "100:0:200", "200:10:100", "1:2:3:4"})
    void shouldRejectABadRampNamingTheOption(final String value)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> RampPlan.parse(value));
        assertTrue(ex.getMessage().startsWith("--ramp " + value + ":"), ex.getMessage());
        assertTrue(ex.getMessage().contains("START:STEP:MAX") || ex.getMessage().contains("e.g."), ex.getMessage());
    }

    @Test
    void shouldPassWithNoFailedCallAndEveryP99WithinBudget()
    {
        final RampPlan plan = RampPlan.parse("100:100:500");
        final Map<Step, Long> p99 = new EnumMap<>(Step.class);
        p99.put(Step.QUALIFIED_TO_CLOSER_INVITE, 4_000_000L);
        p99.put(Step.DIAL_TO_ANSWER, 900_000_000L); // the far end's, not budgeted by default
        assertEquals(List.of(), plan.check(0, p99));
    }

    @Test
    void shouldFailOnAFailedCall()
    {
        assertEquals(List.of("2 failed call(s)"), RampPlan.parse("100:100:500").check(2, Map.of()));
    }

    @Test
    void shouldFailOnAP99OverItsBudget()
    {
        final RampPlan plan = RampPlan.parse("100:100:500").budgetMs(5);
        final List<String> why = plan.check(0, Map.of(Step.QUALIFIED_TO_CLOSER_INVITE, 5_500_000L,
            Step.ACCEPT_TO_BRIDGE, 5_000_000L));
        assertEquals(List.of("QUALIFIED_TO_CLOSER_INVITE p99 5.5 ms > 5 ms"), why);
    }

    @Test
    void shouldBudgetANamedStepIncludingTheFarEndsOnes()
    {
        final RampPlan plan = RampPlan.parse("100:100:500").budgets("dial_to_answer=200, ACCEPT_TO_BRIDGE=2");
        assertEquals(200L, plan.budgetMs().get(Step.DIAL_TO_ANSWER));
        assertEquals(2L, plan.budgetMs().get(Step.ACCEPT_TO_BRIDGE));
        assertEquals(RampPlan.DEFAULT_BUDGET_MS, plan.budgetMs().get(Step.QUALIFIED_TO_CLOSER_INVITE));
        assertEquals(List.of("DIAL_TO_ANSWER p99 250.0 ms > 200 ms"),
            plan.check(0, Map.of(Step.DIAL_TO_ANSWER, 250_000_000L)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NO_SUCH_STEP=5", "DIAL_TO_ANSWER", "DIAL_TO_ANSWER=x", "DIAL_TO_ANSWER=0", "=5"})
    void shouldRejectABadBudgetNamingTheOption(final String value)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> RampPlan.parse("1:1:2").budgets(value));
        assertTrue(ex.getMessage().startsWith("--p99-budget"), ex.getMessage());
    }

    @Test
    void shouldRejectANonPositiveBudget()
    {
        assertThrows(IllegalArgumentException.class, () -> RampPlan.parse("1:1:2").budgetMs(0));
    }
}
