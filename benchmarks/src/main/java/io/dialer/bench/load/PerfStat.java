/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * System calls and context switches of one process over a load run's measured window, counted by the kernel with
 * {@code perf stat -x, -e raw_syscalls:sys_enter,context-switches -p PID}: started when the window opens, stopped
 * with SIGINT when it closes (perf then prints its counts). Off unless the system property {@value #PERF_PROP_NAME}
 * is {@code true} (counting every system call through its tracepoint costs the process a little CPU on each), and
 * then only where {@code perf} runs; {@code -p} counts the process's threads and the threads they start later.
 */
final class PerfStat
{
    /**
     * System property that turns the counting on: {@code -Dload.perf=true}.
     */
    static final String PERF_PROP_NAME = "load.perf";
    static final String SYSCALLS_EVENT = "raw_syscalls:sys_enter";
    static final String SWITCHES_EVENT = "context-switches";

    private final Process process;
    private final Path output;

    private PerfStat(final Process process, final Path output)
    {
        this.process = process;
        this.output = output;
    }

    /**
     * @return true when {@value #PERF_PROP_NAME} is {@code true}.
     */
    static boolean enabled()
    {
        return Boolean.getBoolean(PERF_PROP_NAME);
    }

    /**
     * Starts counting a process.
     *
     * @param pid the process.
     * @return the counting, or null when off or perf cannot be started.
     */
    static PerfStat start(final long pid)
    {
        if (!enabled())
        {
            return null;
        }
        try
        {
            final Path output = Files.createTempFile("perf-stat-" + pid + "-", ".csv");
            final Process process = new ProcessBuilder(List.of("perf", "stat", "-x,", "-e",
                SYSCALLS_EVENT + "," + SWITCHES_EVENT, "-p", Long.toString(pid), "-o", output.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return new PerfStat(process, output);
        }
        catch (final IOException ex)
        {
            System.out.println("perf stat not started (" + ex.getMessage() + "): no system call counts");
            return null;
        }
    }

    /**
     * Stops counting (SIGINT) and reads the counts.
     *
     * @return {system calls, context switches}, -1 for a count perf did not give.
     */
    long[] stop()
    {
        try
        {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
            if (!process.waitFor(10, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
            }
            final long[] counts = parse(Files.readString(output));
            Files.deleteIfExists(output);
            return counts;
        }
        catch (final IOException ex)
        {
            return new long[]{-1, -1};
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return new long[]{-1, -1};
        }
    }

    /**
     * Reads {@code perf stat -x,} output: one line per event, {@code count,unit,event,...}; a count perf could not
     * take reads {@code <not counted>} or {@code <not supported>}.
     *
     * @param csv perf's output.
     * @return {system calls, context switches}: 0 for "not counted" (the process made none), -1 when missing or
     * not supported.
     */
    static long[] parse(final String csv)
    {
        final long[] counts = {-1, -1};
        for (final String line : csv.split("\n"))
        {
            final String[] fields = line.split(",");
            if (fields.length < 3)
            {
                continue;
            }
            final int index = SYSCALLS_EVENT.equals(fields[2]) ? 0 : SWITCHES_EVENT.equals(fields[2]) ? 1 : -1;
            if (index >= 0)
            {
                counts[index] = "<not counted>".equals(fields[0]) ? 0 : parseCount(fields[0]);
            }
        }
        return counts;
    }

    private static long parseCount(final String value)
    {
        try
        {
            return Long.parseLong(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }
}
