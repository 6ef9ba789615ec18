/*
 * Dialer SIPp interop.
 */
package io.dialer.sip.sipp;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs SIPp (Debian package {@code sip-tester}, binary {@code sipp}) as a child process on loopback: one scenario
 * from {@code src/test/resources/sipp/}, a bounded number of calls ({@code -m}), SIPp's own global timeout
 * ({@code -timeout ... -timeout_error}) and a hard timeout here that destroys the process. Output, errors, messages
 * and the statistics CSV ({@code -trace_stat -stf}) are kept in the work directory; {@link Result} holds the exit
 * code and the successful and failed call counts.
 * <p>
 * SIPp's exit codes: 0 every call successful, 1 at least one failed, 97 stopped by an internal command, 99 ended
 * with no call processed, 255 fatal error, 254 could not bind its socket.
 * <p>
 * Usage: {@code try (Sipp sipp = Sipp.launch(new Sipp.Context().scenario("uas_busy.xml").workDir(dir)))
 * { sipp.awaitListening(...); ...; final Sipp.Result r = sipp.awaitExit(Duration.ofSeconds(20)); }}
 */
public final class Sipp implements AutoCloseable
{
    /** Exit code when every call was successful. */
    public static final int EXIT_ALL_CALLS_SUCCESSFUL = 0;
    /** Exit code when at least one call failed. */
    public static final int EXIT_SOME_CALLS_FAILED = 1;
    /** Exit code of a hard timeout: the process was destroyed. */
    public static final int EXIT_DESTROYED = -1;
    /** The reason tests give when SIPp is absent. */
    public static final String SKIP_REASON =
        "sipp not installed (Debian package sip-tester): SIPp interop tests skipped";

    private static final String BINARY = "sipp";
    private static final String BUILTIN = "builtin:";
    private static final String STATS_FILE = "stats.csv";
    private static final String ERRORS_FILE = "errors.log";
    private static final String MESSAGES_FILE = "messages.log";
    private static final String STDOUT_FILE = "stdout.log";
    private static final String STDERR_FILE = "stderr.log";
    private static final int FIRST_PORT = 20_000;
    private static final int PORT_SPAN = 40_000;

    private static volatile Path executable;
    private static volatile boolean searched;

    private final Context context;
    private final Process process;
    private final List<String> command;

    private Sipp(final Context context, final Process process, final List<String> command)
    {
        this.context = context;
        this.process = process;
        this.command = command;
    }

    /**
     * Whether {@code sipp} is on the PATH (or named by the {@code sipp.path} system property) and executable.
     *
     * @return true when SIPp tests can run.
     */
    public static boolean available()
    {
        return executable() != null;
    }

