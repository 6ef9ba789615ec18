/*
 * Demo population.
 */
package io.dialer.sim.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.dialer.core.campaign.Closer;
import io.dialer.core.campaign.ClosersFile;
import io.dialer.sim.demo.DemoPopulation.CloserKind;
import io.dialer.sim.demo.DemoPopulation.Kind;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.detection.AnsweringMachineDetector;
import io.dialer.detection.DetectionListener;
import io.dialer.detection.DetectorConfig;
import io.dialer.detection.Verdict;
import io.dialer.media.MediaEngine;
import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sip.SipStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoPopulationTest
{
    private static final long SEED = 42;
    private static final int PORT = 5080;

    @Test
    void shouldWriteALeadListAndClosersFileTheLoadersAccept(@TempDir final Path dir) throws IOException
    {
        final DemoPopulation population = DemoPopulation.create(SEED, 20, 4).writeFiles(dir, PORT);

        final LeadList leads = new LeadListReader("US", 1).read(population.leadsCsv());
        assertEquals(List.of(), leads.report().problems());
        assertEquals(20, leads.size());
        assertEquals(List.of("first_name", "last_name", "city", "state", "zip"), leads.fieldNames());
        for (int i = 0; i < leads.size(); i++)
        {
            assertArrayEquals(new String[]{"America/Chicago"}, leads.timeZones(i), leads.e164(i));
            assertEquals("TX", leads.state(i));
            assertEquals(population.lead(i).e164(), leads.e164(i));
            assertEquals(population.lead(i).firstName(), leads.field(i, "first_name"));
            assertSame(population.lead(i), population.lead(leads.e164(i)));
        }

        final ClosersFile closers = ClosersFile.load(population.closersYaml());
        assertEquals(List.of(), closers.errors());
        assertEquals(4, closers.closers().size());
        for (int i = 0; i < 4; i++)
        {
            final Closer closer = closers.closers().get(i);
            final DemoPopulation.DemoCloser planned = population.closers().get(i);
            assertEquals(planned.id(), closer.id());
            assertEquals(planned.name(), closer.name());
            assertEquals("sip:" + planned.id() + "@127.0.0.1:" + PORT, closer.uri());
            assertEquals(List.of(DemoPopulation.SKILL), closer.skills());
        }
        assertEquals(List.of(CloserKind.REJECTS, CloserKind.ACCEPTS, CloserKind.ACCEPTS, CloserKind.NEVER_ANSWERS),
            population.closers().stream().map(DemoPopulation.DemoCloser::kind).toList());
    }

    @Test
    void shouldMixEveryKindByWeightAndTheSameWayForASeed()
    {
        final DemoPopulation population = DemoPopulation.create(SEED, 20, 4);
        final Map<Kind, Integer> expected = new EnumMap<>(Kind.class);
        expected.put(Kind.QUALIFIES, 6);
        expected.put(Kind.NOT_QUALIFIED, 3);
        expected.put(Kind.OPTS_OUT, 2);
        expected.put(Kind.VOICEMAIL, 3);
        expected.put(Kind.BUSY, 2);
        expected.put(Kind.NO_ANSWER, 2);
        expected.put(Kind.HANGS_UP, 2);
        assertEquals(expected, population.kindCounts());

        assertEquals(kinds(population), kinds(DemoPopulation.create(SEED, 20, 4)));
        assertEquals(population.leadsCsvText(), DemoPopulation.create(SEED, 20, 4).leadsCsvText());
        assertNotEquals(kinds(population), kinds(DemoPopulation.create(SEED + 1, 20, 4)));

        for (int n = 10; n <= 80; n++)
        {
            final DemoPopulation sized = DemoPopulation.create(n, n, 3);
            int total = 0;
            for (final Kind kind : Kind.values())
            {
                assertTrue(sized.count(kind) >= 1, n + " leads: no " + kind);
                total += sized.count(kind);
            }
            assertEquals(n, total);
        }
        assertEquals(3, DemoPopulation.create(SEED, 3, 1).leads().size());
        assertThrows(IllegalArgumentException.class, () -> DemoPopulation.create(SEED, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> DemoPopulation.create(SEED, 5, 0));
    }

    @Test
    void shouldExpectEachKindsDispositionAndAttempts()
    {
        final DemoPopulation population = DemoPopulation.create(SEED, 20, 4);

        assertEquals(new DemoPopulation.Expected(Kind.QUALIFIES, "TRANSFERRED", 1),
            population.expected(indexOf(population, Kind.QUALIFIES)));
        assertEquals(new DemoPopulation.Expected(Kind.NOT_QUALIFIED, "DISQUALIFIED", 1),
            population.expected(indexOf(population, Kind.NOT_QUALIFIED)));
        assertEquals(new DemoPopulation.Expected(Kind.OPTS_OUT, "OPTED_OUT", 1),
            population.expected(indexOf(population, Kind.OPTS_OUT)));
        assertEquals(new DemoPopulation.Expected(Kind.VOICEMAIL, "MESSAGE_LEFT", 1),
            population.expected(indexOf(population, Kind.VOICEMAIL)));
        assertEquals(new DemoPopulation.Expected(Kind.BUSY, "BUSY", 3),
            population.expected(indexOf(population, Kind.BUSY)));
        assertEquals(new DemoPopulation.Expected(Kind.NO_ANSWER, "NO_ANSWER", 3),
            population.expected(indexOf(population, Kind.NO_ANSWER)));
        final DemoPopulation.Lead hangsUp = population.lead(indexOf(population, Kind.HANGS_UP));
        assertEquals(new DemoPopulation.Expected(Kind.HANGS_UP, "HUNG_UP", 3),
            population.expected(hangsUp.e164()));
        assertEquals(hangsUp.expected(), population.expected(hangsUp.e164().substring(2)));
        assertNull(population.expected("+12125550100"));

        // 6 + 3 + 2 + 3 leads called once, 2 + 2 + 2 called three times
        assertEquals(14 + 18, population.expectedCalls());
        assertEquals(6, population.expectedDispositions().get("TRANSFERRED"));
        assertEquals(population.expectedCalls(),
            population.expectedCallsByDisposition().values().stream().mapToInt(Integer::intValue).sum());
        final String text = population.describe();
        assertTrue(text.startsWith("20 simulated leads (seed 42)"), text);
        assertTrue(text.contains("  6 qualifies"), text);
        assertTrue(text.contains("closer sam"), text);
    }

    @Test
    @Timeout(60)
    void shouldRegisterEveryPhoneOnTheCarrier(@TempDir final Path dir) throws IOException
    {
        final DemoPopulation population = DemoPopulation.create(SEED, 20, 4);
        try (SimulatedCarrier carrier = SimulatedCarrier.launch(new SipStack.Context()
            .bindAddress(InetAddress.getLoopbackAddress())
            .port(0)
            .threadPoolSize(1)
            .allowedPeer("127.0.0.1")
            .mediaContext(new MediaEngine.Context().bindAddress(InetAddress.getLoopbackAddress()))))
        {
            population.install(carrier, dir, new TextToSpeech());
            assertEquals(carrier.stack().port(), Integer.parseInt(
                ClosersFile.load(population.closersYaml()).closers().get(0).uri().replaceAll(".*:", "")));

            for (final DemoPopulation.Lead lead : population.leads())
            {
                final PhoneScript script = carrier.scriptOf(lead.e164());
                assertNotNull(script, lead.toString());
                assertSame(script, carrier.scriptOf(lead.e164().substring(1)));
                assertSame(script, carrier.scriptOf(lead.e164().substring(2)));
                assertLeadScript(lead.kind(), script);
            }
            final PhoneScript rejects = carrier.scriptOf("dana");
            assertEquals('9', rejects.keyAfterHeard());
            final PhoneScript accepts = carrier.scriptOf("marcus");
            assertEquals('1', accepts.keyAfterHeard());
            assertEquals(DemoPopulation.CLOSER_TALK_MS, accepts.hangupAfterKeyMs());
            assertTrue(accepts.keyAfterHeardFallbackMs() > accepts.heardMs());
            assertEquals(PhoneScript.Action.RING_FOREVER, carrier.scriptOf("sam").action());
        }
    }

    @Test
    @Timeout(60)
    void shouldSoundHumanWhenAPersonAnswersAndLikeAMachineWithABeepOnVoicemail() throws IOException
    {
        final DemoVoices voices = DemoVoices.render(new TextToSpeech());

        for (final Prompt hello : voices.hellos())
        {
            final Detected detected = detect(hello, 2_000);
            assertEquals(Verdict.HUMAN, detected.verdict, hello + ": " + detected);
        }
        for (final Prompt greeting : voices.greetings())
        {
            final Detected detected = detect(greeting, 2_000);
            assertEquals(Verdict.MACHINE, detected.verdict, greeting + ": " + detected);
            assertTrue(detected.beepEndMs > 0, greeting + ": " + detected);
        }
    }

    private static void assertLeadScript(final Kind kind, final PhoneScript script)
    {
        switch (kind)
        {
            case QUALIFIES -> assertEquals(DemoPopulation.QUALIFYING_ANSWERS, script.answers());
            case NOT_QUALIFIED -> assertEquals(DemoPopulation.NOT_QUALIFYING_ANSWERS, script.answers());
            case OPTS_OUT -> assertEquals(DemoPopulation.OPT_OUT_KEY, script.keyAfterHeard());
            case VOICEMAIL ->
            {
                assertNotNull(script.prompt());
                assertTrue(script.hangupAfterMs() >= script.prompt().durationMs() + DemoPopulation.VOICEMAIL_LISTEN_MS);
            }
            case BUSY ->
            {
                assertEquals(PhoneScript.Action.REJECT, script.action());
                assertEquals(486, script.rejectStatus());
            }
            case NO_ANSWER -> assertEquals(PhoneScript.Action.RING_FOREVER, script.action());
            case HANGS_UP -> assertEquals(DemoPopulation.HANG_UP_HEARD_MS, script.hangupAfterHeardMs());
            default -> throw new AssertionError(kind);
        }
        if (kind != Kind.BUSY && kind != Kind.NO_ANSWER)
        {
            assertEquals(PhoneScript.Action.ANSWER, script.action());
            assertNotNull(script.prompt(), kind.name());
        }
    }

    private static int indexOf(final DemoPopulation population, final Kind kind)
    {
        for (final DemoPopulation.Lead lead : population.leads())
        {
            if (lead.kind() == kind)
            {
                return lead.index();
            }
        }
        throw new AssertionError("no " + kind);
    }

    private static List<Kind> kinds(final DemoPopulation population)
    {
        final List<Kind> kinds = new ArrayList<>();
        for (final DemoPopulation.Lead lead : population.leads())
        {
            kinds.add(lead.kind());
        }
        return kinds;
    }

    /**
     * Runs a prompt, then silence, through the answering-machine detector, as the dialer's leg would hear it.
     */
    private static Detected detect(final Prompt prompt, final int silenceAfterMs)
    {
        final Detected detected = new Detected();
        final AnsweringMachineDetector detector = new AnsweringMachineDetector(DetectorConfig.defaults(), detected);
        final short[] samples = prompt.samples();
        final short[] silence = new short[160];
        for (int i = 0; i + 160 <= samples.length && !detector.isFinished(); i += 160)
        {
            detector.onFrame(samples, i, 160);
        }
        for (int i = 0; i < silenceAfterMs / 20 && !detector.isFinished(); i++)
        {
            detector.onFrame(silence, 0, 160);
        }
        return detected;
    }

    private static final class Detected implements DetectionListener
    {
        Verdict verdict;
        int beepEndMs = -1;

        public void onVerdict(
            final Verdict verdict, final io.dialer.detection.Cause cause, final float confidence, final int positionMs)
        {
            this.verdict = verdict;
        }

        public void onBeep(final int endMs, final int frequencyHz)
        {
            beepEndMs = endMs;
        }

        public void onGreetingEndedWithoutBeep(final int positionMs)
        {
        }

        public String toString()
        {
            return "verdict " + verdict + ", beep end " + beepEndMs;
        }
    }
}
