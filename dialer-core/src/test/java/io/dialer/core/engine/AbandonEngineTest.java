/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.dialer.core.campaign.Closer;
import io.dialer.core.compliance.AbandonmentRule;
import io.dialer.core.compliance.CallProof;
import io.dialer.core.compliance.DialGate;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.compliance.RetryPolicy;
import io.dialer.core.compliance.WindowPolicy;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.Journal;
import io.dialer.core.lead.LeadListReader;
import io.dialer.media.MediaEngine;
import io.dialer.media.TextToSpeech;
import io.dialer.qualification.CompileResult;
import io.dialer.qualification.Script;
import io.dialer.qualification.ScriptCompiler;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.QuickCalls;
import io.dialer.sip.SipStack;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.transfer.TransferConfiguration;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The abandonment rule end to end over SIP: a person answers, but the script's first prompt never starts (its text,
 * spoken with the lead's own value, renders nothing: the kind of failure an overloaded engine shows as a late
 * prompt); 2 s after the greeting the safe-harbor message plays (the person hangs up during it), the call is
 * ABANDONED, its proof record says so and the ledger counts it in the live state, also after a restart.
 */
class AbandonEngineTest
{
    private static final String SCRIPT = QuickCalls.SCRIPT.replace("greeting: { prompt: Hi., next: q1 }",
        "greeting: { prompt: '{lead.first_name}', next: q1 }");

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldPlayTheSafeHarborMessageAndRecordTheAbandonWhenTheFirstPromptNeverStarts(@TempDir final Path dir)
        throws IOException, InterruptedException
    {
        final CompileResult compiled = ScriptCompiler.compile("abandon.yaml", SCRIPT, Path.of("."));
        assertTrue(compiled.isValid(), compiled.errors().toString());
        final Script script = compiled.script();
        final TextToSpeech tts = new TextToSpeech();
        final AbandonmentRule rule = new AbandonmentRule(2_000, "Acme Solar", "+12145550100", 0.03, "R");
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        final Path journal = dir.resolve("journal");
        final long start = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneId.of("America/Chicago")).toInstant()
            .toEpochMilli();
        final CampaignState state;
        final CampaignState restarted;
        try (SimulatedCarrier carrier = SimulatedCarrier.launch(new SipStack.Context().bindAddress(loopback).port(0)
            .threadPoolSize(2).allowedPeer(loopback.getHostAddress()).userAgent("carrier")
            .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
            SipStack dialer = SipStack.launch(new SipStack.Context().bindAddress(loopback).port(0).threadPoolSize(2)
                .userAgent("dialer").outboundProxy(carrier.proxyUri())
                .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
            PromptBook prompts = new PromptBook(tts, script, null, null, null, new TransferTexts())
                .safeHarbor(rule.safeHarborText());
            DoNotCallList dnc = new DoNotCallList(dir.resolve("opt-outs.txt")))
        {
            carrier.script("+12145550401", PhoneScript.builder().answerAfterMs(100)
                .play(QuickCalls.hello(tts), 0, false).hangupAfterMs(9_000).build()); // during the safe harbor
            carrier.script("closer-dana", PhoneScript.builder().answerAfterMs(100).hangupAfterMs(30_000).build());
            final RetryPolicy retries = new RetryPolicy.Context().maxAttempts(1).maxAttemptsPerDay(1).policy();
            final Supplier<EngineContext> context = () -> new EngineContext()
                .closers(List.of(new Closer("dana", "Dana", carrier.uri("closer-dana"), List.of("sales"))))
                .closersLoginAtStart(true)
                .doNotCall(dnc)
                .clock(new CampaignClock(SystemEpochClock.INSTANCE, start), true)
                .stacks(dialer)
                .journalDir(journal)
                .campaign(new CampaignContext()
                    .name("abandon")
                    .leads(new LeadListReader("US").read("leads.csv", "phone,first_name\n+12145550401,\n"))
                    .script(script)
                    .gate(new DialGate(WindowPolicy.defaultPolicy(), retries, dnc))
                    .trunkHost(carrier.stack().localAddress().getHostString() + ":" + carrier.stack().port())
                    .transfer(new TransferConfiguration.Context().reassuranceIntervalMs(0))
                    .abandonment(rule)
                    .prompts(prompts)
                    .journalDir(journal));
            try (DialerEngine engine = DialerEngine.start(context.get()))
            {
                assertTrue(engine.awaitFinished(40, TimeUnit.SECONDS), "the one lead is done");
                state = engine.campaigns().get(0).state();
            }
            // a restart on the same journal: nothing left to dial, the ledger is rebuilt from the proof records
            try (DialerEngine engine = DialerEngine.start(context.get()))
            {
                assertTrue(engine.awaitFinished(40, TimeUnit.SECONDS));
                restarted = engine.campaigns().get(0).state();
            }
        }

        assertEquals(1, state.humanAnswered(), state.toString());
        assertEquals(1, state.abandoned());
        assertEquals(1.0, state.abandonRate());
        assertEquals(0, state.abandonBudget());
        assertEquals(2, restarted.run());
        assertEquals(1, restarted.humanAnswered(), "the ledger survives the restart: " + restarted);
        assertEquals(1, restarted.abandoned());
        final List<String> records = new ArrayList<>();
        Journal.replay(journal, new CampaignLog()
        {
            @Override
            public void disposition(
                final long timeMs, final int lead, final long callId, final int attempt, final Disposition d,
                final long nextAttemptMs, final CharSequence detail)
            {
                records.add(d + " " + detail);
            }

            @Override
            public void callProof(
                final long timeMs, final int lead, final long callId, final long answeredMs,
                final long greetingEndMs, final long firstAudioMs, final long closerConnectMs, final int flags,
                final CharSequence ruleBasis, final double targetRate)
            {
                records.add("proof " + CallProof.describe(flags) + " firstAudio " + firstAudioMs + " rule " +
                    ruleBasis);
            }
        });
        assertEquals(List.of(
            "ABANDONED no audio within 2000 ms of the greeting's end: safe-harbor message played; hung up during " +
            "the safe-harbor message",
            "proof person, abandoned, safe harbor played firstAudio 0 rule R"), records);
    }
}
