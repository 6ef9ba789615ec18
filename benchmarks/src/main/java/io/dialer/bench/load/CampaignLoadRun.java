/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.compliance.ProgressivePacer;
import io.dialer.core.engine.CampaignClock;
import io.dialer.core.engine.CampaignSetup;
import io.dialer.core.engine.DialerEngine;
import io.dialer.core.engine.EngineContext;
import io.dialer.core.engine.PromptBook;
import io.dialer.core.journal.Step;
import io.dialer.media.MediaEngine;
import io.dialer.media.TextToSpeech;
import io.dialer.sip.SipStack;
import io.dialer.transfer.TransferConfiguration;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.SystemEpochClock;

/**
 * Load run of the whole campaign engine (not a unit test): {@link DialerEngine} with its controller, pacer and
 * trunk call-rate limit, journal, answering-machine detection, the qualification script and warm transfer, dialing
 * over several {@link SipStack}s (sharing one {@link MediaEngine}) against two SIPp UAS processes on loopback.
 * <ul>
 *     <li>The carrier ({@code sipp/uas_campaign_carrier.xml}) picks the callee by the called number's last digit:
 *     1 a person who says "Hello?", presses 1 to the question (qualified: warm-transferred to a closer) and hangs
 *     up after {@code --qualified-hangup-ms}; 2 a person who presses 2 (the dialer says goodbye and hangs up);
 *     3 voicemail, greeting and beep (the dialer leaves its message and hangs up); 4 a short call, "Hello?" and a
 *     hang-up after {@code --short-hangup-ms} (the setup-rate profile). Speech is rendered by the dialer's TTS at
 *     start.</li>
 *     <li>The closers ({@code sipp/uas_campaign_closers.xml}): every {@code sip:closer-i@127.0.0.1:port} answers,
 *     presses 1 {@code --closer-key-ms} after the answer (accept, during the briefing), and waits for the BYE.</li>
 * </ul>
 * Two far ends ({@code --far-end}): {@code info} (default; {@code sipp/uas_campaign_*_info.xml}) streams the speech
 * as raw mu-law files with SIPp's {@code rtp_stream} (ordinary UDP sockets, a pool of playback threads) and sends
 * the keys as SIP INFO ({@code application/dtmf-relay}) at the same moments; {@code pcap} plays pcaps with RFC 4733
 * keys with {@code play_pcap_audio} (a raw socket and a thread per playing call: the kernel copies every UDP
 * datagram to every raw socket, so it saturates SIPp from ~500 live calls; needs root), to test RFC 4733 under
 * load.
 * The campaign ({@code load/load-campaign.yaml}, script {@code load/load-script.yaml}: greeting, one question) is
 * written into the work directory with a generated {@code leads.csv} (+1 214/469/972 2xx xxxK, K the kind) and
 * {@code closers.yaml}, loaded with {@code CampaignLoader}, and started on a clock pinned at a Monday 10:00 in
 * Chicago, with {@code maxDialsPerSecond = --rate}, pacer ratio 10 and no line cap.
 * <p>
 * Prints once a second the engine's and both SIPps' counters; at the end the sustained setups/s (answered calls per
 * second from the journal, after {@code --warmup-s}, while dialing), peak and average live calls, dispositions and
 * detection verdicts per callee kind, both SIPps' successful/failed calls and retransmissions, the six step
 * latencies ({@code RunningCampaign.latency(Step)}), CPU (JVM per thread group, each SIPp, per call dialed), GC and
 * UDP drops. The campaign's files, the far end, the stacks, the monitor and the report are shared with
 * {@link ServeLoadRun} ({@link LoadCampaign}, {@link LoadFarEnd}, {@link DialerStacks}, {@link LoadMonitor},
 * {@link LoadReport}); this run drives the engine directly.
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * java -Xmx2g -jar benchmarks/target/benchmarks.jar campaign --leads 6000 --rate 100 --closers 400
 * java -Xmx2g -jar benchmarks/target/benchmarks.jar campaign --profile short --leads 20000 --rate 300
 * </pre>
 * Options: {@code --leads N} (default 2000), {@code --rate R} (dials/s, the trunk limit, default 100),
 * {@code --closers C} (default 400), {@code --mix Q,D,V,S} (percent of qualified, declines, voicemail, short;
 * default 40,30,30,0), {@code --profile short} (mix 0,0,0,100), {@code --warmup-s N} (seconds of answers not
 * counted in the rate, default 5), {@code --max-seconds N} (hard limit of the campaign, default 300),
 * {@code --stacks N} (default 4), {@code --sip-threads N}, {@code --capacity-bits N} (engine slots, default 12 =
 * 4,096 calls), {@code --rtp-port-start N} (default 20000; the range is 4 ports per slot),
 * {@code --qualified-hangup-ms N}, {@code --short-hangup-ms N}, {@code --closer-key-ms N} (default 1000), {@code --key-margin-ms N} (the callees' key after the greeting's end,
 * default 2500),
 * {@code --wrap-up-ms N} (default 500), {@code --agents N} (media agents, default the engine's),
 * {@code --far-end info|pcap} (default info), {@code --rtp-thread-tasks N} (SIPp's calls per rtp_stream thread,
 * default 64), {@code --work-dir DIR}, {@code --media anchored|release} (the campaign's {@code transfer.media},
 * default anchored; release needs the info far end, whose scenarios answer the re-INVITEs),
 * {@code --prepare-closer-legs true|false} (default true: each caller's closer leg made ready during qualification,
 * {@code EngineContext.prepareCloserLegs}). Needs {@code sipp} on
 * the PATH (3.6.1 or later, built with RTPSTREAM), and root for {@code --far-end pcap} (SIPp's
 * {@code play_pcap_audio}).
 * <p>
 * Ramp mode, {@code --ramp START:STEP:MAX} (dials/s): one campaign per rate, START, START + STEP, ... up to MAX, each
 * {@code --ramp-step-s N} seconds of dials (default 10; {@code --leads} becomes rate × N), in the same JVM, after a
 * warm-up campaign at START for {@code --ramp-warmup-s N} seconds of dials (default 10, 0 for none; not counted);
 * it stops
 * at the first rate with a failed call, a lead whose outcome does not match its kind, or a step latency p99 over its
 * budget ({@code --p99-budget-ms N} for the engine's own steps, default 50; {@code --p99-budget STEP=MS,...} for
 * any step, see {@link RampPlan}), and prints each rate's verdict and the highest rate that passed. Best with
 * {@code --profile short} (calls of a few seconds, so each rate ends soon after its dials):
 * <pre>
 * java -Xmx2g -jar benchmarks/target/benchmarks.jar campaign --profile short --ramp 100:100:600 --ramp-step-s 10
 * </pre>
 * A ramp exits with 0 when at least one rate passed.
 * Exit code 0 only when both SIPps count 0 failed calls and every lead got one call, with the disposition and the
 * detection verdict of its kind (HUMAN or NOTSURE for people, MACHINE for voicemail; a decline by its key 2).
 */
