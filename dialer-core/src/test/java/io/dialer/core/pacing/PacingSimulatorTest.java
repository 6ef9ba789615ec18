/*
 * Dialer core tests.
 */
package io.dialer.core.pacing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The predictive pacer's hard limits, shown on simulated hours (each run takes milliseconds).
 */
class PacingSimulatorTest
{
    private static final String BASE = """
        name: test
        run: 1h
        answer_rate: 0.25
        human_share: 0.6
        false_machine_share: 0.02
        qualification_rate: 0.3
        closers: %d
        times:
          ring: {mean: 10s, sd: 4s}
          no_answer: {mean: 25s, sd: 3s}
          detection: {mean: 2500ms, sd: 700ms}
          script: {mean: 45s, sd: 15s}
          briefing: {mean: 8s, sd: 3s}
          talk: {mean: 3m, sd: 90s}
          wrap_up: {mean: 20s, sd: 10s}
          patience: {mean: %s, sd: 20s}
        """;

    private record Decision(long nowMs, int target, int dialed, int inFlight, int onFloor, int available, int waiting,
        PacingReason reason)
    {
    }

    private static Population population(final String extra)
    {
        return population(10, "30s", extra);
    }

    private static Population population(final int closers, final String patience, final String extra)
    {
        final Population.Result result = Population.parse("test.yaml", BASE.formatted(closers, patience) + extra);
        assertEquals(List.of(), result.errors());
        return result.population();
    }

