/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.campaign.CampaignLoader;
import io.dialer.core.campaign.CampaignResult;
import io.dialer.core.campaign.ClosersFile;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.sim.demo.DemoPopulation;
import io.dialer.core.campaign.Closer;
import io.dialer.core.engine.CampaignClock;
import io.dialer.core.engine.RunningCampaign;
import io.dialer.core.report.CampaignReport;
import io.dialer.server.DialerServer;
import io.dialer.server.Json;
import io.dialer.server.auth.Secrets;
import io.dialer.server.floor.CampaignStore;
import io.dialer.server.floor.CloserStore;
import io.dialer.server.floor.Floor;
import io.dialer.media.MediaEngine;
import io.dialer.media.TextToSpeech;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sip.SipStack;
import org.agrona.concurrent.SystemEpochClock;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dialer demo}: the sample campaign from {@code examples/} run end to end on loopback against an embedded
 * simulated carrier and closers: real SIP and RTP, real detection, the real script and warm transfer.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the sample campaign (examples/demo-campaign.yaml) on loopback against an embedded simulated carrier:",
        "people who qualify and are warm-transferred to closers, people who do not, opt-outs, voicemail with beeps,",
        "busy, no answer, hang-ups; closers who accept, reject or do not answer. Shows progress, prints the report",
        "and checks every disposition against the simulated population. Exit code 0 when all match, 1 otherwise."
    })
public final class DemoCommand implements Callable<Integer>
{
    private static final List<String> EXAMPLES = List.of(
        "demo-campaign.yaml", "auto-insurance.yaml", "closers.yaml", "leads-sample.csv");
    private static final ZoneId DEMO_ZONE = ZoneId.of("America/Chicago");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--leads", paramLabel = "N", description = "Leads to call (default: ${DEFAULT-VALUE}).")
    private int leads = 24;

    @Option(names = "--closers", paramLabel = "N", description = "Closers, 1 to 8 (default: ${DEFAULT-VALUE}).")
    private int closers = 4;

    @Option(names = "--seed", paramLabel = "S", description = "Population seed (default: ${DEFAULT-VALUE}).")
    private long seed = 7;

    @Option(names = "--dir", paramLabel = "DIR",
        description = "Working directory for the lead list, journal and report (default: a new temporary one).")
    private Path dir;

    @Option(names = "--ring-timeout-s", paramLabel = "S",
        description = "Ring timeout of lead calls, at least 15 (default: the campaign's).")
    private int ringTimeoutS;

    @Option(names = "--console-port", paramLabel = "PORT",
        description = "The console's port on 127.0.0.1 (default: any free one, printed).")
    private int consolePort;

    @Option(names = "--keep-serving",
        description = "Keep the console up after the campaign ends, until Ctrl-C.")
    private boolean keepServing;

    @Option(names = "--pacing", paramLabel = "MODE",
        description = "progressive (the campaign's, the default) or predictive (docs/pacing.md; predicting after " +
            "5 answers, the demo being short).")
    private String pacing = "progressive";

    @Option(names = "--timeout-minutes", paramLabel = "M",
        description = "Stop dialing after this long (default: ${DEFAULT-VALUE}).")
    private int timeoutMinutes = 30;

    /**
     * Runs the demo.
     *
     * @return 0 when every disposition matches the population, 1 otherwise, 2 on invalid options.
     * @throws Exception when the stacks cannot start.
     */
    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (ringTimeoutS != 0 && ringTimeoutS < 15)
        {
            err.println("demo: --ring-timeout-s must be at least 15 (the ring floor)");
            err.flush();
            return 2;
        }
        if (!"progressive".equals(pacing) && !"predictive".equals(pacing))
        {
            err.println("demo: --pacing must be progressive or predictive, found '" + pacing + "'");
            err.flush();
            return 2;
        }
        final Path work = null != dir ? Files.createDirectories(dir) : Files.createTempDirectory("dialer-demo-");
        final CampaignFile campaign = loadCampaign(work.resolve("campaign"), err);
        if (null == campaign)
        {
            return 2;
        }

