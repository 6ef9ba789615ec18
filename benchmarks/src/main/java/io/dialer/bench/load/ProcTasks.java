/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time and context switches as Linux keeps them in {@code /proc}: user and system CPU ticks of the
 * whole process ({@code /proc/PID/stat}, fields 14 and 15, exited threads included), the ticks of its garbage
 * collector's and JIT compiler's threads (by their names in {@code /proc/PID/task/TID/stat}), and its voluntary and
 * involuntary context switches summed over the live threads ({@code /proc/PID/task/TID/status}; threads that exited
 * are not counted). Ticks are {@code USER_HZ}, 100 per second on Linux. Off Linux every figure reads 0.
 */
final class ProcTasks
{
    /**
     * Nanoseconds per {@code USER_HZ} tick.
     */
    static final long NANOS_PER_TICK = 10_000_000L;

    long userTicks;
    long systemTicks;
    long gcTicks;
    long jitTicks;
    long voluntarySwitches;
    long involuntarySwitches;
    int threads;

    private ProcTasks()
    {
    }

    /**
     * Reads a process's figures now.
     *
     * @param pid the process id, or "self".
     * @return its figures; all 0 and {@link #threads()} 0 when {@code /proc} cannot be read (not Linux, or the
     * process exited: a process that exited but was not reaped yet lists no threads).
     */
    static ProcTasks read(final String pid)
    {
        final ProcTasks tasks = new ProcTasks();
        final Path dir = Path.of("/proc", pid);
        try
        {
            final long[] ticks = cpuTicks(Files.readString(dir.resolve("stat")));
            tasks.userTicks = ticks[0];
            tasks.systemTicks = ticks[1];
            try (DirectoryStream<Path> threads = Files.newDirectoryStream(dir.resolve("task")))
            {
                for (final Path thread : threads)
                {
                    tasks.addThread(thread);
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // not Linux, or the process exited: what was read so far
        }
        return tasks;
    }

    private void addThread(final Path thread)
    {
        try
        {
            final String stat = Files.readString(thread.resolve("stat"));
            final String name = comm(stat);
            final long[] ticks = cpuTicks(stat);
            if (isGc(name))
            {
                gcTicks += ticks[0] + ticks[1];
            }
            else if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler"))
            {
                jitTicks += ticks[0] + ticks[1];
            }
            final long[] switches = contextSwitches(Files.readString(thread.resolve("status")));
            voluntarySwitches += switches[0];
            involuntarySwitches += switches[1];
            threads++;
        }
        catch (final IOException | RuntimeException ex)
        {
            // the thread exited between the listing and the read
        }
    }

    /**
     * @return the threads whose figures were read; 0 when the process could not be read.
     */
    int threads()
    {
        return threads;
    }

    /**
     * @param name a HotSpot thread's name (its {@code comm}, at most 15 characters).
     * @return true for the garbage collector's threads (G1's and Parallel's, ZGC's and Shenandoah's names).
     */
    static boolean isGc(final String name)
    {
        return name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("ZWorker") ||
            name.startsWith("ZDriver") || name.startsWith("Shenandoah");
    }

    /**
     * User and system ticks from a {@code stat} line.
     *
     * @param stat the content of {@code /proc/PID/stat} or {@code /proc/PID/task/TID/stat}.
     * @return {utime, stime}.
     */
    static long[] cpuTicks(final String stat)
    {
        // the name (field 2) is in parentheses and may hold spaces: count fields from the last ')'
        final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return new long[]{Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    /**
     * The thread's or process's name from a {@code stat} line.
     *
     * @param stat the content of a {@code stat} file.
     * @return the name between the first '(' and the last ')'.
     */
    static String comm(final String stat)
    {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /**
     * Voluntary and involuntary context switches from a {@code status} file.
     *
     * @param status the content of {@code /proc/PID/task/TID/status}.
     * @return {voluntary, involuntary}, 0 for a line that is missing.
     */
    static long[] contextSwitches(final String status)
    {
        final long[] switches = new long[2];
        for (final String line : status.split("\n"))
        {
            if (line.startsWith("voluntary_ctxt_switches:"))
            {
                switches[0] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
            else if (line.startsWith("nonvoluntary_ctxt_switches:"))
            {
                switches[1] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return switches;
    }
}
