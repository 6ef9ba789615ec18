/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cost per call of a load run's measured window, the one implementation every load run ({@code load},
 * {@code campaign}, {@code serve}, {@code dialpath}) prints: for the dialer's JVM, its CPU per call (all threads,
 * user and system, from the OS: {@code getProcessCpuTime}, split by the {@code /proc/self/stat} ticks), the GC's
 * pauses, the GC threads' and the JIT compiler's CPU per call, the bytes allocated per call and the context switches
 * per call; for each SIPp the run started, its CPU per call and context switches per call from {@code /proc/PID};
 * with {@code -Dload.perf=true}, the system calls and context switches per call of each process counted by
 * {@code perf stat} ({@link PerfStat}). The load average is printed beside them: the machine may be shared.
 * <p>
 * Open it when the measured window starts ({@link #open(List, List)}), close it when it ends ({@link #close()}),
 * then {@link #print(long, String)} with the calls of the window.
 */
final class CallCost
{
    private final List<SippProcess> sipps;
    private final List<String> sippNames;
    private final LoadSnapshot before;
    private final long beforeNs;
    private final List<PerfStat> perf = new ArrayList<>();
    private final List<long[]> perfCounts = new ArrayList<>();
    private LoadSnapshot after;
    private long afterNs;

    private CallCost(
        final List<SippProcess> sipps, final List<String> sippNames, final LoadSnapshot before, final long beforeNs)
    {
        this.sipps = sipps;
        this.sippNames = sippNames;
        this.before = before;
        this.beforeNs = beforeNs;
    }

    /**
     * Opens the measured window now: takes the first snapshot and, when on, starts {@code perf stat} on this JVM and
     * on each SIPp.
     *
     * @param sipps     the SIPps the run started.
     * @param sippNames their names in the report, one per SIPp.
     * @return the open window.
     */
    static CallCost open(final List<SippProcess> sipps, final List<String> sippNames)
    {
        final CallCost cost = new CallCost(sipps, sippNames, LoadSnapshot.take(sipps), System.nanoTime());
        if (PerfStat.enabled())
        {
            cost.perf.add(PerfStat.start(ProcessHandle.current().pid()));
            for (final SippProcess sipp : sipps)
            {
                cost.perf.add(PerfStat.start(sipp.pid()));
            }
        }
        return cost;
    }

    /**
     * A window that opened at an earlier snapshot (no {@code perf} counts).
     *
     * @param sipps     the SIPps the run started.
     * @param sippNames their names in the report.
     * @param before    the snapshot at the start.
     * @param beforeNs  when it was taken, {@link System#nanoTime()}.
     * @return the open window.
     */
    static CallCost since(
        final List<SippProcess> sipps, final List<String> sippNames, final LoadSnapshot before, final long beforeNs)
    {
        return new CallCost(sipps, sippNames, before, beforeNs);
    }

    /**
     * Closes the window now (only the first call counts): the last snapshot, then {@code perf} stopped.
     */
    void close()
    {
        if (null != after)
        {
            return;
        }
        after = LoadSnapshot.take(sipps);
        afterNs = System.nanoTime();
        for (final PerfStat stat : perf)
        {
            perfCounts.add(null == stat ? new long[]{-1, -1} : stat.stop());
        }
    }

    /**
     * @return the snapshot at the start of the window.
     */
    LoadSnapshot before()
    {
        return before;
    }

    /**
     * @return the snapshot at the end of the window, null while it is open.
     */
    LoadSnapshot after()
    {
        return after;
    }

    /**
     * @return the window's length, ns (0 while open).
     */
    long wallNs()
    {
        return null == after ? 0 : afterNs - beforeNs;
    }

    /**
     * Prints the cost per call (closes the window first if still open).
     *
     * @param calls the calls of the window.
     * @param what  what was counted as a call, for the heading.
     */
    void print(final long calls, final String what)
    {
        close();
        final double n = Math.max(1, calls);
        final ProcTasks b = before.jvmTasks();
        final ProcTasks a = after.jvmTasks();
        System.out.printf(Locale.ROOT, "cost per call over the measured window (%d %s, %.1f s; load average %s):%n",
            calls, what, wallNs() / 1e9, loadAverage());
        System.out.printf(Locale.ROOT, "  %-14s CPU %7.1f us (user %.1f, system %.1f), allocated %.1f KB, " +
            "GC pauses %.1f us (%d collections), GC threads' CPU %.1f us, JIT CPU %.1f us, context switches %.2f " +
            "(voluntary %.2f, involuntary %.2f)%s%n",
            "dialer JVM", (after.jvmCpuNs() - before.jvmCpuNs()) / 1e3 / n,
            ticksUs(a.userTicks - b.userTicks, n), ticksUs(a.systemTicks - b.systemTicks, n),
            (after.jvmAllocatedBytes() - before.jvmAllocatedBytes()) / 1024.0 / n,
            (after.gcMillis() - before.gcMillis()) * 1e3 / n, after.gcCount() - before.gcCount(),
            ticksUs(a.gcTicks - b.gcTicks, n), ticksUs(a.jitTicks - b.jitTicks, n),
            (a.voluntarySwitches + a.involuntarySwitches - b.voluntarySwitches - b.involuntarySwitches) / n,
            (a.voluntarySwitches - b.voluntarySwitches) / n, (a.involuntarySwitches - b.involuntarySwitches) / n,
            perf(0, n));
        for (int i = 0; i < sipps.size(); i++)
        {
            final ProcTasks sb = before.sippTasks(i);
            final ProcTasks sa = after.sippTasks(i);
            final long cpuNs = after.sippCpuNs(i) - before.sippCpuNs(i);
            System.out.printf(Locale.ROOT, "  %-14s CPU %7.1f us (user %.1f, system %.1f), context switches %.2f " +
                "(voluntary %.2f, involuntary %.2f)%s%n",
                sippNames.get(i), after.sippCpuNs(i) < 0 || before.sippCpuNs(i) < 0 ? Double.NaN : cpuNs / 1e3 / n,
                ticksUs(sa.userTicks - sb.userTicks, n), ticksUs(sa.systemTicks - sb.systemTicks, n),
                (sa.voluntarySwitches + sa.involuntarySwitches - sb.voluntarySwitches - sb.involuntarySwitches) / n,
                (sa.voluntarySwitches - sb.voluntarySwitches) / n,
                (sa.involuntarySwitches - sb.involuntarySwitches) / n, perf(i + 1, n));
        }
        if (!PerfStat.enabled())
        {
            System.out.printf(Locale.ROOT, "  (system calls per call: run with -D%s=true to count them with perf " +
                "stat)%n", PerfStat.PERF_PROP_NAME);
        }
    }

    private String perf(final int index, final double calls)
    {
        if (index >= perfCounts.size())
        {
            return "";
        }
        final long[] counts = perfCounts.get(index);
        return String.format(Locale.ROOT, "; perf stat: system calls %s, context switches %s",
            counts[0] < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", counts[0] / calls),
            counts[1] < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", counts[1] / calls));
    }

    private static double ticksUs(final long ticks, final double calls)
    {
        return ticks * (ProcTasks.NANOS_PER_TICK / 1e3) / calls;
    }

    /**
     * @return the 1, 5 and 15 minute load averages, or "unknown" off Linux.
     */
    static String loadAverage()
    {
        try
        {
            final String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (final IOException ex)
        {
            return "unknown";
        }
    }
}
