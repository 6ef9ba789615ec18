/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import io.dialer.sim.AudioProbe;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCall;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sim.Tones;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static io.dialer.sip.RecordingListener.TIMEOUT_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls with real RTP between a dialer stack and the simulated carrier: the audio each side hears is checked by its
 * frequency, DTMF goes as RFC 4733 events, and a bridge carries one phone's tone to the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MediaCallTest
{
    private static final long AUDIO_MS = 400;

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

    private static String number()
    {
        return SipTests.number();
    }

    /**
     * The probe heard at least {@value #AUDIO_MS} ms of voiced audio, a tone within 8 % of the frequency, at a level a
     * person would hear.
     */
    static void assertTone(final AudioProbe probe, final double hz) throws InterruptedException
    {
        assertTrue(probe.awaitVoicedMs(AUDIO_MS, TIMEOUT_MS), "heard " + probe.voicedMs() + " ms");
        final double measured = probe.toneHz();
        assertTrue(Math.abs(measured - hz) < hz * 0.08, "expected ~" + hz + " Hz, heard " + measured + " Hz");
        assertTrue(probe.voicedRms() > 1000, "level " + probe.voicedRms());
    }

    @Test
    void shouldCarryAudioBothWays() throws InterruptedException
    {
        final String number = number();
        carrier.script(number, PhoneScript.builder().answerAfterMs(100).play(Tones.tone(1000, 1000), 0, true).build());
        final RecordingListener listener = new RecordingListener();
        final AudioProbe dialerHears = new AudioProbe();

        final CallLeg leg = dialer.dial(new DialRequest(carrier.uri(number)), listener);
        leg.addTap(dialerHears);
        assertTrue(listener.awaitAnswered());
        leg.play(Tones.tone(600, 1000), true, false);

        assertTone(dialerHears, 1000);
        final SimulatedCall call = carrier.awaitCall(number, TIMEOUT_MS);
        assertTone(call.heard(), 600);

        leg.hangup();
        assertEquals(EndCause.REMOTE_BYE, call.awaitEnded(TIMEOUT_MS));
    }

    @Test
    void shouldCarryRfc4733DtmfBothWays() throws InterruptedException
    {
        final String number = number();
        carrier.script(number, PhoneScript.builder().answerAfterMs(0)
            .pressKeys(300, "5#", 400, DtmfSource.RFC4733).build());
        final RecordingListener listener = new RecordingListener();

        final CallLeg leg = dialer.dial(new DialRequest(carrier.uri(number)), listener);

        assertTrue(listener.awaitAnswered());
        assertEquals('5', listener.awaitDigit());
        assertEquals('#', listener.awaitDigit());
        assertEquals(DtmfSource.RFC4733, listener.digitSources.poll());
        assertEquals(DtmfSource.RFC4733, listener.digitSources.poll());

        leg.sendDtmf('7', 120);
        final SimulatedCall call = carrier.awaitCall(number, TIMEOUT_MS);
        assertEquals('7', call.awaitDigit(TIMEOUT_MS));
        assertEquals(DtmfSource.RFC4733, call.digitSources().get(0));
        leg.hangup();
    }

    @Test
    void shouldBridgeTwoLegsEndToEnd() throws InterruptedException
    {
        final String caller = number();
        final String closer = number();
        carrier.script(caller, PhoneScript.builder().answerAfterMs(0).play(Tones.tone(800, 1000), 0, true).build());
        carrier.script(closer, PhoneScript.builder().answerAfterMs(0).play(Tones.tone(1200, 1000), 0, true).build());
        final RecordingListener callerEvents = new RecordingListener();
        final RecordingListener closerEvents = new RecordingListener();

        final CallLeg callerLeg = dialer.dial(new DialRequest(carrier.uri(caller)), callerEvents);
        final CallLeg closerLeg = dialer.dial(new DialRequest(carrier.uri(closer)), closerEvents);
        assertTrue(callerEvents.awaitAnswered());
        assertTrue(closerEvents.awaitAnswered());
        final SimulatedCall callerPhone = carrier.awaitCall(caller, TIMEOUT_MS);
        final SimulatedCall closerPhone = carrier.awaitCall(closer, TIMEOUT_MS);
        assertNotNull(callerPhone);
        assertNotNull(closerPhone);

        callerLeg.bridge(closerLeg);

        assertTone(closerPhone.heard(), 800);
        assertTone(callerPhone.heard(), 1200);

        callerLeg.hangup();
        closerLeg.hangup();
        assertEquals(EndCause.REMOTE_BYE, callerPhone.awaitEnded(TIMEOUT_MS));
        assertEquals(EndCause.REMOTE_BYE, closerPhone.awaitEnded(TIMEOUT_MS));
    }

    @Test
    void shouldBridgeAcrossAStackWithTwoMediaThreadsWhenTheSecondLegSharesTheFirstsThread() throws Exception
    {
        try (SipStack twoThreads = SipStack.launch(SipTests.mediaContext().outboundProxy(carrier.proxyUri())
            .mediaContext(new io.dialer.media.MediaEngine.Context()
                .bindAddress(java.net.InetAddress.getLoopbackAddress()).agentCount(2))))
        {
            // sessions go to the threads in turn: without the affinity the second leg would land on the other one
            final String caller = number();
            final String closer = number();
            carrier.script(caller, PhoneScript.builder().answerAfterMs(0).play(Tones.tone(700, 1000), 0, true).build());
            carrier.script(closer,
                PhoneScript.builder().answerAfterMs(0).play(Tones.tone(1300, 1000), 0, true).build());
            final RecordingListener callerEvents = new RecordingListener();
            final RecordingListener closerEvents = new RecordingListener();

            final CallLeg callerLeg = twoThreads.dial(new DialRequest(carrier.uri(caller)), callerEvents);
            final CallLeg closerLeg = twoThreads.dial(
                new DialRequest(carrier.uri(closer)).mediaAffinity(callerLeg), closerEvents);
            assertTrue(callerEvents.awaitAnswered());
            assertTrue(closerEvents.awaitAnswered());
            final SimulatedCall callerPhone = carrier.awaitCall(caller, TIMEOUT_MS);
            final SimulatedCall closerPhone = carrier.awaitCall(closer, TIMEOUT_MS);

            callerLeg.bridge(closerLeg);

            assertTone(closerPhone.heard(), 700);
            assertTone(callerPhone.heard(), 1300);
            callerLeg.hangup();
            closerLeg.hangup();
            assertEquals(EndCause.REMOTE_BYE, callerPhone.awaitEnded(TIMEOUT_MS));
        }
    }

    @Test
    void shouldHangUpWhenFarEndSendsNoRtp() throws Exception
    {
        try (SipStack quick = SipStack.launch(SipTests.mediaContext().mediaContext(
            new io.dialer.media.MediaEngine.Context().bindAddress(java.net.InetAddress.getLoopbackAddress())
                .rtpTimeoutMs(1_000)));
            RawSipPeer peer = new RawSipPeer())
        {
            final RecordingListener listener = new RecordingListener();
            quick.dial(new DialRequest(peer.uri("mute")), listener);
            final String invite = peer.receive("INVITE", TIMEOUT_MS);
            peer.reply(RawSipPeer.response(invite, 200, "OK", "mutetag",
                "Contact: <sip:mute@127.0.0.1:" + peer.port() + ">\r\n", RawSipPeer.sdp(peer.port() + 2)));
            assertNotNull(peer.receive("ACK", TIMEOUT_MS));
            assertTrue(listener.awaitAnswered());

            assertEquals(EndCause.RTP_TIMEOUT, listener.awaitEnded());
            final String bye = peer.receive("BYE", TIMEOUT_MS);
            assertNotNull(bye, "a dead call is hung up");
            peer.reply(RawSipPeer.response(bye, 200, "OK", null, null, null));
        }
    }

    @Test
    void shouldLetCloserAcceptAfterHearingTheBriefing() throws InterruptedException
    {
        final String closer = number();
        carrier.script(closer, PhoneScript.builder().answerAfterMs(0).acceptAfterBriefing(300, -1).build());
        final RecordingListener listener = new RecordingListener();

        final CallLeg leg = dialer.dial(new DialRequest(carrier.uri(closer)), listener);
        assertTrue(listener.awaitAnswered());
        assertTrue(listener.digits.isEmpty(), "no key before the briefing");
        leg.play(Tones.tone(500, 2000), false, true);

        assertEquals('1', listener.awaitDigit());
        leg.hangup();
    }
}
