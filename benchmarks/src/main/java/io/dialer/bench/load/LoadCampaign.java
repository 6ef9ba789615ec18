/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.campaign.CampaignLoader;
import io.dialer.core.campaign.CampaignResult;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;

/**
 * The campaign of the campaign load runs, written into a directory and loaded: {@code load/load-campaign.yaml} and
 * its script {@code load/load-script.yaml} (from the jar), a generated {@code leads.csv} (+1 214/469/972 2xx xxxK,
 * K the callee's kind, kinds spread over the list by {@code --mix}) and {@code closers.yaml}
 * ({@code sip:closer-i@127.0.0.1:port}, skill {@code load-closers}). Each lead's kind says what its callee does
 * (see {@link LoadFarEnd}) and so which disposition it must end with.
 */
final class LoadCampaign
{
    static final String CAMPAIGN_FILE = "load-campaign.yaml";
    static final String SCRIPT_FILE = "load-script.yaml";
    static final String LEADS_FILE = "leads.csv";
    static final String CLOSERS_FILE = "closers.yaml";
    static final String SKILL = "load-closers";
    static final String[] KIND_NAMES = {"", "qualified", "declines", "voicemail", "short"};
    static final Disposition[] EXPECTED = {
        null, Disposition.TRANSFERRED, Disposition.DISQUALIFIED, Disposition.MESSAGE_LEFT, Disposition.HUNG_UP};

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final String[] AREA_CODES = {"214", "469", "972"};
    private static final int LEADS_PER_AREA_CODE = 100_000;

    private final Path dir;
    private final CampaignFile campaign;
    private final LeadList leads;
    private final int[] kindCounts;

    private LoadCampaign(final Path dir, final CampaignFile campaign, final LeadList leads, final int[] kindCounts)
    {
        this.dir = dir;
        this.campaign = campaign;
        this.leads = leads;
        this.kindCounts = kindCounts;
    }

    /**
     * Writes the campaign's files and loads them with the campaign loader and the lead list reader.
     *
     * @param dir         where.
     * @param options     leads, mix and closers.
     * @param closersPort the closers' SIPp port.
     * @return the campaign, or null when it does not load (the reason printed).
     * @throws IOException when a file cannot be written.
     */
    static LoadCampaign write(final Path dir, final LoadOptions options, final int closersPort) throws IOException
    {
        Files.createDirectories(dir);
        Files.write(dir.resolve(CAMPAIGN_FILE), resource("/load/" + CAMPAIGN_FILE));
        Files.write(dir.resolve(SCRIPT_FILE), resource("/load/" + SCRIPT_FILE));
        final int[] kindCounts = writeLeads(dir.resolve(LEADS_FILE), options);
        writeClosers(dir.resolve(CLOSERS_FILE), options.closers, closersPort);
        final CampaignResult loaded = CampaignLoader.load(dir.resolve(CAMPAIGN_FILE));
        if (!loaded.isValid())
        {
            System.out.println("campaign invalid: " + loaded.errors());
            return null;
        }
        final CampaignFile campaign = loaded.campaign();
        final LeadList leads = new LeadListReader(campaign.defaultRegion()).read(dir.resolve(LEADS_FILE));
        if (leads.size() != options.leads || leads.report().badRows() > 0)
        {
            System.out.println("lead list: " + leads.summary());
            return null;
        }
        return new LoadCampaign(dir, campaign, leads, kindCounts);
    }

    Path dir()
    {
        return dir;
    }

    CampaignFile campaign()
    {
        return campaign;
    }

    LeadList leads()
    {
        return leads;
    }

    /**
     * @return leads per kind (index 1 to 4, see {@link #KIND_NAMES}).
     */
    int[] kindCounts()
    {
        return kindCounts;
    }

    /**
     * @return the qualified leads: the calls the closers' SIPp answers.
     */
    int qualified()
    {
        return kindCounts[1];
    }

    String kinds()
    {
        final StringBuilder sb = new StringBuilder();
        for (int kind = 1; kind < KIND_NAMES.length; kind++)
        {
            sb.append(kind > 1 ? ", " : "").append(KIND_NAMES[kind]).append(' ').append(kindCounts[kind]);
        }
        return sb.toString();
    }

    /**
     * The campaigns' clock: the next Monday 10:00 in Chicago, where the leads are (inside every calling window).
     *
     * @return epoch ms.
     */
    static long mondayTen()
    {
        final LocalDate monday = LocalDate.now(CHICAGO).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return monday.atTime(10, 0).atZone(CHICAGO).toInstant().toEpochMilli();
    }

    /**
     * A resource of the benchmarks jar.
     *
     * @param name its path, like {@code /sipp/uas_campaign_carrier.xml}.
     * @return its bytes.
     * @throws IOException when it is missing.
     */
    static byte[] resource(final String name) throws IOException
    {
        try (InputStream in = LoadCampaign.class.getResourceAsStream(name))
        {
            if (null == in)
            {
                throw new IOException(name + " missing from the benchmarks jar");
            }
            return in.readAllBytes();
        }
    }

    /**
     * The kind of lead {@code i}: its number's last digit, spread over the list by the mix.
     */
    private static int kindOf(final int i, final int[] mix)
    {
        final int slot = (int)((i * 37L) % 100);
        int cumulative = 0;
        for (int kind = 1; kind <= 4; kind++)
        {
            cumulative += mix[kind - 1];
            if (slot < cumulative)
            {
                return kind;
            }
        }
        return 4;
    }

    private static int[] writeLeads(final Path file, final LoadOptions options) throws IOException
    {
        if (options.leads > AREA_CODES.length * LEADS_PER_AREA_CODE)
        {
            throw new IllegalArgumentException("at most " + AREA_CODES.length * LEADS_PER_AREA_CODE + " leads");
        }
        final int[] counts = new int[KIND_NAMES.length];
        final StringBuilder csv = new StringBuilder(options.leads * 48).append("phone,first_name,city,state\n");
        for (int i = 0; i < options.leads; i++)
        {
            final int kind = kindOf(i, options.mix);
            counts[kind]++;
            final int within = i % LEADS_PER_AREA_CODE;
            csv.append(String.format(Locale.ROOT, "+1%s%03d%03d%d,Lead%d,Dallas,TX%n",
                AREA_CODES[i / LEADS_PER_AREA_CODE], 200 + within / 1_000, within % 1_000, kind, i));
        }
        Files.writeString(file, csv);
        return counts;
    }

    private static void writeClosers(final Path file, final int closers, final int port) throws IOException
    {
        final StringBuilder yaml = new StringBuilder("closers:\n");
        for (int i = 1; i <= closers; i++)
        {
            yaml.append("  - id: ").append(closerId(i)).append('\n')
                .append("    name: Closer ").append(i).append('\n')
                .append("    uri: ").append(closerUri(i, port)).append('\n')
                .append("    skills: [").append(SKILL).append("]\n");
        }
        Files.writeString(file, yaml);
    }

    /**
     * @param i a closer's number, from 1.
     * @return its id.
     */
    static String closerId(final int i)
    {
        return "closer-" + i;
    }

    /**
     * @param i    a closer's number, from 1.
     * @param port the closers' SIPp port.
     * @return where it is dialed.
     */
    static String closerUri(final int i, final int port)
    {
        return "sip:closer-" + i + "@127.0.0.1:" + port;
    }
}
