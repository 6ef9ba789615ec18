/*
 * Dialer SIPp interop.
 */
package io.dialer.sip.sipp;

import io.dialer.media.Prompt;
import io.dialer.sip.CallLeg;
import io.dialer.sip.DialRequest;
import io.dialer.sip.DtmfSource;
import io.dialer.sip.EndCause;
import io.dialer.sip.FailureCause;
import io.dialer.sip.SipStack;
import io.dialer.sip.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dialer's SIP stack against SIPp, an implementation nobody here wrote, over real UDP on loopback: SIPp as the
 * carrier's far end (UAS scenarios) and as a caller (UAC scenarios). A call passes only when both sides agree: the
 * stack's events and SIPp's exit code (0 = every call of the scenario went as scripted).
 */
final class SippInteropTest
{
    private static final double SIPP_TONE_HZ = 1000.0;
    private static final double PROMPT_TONE_HZ = 440.0;
    private static final Duration SIPP_WAIT = Duration.ofSeconds(30);
    private static final long EVENT_WAIT_MS = 10_000;
    private static final String USER = "alice";
    private static final String PASSWORD = "s3cret";
    private static final String REALM = "carrier.test";

    @TempDir
    Path dir;

    private SipStack stack;

    @BeforeEach
    void requireSipp()
    {
        assumeTrue(Sipp.available(), Sipp.SKIP_REASON);
    }

    @AfterEach
    void closeStack()
    {
        if (null != stack)
        {
            stack.close();
        }
    }

    @Test
    @Timeout(60)
    void shouldReceiveToneAndRfc4733KeysFromAnsweringSipp() throws Exception
    {
        assumeTrue(Sipp.canPlayPcap(), "SIPp play_pcap_audio needs root or CAP_NET_RAW: media scenario skipped");
        final String digits = "159#";
        SippMedia.writeTonesAndKeysPcap(dir.resolve("media.pcap"), SIPP_TONE_HZ, 1000, digits, 100, 100);
        stack = launchStack(new SipStack.Context());

        try (Sipp sipp = Sipp.launch(uas("uas_answer_media.xml")))
        {
            sipp.awaitListening(SIPP_WAIT);
            final CallEvents events = new CallEvents();
            final ToneProbe probe = new ToneProbe(SIPP_TONE_HZ, 20);
            final CallLeg leg = stack.dial(new DialRequest(target(sipp)), events);
            leg.addTap(probe);

            events.await(CallEvents.Type.ANSWERED, EVENT_WAIT_MS);
            assertTrue(probe.awaitTone(EVENT_WAIT_MS, TimeUnit.MILLISECONDS), probe::toString);

            final StringBuilder received = new StringBuilder();
            while (received.length() < digits.length())
            {
                final CallEvents.Event dtmf = events.await(CallEvents.Type.DTMF, EVENT_WAIT_MS);
                assertEquals(DtmfSource.RFC4733, dtmf.source());
                received.append(dtmf.digit());
            }
            assertEquals(digits, received.toString());

            leg.hangup();
            assertEquals(EndCause.LOCAL, events.await(CallEvents.Type.ENDED, EVENT_WAIT_MS).endCause());
            assertSippSucceeded(sipp);
        }
    }

    @Test
    @Timeout(60)
    void shouldReportBusyAndAckThe486() throws Exception
    {
        stack = launchStack(new SipStack.Context());
        try (Sipp sipp = Sipp.launch(uas("uas_busy.xml")))
        {
            sipp.awaitListening(SIPP_WAIT);
            final CallEvents events = new CallEvents();
            stack.dial(new DialRequest(target(sipp)), events);

            final CallEvents.Event failed = events.await(CallEvents.Type.FAILED, EVENT_WAIT_MS);
            assertEquals(FailureCause.BUSY, failed.failure());
            assertEquals(486, failed.sipStatus());
            assertSippSucceeded(sipp);
        }
    }

    @Test
    @Timeout(60)
    void shouldCancelAfterRingTimeoutAsNoAnswer() throws Exception
    {
        stack = launchStack(new SipStack.Context());
        try (Sipp sipp = Sipp.launch(uas("uas_ring_cancel.xml")))
        {
            sipp.awaitListening(SIPP_WAIT);
            final CallEvents events = new CallEvents();
            stack.dial(new DialRequest(target(sipp)).ringTimeoutMs(1500), events);

            events.await(CallEvents.Type.RINGING, EVENT_WAIT_MS);
            final CallEvents.Event failed = events.await(CallEvents.Type.FAILED, EVENT_WAIT_MS);
            assertEquals(FailureCause.NO_ANSWER, failed.failure(), failed::toString);
            assertSippSucceeded(sipp);
        }
    }

