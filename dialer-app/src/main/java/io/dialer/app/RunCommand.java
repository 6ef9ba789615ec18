/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.campaign.CampaignLoader;
import io.dialer.core.campaign.CampaignResult;
import io.dialer.core.compliance.DncLoadReport;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.compliance.NationalDncList;
import io.dialer.core.engine.CampaignClock;
import io.dialer.core.engine.CampaignSetup;
import io.dialer.core.engine.EngineContext;
import io.dialer.core.engine.PromptBook;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.core.lead.RegionNormaliser;
import io.dialer.core.report.CampaignReport;
import io.dialer.media.TextToSpeech;
import io.dialer.qualification.ValidationError;
import io.dialer.sip.SipStack;
import org.agrona.concurrent.SystemEpochClock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dialer run --campaign FILE}: the engine against a real trunk and real closer phones, to completion.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a campaign against its trunk and closers until every lead has a final disposition or no attempt",
        "left. Restarting with the same --journal resumes it (after a crash too). Writes <journal>/report.json.",
        "Exit code 0 when finished, 1 when stopped before, 2 on invalid input."
    })
public final class RunCommand implements Callable<Integer>
{
    private static final int MAX_PROBLEMS_SHOWN = 20;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--campaign", required = true, paramLabel = "FILE", description = "The campaign YAML file.")
    private Path campaignFile;

