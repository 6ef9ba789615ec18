/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.compliance.ProgressivePacer;
import io.dialer.core.engine.CampaignClock;
import io.dialer.core.engine.CampaignSetup;
import io.dialer.core.engine.DialerEngine;
import io.dialer.core.engine.EngineContext;
import io.dialer.core.engine.PromptBook;
import io.dialer.media.MediaEngine;
import io.dialer.media.TextToSpeech;
import io.dialer.sip.SipStack;
import io.dialer.transfer.TransferConfiguration;
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
 * default 64), {@code --work-dir DIR}. Needs {@code sipp} on the PATH (3.6.1 or later, built with RTPSTREAM), and
 * root for {@code --far-end pcap} (SIPp's {@code play_pcap_audio}).
 * Exit code 0 only when both SIPps count 0 failed calls and every lead got one call, with the disposition and the
 * detection verdict of its kind (HUMAN or NOTSURE for people, MACHINE for voicemail; a decline by its key 2).
 */
public final class CampaignLoadRun
{
    private static final String LOG_LEVEL_PROP_NAME = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String CHRONICLE_ANALYTICS_PROP_NAME = "chronicle.analytics.disable";

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
        final LoadOptions options = LoadOptions.parse(args, (name, value) -> false);
        final boolean ok = new CampaignLoadRun(options).run();
        System.exit(ok ? 0 : 1);
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

    private boolean run() throws Exception
    {
        final Path work = null != options.workDir ? Files.createDirectories(options.workDir) :
            Files.createTempDirectory("campaign-load-");
        System.out.printf(Locale.ROOT, "CampaignLoadRun: %s%nwork dir %s%n", options, work);
        try (LoadFarEnd farEnd = new LoadFarEnd(options, LoadFarEnd.Closers.KEY, work))
        {
            final LoadCampaign load = LoadCampaign.write(work.resolve("campaign"), options, farEnd.closersPort());
            if (null == load)
            {
                return false;
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

    private boolean runEngine(
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
                .stacks(stacks.stacks())
                .journalDir(journalDir)
                .campaign(CampaignSetup.campaign(campaign, load.leads(), dnc)
                    .trunkHost("127.0.0.1:" + farEnd.carrierPort())
                    .pacer(new ProgressivePacer(10, 1_000_000))
                    .maxDialsPerSecond(options.rate)
                    .transfer(new TransferConfiguration.Context()
                        .wrapUpMs(options.wrapUpMs).introduction(false).ringTimeoutMs(10_000).maxAttempts(8))
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
            System.out.println(ok ? "PASS: 0 failed calls, every disposition and verdict matches its kind" : "FAIL");
            return ok;
        }
    }
}