public final class CampaignLoadRun
{
    private static final String LOG_LEVEL_PROP_NAME = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String CHRONICLE_ANALYTICS_PROP_NAME = "chronicle.analytics.disable";
    private static final int RAMP_STEP_S_DEFAULT = 10;
    private static final int RAMP_WARMUP_S_DEFAULT = 10;

    private final LoadOptions options;

    private CampaignLoadRun(final LoadOptions options)
    {
        this.options = options;
    }

    /**
     * Runs the load.
     *
     * @param args options, see the class comment.
     * @throws Exception when SIPp, the stacks or the engine cannot be started.
     */
    public static void main(final String[] args) throws Exception
    {
        quietLogs();
        final String[] ramp = new String[5]; // --ramp, --ramp-step-s, --p99-budget-ms, --p99-budget, --ramp-warmup-s
        final LoadOptions options = LoadOptions.parse(args, (name, value) -> rampOption(ramp, name, value));
        if (null == ramp[0])
        {
            final boolean ok = new CampaignLoadRun(options).run().ok();
            System.exit(ok ? 0 : 1);
        }
        final RampPlan plan = RampPlan.parse(ramp[0]);
        if (null != ramp[2])
        {
            plan.budgetMs(Long.parseLong(ramp[2]));
        }
        if (null != ramp[3])
        {
            plan.budgets(ramp[3]);
        }
        final int stepS = null == ramp[1] ? RAMP_STEP_S_DEFAULT : Integer.parseInt(ramp[1]);
        final int warmupS = null == ramp[4] ? RAMP_WARMUP_S_DEFAULT : Integer.parseInt(ramp[4]);
        System.exit(ramp(options, plan, stepS, warmupS) > 0 ? 0 : 1);
    }

