/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * SIPp as a child process for load runs: the far end (UAS) on loopback, its statistics CSV, its exit code and the
 * CPU time it used (from {@code /proc/<pid>/stat}). The test harness {@code io.dialer.sip.sipp.Sipp} does the same
 * for tests; this copy keeps the load runs free of its JUnit-based harness.
 */
public final class SippProcess implements AutoCloseable
{
    private static final String STATS_FILE = "stats.csv";

    private final Process process;
    private final Path workDir;
    private final int port;
    private final List<String> command;
    private volatile long lastCpuNanos = -1;
    private volatile ProcTasks lastTasks;

    private SippProcess(final Process process, final Path workDir, final int port, final List<String> command)
    {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
        this.command = command;
    }

    /**
     * Starts SIPp as a UAS.
     *
     * @param scenario       the scenario XML.
     * @param workDir        where SIPp runs and writes its logs.
     * @param port           SIP port to bind on 127.0.0.1.
     * @param calls          calls after which it exits.
     * @param timeoutSeconds its global timeout.
     * @param extra          further SIPp arguments.
     * @return the running process.
     * @throws IOException when it cannot be started.
     */
    public static SippProcess startUas(
        final Path scenario,
        final Path workDir,
        final int port,
        final long calls,
        final int timeoutSeconds,
        final List<String> extra) throws IOException
    {
        return startUas(scenario, workDir, port, 0, calls, timeoutSeconds, extra);
    }

