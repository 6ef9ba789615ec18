/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import io.dialer.media.Prompt;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCall;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sim.Tones;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.dialer.sip.RecordingListener.TIMEOUT_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A simulated person answering questions ({@link PhoneScript.Builder#answerWhenAsked(List, long)}) over real SIP and
 * RTP: each answer's keys arrive after a prompt ends and its silence lasts long enough, one answer per prompt, never
 * during a prompt's short pauses or during hold music, and nothing once the answers run out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnswerWhenAskedCallTest
{
    private static final long SILENCE_MS = 700;
    private static final int RATE = Prompt.SAMPLE_RATE;
    private static final long QUIET_MS = 500;

    private SimulatedCarrier carrier;
    private SipStack dialer;

    @BeforeAll
    void start()
    {
        carrier = SimulatedCarrier.launch(SipTests.mediaContext().userAgent("carrier"));
        dialer = SipStack.launch(SipTests.mediaContext().outboundProxy(carrier.proxyUri()));
    }

    @AfterAll
    void stop()
    {
        SipTests.closeAll(dialer, carrier);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldAnswerEachQuestionWhenTheCallerStopsTalking() throws InterruptedException
    {
        final String number = SipTests.number();
        carrier.script(number, PhoneScript.builder().answerAfterMs(0)
            .answerWhenAsked(List.of("1", "75201#", "34#"), SILENCE_MS).build());
        final Events events = new Events();

        final CallLeg leg = dialer.dial(new DialRequest(carrier.uri(number)), events);
        assertTrue(events.answered.await(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        final SimulatedCall call = carrier.awaitCall(number, TIMEOUT_MS);
        assertNotNull(call);

        // nothing heard yet but silence: no answer
        assertNull(events.digits.poll(QUIET_MS, TimeUnit.MILLISECONDS));

        // question A, with a pause inside shorter than the silence that ends a turn
        askAndExpect(leg, events, question(400), "1");
        assertNull(events.digits.poll(QUIET_MS, TimeUnit.MILLISECONDS), "one answer per question");

        // question B
        askAndExpect(leg, events, question(500), "75201#");
        assertNull(events.digits.poll(QUIET_MS, TimeUnit.MILLISECONDS), "one answer per question");

        // hold music across its longest pause (the rest at 6.0 s): no key while it plays, the answer once it stops
        final short[] music = Prompt.holdMusic().samples();
        final Prompt hold = Prompt.fromPcm("hold", Arrays.copyOfRange(music, 5_600 * RATE / 1000, 7_000 * RATE / 1000));
        final long holdId = leg.play(hold, false, false);
        final Long holdEnded = events.awaitFinished(holdId);
        assertNotNull(holdEnded, "hold music finished");
        assertTrue(events.digits.isEmpty(), "no key during hold music: " + events.digits);
        final Key first = events.digits.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(first);
        assertEquals('3', first.digit());
        assertTrue(first.atNs() - holdEnded >= TimeUnit.MILLISECONDS.toNanos(SILENCE_MS - 150),
            "answered " + (first.atNs() - holdEnded) / 1_000_000 + " ms after the music stopped");
        assertEquals('4', awaitDigit(events));
        assertEquals('#', awaitDigit(events));

        // the answers have run out: another question gets nothing
        final long lastId = leg.play(question(300), false, false);
        assertNotNull(events.awaitFinished(lastId));
        assertNull(events.digits.poll(SILENCE_MS + QUIET_MS, TimeUnit.MILLISECONDS), "no answers left");

        assertEquals("175201#34#", call.pressed());
        assertEquals(3, call.answersGiven());
        leg.hangup();
        assertEquals(EndCause.REMOTE_BYE, call.awaitEnded(TIMEOUT_MS));
    }

    private static void askAndExpect(final CallLeg leg, final Events events, final Prompt question, final String keys)
        throws InterruptedException
    {
        final long id = leg.play(question, false, false);
        final Long finishedNs = events.awaitFinished(id);
        assertNotNull(finishedNs, "question finished");
        assertTrue(events.digits.isEmpty(), "no key while the question plays: " + events.digits);
        for (int i = 0; i < keys.length(); i++)
        {
            final Key key = events.digits.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertNotNull(key, "key " + i + " of " + keys);
            assertEquals(keys.charAt(i), key.digit(), "key " + i + " of " + keys);
            if (0 == i)
            {
                assertTrue(key.atNs() - finishedNs >= TimeUnit.MILLISECONDS.toNanos(SILENCE_MS - 150),
                    "answered " + (key.atNs() - finishedNs) / 1_000_000 + " ms after the question");
            }
        }
    }

    private static char awaitDigit(final Events events) throws InterruptedException
    {
        final Key key = events.digits.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(key);
        return key.digit();
    }

    /**
     * A spoken question stand-in: two tones with a pause between them, shorter than the turn-ending silence.
     */
    private static Prompt question(final int pauseMs)
    {
        final short[] first = Tones.sine(440, 400, 8_000);
        final short[] second = Tones.sine(660, 300, 8_000);
        final short[] samples = new short[first.length + pauseMs * RATE / 1000 + second.length];
        System.arraycopy(first, 0, samples, 0, first.length);
        System.arraycopy(second, 0, samples, samples.length - second.length, second.length);
        return Prompt.fromPcm("question", samples);
    }

    record Key(char digit, long atNs)
    {
    }

    record Finished(long playbackId, long atNs)
    {
    }

    /**
     * The dialer leg's events with arrival times.
     */
    static final class Events implements CallListener
    {
        final CountDownLatch answered = new CountDownLatch(1);
        final BlockingQueue<Key> digits = new LinkedBlockingQueue<>();
        final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();

        public void onAnswered(final CallLeg leg)
        {
            answered.countDown();
        }

        public void onDtmf(final CallLeg leg, final char digit, final DtmfSource source)
        {
            digits.add(new Key(digit, System.nanoTime()));
        }

        public void onPlaybackFinished(final CallLeg leg, final long playbackId, final boolean interrupted)
        {
            finished.add(new Finished(playbackId, System.nanoTime()));
        }

        Long awaitFinished(final long playbackId) throws InterruptedException
        {
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
            while (true)
            {
                final Finished next = finished.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (null == next)
                {
                    return null;
                }
                if (next.playbackId() == playbackId)
                {
                    return next.atNs();
                }
            }
        }
    }
}
