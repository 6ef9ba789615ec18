/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCall;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sim.Tones;
import io.dialer.sip.CallLeg;
import io.dialer.sip.CallListener;
import io.dialer.sip.DialRequest;
import io.dialer.sip.DtmfSource;
import io.dialer.sip.EndCause;
import io.dialer.sip.FailureCause;
import io.dialer.sip.SipStack;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dialer demo}: a simulated carrier and a dialer SIP stack on loopback, a handful of real SIP calls with RTP
 * (answered with a spoken prompt and a key press, busy, no answer, unavailable, and two answered legs bridged), one
 * line per call with its outcome; exit code 0 when every outcome is the expected one.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Telephony demo on loopback: a simulated carrier and the dialer's SIP stack place a few real SIP/RTP calls",
        "(answered, busy, no answer, unavailable, a bridge) and print one line per call.",
        "Exit code 0 when every outcome is as expected, 1 otherwise."
    })
public final class DemoCommand implements Callable<Integer>
{
    private static final long WAIT_MS = 20_000;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--ring-timeout-ms", paramLabel = "MS",
        description = "Ring timeout of the no-answer call, short for the demo (default: ${DEFAULT-VALUE}).")
    private long ringTimeoutMs = 2_000;

    @Option(names = "--no-tts", description = "Play a tone instead of the spoken prompt.")
    private boolean noTts;

    /**
     * Runs the demo calls.
     *
     * @return 0 when every outcome is as expected, 1 otherwise.
     * @throws Exception when the stacks cannot start.
     */
    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        final Prompt prompt = prompt(out);
        final List<String> failures = new ArrayList<>();

        try (SimulatedCarrier carrier = SimulatedCarrier.launch(new SipStack.Context()
                .bindAddress(loopback).port(0).threadPoolSize(2).userAgent("sim-carrier")
                .allowedPeer(loopback.getHostAddress()));
            SipStack dialer = SipStack.launch(new SipStack.Context()
                .bindAddress(loopback).port(0).threadPoolSize(2).userAgent("dialer-demo")
                .outboundProxy(carrier.proxyUri())))
        {
            carrier.script("2001", PhoneScript.builder().answerAfterMs(300)
                .pressAfterHeard('1', 500, 5_000, DtmfSource.RFC4733).build());
            carrier.script("2002", PhoneScript.builder().busy().build());
            carrier.script("2003", PhoneScript.builder().ringForever().build());
            carrier.script("2004", PhoneScript.builder().unavailable().build());
            carrier.script("2005", PhoneScript.builder().answerAfterMs(200)
                .play(Tones.tone(800, 1_000), 0, true).build());
            carrier.script("2006", PhoneScript.builder().answerAfterMs(400).build());

            final Outcome answered = new Outcome();
            answered.playOnAnswer = prompt;
            final CallLeg answeredLeg = dial(dialer, carrier, "2001", answered, 0);
            check(out, failures, "2001 answered", answered.digit(), "key 1");
            answeredLeg.hangup();

            final Outcome busy = new Outcome();
            dial(dialer, carrier, "2002", busy, 0);
            check(out, failures, "2002 busy", busy.result(), "FAILED BUSY 486");

            final Outcome noAnswer = new Outcome();
            dial(dialer, carrier, "2003", noAnswer, ringTimeoutMs);
            check(out, failures, "2003 no answer", noAnswer.result(), "FAILED NO_ANSWER 487");

            final Outcome unavailable = new Outcome();
            dial(dialer, carrier, "2004", unavailable, 0);
            check(out, failures, "2004 unavailable", unavailable.result(), "FAILED UNAVAILABLE 480");

            final Outcome caller = new Outcome();
            final Outcome closer = new Outcome();
            final CallLeg callerLeg = dial(dialer, carrier, "2005", caller, 0);
            final CallLeg closerLeg = dial(dialer, carrier, "2006", closer, 0);
            final boolean bothUp = caller.answered.get(WAIT_MS, TimeUnit.MILLISECONDS) &&
                closer.answered.get(WAIT_MS, TimeUnit.MILLISECONDS);
            String bridged = "not answered";
            if (bothUp)
            {
                callerLeg.bridge(closerLeg);
                final SimulatedCall closerPhone = carrier.awaitCall("2006", WAIT_MS);
                if (null != closerPhone && closerPhone.heard().awaitVoicedMs(400, WAIT_MS))
                {
                    bridged = "closer heard " + Math.round(closerPhone.heard().toneHz() / 100.0) * 100 + " Hz";
                }
            }
            check(out, failures, "2005+2006 bridge", bridged, "closer heard 800 Hz");
            callerLeg.hangup();
            closerLeg.hangup();
        }

        out.println(failures.isEmpty() ? "demo: all outcomes as expected" : "demo: unexpected outcomes " + failures);
        out.flush();
        return failures.isEmpty() ? 0 : 1;
    }

    private Prompt prompt(final PrintWriter out)
    {
        if (!noTts)
        {
            try
            {
                return new TextToSpeech().render("Hello, this is the dialer demo. Press one to continue.");
            }
            catch (final Exception | LinkageError ex)
            {
                out.println("demo: text to speech unavailable (" + ex.getMessage() + "), playing a tone");
            }
        }
        return Tones.tone(440, 2_000);
    }

    private static CallLeg dial(
        final SipStack dialer, final SimulatedCarrier carrier, final String number, final Outcome outcome,
        final long ringTimeoutMs)
    {
        final DialRequest request = new DialRequest(carrier.uri(number))
            .callerIdName("Dialer Demo").callerIdUser("+15550100000");
        if (ringTimeoutMs > 0)
        {
            request.ringTimeoutMs(ringTimeoutMs);
        }
        return dialer.dial(request, outcome);
    }

    private static void check(
        final PrintWriter out, final List<String> failures, final String call, final String actual,
        final String expected)
    {
        final boolean ok = expected.equals(actual);
        out.printf("%-18s %-28s %s%n", call, actual, ok ? "OK" : "UNEXPECTED (wanted " + expected + ")");
        out.flush();
        if (!ok)
        {
            failures.add(call);
        }
    }

    /**
     * One demo call's events, completed on SIP and media threads without blocking them.
     */
    private static final class Outcome implements CallListener
    {
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final CompletableFuture<Boolean> answered = new CompletableFuture<>();
        private final CompletableFuture<String> digit = new CompletableFuture<>();
        private Prompt playOnAnswer;

        @Override
        public void onAnswered(final CallLeg leg)
        {
            answered.complete(Boolean.TRUE);
            if (null != playOnAnswer)
            {
                leg.play(playOnAnswer, false, true);
            }
        }

        @Override
        public void onFailed(final CallLeg leg, final FailureCause cause, final int sipStatus, final String reason)
        {
            answered.complete(Boolean.FALSE);
            digit.complete("none");
            result.complete("FAILED " + cause + " " + sipStatus);
        }

        @Override
        public void onEnded(final CallLeg leg, final EndCause cause)
        {
            answered.complete(Boolean.FALSE);
            digit.complete("none");
            result.complete("ENDED " + cause);
        }

        @Override
        public void onDtmf(final CallLeg leg, final char pressed, final DtmfSource source)
        {
            digit.complete("key " + pressed);
        }

        String result()
        {
            return await(result);
        }

        String digit()
        {
            return await(digit);
        }

        private static String await(final CompletableFuture<String> future)
        {
            try
            {
                return future.get(WAIT_MS, TimeUnit.MILLISECONDS);
            }
            catch (final Exception ex)
            {
                return "timed out";
            }
        }
    }
}