    private static boolean rampOption(final String[] ramp, final String name, final String value)
    {
        final int at = switch (name)
        {
            case "--ramp" -> 0;
            case "--ramp-step-s" -> 1;
            case "--p99-budget-ms" -> 2;
            case "--p99-budget" -> 3;
            case "--ramp-warmup-s" -> 4;
            default -> -1;
        };
        if (at >= 0)
        {
            ramp[at] = value;
        }
        return at >= 0;
    }

    /**
     * The ramp: one campaign per rate of the plan ({@code stepS} seconds of dials at that rate: {@code --leads} is
     * set to rate × seconds), in the same JVM (the JIT stays warm from one rate to the next), each with fresh SIPps,
     * stacks and journal; it stops at the first rate with a failed call, a lead whose outcome does not match its
     * kind, or a step p99 over its budget. A first campaign at the first rate for {@code warmupS} seconds of dials
     * warms the JVM up (a cold JIT and the first TTS renderings make the media threads fall behind in the first
     * seconds); its verdict is printed and not counted.
     *
     * @return the highest rate that passed, 0 when none did.
     */
    private static double ramp(final LoadOptions options, final RampPlan plan, final int stepS, final int warmupS)
        throws Exception
    {
        final Path base = options.workDir;
        final List<String> lines = new ArrayList<>();
        double best = 0;
        System.out.printf(Locale.ROOT, "CampaignLoadRun: %s, %d s of dials per rate, warm-up %d s%n", plan, stepS,
            warmupS);
        final List<Double> rates = new ArrayList<>(plan.rates());
        if (warmupS > 0)
        {
            rates.add(0, -rates.get(0)); // negative: the warm-up at the first rate
        }
        for (final double step : rates)
        {
            final boolean warmup = step < 0;
            final double rate = Math.abs(step);
            options.rate = rate;
            options.leads = (int)Math.ceil(rate * (warmup ? warmupS : stepS));
            options.workDir = null == base ? null :
                base.resolve(String.format(Locale.ROOT, warmup ? "warmup-%.0f" : "rate-%.0f", rate));
            final Outcome outcome = new CampaignLoadRun(options).run();
            final List<String> why = new ArrayList<>(plan.check(outcome.failedCalls(), outcome.p99Nanos()));
            if (!outcome.ok() && why.isEmpty())
            {
                why.add("the run failed (a lead's outcome does not match its kind, or it did not finish)");
            }
            final String line = String.format(Locale.ROOT, "ramp %6.0f dials/s, %5d leads: %s%s; p99 ms %s; load %s",
                rate, options.leads, warmup ? "warm-up, not counted: " : "",
                why.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", why), p99Text(outcome.p99Nanos()),
                CallCost.loadAverage());
            lines.add(line);
            System.out.println(line);
            if (warmup)
            {
                continue;
            }
            if (!why.isEmpty())
            {
                break;
            }
            best = rate;
        }
        System.out.printf(Locale.ROOT, "%n=== ramp ===%n");
        lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "highest rate with 0 failed calls and every p99 within budget: %s%n",
            best > 0 ? String.format(Locale.ROOT, "%.0f dials/s", best) : "none");
        return best;
    }

    private static String p99Text(final Map<Step, Long> p99Nanos)
    {
        final StringBuilder text = new StringBuilder();
        for (final Map.Entry<Step, Long> e : p99Nanos.entrySet())
        {
            text.append(text.length() > 0 ? ", " : "").append(e.getKey()).append(' ')
                .append(String.format(Locale.ROOT, "%.1f", e.getValue() / 1e6));
        }
        return text.toString();
    }

    /**
     * The load runs' logging: warnings only (the engine logs every admission hold), Chronicle's analytics off.
     */
    static void quietLogs()
    {
        if (null == System.getProperty(LOG_LEVEL_PROP_NAME))
        {
            System.setProperty(LOG_LEVEL_PROP_NAME, "warn");
        }
        if (null == System.getProperty(CHRONICLE_ANALYTICS_PROP_NAME))
        {
            System.setProperty(CHRONICLE_ANALYTICS_PROP_NAME, "true");
        }
    }

    private Outcome run() throws Exception
    {
        final Path work = null != options.workDir ? Files.createDirectories(options.workDir) :
            Files.createTempDirectory("campaign-load-");
        System.out.printf(Locale.ROOT, "CampaignLoadRun: %s%nwork dir %s%n", options, work);
        try (LoadFarEnd farEnd = new LoadFarEnd(options, LoadFarEnd.Closers.KEY, work))
        {
            final LoadCampaign load = LoadCampaign.write(work.resolve("campaign"), options, farEnd.closersPort());
            if (null == load)
            {
                return new Outcome(false, 0, Map.of());
            }
            final TextToSpeech tts = new TextToSpeech();
            try (PromptBook prompts = PromptBook.of(tts, load.campaign()))
            {
                final int greetingMs = prompts.script(load.campaign().script().greeting()).durationMs();
                farEnd.start(tts, greetingMs, options.leads, load.qualified());
                return runEngine(load, prompts, work, farEnd);
            }
        }
    }

    private Outcome runEngine(
        final LoadCampaign load, final PromptBook prompts, final Path work, final LoadFarEnd farEnd) throws Exception
    {
        try (DialerStacks stacks = new DialerStacks(options);
            DoNotCallList dnc = new DoNotCallList(work.resolve("opt-outs.txt")))
        {
            final CampaignFile campaign = load.campaign();
            final Path journalDir = work.resolve("journal");
            final EngineContext config = CampaignSetup.engine(
                campaign, dnc, new CampaignClock(SystemEpochClock.INSTANCE, LoadCampaign.mondayTen()), false)
                .capacityBits(options.capacityBits)
                .wrapUpMs(options.wrapUpMs)
                .prepareCloserLegs(options.prepareCloserLegs)
                .stacks(stacks.stacks())
                .journalDir(journalDir)
                .campaign(CampaignSetup.campaign(campaign, load.leads(), dnc)
                    .trunkHost("127.0.0.1:" + farEnd.carrierPort())
                    .pacer(new ProgressivePacer(10, 1_000_000))
                    .maxDialsPerSecond(options.rate)
                    .transfer(new TransferConfiguration.Context()
                        .wrapUpMs(options.wrapUpMs).introduction(false).ringTimeoutMs(10_000).maxAttempts(8))
                    .mediaRelease(options.mediaRelease())
                    .prompts(prompts)
                    .journalDir(journalDir));
            final LoadMonitor monitor = new LoadMonitor(options, farEnd.sipps());
            final DialerEngine engine = DialerEngine.start(config);
            final boolean finished;
            try
            {
                finished = monitor.watch(engine.campaigns().get(0).stats(), engine::isFinished, null);
                if (!finished)
                {
                    System.out.println("max-seconds reached: draining");
                    engine.campaigns().get(0).drain();
                    engine.awaitFinished(30, TimeUnit.SECONDS);
                }
            }
            finally
            {
                engine.close();
            }
            final int carrierExit = farEnd.carrier().awaitExit(Duration.ofSeconds(20));
            final int closersExit = farEnd.closers().awaitExit(Duration.ofSeconds(20));
            final boolean ok = LoadReport.print(options, engine.campaigns().get(0), journalDir, load, monitor,
                finished, carrierExit, closersExit, farEnd.sipps());
            System.out.printf(Locale.ROOT, "media after the bridge (%s): released %d, anchored %d of %d bridged%n",
                options.media, engine.campaigns().get(0).stats().mediaReleased(),
                engine.campaigns().get(0).stats().mediaAnchored(), engine.campaigns().get(0).stats().bridged());
            System.out.println(ok ? "PASS: 0 failed calls, every disposition and verdict matches its kind" : "FAIL");
            final Map<Step, Long> p99 = new EnumMap<>(Step.class);
            for (final Step step : Step.values())
            {
                final Histogram h = engine.campaigns().get(0).latency(step);
                if (h.getTotalCount() > 0)
                {
                    p99.put(step, h.getValueAtPercentile(99));
                }
            }
            long failed = 0;
            for (final SippProcess sipp : farEnd.sipps())
            {
                failed += parseCount(sipp.stats().get("FailedCall(C)"));
            }
            return new Outcome(ok, failed, p99);
        }
    }

    private static long parseCount(final String value)
    {
        try
        {
            return null == value ? 0 : Long.parseLong(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            return 0;
        }
    }

    /**
     * One campaign's result, for the ramp.
     *
     * @param ok          it passed (see the class comment).
     * @param failedCalls both SIPps' failed calls.
     * @param p99Nanos    each step's p99 (steps with samples only), nanos.
     */
    private record Outcome(boolean ok, long failedCalls, Map<Step, Long> p99Nanos)
    {
    }
}
