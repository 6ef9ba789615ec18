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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.dialer.sip.RecordingListener.TIMEOUT_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Media release after the bridge against the simulated phones, audio checked end to end: once both phones accept
 * the other's media, the dialer's media sessions for the pair are closed and each phone still hears the other's
 * tone, which can then only come straight from the other phone; both dialogs stay the dialer's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MediaReleaseCallTest
{
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
    void shouldLetCallerAndCloserHearEachOtherDirectlyOnceReleased() throws Exception
    {
        final String caller = SipTests.number();
        final String closer = SipTests.number();
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
        callerLeg.bridge(closerLeg);
        MediaCallTest.assertTone(closerPhone.heard(), 800);

        final CompletableFuture<ReleaseOutcome> outcome = new CompletableFuture<>();
        callerLeg.releaseMedia(closerLeg, (a, b, result, status) -> outcome.complete(result));

        assertEquals(ReleaseOutcome.RELEASED, outcome.get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        assertTrue(callerPhone.awaitReinvited(TIMEOUT_MS));
        assertTrue(closerPhone.awaitReinvited(TIMEOUT_MS));
        assertTrue(callerLeg.mediaReleased());
        assertTrue(closerLeg.mediaReleased());
        assertTrue(callerLeg.media() instanceof ReleasedMedia, "the dialer's media session of the caller is closed");
        assertTrue(closerLeg.media() instanceof ReleasedMedia, "the dialer's media session of the closer is closed");
        assertThrows(IllegalStateException.class, () -> callerLeg.play(Tones.tone(500, 100), false, false));

        // fresh ears, after the dialer's sessions were closed: what they hear comes straight from the other phone
        final AudioProbe closerHears = new AudioProbe();
        final AudioProbe callerHears = new AudioProbe();
        closerPhone.leg().addTap(closerHears);
        callerPhone.leg().addTap(callerHears);
        MediaCallTest.assertTone(closerHears, 800);
        MediaCallTest.assertTone(callerHears, 1200);

        closerPhone.leg().hangup();
        assertEquals(EndCause.REMOTE_BYE, closerEvents.awaitEnded(), "the dialer keeps the closer's dialog");
        assertFalse(callerLeg.state().isTerminal());
        callerLeg.hangup();
        assertEquals(EndCause.REMOTE_BYE, callerPhone.awaitEnded(TIMEOUT_MS), "and the caller's");
    }
}