    @Option(names = "--journal", paramLabel = "DIR",
        description = "The journal directory (default: journal-<campaign name> beside the campaign file).")
    private Path journalDir;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Local SIP and RTP address, the one the trunk " +
        "reaches this machine at (default: the local address of the route to the trunk).")
    private String bind;

    @Option(names = "--port", paramLabel = "PORT", description = "Local SIP port (default: ${DEFAULT-VALUE}).")
    private int port = 5060;

    @Option(names = "--max-hours", paramLabel = "H",
        description = "Stop dialing after this many hours; 0 for no limit (default: ${DEFAULT-VALUE}).")
    private double maxHours;

    /**
     * Runs the campaign.
     *
     * @return the exit code.
     * @throws Exception when the SIP stack cannot start.
     */
    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final CampaignResult result = CampaignLoader.load(campaignFile);
        if (!result.isValid())
        {
            for (final ValidationError error : result.errors())
            {
                err.println(error);
            }
            err.flush();
            return 2;
        }
        final CampaignFile campaign = result.campaign();
        if (null == campaign.leadsFile())
        {
            err.println(campaignFile + ": the campaign names no lead list (leads:)");
            err.flush();
            return 2;
        }
        final LeadList leads = new LeadListReader(campaign.defaultRegion()).read(campaign.leadsFile());
        out.println(campaign.leadsFile() + ": " + leads.summary());
        final java.util.List<io.dialer.core.lead.LeadProblem> problems = leads.report().problems();
        for (int i = 0; i < Math.min(problems.size(), MAX_PROBLEMS_SHOWN); i++)
        {
            out.println(problems.get(i).format(campaign.leadsFile().toString()));
        }
        if (problems.size() > MAX_PROBLEMS_SHOWN)
        {
            out.println("... " + (problems.size() - MAX_PROBLEMS_SHOWN) + " more: dialer validate " +
                campaign.leadsFile() + " lists them all");
        }
        if (leads.report().hasFileError() || 0 == leads.size())
        {
            err.println(campaign.leadsFile() + ": no lead to dial");
            err.flush();
            return 2;
        }
        final Path journal = null != journalDir ? journalDir :
            campaignFile.toAbsolutePath().resolveSibling("journal-" + campaign.name());
        Files.createDirectories(journal);

        final String password = null == campaign.passwordEnv() ? campaign.password() :
            System.getenv(campaign.passwordEnv());
        final String proxy = campaign.outboundProxy();
        final InetAddress bindAddress;
        try
        {
            bindAddress = BindAddress.choose(bind, proxy, campaign.trunkUri());
        }
        catch (final IllegalArgumentException ex)
        {
            err.println("cannot choose the SIP address: " + ex.getMessage());
            err.flush();
            return 2;
        }
        if (null == bind)
        {
            out.println(
                "SIP and RTP on " + bindAddress.getHostAddress() + " (the route to the trunk; --bind to change)");
        }
        final SipStack.Context context = new SipStack.Context()
            .bindAddress(bindAddress).port(port).userAgent("dialer")
            .outboundProxy(null == proxy || proxy.startsWith("sip:") ? proxy : "sip:" + proxy);
        if (null != campaign.username() && null != password)
        {
            context.trunkCredentials(campaign.username(), password, null);
        }

        try (DoNotCallList dnc = new DoNotCallList(journal.resolve("opt-outs.txt"),
            new RegionNormaliser(campaign.defaultRegion()), DoNotCallList.INITIAL_CAPACITY_DEFAULT))
        {
            if (!loadDoNotCall(campaign, dnc, out, err))
            {
                return 2;
            }
            final SipStack started;
            try
            {
                started = SipStack.launch(context);
            }
            catch (final IllegalStateException ex)
            {
                err.println("cannot start SIP on " + bindAddress.getHostAddress() + ":" + port + ": " +
                    ex.getMessage() + " (--bind and --port choose another address or port)");
                err.flush();
                return 2;
            }
            try (SipStack stack = started;
                PromptBook prompts = PromptBook.of(new TextToSpeech(), campaign))
            {
                final EngineContext config = CampaignSetup.engine(campaign, dnc,
                    new CampaignClock(SystemEpochClock.INSTANCE, SystemEpochClock.INSTANCE.time()), false)
                    .stacks(stack).journalDir(journal)
                    .campaign(CampaignSetup.campaign(campaign, leads, dnc).prompts(prompts).journalDir(journal));
                final CampaignReport report = CampaignRunner.run(config, journal.resolve("report.json"),
                    (long)(maxHours * 3_600_000L), out, err);
                return null == report ? 1 : 0;
            }
        }
    }

    /**
     * Loads the campaign's do-not-call files into the list, read like its lead list (libphonenumber in the campaign's
     * region), printing every bad line as {@code file:line: reason} and a summary per file.
     *
     * @return false when a file could not be read to its end (numbers on it might be dialed) or the national registry's
     * copy is older than 31 days or undated: the run is refused, and {@code err} says why (file, date, age).
     */
    static boolean loadDoNotCall(
        final CampaignFile campaign, final DoNotCallList dnc, final PrintWriter out, final PrintWriter err)
    {
        boolean complete = true;
        for (final Path file : campaign.dncFiles())
        {
            final DncLoadReport report = dnc.load(file);
            for (final String line : report.errors())
            {
                out.println(line);
            }
            if (report.errorCount() > report.errors().size())
            {
                out.println("... " + (report.errorCount() - report.errors().size()) + " more: dialer validate " +
                    "--dnc " + file + " lists them all");
            }
            out.println(report);
            complete &= readWhole(file, report, err);
        }
        final Path nationalFile = campaign.nationalDncFile();
        if (null != nationalFile)
        {
            final DncLoadReport report = NationalDncList.newReport(nationalFile);
            final NationalDncList national =
                NationalDncList.load(nationalFile, campaign.nationalDncDownloaded(), report);
            for (final String line : report.errors())
            {
                out.println(line);
            }
            out.println(report);
            out.println(national);
            complete &= readWhole(nationalFile, report, err);
            final String stale = national.staleness(LocalDate.now(ZoneOffset.UTC));
            if (null != stale)
            {
                err.println("campaign not started: " + stale);
                complete = false;
            }
            dnc.national(national);
        }
        out.flush();
        err.flush();
        return complete;
    }

    private static boolean readWhole(final Path file, final DncLoadReport report, final PrintWriter err)
    {
        if (null == report.fileError())
        {
            return true;
        }
        err.println((report.fileErrorLine() > 0 ? file + ":" + report.fileErrorLine() : file.toString()) +
            ": " + report.fileError() + "; the do-not-call list must be read whole before dialing");
        return false;
    }
}