        final InetAddress loopback = InetAddress.getLoopbackAddress();
        final TextToSpeech tts = new TextToSpeech();
        out.println("demo: campaign " + campaign.name() + " (" + campaign.scriptFile().getFileName() + "), " +
            "working directory " + work);
        out.flush();
        try (SimulatedCarrier carrier = SimulatedCarrier.launch(new SipStack.Context()
                .bindAddress(loopback).port(0).threadPoolSize(4).userAgent("sim-carrier")
                .allowedPeer(loopback.getHostAddress()).mediaContext(new MediaEngine.Context().bindAddress(loopback)));
            SipStack dialer = SipStack.launch(new SipStack.Context()
                .bindAddress(loopback).port(0).threadPoolSize(4).userAgent("dialer")
                .outboundProxy(carrier.proxyUri()).mediaContext(new MediaEngine.Context().bindAddress(loopback))))
        {
            final DemoPopulation population = DemoPopulation.create(seed, leads, closers)
                .install(carrier, work, tts);
            out.println(population.describe());
            final long startMs = demoStart();
            out.println("demo clock: " + ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(startMs), DEMO_ZONE) +
                " (the calling window applies to it; idle time before retries is skipped, calls run in real time)");
            out.flush();
            return runOnTheFloor(campaign, population, work, dialer, carrier, tts, startMs, out) ? 0 : 1;
        }
    }

    /**
     * The demo campaign as {@code dialer serve} runs one: on a floor with a console a person can watch (printed
     * with a sign-in), made and started through the floor's campaigns, its closers logged in.
     */
    private boolean runOnTheFloor(
        final CampaignFile campaign, final DemoPopulation population, final Path work, final SipStack dialer,
        final SimulatedCarrier carrier, final TextToSpeech tts, final long startMs, final PrintWriter out)
        throws Exception
    {
        final Path data = work.resolve("server");
        final String password = Secrets.next().substring(0, 16); // random, printed: no default password
        final DialerServer.Context serverContext = new DialerServer.Context().dataDir(data).port(consolePort);
        DialerServer.initAdmin(serverContext, "demo", password);
        final CloserStore closerStore = new CloserStore(data);
        for (final Closer closer : ClosersFile.load(population.closersYaml()).closers())
        {
            closerStore.put(closer);
        }
        final CampaignClock clock = new CampaignClock(SystemEpochClock.INSTANCE, startMs);
        try (Floor floor = Floor.open(new Floor.Context().dataDir(data).stacks(dialer).tts(tts).clock(clock, true)
            .wrapUpMs(1_000).zone(DEMO_ZONE).region(campaign.defaultRegion())))
        {
            floor.routes().forEach(serverContext::addRoutes);
            try (DialerServer server = new DialerServer(serverContext).start())
            {
                floor.metrics(server.registry());
                out.println("demo: console " + server.url() + " (sign in as demo, password " + password + ")");
                out.flush();
                for (final Closer closer : closerStore.list())
                {
                    floor.engine().control().closerLogin(closer.id()).get(10, TimeUnit.SECONDS);
                }
                final CampaignStore.Campaign made = floor.campaigns().create(campaign.name(), "demo",
                    population.leadsCsv(), "demo", campaign.scriptFile(), settings(campaign, carrier), "demo",
                    java.time.Instant.now().toString());
                floor.start(made.id());
                final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                RunningCampaign running = floor.handle(made.id());
                while (null == running && System.nanoTime() < deadline &&
                    CampaignStore.State.FAILED != floor.campaigns().find(made.id()).state())
                {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // its prompts are being rendered
                    running = floor.handle(made.id());
                }
                if (null == running)
                {
                    out.println("demo: the campaign did not start: " + floor.campaigns().find(made.id()).reason());
                    out.flush();
                    return false;
                }
                final boolean finished = CampaignRunner.watch(running, clock::time, timeoutMinutes * 60_000L, out,
                    spec.commandLine().getErr());
                final CampaignReport report = CampaignRunner.finish(finished, running.journalDir(),
                    work.resolve("report.json"), out);
                final boolean ok = check(population, report, floor.doNotCall(), out);
                if (keepServing)
                {
                    out.println("demo: the console stays up at " + server.url() + " until Ctrl-C");
                    out.flush();
                    new java.util.concurrent.CountDownLatch(1).await();
                }
                return ok;
            }
        }
    }

    /**
     * The demo campaign's settings as {@code dialer serve} takes them: the campaign file's keys but those that are
     * the server's (closers, their login, the do-not-call list) and the files; the trunk is the simulated carrier;
     * the closers' ring timeout and attempts suit simulated closers.
     */
    private ObjectNode settings(final CampaignFile campaign, final SimulatedCarrier carrier) throws IOException
    {
        final Path file = campaign.scriptFile().toAbsolutePath().getParent().resolve("demo-campaign.yaml");
        final Object yaml = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        final ObjectNode settings = Json.mapper().valueToTree(yaml);
        for (final String key : List.of("name", "script", "leads", "closers", "closers_login", "dnc"))
        {
            settings.remove(key);
        }
        final ObjectNode trunk = (ObjectNode)settings.get("trunk");
        trunk.put("uri", "sip:carrier@" + carrier.stack().localAddress().getHostString() + ":" +
            carrier.stack().port());
        trunk.remove("outbound_proxy");
        final ObjectNode transfer = settings.has("transfer") ? (ObjectNode)settings.get("transfer") :
            settings.putObject("transfer");
        transfer.put("closer_ring_timeout", "10s").put("max_closer_attempts", 8).put("introduction", false)
            .put("wrap_up", "1s");
        if (ringTimeoutS > 0)
        {
            settings.put("ring_timeout", ringTimeoutS + "s");
        }
        if ("predictive".equals(pacing))
        {
            settings.putObject("pacing").put("mode", "predictive").put("max_lines_per_closer", 3)
                .put("min_calls_before_predicting", 5);
        }
        return settings;
    }

    private static boolean check(
        final DemoPopulation population, final CampaignReport report, final DoNotCallList dnc, final PrintWriter out)
    {
        if (null == report)
        {
            out.println("demo: the campaign did not finish in time");
            out.flush();
            return false;
        }
        final Map<String, Integer> expected = population.expectedCallsByDisposition();
        boolean ok = true;
        for (final Disposition disposition : Disposition.values())
        {
            final long want = expected.getOrDefault(disposition.name(), 0);
            final long got = report.dispositions().getOrDefault(disposition, 0L);
            if (want != got)
            {
                out.printf("demo: %s expected %d, got %d%n", disposition, want, got);
                ok = false;
            }
        }
        for (final DemoPopulation.Lead lead : population.leads())
        {
            if (lead.kind() == DemoPopulation.Kind.OPTS_OUT && !dnc.contains(lead.e164()))
            {
                out.println("demo: " + lead.e164() + " opted out but is not on the do-not-call list");
                ok = false;
            }
        }
        out.println(ok ? "demo: every disposition matches the simulated population" :
            "demo: dispositions differ from the simulated population");
        out.flush();
        return ok;
    }

    private static long demoStart()
    {
        final LocalDate monday = LocalDate.now(DEMO_ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return monday.atTime(9, 0).atZone(DEMO_ZONE).toInstant().toEpochMilli();
    }

    private static CampaignFile loadCampaign(final Path into, final PrintWriter err) throws IOException
    {
        Files.createDirectories(into);
        for (final String name : EXAMPLES)
        {
            try (InputStream in = DemoCommand.class.getResourceAsStream("/examples/" + name))
            {
                if (null == in)
                {
                    err.println("demo: example file " + name + " missing from the jar");
                    err.flush();
                    return null;
                }
                Files.copy(in, into.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        final CampaignResult result = CampaignLoader.load(into.resolve("demo-campaign.yaml"));
        if (!result.isValid())
        {
            result.errors().forEach(err::println);
            err.flush();
            return null;
        }
        return result.campaign();
    }
}