    /**
     * Starts SIPp as a UAS with a given media port ({@code -mp}: the echo port, and where {@code rtp_stream} sends
     * from: SIPp 3.6.1 uses that one socket for every call, later versions hand out ports upwards from it).
     *
     * @param scenario       the scenario XML.
     * @param workDir        where SIPp runs and writes its logs.
     * @param port           SIP port to bind on 127.0.0.1.
     * @param mediaPort      the media port, or 0 for a free one.
     * @param calls          calls after which it exits.
     * @param timeoutSeconds its global timeout.
     * @param extra          further SIPp arguments.
     * @return the running process.
     * @throws IOException when it cannot be started.
     */
    public static SippProcess startUas(
        final Path scenario,
        final Path workDir,
        final int port,
        final int mediaPort,
        final long calls,
        final int timeoutSeconds,
        final List<String> extra) throws IOException
    {
        final Path binary = find();
        if (binary == null)
        {
            throw new IOException("sipp not found on PATH (Debian package sip-tester)");
        }
        Files.createDirectories(workDir);
        final Path copy = workDir.resolve(scenario.getFileName());
        Files.copy(scenario, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        final List<String> command = new ArrayList<>(List.of(
            binary.toString(),
            "-sf", copy.getFileName().toString(),
            "-i", "127.0.0.1", "-p", Integer.toString(port),
            "-mi", "127.0.0.1", "-mp", Integer.toString(mediaPort > 0 ? mediaPort : freeUdpPort() & ~1),
            "-m", Long.toString(calls),
            "-nostdin",
            "-timeout", timeoutSeconds + "s", "-timeout_error",
            "-trace_stat", "-stf", STATS_FILE, "-fd", "1",
            "-trace_err", "-error_file", "errors.log"));
        command.addAll(extra);
        final Process process = new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(workDir.resolve("stdout.log").toFile())
            .redirectError(workDir.resolve("stderr.log").toFile())
            .start();
        process.getOutputStream().close();
        return new SippProcess(process, workDir, port, command);
    }

    /**
     * The {@code sipp} binary on the PATH.
     *
     * @return its path, or null.
     */
    public static Path find()
    {
        final String path = System.getenv("PATH");
        if (path == null)
        {
            return null;
        }
        for (final String directory : path.split(File.pathSeparator))
        {
            final Path candidate = Path.of(directory.isEmpty() ? "." : directory, "sipp");
            if (Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /**
     * A UDP port free on loopback now.
     *
     * @return the port.
     * @throws IOException when no socket can be bound.
     */
    public static int freeUdpPort() throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        {
            return socket.getLocalPort();
        }
    }

    /**
     * The SIP port it listens on.
     *
     * @return the port.
     */
    public int port()
    {
        return port;
    }

    /**
     * The command line.
     *
     * @return the arguments.
     */
    public List<String> command()
    {
        return command;
    }

    /**
     * Waits until the SIP port is bound (from {@code /proc/net/udp}).
     *
     * @param timeout how long to wait.
     * @throws IOException when SIPp exits or does not bind in time.
     */
    public void awaitListening(final Duration timeout) throws IOException
    {
        final Path procUdp = Path.of("/proc/net/udp");
        if (!Files.isReadable(procUdp))
        {
            return;
        }
        final String needle = String.format(Locale.ROOT, ":%04X", port);
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true)
        {
            for (final String line : Files.readAllLines(procUdp, StandardCharsets.US_ASCII))
            {
                final String[] fields = line.trim().split("\\s+");
                if (fields.length > 1 && fields[1].endsWith(needle))
                {
                    return;
                }
            }
            if (!process.isAlive() || System.nanoTime() > deadline)
            {
                throw new IOException("SIPp not listening on " + port + ": " + read("stderr.log") + read("errors.log"));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    /**
     * @return SIPp's process id.
     */
    public long pid()
    {
        return process.pid();
    }

    /**
     * CPU time SIPp used so far (user + system), from {@code /proc/<pid>/stat}; once it has exited, the last value
     * read. Reads its {@link #lastTasks()} too.
     *
     * @return nanoseconds, or -1 when never read.
     */
    public long cpuNanos()
    {
        try
        {
            final String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            final long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            lastCpuNanos = ticks * TimeUnit.SECONDS.toNanos(1) / 100;
            final ProcTasks tasks = ProcTasks.read(Long.toString(process.pid()));
            if (tasks.threads() > 0)
            {
                lastTasks = tasks;
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // exited: keep the last value read
        }
        return lastCpuNanos;
    }

    /**
     * SIPp's figures from {@code /proc} ({@link ProcTasks}) as {@link #cpuNanos()} last read them: call that first
     * (the load runs call it while they wait, so the last reading before SIPp exits is kept).
     *
     * @return the last figures read, null when never read.
     */
    ProcTasks lastTasks()
    {
        return lastTasks;
    }

    /**
     * Waits for the exit, destroying the process past the timeout.
     *
     * @param timeout hard limit.
     * @return the exit code, -1 when destroyed.
     * @throws InterruptedException when interrupted.
     */
    public int awaitExit(final Duration timeout) throws InterruptedException
    {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
        {
            return process.exitValue();
        }
        close();
        return -1;
    }

    /**
     * The last statistics row.
     *
     * @return column to value.
     */
    public Map<String, String> stats()
    {
        final Map<String, String> stats = new LinkedHashMap<>();
        final String[] lines = read(STATS_FILE).split("\r?\n");
        if (lines.length < 2)
        {
            return stats;
        }
        final String[] header = lines[0].split(";");
        final String[] values = lines[lines.length - 1].split(";");
        for (int i = 0; i < header.length && i < values.length; i++)
        {
            stats.put(header[i].trim(), values[i].trim());
        }
        return stats;
    }

    /**
     * A file of the work directory.
     *
     * @param name file name.
     * @return its text, empty when absent.
     */
    public String read(final String name)
    {
        try
        {
            final Path file = workDir.resolve(name);
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        }
        catch (final IOException ex)
        {
            return "";
        }
    }

    /**
     * Destroys the process if running.
     */
    @Override
    public void close()
    {
        if (process.isAlive())
        {
            process.destroy();
            try
            {
                if (!process.waitFor(2, TimeUnit.SECONDS))
                {
                    process.destroyForcibly();
                }
            }
            catch (final InterruptedException ex)
            {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
