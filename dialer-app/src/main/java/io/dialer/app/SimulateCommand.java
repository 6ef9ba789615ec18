/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.dialer.core.pacing.PacingSimulator;
import io.dialer.core.pacing.Population;
import io.dialer.qualification.ValidationError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dialer simulate FILE [--seed N]}: runs the pacing simulator on a population file with the predictive pacer
 * and the baselines (fixed ratio 2.0 and 3.0, progressive 1.0) on the same seed and prints one line per pacer:
 * closer utilisation, the share of qualified callers who waited at all, their hold p50/p95/p99/max, abandonment
 * rate, calls per closer-hour.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
        "Simulates a population (YAML, see docs/pacing.md) with the predictive pacer and the baselines on one seed.",
        "Exit code 0, or 1 when the file has errors (printed as file:line:col: message)."
    })
public final class SimulateCommand implements Callable<Integer>
{
    private static final long SHORT_HOLD_MS = 2_000;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The population file.")
    private Path file;

    @Option(names = "--seed", paramLabel = "N", description = "The random seed (default: ${DEFAULT-VALUE}).")
    private long seed = 1;

    @Option(names = "--sweep", paramLabel = "MAX",
        description = "Also run fixed ratios 1.0, 1.5, 2.0 ... up to MAX and name the best one that keeps the " +
            "abandonment rate at or under the population's target (default: none).")
    private double sweep;

    /**
     * Simulates.
     *
     * @return 0, or 1 when the file has errors.
     */
    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Population.Result loaded = Population.load(file);
        if (!loaded.errors().isEmpty())
        {
            for (final ValidationError error : loaded.errors())
            {
                err.println(error);
            }
            err.flush();
            return 1;
        }
        final Population population = loaded.population();
        final long started = System.nanoTime();
        final PacingSimulator.Result[] results = PacingSimulator.compare(population, seed);
        final long tookMs = (System.nanoTime() - started) / 1_000_000;
        out.printf(Locale.ROOT, "%s: %d closers, %.1f h simulated, seed %d (%d ms)%n", population.name(),
            population.closers(), population.runMs() / 3_600_000.0, seed, tookMs);
        out.printf(Locale.ROOT, "%-16s %11s %7s %9s %9s %9s %9s %10s %8s %7s %9s %8s%n", "pacer", "utilisation",
            "waited", "hold p50", "hold p95", "hold p99", "hold max", "abandoned", "calls/ch", "dials", "qualified",
            "humans");
        for (final PacingSimulator.Result r : results)
        {
            print(out, r);
        }
        if (sweep >= 1)
        {
            sweepRatios(out, population);
        }
        out.flush();
        return 0;
    }

    private void sweepRatios(final PrintWriter out, final Population population)
    {
        out.printf(Locale.ROOT, "fixed ratios, abandonment target %.1f%%:%n", 100 * population.targetAbandonRate());
        PacingSimulator.Result best = null;
        PacingSimulator.Result bestShortHold = null;
        for (double ratio = 1.0; ratio <= sweep + 1e-9; ratio += 0.5)
        {
            final PacingSimulator.Result r = PacingSimulator.fixedRatio(population, ratio, seed).run();
            print(out, r);
            if (r.abandonRate() <= population.targetAbandonRate() &&
                (null == best || r.utilisation() > best.utilisation()))
            {
                best = r;
            }
            if (r.abandonRate() <= population.targetAbandonRate() && r.holdP95Ms() <= SHORT_HOLD_MS &&
                (null == bestShortHold || r.utilisation() > bestShortHold.utilisation()))
            {
                bestShortHold = r;
            }
        }
        out.printf(Locale.ROOT, "best fixed ratio within the target: %s%n", null == best ? "none" : best.label());
        out.printf(Locale.ROOT, "best fixed ratio within the target and hold p95 <= 2 s: %s%n",
            null == bestShortHold ? "none" : bestShortHold.label());
    }

    private static void print(final PrintWriter out, final PacingSimulator.Result r)
    {
        out.printf(Locale.ROOT, "%-16s %10.1f%% %6.1f%% %8.1fs %8.1fs %8.1fs %8.1fs %9.2f%% %8.2f %7d %9d %8d%n",
            r.label(), 100 * r.utilisation(), 100 * r.waitedShare(), r.holdP50Ms() / 1000.0, r.holdP95Ms() / 1000.0,
            r.holdP99Ms() / 1000.0, r.holdMaxMs() / 1000.0, 100 * r.abandonRate(), r.callsPerCloserHour(), r.dials(),
            r.qualified(), r.humans());
    }
}
