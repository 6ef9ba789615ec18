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

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.campaign.CampaignLoader;
import io.dialer.core.campaign.CampaignResult;
import io.dialer.core.campaign.ClosersFile;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.sim.demo.DemoPopulation;
import io.dialer.core.engine.CampaignClock;
import io.dialer.core.engine.CampaignContext;
import io.dialer.core.engine.CampaignSetup;
import io.dialer.core.engine.EngineContext;
import io.dialer.core.engine.PromptBook;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.core.report.CampaignReport;
import io.dialer.media.MediaEngine;
import io.dialer.media.TextToSpeech;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sip.SipStack;
import io.dialer.transfer.TransferConfiguration;
import org.agrona.concurrent.SystemEpochClock;
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
                .outboundProxy(carrier.proxyUri()).mediaContext(new MediaEngine.Context().bindAddress(loopback)));
            DoNotCallList dnc = new DoNotCallList(work.resolve("opt-outs.txt"));
            PromptBook prompts = PromptBook.of(tts, campaign))
        {
            final DemoPopulation population = DemoPopulation.create(seed, leads, closers)
                .install(carrier, work, tts);
            out.println(population.describe());
            final LeadList list = new LeadListReader(campaign.defaultRegion()).read(population.leadsCsv());
            final ClosersFile closersFile = ClosersFile.load(population.closersYaml());
            final long startMs = demoStart();
            out.println("demo clock: " + ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(startMs), DEMO_ZONE) +
                " (the calling window applies to it; idle time before retries is skipped, calls run in real time)");
            out.flush();

            final CampaignContext run = CampaignSetup.campaign(campaign, list, dnc)
                .trunkHost(loopback.getHostAddress() + ":" + carrier.stack().port())
                .transfer(new TransferConfiguration.Context()
                    .wrapUpMs(1_000).introduction(false).ringTimeoutMs(10_000).maxAttempts(8))
                .prompts(prompts)
                .journalDir(work.resolve("journal"));
            if (ringTimeoutS > 0)
            {
                run.ringTimeoutMs(ringTimeoutS * 1_000L);
            }
            final EngineContext config = CampaignSetup.engine(campaign, dnc,
                    new CampaignClock(SystemEpochClock.INSTANCE, startMs), true)
                .closers(closersFile.closers())
                .wrapUpMs(1_000)
                .stacks(dialer)
                .journalDir(work.resolve("journal"))
                .campaign(run);
            final CampaignReport report = CampaignRunner.run(config, work.resolve("report.json"),
                timeoutMinutes * 60_000L, out, spec.commandLine().getErr());
            return check(population, report, dnc, out) ? 0 : 1;
        }
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
