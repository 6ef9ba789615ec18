/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import io.dialer.detection.Cause;
import io.dialer.detection.DetectorConfig;
import io.dialer.detection.Verdict;
import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sim.Tones;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.dialer.sip.RecordingListener.TIMEOUT_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answering-machine detection wired to outbound legs, over real SIP and RTP on loopback: a simulated phone answers and
 * plays a greeting WAV, a "hello?", or special information tones, and the dialer's leg reports the detector's verdict
 * and the beep to its {@link CallListener}, with positions measured from the answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetectionCallTest
{
    private static final int RATE = Prompt.SAMPLE_RATE;
    private static final long PROMPT_AT_MS = 300;
    private static final int GAP_MS = 600;
    private static final int BEEP_MS = 500;
    private static final double BEEP_HZ = 1000;
    private static final int NOISE_RMS = 20;
    private static final int BEEP_EARLY_MS = 100;
    private static final int BEEP_LATE_MS = 400;
    private static final String GREETING_TEXT = "Hi, you have reached the voice mail of Alex Morgan. " +
        "I am sorry that I cannot take your call right now. " +
        "Please leave your name, your number and a short message after the tone, " +
        "and I will get back to you as soon as I can. Thank you, and have a great day.";

    private final TextToSpeech tts = new TextToSpeech();
    private SimulatedCarrier carrier;
    private SipStack dialer;
    private Prompt greetingWav;
    private int beepEndInPromptMs;

    @BeforeAll
    void start(@TempDir final Path tempDir) throws IOException
    {
        final short[] speech = tts.render(GREETING_TEXT).samples();
        final short[] gap = Tones.noise(GAP_MS, NOISE_RMS, 1);
        final short[] beep = Tones.sine(BEEP_HZ, BEEP_MS, 12_000);
        final short[] after = Tones.noise(2_000, NOISE_RMS, 2);
        final short[] greeting = Tones.concat(speech, gap, beep, after);
        beepEndInPromptMs = (speech.length + gap.length + beep.length) * 1000 / RATE;

        final Path wav = tempDir.resolve("voicemail-greeting.wav");
        writeWav(wav, greeting);
        greetingWav = Prompt.fromWav(wav);

        carrier = SimulatedCarrier.launch(SipTests.mediaContext().userAgent("carrier"));
        dialer = SipStack.launch(SipTests.mediaContext().outboundProxy(carrier.proxyUri()));
    }

    @AfterAll
    void stop()
    {
        SipTests.closeAll(dialer, carrier);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldReportMachineAndBeepEndForVoicemailGreetingWav() throws InterruptedException
    {
        final String number = phone(PhoneScript.builder().answerAfterMs(100).play(greetingWav, PROMPT_AT_MS, false));
        final DetectionEvents events = new DetectionEvents();

        final CallLeg leg = dialer.dial(detecting(number), events);
        assertTrue(events.awaitAnswered());

        final VerdictEvent verdict = events.awaitVerdict();
        assertNotNull(verdict, "verdict: " + events.history());
        assertEquals(Verdict.MACHINE, verdict.verdict(), verdict.toString());
        final int beepEndMs = events.awaitBeep();
        assertTrue(beepEndMs >= 0, "beep: " + events.history());

        // the beep's true end, from the answer: the script's start plus its place in the WAV; the phone's own
        // scheduling and 20 ms pacing can only make it later, so more slack is allowed that way
        final long expectedMs = PROMPT_AT_MS + beepEndInPromptMs;
        assertTrue(beepEndMs >= expectedMs - BEEP_EARLY_MS && beepEndMs <= expectedMs + BEEP_LATE_MS,
            "beep ended at " + beepEndMs + " ms, expected about " + expectedMs + " ms; " + events.history());
        assertTrue(verdict.positionMs() < beepEndMs, events.history().toString());

        leg.hangup();
        assertEquals(EndCause.LOCAL, events.awaitEnded());
        assertEquals(List.of("answered", "verdict:MACHINE", "beep", "ended:LOCAL"), events.kinds());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldReportHumanForShortHelloThenQuiet() throws IOException, InterruptedException
    {
        final short[] hello = Tones.concat(Tones.noise(300, NOISE_RMS, 3), tts.render("Hello?").samples(),
            Tones.noise(4_000, NOISE_RMS, 4));
        final String number = phone(PhoneScript.builder().answerAfterMs(100)
            .play(Prompt.fromPcm("hello", hello), 0, false));
        final DetectionEvents events = new DetectionEvents();

        final CallLeg leg = dialer.dial(detecting(number), events);
        assertTrue(events.awaitAnswered());

        final VerdictEvent verdict = events.awaitVerdict();
        assertNotNull(verdict, "verdict: " + events.history());
        assertEquals(Verdict.HUMAN, verdict.verdict(), verdict.toString());
        assertTrue(verdict.cause() == Cause.SHORT_GREETING || verdict.cause() == Cause.GREETING_THEN_SILENCE,
            verdict.toString());

        leg.hangup();
        assertEquals(EndCause.LOCAL, events.awaitEnded());
        assertEquals(List.of("answered", "verdict:HUMAN", "ended:LOCAL"), events.kinds());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldReportSitForSpecialInformationTones() throws InterruptedException
    {
        final short[] sit = Tones.concat(
            Tones.sine(913.8, 274, 8_000), Tones.sine(1370.6, 274, 8_000), Tones.sine(1776.7, 380, 8_000),
            Tones.noise(2_000, NOISE_RMS, 5));
        final String number = phone(PhoneScript.builder().answerAfterMs(100)
            .play(Prompt.fromPcm("sit", sit), 100, false));
        final DetectionEvents events = new DetectionEvents();

        final CallLeg leg = dialer.dial(detecting(number), events);
        assertTrue(events.awaitAnswered());

        final VerdictEvent verdict = events.awaitVerdict();
        assertNotNull(verdict, "verdict: " + events.history());
        assertEquals(Verdict.SIT, verdict.verdict(), verdict.toString());
        assertEquals(Cause.SIT_TONES, verdict.cause());

        leg.hangup();
        assertEquals(EndCause.LOCAL, events.awaitEnded());
        assertEquals(List.of("answered", "verdict:SIT", "ended:LOCAL"), events.kinds());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldReportNothingWithoutDetectionOrAfterTheLegEnded() throws InterruptedException
    {
        final PhoneScript.Builder script = PhoneScript.builder().answerAfterMs(100).play(greetingWav, 0, false);
        final DetectionEvents plain = new DetectionEvents();
        final DetectionEvents hungUp = new DetectionEvents();
        final DetectionEvents reference = new DetectionEvents();

        final CallLeg plainLeg = dialer.dial(new DialRequest(carrier.uri(phone(script))), plain);
        final CallLeg hungUpLeg = dialer.dial(detecting(phone(script)), hungUp);
        final CallLeg referenceLeg = dialer.dial(detecting(phone(script)), reference);
        assertTrue(plain.awaitAnswered());
        assertTrue(hungUp.awaitAnswered());
        assertTrue(reference.awaitAnswered());
        hungUpLeg.hangup();
        assertEquals(EndCause.LOCAL, hungUp.awaitEnded());

        // the same greeting on a detecting leg has been heard to its beep: the other two legs heard it as well
        assertNotNull(reference.awaitVerdict());
        assertTrue(reference.awaitBeep() >= 0, "beep: " + reference.history());

        plainLeg.hangup();
        referenceLeg.hangup();
        assertEquals(EndCause.LOCAL, plain.awaitEnded());
        assertEquals(EndCause.LOCAL, reference.awaitEnded());
        assertEquals(List.of("answered", "ended:LOCAL"), plain.kinds());
        assertEquals(List.of("answered", "ended:LOCAL"), hungUp.kinds());
        assertEquals(List.of("answered", "verdict:MACHINE", "beep", "ended:LOCAL"), reference.kinds());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldCountFromTheAnswerAndFeedTheDetectorWithoutAllocating() throws InterruptedException
    {
        final DetectionEvents events = new DetectionEvents();
        final CallLeg leg = dialer.dial(new DialRequest(carrier.uri(phone(PhoneScript.builder().ringForever()))),
            events);
        final long[] nowNs = { 0 };
        final LegDetection detection = LegDetection.start(
            leg, new FakeMediaProvider.FakeLegMedia(null), DetectorConfig.defaults(), () -> nowNs[0]);
        final short[] quiet = Tones.noise(4_000, NOISE_RMS, 6);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();

        // the first 20 ms frame has arrived 125 ms after the answer: the ~105 ms before it, five whole frames, were
        // received before the tap was in place, and every position the detector reports is shifted by them
        nowNs[0] = TimeUnit.MILLISECONDS.toNanos(125);
        detection.onFrame(1, quiet, 0, 160, 0);
        assertEquals(100, detection.leadMs());
        for (int i = 160; i < 8_000; i += 160)
        {
            detection.onFrame(1, quiet, i, 160, i);
        }
        final int frames = (quiet.length - 8_000) / 160;
        final long before = threads.getThreadAllocatedBytes(threadId);
        for (int i = 0; i < frames; i++)
        {
            detection.onFrame(1, quiet, 8_000 + i * 160, 160, 8_000 + i * 160);
        }
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;
        assertTrue(allocated < frames * 8L, allocated + " bytes allocated for " + frames + " frames");

        leg.hangup();
        assertNotNull(events.awaitEnded());
        assertEquals(List.of("ended:LOCAL"), events.kinds());
    }

    private String phone(final PhoneScript.Builder script)
    {
        final String number = SipTests.number();
        carrier.script(number, script.build());
        return number;
    }

    private DialRequest detecting(final String number)
    {
        return new DialRequest(carrier.uri(number)).detection(DetectorConfig.defaults());
    }



    private static void writeWav(final Path file, final short[] samples) throws IOException
    {
        final int dataBytes = samples.length * 2;
        final ByteBuffer buffer = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(new byte[]{ 'R', 'I', 'F', 'F' }).putInt(36 + dataBytes).put(new byte[]{ 'W', 'A', 'V', 'E' });
        buffer.put(new byte[]{ 'f', 'm', 't', ' ' }).putInt(16)
            .putShort((short)1).putShort((short)1).putInt(RATE).putInt(RATE * 2).putShort((short)2).putShort((short)16);
        buffer.put(new byte[]{ 'd', 'a', 't', 'a' }).putInt(dataBytes);
        for (final short sample : samples)
        {
            buffer.putShort(sample);
        }
        Files.write(file, buffer.array());
    }

    record VerdictEvent(Verdict verdict, Cause cause, float confidence, int positionMs)
    {
    }

    /**
     * Records a leg's events in order, detection ones included, for the test to wait on.
     */
    static final class DetectionEvents implements CallListener
    {
        private final List<String> log = new ArrayList<>();
        final CountDownLatch answered = new CountDownLatch(1);
        final BlockingQueue<VerdictEvent> verdicts = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> beeps = new LinkedBlockingQueue<>();
        final BlockingQueue<EndCause> ends = new LinkedBlockingQueue<>();

        public void onAnswered(final CallLeg leg)
        {
            record("answered");
            answered.countDown();
        }

        public void onFailed(final CallLeg leg, final FailureCause cause, final int sipStatus, final String reason)
        {
            record("failed:" + cause);
        }

        public void onEnded(final CallLeg leg, final EndCause cause)
        {
            record("ended:" + cause);
            ends.add(cause);
        }

        public void onVerdict(
            final CallLeg leg, final Verdict verdict, final Cause cause, final float confidence, final int positionMs)
        {
            record("verdict:" + verdict + ":" + cause + ":" + positionMs);
            verdicts.add(new VerdictEvent(verdict, cause, confidence, positionMs));
        }

        public void onBeep(final CallLeg leg, final int endMs, final int frequencyHz)
        {
            record("beep:" + endMs + ":" + frequencyHz);
            beeps.add(endMs);
        }

        public void onGreetingEndedWithoutBeep(final CallLeg leg, final int positionMs)
        {
            record("no-beep:" + positionMs);
        }

        boolean awaitAnswered() throws InterruptedException
        {
            return answered.await(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }

        VerdictEvent awaitVerdict() throws InterruptedException
        {
            return verdicts.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }

        int awaitBeep() throws InterruptedException
        {
            final Integer endMs = beeps.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return null == endMs ? -1 : endMs;
        }

        EndCause awaitEnded() throws InterruptedException
        {
            return ends.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }

        /**
         * The events so far without their details: {@code answered}, {@code verdict:MACHINE}, {@code beep}, ...
         *
         * @return the kinds, in order.
         */
        List<String> kinds()
        {
            final List<String> kinds = new ArrayList<>();
            synchronized (log)
            {
                for (final String entry : log)
                {
                    final String[] parts = entry.split(":");
                    kinds.add(parts[0].equals("verdict") || parts[0].equals("ended") || parts[0].equals("failed") ?
                        parts[0] + ":" + parts[1] : parts[0]);
                }
            }
            return kinds;
        }

        String history()
        {
            synchronized (log)
            {
                return log.toString();
            }
        }

        private void record(final String entry)
        {
            synchronized (log)
            {
                log.add(entry);
            }
        }
    }
}
