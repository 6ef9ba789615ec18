/*
 * Dialer benchmarks: the engine's pipeline, measured in its own package (no change to dialer-core).
 */
package io.dialer.core.engine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.TimeoutBlockingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.dialer.core.journal.Journal;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.HdrHistogram.Histogram;

/**
 * The pipeline benchmark (not a unit test): the controller's event handling end to end in-process, on the engine's
 * Disruptor rings ({@link DisruptorPipeline}) and on {@link java.util.concurrent.ArrayBlockingQueue}s
 * ({@link QueuePipeline}) with the same handlers ({@link ModelController}, the real {@link Journal} appends, the
 * effects lanes' routing) and producers ({@link PipelineProducer}: SIP threads, media agents, the control seam).
 * <ul>
 *     <li>Throughput: each round runs both pipelines back to back (which goes first alternates), each in a fresh
 *     journal directory: a warm-up burst of a quarter, then {@code --events} published as fast as the producers
 *     can; a first round warms the JIT up and is not counted. events/s is the events over the time from the start
 *     to the moment every stage (both journals, the controller, both effects lanes) has handled every event and
 *     every command they caused. With it, each thread's CPU time per event (the JVM's thread CPU clocks: the
 *     producers' own, each consumer's over the burst, its waits included).</li>
 *     <li>Latency: a fresh pipeline of each kind at {@code --rate} events/s in all (a fixed schedule per producer)
 *     for {@code --warmup-s} then {@code --seconds} measured: the controller's latency per event from the intended
 *     send time (corrected for coordinated omission) and from the actual publish, p50/p99/p99.9/max (HdrHistogram),
 *     and the time of each journal append in the pipeline (input events and decision records), with the commands
 *     per event and the bytes per journal document.</li>
 * </ul>
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar pipeline --events 2000000 --rounds 3 --rate 100000 --seconds 10
 * </pre>
 * Options: {@code --events N} (default 2,000,000), {@code --rounds N} (default 3), {@code --rate R} (events/s,
 * default 100,000; 0 skips the latency phase), {@code --seconds N} (default 10), {@code --warmup-s N} (default 3),
 * {@code --sip N} (SIP producer threads, default 2), {@code --media N} (media producers, default 1),
 * {@code --ring N} (ring size and queue capacity, default the engine's 65,536), {@code --transport
 * both|disruptor|queue}, {@code --command-wait engine|blocking|sleeping|yielding} (the command ring's wait
 * strategy: default {@code engine}, the engine's {@link EngineWaitStrategy}; {@code blocking} was the engine's before
 * issue 16), {@code --event-wait engine|timeout} (the event ring's: {@code engine} is {@link EngineWaitStrategy} with
 * the controller's 1 ms poll, {@code timeout} Disruptor's {@code TimeoutBlockingWaitStrategy}, the engine's before),
 * {@code --work-dir DIR} (journals, deleted after each pipeline; default a temporary directory).
 */
