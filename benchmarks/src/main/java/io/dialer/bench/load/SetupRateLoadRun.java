/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import io.dialer.media.MediaEngine;
import io.dialer.sip.CallLeg;
import io.dialer.sip.CallListener;
import io.dialer.sip.DialRequest;
import io.dialer.sip.EndCause;
import io.dialer.sip.FailureCause;
import io.dialer.sip.SipStack;
import io.dialer.sip.Transport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import javax.management.ObjectName;

/**
 * End-to-end call setup load run (not a unit test): SIPp answers on loopback ({@code uas_load.xml}: INVITE, 200
 * with SDP, ACK, BYE, 200), the dialer's {@link SipStack} places calls at a target rate with a bounded number in
 * flight, each INVITE → 200 → ACK → hold → BYE. Reports sustained setups per second, failed calls (must be 0),
 * setup latency percentiles (INVITE sent to 200 received and ACKed, HdrHistogram), the cost per measured call
 * ({@link CallCost}: CPU, allocation, GC, context switches, with {@code -Dload.perf=true} system calls, of this JVM
 * and of SIPp), where the CPU went (per thread group) and UDP datagrams the host dropped on full receive buffers.
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -Xmx1g -jar benchmarks/target/benchmarks.jar load --calls 20000 --warmup 4000 --rate 1600 --stacks 4
 * </pre>
 * The CPU per call figure of {@code docs/performance.md} (after JIT warm-up; {@code -Dload.perf=true} adds the
 * system calls per call, counted by {@code perf stat}):
 * <pre>
 * java -Xmx1g -Dload.perf=true -jar benchmarks/target/benchmarks.jar load --calls 20000 --warmup 20000 --rate 1000 \
 *     --max-seconds 120
 * </pre>
 * ({@code load} selects this run in {@code BenchmarkMain}; with {@code -jar} the manifest gives the JVM flags).
 * Options: {@code --calls N} (measured calls, default 20000), {@code --warmup N} (calls before, not measured,
 * default 2000), {@code --rate R} (calls/s, 0 = as fast as the in-flight bound allows; default 1000),
 * {@code --max-in-flight N} (default 2000), {@code --hold-ms N} (default 100), {@code --max-seconds N} (default 60),
 * {@code --stacks N} (SipStack instances on distinct ports sharing one media engine, round robin, default 1),
 * {@code --sip-threads N} (JAIN-SIP thread pool per stack, default the stack's), {@code --media} (SIPp answers
 * sendrecv and echoes RTP: {@code uas_load_media.xml} with {@code -rtp_echo}; default signalling only,
 * {@code a=inactive}), {@code --scenario FILE} (default {@code sip-stack/src/test/resources/sipp/uas_load.xml},
 * so run from the repository root), {@code --work-dir DIR} (SIPp's logs and statistics), {@code --sipp-buffer BYTES}
 * (SIPp's socket buffers, default 4 MiB), {@code --rtp-port-start N} (default 30000), {@code --histogram} (print
 * the live heap's top classes after dialing). Exit code 0 when every call succeeded on both sides, 1 otherwise.
 */
public final class SetupRateLoadRun
{
    private static final String LOG_LEVEL_PROP_NAME = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final long MAX_LAG_NS = TimeUnit.MILLISECONDS.toNanos(250);

    private final Options options;
    private final Recorder setupLatency = new Recorder(TimeUnit.SECONDS.toNanos(30), 3);
    private final LongAdder answered = new LongAdder();
    private final LongAdder ended = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder abnormalEnds = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final AtomicLong firstMeasuredDialNs = new AtomicLong();
    private final AtomicLong lastMeasuredAnswerNs = new AtomicLong();
    private final LongAdder measuredAnswered = new LongAdder();
    private final Semaphore inFlight;
    private CallCost cost;
    private long measuredStartNs;
    private final ScheduledExecutorService hangups = Executors.newSingleThreadScheduledExecutor((runnable) ->
    {
        final Thread thread = new Thread(runnable, "load-hangup");
        thread.setDaemon(true);
        return thread;
    });

    private SetupRateLoadRun(final Options options)
    {
        this.options = options;
        this.inFlight = new Semaphore(options.maxInFlight);
    }

    /**
     * Runs the load.
     *
     * @param args options, see the class comment.
     * @throws Exception when SIPp or the stack cannot be started.
     */
    public static void main(final String[] args) throws Exception
    {
        if (null == System.getProperty(LOG_LEVEL_PROP_NAME))
        {
            // JAIN-SIP logs every received message at INFO through the stack's SLF4J bridge: keep it out of the run.
            System.setProperty(LOG_LEVEL_PROP_NAME, "warn");
        }
        final Options options = Options.parse(args);
        final boolean ok = new SetupRateLoadRun(options).run();
        System.exit(ok ? 0 : 1);
    }

