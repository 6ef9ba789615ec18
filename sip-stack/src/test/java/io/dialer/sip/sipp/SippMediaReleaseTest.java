/*
 * Dialer SIPp interop.
 */
package io.dialer.sip.sipp;

import io.dialer.sip.CallLeg;
import io.dialer.sip.DialRequest;
import io.dialer.sip.ReleaseOutcome;
import io.dialer.sip.SipStack;
import io.dialer.sip.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Media release after the bridge against SIPp: two SIPp far ends (the caller and the closer), each answering the
 * dialer's re-INVITEs with its own SDP ({@code uas_reinvite_accept.xml}) or refusing them with 488
 * ({@code uas_reinvite_refuse.xml}). SIPp's message trace shows which media each re-INVITE offered: the other SIPp's
 * (the release) or the dialer's (the fallback). Both SIPp runs must pass their scenario.
 */
final class SippMediaReleaseTest
{
    private static final Duration SIPP_WAIT = Duration.ofSeconds(30);
    private static final long EVENT_WAIT_MS = 10_000;
    private static final Pattern INVITE_LINE = Pattern.compile("^INVITE sip:", Pattern.MULTILINE);

    @TempDir
    Path callerDir;

    @TempDir
    Path closerDir;

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
    void shouldOfferEachSippTheOthersMediaAndReleaseWhenBothAccept() throws Exception
    {
        final Released result = run("uas_reinvite_accept.xml", "uas_reinvite_accept.xml");

        assertEquals(ReleaseOutcome.RELEASED, result.outcome);
        assertTrue(result.callerLeg.mediaReleased());
        assertTrue(result.closerLeg.mediaReleased());
        assertEquals(List.of(result.closerMediaPort), result.callerOffers, "the caller is offered the closer's RTP");
        assertEquals(List.of(result.callerMediaPort), result.closerOffers, "the closer is offered the caller's RTP");
    }

    @Test
    @Timeout(60)
    void shouldBringTheCallerBackToTheBridgeWhenTheCloserRefuses() throws Exception
    {
        final Released result = run("uas_reinvite_accept.xml", "uas_reinvite_refuse.xml");

        assertEquals(ReleaseOutcome.CLOSER_REFUSED, result.outcome);
        assertEquals(488, result.status);
        assertFalse(result.callerLeg.mediaReleased());
        assertFalse(result.closerLeg.mediaReleased());
        assertEquals(2, result.callerOffers.size(), "moved, then back: " + result.callerOffers);
        assertEquals(result.closerMediaPort, result.callerOffers.get(0));
        assertTrue(result.callerOffers.get(1) != result.closerMediaPort, "back to the dialer's own port");
        assertEquals(List.of(result.callerMediaPort), result.closerOffers);
    }

    @Test
    @Timeout(60)
    void shouldKeepTheBridgeWhenTheCallerRefuses() throws Exception
    {
        final Released result = run("uas_reinvite_refuse.xml", "uas_reinvite_accept.xml");

        assertEquals(ReleaseOutcome.CALLER_REFUSED, result.outcome);
        assertEquals(488, result.status);
        assertFalse(result.callerLeg.mediaReleased());
        assertEquals(List.of(result.closerMediaPort), result.callerOffers);
        assertEquals(List.of(), result.closerOffers, "the closer is never re-INVITEd");
    }

    private Released run(final String callerScenario, final String closerScenario) throws Exception
    {
        stack = SipStack.launch(new SipStack.Context()
            .bindAddress(InetAddress.getLoopbackAddress())
            .port(0)
            .transports(Transport.UDP)
            .allowedPeer("127.0.0.1"));
        final Released result = new Released();
        try (Sipp caller = Sipp.launch(uas(callerScenario, callerDir));
            Sipp closer = Sipp.launch(uas(closerScenario, closerDir)))
        {
            caller.awaitListening(SIPP_WAIT);
            closer.awaitListening(SIPP_WAIT);
            final CallEvents callerEvents = new CallEvents();
            final CallEvents closerEvents = new CallEvents();
            result.callerLeg = stack.dial(new DialRequest("sip:sipp@" + caller.hostPort()), callerEvents);
            result.closerLeg = stack.dial(new DialRequest("sip:sipp@" + closer.hostPort()), closerEvents);
            callerEvents.await(CallEvents.Type.ANSWERED, EVENT_WAIT_MS);
            closerEvents.await(CallEvents.Type.ANSWERED, EVENT_WAIT_MS);
            result.callerLeg.bridge(result.closerLeg);

            final CompletableFuture<Integer> status = new CompletableFuture<>();
            result.callerLeg.releaseMedia(result.closerLeg, (a, b, outcome, sipStatus) ->
            {
                result.outcome = outcome;
                status.complete(sipStatus);
            });
            result.status = status.get(EVENT_WAIT_MS, TimeUnit.MILLISECONDS);

            result.callerLeg.hangup();
            result.closerLeg.hangup();
            final Sipp.Result callerRun = assertSucceeded(caller);
            final Sipp.Result closerRun = assertSucceeded(closer);
            result.callerMediaPort = caller.mediaPort();
            result.closerMediaPort = closer.mediaPort();
            result.callerOffers = reinviteMediaPorts(callerRun.messages());
            result.closerOffers = reinviteMediaPorts(closerRun.messages());
        }
        return result;
    }

    private static Sipp.Context uas(final String scenario, final Path dir)
    {
        return new Sipp.Context().scenario(scenario).workDir(dir).timeoutSeconds(40);
    }

    private static Sipp.Result assertSucceeded(final Sipp sipp) throws InterruptedException
    {
        final Sipp.Result result = sipp.awaitExit(SIPP_WAIT);
        assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, result.exitCode(), result::describe);
        assertEquals(0, result.failedCalls(), result::describe);
        return result;
    }

    /**
     * The RTP port offered by each re-INVITE SIPp received (the INVITEs after the first), from its message trace.
     */
    private static List<Integer> reinviteMediaPorts(final String trace)
    {
        final List<Integer> ports = new ArrayList<>();
        boolean first = true;
        for (final String block : trace.split("----------------------------------------------- "))
        {
            if (!block.contains("message received") || !INVITE_LINE.matcher(block).find())
            {
                continue;
            }
            if (first)
            {
                first = false;
                continue;
            }
            final int m = block.indexOf("m=audio ");
            ports.add(Integer.parseInt(block.substring(m + 8, block.indexOf(' ', m + 8))));
        }
        return ports;
    }

    private static final class Released
    {
        CallLeg callerLeg;
        CallLeg closerLeg;
        ReleaseOutcome outcome;
        int status;
        int callerMediaPort;
        int closerMediaPort;
        List<Integer> callerOffers;
        List<Integer> closerOffers;
    }
}
