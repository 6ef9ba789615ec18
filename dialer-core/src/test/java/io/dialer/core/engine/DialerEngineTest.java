/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.campaign.CampaignLoader;
import io.dialer.core.campaign.CampaignResult;
import io.dialer.core.campaign.Closer;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.compliance.ProgressivePacer;
import io.dialer.sim.demo.DemoPopulation;
import io.dialer.core.journal.Journal;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.core.pacing.PredictivePacer;
import io.dialer.media.MediaEngine;
import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sim.Tones;
import io.dialer.sip.DtmfSource;
import io.dialer.sip.SipStack;
import io.dialer.transfer.TransferConfiguration;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine over real SIP and RTP on loopback against the simulated carrier: busy leads retried to their attempt
 * cap (idle time skipped), an opt-out added to the do-not-call list, a voicemail greeting answered with the message
 * after its beep.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DialerEngineTest
{
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final String GREETING = "Hi, you have reached the voice mail of Alex Morgan. " +
        "I am sorry that I cannot take your call right now. " +
        "Please leave your name, your number and a short message after the tone, " +
        "and I will get back to you as soon as I can.";

    private final TextToSpeech tts = new TextToSpeech();
    private SimulatedCarrier carrier;
    private SipStack dialer;
    private CampaignFile campaign;
    private PromptBook prompts;

    @BeforeAll
    void start() throws IOException
    {
        final CampaignResult result = CampaignLoader.load(Path.of("../examples/demo-campaign.yaml"));
        assertTrue(result.isValid(), result.errors().toString());
        campaign = result.campaign();
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        carrier = SimulatedCarrier.launch(new SipStack.Context().bindAddress(loopback).port(0).threadPoolSize(2)
            .allowedPeer(loopback.getHostAddress()).userAgent("carrier")
            .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
        dialer = SipStack.launch(new SipStack.Context().bindAddress(loopback).port(0).threadPoolSize(2)
            .userAgent("dialer").outboundProxy(carrier.proxyUri())
            .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
        prompts = PromptBook.of(tts, campaign);
    }

    @AfterAll
    void stop()
    {
        prompts.close();
        dialer.close();
        carrier.close();
    }

    /**
     * The demo campaign on the simulated carrier, one closer, its clock at a Monday 10:00 in Chicago, idle time
     * skipped.
     */
    private CampaignContext campaign(final LeadList leads, final DoNotCallList dnc)
    {
        return CampaignSetup.campaign(campaign, leads, dnc)
            .trunkHost(carrier.stack().localAddress().getHostString() + ":" + carrier.stack().port())
            .prompts(prompts);
    }

    private EngineContext config(final CampaignContext run, final DoNotCallList dnc, final Path journal)
    {
        final long start = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, CHICAGO).toInstant().toEpochMilli();
        return CampaignSetup.engine(campaign, dnc, new CampaignClock(SystemEpochClock.INSTANCE, start), true)
            .closers(List.of(new Closer("dana", "Dana", carrier.uri("closer-dana"), List.of("auto-closers"))))
            .stacks(dialer)
            .journalDir(journal)
            .campaign(run.journalDir(journal));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldRetryBusyRecordOptOutAndLeaveVoicemail(@TempDir final Path dir) throws Exception
    {
        final short[] greeting = Tones.concat(tts.render(GREETING).samples(), Tones.noise(600, 30, 1),
            Tones.sine(1_000, 500, 12_000), Tones.noise(3_000, 30, 2));
        final short[] hello = Tones.concat(Tones.noise(300, 30, 3), tts.render("Hello?").samples(),
            Tones.noise(6_000, 30, 4));
        carrier.script("+12145550101", PhoneScript.builder().busy().build());
        carrier.script("+12145550102", PhoneScript.builder().answerAfterMs(100)
            .play(Prompt.fromPcm("hello", hello), 0, false)
            .pressKeys(4_000, "*", 200, DtmfSource.RFC4733).build());
        carrier.script("+12145550103", PhoneScript.builder().answerAfterMs(100)
            .play(Prompt.fromPcm("greeting", greeting), 200, false).hangupAfterMs(40_000).build());
        // a two-word greeting that pauses like a person (HUMAN), then its beep: a machine after all, message left
        final short[] shortGreeting = Tones.concat(Tones.noise(300, 30, 5), tts.render("Tom Baker.").samples(),
            Tones.noise(1_600, 30, 6), Tones.sine(600, 400, 12_000), Tones.noise(15_000, 30, 7));
        carrier.script("+12145550104", PhoneScript.builder().answerAfterMs(100)
            .play(Prompt.fromPcm("short greeting", shortGreeting), 0, false).hangupAfterMs(40_000).build());

        final LeadList leads = new LeadListReader("US").read("leads.csv",
            "phone,first_name,last_name,city,state\n" +
            "+12145550101,Ana,Ruiz,Dallas,TX\n" +
            "+12145550102,Ben,Cole,Dallas,TX\n" +
            "+12145550103,Cara,Diaz,Dallas,TX\n" +
            "+12145550104,Dan,Baker,Dallas,TX\n");
        final Path journal = dir.resolve("journal");
        try (DoNotCallList dnc = new DoNotCallList(dir.resolve("opt-outs.txt")))
        {
            try (DialerEngine engine = DialerEngine.start(config(campaign(leads, dnc), dnc, journal)))
            {
                assertTrue(engine.awaitFinished(100, TimeUnit.SECONDS), "campaign finished");
            }
            assertTrue(dnc.contains("+12145550102"), "opt-out on the do-not-call list");
        }
        try (DoNotCallList reopened = new DoNotCallList(dir.resolve("opt-outs.txt")))
        {
            assertTrue(reopened.contains("+12145550102"), "the effects stage wrote the opt-out to the file");
            assertEquals(1, reopened.size());
        }

        final RecordingLog log = new RecordingLog();
        Journal.replay(journal, log);
        assertEquals(List.of(
            "lead=0 attempt=1 BUSY", "lead=0 attempt=2 BUSY", "lead=0 attempt=3 BUSY",
            "lead=1 attempt=1 OPTED_OUT", "lead=2 attempt=1 MESSAGE_LEFT", "lead=3 attempt=1 MESSAGE_LEFT"),
            log.dispositions.stream().sorted().toList(), String.join("\n", log.lines));
        assertTrue(log.lines.contains("verdict lead=3 HUMAN"), String.join("\n", log.lines));
        assertTrue(log.lines.contains("verdict lead=3 MACHINE"), "the late beep's correction, " + log.lines);
    }


    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldPacePredictivelyFromTheCallsEvents(@TempDir final Path dir) throws Exception
    {
        final short[] hello = Tones.concat(Tones.noise(300, 30, 3), tts.render("Hello?").samples(),
            Tones.noise(6_000, 30, 4));
        carrier.script("+12145550161", PhoneScript.builder().busy().build());
        carrier.script("+12145550162", PhoneScript.builder().answerAfterMs(100)
            .play(Prompt.fromPcm("hello", hello), 0, false)
            .pressKeys(4_000, "*", 200, DtmfSource.RFC4733).build());
        final LeadList leads = new LeadListReader("US").read("leads.csv",
            "phone,first_name,last_name,city,state\n" +
            "+12145550161,Eve,Ray,Dallas,TX\n" +
            "+12145550162,Fay,Ross,Dallas,TX\n");
        final CampaignState state;
        try (DoNotCallList dnc = new DoNotCallList(dir.resolve("opt-outs.txt")))
        {
            final CampaignContext predictive = campaign(leads, dnc)
                .predictive(new PredictivePacer.Settings(0.03, 3, 0));
            try (DialerEngine engine = DialerEngine.start(config(predictive, dnc, dir.resolve("journal"))))
            {
                assertTrue(engine.awaitFinished(50, TimeUnit.SECONDS), "campaign finished");
                state = engine.campaigns().get(0).state();
            }
        }

        // the busy dials and the answer reached the pacer from the call flow; the opt-out ended the script
        assertEquals("predictive", state.pacing().mode());
        assertEquals(1, state.pacing().answersMeasured());
        assertTrue(state.pacing().answerRate() < 0.2, state.pacing().toString()); // 1 of 4, with the prior
        assertEquals(Long.valueOf(1), state.dispositions().get("OPTED_OUT"), state.toString());
        assertEquals(Long.valueOf(3), state.dispositions().get("BUSY"), state.toString());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldNotRedialANumberAddedToDoNotCallMidCampaign(@TempDir final Path dir) throws Exception
    {
        final short[] greeting = Tones.concat(tts.render(GREETING).samples(), Tones.noise(600, 30, 1),
            Tones.sine(1_000, 500, 12_000), Tones.noise(3_000, 30, 2));
        carrier.script("+12145550111", PhoneScript.builder().busy().build());
        carrier.script("+12145550112", PhoneScript.builder().answerAfterMs(100)
            .play(Prompt.fromPcm("greeting", greeting), 200, false).hangupAfterMs(40_000).build());
        final LeadList leads = new LeadListReader("US").read("leads.csv",
            "phone,first_name,last_name,city,state\n" +
            "+12145550111,Dee,Fox,Dallas,TX\n" +
            "+12145550112,Eli,Gray,Dallas,TX\n");
        final Path journal = dir.resolve("journal");
        try (DoNotCallList dnc = new DoNotCallList(dir.resolve("opt-outs.txt")))
        {
            try (DialerEngine engine = DialerEngine.start(config(campaign(leads, dnc), dnc, journal)))
            {
                final EngineStats stats = engine.campaigns().get(0).stats();
                // the busy lead's retry is 30 minutes away while the voicemail call is still up: a manager adds the
                // number to the do-not-call list now, and the retry must be refused at the gate
                // (the second dial may wait out an admission hold when the machine is busy: wait for it too)
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while ((stats.count(Disposition.BUSY) < 1 || stats.live() < 1) &&
                    System.nanoTime() < deadline)
                {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                }
                assertEquals(1, stats.count(Disposition.BUSY), "first busy call ended");
                assertEquals(1, stats.live(), "the voicemail call is still up");
                engine.control().addDoNotCall("+12145550111", "test").get(10, TimeUnit.SECONDS);
                assertTrue(engine.awaitFinished(60, TimeUnit.SECONDS), "campaign finished");
            }
        }

        final RecordingLog log = new RecordingLog();
        Journal.replay(journal, log);
        assertEquals(List.of("lead=0 attempt=1 BUSY", "lead=1 attempt=1 MESSAGE_LEFT"),
            log.dispositions.stream().sorted().toList(), String.join("\n", log.lines));
        assertTrue(log.lines.contains("closed lead=0 DO_NOT_CALL"), String.join("\n", log.lines));
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void shouldCallBackAtTheTimeTheCalleeAskedFor(@TempDir final Path dir) throws Exception
    {
        final short[] hello = Tones.concat(Tones.noise(300, 30, 8), tts.render("Hello?").samples(),
            Tones.noise(2_000, 30, 9));
        // the script's own callback: owns a car, ZIP 75201, 34, "3: call me back later", "1: this evening"
        carrier.script("+12145550131", PhoneScript.builder().answerAfterMs(100)
            .play(Prompt.fromPcm("hello", hello), 0, false)
            .answerWhenAsked(List.of("1", "75201#", "34#", "3", "1"), DemoPopulation.ANSWER_SILENCE_MS)
            .hangupAfterMs(120_000).build());
        // qualifies; the only closer rejects; after the apology the caller presses 2: tomorrow morning
        carrier.script("+12145550141", PhoneScript.builder().answerAfterMs(100)
            .play(Prompt.fromPcm("hello", hello), 0, false)
            .answerWhenAsked(List.of("1", "75201#", "34#", "1", "2"), DemoPopulation.ANSWER_SILENCE_MS)
            .hangupAfterMs(120_000).build());
        carrier.script("closer-rhea", PhoneScript.builder().answerAfterMs(100)
            .rejectAfterBriefing(DemoPopulation.BRIEFING_HEARD_MS, DemoPopulation.DECISION_FALLBACK_MS).build());
        final LeadList leads = new LeadListReader("US").read("leads.csv",
            "phone,first_name,last_name,city,state\n" +
            "+12145550131,Ivy,Lane,Dallas,TX\n" +
            "+12145550141,Joy,Moss,Dallas,TX\n");
        final Path journal = dir.resolve("journal");
        final long evening = ZonedDateTime.of(2026, 11, 23, 18, 0, 0, 0, CHICAGO).toInstant().toEpochMilli();
        final long tomorrowMorning = ZonedDateTime.of(2026, 11, 24, 9, 0, 0, 0, CHICAGO).toInstant().toEpochMilli();
        final boolean finished;
        try (DoNotCallList dnc = new DoNotCallList(dir.resolve("opt-outs.txt")))
        {
            final EngineContext config = config(campaign(leads, dnc)
                .transfer(new TransferConfiguration.Context().introduction(false).ringTimeoutMs(10_000)
                    .maxAttempts(1).wrapUpMs(0))
                .pacer(new ProgressivePacer(2, 2)), dnc, journal) // both at once
                .closers(List.of(new Closer("rhea", "Rhea", carrier.uri("closer-rhea"), List.of("auto-closers"))))
                .wrapUpMs(0);
            try (DialerEngine engine = DialerEngine.start(config))
            {
                final RunningCampaign run = engine.campaigns().get(0);
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(100);
                while (run.stats().count(Disposition.CALLBACK) < 2 && System.nanoTime() < deadline)
                {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                }
                assertEquals(2, run.stats().count(Disposition.CALLBACK), "both callees asked for a callback");
                // the clock skips to a callback once no call is up; a redial may already be up: let it finish
                run.drain();
                finished = engine.awaitFinished(60, TimeUnit.SECONDS);
            }
        }

        final RecordingLog log = new RecordingLog();
        Journal.replay(journal, log);
        final String lines = String.join("\n", log.lines);
        assertTrue(finished, "campaign finished, " + lines);
        assertTrue(lines.contains("(this evening (2026-11-23 18:00 America/Chicago))"), lines);
        assertEquals(evening, log.nextAttemptMs("lead=0 attempt=1 CALLBACK"), "the script's callback time, " + lines);
        assertTrue(lines.contains("closer lead=1 rhea REJECTED"), lines);
        assertTrue(lines.contains("(transfer failed: ATTEMPTS_EXHAUSTED; callback tomorrow morning " +
            "(2026-11-24 09:00 America/Chicago))"), lines);
        assertEquals(tomorrowMorning, log.nextAttemptMs("lead=1 attempt=1 CALLBACK"),
            "the time picked after the transfer failed, " + lines);
        final long[] askedFor = {evening, tomorrowMorning};
        for (int lead = 0; lead < 2; lead++)
        {
            final List<Long> dials = log.dialTimesMs.get(lead);
            assertTrue(dials.get(0) < evening, lines);
            for (int i = 1; i < dials.size(); i++)
            {
                assertTrue(dials.get(i) >= askedFor[lead], "no redial before the time asked for, " + lines);
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldHoldNewDialsWhileTheMediaThreadsFallBehind(@TempDir final Path dir) throws Exception
    {
        carrier.script("+12145550121", PhoneScript.builder().busy().build());
        final LeadList leads = new LeadListReader("US").read("leads.csv",
            "phone,first_name,last_name,city,state\n+12145550121,Gil,Hart,Dallas,TX\n");
        final AtomicBoolean overloaded = new AtomicBoolean(true);
        final AtomicLong skippedFrames = new AtomicLong();
        final AtomicInteger checks = new AtomicInteger();
        try (DoNotCallList dnc = new DoNotCallList(dir.resolve("opt-outs.txt")))
        {
            final EngineContext config = config(campaign(leads, dnc), dnc, dir.resolve("journal"))
                .mediaLag(() ->
                {
                    checks.incrementAndGet();
                    // the media threads skip frames at every check while overloaded
                    return overloaded.get() ? skippedFrames.incrementAndGet() : skippedFrames.get();
                }, 200);
            try (DialerEngine engine = DialerEngine.start(config))
            {
                final RunningCampaign run = engine.campaigns().get(0);
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (checks.get() < 8 && System.nanoTime() < deadline)
                {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                }
                assertTrue(checks.get() >= 8, "the controller kept checking the media threads");
                assertEquals(0, run.stats().dialed(), "nothing dialed while the media threads fall behind");
                assertEquals(1, engine.stats().mediaHolds(), "one overload episode");

                overloaded.set(false);
                while (run.stats().dialed() < 1 && System.nanoTime() < deadline)
                {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                }
                assertEquals(1, run.stats().dialed(), "dialing resumes once the media threads keep up");
                run.drain();
                assertTrue(engine.awaitFinished(20, TimeUnit.SECONDS), "campaign finished");
            }
        }
    }
}
