/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutBlockingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.dialer.media.MediaEngine;
import io.dialer.sip.CallLeg;
import io.dialer.sip.CallListener;
import io.dialer.sip.DialRequest;
import io.dialer.sip.FailureCause;
import io.dialer.sip.PreparedDial;
import io.dialer.sip.SipStack;
import io.dialer.sip.Transport;
import org.HdrHistogram.Histogram;

/**
 * The qualified → closer INVITE path in isolation (not a unit test): the engine's two hand-offs and the dial, with
 * nothing else on the machine but SIPp answering 486 Busy ({@code uas_busy.xml}). A pacing thread stands for the SIP
 * or media thread that receives the qualifying key: it stamps an event and publishes it into a MULTI ring with the
 * controller's wait strategy ({@code TimeoutBlockingWaitStrategy}, 1 ms); a consumer standing for the controller
 * copies it into a SINGLE ring with the effects' wait strategy ({@code BlockingWaitStrategy}); a consumer standing
 * for the closers lane calls {@link SipStack#dial} (a real INVITE over UDP on loopback, an RTP port bound per call,
 * as the engine dials a closer). The controller's own work (sub-microsecond, see the transfer JMH benchmarks) is left
 * out. First a warm-up at a high rate so the JIT compiles the dial path, then the measured dials at the campaign's
 * pace. With {@code --prepare true} each dial gets a leg prepared ahead ({@link SipStack#prepareDial}, made after
 * the previous dial, as the engine prepares a closer leg while its caller is in qualification). Reports, in
 * microseconds: key event → dial starts (the two hand-offs), the dial itself, and the whole path;
 * then the cost per measured dial ({@link CallCost}).
 * <pre>
 * java -Xmx1g -jar benchmarks/target/benchmarks.jar dialpath --warmup 20000 --warmup-rate 500 --calls 3000 --rate 50
 * </pre>
 * Run from the repository root (the scenario is {@code sip-stack/src/test/resources/sipp/uas_busy.xml}); needs
 * {@code sipp}. Exit code 0 when SIPp saw every call and answered it busy.
 */
public final class DialPathLoadRun
{
    private int warmup = 20_000;
    private double warmupRate = 500;
    private int calls = 3_000;
    private double rate = 50;
    private Path scenario = Path.of("sip-stack/src/test/resources/sipp/uas_busy.xml");
    private boolean prepare;
    private PreparedDial preparedNext;

    private final Histogram handOff = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    private final Histogram dial = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    private final Histogram whole = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong otherEnds = new AtomicLong();

    /**
     * One key event on the way to the dial.
     */
    private static final class Event
    {
        long publishedNanos;
        boolean measured;
    }

    private DialPathLoadRun()
    {
    }