    /**
     * Whether SIPp started from here can use {@code play_pcap_audio}, which sends through a raw socket: this process
     * has CAP_NET_RAW (root has it), read from {@code /proc/self/status}; true where that cannot be read.
     *
     * @return true when pcap playback can work.
     */
    public static boolean canPlayPcap()
    {
        final int capNetRaw = 13;
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII))
            {
                if (line.startsWith("CapEff:"))
                {
                    final long effective = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                    return (effective & (1L << capNetRaw)) != 0;
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return true;
        }
        return true;
    }

    /**
     * The SIPp binary found, searched once.
     *
     * @return its path, or null when absent.
     */
    public static Path executable()
    {
        if (!searched)
        {
            synchronized (Sipp.class)
            {
                if (!searched)
                {
                    executable = search();
                    searched = true;
                }
            }
        }
        return executable;
    }

    private static Path search()
    {
        final String override = System.getProperty("sipp.path");
        if (override != null && !override.isBlank())
        {
            final Path path = Path.of(override);
            return Files.isExecutable(path) ? path : null;
        }
        final String pathVariable = System.getenv("PATH");
        if (pathVariable == null)
        {
            return null;
        }
        for (final String directory : pathVariable.split(File.pathSeparator))
        {
            if (!directory.isEmpty())
            {
                final Path candidate = Path.of(directory, BINARY);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /**
     * A UDP port free on loopback now: bound to 0 by the kernel, then released. Another process may still take it
     * before SIPp or the stack binds it, which the kernel's random choice makes unlikely.
     *
     * @return the port.
     */
    public static int freeUdpPort()
    {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        {
            return socket.getLocalPort();
        }
        catch (final SocketException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * A TCP port free on loopback now, like {@link #freeUdpPort()}.
     *
     * @return the port.
     */
    public static int freeTcpPort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * An even UDP port with the next three ports free too (RTP, RTCP, and SIPp's video pair at +2), for
     * {@code -mp}.
     *
     * @return the first port of the four.
     */
    public static int freeMediaPort()
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            final int base = (FIRST_PORT + (int)(Math.random() * PORT_SPAN)) & ~1;
            if (udpPortsFree(base, 4))
            {
                return base;
            }
        }
        throw new IllegalStateException("no four free UDP ports found for SIPp media");
    }

    private static boolean udpPortsFree(final int base, final int count)
    {
        final List<DatagramSocket> sockets = new ArrayList<>();
        try
        {
            for (int port = base; port < base + count; port++)
            {
                sockets.add(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
            }
            return true;
        }
        catch (final SocketException ex)
        {
            return false;
        }
        finally
        {
            for (final DatagramSocket socket : sockets)
            {
                socket.close();
            }
        }
    }

    /**
     * Copies a scenario (and nothing else) from the test resources {@code /sipp/} into a directory.
     *
     * @param name      path under {@code sipp/}, such as {@code uas_busy.xml} or {@code selftest/uac_cancel.xml}.
     * @param directory where to copy it (under its file name only).
     * @return the copied file.
     * @throws IOException when it cannot be read or written.
     */
    public static Path copyScenario(final String name, final Path directory) throws IOException
    {
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + name))
        {
            if (in == null)
            {
                throw new IOException("no scenario sipp/" + name + " on the class path");
            }
            final Path target = directory.resolve(Path.of(name).getFileName().toString());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }

    /**
     * Starts SIPp with the given settings in the foreground (no terminal, {@code -nostdin}).
     *
     * @param context settings, concluded here.
     * @return the running SIPp.
     * @throws IOException when the scenario cannot be copied or the process not started.
     */
    public static Sipp launch(final Context context) throws IOException
    {
        context.conclude();
        final Path scenarioFile;
        if (null != context.scenarioFile)
        {
            scenarioFile = context.scenarioFile;
        }
        else
        {
            scenarioFile = context.scenario.startsWith(BUILTIN) ? null :
                copyScenario(context.scenario, context.workDir);
        }
        final List<String> command = context.command(scenarioFile);
        final ProcessBuilder builder = new ProcessBuilder(command)
            .directory(context.workDir.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectOutput(context.workDir.resolve(STDOUT_FILE).toFile())
            .redirectError(context.workDir.resolve(STDERR_FILE).toFile());
        final Process process = builder.start();
        process.getOutputStream().close();
        return new Sipp(context, process, command);
    }

    /**
     * The SIP port SIPp listens on.
     *
     * @return the port.
     */
    public int port()
    {
        return context.localPort;
    }

    /**
     * The RTP port SIPp sends from ({@code -mp}).
     *
     * @return the port.
     */
    public int mediaPort()
    {
        return context.mediaPort;
    }

    /**
     * SIPp's SIP address, for a Request-URI: {@code 127.0.0.1:port}.
     *
     * @return host and port.
     */
    public String hostPort()
    {
        return context.localAddress + ":" + context.localPort;
    }

    /**
     * The command line SIPp was started with.
     *
     * @return the arguments, the binary first.
     */
    public List<String> command()
    {
        return command;
    }

    /**
     * Whether the process is still running.
     *
     * @return true while running.
     */
    public boolean isAlive()
    {
        return process.isAlive();
    }

    /**
     * Waits until SIPp's SIP socket is bound (read from {@code /proc/net/udp}, or listening in {@code /proc/net/tcp}
     * over TCP), so a request sent now is not lost to a retransmission timer or refused. Returns at once where
     * {@code /proc} is absent.
     *
     * @param timeout how long to wait.
     * @throws IllegalStateException when SIPp exited or did not bind in time.
     */
    public void awaitListening(final Duration timeout)
    {
        final Path procUdp = Path.of(context.tcp() ? "/proc/net/tcp" : "/proc/net/udp");
        if (!Files.isReadable(procUdp))
        {
            return;
        }
        final String needle = String.format(Locale.ROOT, ":%04X ", context.localPort);
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true)
        {
            try
            {
                for (final String line : Files.readAllLines(procUdp, StandardCharsets.US_ASCII))
                {
                    final String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && (fields[1] + " ").endsWith(needle) &&
                        (!context.tcp() || "0A".equals(fields[3])))
                    {
                        return;
                    }
                }
            }
            catch (final IOException ex)
            {
                return;
            }
            if (!process.isAlive())
            {
                throw new IllegalStateException("SIPp exited before listening: " + collect(false).describe());
            }
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("SIPp did not bind port " + context.localPort + " in " + timeout);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    /**
     * Waits for SIPp to exit; past the timeout the process is destroyed and the result says so.
     *
     * @param timeout hard limit.
     * @return exit code, counts and logs.
     * @throws InterruptedException when interrupted while waiting.
     */
    public Result awaitExit(final Duration timeout) throws InterruptedException
    {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
        {
            return collect(false);
        }
        destroy();
        return collect(true);
    }

    /**
     * Destroys the process if it is running (SIGTERM, then SIGKILL after a second).
     */
    public void destroy()
    {
        if (process.isAlive())
        {
            process.destroy();
            try
            {
                if (!process.waitFor(1, TimeUnit.SECONDS))
                {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            catch (final InterruptedException ex)
            {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Destroys the process if still running.
     */
    @Override
    public void close()
    {
        destroy();
    }

    private Result collect(final boolean destroyed)
    {
        final int exitCode = destroyed || process.isAlive() ? EXIT_DESTROYED : process.exitValue();
        final Map<String, String> stats = lastStats(context.workDir.resolve(STATS_FILE));
        return new Result(
            exitCode,
            destroyed,
            stats,
            read(context.workDir.resolve(STDOUT_FILE)),
            read(context.workDir.resolve(STDERR_FILE)),
            read(context.workDir.resolve(ERRORS_FILE)),
            context.workDir,
            command);
    }

    /**
     * The last row of a SIPp statistics CSV ({@code ;} separated, header first) as column to value.
     *
     * @param file the CSV.
     * @return the values, empty when the file is absent or has no row.
     */
    public static Map<String, String> lastStats(final Path file)
    {
        final Map<String, String> stats = new LinkedHashMap<>();
        final String text = read(file);
        final String[] lines = text.split("\r?\n");
        if (lines.length < 2)
        {
            return stats;
        }
        final String[] header = lines[0].split(";");
        String last = "";
        for (int i = lines.length - 1; i > 0 && last.isEmpty(); i--)
        {
            last = lines[i].trim();
        }
        final String[] values = last.split(";");
        for (int i = 0; i < header.length && i < values.length; i++)
        {
            stats.put(header[i].trim(), values[i].trim());
        }
        return stats;
    }

    private static String read(final Path file)
    {
        try
        {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        }
        catch (final IOException ex)
        {
            return "(unreadable: " + ex + ")";
        }
    }

    /**
     * What one SIPp run ended with.
     */
    public static final class Result
    {
        private static final Pattern RESPONSE_LINE = Pattern.compile("^SIP/2\\.0 (\\d{3})", Pattern.MULTILINE);

        private final int exitCode;
        private final boolean destroyed;
        private final Map<String, String> stats;
        private final String stdout;
        private final String stderr;
        private final String errors;
        private final Path workDir;
        private final List<String> command;

        Result(
            final int exitCode,
            final boolean destroyed,
            final Map<String, String> stats,
            final String stdout,
            final String stderr,
            final String errors,
            final Path workDir,
            final List<String> command)
        {
            this.exitCode = exitCode;
            this.destroyed = destroyed;
            this.stats = stats;
            this.stdout = stdout;
            this.stderr = stderr;
            this.errors = errors;
            this.workDir = workDir;
            this.command = command;
        }

        /**
         * SIPp's message trace ({@code -trace_msg}), when the scenario kept one.
         *
         * @return the trace, empty when there is none.
         * @throws IOException when it cannot be read.
         */
        public String messages() throws IOException
        {
            final Path log = workDir.resolve("messages.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        }

        /**
         * The status of every response SIPp received, in order, from its message trace.
         *
         * @return the statuses.
         * @throws IOException when the trace cannot be read.
         */
        public List<Integer> responsesReceived() throws IOException
        {
            final List<Integer> statuses = new ArrayList<>();
            for (final String block : messages().split("----------------------------------------------- "))
            {
                if (block.contains("message received"))
                {
                    final Matcher matcher = RESPONSE_LINE.matcher(block);
                    if (matcher.find())
                    {
                        statuses.add(Integer.parseInt(matcher.group(1)));
                    }
                }
            }
            return statuses;
        }

        /**
         * SIPp's exit code, or {@link #EXIT_DESTROYED} when destroyed on the hard timeout.
         *
         * @return the code.
         */
        public int exitCode()
        {
            return exitCode;
        }

        /**
         * Whether the hard timeout destroyed the process.
         *
         * @return true when destroyed.
         */
        public boolean destroyed()
        {
            return destroyed;
        }

        /**
         * Successful calls (cumulative), from the statistics file.
         *
         * @return the count, -1 when unknown.
         */
        public long successfulCalls()
        {
            return stat("SuccessfulCall(C)");
        }

        /**
         * Failed calls (cumulative), from the statistics file.
         *
         * @return the count, -1 when unknown.
         */
        public long failedCalls()
        {
            return stat("FailedCall(C)");
        }

        /**
         * Calls created (cumulative), from the statistics file.
         *
         * @return the count, -1 when unknown.
         */
        public long createdCalls()
        {
            return stat("TotalCallCreated");
        }

        /**
         * One cumulative counter of the last statistics row.
         *
         * @param column the CSV column, such as {@code FailedCallRejected(C)}.
         * @return its value, -1 when absent or not a number.
         */
        public long stat(final String column)
        {
            final String value = stats.get(column);
            if (value == null)
            {
                return -1;
            }
            try
            {
                return Long.parseLong(value);
            }
            catch (final NumberFormatException ex)
            {
                return -1;
            }
        }

        /**
         * Every column of the last statistics row.
         *
         * @return column to value.
         */
        public Map<String, String> stats()
        {
            return stats;
        }

        /**
         * SIPp's standard output (its final screen).
         *
         * @return the text.
         */
        public String stdout()
        {
            return stdout;
        }

        /**
         * SIPp's standard error.
         *
         * @return the text.
         */
        public String stderr()
        {
            return stderr;
        }

        /**
         * SIPp's error log ({@code -trace_err}): unexpected messages, timeouts, aborted calls.
         *
         * @return the text.
         */
        public String errors()
        {
            return errors;
        }

        /**
         * Where SIPp ran: scenario, media files, logs, statistics and the SIP message trace.
         *
         * @return the directory.
         */
        public Path workDir()
        {
            return workDir;
        }

        /**
         * A summary for assertion messages: exit code and its meaning, counts, the tail of the logs.
         *
         * @return the text.
         */
        public String describe()
        {
            return "sipp exit " + exitCode + " (" + meaning(exitCode) + ")" +
                (destroyed ? " destroyed on timeout" : "") +
                ", successful " + successfulCalls() + ", failed " + failedCalls() +
                "\ncommand: " + String.join(" ", command) +
                "\nwork dir: " + workDir +
                "\nerrors: " + tail(errors, 3000) +
                "\nstderr: " + tail(stderr, 1500) +
                "\nstdout: " + tail(stdout, 1500);
        }

        @Override
        public String toString()
        {
            return describe();
        }

        private static String meaning(final int exitCode)
        {
            switch (exitCode)
            {
                case 0:
                    return "all calls successful";
                case 1:
                    return "at least one call failed";
                case 97:
                    return "exit on internal command";
                case 99:
                    return "no call processed";
                case 254:
                    return "fatal: could not bind socket";
                case 255:
                    return "fatal error";
                case EXIT_DESTROYED:
                    return "destroyed";
                default:
                    return "unknown";
            }
        }

        private static String tail(final String text, final int max)
        {
            return text.length() <= max ? text : "..." + text.substring(text.length() - max);
        }
    }

    /**
     * What to run and how, resolved by {@link #conclude()}.
     */
    public static final class Context
    {
        private String scenario;
        private Path scenarioFile;
        private Path workDir;
        private String localAddress = "127.0.0.1";
        private int localPort;
        private int mediaPort;
        private String remote;
        private String service;
        private int calls = 1;
        private double rate;
        private int limit;
        private long pauseMs = -1;
        private int timeoutSeconds = 30;
        private boolean traceMessages = true;
        private int statsPeriodSeconds = 1;
        private String authUser;
        private String authPassword;
        private final Map<String, String> keys = new LinkedHashMap<>();
        private final List<String> extraArguments = new ArrayList<>();
        private String transport = "u1";

        /**
         * SIPp's transport mode ({@code -t}): {@code u1} (UDP, one socket, the default) or {@code t1} (TCP, one
         * socket).
         *
         * @param mode the mode.
         * @return this.
         */
        public Context transport(final String mode)
        {
            this.transport = mode;
            return this;
        }

        /**
         * Whether SIPp speaks TCP.
         *
         * @return true for the {@code t} modes.
         */
        public boolean tcp()
        {
            return transport.startsWith("t");
        }

        /**
         * Scenario file name under {@code src/test/resources/sipp/}.
         *
         * @param name such as {@code uas_busy.xml}.
         * @return this.
         */
        public Context scenario(final String name)
        {
            this.scenario = name;
            return this;
        }

        /**
         * A scenario already written into the work directory (e.g. by {@link SippCallee#write(Path)}), used as it
         * is instead of one of the resources.
         *
         * @param file the scenario file, in the work directory.
         * @return this.
         */
        public Context scenarioFile(final Path file)
        {
            this.scenarioFile = file;
            return this;
        }

        /**
         * Directory SIPp runs in: the scenario is copied there, media files are read from there, logs go there.
         *
         * @param directory an existing directory (a JUnit {@code @TempDir}).
         * @return this.
         */
        public Context workDir(final Path directory)
        {
            this.workDir = directory;
            return this;
        }

        /**
         * SIP port SIPp binds ({@code -p}); a free one is chosen when not set.
         *
         * @param port the port.
         * @return this.
         */
        public Context localPort(final int port)
        {
            this.localPort = port;
            return this;
        }

        /**
         * RTP port SIPp sends from and advertises ({@code -mp}); a free one is chosen when not set.
         *
         * @param port the port.
         * @return this.
         */
        public Context mediaPort(final int port)
        {
            this.mediaPort = port;
            return this;
        }

        /**
         * The far end, for UAC scenarios: {@code host:port}.
         *
         * @param hostPort such as {@code 127.0.0.1:5060}.
         * @return this.
         */
        public Context remote(final String hostPort)
        {
            this.remote = hostPort;
            return this;
        }

        /**
         * User part of the Request-URI of UAC scenarios ({@code -s}).
         *
         * @param user the user.
         * @return this.
         */
        public Context service(final String user)
        {
            this.service = user;
            return this;
        }

        /**
         * Calls after which SIPp exits ({@code -m}).
         *
         * @param count at least 1.
         * @return this.
         */
        public Context calls(final int count)
        {
            this.calls = count;
            return this;
        }

        /**
         * Calls per second of a UAC scenario ({@code -r}); 0 leaves SIPp's default.
         *
         * @param callsPerSecond the rate.
         * @return this.
         */
        public Context rate(final double callsPerSecond)
        {
            this.rate = callsPerSecond;
            return this;
        }

        /**
         * Most calls in progress at once ({@code -l}); 0 leaves SIPp's default.
         *
         * @param count the limit.
         * @return this.
         */
        public Context limit(final int count)
        {
            this.limit = count;
            return this;
        }

        /**
         * Duration of the scenarios' plain {@code <pause/>} ({@code -d}).
         *
         * @param milliseconds the duration.
         * @return this.
         */
        public Context pauseMs(final long milliseconds)
        {
            this.pauseMs = milliseconds;
            return this;
        }

        /**
         * SIPp's global timeout ({@code -timeout N s -timeout_error}): it stops and fails after it.
         *
         * @param seconds the timeout.
         * @return this.
         */
        public Context timeoutSeconds(final int seconds)
        {
            this.timeoutSeconds = seconds;
            return this;
        }

        /**
         * Whether to write every SIP message to {@code messages.log} ({@code -trace_msg}); on by default, off for
         * load.
         *
         * @param trace true to trace.
         * @return this.
         */
        public Context traceMessages(final boolean trace)
        {
            this.traceMessages = trace;
            return this;
        }

        /**
         * Period of the statistics rows ({@code -fd}).
         *
         * @param seconds the period.
         * @return this.
         */
        public Context statsPeriodSeconds(final int seconds)
        {
            this.statsPeriodSeconds = seconds;
            return this;
        }

        /**
         * Credentials for UAC scenarios answering challenges ({@code -au}, {@code -ap}).
         *
         * @param user     user name.
         * @param password password.
         * @return this.
         */
        public Context auth(final String user, final String password)
        {
            this.authUser = user;
            this.authPassword = password;
            return this;
        }

        /**
         * A scenario keyword ({@code -key name value}), used as {@code [name]} in messages and action attributes.
         *
         * @param name  keyword.
         * @param value value.
         * @return this.
         */
        public Context key(final String name, final String value)
        {
            keys.put(name, value);
            return this;
        }

        /**
         * Any other SIPp arguments, appended as they are.
         *
         * @param arguments the arguments.
         * @return this.
         */
        public Context arguments(final String... arguments)
        {
            extraArguments.addAll(List.of(arguments));
            return this;
        }

        /**
         * Checks the settings and picks free ports where none was set.
         *
         * @return this.
         */
        public Context conclude()
        {
            if (workDir == null || !Files.isDirectory(workDir))
            {
                throw new IllegalStateException("work directory missing: " + workDir);
            }
            if (scenarioFile != null)
            {
                if (!Files.isRegularFile(scenarioFile) ||
                    !scenarioFile.toAbsolutePath().getParent().equals(workDir.toAbsolutePath()))
                {
                    throw new IllegalStateException("scenario file not in the work directory: " + scenarioFile);
                }
                scenario = scenarioFile.getFileName().toString();
            }
            if (scenario == null)
            {
                throw new IllegalStateException("no scenario");
            }
            if (calls < 1)
            {
                throw new IllegalStateException("calls must be at least 1: " + calls);
            }
            if (timeoutSeconds < 1)
            {
                throw new IllegalStateException("timeout must be at least 1 s: " + timeoutSeconds);
            }
            if (executable() == null)
            {
                throw new IllegalStateException(SKIP_REASON);
            }
            if (localPort == 0)
            {
                localPort = tcp() ? freeTcpPort() : freeUdpPort();
            }
            if (mediaPort == 0)
            {
                mediaPort = freeMediaPort();
            }
            return this;
        }

        List<String> command(final Path scenarioFile)
        {
            final List<String> command = new ArrayList<>();
            command.add(executable().toString());
            if (remote != null)
            {
                command.add(remote);
            }
            if (scenarioFile == null)
            {
                add(command, "-sn", scenario.substring(BUILTIN.length()));
            }
            else
            {
                add(command, "-sf", scenarioFile.getFileName().toString());
            }
            add(command, "-t", transport);
            add(command, "-i", localAddress);
            add(command, "-p", Integer.toString(localPort));
            add(command, "-mi", localAddress);
            add(command, "-mp", Integer.toString(mediaPort));
            add(command, "-m", Integer.toString(calls));
            if (rate > 0)
            {
                add(command, "-r", rateText());
            }
            if (limit > 0)
            {
                add(command, "-l", Integer.toString(limit));
            }
            if (pauseMs >= 0)
            {
                add(command, "-d", Long.toString(pauseMs));
            }
            if (service != null)
            {
                add(command, "-s", service);
            }
            if (authUser != null)
            {
                add(command, "-au", authUser);
                add(command, "-ap", authPassword);
            }
            for (final Map.Entry<String, String> key : keys.entrySet())
            {
                command.add("-key");
                command.add(key.getKey());
                command.add(key.getValue());
            }
            command.add("-nostdin");
            add(command, "-timeout", timeoutSeconds + "s");
            command.add("-timeout_error");
            command.add("-trace_stat");
            add(command, "-stf", STATS_FILE);
            add(command, "-fd", Integer.toString(statsPeriodSeconds));
            command.add("-trace_err");
            add(command, "-error_file", ERRORS_FILE);
            if (traceMessages)
            {
                command.add("-trace_msg");
                add(command, "-message_file", MESSAGES_FILE);
            }
            command.addAll(extraArguments);
            return command;
        }

        private String rateText()
        {
            return rate == Math.rint(rate) ? Long.toString((long)rate) : Double.toString(rate);
        }

        private static void add(final List<String> command, final String option, final String value)
        {
            command.add(option);
            command.add(value);
        }
    }
}
