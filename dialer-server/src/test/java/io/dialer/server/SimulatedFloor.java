/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.dialer.media.MediaEngine;
import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;
import io.dialer.server.floor.Floor;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCall;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sim.Tones;
import io.dialer.sim.ToneProbe;
import io.dialer.sip.SipStack;

/**
 * A server with the floor (the engine) dialing the testkit's simulated carrier over loopback, for browser tests: the
 * carrier's callers answer, say hello, answer the script's questions with keys and then play a tone of their own
 * ({@link #CALLER_TONE_HZ}), which only a phone bridged to them can hear; closers' phones answer and wait for the
 * console to decide, or accept with key 1. Users: the admin, a manager {@value #MANAGER}, closer users added with
 * {@link #closerUser(String, String, PhoneScript)}.
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

    static final String MANAGER = "mia";
    static final String SCRIPT = String.join("\n",
        "lead_fields: [first_name, last_name]",
        "opt_out: { key: '*', prompt: Goodbye. }",
        "defaults: { retries: 0, timeout_ms: 6000, on_no_input: silent, on_invalid: silent }",
        "greeting: { prompt: Hi., next: q1 }",
        "questions:",
        "  q1: { prompt: Do you drive? Press one for yes., choices: { '1': yes }, next: win }",
        "outcomes:",
        "  win: { type: qualified, skill: sales, prompt: Hold please.,",
        "         summary: '{lead.first_name} {lead.last_name} drives and wants a quote' }",
        "  silent: { type: disqualified, prompt: Bye., reason: no answer }",
        "");

    private final SimulatedCarrier carrier;
    private final Prompt caller;
    private final SipStack dialer;
    private final Floor floor;
    private final TestServer server;

    private SimulatedFloor(
        final SimulatedCarrier carrier, final Prompt caller, final SipStack dialer, final Floor floor,
        final TestServer server)
    {
        this.carrier = carrier;
        this.caller = caller;
        this.dialer = dialer;
        this.floor = floor;
        this.server = server;
    }

    /**
     * The carrier, the dialer's SIP stack through it, the floor and the server over a data directory.
     *
     * @param dir      the data directory.
     * @param wrapUpMs the closers' wrap-up.
     */
    static SimulatedFloor launch(final Path dir, final long wrapUpMs)
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
        SipStack dialer = null;
        Floor floor = null;
        try
        {
            dialer = SipStack.launch(new SipStack.Context().bindAddress(loopback).port(0).threadPoolSize(2)
                .userAgent("dialer").outboundProxy(carrier.proxyUri())
                .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
            floor = Floor.open(new Floor.Context().dataDir(dir).stacks(dialer).tts(new TextToSpeech())
                .wrapUpMs(wrapUpMs).liveIntervalMs(250));
            final Floor routes = floor;
            final TestServer server = TestServer.start(dir, (ctx) -> routes.routes().forEach(ctx::addRoutes));
            floor.metrics(server.server.registry());
            server.server.users().create(MANAGER, Role.MANAGER, null, TestServer.PASSWORD);
            return new SimulatedFloor(carrier, caller, dialer, floor, server);
        }
        catch (final IOException | RuntimeException ex)
        {
            if (null != floor)
            {
                floor.close();
            }
            if (null != dialer)
            {
                dialer.close();
            }
            carrier.close();
            throw ex instanceof IOException ? new UncheckedIOException((IOException)ex) : (RuntimeException)ex;
        }
    }

    SimulatedCarrier carrier()
    {
        return carrier;
    }

    TestServer server()
    {
        return server;
    }

    /**
     * The manager, signed in over the API.
     */
    Client manager()
    {
        return new Client(server).login(MANAGER, TestServer.PASSWORD);
    }

    /**
     * A closer on the floor (logged out) whose phone is the carrier's {@code closer-ID}, with a closer user of the
     * same name.
     */
    void closerUser(final String id, final String name, final PhoneScript phone)
    {
        carrier.script("closer-" + id, phone);
        final Response added = manager().post("/api/closers", Map.of("id", id, "name", name,
            "destination", carrier.uri("closer-" + id), "skills", List.of("sales")));
        if (201 != added.status)
        {
            throw new AssertionError(added.toString());
        }
        server.server.users().create(id, Role.CLOSER, id, TestServer.PASSWORD);
    }

    /**
     * Uploads a lead list of people on the carrier (each scripted as {@link #person(List)} answering "1") and the
     * script; answers their ids.
     */
    String[] upload(final Client manager, final String... leads)
    {
        final StringBuilder csv = new StringBuilder("phone,first_name,last_name\n");
        for (final String lead : leads)
        {
            final String[] parts = lead.split(",");
            carrier.script(parts[0], person(List.of("1")));
            csv.append(lead).append('\n');
        }
        final Response list = manager.upload("/api/lead-lists?name=leads.csv", "text/csv", csv.toString());
        final Response script = manager.upload("/api/scripts?name=auto.yaml", "application/yaml", SCRIPT);
        if (201 != list.status || 201 != script.status)
        {
            throw new AssertionError(list + "\n" + script);
        }
        return new String[] {list.json().get("id").asText(), script.json().get("id").asText()};
    }

    /**
     * Campaign settings for the carrier: one attempt, a window open all day, one closer tried per caller.
     */
    Map<String, Object> settings()
    {
        return Map.of(
            "caller_id", Map.of("name", "Lone Star Auto", "number", "+12145550100"),
            "trunk", Map.of("uri", trunkUri()),
            "retries", Map.of("max_attempts", 1, "max_attempts_per_day", 1),
            "calling_window", Map.of("start", "00:00", "end", "23:59"),
            "transfer", Map.of("max_closer_attempts", 2, "reassurance_interval", "never"));
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
     * The carrier as a trunk: {@code sip:carrier@host:port}.
     */
    String trunkUri()
    {
        return "sip:carrier@" + carrier.stack().localAddress().getHostString() + ":" + carrier.stack().port();
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

    /**
     * Closes the floor first, while the server still serves: its live streams end cleanly (closing them on a server
     * already stopped throws on every client), then the server, the dialer's stack and the carrier.
     */
    @Override
    public void close()
    {
        floor.close();
        server.close();
        dialer.close();
        carrier.close();
    }
}