    /**
     * Runs it.
     *
     * @param args {@code --warmup N --warmup-rate R --calls N --rate R --scenario FILE --prepare true|false}.
     * @throws Exception when it cannot start.
     */
    public static void main(final String[] args) throws Exception
    {
        final DialPathLoadRun run = new DialPathLoadRun();
        for (int i = 0; i + 1 < args.length; i += 2)
        {
            switch (args[i])
            {
                case "--warmup" -> run.warmup = Integer.parseInt(args[i + 1]);
                case "--warmup-rate" -> run.warmupRate = Double.parseDouble(args[i + 1]);
                case "--calls" -> run.calls = Integer.parseInt(args[i + 1]);
                case "--rate" -> run.rate = Double.parseDouble(args[i + 1]);
                case "--scenario" -> run.scenario = Path.of(args[i + 1]);
                case "--prepare" -> run.prepare = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.exit(run.run() ? 0 : 1);
    }

    private boolean run() throws Exception
    {
        final long total = (long)warmup + calls;
        final Path workDir = Files.createTempDirectory("dial-path-");
        final int sippPort = SippProcess.freeUdpPort();
        System.out.printf(Locale.ROOT, "DialPathLoadRun: warmup %d at %.0f/s, measured %d at %.0f/s%s; SIPp in %s%n",
            warmup, warmupRate, calls, rate, prepare ? ", legs prepared ahead" : "", workDir);
        final int timeoutS = (int)(warmup / warmupRate + calls / rate) + 120;
        try (SippProcess sipp = SippProcess.startUas(scenario, workDir, sippPort, total, timeoutS,
            List.of("-buff_size", Integer.toString(4 << 20)));
            MediaEngine media = new MediaEngine(new MediaEngine.Context()
                .bindAddress(InetAddress.getLoopbackAddress()).portRange(40_000, 48_000).rtpTimeoutMs(0));
            SipStack stack = SipStack.launch(new SipStack.Context().bindAddress(InetAddress.getLoopbackAddress())
                .port(0).transports(Transport.UDP).allowedPeer("127.0.0.1").mediaEngine(media)))
        {
            sipp.awaitListening(Duration.ofSeconds(10));
            final String target = "sip:closer@127.0.0.1:" + sippPort;
            final CallListener listener = new CallListener()
            {
                @Override
                public void onFailed(final CallLeg leg, final FailureCause cause, final int sipStatus,
                    final String reason)
                {
                    (FailureCause.BUSY == cause ? busy : otherEnds).incrementAndGet();
                }
            };

            final Disruptor<Event> lane = new Disruptor<>(Event::new, 1024, threads("closers-lane"),
                ProducerType.SINGLE, new BlockingWaitStrategy());
            lane.handleEventsWith((EventHandler<Event>)(event, sequence, endOfBatch) ->
            {
                final long start = System.nanoTime();
                stack.dial(new DialRequest(target).callerIdName("Dialer").callerIdUser("+12145550199")
                    .ringTimeoutMs(30_000), listener, preparedNext);
                final long end = System.nanoTime();
                preparedNext = prepare ? stack.prepareDial(null) : null; // the next caller's, long before it qualifies
                if (event.measured)
                {
                    handOff.recordValue(start - event.publishedNanos);
                    dial.recordValue(end - start);
                    whole.recordValue(end - event.publishedNanos);
                }
            });
            final RingBuffer<Event> commands = lane.start();
            final Disruptor<Event> controller = new Disruptor<>(Event::new, 1024, threads("controller"),
                ProducerType.MULTI, new TimeoutBlockingWaitStrategy(1, TimeUnit.MILLISECONDS));
            controller.handleEventsWith((EventHandler<Event>)(event, sequence, endOfBatch) ->
            {
                final long seq = commands.next();
                final Event command = commands.get(seq);
                command.publishedNanos = event.publishedNanos;
                command.measured = event.measured;
                commands.publish(seq);
            });
            final RingBuffer<Event> events = controller.start();

            pace(events, warmup, warmupRate, false);
            System.out.printf(Locale.ROOT, "warm-up done: %d dials, %d busy%n", warmup, busy.get());
            final CallCost cost = CallCost.open(List.of(sipp), List.of("SIPp (busy)"));
            pace(events, calls, rate, true);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (busy.get() + otherEnds.get() < total && System.nanoTime() < deadline)
            {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            cost.close();
            controller.shutdown();
            lane.shutdown();

            final int sippExit = sipp.awaitExit(Duration.ofSeconds(60));
            print("key event -> dial starts (two hand-offs)", handOff);
            print("SipStack.dial (INVITE on the wire)", dial);
            print("whole path", whole);
            System.out.printf(Locale.ROOT, "busy %d of %d, other ends %d; SIPp exit %d, stats %s%n",
                busy.get(), total, otherEnds.get(), sippExit, sipp.stats());
            cost.print(calls, "measured dials");
            return 0 == sippExit && busy.get() == total;
        }
    }

    private static void pace(final RingBuffer<Event> events, final int count, final double perSecond,
        final boolean measured)
    {
        final long periodNs = (long)(1e9 / perSecond);
        long next = System.nanoTime();
        for (int i = 0; i < count; i++)
        {
            next += periodNs;
            long now;
            while ((now = System.nanoTime()) < next)
            {
                LockSupport.parkNanos(next - now);
            }
            final long seq = events.next();
            final Event event = events.get(seq);
            event.publishedNanos = System.nanoTime();
            event.measured = measured;
            events.publish(seq);
        }
    }

    private static void print(final String name, final Histogram h)
    {
        System.out.printf(Locale.ROOT, "%-42s n=%d  p50 %7.1f  p90 %7.1f  p99 %7.1f  p99.9 %7.1f  max %8.1f us%n",
            name, h.getTotalCount(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
            h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
    }

    private static ThreadFactory threads(final String name)
    {
        return runnable ->
        {
            final Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