    @Test
    @Timeout(60)
    void shouldFailAsTrunkUnreachableWhenSippAnswersNothing() throws Exception
    {
        stack = launchStack(new SipStack.Context());
        try (Sipp sipp = Sipp.launch(uas("uas_silent.xml")))
        {
            sipp.awaitListening(SIPP_WAIT);
            final CallEvents events = new CallEvents();
            final long start = System.nanoTime();
            stack.dial(new DialRequest(target(sipp)).responseTimeoutMs(1_000), events);

            final CallEvents.Event failed = events.await(CallEvents.Type.FAILED, EVENT_WAIT_MS);
            final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(FailureCause.TRUNK_UNREACHABLE, failed.failure(), failed::toString);
            assertEquals(0, failed.sipStatus());
            assertEquals("no response from " + target(sipp) + " within 1 s", failed.reason());
            assertTrue(elapsedMs < 5_000, "failed after " + elapsedMs + " ms");
            assertSippSucceeded(sipp);
        }
    }

    @Test
    @Timeout(60)
    void shouldMakeAWholeCallToSippOverTcp() throws Exception
    {
        // the stack listens on TCP only and SIPp runs -t t1: a message over UDP either way would be lost
        stack = SipStack.launch(new SipStack.Context()
            .bindAddress(InetAddress.getLoopbackAddress())
            .port(0)
            .transports(Transport.TCP)
            .allowedPeer("127.0.0.1"));
        try (Sipp sipp = Sipp.launch(uas("uas_answer.xml").transport("t1")))
        {
            sipp.awaitListening(SIPP_WAIT);
            final CallEvents events = new CallEvents();
            final CallLeg leg = stack.dial(new DialRequest(target(sipp)).transport(Transport.TCP), events);

            events.await(CallEvents.Type.RINGING, EVENT_WAIT_MS);
            events.await(CallEvents.Type.ANSWERED, EVENT_WAIT_MS);
            assertTrue(leg.header("Via").toUpperCase(java.util.Locale.ROOT).contains("TCP"), leg.header("Via"));
            leg.hangup();
            assertEquals(EndCause.LOCAL, events.await(CallEvents.Type.ENDED, EVENT_WAIT_MS).endCause());
            assertSippSucceeded(sipp);
        }
    }

    @Test
    @Timeout(60)
    void shouldDialOverTheTransportTheTargetNames() throws Exception
    {
        // a registered Contact says ;transport=tcp: the stack's default (UDP) must not override it
        stack = SipStack.launch(new SipStack.Context()
            .bindAddress(InetAddress.getLoopbackAddress())
            .port(0)
            .transports(Transport.UDP, Transport.TCP)
            .allowedPeer("127.0.0.1"));
        try (Sipp sipp = Sipp.launch(uas("uas_answer.xml").transport("t1")))
        {
            sipp.awaitListening(SIPP_WAIT);
            final CallEvents events = new CallEvents();
            final CallLeg leg = stack.dial(new DialRequest(target(sipp) + ";transport=TCP"), events);

            events.await(CallEvents.Type.ANSWERED, EVENT_WAIT_MS);
            assertTrue(leg.header("Via").toUpperCase(java.util.Locale.ROOT).contains("TCP"), leg.header("Via"));
            leg.hangup();
            assertEquals(EndCause.LOCAL, events.await(CallEvents.Type.ENDED, EVENT_WAIT_MS).endCause());
            assertSippSucceeded(sipp);
        }
    }

    @Test
    @Timeout(60)
    void shouldAnswerDigestChallengeThatSippVerifies() throws Exception
    {
        stack = launchStack(new SipStack.Context().trunkCredentials(USER, PASSWORD, null));
        try (Sipp sipp = Sipp.launch(authUas()))
        {
            sipp.awaitListening(SIPP_WAIT);
            final CallEvents events = new CallEvents();
            final CallLeg leg = stack.dial(new DialRequest(target(sipp)), events);

            events.await(CallEvents.Type.ANSWERED, EVENT_WAIT_MS);
            leg.hangup();
            events.await(CallEvents.Type.ENDED, EVENT_WAIT_MS);
            assertSippSucceeded(sipp);
        }
    }

    @Test
    @Timeout(60)
    void shouldFailCallWhenSippRefusesWrongPassword() throws Exception
    {
        stack = launchStack(new SipStack.Context().trunkCredentials(USER, "not-" + PASSWORD, null));
        try (Sipp sipp = Sipp.launch(authUas()))
        {
            sipp.awaitListening(SIPP_WAIT);
            final CallEvents events = new CallEvents();
            stack.dial(new DialRequest(target(sipp)), events);

            final CallEvents.Event failed = events.await(CallEvents.Type.FAILED, EVENT_WAIT_MS);
            assertEquals(403, failed.sipStatus(), failed::toString);

            final Sipp.Result result = sipp.awaitExit(SIPP_WAIT);
            assertEquals(Sipp.EXIT_SOME_CALLS_FAILED, result.exitCode(), result::describe);
            assertEquals(1, result.failedCalls(), result::describe);
        }
    }

