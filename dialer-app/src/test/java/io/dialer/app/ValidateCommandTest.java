/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValidateCommandTest
{
    private final StringWriter out = new StringWriter();

    @Test
    void shouldPrintOkAndExitZeroForValidScripts()
    {
        final Path auto = examples().resolve("auto-insurance.yaml");
        final Path home = examples().resolve("home-services.yaml");

        final int exitCode = run("validate", auto.toString(), home.toString());

        assertEquals(0, exitCode);
        assertEquals(auto + ": OK\n" + home + ": OK\n", out.toString());
    }

    @Test
    void shouldPrintEveryErrorWithLineAndColumnAndExitOne(@TempDir final Path dir) throws IOException
    {
        final Path script = dir.resolve("bad.yaml");
        Files.writeString(script, String.join("\n",
            "lead_fields: [city]",
            "opt_out: { key: '*', prompt: bye }",
            "defaults: { on_no_input: out, on_invalid: out }",
            "greeting: { prompt: hi, next: q1 }",
            "questions:",
            "  q1:",
            "    prompt: one",
            "    choices: { '1': yes, '2': no }",
            "    next: q3",
            "rules:",
            "  - if: lead.zip in [75201]",
            "    then: out",
            "outcomes:",
            "  out: { type: disqualified, reason: r, prompt: bye }",
            ""));
        final Path valid = examples().resolve("home-services.yaml");

        final int exitCode = run("validate", script.toString(), valid.toString());

        assertEquals(1, exitCode);
        assertEquals(
            script + ":9:11: unknown question or outcome 'q3'\n" +
            script + ":11:9: lead field 'zip' is not declared in lead_fields\n" +
            valid + ": OK\n",
            out.toString());
    }

    @Test
    void shouldReportYamlSyntaxErrorsWithTheirPosition(@TempDir final Path dir) throws IOException
    {
        final Path script = dir.resolve("broken.yml");
        Files.writeString(script, "questions:\n  q1: [unclosed\n");

        final int exitCode = run("validate", script.toString());

        assertEquals(1, exitCode);
        assertEquals(script + ":3:1: YAML syntax: expected ',' or ']', but got <stream end>\n", out.toString());
    }

    @Test
    void shouldRejectFilesOfUnknownKind(@TempDir final Path dir) throws IOException
    {
        final Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "phone,city\n+12145550100,Dallas\n");
        final Path other = dir.resolve("other.yaml");
        Files.writeString(other, "colour: blue\n");

        final int exitCode = run("validate", notes.toString(), other.toString());

        assertEquals(1, exitCode);
        assertEquals(
            notes + ":1:1: unknown kind of file: expected a qualification script, campaign or closers file (.yaml " +
            "or .yml), a lead list (.csv) or a do-not-call list (.dnc, or any name after --dnc)\n" +
            other + ":1:1: not a qualification script, campaign or closers file (no top-level 'questions:', " +
            "'trunk:' or 'caller_id:', or 'closers:')\n",
            out.toString());
    }

    @Test
    void shouldReportAMissingFile(@TempDir final Path dir)
    {
        final Path missing = dir.resolve("missing.yaml");

        final int exitCode = run("validate", missing.toString());

        assertEquals(1, exitCode);
        assertEquals(missing + ":1:1: file not found: " + missing + "\n", out.toString());
    }

    @Test
    void shouldSayFileNotFoundForAMissingLeadList(@TempDir final Path dir)
    {
        final Path missing = dir.resolve("leads.csv");

        assertEquals(1, run("validate", missing.toString()));
        assertEquals(missing + ":1:1: file not found: " + missing + "\n", out.toString());
    }

    @Test
    void shouldSayAnEmptyYamlFileIsEmpty(@TempDir final Path dir) throws IOException
    {
        final Path campaign = dir.resolve("campaign.yaml");
        Files.writeString(campaign, "# a campaign, one day\n\n");

        assertEquals(1, run("validate", campaign.toString()));
        assertEquals(campaign + ":1:1: the file is empty\n", out.toString());
    }

    @Test
    void shouldReportTheLineWhereAYamlFileStopsBeingUtf8(@TempDir final Path dir) throws IOException
    {
        final Path script = dir.resolve("script.yaml");
        Files.write(script, "name: caf\u00e9\nquestions: {}\n".getBytes(StandardCharsets.ISO_8859_1));

        assertEquals(1, run("validate", script.toString()));
        assertEquals(script + ":1:1: not UTF-8; save the file as UTF-8\n", out.toString());
    }

    @Test
    void shouldReportALatin1LeadListAtItsRowAndKeepTheRowsBefore(@TempDir final Path dir) throws IOException
    {
        final Path leads = dir.resolve("leads.csv");
        Files.write(leads, "phone,first_name\n2145550123,Ana\n2145550124,Jos\u00e9\n2145550125,Ed\n"
            .getBytes(StandardCharsets.ISO_8859_1));

        assertEquals(1, run("validate", leads.toString()));
        assertEquals(leads + ":3: not UTF-8; save the file as UTF-8\n" +
            leads + ": 1 leads, 0 bad rows, 0 duplicates merged, 2 lines not read from row 3\n", out.toString());
    }

    @Test
    void shouldReadASemicolonSeparatedLeadListAndSaySo(@TempDir final Path dir) throws IOException
    {
        final Path leads = dir.resolve("leads.csv");
        Files.writeString(leads, "phone;first_name;city\n(214) 555-0123;Ana;Dallas\n214-555-0124;Bo;Waco\n");

        assertEquals(0, run("validate", leads.toString()), out.toString());
        assertEquals(leads + ": 2 leads, 0 bad rows, 0 duplicates merged (separated by semicolons)\n",
            out.toString());
    }

    @Test
    void shouldExitNonZeroThroughTheMainEntryPoint(@TempDir final Path dir) throws IOException
    {
        final Path script = dir.resolve("empty.yaml");
        Files.writeString(script, "");

        assertEquals(1, DialerMain.execute("validate", script.toString()));
        assertEquals(0, DialerMain.execute("validate", examples().resolve("auto-insurance.yaml").toString()));
    }

    private int run(final String... args)
    {
        return new CommandLine(new DialerMain()).setOut(new PrintWriter(out, true)).execute(args);
    }

    static Path examples()
    {
        Path dir = Path.of("").toAbsolutePath();
        while (null != dir && !Files.isDirectory(dir.resolve("examples")))
        {
            dir = dir.getParent();
        }
        if (null == dir)
        {
            throw new IllegalStateException("no examples directory above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("examples");
    }
}