    private boolean run() throws Exception
    {
        final long totalCalls = (long)options.warmup + options.calls;
        final Path workDir = null != options.workDir ? options.workDir : Files.createTempDirectory("setup-rate-");
        final int sippPort = SippProcess.freeUdpPort();
        final List<String> sippExtra = new ArrayList<>(List.of(
            "-buff_size", Integer.toString(options.sippBufferBytes),
            "-max_recv_loops", "10000",
            "-max_sched_loops", "10000"));
        if (options.media)
        {
            sippExtra.add("-rtp_echo");
        }
        System.out.printf(Locale.ROOT, "SetupRateLoadRun: %s%nSIPp work dir %s%n", options, workDir);

        try (SippProcess sipp = SippProcess.startUas(
            options.scenario, workDir, sippPort, totalCalls, options.maxSeconds + 60, sippExtra);
            MediaEngine media = new MediaEngine(new MediaEngine.Context()
                .bindAddress(InetAddress.getLoopbackAddress())
                .portRange(options.rtpPortStart, options.rtpPortStart + 2 * (options.maxInFlight + 500))
                .rtpTimeoutMs(0)))
        {
            sipp.awaitListening(Duration.ofSeconds(10));
            final List<SipStack> stacks = new ArrayList<>();
            try
            {
                for (int i = 0; i < options.stacks; i++)
                {
                    final SipStack.Context context = new SipStack.Context()
                        .bindAddress(InetAddress.getLoopbackAddress())
                        .port(0)
                        .transports(Transport.UDP)
                        .allowedPeer("127.0.0.1")
                        .mediaEngine(media);
                    if (options.sipThreads > 0)
                    {
                        context.threadPoolSize(options.sipThreads);
                    }
                    stacks.add(SipStack.launch(context));
                }
                final String target = "sip:load@127.0.0.1:" + sippPort;
                final long startNs = System.nanoTime();
                final long dialed = dial(stacks, target, totalCalls, startNs, sipp);
                if (options.histogram)
                {
                    printHistogram();
                }
                final boolean drained = drain(dialed, sipp);
                if (null == cost)
                {
                    openCost(sipp);
                }
                cost.close();
                final long wallNs = System.nanoTime() - measuredStartNs;
                final int sippExit = sipp.awaitExit(Duration.ofSeconds(20));
                return report(dialed, drained, sippExit, sipp, cost.before(), cost.after(), wallNs);
            }
            finally
            {
                for (final SipStack stack : stacks)
                {
                    stack.close();
                }
                hangups.shutdownNow();
            }
        }
    }

