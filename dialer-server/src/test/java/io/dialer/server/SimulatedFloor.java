/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;

import io.dialer.media.MediaEngine;
import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCall;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sim.Tones;
import io.dialer.sim.ToneProbe;
import io.dialer.sip.SipStack;

/**
 * The phones a browser test's campaign calls, on the testkit's simulated carrier over loopback: callers who answer,
 * say hello, answer the script's questions with keys and then play a tone of their own ({@link #CALLER_TONE_HZ}),
 * which only a phone bridged to them can hear; and closers' phones that answer and wait for the console to decide.
 */
final class SimulatedFloor implements AutoCloseable
{
    /**
     * The tone every caller plays once it has had time to answer: a closer's phone that hears it is bridged to the
     * caller. A multiple of 50 Hz (whole cycles in a 20 ms frame) and no DTMF frequency.
     */
    static final double CALLER_TONE_HZ = 1850;

    private static final int TONE_AT_MS = 4_000;
    private static final int TONE_MS = 120_000;

    private final SimulatedCarrier carrier;
    private final Prompt caller;

    private SimulatedFloor(final SimulatedCarrier carrier, final Prompt caller)
    {
        this.carrier = carrier;
        this.caller = caller;
    }

    static SimulatedFloor launch()
    {
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        final short[] hello;
        try
        {
            hello = new TextToSpeech().render("Hello?").samples();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final short[] opening = Tones.concat(Tones.noise(300, 30, 3), hello);
        final Prompt caller = Prompt.fromPcm("caller", Tones.concat(opening,
            Tones.noise(Math.max(0, TONE_AT_MS - opening.length / 8), 30, 4), Tones.sine(CALLER_TONE_HZ, TONE_MS,
            6_000)));
        final SimulatedCarrier carrier = SimulatedCarrier.launch(new SipStack.Context().bindAddress(loopback).port(0)
            .threadPoolSize(2).allowedPeer(loopback.getHostAddress()).userAgent("carrier")
            .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
        return new SimulatedFloor(carrier, caller);
    }

    SimulatedCarrier carrier()
    {
        return carrier;
    }

    /**
     * A person who answers, says hello, presses the keys of each answer when asked, then plays the caller tone
     * (from {@value #TONE_AT_MS} ms after answering) until hung up.
     */
    PhoneScript person(final List<String> answers)
    {
        return PhoneScript.builder().answerAfterMs(100).play(caller, 0, false).answerWhenAsked(answers, 800)
            .hangupAfterMs(TONE_MS).build();
    }

    /**
     * A closer's phone that answers and waits: the console decides.
     */
    static PhoneScript closerPhone()
    {
        return PhoneScript.builder().answerAfterMs(100).hangupAfterMs(TONE_MS).build();
    }

    /**
     * A closer's phone that accepts with key 1 once briefed and hangs up a little later.
     */
    static PhoneScript acceptingCloserPhone(final long hangupAfterKeyMs)
    {
        return PhoneScript.builder().answerAfterMs(100).acceptAfterBriefing(500, 8_000)
            .hangupAfterKeyMs(hangupAfterKeyMs).build();
    }

    /**
     * The SIP URI reaching a number or closer on the carrier.
     */
    String uri(final String user)
    {
        return carrier.uri(user);
    }

    /**
     * The carrier as a trunk: {@code sip:host:port}.
     */
    String trunkUri()
    {
        return carrier.proxyUri();
    }

    /**
     * Waits for the next call to a user, answered, and listens on it for the caller tone.
     */
    static ToneProbe listen(final SimulatedCall call, final long timeoutMs) throws InterruptedException
    {
        if (!call.awaitAnswered(timeoutMs))
        {
            throw new AssertionError(call + " was not answered in " + timeoutMs + " ms");
        }
        final ToneProbe probe = new ToneProbe(CALLER_TONE_HZ);
        call.leg().addTap(probe);
        return probe;
    }

    @Override
    public void close()
    {
        carrier.close();
    }
}
