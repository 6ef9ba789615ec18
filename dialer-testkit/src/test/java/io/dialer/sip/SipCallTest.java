/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCall;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.audio.Codec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.TimeUnit;

import static io.dialer.sip.RecordingListener.TIMEOUT_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signalling over loopback between a dialer stack and a simulated carrier, with media faked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SipCallTest
{

    private final FakeMediaProvider dialerMedia = new FakeMediaProvider();
    private final FakeMediaProvider carrierMedia = new FakeMediaProvider();
    private SimulatedCarrier carrier;
    private SipStack dialer;

    @BeforeAll
    void start()
    {
        carrier = SimulatedCarrier.launch(SipTests.signallingContext(carrierMedia).userAgent("carrier"));
        dialer = SipStack.launch(SipTests.signallingContext(dialerMedia).outboundProxy(carrier.proxyUri()));
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

    @Test
    void shouldAnswerCallNegotiateMediaAndHangUpLocally() throws InterruptedException
    {
        final String number = number();
        carrier.script(number, PhoneScript.builder().answerAfterMs(100).build());
        final RecordingListener listener = new RecordingListener();

        final CallLeg leg = dialer.dial(new DialRequest(carrier.uri(number)), listener);

        assertEquals(Boolean.FALSE, listener.awaitRinging());
        assertTrue(listener.awaitAnswered());
        assertEquals(CallState.ANSWERED, leg.state());
        assertEquals(Codec.PCMU, leg.codec());
        final SimulatedCall call = carrier.awaitCall(number, TIMEOUT_MS);
        assertNotNull(call);
        assertTrue(call.awaitAnswered(TIMEOUT_MS));

        final FakeMediaProvider.FakeLegMedia ours = (FakeMediaProvider.FakeLegMedia)leg.media();
        final FakeMediaProvider.FakeLegMedia theirs = (FakeMediaProvider.FakeLegMedia)call.leg().media();
        assertEquals(theirs.localAddress().getPort(), ours.remote.getPort());
        assertEquals(ours.localAddress().getPort(), theirs.remote.getPort());
        assertEquals(Sdp.TELEPHONE_EVENT_PT, ours.telephoneEventPt);

        leg.hangup();
        assertEquals(EndCause.LOCAL, listener.awaitEnded());
        assertEquals(EndCause.REMOTE_BYE, call.awaitEnded(TIMEOUT_MS));
        assertTrue(call.byeReceived());
        assertTrue(ours.closed);
        assertEquals(CallState.ENDED, leg.state());
        assertEquals(1, listener.terminalEvents.get());
    }

    @Test
    void shouldReportByeFromFarEnd() throws InterruptedException
    {
        final String number = number();
        carrier.script(number, PhoneScript.builder().answerAfterMs(0).hangupAfterMs(200).build());
        final RecordingListener listener = new RecordingListener();

        dialer.dial(new DialRequest(carrier.uri(number)), listener);

        assertTrue(listener.awaitAnswered());
        assertEquals(EndCause.REMOTE_BYE, listener.awaitEnded());
        assertEquals(EndCause.LOCAL, carrier.awaitCall(number, TIMEOUT_MS).awaitEnded(TIMEOUT_MS));
    }

    @Test
    void shouldDialOverTcp() throws InterruptedException
    {
        final String number = number();
        carrier.script(number, PhoneScript.builder().answerAfterMs(50).hangupAfterMs(100).build());
        final RecordingListener listener = new RecordingListener();

        dialer.dial(new DialRequest(carrier.uri(number)).transport(Transport.TCP), listener);

        assertTrue(listener.awaitAnswered());
        assertEquals(EndCause.REMOTE_BYE, listener.awaitEnded());
        final SimulatedCall call = carrier.awaitCall(number, TIMEOUT_MS);
        assertTrue(call.header("Via").toUpperCase().contains("TCP"), call.header("Via"));
    }

    @Test
    void shouldCarryAWholeCallOverTcpWhenNeitherSideListensOnUdp() throws Exception
    {
        // a message sent over UDP anywhere in this call would be lost: both stacks listen on TCP only
        try (SimulatedCarrier tcpCarrier = SimulatedCarrier.launch(SipTests.signallingContext(new FakeMediaProvider())
            .transports(Transport.TCP).userAgent("tcp-carrier"));
            SipStack tcpDialer = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider())
                .transports(Transport.TCP).outboundProxy(tcpCarrier.proxyUri())))
        {
            final String number = number();
            tcpCarrier.script(number, PhoneScript.builder().answerAfterMs(50)
                .pressKeys(100, "1", 100, DtmfSource.SIP_INFO).hold(300, 600).build());
            final RecordingListener listener = new RecordingListener();

            final CallLeg leg = tcpDialer.dial(new DialRequest(tcpCarrier.uri(number)).transport(Transport.TCP),
                listener);

            assertEquals(Boolean.FALSE, listener.awaitRinging());
            assertTrue(listener.awaitAnswered());
            final SimulatedCall call = tcpCarrier.awaitCall(number, TIMEOUT_MS);
            assertTrue(call.header("Via").toUpperCase().contains("/TCP"), call.header("Via"));
            assertEquals('1', listener.awaitDigit(), "INFO from the carrier over TCP");
            assertEquals(Boolean.TRUE, listener.awaitReinvite(), "hold re-INVITE from the carrier over TCP");
            assertEquals(Boolean.FALSE, listener.awaitReinvite(), "and resume");
            leg.sendDtmfInfo('9', 100);
            assertEquals('9', call.awaitDigit(TIMEOUT_MS), "INFO to the carrier over TCP");

            leg.hangup();
            assertEquals(EndCause.LOCAL, listener.awaitEnded());
            assertEquals(EndCause.REMOTE_BYE, call.awaitEnded(TIMEOUT_MS), "BYE over TCP");
        }
    }

    @Test
    void shouldRefuseToDialOverTls()
    {
        final int before = dialer.activeCalls();
        final IllegalArgumentException sips = assertThrows(
            IllegalArgumentException.class, () -> dialer.dial(new DialRequest("sip:1@x").target("sips:1@x"),
                new RecordingListener()));
        assertTrue(sips.getMessage().startsWith("sips: needs TLS, which this dialer does not support yet; use sip:"),
            sips.getMessage());
        final IllegalArgumentException tls = assertThrows(
            IllegalArgumentException.class, () -> dialer.dial(
                new DialRequest("sip:1@" + SipTests.LOOPBACK + ";transport=tls"), new RecordingListener()));
        assertTrue(tls.getMessage().contains("TLS is not supported yet"), tls.getMessage());
        assertEquals(before, dialer.activeCalls(), "no leg made");
    }

    @ParameterizedTest
    @CsvSource({
        "486, BUSY",
        "600, BUSY",
        "480, UNAVAILABLE",
        "408, UNAVAILABLE",
        "404, INVALID_NUMBER",
        "484, INVALID_NUMBER",
        "604, INVALID_NUMBER",
        "603, REJECTED",
        "503, CARRIER_ERROR",
        "500, CARRIER_ERROR",
        "403, CARRIER_ERROR"
    })
    void shouldMapFinalStatusToFailureCause(final int status, final FailureCause expected) throws InterruptedException
    {
        final String number = number();
        carrier.script(number, PhoneScript.builder().reject(status).build());
        final RecordingListener listener = new RecordingListener();

        final CallLeg leg = dialer.dial(new DialRequest(carrier.uri(number)), listener);

        final RecordingListener.Failure failure = listener.awaitFailure();
        assertNotNull(failure);
        assertEquals(expected, failure.cause());
        assertEquals(status, failure.status());
        assertEquals(CallState.FAILED, leg.state());
        assertTrue(((FakeMediaProvider.FakeLegMedia)leg.media()).closed);
    }

    @Test
    void shouldCancelOnRingTimeout() throws InterruptedException
    {
        final String number = number();
        carrier.script(number, PhoneScript.builder().ringForever().build());
        final RecordingListener listener = new RecordingListener();

        dialer.dial(new DialRequest(carrier.uri(number)).ringTimeoutMs(500), listener);

        final RecordingListener.Failure failure = listener.awaitFailure();
        assertEquals(FailureCause.NO_ANSWER, failure.cause());
        assertEquals(487, failure.status());
        final SimulatedCall call = carrier.awaitCall(number, TIMEOUT_MS);
        assertEquals(io.dialer.sip.EndCause.REMOTE_CANCEL, call.awaitEnded(TIMEOUT_MS));
        assertTrue(call.cancelReceived());
    }

    @Test
    void shouldCancelWhenHungUpWhileRinging() throws InterruptedException
    {
        final String number = number();
        carrier.script(number, PhoneScript.builder().ringForever().build());
        final RecordingListener listener = new RecordingListener();

        final CallLeg leg = dialer.dial(new DialRequest(carrier.uri(number)), listener);
        assertEquals(Boolean.FALSE, listener.awaitRinging());
        leg.hangup();

        assertEquals(EndCause.LOCAL, listener.awaitEnded());
        assertTrue(carrier.awaitCall(number, TIMEOUT_MS).awaitEnded(TIMEOUT_MS) == EndCause.REMOTE_CANCEL);
        assertEquals(1, listener.terminalEvents.get());
    }

    @Test
    void shouldReportEarlyMedia() throws InterruptedException
    {
        final String number = number();
        carrier.script(number, PhoneScript.builder().earlyMedia(true).answerAfterMs(200).build());
        final RecordingListener listener = new RecordingListener();

        final CallLeg leg = dialer.dial(new DialRequest(carrier.uri(number)), listener);

        assertEquals(Boolean.TRUE, listener.awaitRinging());
        assertNotNull(((FakeMediaProvider.FakeLegMedia)leg.media()).remote);
        assertTrue(listener.awaitAnswered());
        leg.hangup();
        assertEquals(EndCause.LOCAL, listener.awaitEnded());
    }

    @Test
    void shouldReceiveAndSendDtmfAsSipInfo() throws InterruptedException
    {
        final String number = number();
        carrier.script(number, PhoneScript.builder().answerAfterMs(0)
            .pressKeys(100, "4#", 100, DtmfSource.SIP_INFO).build());
        final RecordingListener listener = new RecordingListener();

        final CallLeg leg = dialer.dial(new DialRequest(carrier.uri(number)), listener);

        assertTrue(listener.awaitAnswered());
        assertEquals('4', listener.awaitDigit());
        assertEquals('#', listener.awaitDigit());
        assertEquals(DtmfSource.SIP_INFO, listener.digitSources.poll());

        leg.sendDtmfInfo('9', 160);
        final SimulatedCall call = carrier.awaitCall(number, TIMEOUT_MS);
        assertEquals('9', call.awaitDigit(TIMEOUT_MS));
        assertEquals(DtmfSource.SIP_INFO, call.digitSources().get(0));
        leg.hangup();
    }

    @Test
    void shouldAcceptHoldAndResumeFromFarEnd() throws InterruptedException
    {
        final String number = number();
        carrier.script(number, PhoneScript.builder().answerAfterMs(0).hold(100, 600).build());
        final RecordingListener listener = new RecordingListener();

        final CallLeg leg = dialer.dial(new DialRequest(carrier.uri(number)), listener);

        assertTrue(listener.awaitAnswered());
        assertEquals(Boolean.TRUE, listener.awaitReinvite());
        assertEquals(Boolean.FALSE, listener.awaitReinvite());
        final FakeMediaProvider.FakeLegMedia media = (FakeMediaProvider.FakeLegMedia)leg.media();
        assertTrue(media.directions.contains("false/true"), media.directions.toString());
        assertEquals("true/true", media.directions.get(media.directions.size() - 1));
        assertEquals(CallState.ANSWERED, leg.state());
        leg.hangup();
        assertEquals(EndCause.LOCAL, listener.awaitEnded());
    }

    @Test
    void shouldSendCallerIdAndAssertedIdentity() throws InterruptedException
    {
        final String number = number();
        carrier.script(number, PhoneScript.builder().reject(486).build());
        final RecordingListener listener = new RecordingListener();

        dialer.dial(new DialRequest(carrier.uri(number)).callerIdName("Acme Sales").callerIdUser("+15550001111"),
            listener);

        assertNotNull(listener.awaitFailure());
        final SimulatedCall call = carrier.awaitCall(number, TIMEOUT_MS);
        final String from = call.header("From");
        assertTrue(from.contains("Acme Sales") && from.contains("sip:+15550001111@"), from);
        final String pai = call.header("P-Asserted-Identity");
        assertNotNull(pai);
        assertTrue(pai.contains("Acme Sales") && pai.contains("+15550001111"), pai);
    }

    @Test
    void shouldKeepASilentCallUpWhileTheCarrierAnswersKeepalives() throws Exception
    {
        final String number = number();
        carrier.script(number, PhoneScript.builder().answerAfterMs(0).build());
        try (SipStack keepalive = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider())
            .outboundProxy(carrier.proxyUri()).keepaliveAfterSilenceMs(200)))
        {
            final RecordingListener listener = new RecordingListener();
            final CallLeg leg = keepalive.dial(new DialRequest(carrier.uri(number)), listener);
            assertTrue(listener.awaitAnswered());

            // fake media never receives RTP: every 200 ms an in-dialog OPTIONS, answered 200 by the carrier's stack
            assertTrue(SipTests.await(() -> leg.liveness.keepalivesSent() >= 3, TIMEOUT_MS));
            assertEquals(CallState.ANSWERED, leg.state());
            assertEquals(0, listener.terminalEvents.get());
            final SimulatedCall call = carrier.awaitCall(number, TIMEOUT_MS);
            assertEquals(CallState.ANSWERED, call.leg().state());

            leg.hangup();
            assertEquals(EndCause.LOCAL, listener.awaitEnded());
            assertEquals(EndCause.REMOTE_BYE, call.awaitEnded(TIMEOUT_MS));
        }
    }

    @Test
    void shouldAnswerOptions() throws Exception
    {
        assertEquals(200, dialer.ping(carrier.proxyUri()).get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        assertEquals(200, carrier.stack().ping(dialer.uri(null)).get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
    }

    @Test
    void shouldOfferInboundCallAndReportByeFromEachSide() throws InterruptedException
    {
        final RecordingListener inbound = new RecordingListener();
        dialer.inboundCallHandler((leg) ->
        {
            leg.ring();
            leg.answer();
            return inbound;
        });
        try
        {
            final RecordingListener outbound = new RecordingListener();
            final CallLeg carrierLeg = carrier.stack().dial(new DialRequest(dialer.uri("closer1")), outbound);

            assertTrue(outbound.awaitAnswered());
            assertTrue(inbound.awaitAnswered());
            assertEquals(Boolean.FALSE, inbound.awaitRinging());
            carrierLeg.hangup();
            assertEquals(EndCause.REMOTE_BYE, inbound.awaitEnded());
            assertEquals(EndCause.LOCAL, outbound.awaitEnded());
        }
        finally
        {
            dialer.inboundCallHandler(null);
        }
    }
}
