/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.campaign.CampaignLoader;
import io.dialer.core.campaign.CampaignResult;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.journal.Journal;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.media.MediaEngine;
import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCall;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sim.Tones;
import io.dialer.sim.demo.DemoPopulation;
import io.dialer.sip.EndCause;
import io.dialer.sip.SipStack;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static io.dialer.core.engine.DialerEngineTest.CHICAGO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code transfer.media: release} through the whole engine, on the simulated carrier with a one-question script: the
 * caller qualifies, the closer accepts after the briefing, both phones are re-INVITEd with the other's media, the
 * journal records the release, and the closer's BYE still ends the caller's call (the dialer kept both dialogs).
 */
final class MediaReleaseCampaignTest
{
    private static final String SCRIPT = String.join("\n",
        "name: one-question",
        "lead_fields: [first_name]",
        "opt_out: { key: \"*\", prompt: \"Goodbye.\" }",
        "defaults: { on_no_input: gone, on_invalid: gone }",
        "greeting:",
        "  prompt: \"Hi. Press 1 for a quote.\"",
        "  next: quote",
        "questions:",
        "  quote:",
        "    prompt: \"Press 1.\"",
        "    choices: { \"1\": \"yes\" }",
        "    next: transfer",
        "outcomes:",
        "  transfer:",
        "    type: qualified",
        "    skill: quotes",
        "    prompt: \"Please hold.\"",
        "    summary: \"{lead.first_name} wants a quote\"",
        "  gone:",
        "    type: disqualified",
        "    reason: no answer",
        "    prompt: \"Goodbye.\"",
        "");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldReleaseTheMediaOfABridgedTransferAndStillEndTheCallOnABye() throws Exception
    {
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        final TextToSpeech tts = new TextToSpeech();
        try (SimulatedCarrier carrier = SimulatedCarrier.launch(new SipStack.Context().bindAddress(loopback).port(0)
                .threadPoolSize(2).allowedPeer(loopback.getHostAddress()).userAgent("carrier")
                .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
            SipStack dialer = SipStack.launch(new SipStack.Context().bindAddress(loopback).port(0).threadPoolSize(2)
                .userAgent("dialer").outboundProxy(carrier.proxyUri())
                .mediaContext(new MediaEngine.Context().bindAddress(loopback))))
        {
            final CampaignFile campaign = campaign(carrier);
            final short[] hello = Tones.concat(Tones.noise(300, 30, 10), tts.render("Hello?").samples(),
                Tones.noise(2_000, 30, 11));
            carrier.script("+12145550151", PhoneScript.builder().answerAfterMs(100)
                .play(Prompt.fromPcm("hello", hello), 0, false)
                .answerWhenAsked(List.of("1"), DemoPopulation.ANSWER_SILENCE_MS)
                .hangupAfterMs(60_000).build());
            carrier.script("closer-vera", PhoneScript.builder().answerAfterMs(100)
                .acceptAfterBriefing(DemoPopulation.BRIEFING_HEARD_MS, DemoPopulation.DECISION_FALLBACK_MS).build());
            final LeadList leads = new LeadListReader("US").read("leads.csv", "phone,first_name\n+12145550151,Kim\n");
            final Path journal = dir.resolve("journal");
            final long start = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, CHICAGO).toInstant().toEpochMilli();
            try (PromptBook prompts = PromptBook.of(tts, campaign);
                DoNotCallList dnc = new DoNotCallList(dir.resolve("opt-outs.txt")))
            {
                final EngineContext config = CampaignSetup.engine(campaign, dnc,
                    new CampaignClock(SystemEpochClock.INSTANCE, start), true)
                    .stacks(dialer)
                    .journalDir(journal)
                    .campaign(CampaignSetup.campaign(campaign, leads, dnc)
                        .trunkHost(carrier.stack().localAddress().getHostString() + ":" + carrier.stack().port())
                        .prompts(prompts)
                        .journalDir(journal));
                try (DialerEngine engine = DialerEngine.start(config))
                {
                    final RunningCampaign run = engine.campaigns().get(0);
                    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
                    while (run.stats().mediaReleased() + run.stats().mediaAnchored() < 1 &&
                        System.nanoTime() < deadline)
                    {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                    }
                    assertEquals(1, run.stats().mediaReleased(), "released, not anchored");
                    final SimulatedCall closer = carrier.awaitCall("closer-vera", 1_000);
                    final SimulatedCall caller = carrier.awaitCall("+12145550151", 1_000);
                    assertTrue(caller.awaitReinvited(1_000), "the caller's phone was re-INVITEd");
                    assertTrue(closer.awaitReinvited(1_000), "the closer's phone was re-INVITEd");

                    closer.leg().hangup(); // the closer's BYE reaches the dialer, which hangs the caller up
                    assertEquals(EndCause.REMOTE_BYE, caller.awaitEnded(10_000));
                    assertTrue(engine.awaitFinished(20, TimeUnit.SECONDS), "campaign finished");
                }
            }
        }

        final RecordingLog log = new RecordingLog();
        Journal.replay(dir.resolve("journal"), log);
        final String lines = String.join("\n", log.lines);
        assertTrue(lines.contains("transfer lead=0 COMPLETED vera"), lines);
        assertTrue(lines.contains("media lead=0 RELEASED 0"), lines);
        assertEquals(List.of("lead=0 attempt=1 TRANSFERRED"), log.dispositions, lines);
    }

    private CampaignFile campaign(final SimulatedCarrier carrier) throws IOException
    {
        Files.writeString(dir.resolve("script.yaml"), SCRIPT);
        Files.writeString(dir.resolve("leads.csv"), "phone,first_name\n+12145550151,Kim\n");
        Files.writeString(dir.resolve("closers.yaml"), String.join("\n",
            "closers:",
            "  - id: vera",
            "    name: Vera",
            "    uri: " + carrier.uri("closer-vera"),
            "    skills: [quotes]",
            ""));
        Files.writeString(dir.resolve("campaign.yaml"), String.join("\n",
            "name: media-release",
            "caller_id: { name: Test, number: \"+12145550199\" }",
            "trunk: { uri: \"sip:carrier@127.0.0.1:5060\" }",
            "script: script.yaml",
            "closers: closers.yaml",
            "leads: leads.csv",
            "transfer: { introduction: off, media: release, max_closer_attempts: 1, wrap_up: 0s }",
            ""));
        final CampaignResult result = CampaignLoader.load(dir.resolve("campaign.yaml"));
        assertTrue(result.isValid(), result.errors().toString());
        return result.campaign();
    }
}
