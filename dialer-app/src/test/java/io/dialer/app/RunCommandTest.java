/*
 * Dialer command line tests.
 */
package io.dialer.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.dialer.media.MediaEngine;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sip.DtmfSource;
import io.dialer.sip.SipStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code dialer run} against a trunk (a simulated carrier on loopback) on the system clock, to completion, then
 * {@code dialer report} on its journal; and its refusal of a broken campaign.
 */
class RunCommandTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldRunACampaignFileAgainstItsTrunkToCompletion(@TempDir final Path dir) throws Exception
    {
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        try (SimulatedCarrier carrier = SimulatedCarrier.launch(new SipStack.Context().bindAddress(loopback).port(0)
            .threadPoolSize(2).allowedPeer(loopback.getHostAddress()).userAgent("carrier")
            .mediaContext(new MediaEngine.Context().bindAddress(loopback))))
        {
            carrier.script("+12145550131", PhoneScript.builder().busy().build());
            carrier.script("+12145550132", PhoneScript.builder().reject(404).build());
            final int port = carrier.stack().port();
            Files.copy(Path.of("../examples/auto-insurance.yaml"), dir.resolve("auto-insurance.yaml"));
            Files.writeString(dir.resolve("closers.yaml"),
                "closers:\n  - id: dana\n    name: Dana Lee\n    uri: sip:dana@127.0.0.1:" + port + "\n" +
                "    skills: [auto-closers]\n");
            Files.writeString(dir.resolve("leads.csv"),
                "phone,first_name,last_name,city,state,zip\n" +
                "(214) 555-0131,Ana,Ruiz,Dallas,TX,75201\n" +
                "214-555-0132,Ben,Cole,Dallas,TX,75204\n" +
                "not a number,Bad,Row,Dallas,TX,75204\n");
            Files.writeString(dir.resolve("campaign.yaml"),
                "name: run-test\n" +
                "caller_id: { name: Lone Star Auto, number: \"(214) 555-0199\" }\n" +
                "default_region: US\n" +
                "trunk: { uri: \"sip:carrier@127.0.0.1:" + port + "\", outbound_proxy: \"127.0.0.1:" + port + "\" }\n" +
                "script: auto-insurance.yaml\n" +
                "closers: closers.yaml\n" +
                "leads: leads.csv\n" +
                "calling_window: { start: \"00:00\", end: \"23:59\" }\n" +
                "retries: { max_attempts: 3, delays: { busy: never } }\n" +
                "ring_timeout: 15s\n");

            final Path journal = dir.resolve("journal");
            final int exitCode = run("run", "--campaign", dir.resolve("campaign.yaml").toString(),
                "--journal", journal.toString(), "--bind", "127.0.0.1", "--port", "0");

            assertEquals(0, exitCode, out + "\n" + err);
            assertTrue(out.toString().contains("not a number"), "the bad row is reported:\n" + out);
        }
        out.getBuffer().setLength(0);
        assertEquals(0, run("report", "--json", dir.resolve("journal").toString()), err.toString());
        final String json = out.toString();
        assertTrue(json.matches("(?s).*\"BUSY\"\\s*:\\s*1,.*"), json);
        assertTrue(json.matches("(?s).*\"INVALID_NUMBER\"\\s*:\\s*1,.*"), json);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldNeverDialALeadItsDoNotCallFileListsInNationalFormat(@TempDir final Path dir) throws Exception
    {
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        try (SimulatedCarrier carrier = SimulatedCarrier.launch(new SipStack.Context().bindAddress(loopback).port(0)
            .threadPoolSize(2).allowedPeer(loopback.getHostAddress()).userAgent("carrier")
            .mediaContext(new MediaEngine.Context().bindAddress(loopback))))
        {
            carrier.script("+12145550131", PhoneScript.builder().busy().build());
            carrier.script("+12145550133", PhoneScript.builder().busy().build());
            carrier.script("+12145550134", PhoneScript.builder().answerAfterMs(0)
                .pressKeys(400, "2", 100, DtmfSource.RFC4733).hangupAfterMs(3_000).build());
            final int port = carrier.stack().port();
            Files.copy(Path.of("../examples/auto-insurance.yaml"), dir.resolve("auto-insurance.yaml"));
            Files.writeString(dir.resolve("closers.yaml"),
                "closers:\n  - id: dana\n    uri: sip:dana@127.0.0.1:" + port + "\n    skills: [auto-closers]\n");
            Files.writeString(dir.resolve("leads.csv"),
                "phone,first_name,last_name,city,state,zip\n" +
                "+1 214 555 0131,Ana,Ruiz,Dallas,TX,75201\n" +
                "+1 214 555 0133,Ben,Cole,Dallas,TX,75204\n" +
                "+1 214 555 0134,Cy,Diaz,Dallas,TX,75204\n");
            Files.writeString(dir.resolve("dnc-internal.txt"), "# asked not to be called\n(214) 555-0133\n" +
                "214 555 01\n");
            Files.writeString(dir.resolve("campaign.yaml"),
                "name: dnc-test\n" +
                "caller_id: { number: \"(214) 555-0199\" }\n" +
                "trunk: { uri: \"sip:carrier@127.0.0.1:" + port + "\", outbound_proxy: \"127.0.0.1:" + port + "\" }\n" +
                "script: auto-insurance.yaml\n" +
                "closers: closers.yaml\n" +
                "leads: leads.csv\n" +
                "dnc: [dnc-internal.txt]\n" +
                "calling_window: { start: \"00:00\", end: \"23:59\" }\n" +
                "retries: { max_attempts: 1 }\n" +
                "ring_timeout: 15s\n");

            final int exitCode = run("run", "--campaign", dir.resolve("campaign.yaml").toString(),
                "--journal", dir.resolve("journal").toString(), "--bind", "127.0.0.1", "--port", "0");

            assertEquals(0, exitCode, out + "\n" + err);
            assertTrue(out.toString().contains(dir.resolve("dnc-internal.txt") + ":3: phone '214 555 01' is not a " +
                "valid number for region US"), "every bad line is listed with its file and line:\n" + out);
            assertTrue(carrier.calls().stream().anyMatch((call) -> call.user().equals("+12145550131")),
                "the other lead is dialed: " + carrier.calls());
            assertTrue(carrier.calls().stream().noneMatch((call) -> call.user().equals("+12145550133")),
                "the listed lead is never dialed: " + carrier.calls());
        }
        out.getBuffer().setLength(0);
        assertEquals(0, run("report", "--json", dir.resolve("journal").toString()), err.toString());
        assertTrue(out.toString().matches("(?s).*\"DO_NOT_CALL\"\\s*:\\s*1\\b.*"), out.toString());
        whyEachAttemptWasDialable(dir);
    }

    private void whyEachAttemptWasDialable(final Path dir)
    {
        final String journal = dir.resolve("journal").toString();
        out.getBuffer().setLength(0);
        assertEquals(0, run("why", "(214) 555-0131", "--journal", journal), err.toString());
        final String busy = out.toString();
        assertTrue(busy.startsWith("+12145550131 in campaign dnc-test: 1 attempt, lead [0]"), busy);
        assertTrue(busy.contains("  why dialable: ALLOWED") && busy.contains(" dnc v") &&
            busy.contains(" clear attempt 1/1"), "the gate's reasons at the dial:\n" + busy);
        assertTrue(busy.contains("  do-not-call check: checked against 1 number, list files dated "), busy);
        assertTrue(busy.contains(": BUSY") && busy.contains("  proof: none (not answered)"), busy);

        out.getBuffer().setLength(0);
        assertEquals(0, run("why", "+1 214 555 0134", "--journal", journal), err.toString());
        final String answered = out.toString();
        assertTrue(answered.contains("verdict HUMAN (KEY_PRESSED)"), answered);
        assertTrue(answered.matches("(?s).*  proof: answered \\S+, greeting end \\S+, first audio \\S+ \\(\\d+ ms " +
            "after the greeting\\), closer none, safe harbor not played; person; " +
            "rule TSR 310\\.4\\(b\\)\\(4\\): 2 s, 3 % per 30 days\n.*"), answered);

        out.getBuffer().setLength(0);
        assertEquals(0, run("why", "214 555 0133", "--journal", journal), err.toString());
        assertTrue(out.toString().contains("0 attempts, lead [1]") &&
            out.toString().contains("DO_NOT_CALL (lead 1)"),
            "a listed number never dialed: its closing, found through the lead list\n" + out);

        err.getBuffer().setLength(0);
        assertEquals(2, run("why", "555", "--journal", journal));
        assertTrue(err.toString().contains("phone '555' is not a valid number for region US"), err.toString());
        assertEquals(1, run("why", "+1 214 555 0199", "--journal", journal), "never dialed");
    }

    @Test
    void shouldRefuseToRunWhenADoNotCallFileCannotBeReadWhole(@TempDir final Path dir) throws Exception
    {
        Files.copy(Path.of("../examples/auto-insurance.yaml"), dir.resolve("auto-insurance.yaml"));
        Files.copy(Path.of("../examples/closers.yaml"), dir.resolve("closers.yaml"));
        Files.writeString(dir.resolve("leads.csv"), "phone\n2145550131\n");
        Files.write(dir.resolve("dnc.txt"), "2145550131\n2145550132 # Jos\u00e9\n2145550133\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("campaign.yaml"), "name: dnc-latin1\ncaller_id: { number: \"+12145550199\" }\n" +
            "trunk: { uri: \"sip:carrier@127.0.0.1:5999\" }\nscript: auto-insurance.yaml\nclosers: closers.yaml\n" +
            "leads: leads.csv\ndnc: [dnc.txt]\n");

        assertEquals(2, run("run", "--campaign", dir.resolve("campaign.yaml").toString(),
            "--journal", dir.resolve("journal").toString(), "--bind", "127.0.0.1", "--port", "0"));
        assertTrue(err.toString().contains(dir.resolve("dnc.txt") + ":2: not UTF-8; save the file as UTF-8; the " +
            "do-not-call list must be read whole before dialing"), err.toString());
    }

    @Test
    void shouldRefuseToRunWithANationalRegistryCopyOlderThan31DaysAndSayWhy(@TempDir final Path dir) throws Exception
    {
        Files.copy(Path.of("../examples/auto-insurance.yaml"), dir.resolve("auto-insurance.yaml"));
        Files.copy(Path.of("../examples/closers.yaml"), dir.resolve("closers.yaml"));
        Files.writeString(dir.resolve("leads.csv"), "phone\n2145550131\n");
        Files.writeString(dir.resolve("national.txt"), "2145550131\n");
        final java.time.LocalDate downloaded = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(45);
        Files.writeString(dir.resolve("campaign.yaml"), "name: dnc-stale\ncaller_id: { number: \"+12145550199\" }\n" +
            "trunk: { uri: \"sip:carrier@127.0.0.1:5999\" }\nscript: auto-insurance.yaml\nclosers: closers.yaml\n" +
            "leads: leads.csv\ndnc: { national: { file: national.txt, downloaded: " + downloaded + " } }\n");

        assertEquals(2, run("run", "--campaign", dir.resolve("campaign.yaml").toString(),
            "--journal", dir.resolve("journal").toString(), "--bind", "127.0.0.1", "--port", "0"));
        assertTrue(err.toString().contains("campaign not started: national do-not-call file " +
            dir.resolve("national.txt") + " was downloaded " + downloaded + " (campaign file), 45 days ago: the " +
            "limit is 31 days; download the registry again"), err.toString());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldStopDialingAndSayWhyWhenTheTrunkNeverAnswers(@TempDir final Path dir) throws Exception
    {
        // nothing listens on the trunk's port: every INVITE goes unanswered
        final int deadPort;
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            deadPort = probe.getLocalPort();
        }
        Files.copy(Path.of("../examples/auto-insurance.yaml"), dir.resolve("auto-insurance.yaml"));
        Files.writeString(dir.resolve("closers.yaml"),
            "closers:\n  - id: dana\n    uri: sip:dana@127.0.0.1:" + deadPort + "\n    skills: [auto-closers]\n");
        final StringBuilder leads = new StringBuilder("phone,first_name\n");
        for (int i = 0; i < 6; i++)
        {
            leads.append("(214) 555-014").append(i).append(",Lead").append(i).append('\n');
        }
        Files.writeString(dir.resolve("leads.csv"), leads.toString());
        Files.writeString(dir.resolve("campaign.yaml"),
            "name: dead-trunk\n" +
            "caller_id: { number: \"(214) 555-0199\" }\n" +
            "trunk: { uri: \"sip:carrier@127.0.0.1:" + deadPort + "\", response_timeout: 1s, " +
            "max_consecutive_failures: 3 }\n" +
            "script: auto-insurance.yaml\n" +
            "closers: closers.yaml\n" +
            "leads: leads.csv\n" +
            "calling_window: { start: \"00:00\", end: \"23:59\" }\n" +
            "retries: { max_attempts: 1 }\n");

        final Path journal = dir.resolve("journal");
        // no --bind: the address of the route to the trunk
        final int exitCode = run("run", "--campaign", dir.resolve("campaign.yaml").toString(),
            "--journal", journal.toString(), "--port", "0");

        assertEquals(1, exitCode, out + "\n" + err);
        assertTrue(out.toString().contains("SIP and RTP on 127.0.0.1 (the route to the trunk; --bind to change)"),
            out.toString());
        assertTrue(err.toString().contains("trunk failure: no response from sip:+1214555014"),
            "the first trunk failure is said at once:\n" + err);
        assertTrue(err.toString().contains("campaign stopped: dialing suspended: 3 consecutive trunk failures"),
            "the run stops and says why:\n" + err);
        out.getBuffer().setLength(0);
        assertEquals(0, run("report", "--json", journal.toString()), err.toString());
        final String json = out.toString();
        assertTrue(json.matches("(?s).*\"finished\"\\s*:\\s*false.*"), json);
        assertTrue(json.matches("(?s).*\"openLeads\"\\s*:\\s*6\\b.*"), "no lead lost an attempt: " + json);
        assertTrue(json.matches("(?s).*\"NO_ANSWER\"\\s*:\\s*0,.*"), json);
        assertTrue(json.matches("(?s).*\"FAILED\"\\s*:\\s*[3-6],.*"), json);
    }

    @Test
    void shouldSayWhyWhenTheSipPortIsTakenWithoutAStackTrace(@TempDir final Path dir) throws Exception
    {
        Files.copy(Path.of("../examples/auto-insurance.yaml"), dir.resolve("auto-insurance.yaml"));
        Files.copy(Path.of("../examples/closers.yaml"), dir.resolve("closers.yaml"));
        Files.writeString(dir.resolve("leads.csv"), "phone\n2145550131\n");
        Files.writeString(dir.resolve("campaign.yaml"), "name: port-taken\ncaller_id: { number: \"+12145550199\" }\n" +
            "trunk: { uri: \"sip:carrier@127.0.0.1:5999\" }\nscript: auto-insurance.yaml\nclosers: closers.yaml\n" +
            "leads: leads.csv\n");
        try (java.net.DatagramSocket taken = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            assertEquals(2, run("run", "--campaign", dir.resolve("campaign.yaml").toString(),
                "--journal", dir.resolve("journal").toString(), "--port", Integer.toString(taken.getLocalPort())));
        }
        assertTrue(err.toString().startsWith("cannot start SIP on 127.0.0.1:"), err.toString());
        assertTrue(err.toString().contains("(--bind and --port choose another address or port)"), err.toString());
        assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void shouldRefuseABrokenCampaignWithItsLineAndColumn(@TempDir final Path dir) throws Exception
    {
        Files.writeString(dir.resolve("campaign.yaml"), "name: broken\nring_timeout: 5s\n");

        assertEquals(2, run("run", "--campaign", dir.resolve("campaign.yaml").toString()));
        assertTrue(err.toString().contains("campaign.yaml:2:"), err.toString());
    }

    private int run(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new DialerMain());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
