/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.campaign.CampaignLoader;
import io.dialer.core.campaign.CampaignResult;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.compliance.ProgressivePacer;
import io.dialer.core.engine.CampaignClock;
import io.dialer.core.engine.CampaignSetup;
import io.dialer.core.engine.DialerEngine;
import io.dialer.core.engine.EngineContext;
import io.dialer.core.engine.EngineStats;
import io.dialer.core.engine.PromptBook;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.Journal;
import io.dialer.core.journal.Step;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.core.report.CampaignReport;
import io.dialer.core.report.ReportBuilder;
import io.dialer.detection.Cause;
import io.dialer.detection.DetectorConfig;
import io.dialer.detection.Verdict;
import io.dialer.media.MediaEngine;
import io.dialer.media.TextToSpeech;
import io.dialer.sim.Tones;
import io.dialer.sip.SipStack;
import io.dialer.sip.Transport;
import io.dialer.sip.sipp.SippMedia;
import io.dialer.transfer.TransferConfiguration;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.SystemEpochClock;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

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
 * latencies ({@link DialerEngine#latency(Step)}), CPU (JVM per thread group, each SIPp), GC and UDP drops.
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
 * default 64), {@code --work-dir DIR}. Needs {@code sipp} on the PATH (3.6.1 or later, built with RTPSTREAM), and
 * root for {@code --far-end pcap} (SIPp's {@code play_pcap_audio}).
 * Exit code 0 only when both SIPps count 0 failed calls and every lead got one call, with the disposition and the
 * detection verdict of its kind (HUMAN or NOTSURE for people, MACHINE for voicemail; a decline by its key 2).
 */
public final class CampaignLoadRun
{
    private static final String LOG_LEVEL_PROP_NAME = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String CHRONICLE_ANALYTICS_PROP_NAME = "chronicle.analytics.disable";
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final String[] AREA_CODES = {"214", "469", "972"};
    private static final int LEADS_PER_AREA_CODE = 100_000;
    private static final int KEY_MS = 200;
    private static final int CARRIER_STREAM_PORT = 40_000;
    private static final int CLOSERS_STREAM_PORT = 56_000;
    private static final String[] KIND_NAMES = {"", "qualified", "declines", "voicemail", "short"};
    private static final Disposition[] EXPECTED = {
        null, Disposition.TRANSFERRED, Disposition.DISQUALIFIED, Disposition.MESSAGE_LEFT, Disposition.HUNG_UP};
    private static final String GREETING = "Hi, you have reached the voice mail of Alex Morgan. " +
        "I can not take your call right now. Please leave your name and number after the tone.";

    private final Options options;
    private final List<SippProcess> sipps = new ArrayList<>();

    private CampaignLoadRun(final Options options)
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
        if (null == System.getProperty(LOG_LEVEL_PROP_NAME))
        {
            System.setProperty(LOG_LEVEL_PROP_NAME, "warn");
        }
        if (null == System.getProperty(CHRONICLE_ANALYTICS_PROP_NAME))
        {
            System.setProperty(CHRONICLE_ANALYTICS_PROP_NAME, "true");
        }
        final Options options = Options.parse(args);
        final boolean ok = new CampaignLoadRun(options).run();
        System.exit(ok ? 0 : 1);
    }

    private boolean run() throws Exception
    {
        final Path work = null != options.workDir ? Files.createDirectories(options.workDir) :
            Files.createTempDirectory("campaign-load-");
        final Path campaignDir = Files.createDirectories(work.resolve("campaign"));
        final Path carrierDir = Files.createDirectories(work.resolve("sipp-carrier"));
        final Path closersDir = Files.createDirectories(work.resolve("sipp-closers"));
        final int carrierPort = SippProcess.freeUdpPort();
        final int closersPort = SippProcess.freeUdpPort();
        System.out.printf(Locale.ROOT, "CampaignLoadRun: %s%nwork dir %s%n", options, work);

        copyResource("/load/load-campaign.yaml", campaignDir.resolve("load-campaign.yaml"));
        copyResource("/load/load-script.yaml", campaignDir.resolve("load-script.yaml"));
        final int[] kindCounts = writeLeads(campaignDir.resolve("leads.csv"));
        writeClosers(campaignDir.resolve("closers.yaml"), closersPort);
        final CampaignResult loaded = CampaignLoader.load(campaignDir.resolve("load-campaign.yaml"));
        if (!loaded.isValid())
        {
            System.out.println("campaign invalid: " + loaded.errors());
            return false;
        }
        final CampaignFile campaign = loaded.campaign();
        final LeadList leads = new LeadListReader(campaign.defaultRegion()).read(campaignDir.resolve("leads.csv"));
        if (leads.size() != options.leads || leads.report().badRows() > 0)
        {
            System.out.println("lead list: " + leads.summary());
            return false;
        }

        final TextToSpeech tts = new TextToSpeech();
        try (PromptBook prompts = PromptBook.of(tts, campaign))
        {
            final int greetingMs = prompts.script(campaign.script().greeting()).durationMs();
            final Timing timing = writeMedia(tts, carrierDir, closersDir, greetingMs);
            System.out.println(timing);
            final long qualifiedCalls = kindCounts[1];
            final long carrierCalls = options.leads;
            final String suffix = options.pcap() ? "" : "_info";
            final Path carrierScenario = writeScenario("uas_campaign_carrier" + suffix + ".xml", work, timing);
            final Path closersScenario = writeScenario("uas_campaign_closers" + suffix + ".xml", work, timing);
            final int sippTimeoutS = options.maxSeconds + 60;
            // rtp_stream sends from -mp (3.6.1: one socket for all calls; later SIPps hand out ports upwards from it):
            // above the dialer's RTP range, and apart
            final int carrierMediaPort = options.pcap() ? 0 : CARRIER_STREAM_PORT;
            final int closersMediaPort = options.pcap() ? 0 : CLOSERS_STREAM_PORT;
            try (SippProcess carrier = SippProcess.startUas(carrierScenario, carrierDir, carrierPort,
                carrierMediaPort, carrierCalls, sippTimeoutS, sippExtra(carrierCalls));
                SippProcess closers = SippProcess.startUas(closersScenario, closersDir, closersPort,
                    closersMediaPort, Math.max(1, qualifiedCalls), sippTimeoutS, sippExtra(qualifiedCalls)))
            {
                sipps.add(carrier);
                sipps.add(closers);
                carrier.awaitListening(Duration.ofSeconds(10));
                closers.awaitListening(Duration.ofSeconds(10));
                return runEngine(campaign, leads, prompts, work, carrierPort, kindCounts);
            }
        }
    }

    private boolean runEngine(
        final CampaignFile campaign, final LeadList leads, final PromptBook prompts, final Path work,
        final int carrierPort, final int[] kindCounts) throws Exception
    {
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        final int slots = 1 << options.capacityBits;
        final MediaEngine.Context mediaContext = new MediaEngine.Context()
            .bindAddress(loopback)
            .portRange(options.rtpPortStart, Math.min(65_534, options.rtpPortStart + 4 * slots))
            .rtpTimeoutMs(0);
        if (options.agents > 0)
        {
            mediaContext.agentCount(options.agents);
        }
        final SippProcess carrier = sipps.get(0);
        final SippProcess closers = sipps.get(1);
        try (MediaEngine media = new MediaEngine(mediaContext);
            DoNotCallList dnc = new DoNotCallList(work.resolve("opt-outs.txt")))
        {
            final List<SipStack> stacks = new ArrayList<>();
            try
            {
                for (int i = 0; i < options.stacks; i++)
                {
                    final SipStack.Context context = new SipStack.Context()
                        .bindAddress(loopback)
                        .port(0)
                        .transports(Transport.UDP)
                        .allowedPeer("127.0.0.1")
                        .userAgent("dialer-load")
                        .mediaEngine(media);
                    if (options.sipThreads > 0)
                    {
                        context.threadPoolSize(options.sipThreads);
                    }
                    stacks.add(SipStack.launch(context));
                }
                final Path journalDir = work.resolve("journal");
                final EngineContext config = CampaignSetup.engine(
                    campaign, dnc, new CampaignClock(SystemEpochClock.INSTANCE, mondayTen()), false)
                    .capacityBits(options.capacityBits)
                    .wrapUpMs(options.wrapUpMs)
                    .stacks(stacks.toArray(new SipStack[0]))
                    .journalDir(journalDir)
                    .campaign(CampaignSetup.campaign(campaign, leads, dnc)
                        .trunkHost("127.0.0.1:" + carrierPort)
                        .pacer(new ProgressivePacer(10, 1_000_000))
                        .maxDialsPerSecond(options.rate)
                        .transfer(new TransferConfiguration.Context()
                            .wrapUpMs(options.wrapUpMs).introduction(false).ringTimeoutMs(10_000).maxAttempts(8))
                        .prompts(prompts)
                        .journalDir(journalDir));
                final Monitor monitor = new Monitor();
                final DialerEngine engine = DialerEngine.start(config);
                final boolean finished;
                try
                {
                    finished = monitor.watch(engine, carrier, closers);
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
                final int carrierExit = carrier.awaitExit(Duration.ofSeconds(20));
                final int closersExit = closers.awaitExit(Duration.ofSeconds(20));
                return report(engine, journalDir, leads, kindCounts, monitor, finished, carrierExit, closersExit);
            }
            finally
            {
                for (final SipStack stack : stacks)
                {
                    stack.close();
                }
            }
        }
    }

    private List<String> sippExtra(final long calls)
    {
        final List<String> extra = new ArrayList<>(List.of(
            "-buff_size", Integer.toString(4 << 20),
            "-max_recv_loops", "10000",
            "-max_sched_loops", "10000",
            "-l", Long.toString(Math.max(1, calls)),
            "-max_socket", "65000"));
        if (!options.pcap())
        {
            // rtp_stream: calls per playback thread, and small socket buffers (SIPp never reads the dialer's RTP)
            extra.addAll(List.of("-rtp_threadtasks", Integer.toString(options.rtpThreadTasks),
                "-rtp_buffsize", Integer.toString(16 << 10)));
        }
        return extra;
    }

    /**
     * Once a second: the engine's counters and both SIPps'; the measured window's snapshots.
     */
    private final class Monitor
    {
        private LoadSnapshot start;
        private LoadSnapshot before;
        private LoadSnapshot after;
        private long beforeNs;
        private long afterNs;
        private long peakLive;
        private long liveSum;
        private long liveSamples;
        private long allLiveSum;
        private long allLiveSamples;
        private long startNs;

        boolean watch(final DialerEngine engine, final SippProcess carrier, final SippProcess closers)
        {
            final EngineStats stats = engine.campaigns().get(0).stats();
            start = LoadSnapshot.take(sipps);
            startNs = System.nanoTime();
            final long deadlineNs = startNs + TimeUnit.SECONDS.toNanos(options.maxSeconds);
            final long warmupNs = startNs + TimeUnit.SECONDS.toNanos(options.warmupS);
            long nextReportNs = startNs + TimeUnit.SECONDS.toNanos(1);
            long nextSampleNs = startNs;
            long lastDialed = 0;
            while (!engine.isFinished())
            {
                final long now = System.nanoTime();
                if (now > deadlineNs)
                {
                    return false;
                }
                if (now >= nextSampleNs)
                {
                    final long live = stats.live();
                    peakLive = Math.max(peakLive, live);
                    allLiveSum += live;
                    allLiveSamples++;
                    if (null != before && null == after)
                    {
                        liveSum += live;
                        liveSamples++;
                    }
                    nextSampleNs += TimeUnit.MILLISECONDS.toNanos(100);
                }
                if (null == before && now >= warmupNs)
                {
                    before = LoadSnapshot.take(sipps);
                    beforeNs = now;
                }
                if (null != before && null == after && stats.dialed() >= options.leads)
                {
                    after = LoadSnapshot.take(sipps);
                    afterNs = now;
                }
                if (now >= nextReportNs)
                {
                    final long dialed = stats.dialed();
                    final Map<String, String> c = carrier.stats();
                    final Map<String, String> k = closers.stats();
                    System.out.printf(Locale.ROOT,
                        "t=%3ds dialed=%d (+%d/s) live=%d qualified=%d bridged=%d waiting=%d done=%d | " +
                        "carrier in=%s cur=%s ok=%s failed=%s retrans=%s | closers in=%s cur=%s ok=%s failed=%s | " +
                        "heap=%dM%n",
                        TimeUnit.NANOSECONDS.toSeconds(now - startNs), dialed, dialed - lastDialed, stats.live(),
                        stats.qualified(), stats.bridged(), stats.waiting(), stats.leadsDone(),
                        c.get("IncomingCall(C)"), c.get("CurrentCall"), c.get("SuccessfulCall(C)"),
                        c.get("FailedCall(C)"), c.get("Retransmissions(C)"),
                        k.get("IncomingCall(C)"), k.get("CurrentCall"), k.get("SuccessfulCall(C)"),
                        k.get("FailedCall(C)"),
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
                    lastDialed = dialed;
                    nextReportNs += TimeUnit.SECONDS.toNanos(1);
                }
                LockSupport.parkNanos(Math.max(1, Math.min(nextSampleNs, nextReportNs) - System.nanoTime()));
            }
            return true;
        }

        /**
         * Ends the measured window if dialing never ended in it; a window under a second (all dialed during the
         * warm-up) becomes the whole run.
         */
        void closeWindow()
        {
            if (null == before || null == after || afterNs - beforeNs < TimeUnit.SECONDS.toNanos(1))
            {
                System.out.println("measured window: the whole run (dialing did not outlast the warm-up)");
                before = start;
                beforeNs = startNs;
                after = LoadSnapshot.take(sipps);
                afterNs = System.nanoTime();
                liveSum = allLiveSum;
                liveSamples = allLiveSamples;
            }
        }
    }

    private boolean report(
        final DialerEngine engine, final Path journalDir, final LeadList leads, final int[] kindCounts,
        final Monitor monitor, final boolean finished, final int carrierExit, final int closersExit)
    {
        monitor.closeWindow();
        final ReportBuilder builder = new ReportBuilder();
        Journal.replay(journalDir, builder);
        final CampaignReport report = builder.report();
        final LeadCheck check = new LeadCheck(leads);
        Journal.replay(journalDir, check);

        System.out.printf(Locale.ROOT, "%n=== result ===%n%s%n", options);
        System.out.printf(Locale.ROOT, "leads %d by kind: %s; campaign %s%n", options.leads, kinds(kindCounts),
            finished ? "finished" : "NOT FINISHED (max-seconds)");
        final double[] rate = check.sustainedRate(TimeUnit.SECONDS.toMillis(options.warmupS));
        System.out.printf(Locale.ROOT,
            "sustained setups/s (answered, journal, after %d s warm-up until the last dial): %.1f over %.1f s " +
            "(%d answers); first answer to last answer %.1f s%n",
            options.warmupS, rate[0], rate[1], (long)rate[2], rate[3]);
        final double windowS = (monitor.afterNs - monitor.beforeNs) / 1e9;
        System.out.printf(Locale.ROOT, "live calls (EngineStats.live, 100 ms samples): peak %d, average %.0f over " +
            "the %.1f s measured window%n", monitor.peakLive,
            monitor.liveSamples > 0 ? (double)monitor.liveSum / monitor.liveSamples : 0, windowS);
        System.out.printf(Locale.ROOT, "calls %d, answered %d, qualified %d, dispositions %s%n",
            report.calls(), report.answered(), report.qualified(), report.dispositions());
        System.out.printf(Locale.ROOT, "verdicts %s (%d of %d answered), causes %s%n", report.verdicts(),
            report.verdicts().values().stream().mapToLong(Long::longValue).sum(), report.answered(), report.causes());
        System.out.printf(Locale.ROOT, "closer attempts %s, transfers %s%n", report.closerAttempts(),
            report.transfers());
        final boolean leadsOk = check.print();

        final Map<String, String> c = sipps.get(0).stats();
        final Map<String, String> k = sipps.get(1).stats();
        System.out.printf(Locale.ROOT, "SIPp carrier: exit %d, calls %s, successful %s, failed %s, " +
            "retransmissions %s, unexpected %s%n", carrierExit, c.get("IncomingCall(C)"), c.get("SuccessfulCall(C)"),
            c.get("FailedCall(C)"), c.get("Retransmissions(C)"), c.get("FailedUnexpectedMessage(C)"));
        System.out.printf(Locale.ROOT, "SIPp closers: exit %d, calls %s, successful %s, failed %s, " +
            "retransmissions %s, unexpected %s%n", closersExit, k.get("IncomingCall(C)"), k.get("SuccessfulCall(C)"),
            k.get("FailedCall(C)"), k.get("Retransmissions(C)"), k.get("FailedUnexpectedMessage(C)"));

        System.out.printf(Locale.ROOT, "step latencies, ms (controller, HdrHistogram):%n");
        for (final Step step : Step.values())
        {
            final Histogram h = engine.campaigns().get(0).latency(step);
            System.out.printf(Locale.ROOT, "  %-30s p50 %8.2f  p90 %8.2f  p99 %8.2f  p99.9 %8.2f  max %8.2f  n=%d%n",
                step, ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), h.getTotalCount());
        }

        final LoadSnapshot before = monitor.before;
        final LoadSnapshot after = monitor.after;
        final long wallNs = Math.max(1, monitor.afterNs - monitor.beforeNs);
        System.out.printf(Locale.ROOT, "CPU over the measured window (%.1f s, 2 cores = 200%%): JVM %.0f%%, " +
            "SIPp carrier %.0f%%, SIPp closers %.0f%%%n", wallNs / 1e9,
            percent(after.jvmCpuNs() - before.jvmCpuNs(), wallNs),
            percent(after.sippCpuNs(0) - before.sippCpuNs(0), wallNs),
            percent(after.sippCpuNs(1) - before.sippCpuNs(1), wallNs));
        System.out.printf(Locale.ROOT, "GC: %d collections, %d ms%n",
            after.gcCount() - before.gcCount(), after.gcMillis() - before.gcMillis());
        System.out.printf(Locale.ROOT, "UDP datagrams dropped on full receive buffers (whole host): %d; per local " +
            "port: %s (carrier SIP %d RTP %s, closers SIP %d RTP %s)%n",
            after.udpReceiveBufferErrors() - before.udpReceiveBufferErrors(), after.socketDropsMinus(before),
            sipps.get(0).port(), mediaPort(sipps.get(0)), sipps.get(1).port(), mediaPort(sipps.get(1)));
        System.out.printf(Locale.ROOT, "JVM CPU by thread group:%n");
        after.threadGroupsMinus(before).entrySet().stream()
            .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
            .limit(16)
            .forEach((e) -> System.out.printf(
                Locale.ROOT, "  %-40s %5.0f%%%n", e.getKey(), percent(e.getValue(), wallNs)));

        // with no qualified lead the closers' SIPp never reaches its call count and is stopped: judged on its counts
        final boolean sippOk = 0 == carrierExit && (0 == closersExit || 0 == kindCounts[1]) &&
            "0".equals(c.get("FailedCall(C)")) && "0".equals(k.get("FailedCall(C)"));
        final boolean ok = finished && sippOk && leadsOk;
        System.out.println(ok ? "PASS: 0 failed calls, every disposition and verdict matches its kind" : "FAIL");
        return ok;
    }

    private static String mediaPort(final SippProcess sipp)
    {
        final int at = sipp.command().indexOf("-mp");
        return at < 0 ? "?" : sipp.command().get(at + 1);
    }

    private static String kinds(final int[] counts)
    {
        final StringBuilder sb = new StringBuilder();
        for (int kind = 1; kind < KIND_NAMES.length; kind++)
        {
            sb.append(kind > 1 ? ", " : "").append(KIND_NAMES[kind]).append(' ').append(counts[kind]);
        }
        return sb.toString();
    }

    private static double ms(final long nanos)
    {
        return nanos / 1e6;
    }

    private static double percent(final long cpuNs, final long wallNs)
    {
        return wallNs > 0 ? 100.0 * cpuNs / wallNs : 0;
    }

    private static long mondayTen()
    {
        final LocalDate monday = LocalDate.now(CHICAGO).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return monday.atTime(10, 0).atZone(CHICAGO).toInstant().toEpochMilli();
    }

    private static void copyResource(final String name, final Path to) throws IOException
    {
        Files.write(to, resource(name));
    }

    private static byte[] resource(final String name) throws IOException
    {
        try (InputStream in = CampaignLoadRun.class.getResourceAsStream(name))
        {
            if (null == in)
            {
                throw new IOException(name + " missing from the benchmarks jar");
            }
            return in.readAllBytes();
        }
    }

    private Path writeScenario(final String name, final Path work, final Timing timing) throws IOException
    {
        final String xml = new String(resource("/sipp/" + name), StandardCharsets.ISO_8859_1)
            .replace("{{QUALIFIED_HANGUP_MS}}", Integer.toString(options.qualifiedHangupMs))
            .replace("{{SHORT_HANGUP_MS}}", Integer.toString(timing.shortHangupMs))
            .replace("{{KEY_AT_MS}}", Integer.toString(timing.keyAtMs))
            .replace("{{QUALIFIED_AFTER_KEY_MS}}",
                Integer.toString(Math.max(1_000, options.qualifiedHangupMs - timing.keyAtMs)))
            .replace("{{CLOSER_KEY_MS}}", Integer.toString(options.closerKeyMs))
            .replace("{{DIALER_BYE_TIMEOUT_MS}}", "60000");
        final Path file = Files.createDirectories(work.resolve("scenarios")).resolve(name);
        Files.write(file, xml.getBytes(StandardCharsets.ISO_8859_1));
        return file;
    }

    /**
     * The kind of lead {@code i}: its number's last digit, spread over the list by the mix.
     */
    private int kindOf(final int i)
    {
        final int slot = (int)((i * 37L) % 100);
        int cumulative = 0;
        for (int kind = 1; kind <= 4; kind++)
        {
            cumulative += options.mix[kind - 1];
            if (slot < cumulative)
            {
                return kind;
            }
        }
        return 4;
    }

    private int[] writeLeads(final Path file) throws IOException
    {
        if (options.leads > AREA_CODES.length * LEADS_PER_AREA_CODE)
        {
            throw new IllegalArgumentException("at most " + AREA_CODES.length * LEADS_PER_AREA_CODE + " leads");
        }
        final int[] counts = new int[KIND_NAMES.length];
        final StringBuilder csv = new StringBuilder(options.leads * 48).append("phone,first_name,city,state\n");
        for (int i = 0; i < options.leads; i++)
        {
            final int kind = kindOf(i);
            counts[kind]++;
            final int within = i % LEADS_PER_AREA_CODE;
            csv.append(String.format(Locale.ROOT, "+1%s%03d%03d%d,Lead%d,Dallas,TX%n",
                AREA_CODES[i / LEADS_PER_AREA_CODE], 200 + within / 1_000, within % 1_000, kind, i));
        }
        Files.writeString(file, csv);
        return counts;
    }

    private void writeClosers(final Path file, final int port) throws IOException
    {
        final StringBuilder yaml = new StringBuilder("closers:\n");
        for (int i = 1; i <= options.closers; i++)
        {
            yaml.append("  - id: closer-").append(i).append('\n')
                .append("    name: Closer ").append(i).append('\n')
                .append("    uri: sip:closer-").append(i).append("@127.0.0.1:").append(port).append('\n')
                .append("    skills: [load-closers]\n");
        }
        Files.writeString(file, yaml);
    }

    /**
     * When the callees press their keys and hang up, ms after the answer.
     */
    private record Timing(int helloMs, int keyAtMs, int shortHangupMs, int voicemailMs)
    {
        @Override
        public String toString()
        {
            return String.format(Locale.ROOT, "callee timing after answer: hello %d ms, key at %d ms, short hang-up " +
                "%d ms, voicemail greeting+beep %d ms", helloMs, keyAtMs, shortHangupMs, voicemailMs);
        }
    }

    private Timing writeMedia(final TextToSpeech tts, final Path carrierDir, final Path closersDir,
        final int greetingMs) throws Exception
    {
        final short[] hello = Tones.concat(Tones.noise(300, 30, 3), tts.render("Hello?").samples());
        final int helloMs = hello.length / 8;
        // the verdict comes at most the detector's statement silence after "Hello?", then the greeting plays; the key
        // lands --key-margin-ms after its end, while the question plays or waits (keys during the greeting are
        // ignored by the script, so the margin absorbs a late verdict or a late greeting)
        final int keyAtMs = helloMs + DetectorConfig.STATEMENT_SILENCE_MS_DEFAULT + greetingMs + options.keyMarginMs;
        final int afterKeyMs = Math.max(1_000, options.qualifiedHangupMs - keyAtMs);
        final int shortHangupMs = options.shortHangupMs > 0 ? options.shortHangupMs :
            helloMs + DetectorConfig.STATEMENT_SILENCE_MS_DEFAULT + 600;
        final short[] voicemail = Tones.concat(tts.render(GREETING).samples(), Tones.noise(600, 30, 1),
            Tones.sine(1_000, 500, 12_000), Tones.noise(3_000, 30, 2));
        final Timing timing = new Timing(helloMs, keyAtMs, shortHangupMs, voicemail.length / 8);
        if (!options.pcap())
        {
            // rtp_stream: raw 8 kHz mu-law (SIPp sends the file's bytes 160 to a packet), the keys go as SIP INFO
            Files.write(carrierDir.resolve("qualified.ulaw"), SippMedia.toUlaw(Tones.concat(hello,
                Tones.noise(keyAtMs - helloMs, 30, 6), Tones.noise(afterKeyMs, 30, 7))));
            Files.write(carrierDir.resolve("declines.ulaw"), SippMedia.toUlaw(Tones.concat(hello,
                Tones.noise(keyAtMs - helloMs, 30, 8), Tones.noise(5_000, 30, 9))));
            Files.write(carrierDir.resolve("voicemail.ulaw"), SippMedia.toUlaw(voicemail));
            Files.write(carrierDir.resolve("short.ulaw"), SippMedia.toUlaw(Tones.concat(hello,
                Tones.noise(Math.max(100, shortHangupMs - helloMs), 30, 10))));
            Files.write(closersDir.resolve("closer.ulaw"), SippMedia.toUlaw(Tones.concat(
                Tones.noise(options.closerKeyMs, 30, 11),
                Tones.noise(Math.max(2_000, options.qualifiedHangupMs - keyAtMs), 30, 12))));
            return timing;
        }
        SippMedia.writeAudioAndKeysPcap(carrierDir.resolve("qualified.pcap"),
            Tones.concat(hello, Tones.noise(keyAtMs - helloMs, 30, 6)), "1", KEY_MS, 100,
            Tones.noise(afterKeyMs, 30, 7));
        SippMedia.writeAudioAndKeysPcap(carrierDir.resolve("declines.pcap"),
            Tones.concat(hello, Tones.noise(keyAtMs - helloMs, 30, 8)), "2", KEY_MS, 100, Tones.noise(5_000, 30, 9));
        SippMedia.writeAudioAndKeysPcap(carrierDir.resolve("voicemail.pcap"), voicemail, "", KEY_MS, 0,
            new short[0]);
        SippMedia.writeAudioAndKeysPcap(carrierDir.resolve("short.pcap"),
            Tones.concat(hello, Tones.noise(Math.max(100, shortHangupMs - helloMs), 30, 10)), "", KEY_MS, 0,
            new short[0]);
        SippMedia.writeAudioAndKeysPcap(closersDir.resolve("closer.pcap"),
            Tones.noise(options.closerKeyMs, 30, 11), "1", KEY_MS, 100,
            Tones.noise(Math.max(2_000, options.qualifiedHangupMs - keyAtMs), 30, 12));
        return timing;
    }

    /**
     * Every lead's disposition and verdict from the journal, checked against its kind; answer times for the rate.
     */
    private final class LeadCheck implements CampaignLog
    {
        private final LeadList leads;
        private final Disposition[] dispositions;
        private final Verdict[] verdicts;
        private final int[] calls;
        private final String[] details;
        private final String[] answersGiven;
        private long[] answerMs = new long[1024];
        private int answers;
        private long lastDialMs;

        LeadCheck(final LeadList leads)
        {
            this.leads = leads;
            dispositions = new Disposition[leads.size()];
            verdicts = new Verdict[leads.size()];
            calls = new int[leads.size()];
            details = new String[leads.size()];
            answersGiven = new String[leads.size()];
        }

        int kind(final int lead)
        {
            final String e164 = leads.e164(lead);
            return e164.charAt(e164.length() - 1) - '0';
        }

        /**
         * @return {rate, seconds, answers counted, first to last answer seconds}.
         */
        double[] sustainedRate(final long warmupMs)
        {
            if (0 == answers)
            {
                return new double[4];
            }
            final long[] sorted = Arrays.copyOf(answerMs, answers);
            Arrays.sort(sorted);
            final long from = sorted[0] + warmupMs;
            final long to = Math.min(sorted[answers - 1], lastDialMs);
            long counted = 0;
            for (final long t : sorted)
            {
                if (t >= from && t <= to)
                {
                    counted++;
                }
            }
            final double seconds = (to - from) / 1e3;
            return new double[]{seconds > 0 ? counted / seconds : 0, seconds, counted,
                (sorted[answers - 1] - sorted[0]) / 1e3};
        }

        boolean print()
        {
            final Map<String, Long> table = new TreeMap<>();
            long mismatched = 0;
            final List<String> examples = new ArrayList<>();
            for (int lead = 0; lead < dispositions.length; lead++)
            {
                final int kind = kind(lead);
                final String name = kind >= 1 && kind < KIND_NAMES.length ? KIND_NAMES[kind] : "?" + kind;
                final String detail = null == details[lead] ? "" : details[lead].replaceAll("[0-9]+", "#");
                table.merge(name + " -> " + dispositions[lead] + " (" +
                    detail.substring(0, Math.min(32, detail.length())) + ") / verdict " + verdicts[lead],
                    1L, Long::sum);
                final boolean verdictOk = 3 == kind ? Verdict.MACHINE == verdicts[lead] :
                    Verdict.HUMAN == verdicts[lead] || Verdict.NOTSURE == verdicts[lead];
                // a decline must come from the key 2, not from the script giving up ("no valid answer")
                final boolean reasonOk = 2 != kind || detail.startsWith("declined");
                if (kind < 1 || kind >= KIND_NAMES.length || EXPECTED[kind] != dispositions[lead] || 1 != calls[lead] ||
                    !verdictOk || !reasonOk)
                {
                    mismatched++;
                    if (examples.size() < 8)
                    {
                        examples.add(leads.e164(lead) + " " + name + " -> " + dispositions[lead] + " (" +
                            details[lead] + "), answer " + answersGiven[lead] + ", verdict " + verdicts[lead]);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "per kind: disposition / verdict -> leads%n");
            table.forEach((key, value) -> System.out.printf(Locale.ROOT, "  %-80s %d%n", key, value));
            System.out.printf(
                Locale.ROOT, "leads whose disposition or verdict does not match their kind: %d%n", mismatched);
            examples.forEach((line) -> System.out.println("  e.g. " + line));
            return 0 == mismatched;
        }

        @Override
        public void dialed(
            final long timeMs, final int lead, final long callId, final int attempt, final CharSequence e164,
            final CharSequence why)
        {
            lastDialMs = Math.max(lastDialMs, timeMs);
        }

        @Override
        public void answered(final long timeMs, final int lead, final long callId)
        {
            if (answers == answerMs.length)
            {
                answerMs = Arrays.copyOf(answerMs, answers * 2);
            }
            answerMs[answers++] = timeMs;
        }

        @Override
        public void verdict(
            final long timeMs, final int lead, final long callId, final Verdict verdict, final Cause cause,
            final int positionMs)
        {
            verdicts[lead] = verdict;
        }

        @Override
        public void answer(
            final long timeMs, final int lead, final long callId, final CharSequence question,
            final CharSequence value)
        {
            answersGiven[lead] = question + "=" + value;
        }

        @Override
        public void disposition(
            final long timeMs, final int lead, final long callId, final int attempt, final Disposition disposition,
            final long nextAttemptMs, final CharSequence detail)
        {
            if (lead >= 0)
            {
                dispositions[lead] = disposition;
                details[lead] = detail.toString();
                calls[lead]++;
            }
        }

    }

    /**
     * Command-line options.
     */
    private static final class Options
    {
        private int leads = 2_000;
        private double rate = 100;
        private int closers = 400;
        private int[] mix = {40, 30, 30, 0};
        private int warmupS = 5;
        private int maxSeconds = 300;
        private int stacks = 4;
        private int sipThreads;
        private int capacityBits = 12;
        private int rtpPortStart = 20_000;
        private int qualifiedHangupMs = 13_000;
        private int shortHangupMs;
        private int closerKeyMs = 1_000;
        private int keyMarginMs = 2_500;
        private long wrapUpMs = 500;
        private int agents;
        private String farEnd = "info";
        private int rtpThreadTasks = 64;
        private Path workDir;

        boolean pcap()
        {
            return "pcap".equals(farEnd);
        }

        static Options parse(final String[] args)
        {
            final Options o = new Options();
            for (int i = 0; i < args.length; i++)
            {
                final String name = args[i];
                if (i + 1 >= args.length)
                {
                    throw new IllegalArgumentException("missing value for " + name);
                }
                final String value = args[++i];
                switch (name)
                {
                    case "--leads" -> o.leads = Integer.parseInt(value);
                    case "--rate" -> o.rate = Double.parseDouble(value);
                    case "--closers" -> o.closers = Integer.parseInt(value);
                    case "--mix" -> o.mix = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                    case "--profile" -> o.mix = profile(value);
                    case "--warmup-s" -> o.warmupS = Integer.parseInt(value);
                    case "--max-seconds" -> o.maxSeconds = Integer.parseInt(value);
                    case "--stacks" -> o.stacks = Integer.parseInt(value);
                    case "--sip-threads" -> o.sipThreads = Integer.parseInt(value);
                    case "--capacity-bits" -> o.capacityBits = Integer.parseInt(value);
                    case "--rtp-port-start" -> o.rtpPortStart = Integer.parseInt(value);
                    case "--qualified-hangup-ms" -> o.qualifiedHangupMs = Integer.parseInt(value);
                    case "--short-hangup-ms" -> o.shortHangupMs = Integer.parseInt(value);
                    case "--closer-key-ms" -> o.closerKeyMs = Integer.parseInt(value);
                    case "--key-margin-ms" -> o.keyMarginMs = Integer.parseInt(value);
                    case "--wrap-up-ms" -> o.wrapUpMs = Long.parseLong(value);
                    case "--agents" -> o.agents = Integer.parseInt(value);
                    case "--far-end" -> o.farEnd = farEnd(value);
                    case "--rtp-thread-tasks" -> o.rtpThreadTasks = Integer.parseInt(value);
                    case "--work-dir" -> o.workDir = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (4 != o.mix.length || 100 != Arrays.stream(o.mix).sum())
            {
                throw new IllegalArgumentException("--mix needs four percentages adding up to 100");
            }
            return o;
        }

        private static String farEnd(final String name)
        {
            if ("info".equals(name) || "pcap".equals(name))
            {
                return name;
            }
            throw new IllegalArgumentException("unknown far end " + name + " (info, pcap)");
        }

        private static int[] profile(final String name)
        {
            if ("short".equals(name))
            {
                return new int[]{0, 0, 0, 100};
            }
            if ("campaign".equals(name))
            {
                return new int[]{40, 30, 30, 0};
            }
            throw new IllegalArgumentException("unknown profile " + name + " (short, campaign)");
        }

        @Override
        public String toString()
        {
            return String.format(Locale.ROOT,
                "leads=%d rate=%.0f closers=%d mix(q,d,v,s)=%s warmupS=%d maxSeconds=%d stacks=%d sipThreads=%s " +
                "capacityBits=%d qualifiedHangupMs=%d closerKeyMs=%d keyMarginMs=%d wrapUpMs=%d agents=%s farEnd=%s",
                leads, rate, closers, Arrays.toString(mix), warmupS, maxSeconds, stacks,
                sipThreads > 0 ? Integer.toString(sipThreads) : "default", capacityBits, qualifiedHangupMs,
                closerKeyMs, keyMarginMs, wrapUpMs, agents > 0 ? Integer.toString(agents) : "default", farEnd);
        }
    }
}
