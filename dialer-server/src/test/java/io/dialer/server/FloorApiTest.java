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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.dialer.media.MediaEngine;
import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;
import io.dialer.server.floor.Floor;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCall;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sim.Tones;
import io.dialer.sip.SipStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The floor's API over real HTTP, on a campaign dialing the embedded simulated carrier over real SIP: a manager
 * defines a closer, makes and starts a campaign (bad settings refused with their field), adds numbers to the
 * do-not-call list; the closer logs in from its console, sees the screen pop, accepts one caller and rejects the
 * next, wraps up with a note; the live numbers, the report, a number's history and the metrics follow; the roles
 * hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FloorApiTest
{
    static final String SCRIPT = String.join("\n",
        "lead_fields: [first_name]",
        "opt_out: { key: '*', prompt: Goodbye. }",
        "defaults: { retries: 0, timeout_ms: 6000, on_no_input: silent, on_invalid: silent }",
        "greeting: { prompt: Hi., next: q1 }",
        "questions:",
        "  q1: { prompt: Press one., choices: { '1': yes }, next: win }",
        "outcomes:",
        "  win: { type: qualified, skill: sales, prompt: Hold please., summary: 'Lead {lead.first_name} said yes' }",
        "  silent: { type: disqualified, prompt: Bye., reason: no answer }",
        "");
    private static final long WAIT_MS = 60_000;

    private final TextToSpeech tts = new TextToSpeech();
    private SimulatedCarrier carrier;
    private SipStack dialer;
    private Prompt hello;

    @BeforeAll
    void start() throws IOException
    {
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        carrier = SimulatedCarrier.launch(new SipStack.Context().bindAddress(loopback).port(0).threadPoolSize(2)
            .allowedPeer(loopback.getHostAddress()).userAgent("carrier")
            .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
        dialer = SipStack.launch(new SipStack.Context().bindAddress(loopback).port(0).threadPoolSize(2)
            .userAgent("dialer").outboundProxy(carrier.proxyUri())
            .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
        hello = Prompt.fromPcm("hello", Tones.concat(Tones.noise(300, 30, 3), tts.render("Hello?").samples(),
            Tones.noise(4_000, 30, 4)));
    }

    @AfterAll
    void stop()
    {
        dialer.close();
        carrier.close();
    }

    /**
     * A server with a floor on the simulated carrier.
     */
    record FloorServer(TestServer server, Floor floor) implements AutoCloseable
    {
        @Override
        public void close()
        {
            server.close();
            floor.close();
        }
    }

    FloorServer open(final Path dir)
    {
        try
        {
            final Floor floor = Floor.open(new Floor.Context().dataDir(dir).stacks(dialer).tts(tts)
                .wrapUpMs(120_000).liveIntervalMs(200));
            final TestServer server = TestServer.start(dir, (ctx) -> floor.routes().forEach(ctx::addRoutes));
            floor.metrics(server.server.registry());
            return new FloorServer(server, floor);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private PhoneScript person()
    {
        return PhoneScript.builder().answerAfterMs(100).play(hello, 0, false)
            .answerWhenAsked(List.of("1"), 800).hangupAfterMs(90_000).build();
    }

    static Map<String, Object> settings(final SimulatedCarrier carrier)
    {
        return Map.of(
            "caller_id", Map.of("name", "Test", "number", "+12145550100"),
            "trunk", Map.of("uri", "sip:carrier@" + carrier.stack().localAddress().getHostString() + ":" +
                carrier.stack().port()),
            "retries", Map.of("max_attempts", 1, "max_attempts_per_day", 1),
            "calling_window", Map.of("start", "00:00", "end", "23:59"),
            "transfer", Map.of("max_closer_attempts", 1, "reassurance_interval", "never"));
    }

    static JsonNode await(final String what, final Supplier<Response> request, final Predicate<Response> done)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        Response last = request.get();
        while (!done.test(last))
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what + "; last answer " + last.status + " " +
                    last.text());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // between polls of a condition
            last = request.get();
        }
        return 204 == last.status ? null : last.json();
    }

    private SimulatedCall upCall(final String user)
    {
        SimulatedCall up = null;
        for (final SimulatedCall call : carrier.calls())
        {
            up = user.equals(call.user()) && null == call.endCause() ? call : up;
        }
        return up;
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void shouldRunACampaignThroughTheApiFromUploadToReport(@TempDir final Path dir) throws Exception
    {
        carrier.script("+12145550501", person());
        carrier.script("+12145550502", person());
        carrier.script("closer-dana", PhoneScript.builder().answerAfterMs(100).hangupAfterMs(90_000).build());
        try (FloorServer floor = open(dir))
        {
            final Client manager = floor.server().as(Role.MANAGER, "mona");
            final Client closer = floor.server().as(Role.CLOSER, "dana");
            final Client other = floor.server().as(Role.CLOSER, "eve");

            final String id = makeTheCampaign(manager);
            assertEquals(202, manager.post("/api/campaigns/" + id + "/start", Map.of()).status);
            await("the campaign running", () -> manager.get("/api/campaigns/" + id),
                (r) -> "running".equals(r.json().get("state").asText()));

            // the closer: only its own calls
            assertEquals(403, closer.post("/api/campaigns/" + id + "/pause", Map.of()).status);
            assertEquals(403, other.post("/api/closers/dana-closer/login", Map.of()).status);
            assertEquals(403, other.get("/api/closers/dana-closer/offer").status);
            assertEquals(1, closer.get("/api/closers").json().get("closers").size(), "a closer sees itself");
            assertEquals(0, other.get("/api/closers").json().get("closers").size());
            final Response login = closer.post("/api/closers/dana-closer/login", Map.of());
            assertEquals(200, login.status, login.text());

            // the first caller: the screen pop, then Accept
            final JsonNode offer = await("the first offer", () -> closer.get("/api/closers/dana-closer/offer"),
                (r) -> 200 == r.status);
            assertEquals("Lead Al said yes", offer.get("summary").asText());
            assertEquals("Al", offer.get("fields").get("first_name").asText());
            assertEquals("q1", offer.get("answers").get(0).get("question").asText());
            assertEquals("+12145550501", offer.get("phone").asText());
            await("dana briefed", () -> closer.get("/api/closers/dana-closer"),
                (r) -> "BRIEFING".equals(r.json().get("state").asText()));
            final Response accepted = closer.post("/api/closers/dana-closer/accept", Map.of());
            assertEquals(200, accepted.status, accepted.text());
            assertEquals(409, closer.post("/api/closers/dana-closer/accept", Map.of()).status, "once");
            await("dana on the call", () -> closer.get("/api/closers/dana-closer"),
                (r) -> "ON_CALL".equals(r.json().get("state").asText()));
            final SimulatedCall closerCall = upCall("closer-dana");
            assertNotNull(closerCall);
            closerCall.leg().hangup();
            await("dana in wrap-up", () -> closer.get("/api/closers/dana-closer"),
                (r) -> "WRAP_UP".equals(r.json().get("state").asText()));
            final Response wrapped = closer.post("/api/closers/dana-closer/wrap-up", Map.of("disposition", "sale",
                "note", "wants the premium plan"));
            assertEquals(200, wrapped.status, wrapped.text());
            assertTrue(wrapped.json().get("applied").asBoolean());
            assertEquals(422, closer.post("/api/closers/dana-closer/wrap-up", Map.of("disposition", "maybe"))
                .status);

            // the second caller: Reject
            final JsonNode second = await("the second offer", () -> closer.get("/api/closers/dana-closer/offer"),
                (r) -> 200 == r.status && r.json().get("phone").asText().equals("+12145550502"));
            assertEquals("Lead Bo said yes", second.get("summary").asText());
            await("dana briefed again", () -> closer.get("/api/closers/dana-closer"),
                (r) -> "BRIEFING".equals(r.json().get("state").asText()));
            assertEquals(200, closer.post("/api/closers/dana-closer/reject", Map.of()).status);

            await("the campaign finished", () -> manager.get("/api/campaigns/" + id),
                (r) -> "finished".equals(r.json().get("state").asText()));
            checkTheRecord(manager, closer, id);
        }
    }

    private static void checkTheRecord(final Client manager, final Client closer, final String id)
    {
        final JsonNode today = closer.get("/api/closers/dana-closer/today").json();
        assertEquals(2, today.get("offered").asInt());
        assertEquals(1, today.get("accepted").asInt());
        assertEquals(1, today.get("rejected").asInt());
        assertEquals(1, today.get("dispositions").get("sale").asInt());

        final JsonNode live = manager.get("/api/campaigns/" + id + "/live").json();
        assertEquals("finished", live.get("status").asText());
        assertEquals(2, live.get("dialed").asInt());
        assertEquals(1, live.get("bridged").asInt());
        assertEquals(2, live.get("verdicts").get("HUMAN").asInt() + live.get("verdicts").get("NOTSURE").asInt());
        assertEquals(1, live.get("closerAttempts").get("ACCEPTED").asInt());
        assertEquals(1, live.get("closerAttempts").get("REJECTED").asInt());
        assertEquals(1, live.get("latencies").get("ACCEPT_TO_BRIDGE").get("count").asInt());

        final JsonNode first = manager.get("/api/campaigns/" + id + "/numbers/2145550501").json();
        assertEquals(0, first.get("lead").asInt());
        assertEquals("TRANSFERRED", first.get("attempts").get(0).get("disposition").asText());
        assertFalse(first.get("attempts").get(0).get("whyDialable").asText().isEmpty());
        final JsonNode blocked = manager.get("/api/campaigns/" + id + "/numbers/+12145550503").json();
        assertEquals(0, blocked.get("attempts").size());
        assertEquals("DO_NOT_CALL", blocked.get("closed").get(0).get("reason").asText());
        assertEquals(404, manager.get("/api/campaigns/" + id + "/numbers/+12145550999").status);

        final JsonNode report = manager.get("/api/campaigns/" + id + "/report").json();
        assertNotNull(report);
        final String metrics = manager.get("/metrics").text();
        assertTrue(metrics.contains("dialer_calls_total{campaign=\"spring\",disposition=\"TRANSFERRED\"} 1.0"),
            metrics);
        assertTrue(metrics.contains("dialer_step_latency_seconds_count{campaign=\"spring\"," +
            "step=\"accept_to_bridge\"} 1"), metrics);
        assertTrue(metrics.contains("dialer_closers{state=\"AVAILABLE\"} 1"), metrics);
    }

    private String makeTheCampaign(final Client manager)
    {
        final Response leads = manager.upload("/api/lead-lists?name=leads.csv", "text/csv",
            "phone,first_name\n+12145550501,Al\n+12145550502,Bo\n+12145550503,Cy\n");
        assertEquals(201, leads.status, leads.text());
        final Response script = manager.upload("/api/scripts?name=sales.yaml", "application/yaml", SCRIPT);
        assertEquals(201, script.status, script.text());
        final String leadList = leads.json().get("id").asText();
        final String scriptId = script.json().get("id").asText();

        // the closer "dana" (the closer user's closerId is dana-closer in TestServer; this floor's id is that)
        final Response added = manager.post("/api/closers", Map.of("id", "dana-closer", "name", "Dana",
            "destination", carrier.uri("closer-dana"), "skills", List.of("sales")));
        assertEquals(201, added.status, added.text());
        assertEquals("LOGGED_OUT", added.json().get("state").asText());
        assertEquals(422, manager.post("/api/closers", Map.of("id", "x", "destination", "not a phone",
            "skills", List.of("sales"))).status);
        assertEquals(409, manager.post("/api/closers", Map.of("id", "dana-closer", "destination",
            carrier.uri("closer-dana"), "skills", List.of("sales"))).status);

        // bad settings: refused with the field named, nothing made
        final Response bad = manager.post("/api/campaigns", Map.of("name", "spring", "leadList", leadList,
            "script", scriptId, "settings", Map.of("caller_id", Map.of("number", "+12145550100"),
            "trunk", Map.of("uri", "sip:carrier@127.0.0.1"), "pacing", Map.of("ratio", -1))));
        assertEquals(422, bad.status, bad.text());
        assertEquals("pacing.ratio", bad.json().get("details").get(0).get("field").asText(), bad.text());
        assertEquals(0, manager.get("/api/campaigns").json().get("campaigns").size());

        final Response made = manager.post("/api/campaigns", Map.of("name", "spring", "leadList", leadList,
            "script", scriptId, "settings", settings(carrier)));
        assertEquals(201, made.status, made.text());
        final String id = made.json().get("id").asText();
        assertEquals("created", made.json().get("state").asText());
        assertEquals(409, manager.post("/api/campaigns", Map.of("name", "spring", "leadList", leadList,
            "script", scriptId, "settings", settings(carrier))).status, "a name is unique");

        // the do-not-call list: the third lead is never dialed
        assertEquals(200, manager.post("/api/dnc", Map.of("number", "(214) 555-0503")).status);
        assertTrue(manager.get("/api/dnc/+12145550503").json().get("listed").asBoolean());
        assertEquals(200, manager.post("/api/dnc", Map.of("number", "+12145550599")).status);
        assertEquals(204, manager.delete("/api/dnc/+12145550599").status);
        assertEquals(404, manager.delete("/api/dnc/+12145550599").status);
        assertFalse(manager.get("/api/dnc/2145550599").json().get("listed").asBoolean());
        assertEquals(400, manager.get("/api/dnc/555").status);
        return id;
    }
}