    private static List<Decision> run(final Population population, final PacingSimulator.Result[] out)
    {
        final List<Decision> decisions = new ArrayList<>();
        final PacingSimulator simulator = new PacingSimulator(population, PacingSimulator.Pacing.PREDICTIVE, 7,
            (now, target, dialed, inFlight, onFloor, available, waiting, reason) ->
                decisions.add(new Decision(now, target, dialed, inFlight, onFloor, available, waiting, reason)));
        out[0] = simulator.run();
        return decisions;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void shouldKeepAbandonmentUnderTheTarget(final long seed)
    {
        final Population population = population("");
        final PacingSimulator.Result result =
            new PacingSimulator(population, PacingSimulator.Pacing.PREDICTIVE, seed, null).run();

        assertTrue(result.humans() > 200, "humans " + result.humans());
        assertTrue(result.abandonRate() <= 0.03, "abandon rate " + result.abandonRate());
        assertTrue(result.holdP95Ms() <= 2_000, "hold p95 " + result.holdP95Ms());
    }

    @Test
    void shouldBeatTheFixedRatiosOnUtilisation()
    {
        final PacingSimulator.Result[] results = PacingSimulator.compare(population(""), 1);

        assertEquals(PacingSimulator.Pacing.PREDICTIVE, results[0].pacing());
        for (int i = 1; i < results.length; i++)
        {
            assertTrue(results[0].utilisation() > results[i].utilisation(),
                results[0] + " vs " + results[i]);
        }
    }

    @Test
    void shouldNeverDialWithNoCloserOnTheFloor()
    {
        final Population population = population("""
            events:
              - {at: 20m, leave: 10}
              - {at: 35m, return: 10}
            """);
        final PacingSimulator.Result[] result = new PacingSimulator.Result[1];
        final List<Decision> decisions = run(population, result);

        assertEquals(0, result[0].dialsWithNoCloser());
        boolean sawEmptyFloor = false;
        for (final Decision d : decisions)
        {
            if (0 == d.onFloor())
            {
                sawEmptyFloor = true;
                assertEquals(0, d.target(), "at " + d.nowMs());
                assertEquals(PacingReason.NO_CLOSER, d.reason());
            }
        }
        assertTrue(sawEmptyFloor);
        assertTrue(result[0].bridged() > 0);
    }

    @Test
    void shouldKeepToTheMaximumLinesPerCloser()
    {
        final Population population = population("""
            pacing: {max_lines_per_closer: 2}
            """);
        final PacingSimulator.Result[] result = new PacingSimulator.Result[1];
        final List<Decision> decisions = run(population, result);

        assertTrue(result[0].maxLinesPerCloser() <= 2.0, "lines per closer " + result[0].maxLinesPerCloser());
        assertTrue(decisions.stream().anyMatch(d -> PacingReason.MAX_LINES_PER_CLOSER == d.reason()));
    }

    @Test
    void shouldStopDialingWhileCallersWaitAndDropThemAtTheMaximumHold()
    {
        final Population population = population(10, "10m", """
            pacing: {max_hold: 5s}
            events:
              - {at: 30m, leave: 8}
            """);
        final PacingSimulator.Result[] result = new PacingSimulator.Result[1];
        final List<Decision> decisions = run(population, result);

        for (final Decision d : decisions)
        {
            if (d.waiting() > 0)
            {
                assertTrue(PacingReason.CALLERS_WAITING == d.reason() || PacingReason.NO_CLOSER == d.reason(),
                    "at " + d.nowMs() + ": " + d.reason());
            }
        }
        assertTrue(result[0].holdMaxMs() <= 5_000, "hold max " + result[0].holdMaxMs());
    }

    @Test
    void shouldStartAsProgressiveOneUntilItHasMeasuredEnough()
    {
        final Population population = population("""
            pacing: {min_calls_before_predicting: 80}
            """);
        final PacingSimulator.Result[] result = new PacingSimulator.Result[1];
        final List<Decision> decisions = run(population, result);

        int warming = 0;
        for (final Decision d : decisions)
        {
            if (PacingReason.WARMING_UP == d.reason())
            {
                warming++;
                assertTrue(d.target() <= d.available(), "at " + d.nowMs() + ": " + d);
            }
            else if (warming > 0)
            {
                break;
            }
        }
        assertTrue(warming > 100, "decisions warming up " + warming);
        assertEquals(PacingReason.WARMING_UP, decisions.get(0).reason());
    }

    @Test
    void shouldAdaptWithinOneDecisionWhenClosersPause()
    {
        final Population population = population(20, "30s", """
            events:
              - {at: 30m, pause: 15}
              - {at: 45m, resume: 15}
            """);
        final PacingSimulator.Result[] result = new PacingSimulator.Result[1];
        final List<Decision> decisions = run(population, result);

        Decision before = null;
        Decision after = null;
        long newLinesAfter = 0;
        long newLinesBefore = 0;
        for (final Decision d : decisions)
        {
            final long t = d.nowMs();
            if (t < 1_800_000)
            {
                before = d;
            }
            else if (null == after)
            {
                after = d;
            }
            if (t >= 1_680_000 && t < 1_800_000)
            {
                newLinesBefore += d.dialed();
            }
            else if (t >= 1_800_000 && t < 1_920_000)
            {
                newLinesAfter += d.dialed();
            }
        }
        assertEquals(5, after.onFloor());
        assertTrue(after.target() <= before.target(), before + " then " + after);
        assertTrue(after.target() <= Math.max(after.inFlight(), 3 * after.onFloor()), after.toString());
        assertTrue(newLinesAfter * 3 < newLinesBefore, newLinesBefore + " lines then " + newLinesAfter);
        assertTrue(result[0].abandonRate() <= 0.03, "abandon rate " + result[0].abandonRate());
        assertTrue(result[0].holdP95Ms() <= 2_000, "hold p95 " + result[0].holdP95Ms());
    }

    @Test
    void shouldKeepTheLearnedMarginWithinBoundsAndTheLimitsWhenClosersPause()
    {
        final Population.Result parsed = Population.parse("test.yaml", BASE.formatted(20, "30s")
            .replace("run: 1h", "run: 3h") + """
            events:
              - {at: 2h, pause: 15}
              - {at: 2h30m, resume: 15}
            """);
        assertEquals(List.of(), parsed.errors());
        final Population population = parsed.population();
        final PacingSimulator[] simulator = new PacingSimulator[1];
        final double[] range = {Double.MAX_VALUE, 0};
        final double[] beforePause = {0};
        simulator[0] = new PacingSimulator(population, PacingSimulator.Pacing.PREDICTIVE, 7,
            (now, target, dialed, inFlight, onFloor, available, waiting, reason) ->
            {
                final PredictivePacer pacer = simulator[0].predictivePacer();
                if (PacingReason.PREDICTED == reason || PacingReason.CLOSERS_BUSY == reason)
                {
                    range[0] = Math.min(range[0], pacer.learnedZ());
                    range[1] = Math.max(range[1], pacer.learnedZ());
                    assertTrue(pacer.z() >= pacer.learnedZ() && pacer.z() <= PredictivePacer.Z_MAX_DEFAULT);
                }
                beforePause[0] = now < 7_200_000 ? pacer.learnedZ() : beforePause[0];
            });
        final PacingSimulator.Result result = simulator[0].run();

        assertTrue(range[0] >= PredictivePacer.Z_LEARNED_MIN, "lowest z " + range[0]);
        assertTrue(range[1] <= PredictivePacer.Z_DEFAULT, "highest z " + range[1]);
        assertTrue(beforePause[0] < PredictivePacer.Z_DEFAULT, "z learned before the pause " + beforePause[0]);
        assertTrue(result.abandonRate() <= 0.03, "abandon rate " + result.abandonRate());
        assertTrue(result.holdP95Ms() <= 2_000, "hold p95 " + result.holdP95Ms());
        assertTrue(result.waitedShare() <= 0.05, "waited " + result.waitedShare());
    }

    @Test
    void shouldGiveTheSameFiguresForTheSameSeed()
    {
        final Population population = population("");
        final PacingSimulator.Result a = new PacingSimulator(population, PacingSimulator.Pacing.PREDICTIVE, 5, null)
            .run();
        final PacingSimulator.Result b = new PacingSimulator(population, PacingSimulator.Pacing.PREDICTIVE, 5, null)
            .run();
        final PacingSimulator.Result c = new PacingSimulator(population, PacingSimulator.Pacing.PREDICTIVE, 6, null)
            .run();

        assertEquals(a, b);
        assertNotEquals(a, c);
    }
}