public final class PipelineRun
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private long events = 2_000_000;
    private int rounds = 3;
    private long rate = 100_000;
    private int seconds = 10;
    private int warmupS = 3;
    private int sip = 2;
    private int media = 1;
    private int ring = EngineContext.RING_SIZE_DEFAULT;
    private String transport = "both";
    private String commandWait = "engine";
    private String eventWait = "engine";
    private Path workDir;

    private PipelineRun()
    {
    }

    /**
     * Runs the benchmark.
     *
     * @param args options, see the class comment.
     * @throws Exception when the journal cannot be written.
     */
    public static void main(final String[] args) throws Exception
    {
        System.setProperty("chronicle.analytics.disable", "true");
        final PipelineRun run = new PipelineRun();
        run.parse(args);
        if (null == run.workDir)
        {
            run.workDir = Files.createTempDirectory("pipeline-bench-");
        }
        System.out.printf(Locale.ROOT, "PipelineRun: events=%d rounds=%d rate=%d seconds=%d warmupS=%d sip=%d " +
            "media=%d control=1 ring=%d transport=%s commandWait=%s eventWait=%s work=%s%n", run.events, run.rounds,
            run.rate, run.seconds, run.warmupS, run.sip, run.media, run.ring, run.transport, run.commandWait,
            run.eventWait, run.workDir);
        run.throughput();
        if (run.rate > 0)
        {
            run.latency();
        }
    }

    private void parse(final String[] args)
    {
        for (int i = 0; i + 1 < args.length; i += 2)
        {
            final String value = args[i + 1];
            switch (args[i])
            {
                case "--events" -> events = Long.parseLong(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--rate" -> rate = Long.parseLong(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup-s" -> warmupS = Integer.parseInt(value);
                case "--sip" -> sip = Integer.parseInt(value);
                case "--media" -> media = Integer.parseInt(value);
                case "--ring" -> ring = Integer.parseInt(value);
                case "--transport" -> transport = value;
                case "--command-wait" -> commandWait = value;
                case "--event-wait" -> eventWait = value;
                case "--work-dir" -> workDir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (1 == args.length % 2)
        {
            throw new IllegalArgumentException("missing value for " + args[args.length - 1]);
        }
        if (!List.of("engine", "blocking", "sleeping", "yielding").contains(commandWait))
        {
            throw new IllegalArgumentException("--command-wait: engine, blocking, sleeping or yielding, not " +
                commandWait);
        }
        if (!List.of("engine", "timeout").contains(eventWait))
        {
            throw new IllegalArgumentException("--event-wait: engine or timeout, not " + eventWait);
        }
        if (!List.of("both", "disruptor", "queue").contains(transport))
        {
            throw new IllegalArgumentException("--transport: both, disruptor or queue, not " + transport);
        }
    }

    private List<String> transports()
    {
        return "both".equals(transport) ? List.of("disruptor", "queue") : List.of(transport);
    }

    private BenchPipeline pipeline(final String name, final String tag) throws IOException
    {
        final Path dir = Files.createDirectories(workDir.resolve(name + "-" + tag));
        return "disruptor".equals(name) ? new DisruptorPipeline(dir, ring, eventWait(), commandWait()) :
            new QueuePipeline(dir, ring);
    }

    private WaitStrategy commandWait()
    {
        return switch (commandWait)
        {
            case "sleeping" -> new SleepingWaitStrategy();
            case "yielding" -> new YieldingWaitStrategy();
            case "blocking" -> new BlockingWaitStrategy();
            default -> new EngineWaitStrategy(0, TimeUnit.MILLISECONDS);
        };
    }

    private WaitStrategy eventWait()
    {
        return "timeout".equals(eventWait) ? new TimeoutBlockingWaitStrategy(1, TimeUnit.MILLISECONDS) :
            new EngineWaitStrategy(1, TimeUnit.MILLISECONDS);
    }

    private void throughput() throws Exception
    {
        final List<double[]> results = new ArrayList<>();
        for (int round = 0; round <= rounds; round++)
        {
            final double[] perTransport = new double[2];
            final List<String> names = transports();
            for (int i = 0; i < names.size(); i++)
            {
                // alternate which goes first, so neither always runs on the other's JIT work or page cache
                final int t = 0 == round % 2 ? names.size() - 1 - i : i;
                perTransport[t] = burst(names.get(t), round);
            }
            if (round > 0)
            {
                results.add(perTransport);
            }
        }
        if (2 == transports().size())
        {
            final double[] ratios = results.stream().mapToDouble((r) -> r[0] / r[1]).toArray();
            final double[] disruptor = results.stream().mapToDouble((r) -> r[0]).sorted().toArray();
            final double[] queue = results.stream().mapToDouble((r) -> r[1]).sorted().toArray();
            final String perRound = Arrays.toString(Arrays.stream(ratios).map((r) -> Math.round(r * 100) / 100.0)
                .toArray());
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "throughput median: disruptor %,.0f events/s, queue %,.0f events/s; " +
                "ratio per round (disruptor/queue) %s, median %.2f%n", median(disruptor), median(queue), perRound,
                median(ratios));
        }
    }

    /**
     * One timed burst on a fresh pipeline (round 0 is the warm-up round, printed and not counted).
     */
    private double burst(final String name, final int round) throws Exception
    {
        final BenchPipeline pipeline = pipeline(name, "round" + round);
        try
        {
            final long warmup = Math.max(events / 4, 1000);
            burst(pipeline, warmup, 0);
            final Map<String, Long> cpuBefore = consumerCpu();
            final long start = System.nanoTime();
            final long producerNanos = burst(pipeline, events, warmup);
            final long nanos = System.nanoTime() - start;
            final Map<String, Long> cpuAfter = consumerCpu();
            final double perSecond = events * (double)NANOS_PER_SECOND / nanos;
            System.out.printf(Locale.ROOT, "round %d %-9s %,12.0f events/s  (%,d events in %.3f s, " +
                "%.2f commands/event)  load %s%s%n", round, name, perSecond, events, nanos / 1e9,
                pipeline.controller.published() / (double)(events + warmup), loadAverage(),
                0 == round ? "  (warm-up round, not counted)" : "");
            System.out.printf(Locale.ROOT, "        CPU ns per event: %s%n",
                cpuPerEvent(cpuBefore, cpuAfter, producerNanos, events));
            return perSecond;
        }
        finally
        {
            close(pipeline);
        }
    }

    /**
     * Publishes {@code count} events from the producers and waits until every stage handled them.
     */
    private long burst(final BenchPipeline pipeline, final long count, final long already) throws Exception
    {
        final ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        final AtomicLong producerCpu = new AtomicLong();
        final List<PipelineProducer> producers = producers(pipeline, count, 0, 0);
        final CountDownLatch go = new CountDownLatch(1);
        final List<Thread> threads = new ArrayList<>();
        for (final PipelineProducer producer : producers)
        {
            final Thread thread = new Thread(() ->
            {
                awaitQuietly(go);
                final long start = bean.getCurrentThreadCpuTime();
                producer.run();
                producerCpu.addAndGet(bean.getCurrentThreadCpuTime() - start);
            }, "producer-" + producer.kind().name().toLowerCase(Locale.ROOT));
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (final Thread thread : threads)
        {
            thread.join();
        }
        while (!pipeline.drained(already + count))
        {
            LockSupport.parkNanos(100_000);
        }
        return producerCpu.get();
    }

    /**
     * CPU time of the pipeline's consumer threads by name (the engine's names on the rings, queue-* on the queues).
     */
    private static Map<String, Long> consumerCpu()
    {
        final ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        final Map<String, Long> cpu = new TreeMap<>();
        for (final ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds()))
        {
            if (null != info && (info.getThreadName().startsWith("dialer-") ||
                info.getThreadName().startsWith("queue-")))
            {
                final long nanos = bean.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0)
                {
                    cpu.merge(info.getThreadName().replace("queue-", "").replace("dialer-", ""), nanos, Long::sum);
                }
            }
        }
        return cpu;
    }

    private static String cpuPerEvent(
        final Map<String, Long> before, final Map<String, Long> after, final long producerNanos, final long events)
    {
        final StringBuilder text = new StringBuilder();
        long total = producerNanos;
        text.append(String.format(Locale.ROOT, "producers %.0f", producerNanos / (double)events));
        for (final Map.Entry<String, Long> e : after.entrySet())
        {
            final long nanos = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            total += nanos;
            text.append(String.format(Locale.ROOT, ", %s %.0f", e.getKey(), nanos / (double)events));
        }
        return String.format(Locale.ROOT, "%s; all threads %.0f ns per event (2 cores: at most %,.0f events/s)",
            text, total / (double)events, 2e9 * events / Math.max(1, total));
    }

    private List<PipelineProducer> producers(
        final BenchPipeline pipeline, final long count, final long startNanos, final long totalRate)
    {
        final List<PipelineProducer> producers = new ArrayList<>();
        final long control = Math.max(1, count / 100);
        final int others = sip + media;
        final long each = (count - control) / others;
        final long controlInterval = 0 == totalRate ? 0 : NANOS_PER_SECOND * 100 / totalRate;
        final long otherInterval = 0 == totalRate ? 0 : NANOS_PER_SECOND * others * 100 / (totalRate * 99);
        int index = 0;
        long assigned = control;
        for (int i = 0; i < others; i++)
        {
            final long n = i == others - 1 ? count - assigned : each;
            assigned += n;
            producers.add(new PipelineProducer(i < sip ? PipelineProducer.Kind.SIP : PipelineProducer.Kind.MEDIA,
                index++, pipeline.events(), n, startNanos, otherInterval));
        }
        producers.add(new PipelineProducer(PipelineProducer.Kind.CONTROL, index, pipeline.events(), control,
            startNanos, controlInterval));
        return producers;
    }

    private void latency() throws Exception
    {
        for (final String name : transports())
        {
            final BenchPipeline pipeline = pipeline(name, "latency");
            final long count = rate * (warmupS + seconds);
            try
            {
                final long start = System.nanoTime() + 10_000_000L;
                final List<PipelineProducer> producers = producers(pipeline, count, start, rate);
                pipeline.measureFrom(start + warmupS * NANOS_PER_SECOND);
                final List<Thread> threads = new ArrayList<>();
                for (final PipelineProducer producer : producers)
                {
                    final Thread thread = new Thread(producer,
                        "producer-" + producer.kind().name().toLowerCase(Locale.ROOT));
                    thread.setDaemon(true);
                    thread.start();
                    threads.add(thread);
                }
                for (final Thread thread : threads)
                {
                    thread.join();
                }
                while (!pipeline.drained(count))
                {
                    LockSupport.parkNanos(100_000);
                }
                System.out.printf(Locale.ROOT, "%n%s at %,d events/s for %d s (after %d s warm-up), load %s%n",
                    name, rate, seconds, warmupS, loadAverage());
                print("  event latency, intended send → handled (CO-corrected)", pipeline.latency);
                print("  event latency, actual publish → handled", pipeline.sendLatency);
                print("  input journal append (Journal.appendEvent)", pipeline.eventAppend);
                print("  decision journal append (Journal.appendDecision)", pipeline.decisionAppend);
                System.out.printf(Locale.ROOT, "  commands per event %.2f, decision records per event %.2f, " +
                    "record payload %.1f bytes on average%n", pipeline.controller.published() / (double)count,
                    pipeline.decisionJournal.records() / (double)count,
                    pipeline.decisionJournal.recordBytes() / (double)pipeline.decisionJournal.records());
            }
            finally
            {
                pipeline.stop();
                pipeline.journal.close();
            }
            System.out.printf(Locale.ROOT, "  bytes per document in the queue files (header and padding " +
                "included): input events %.1f, decision records %.1f%n",
                documentBytes(pipeline.journalDir.resolve(Journal.EVENTS)),
                documentBytes(pipeline.journalDir.resolve(Journal.DECISIONS)));
            delete(pipeline.journalDir);
        }
    }

    private static void print(final String what, final Histogram h)
    {
        System.out.printf(Locale.ROOT, "%-58s µs: p50 %8.2f  p99 %8.2f  p99.9 %8.2f  max %9.2f  n=%d%n", what,
            h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
            h.getMaxValue() / 1e3, h.getTotalCount());
    }

    /**
     * The average distance between the starts of consecutive documents in a queue's first cycle file: the bytes
     * each record takes on disk, Chronicle's header and any padding included (first 100,000 documents).
     */
    static double documentBytes(final Path queueDir)
    {
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(queueDir)
            .rollCycle(RollCycles.FAST_DAILY).readOnly(true).build())
        {
            final ExcerptTailer tailer = queue.createTailer();
            long first = -1;
            long last = -1;
            long documents = 0;
            while (documents < 100_000)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    last = dc.wire().bytes().readPosition();
                    if (first < 0)
                    {
                        first = last;
                    }
                    documents++;
                }
            }
            return documents > 1 ? (last - first) / (double)(documents - 1) : Double.NaN;
        }
    }

    private void close(final BenchPipeline pipeline) throws IOException
    {
        pipeline.close();
        delete(pipeline.journalDir);
    }

    private static void delete(final Path dir) throws IOException
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(path);
            }
        }
    }

    private static double median(final double[] sorted)
    {
        final int n = sorted.length;
        return 0 == n % 2 ? (sorted[n / 2 - 1] + sorted[n / 2]) / 2 : sorted[n / 2];
    }

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

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
