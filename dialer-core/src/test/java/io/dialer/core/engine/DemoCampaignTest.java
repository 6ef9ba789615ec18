/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.campaign.CampaignLoader;
import io.dialer.core.campaign.CampaignResult;
import io.dialer.core.campaign.ClosersFile;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.sim.demo.DemoPopulation;
import io.dialer.core.journal.CloserResult;
import io.dialer.core.journal.Journal;
import io.dialer.core.journal.Step;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.media.MediaEngine;
import io.dialer.media.TextToSpeech;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sip.SipStack;
import io.dialer.transfer.TransferConfiguration;
import io.dialer.transfer.TransferOutcome;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo campaign end to end over real SIP and RTP on loopback: every lead of the simulated population ends
 * exactly as that person or machine behaves, call by call, read back from the journal.
 */
class DemoCampaignTest
{
    private static final int LEADS = 16;
    private static final int CLOSERS = 4;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldEndEveryLeadAsThePopulationBehaves(@TempDir final Path dir) throws Exception
    {
        final CampaignResult result = CampaignLoader.load(Path.of("../examples/demo-campaign.yaml"));
        assertTrue(result.isValid(), result.errors().toString());
        final CampaignFile campaign = result.campaign();
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        final TextToSpeech tts = new TextToSpeech();
        final Path journal = dir.resolve("journal");
        final DemoPopulation population;
        final boolean finished;
        final StringBuilder phones = new StringBuilder();
        try (SimulatedCarrier carrier = SimulatedCarrier.launch(new SipStack.Context().bindAddress(loopback).port(0)
                .threadPoolSize(4).allowedPeer(loopback.getHostAddress()).userAgent("carrier")
                .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
            SipStack dialer = SipStack.launch(new SipStack.Context().bindAddress(loopback).port(0).threadPoolSize(4)
                .userAgent("dialer").outboundProxy(carrier.proxyUri())
                .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
            DoNotCallList dnc = new DoNotCallList(dir.resolve("opt-outs.txt"));
            PromptBook prompts = PromptBook.of(tts, campaign))
        {
            population = DemoPopulation.create(11, LEADS, CLOSERS).install(carrier, dir, tts);
            final LeadList leads = new LeadListReader("US").read(population.leadsCsv());
            final long start = ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, DialerEngineTest.CHICAGO)
                .toInstant().toEpochMilli();
            final EngineContext config = CampaignSetup.engine(campaign, dnc,
                    new CampaignClock(SystemEpochClock.INSTANCE, start), true)
                .closers(ClosersFile.load(population.closersYaml()).closers())
                .wrapUpMs(500)
                .stacks(dialer)
                .journalDir(journal)
                .campaign(CampaignSetup.campaign(campaign, leads, dnc)
                    .trunkHost(loopback.getHostAddress() + ":" + carrier.stack().port())
                    .ringTimeoutMs(15_000)
                    .transfer(new TransferConfiguration.Context()
                        .wrapUpMs(500).introduction(false).ringTimeoutMs(8_000).maxAttempts(8))
                    .prompts(prompts)
                    .journalDir(journal));
            try (DialerEngine engine = DialerEngine.start(config))
            {
                finished = engine.awaitFinished(200, TimeUnit.SECONDS);
            }
            for (final io.dialer.sim.SimulatedCall call : carrier.calls())
            {
                phones.append(call.user()).append(' ').append(call.endCause()).append(" pressed ")
                    .append(call.pressed()).append(" bye ").append(call.byeReceived()).append('\n');
            }
            for (final DemoPopulation.Lead lead : population.leads())
            {
                assertEquals(lead.kind() == DemoPopulation.Kind.OPTS_OUT, dnc.contains(lead.e164()),
                    lead + " on the do-not-call list");
            }
        }

        final PerLead log = new PerLead();
        Journal.replay(journal, log);
        assertTrue(finished, () -> "campaign did not finish:\n" + String.join("\n", log.lines) + "\n" +
            log.traces + "\n" + phones);
        for (int i = 0; i < LEADS; i++)
        {
            final DemoPopulation.Lead lead = population.lead(i);
            final DemoPopulation.Expected expected = lead.expected();
            final List<Disposition> calls = log.dispositions.getOrDefault(i, List.of());
            final List<Disposition> want = new ArrayList<>();
            for (int n = 0; n < expected.attempts(); n++)
            {
                want.add(Disposition.valueOf(expected.disposition()));
            }
            assertEquals(want, calls, "lead " + i + " " + lead + "\n" + log.trace(i));
            switch (lead.kind())
            {
                case QUALIFIES ->
                {
                    assertEquals(List.of(TransferOutcome.COMPLETED), log.transfers.get(i), log.trace(i));
                    final List<String> attempts = log.closerAttempts.get(i);
                    assertEquals(CloserResult.ACCEPTED.name(), attempts.get(attempts.size() - 1).split(" ")[1],
                        log.trace(i));
                }
                case VOICEMAIL -> assertEquals(List.of(Verdict.MACHINE), log.verdicts.get(i), log.trace(i));
                case NOT_QUALIFIED, OPTS_OUT, HANGS_UP ->
                    assertTrue(log.verdicts.get(i).stream().allMatch(v -> v == Verdict.HUMAN || v == Verdict.NOTSURE),
                        log.trace(i));
                default ->
                {
                }
            }
        }
        assertTrue(log.latencies.getOrDefault(Step.QUALIFIED_TO_CLOSER_INVITE, 0) > 0, "closer INVITE latency");
        assertTrue(log.latencies.getOrDefault(Step.ACCEPT_TO_BRIDGE, 0) > 0, "bridge latency");
    }

    /**
     * The journal, per lead.
     */
    private static final class PerLead extends RecordingLog
    {
        final Map<Integer, List<Disposition>> dispositions = new HashMap<>();
        final Map<Integer, List<Verdict>> verdicts = new HashMap<>();
        final Map<Integer, List<TransferOutcome>> transfers = new HashMap<>();
        final Map<Integer, List<String>> closerAttempts = new HashMap<>();
        final Map<Integer, List<String>> traces = new HashMap<>();
        final Map<Step, Integer> latencies = new HashMap<>();

        @Override
        public void disposition(
            final long timeMs, final int lead, final long callId, final int attempt, final Disposition disposition,
            final long nextAttemptMs, final CharSequence detail)
        {
            dispositions.computeIfAbsent(lead, k -> new ArrayList<>()).add(disposition);
            trace(lead, "disposition " + attempt + " " + disposition + " " + detail);
        }

        @Override
        public void verdict(
            final long timeMs, final int lead, final long callId, final Verdict verdict, final Cause cause,
            final int positionMs)
        {
            verdicts.computeIfAbsent(lead, k -> new ArrayList<>()).add(verdict);
            trace(lead, "verdict " + verdict + " " + cause + " at " + positionMs + " ms");
        }

        @Override
        public void transferEnded(
            final long timeMs, final int lead, final long callId, final TransferOutcome outcome,
            final CharSequence closerId)
        {
            transfers.computeIfAbsent(lead, k -> new ArrayList<>()).add(outcome);
            trace(lead, "transfer " + outcome + " " + closerId);
        }

        @Override
        public void closerAttempt(
            final long timeMs, final int lead, final long callId, final CharSequence closerId,
            final CloserResult result)
        {
            closerAttempts.computeIfAbsent(lead, k -> new ArrayList<>()).add(closerId + " " + result);
            trace(lead, "closer " + closerId + " " + result);
        }

        @Override
        public void answer(
            final long timeMs, final int lead, final long callId, final CharSequence question,
            final CharSequence value)
        {
            trace(lead, "answer " + question + "=" + value);
        }

        @Override
        public void latency(final long timeMs, final Step step, final long nanos)
        {
            latencies.merge(step, 1, Integer::sum);
        }

        private void trace(final int lead, final String line)
        {
            traces.computeIfAbsent(lead, k -> new ArrayList<>()).add(line);
        }

        String trace(final int lead)
        {
            return String.join("\n", traces.getOrDefault(lead, List.of()));
        }
    }
}
