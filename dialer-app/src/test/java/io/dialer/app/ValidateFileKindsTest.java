/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidateFileKindsTest
{
    private final StringWriter out = new StringWriter();

    @Test
    void shouldValidateTheExampleCampaignClosersAndLeads()
    {
        final Path examples = ValidateCommandTest.examples();
        final Path campaign = examples.resolve("demo-campaign.yaml");
        final Path closers = examples.resolve("closers.yaml");
        final Path leads = examples.resolve("leads-sample.csv");

        final int exitCode = run("validate", campaign.toString(), closers.toString(), leads.toString());

        assertEquals(0, exitCode, out.toString());
        assertEquals(campaign + ": OK\n" + closers + ": OK\n" +
            leads + ": 20 leads, 0 bad rows, 0 duplicates merged\n", out.toString());
    }

    @Test
    void shouldValidateAStateRulesFileWithLineAndColumn(@TempDir final Path dir) throws IOException
    {
        final Path good = dir.resolve("rules.yaml");
        final Path bad = dir.resolve("bad-rules.yaml");
        Files.writeString(good, "states:\n  FL: { start: '08:00', end: '20:00', max_calls_per_24h: 3 }\n");
        Files.writeString(bad, "states:\n  FL: { end: '8pm' }\n");

        final int exitCode = run("validate", good.toString(), bad.toString());

        assertEquals(1, exitCode);
        assertEquals(good + ": OK\n" + bad + ":2:14: states FL end must be a time of day from \"00:00\" to " +
            "\"23:59\" (24 hours, quoted), found '8pm'\n", out.toString());
    }

    @Test
    void shouldPrintBadRowsDuplicatesAndASummaryForALeadList()
    {
        final Path leads = ValidateCommandTest.examples().resolve("leads-with-errors.csv");

        final int exitCode = run("validate", leads.toString());

        assertEquals(1, exitCode);
        assertEquals(
            leads + ":3: phone '512-555-01' is not a valid number for region US\n" +
            leads + ":4: phone is empty\n" +
            leads + ":5: 6 columns, header has 7\n" +
            leads + ":6: duplicate of row 2 (+12145550123), merged\n" +
            leads + ":8: phone 'call me maybe' is not a valid number for region US\n" +
            leads + ": 3 leads, 4 bad rows, 1 duplicates merged\n", out.toString());
    }

    @Test
    void shouldPassALeadListWithOnlyDuplicatesAndWarnings(@TempDir final Path dir) throws IOException
    {
        final Path leads = dir.resolve("leads.csv");
        Files.writeString(leads, "phone,tz\n2145550123,Central\n214-555-0123,\n");

        final int exitCode = run("validate", leads.toString());

        assertEquals(0, exitCode);
        assertEquals(
            leads + ":2: warning: time zone 'Central' is not a time zone id (like America/Chicago); using the " +
            "number's: America/Chicago\n" +
            leads + ":3: duplicate of row 2 (+12145550123), merged\n" +
            leads + ": 1 leads, 0 bad rows, 1 duplicates merged, 1 warnings\n", out.toString());
    }

    @Test
    void shouldReportALeadListWithoutAPhoneColumn(@TempDir final Path dir) throws IOException
    {
        final Path leads = dir.resolve("leads.csv");
        Files.writeString(leads, "name\nAna\n");

        final int exitCode = run("validate", leads.toString());

        assertEquals(1, exitCode);
        assertTrue(out.toString().startsWith(leads + ":1: no phone column in the header (name)"), out.toString());
    }

    @Test
    void shouldReportCampaignErrorsWithLineAndColumn(@TempDir final Path dir) throws IOException
    {
        final Path campaign = dir.resolve("campaign.yaml");
        Files.writeString(campaign, "name: x\ncaller_id: { number: '+12145550199' }\ntrunk: { uri: 'sip:t@h' }\n" +
            "ring_timeout: 5s\n");

        final int exitCode = run("validate", campaign.toString());

        assertEquals(1, exitCode);
        assertEquals(
            campaign + ":4:15: ring_timeout 5s is below the floor of 15s (ring at least 15 seconds before giving " +
            "up)\n" +
            campaign + ":1:1: missing 'leads' in the campaign\n" +
            campaign + ":1:1: missing 'closers' in the campaign\n" +
            campaign + ":1:1: missing 'script' in the campaign\n", out.toString());
    }

    @Test
    void shouldReportClosersErrorsWithLineAndColumn(@TempDir final Path dir) throws IOException
    {
        final Path closers = dir.resolve("closers.yml");
        Files.writeString(closers, "closers:\n  - { id: a, uri: 'sip:a@h', skills: [s] }\n" +
            "  - { id: a, uri: 'sip:b@h', skills: [s] }\n");

        final int exitCode = run("validate", closers.toString());

        assertEquals(1, exitCode);
        assertEquals(closers + ":3:11: duplicate closer id 'a' (first at line 2)\n", out.toString());
    }

    @Test
    void shouldValidateDoNotCallFilesNamedWithDncOrByTheirExtension(@TempDir final Path dir) throws IOException
    {
        final Path internal = dir.resolve("dnc-internal.txt");
        Files.writeString(internal, "# internal list\n(214) 555-0123\n214-555-0123\ncall me\n");
        final Path national = dir.resolve("national.dnc");
        Files.writeString(national, "020 7946 0000\n");

        final int exitCode = run("validate", "--region", "GB", national.toString(), "--dnc", internal.toString());

        assertEquals(1, exitCode);
        assertEquals(
            national + ": 1 numbers, 0 bad lines, 0 duplicates\n" +
            internal + ":2: phone '(214) 555-0123' is not a valid number for region GB\n" +
            internal + ":3: phone '214-555-0123' is not a valid number for region GB\n" +
            internal + ":4: phone 'call me' is not a valid number for region GB\n" +
            internal + ": 0 numbers, 3 bad lines, 0 duplicates\n", out.toString());
        out.getBuffer().setLength(0);
        assertEquals(1, run("validate", "--dnc", internal.toString()));
        assertEquals(internal + ":4: phone 'call me' is not a valid number for region US\n" +
            internal + ": 1 numbers, 1 bad lines, 1 duplicates\n", out.toString());
    }

    @Test
    void shouldCheckTheContentsOfACampaignsDoNotCallFiles(@TempDir final Path dir) throws IOException
    {
        final Path examples = ValidateCommandTest.examples();
        for (final String name : new String[]{"auto-insurance.yaml", "closers.yaml", "leads-sample.csv"})
        {
            Files.copy(examples.resolve(name), dir.resolve(name));
        }
        Files.writeString(dir.resolve("dnc-internal.txt"), "(214) 555-0123\n214 555 01\n");
        final Path campaign = dir.resolve("campaign.yaml");
        Files.writeString(campaign, Files.readString(examples.resolve("demo-campaign.yaml"))
            .replace("dnc: []", "dnc: [dnc-internal.txt]"));

        final int exitCode = run("validate", campaign.toString());

        assertEquals(1, exitCode);
        assertEquals(dir.resolve("dnc-internal.txt") + ":2: phone '214 555 01' is not a valid number for region US\n",
            out.toString());
    }

    @Test
    void shouldCheckTheLeadFieldsAScriptsPromptsSpeakAgainstTheLeadLists(@TempDir final Path dir) throws IOException
    {
        final Path examples = ValidateCommandTest.examples();
        final Path script = dir.resolve("script.yaml");
        Files.writeString(script, Files.readString(examples.resolve("auto-insurance.yaml")).replace(
            "{lead.first_name|there}", "{lead.first_name}"));
        final Path leads = dir.resolve("leads.csv");
        Files.writeString(leads, "phone,firstname,city\n2145550123,Ana,Dallas\n");

        final int exitCode = run("validate", script.toString(), leads.toString());

        assertEquals(1, exitCode);
        assertEquals(script + ":23:19: lead field 'first_name' is not a column of " + leads + "; did you mean " +
            "'firstname'?\n" + leads + ": 1 leads, 0 bad rows, 0 duplicates merged\n", out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("validate", script.toString(), examples.resolve("leads-sample.csv").toString()),
            out.toString());

        // with a fallback the column is not needed: a lead without it hears the fallback
        Files.writeString(script, Files.readString(script).replace("Hello {lead.first_name},",
            "Hello {lead.first_name|there},"));
        out.getBuffer().setLength(0);
        assertEquals(0, run("validate", script.toString(), leads.toString()), out.toString());
    }

    private int run(final String... args)
    {
        return new CommandLine(new DialerMain()).setOut(new PrintWriter(out, true)).execute(args);
    }
}
