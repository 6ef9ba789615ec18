/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.dialer.core.campaign.Closer;
import io.dialer.core.compliance.DialGate;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.compliance.ProgressivePacer;
import io.dialer.core.compliance.RetryPolicy;
import io.dialer.core.compliance.WindowPolicy;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.Journal;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.media.MediaEngine;
import io.dialer.media.TextToSpeech;
import io.dialer.qualification.CompileResult;
import io.dialer.qualification.Script;
import io.dialer.qualification.ScriptCompiler;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sim.Tones;
import io.dialer.sip.SipStack;
import io.dialer.sip.sipp.Sipp;
import io.dialer.sip.sipp.SippCallee;
import io.dialer.transfer.TransferConfiguration;
import io.dialer.transfer.TransferOutcome;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A campaign against SIPp people whose phones use silence suppression: each says "Hello?", then sends no RTP at all
 * except its key presses (RFC 4733, one capture per press with sequence numbers and timestamps continuing the
 * greeting's stream), a few seconds apart. Three qualify (1, then their age 34#) and one closer takes them one after
 * the other, so the last waits on hold for half a minute without sending anything; two decline (2). Every person must
 * end with the disposition their keys dictate, every verdict must be a person's, the callers on hold must be
 * transferred, nobody is hung up for silence (the dialer finds a dead call with in-dialog OPTIONS, which SIPp answers),
 * and SIPp must count every call as successful.
 */
final class SilentPhonesCampaignTest
{
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final String SCRIPT = String.join("\n",
        "lead_fields: [first_name]",
        "opt_out: { key: '*', prompt: Goodbye. }",
        "defaults: { retries: 1, timeout_ms: 8000, inter_digit_timeout_ms: 5000, retry_prompt: Sorry?,",
        "  on_no_input: silent, on_invalid: silent }",
        "greeting: { prompt: 'Hi, a quick question.', next: car }",
        "questions:",
        "  car:",
        "    prompt: Do you own a car? Press 1 for yes, 2 for no.",
        "    choices: { '1': yes, '2': no }",
        "    next:",
        "      - if: answers.car == no",
        "        goto: no_car",
        "      - goto: age",
        "  age: { prompt: 'Enter your age, then press pound.', digits: { min: 1, max: 3 }, next: win }",
        "rules:",
        "  - if: answers.age < 18",
        "    then: no_car",
        "outcomes:",
        "  win: { type: qualified, skill: sales, prompt: Please hold.,",
        "    summary: '{lead.first_name}, age {answers.age}' }",
        "  no_car: { type: disqualified, prompt: Thank you. Goodbye., reason: no car }",
        "  silent: { type: disqualified, prompt: Goodbye., reason: no answer }",
        "");
    private static final String[] QUALIFY = { "+12145550401", "+12145550411", "+12145550421" };
    private static final String[] DECLINE = { "+12145550402", "+12145550412" };
    private static final int KEY_GAP_MS = 2_500;
    /** How long the closer talks with each caller: the third caller waits on hold for two of these calls. */
    private static final long CLOSER_TALK_MS = 15_000;
    /** Phones that send nothing for longer than this were hung up by the old RTP inactivity timeout. */
    private static final long OLD_RTP_TIMEOUT_MS = 30_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void shouldQualifyAndTransferPeopleWhosePhonesSendNothingButKeys() throws Exception
    {
        assumeTrue(Sipp.available(), Sipp.SKIP_REASON);
        assumeTrue(Sipp.canPlayPcap(), "SIPp play_pcap_audio needs root or CAP_NET_RAW: test skipped");
        final CompileResult compiled = ScriptCompiler.compile("silent.yaml", SCRIPT, Path.of("."));
        assertTrue(compiled.isValid(), compiled.errors().toString());
        final Script script = compiled.script();
        final TextToSpeech tts = new TextToSpeech();
        final Path sippDir = Files.createDirectory(dir.resolve("sipp"));
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        final int calls = QUALIFY.length + DECLINE.length;

        try (PromptBook prompts = new PromptBook(tts, script, null, null, null, new TransferTexts());
            SimulatedCarrier closers = SimulatedCarrier.launch(new SipStack.Context().bindAddress(loopback).port(0)
                .threadPoolSize(2).allowedPeer(loopback.getHostAddress()).userAgent("closers")
                .mediaContext(new MediaEngine.Context().bindAddress(loopback))))
        {
            writePeople(tts, sippDir, prompts.script(script.greeting()).durationMs() +
                prompts.script(script.question(0).prompt()).durationMs());
            closers.script("closer-ann", PhoneScript.builder().answerAfterMs(100)
                .acceptAfterBriefing(1_000, 8_000).hangupAfterKeyMs(CLOSER_TALK_MS).build());
            try (Sipp sipp = Sipp.launch(new Sipp.Context().scenarioFile(sippDir.resolve("uas_silent_people.xml"))
                .workDir(sippDir).calls(calls).limit(calls).timeoutSeconds(140));
                SipStack dialer = SipStack.launch(new SipStack.Context().bindAddress(loopback).port(0)
                    .threadPoolSize(2).userAgent("dialer")
                    .mediaContext(new MediaEngine.Context().bindAddress(loopback))))
            {
                sipp.awaitListening(Duration.ofSeconds(10));
                final List<String> outcomes = runCampaign(script, prompts, sipp, dialer, closers);

                final Sipp.Result result = sipp.awaitExit(Duration.ofSeconds(20));
                assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, result.exitCode(), result::describe);
                assertEquals(calls, result.successfulCalls(), result::describe);
                assertEquals(0, result.stat("FailedUnexpectedMessage(C)"), result::describe);
                assertEquals(List.of(
                    "lead=0 HUMAN TRANSFERRED", "lead=1 HUMAN TRANSFERRED", "lead=2 HUMAN TRANSFERRED",
                    "lead=3 HUMAN DISQUALIFIED no car", "lead=4 HUMAN DISQUALIFIED no car"), outcomes);
            }
        }
    }

    private List<String> runCampaign(
        final Script script, final PromptBook prompts, final Sipp sipp, final SipStack dialer,
        final SimulatedCarrier closers) throws Exception
    {
        final StringBuilder csv = new StringBuilder("phone,first_name\n");
        for (final String number : QUALIFY)
        {
            csv.append(number).append(",Quinn\n");
        }
        for (final String number : DECLINE)
        {
            csv.append(number).append(",Dale\n");
        }
        final LeadList leads = new LeadListReader("US").read("leads.csv", csv.toString());
        final Path journal = dir.resolve("journal");
        final long start = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, CHICAGO).toInstant().toEpochMilli();
        try (DoNotCallList dnc = new DoNotCallList(dir.resolve("opt-outs.txt")))
        {
            final EngineContext context = new EngineContext()
                .closers(List.of(new Closer("ann", "Ann", closers.uri("closer-ann"), List.of("sales"))))
                .wrapUpMs(0)
                .doNotCall(dnc)
                .clock(new CampaignClock(SystemEpochClock.INSTANCE, start), false)
                .stacks(dialer)
                .journalDir(journal)
                .campaign(new CampaignContext()
                    .name("silent")
                    .leads(leads)
                    .script(script)
                    .gate(new DialGate(WindowPolicy.defaultPolicy(),
                        new RetryPolicy.Context().maxAttempts(1).maxAttemptsPerDay(1).policy(), dnc))
                    .pacer(new ProgressivePacer(5, 5))
                    .trunkHost(sipp.hostPort())
                    .transfer(new TransferConfiguration.Context().reassuranceIntervalMs(0))
                    .prompts(prompts)
                    .journalDir(journal));
            try (DialerEngine engine = DialerEngine.start(context))
            {
                assertTrue(engine.awaitFinished(130, TimeUnit.SECONDS), "campaign finished");
            }
        }

        final List<String> verdicts = new ArrayList<>();
        final List<String> outcomes = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        final long[] qualifiedAt = new long[5];
        final long[] longestHoldMs = new long[1];
        Journal.replay(journal, new CampaignLog()
        {
            @Override
            public void verdict(
                final long timeMs, final int lead, final long callId, final Verdict verdict, final Cause cause,
                final int positionMs)
            {
                verdicts.add("lead=" + lead + " " + verdict);
                lines.add("verdict lead=" + lead + " " + verdict + " " + cause + " at " + positionMs + " ms");
            }

            @Override
            public void answer(
                final long timeMs, final int lead, final long callId, final CharSequence question,
                final CharSequence value)
            {
                lines.add("answer lead=" + lead + " " + question + "=" + value);
            }

            @Override
            public void qualified(
                final long timeMs, final int lead, final long callId, final CharSequence skill,
                final CharSequence summary)
            {
                qualifiedAt[lead] = timeMs;
            }

            @Override
            public void transferEnded(
                final long timeMs, final int lead, final long callId, final TransferOutcome outcome,
                final CharSequence closerId)
            {
                longestHoldMs[0] = Math.max(longestHoldMs[0], timeMs - qualifiedAt[lead]);
                lines.add("transfer lead=" + lead + " " + outcome + " after " + (timeMs - qualifiedAt[lead]) +
                    " ms on hold");
            }

            @Override
            public void disposition(
                final long timeMs, final int lead, final long callId, final int attempt, final Disposition d,
                final long nextAttemptMs, final CharSequence detail)
            {
                final String verdict = verdicts.stream().filter(v -> v.startsWith("lead=" + lead + " "))
                    .findFirst().orElse("lead=" + lead + " none").substring(("lead=" + lead + " ").length());
                outcomes.add("lead=" + lead + " " + verdict + " " + d +
                    (Disposition.DISQUALIFIED == d ? " " + detail : ""));
                lines.add("disposition lead=" + lead + " " + d + " " + detail);
            }
        });
        assertFalse(lines.stream().anyMatch(line -> line.contains("dialer ended the call")), String.join("\n", lines));
        assertTrue(longestHoldMs[0] > OLD_RTP_TIMEOUT_MS,
            "a caller sent nothing on hold for longer than the old RTP timeout:\n" + String.join("\n", lines));
        final List<String> sorted = new ArrayList<>(outcomes);
        sorted.sort(null);
        assertEquals(5, sorted.size(), String.join("\n", lines));
        return sorted;
    }

    /**
     * Both kinds of people as SIPp plays them: the same "Hello?" capture, then the keys of their kind, and a scenario
     * that picks the kind by the last digit of the number called (1: qualifies, 2: declines) and answers in-dialog
     * OPTIONS while it waits for the dialer's BYE.
     *
     * @param scriptMs how long the greeting and the first question play: the first key comes after them.
     */
    private static void writePeople(final TextToSpeech tts, final Path sippDir, final int scriptMs) throws Exception
    {
        final short[] hello = Tones.concat(Tones.noise(300, 30, 3), tts.render("Hello?").samples());
        final int firstKeyMs = hello.length / 8 + 1_500 + scriptMs + 500;
        final SippCallee qualifies = SippCallee.builder().greeting(hello)
            .key('1', firstKeyMs).key('3', firstKeyMs + 2 * KEY_GAP_MS).key('4', firstKeyMs + 3 * KEY_GAP_MS)
            .key('#', firstKeyMs + 4 * KEY_GAP_MS).build();
        final SippCallee declines = SippCallee.builder().greeting(hello).key('2', firstKeyMs).build();
        final List<byte[]> q = qualifies.captures();
        final List<byte[]> d = declines.captures();
        Files.write(sippDir.resolve("greeting.pcap"), q.get(0));
        final StringBuilder qualifyPlays = new StringBuilder();
        int previous = 0;
        final int[] qualifyAt = { firstKeyMs, firstKeyMs + 2 * KEY_GAP_MS, firstKeyMs + 3 * KEY_GAP_MS,
            firstKeyMs + 4 * KEY_GAP_MS };
        for (int i = 1; i < q.size(); i++)
        {
            Files.write(sippDir.resolve("q-key-" + i + ".pcap"), q.get(i));
            qualifyPlays.append(play("q-key-" + i + ".pcap", qualifyAt[i - 1] - previous));
            previous = qualifyAt[i - 1];
        }
        Files.write(sippDir.resolve("d-key-1.pcap"), d.get(1));
        final String declinePlays = play("d-key-1.pcap", firstKeyMs);
        Files.writeString(sippDir.resolve("uas_silent_people.xml"), SCENARIO
            .replace("<!-- QUALIFY -->", qualifyPlays)
            .replace("<!-- DECLINE -->", declinePlays), StandardCharsets.ISO_8859_1);
    }

    private static String play(final String file, final int afterMs)
    {
        return "<pause milliseconds=\"" + afterMs + "\"/>\n  <nop><action><exec play_pcap_audio=\"" + file +
            "\"/></action></nop>\n  ";
    }

    private static final String SCENARIO = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <!DOCTYPE scenario SYSTEM "sipp.dtd">
        <scenario name="people with silence suppression: hello, then only keys">
          <recv request="INVITE" rrs="true">
            <action>
              <ereg regexp="sip:[+]?[0-9]*1@" search_in="hdr" header="To:" assign_to="qualifies"/>
            </action>
          </recv>
          <send>
            <![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=sipp 1 1 IN IP[media_ip_type] [media_ip]
              s=-
              c=IN IP[media_ip_type] [media_ip]
              t=0 0
              m=audio [media_port] RTP/AVP 0 101
              a=rtpmap:0 PCMU/8000
              a=rtpmap:101 telephone-event/8000
              a=fmtp:101 0-15
              a=ptime:20
              a=sendrecv

            ]]>
          </send>
          <recv request="ACK" crlf="true"/>
          <nop><action><exec play_pcap_audio="greeting.pcap"/></action></nop>
          <nop test="qualifies" next="qualify"/>
          <!-- DECLINE -->
          <nop next="wait"/>
          <label id="qualify"/>
          <!-- QUALIFY -->
          <label id="wait"/>
          <recv request="OPTIONS" optional="true" next="options"/>
          <recv request="BYE" timeout="120000"/>
          <send>
            <![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0

            ]]>
          </send>
          <nop next="end"/>
          <label id="options"/>
          <send>
            <![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Allow: INVITE, ACK, BYE, CANCEL, OPTIONS
              Content-Length: 0

            ]]>
          </send>
          <nop next="wait"/>
          <label id="end"/>
          <timewait milliseconds="500"/>
        </scenario>
        """;
}