    private long dial(
        final List<SipStack> stacks, final String target, final long totalCalls, final long startNs,
        final SippProcess sipp) throws InterruptedException
    {
        final long periodNs = options.rate > 0 ? (long)(TimeUnit.SECONDS.toNanos(1) / options.rate) : 0;
        final long deadlineNs = startNs + TimeUnit.SECONDS.toNanos(options.maxSeconds);
        long nextReportNs = startNs + TimeUnit.SECONDS.toNanos(1);
        long lastAnswered = 0;
        long dialed = 0;
        long baseNs = startNs;
        long baseCount = 0;
        while (dialed < totalCalls)
        {
            final long now = System.nanoTime();
            if (now > deadlineNs)
            {
                System.out.printf(Locale.ROOT, "max-seconds reached after %d calls dialed%n", dialed);
                break;
            }
            if (now >= nextReportNs)
            {
                final long answeredNow = answered.sum();
                progress(now - startNs, dialed, answeredNow - lastAnswered, sipp);
                lastAnswered = answeredNow;
                nextReportNs += TimeUnit.SECONDS.toNanos(1);
            }
            if (periodNs > 0)
            {
                if (dialed == options.warmup || now - (baseNs + (dialed - baseCount) * periodNs) > MAX_LAG_NS)
                {
                    // re-anchor the schedule (measured part starts fresh; never burst to catch up a lag)
                    baseNs = now;
                    baseCount = dialed;
                }
                final long dueNs = baseNs + (dialed - baseCount) * periodNs;
                if (dueNs > now)
                {
                    LockSupport.parkNanos(Math.min(dueNs - now, nextReportNs - now));
                    continue;
                }
            }
            if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS))
            {
                continue;
            }
            final boolean measured = dialed >= options.warmup;
            if (dialed == options.warmup)
            {
                openCost(sipp);
            }
            final LoadCall call = new LoadCall(measured);
            call.dialNs = System.nanoTime();
            if (measured)
            {
                firstMeasuredDialNs.compareAndSet(0, call.dialNs);
            }
            stacks.get((int)(dialed % stacks.size())).dial(new DialRequest(target), call);
            dialed++;
        }
        return dialed;
    }

    private void openCost(final SippProcess sipp)
    {
        cost = CallCost.open(List.of(sipp), List.of("SIPp (UAS)"));
        measuredStartNs = System.nanoTime();
    }

    private boolean drain(final long dialed, final SippProcess sipp)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ended.sum() + failed.sum() < dialed)
        {
            sipp.cpuNanos();
            if (System.nanoTime() > deadlineNs)
            {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }

    private void progress(final long elapsedNs, final long dialed, final long answeredInSecond, final SippProcess sipp)
    {
        sipp.cpuNanos();
        System.out.printf(Locale.ROOT,
            "t=%3ds dialed=%d answered=%d (+%d/s) failed=%d ended=%d in-flight=%d heap=%dM%n",
            TimeUnit.NANOSECONDS.toSeconds(elapsedNs), dialed, answered.sum(), answeredInSecond, failed.sum(),
            ended.sum(), options.maxInFlight - inFlight.availablePermits(),
            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    private boolean report(
        final long dialed, final boolean drained, final int sippExit, final SippProcess sipp,
        final LoadSnapshot before, final LoadSnapshot after, final long wallNs)
    {
        final Histogram histogram = setupLatency.getIntervalHistogram();
        final long measured = measuredAnswered.sum();
        final double measuredSeconds = (lastMeasuredAnswerNs.get() - firstMeasuredDialNs.get()) / 1e9;
        final double setupRate = measuredSeconds > 0 ? measured / measuredSeconds : 0;
        final Map<String, String> stats = sipp.stats();
        final double wallSeconds = wallNs / 1e9;

        System.out.printf(Locale.ROOT, "%n=== result ===%n");
        System.out.printf(Locale.ROOT, "target rate %.0f/s, max in flight %d, hold %d ms, stacks %d%n",
            options.rate, options.maxInFlight, options.holdMs, options.stacks);
        System.out.printf(Locale.ROOT, "dialed %d (warmup %d), answered %d, failed %d, abnormal ends %d%s%n",
            dialed, options.warmup, answered.sum(), failed.sum(), abnormalEnds.sum(), drained ? "" : " (NOT DRAINED)");
        if (!failures.isEmpty())
        {
            System.out.printf(Locale.ROOT, "failures: %s%n", failures);
        }
        System.out.printf(Locale.ROOT, "sustained setups/s (measured calls): %.0f over %.1f s%n",
            setupRate, measuredSeconds);
        System.out.printf(Locale.ROOT,
            "setup latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (n=%d)%n",
            ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(90)),
            ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)),
            ms(histogram.getMaxValue()), histogram.getTotalCount());
        System.out.printf(Locale.ROOT, "SIPp exit %d, successful %s, failed %s, retransmissions %s%n",
            sippExit, stats.get("SuccessfulCall(C)"), stats.get("FailedCall(C)"), stats.get("Retransmissions(C)"));
        System.out.printf(Locale.ROOT, "CPU over the %.1f s after warmup (2 cores = 200%%): JVM %.0f%%, SIPp %s%n",
            wallSeconds, percent(after.jvmCpuNs() - before.jvmCpuNs(), wallNs),
            after.sippCpuNs(0) < 0 || before.sippCpuNs(0) < 0 ? "n/a (exited)" :
            String.format(Locale.ROOT, "%.0f%%", percent(after.sippCpuNs(0) - before.sippCpuNs(0), wallNs)));
        cost.print(measuredAnswered.sum(), "measured calls answered");
        System.out.printf(Locale.ROOT, "UDP datagrams dropped on full receive buffers (whole host): %d%n",
            after.udpReceiveBufferErrors() - before.udpReceiveBufferErrors());
        System.out.printf(Locale.ROOT, "JVM CPU by thread group:%n");
        final Map<String, Long> groups = after.threadGroupsMinus(before);
        groups.entrySet().stream()
            .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
            .limit(12)
            .forEach((e) -> System.out.printf(
                Locale.ROOT, "  %-40s %5.0f%%%n", e.getKey(), percent(e.getValue(), wallNs)));

        final String sippFailed = stats.get("FailedCall(C)");
        return drained && failed.sum() == 0 && abnormalEnds.sum() == 0 && sippExit == 0 &&
            "0".equals(sippFailed) && dialed == (long)options.warmup + options.calls;
    }

    private static void printHistogram()
    {
        try
        {
            final Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram",
                new Object[]{new String[0]},
                new String[]{String[].class.getName()});
            final String[] lines = String.valueOf(text).split("\n");
            System.out.printf(Locale.ROOT, "live heap after dialing (top classes):%n");
            for (int i = 0; i < Math.min(lines.length, 25); i++)
            {
                System.out.println(lines[i]);
            }
        }
        catch (final Exception ex)
        {
            System.out.println("no class histogram: " + ex);
        }
    }

    private static double ms(final long nanos)
    {
        return nanos / 1e6;
    }

    private static double percent(final long cpuNs, final long wallNs)
    {
        return wallNs > 0 ? 100.0 * cpuNs / wallNs : 0;
    }

    /**
     * One call's listener: records setup latency, schedules the hangup, releases the in-flight permit at the end.
     */
    private final class LoadCall implements CallListener
    {
        private final boolean measured;
        private long dialNs;

        LoadCall(final boolean measured)
        {
            this.measured = measured;
        }

        @Override
        public void onAnswered(final CallLeg leg)
        {
            final long now = System.nanoTime();
            answered.increment();
            if (measured)
            {
                setupLatency.recordValue(Math.min(now - dialNs, TimeUnit.SECONDS.toNanos(30)));
                measuredAnswered.increment();
                lastMeasuredAnswerNs.accumulateAndGet(now, Math::max);
            }
            hangups.schedule(leg::hangup, options.holdMs, TimeUnit.MILLISECONDS);
        }

        @Override
        public void onFailed(final CallLeg leg, final FailureCause cause, final int sipStatus, final String reason)
        {
            failed.increment();
            failures.computeIfAbsent(cause + " " + sipStatus + " " + reason, (k) -> new LongAdder()).increment();
            inFlight.release();
        }

        @Override
        public void onEnded(final CallLeg leg, final EndCause cause)
        {
            ended.increment();
            if (cause != EndCause.LOCAL)
            {
                abnormalEnds.increment();
                failures.computeIfAbsent("ended " + cause, (k) -> new LongAdder()).increment();
            }
            inFlight.release();
        }
    }

    /**
     * Command-line options.
     */
    private static final class Options
    {
        private static final String SCENARIO_DIR = "sip-stack/src/test/resources/sipp";

        private int calls = 20_000;
        private int warmup = 2_000;
        private double rate = 1_000;
        private int maxInFlight = 2_000;
        private long holdMs = 100;
        private int maxSeconds = 60;
        private int stacks = 1;
        private int sipThreads;
        private int rtpPortStart = 30_000;
        private Path scenario;
        private boolean media;
        private Path workDir;
        private boolean histogram;
        private int sippBufferBytes = 4 << 20;

        static Options parse(final String[] args)
        {
            final Options o = new Options();
            for (int i = 0; i < args.length; i++)
            {
                final String name = args[i];
                if ("--histogram".equals(name) || "--media".equals(name))
                {
                    o.histogram |= "--histogram".equals(name);
                    o.media |= "--media".equals(name);
                    continue;
                }
                if (i + 1 >= args.length)
                {
                    throw new IllegalArgumentException("missing value for " + name);
                }
                final String value = args[++i];
                switch (name)
                {
                    case "--calls" -> o.calls = Integer.parseInt(value);
                    case "--warmup" -> o.warmup = Integer.parseInt(value);
                    case "--rate" -> o.rate = Double.parseDouble(value);
                    case "--max-in-flight" -> o.maxInFlight = Integer.parseInt(value);
                    case "--hold-ms" -> o.holdMs = Long.parseLong(value);
                    case "--max-seconds" -> o.maxSeconds = Integer.parseInt(value);
                    case "--stacks" -> o.stacks = Integer.parseInt(value);
                    case "--sip-threads" -> o.sipThreads = Integer.parseInt(value);
                    case "--rtp-port-start" -> o.rtpPortStart = Integer.parseInt(value);
                    case "--scenario" -> o.scenario = Path.of(value);
                    case "--work-dir" -> o.workDir = Path.of(value);
                    case "--sipp-buffer" -> o.sippBufferBytes = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (null == o.scenario)
            {
                o.scenario = Path.of(SCENARIO_DIR, o.media ? "uas_load_media.xml" : "uas_load.xml");
            }
            if (!Files.isReadable(o.scenario))
            {
                throw new IllegalArgumentException("scenario not found: " + o.scenario.toAbsolutePath() +
                    " (run from the repository root or pass --scenario)");
            }
            return o;
        }

        @Override
        public String toString()
        {
            return String.format(Locale.ROOT,
                "calls=%d warmup=%d rate=%.0f maxInFlight=%d holdMs=%d maxSeconds=%d stacks=%d media=%s sipThreads=%s",
                calls, warmup, rate, maxInFlight, holdMs, maxSeconds, stacks, media,
                sipThreads > 0 ? Integer.toString(sipThreads) : "default");
        }
    }
}
