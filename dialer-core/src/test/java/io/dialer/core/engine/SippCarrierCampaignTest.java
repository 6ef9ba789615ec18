/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.campaign.CampaignLoader;
import io.dialer.core.campaign.CampaignResult;
import io.dialer.core.campaign.Closer;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.journal.Journal;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.detection.DetectorConfig;
import io.dialer.media.MediaEngine;
import io.dialer.media.TextToSpeech;
import io.dialer.sim.Tones;
import io.dialer.sip.SipStack;
import io.dialer.sip.sipp.Sipp;
import io.dialer.sip.sipp.SippMedia;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static io.dialer.core.engine.DialerEngineTest.CHICAGO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The campaign engine against SIPp as the carrier, an implementation nobody here wrote: one SIPp UAS process
 * ({@code sipp/uas_carrier.xml}) answers or refuses every lead by the last digit of the called number (busy, rings
 * until cancelled, a voicemail greeting with its beep, a person who presses star during the greeting, a person who
 * answers the first question "no"), playing speech rendered here as RTP from pcaps. The campaign runs its leads
 * concurrently (four closers at ratio 1.5: six lines) with idle time skipped between retries; the journal must hold
 * the exact dispositions, and SIPp must count every call it took as successful.
 */
final class SippCarrierCampaignTest
{
    private static final String GREETING = "Hi, you have reached the voice mail of Alex Morgan. " +
        "I am sorry that I cannot take your call right now. " +
        "Please leave your name, your number and a short message after the tone, " +
        "and I will get back to you as soon as I can.";
    private static final String BUSY = "+12145550101";
    private static final String NO_ANSWER = "+12145550102";
    private static final String VOICEMAIL = "+12145550103";
    private static final String OPT_OUT = "+12145550104";
    private static final String NOT_QUALIFIED = "+12145550105";
    private static final int MAX_ATTEMPTS = 3;
    private static final int SIPP_CALLS = 2 * MAX_ATTEMPTS + 3;
    private static final long RING_TIMEOUT_MS = 15_000;
    private static final int KEY_MS = 200;
    private static final int OPT_OUT_KEY_AT_MS = 3_500;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldDisposeEveryLeadAsTheSippCarrierAnswers() throws Exception
    {
        assumeTrue(Sipp.available(), Sipp.SKIP_REASON);
        assumeTrue(Sipp.canPlayPcap(), "SIPp play_pcap_audio needs root or CAP_NET_RAW: carrier test skipped");
        final CampaignResult loaded = CampaignLoader.load(Path.of("../examples/demo-campaign.yaml"));
        assertTrue(loaded.isValid(), loaded.errors().toString());
        final CampaignFile campaign = loaded.campaign();
        assertEquals(MAX_ATTEMPTS, campaign.maxAttempts());

        final TextToSpeech tts = new TextToSpeech();
        final Path sippDir = Files.createDirectory(dir.resolve("sipp"));
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        try (PromptBook prompts = PromptBook.of(tts, campaign))
        {
            // the greeting speaks the lead's first name: its length for the lead who answers "no" (Eli)
            final String greeting = campaign.script().greeting().render(
                campaign.script().leadValues(java.util.Map.of("first_name", "Eli")));
            writeCarrierMedia(tts, sippDir, tts.render(greeting).durationMs());
            try (Sipp sipp = Sipp.launch(new Sipp.Context().scenario("uas_carrier.xml").workDir(sippDir)
                .calls(SIPP_CALLS).limit(SIPP_CALLS).timeoutSeconds(110));
                SipStack dialer = SipStack.launch(new SipStack.Context().bindAddress(loopback).port(0)
                    .threadPoolSize(2).userAgent("dialer").outboundProxy("sip:" + sipp.hostPort())
                    .mediaContext(new MediaEngine.Context().bindAddress(loopback))))
            {
                sipp.awaitListening(Duration.ofSeconds(10));
                final List<String> dispositions = runCampaign(campaign, sipp, dialer, prompts);

                final Sipp.Result result = sipp.awaitExit(Duration.ofSeconds(15));
                assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, result.exitCode(), result::describe);
                assertEquals(SIPP_CALLS, result.successfulCalls(), result::describe);
                assertEquals(0, result.failedCalls(), result::describe);
                assertEquals(0, result.stat("FailedUnexpectedMessage(C)"), result::describe);
                assertFalse(result.errors().contains("Unexpected"), result::describe);
                assertEquals(List.of(
                    "lead=0 attempt=1 BUSY", "lead=0 attempt=2 BUSY", "lead=0 attempt=3 BUSY",
                    "lead=1 attempt=1 NO_ANSWER", "lead=1 attempt=2 NO_ANSWER", "lead=1 attempt=3 NO_ANSWER",
                    "lead=2 attempt=1 MESSAGE_LEFT", "lead=3 attempt=1 OPTED_OUT", "lead=4 attempt=1 DISQUALIFIED"),
                    dispositions);
            }
        }
    }

    private List<String> runCampaign(
        final CampaignFile campaign, final Sipp sipp, final SipStack dialer, final PromptBook prompts)
        throws Exception
    {
        final LeadList leads = new LeadListReader("US").read("leads.csv",
            "phone,first_name,last_name,city,state\n" +
            BUSY + ",Ana,Ruiz,Dallas,TX\n" +
            NO_ANSWER + ",Ben,Cole,Dallas,TX\n" +
            VOICEMAIL + ",Cara,Diaz,Dallas,TX\n" +
            OPT_OUT + ",Dev,Shah,Dallas,TX\n" +
            NOT_QUALIFIED + ",Eli,Park,Dallas,TX\n");
        final String nowhere = "@127.0.0.1:" + Sipp.freeUdpPort();
        final List<Closer> closers = new ArrayList<>();
        for (int i = 1; i <= 4; i++)
        {
            closers.add(new Closer("closer-" + i, "Closer " + i, "sip:closer-" + i + nowhere, List.of("auto-closers")));
        }
        final Path journal = dir.resolve("journal");
        final long start = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, CHICAGO).toInstant().toEpochMilli();
        try (DoNotCallList dnc = new DoNotCallList(dir.resolve("opt-outs.txt")))
        {
            final EngineContext config = CampaignSetup.engine(campaign, dnc,
                new CampaignClock(SystemEpochClock.INSTANCE, start), true)
                .closers(closers)
                .stacks(dialer)
                .journalDir(journal)
                .campaign(CampaignSetup.campaign(campaign, leads, dnc)
                    .trunkHost(sipp.hostPort())
                    .ringTimeoutMs(RING_TIMEOUT_MS)
                    .prompts(prompts)
                    .journalDir(journal));
            try (DialerEngine engine = DialerEngine.start(config))
            {
                assertTrue(engine.awaitFinished(100, TimeUnit.SECONDS), "campaign finished");
            }
            assertTrue(dnc.contains(OPT_OUT), "opt-out on the do-not-call list");
            assertFalse(dnc.contains(NOT_QUALIFIED), "not qualified is not an opt-out");
        }

        final RecordingLog log = new RecordingLog();
        Journal.replay(journal, log);
        final String lines = String.join("\n", log.lines);
        assertTrue(log.lines.contains("verdict lead=2 MACHINE"), lines);
        assertTrue(log.lines.contains("opted out lead=3 " + OPT_OUT), lines);
        assertTrue(log.lines.contains("answer lead=4 owns_car=no"), lines);
        assertTrue(log.lines.stream().noneMatch((line) -> line.startsWith("closer ")), lines);
        assertEquals(9, log.dispositions.size(), lines);
        return log.dispositions.stream().sorted().toList();
    }

    /**
     * The callees' audio, as pcaps in SIPp's working directory under the names the scenario plays.
     *
     * @param tts        the speech synthesiser.
     * @param sippDir    SIPp's working directory.
     * @param greetingMs how long the script's greeting plays, the person who is not qualified waits it out.
     * @throws Exception when speech cannot be rendered or a file written.
     */
    private static void writeCarrierMedia(final TextToSpeech tts, final Path sippDir, final int greetingMs)
        throws Exception
    {
        final short[] none = new short[0];
        final short[] voicemail = Tones.concat(tts.render(GREETING).samples(), Tones.noise(600, 30, 1),
            Tones.sine(1_000, 500, 12_000), Tones.noise(3_000, 30, 2));
        SippMedia.writeAudioAndKeysPcap(sippDir.resolve("voicemail.pcap"), voicemail, "", KEY_MS, 0, none);

        final short[] hello = Tones.concat(Tones.noise(300, 30, 3), tts.render("Hello?").samples());
        final int helloMs = hello.length / 8;
        SippMedia.writeAudioAndKeysPcap(sippDir.resolve("opt_out.pcap"),
            Tones.concat(hello, Tones.noise(OPT_OUT_KEY_AT_MS - helloMs, 30, 4)), "*", KEY_MS, 100,
            Tones.noise(6_000, 30, 5));

        // the verdict comes at most the detector's statement silence after "Hello?", then the greeting plays; the key
        // lands a second after its end, while the first question plays or waits for its answer (several seconds)
        final int keyAtMs = helloMs + DetectorConfig.STATEMENT_SILENCE_MS_DEFAULT + greetingMs + 1_000;
        SippMedia.writeAudioAndKeysPcap(sippDir.resolve("not_qualified.pcap"),
            Tones.concat(hello, Tones.noise(keyAtMs - helloMs, 30, 6)), "2", KEY_MS, 100, Tones.noise(8_000, 30, 7));
    }
}
