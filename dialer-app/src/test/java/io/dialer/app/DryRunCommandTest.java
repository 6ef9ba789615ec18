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

class DryRunCommandTest
{
    private static final String AUTO = ValidateCommandTest.examples().resolve("auto-insurance.yaml").toString();
    private static final String HOME = ValidateCommandTest.examples().resolve("home-services.yaml").toString();
    private static final String[] ANA = {
        "--lead", "first_name=Ana", "--lead", "last_name=Ruiz", "--lead", "city=Dallas", "--lead", "state=TX"};
    private static final String[] SAM = {
        "--lead", "first_name=Sam", "--lead", "last_name=Lee", "--lead", "city=Austin", "--lead", "zip=78704"};

    private final StringWriter out = new StringWriter();

    @Test
    void shouldSpeakLeadFieldsInPromptsWithTheLeadsValuesOrTheFallback(@org.junit.jupiter.api.io.TempDir
        final java.nio.file.Path dir) throws java.io.IOException
    {
        final java.nio.file.Path script = dir.resolve("script.yaml");
        java.nio.file.Files.writeString(script, java.nio.file.Files.readString(java.nio.file.Path.of(AUTO))
            .replace("prompt: \"Hello, this is", "prompt: \"Hello {lead.first_name|there}, this is"));

        assertEquals(0, run(script.toString(), ANA, "--prompt-ms", "2000", "--keys", "2"));
        assertTrue(out.toString().startsWith("[00:00.0] DIALER: Hello Ana, this is Lone Star Auto Insurance"),
            out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run(script.toString(), new String[]{"--lead", "state=TX"}, "--prompt-ms", "2000", "--keys",
            "2"));
        assertTrue(out.toString().contains("[00:00.0] DIALER: Hello there, this is Lone Star Auto Insurance"),
            out.toString());
    }

    @Test
    void shouldPlayAQualifiedConversation()
    {
        final int exitCode = run(AUTO, ANA, "--prompt-ms", "2000", "--keys", "1,75201#,34#,1");

        assertEquals(0, exitCode);
        assertEquals(String.join("\n",
            "[00:00.0] DIALER: Hello Ana, this is Lone Star Auto Insurance with a quick question about your car " +
                "insurance. Press star at any time to stop these calls.",
            "[00:02.0] DIALER: Do you own a car? Press 1 for yes, 2 for no.",
            "[00:04.5] CALLER presses 1",
            "[00:04.5] (answer owns_car = yes)",
            "[00:04.5] DIALER: Please enter your five digit ZIP code, then press pound.",
            "[00:07.0] CALLER presses 7",
            "[00:07.5] CALLER presses 5",
            "[00:08.0] CALLER presses 2",
            "[00:08.5] CALLER presses 0",
            "[00:09.0] CALLER presses 1",
            "[00:09.0] (answer zip = 75201)",
            "[00:09.0] DIALER: [audio prompts/age.wav] How old are you? Enter your age, then press pound.",
            "[00:09.5] CALLER presses # (during the prompt)",
            "[00:11.5] CALLER presses 3",
            "[00:12.0] CALLER presses 4",
            "[00:12.5] CALLER presses #",
            "[00:12.5] (answer age = 34)",
            "[00:12.5] DIALER: Would you like a quote today? Press 1 for today, 2 for this week, or 3 to get a " +
                "call back later.",
            "[00:15.0] CALLER presses 1",
            "[00:15.0] (answer timing = today)",
            "[00:15.0] DIALER: Great! Please hold while I connect you with a licensed agent.",
            "[00:15.0] → QUALIFIED to skill auto-closers: Ana Ruiz, Dallas TX: owns a car, ZIP 75201, age 34, " +
                "wants a quote today",
            ""), out.toString());
    }

    @Test
    void shouldPlayNoInputThenHangUp()
    {
        final int exitCode = run(AUTO, ANA, "--prompt-ms", "2000", "--keys", "1,,hangup");

        assertEquals(0, exitCode);
        assertTrue(out.toString().endsWith(String.join("\n",
            "[00:04.5] DIALER: Please enter your five digit ZIP code, then press pound.",
            "[00:11.5] CALLER says nothing",
            "[00:11.5] DIALER: Sorry, I didn't get that.",
            "[00:13.5] DIALER: Please enter your five digit ZIP code, then press pound.",
            "[00:15.5] CALLER hangs up",
            "")), out::toString);
    }

    @Test
    void shouldPlayBargeInAndSpokenAnswersToADisqualification()
    {
        final int exitCode = run(HOME, SAM, "--prompt-ms", "2000", "--keys", "!1,noise,no");

        assertEquals(0, exitCode);
        assertTrue(out.toString().contains(String.join("\n",
            "[00:03.0] CALLER presses 1 (during the prompt)",
            "[00:03.0] (prompt stopped)",
            "[00:03.0] (answer homeowner = owner)")), out::toString);
        assertTrue(out.toString().contains("CALLER says \"something unclear\"\n"), out::toString);
        assertTrue(out.toString().endsWith(String.join("\n",
            "→ DISQUALIFIED: not interested",
            "[00:10.0] DIALER: No problem. Thanks for your time. Goodbye.",
            "[00:12.0] DIALER hangs up",
            "")), out::toString);
    }

    @Test
    void shouldPlayACallback()
    {
        final int exitCode = run(HOME, SAM, "--keys", "1,yes,3,2");

        assertEquals(0, exitCode);
        assertTrue(out.toString().contains("→ CALLBACK requested: tomorrow\n"), out::toString);
        assertTrue(out.toString().contains("DIALER hangs up\n"), out::toString);
    }

    @Test
    void shouldPlayAnOptOut()
    {
        final int exitCode = run(HOME, SAM, "--keys", "1,*");

        assertEquals(0, exitCode);
        assertTrue(out.toString().contains("CALLER presses *\n"), out::toString);
        assertTrue(out.toString().contains("→ OPTED OUT: the number goes on the do-not-call list\n"), out::toString);
        assertTrue(out.toString().contains("DIALER: You have been removed from our list. Goodbye.\n"), out::toString);
    }

    @Test
    void shouldApplyRulesOnLeadFields()
    {
        final int exitCode = run(HOME, new String[]{"--lead", "zip=10001"}, "--keys", "1");

        assertEquals(0, exitCode);
        assertTrue(out.toString().startsWith(String.join("\n",
            "note: lead field 'first_name' not given (--lead first_name=...)",
            "note: lead field 'last_name' not given (--lead last_name=...)",
            "note: lead field 'city' not given (--lead city=...)",
            "[00:00.0] → DISQUALIFIED: outside service area",
            "")), out::toString);
        assertTrue(out.toString().endsWith("note: 1 answer(s) in --keys not used: 1\n"), out::toString);
    }

    @Test
    void shouldRefuseAnInvalidScript(@TempDir final Path dir) throws IOException
    {
        final Path script = dir.resolve("bad.yaml");
        Files.writeString(script, "questions: [\n");

        final int exitCode = run(script.toString(), new String[0]);

        assertEquals(1, exitCode);
        assertEquals(script + ":2:1: YAML syntax: expected the node content, but found '<stream end>'\n" +
            script + ": not valid, nothing played\n", out.toString());
    }

    private int run(final String script, final String[] lead, final String... options)
    {
        final String[] args = new String[2 + lead.length + options.length];
        args[0] = "dry-run";
        args[1] = script;
        System.arraycopy(lead, 0, args, 2, lead.length);
        System.arraycopy(options, 0, args, 2 + lead.length, options.length);
        return new CommandLine(new DialerMain()).setOut(new PrintWriter(out, true)).execute(args);
    }
}