    @Test
    @Timeout(90)
    void shouldAnswerSippCallsPlayPromptAndHearSippTone() throws Exception
    {
        final int calls = 3;
        SippMedia.writeUlawTone(dir.resolve("tone.ulaw"), SIPP_TONE_HZ, 2000);
        final Prompt prompt = Prompt.fromPcm("440 Hz", SippMedia.tone(PROMPT_TONE_HZ, 3000, 8000));
        final BlockingQueue<CallLeg> offered = new LinkedBlockingQueue<>();
        final CallEvents events = new CallEvents();
        final ToneProbe probe = new ToneProbe(SIPP_TONE_HZ, 20 * calls);
        stack = launchStack(new SipStack.Context().inboundCallHandler((leg) ->
        {
            leg.answer();
            leg.addTap(probe);
            leg.play(prompt, false, false);
            offered.add(leg);
            return events;
        }));

        try (Sipp sipp = Sipp.launch(uac("uac_call_media.xml").calls(calls).rate(10).pauseMs(1500)))
        {
            for (int i = 0; i < calls; i++)
            {
                assertNotNull(offered.poll(EVENT_WAIT_MS, TimeUnit.MILLISECONDS), "call " + i + " not offered");
                assertEquals(EndCause.REMOTE_BYE, events.await(CallEvents.Type.ENDED, EVENT_WAIT_MS).endCause());
            }
            assertTrue(probe.awaitTone(EVENT_WAIT_MS, TimeUnit.MILLISECONDS), probe::toString);
            assertSippSucceeded(sipp);
            assertEquals(calls, sipp.awaitExit(SIPP_WAIT).successfulCalls());
        }
        assertEquals(0, stack.activeCalls());
    }

    @Test
    @Timeout(60)
    void shouldAnswerSippOptionsPing() throws Exception
    {
        stack = launchStack(new SipStack.Context());
        try (Sipp sipp = Sipp.launch(uac("uac_options.xml")))
        {
            assertSippSucceeded(sipp);
        }
    }

    @Test
    @Timeout(60)
    void shouldPingSippWithOptions() throws Exception
    {
        stack = launchStack(new SipStack.Context());
        try (Sipp sipp = Sipp.launch(uas("selftest/uas_options.xml")))
        {
            sipp.awaitListening(SIPP_WAIT);
            assertEquals(200, stack.ping(target(sipp)).get(EVENT_WAIT_MS, TimeUnit.MILLISECONDS));
            assertSippSucceeded(sipp);
        }
    }

    @Test
    @Timeout(60)
    void shouldIgnoreMalformedDatagramsAndAnswerNextSippCall() throws Exception
    {
        SippMedia.writeUlawTone(dir.resolve("tone.ulaw"), SIPP_TONE_HZ, 500);
        final CallEvents events = new CallEvents();
        stack = launchStack(new SipStack.Context().inboundCallHandler((leg) ->
        {
            leg.answer();
            return events;
        }));

        sendGarbage(stack.port());

        try (Sipp sipp = Sipp.launch(uac("uac_call_media.xml").pauseMs(200)))
        {
            assertEquals(EndCause.REMOTE_BYE, events.await(CallEvents.Type.ENDED, EVENT_WAIT_MS).endCause());
            assertSippSucceeded(sipp);
        }
        assertEquals(0, stack.activeCalls());
    }

    private void sendGarbage(final int port) throws Exception
    {
        final String[] messages = {
            "\u0000\u0001\u0002 not SIP at all \r\n\r\n",
            "INVITE sip:x@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP\r\nCSeq: banana\r\n\r\n",
            "SIP/2.0 200 OK\r\nContent-Length: 99999\r\n\r\nshort",
            "INVITE sip:x@127.0.0.1:" + port + " SIP/2.0\r\n" +
                "Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKgarbage\r\n" +
                "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:x@127.0.0.1>\r\nCall-ID: garbage-1\r\n" +
                "CSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Type: application/sdp\r\nContent-Length: 20\r\n\r\n" +
                "v=0\r\nm=audio xx\r\n"
        };
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            for (final String message : messages)
            {
                final byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
                socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
            }
        }
    }

    private SipStack launchStack(final SipStack.Context context)
    {
        return SipStack.launch(context
            .bindAddress(InetAddress.getLoopbackAddress())
            .port(0)
            .transports(Transport.UDP)
            .allowedPeer("127.0.0.1"));
    }

    private Sipp.Context uas(final String scenario)
    {
        return new Sipp.Context().scenario(scenario).workDir(dir).timeoutSeconds(40);
    }

    private Sipp.Context authUas()
    {
        return uas("uas_auth.xml")
            .key("auth_user", USER)
            .key("auth_password", PASSWORD)
            .key("auth_realm", REALM);
    }

    private Sipp.Context uac(final String scenario)
    {
        return new Sipp.Context()
            .scenario(scenario)
            .workDir(dir)
            .remote("127.0.0.1:" + stack.port())
            .service("1001")
            .timeoutSeconds(40);
    }

    private static String target(final Sipp sipp)
    {
        return "sip:sipp@" + sipp.hostPort();
    }

    private static void assertSippSucceeded(final Sipp sipp) throws InterruptedException
    {
        final Sipp.Result result = sipp.awaitExit(SIPP_WAIT);
        assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, result.exitCode(), result::describe);
        assertEquals(0, result.failedCalls(), result::describe);
    }
}
