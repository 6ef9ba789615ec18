/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
import io.dialer.sim.QuickCalls;
import io.dialer.sim.SimulatedCall;
import io.dialer.sim.SimulatedCarrier;
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
    static final String SCRIPT = QuickCalls.SCRIPT;
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
        hello = QuickCalls.hello(tts);
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
        return QuickCalls.qualifies(hello);
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

            // paused and resumed (no closer is logged in: nothing is dialed either way)
            assertEquals(200, manager.post("/api/campaigns/" + id + "/pause", Map.of()).status);
            assertEquals("paused", manager.get("/api/campaigns/" + id).json().get("state").asText());
            assertEquals(200, manager.post("/api/campaigns/" + id + "/resume", Map.of()).status);
            assertEquals("running", manager.get("/api/campaigns/" + id).json().get("state").asText());

            // the closer: only its own calls
            assertEquals(403, closer.post("/api/campaigns/" + id + "/pause", Map.of()).status);
            assertEquals(403, other.post("/api/closers/dana-closer/login", Map.of()).status);
            assertEquals(403, other.get("/api/closers/dana-closer/offer").status);
            assertEquals(1, closer.get("/api/closers").json().get("closers").size(), "a closer sees itself");
            assertEquals(0, other.get("/api/closers").json().get("closers").size());
            final List<String> events = new CopyOnWriteArrayList<>();
            final CompletableFuture<?> stream = floor.server().http.sendAsync(HttpRequest.newBuilder(URI.create(
                floor.server().origin() + "/api/closers/dana-closer/events")).header("Cookie", closer.cookie())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines()).thenAccept((r) ->
                {
                    events.add("status " + r.statusCode());
                    r.body().forEach(events::add);
                }).exceptionally((e) ->
                {
                    events.add("failed " + e);
                    return null;
                });
            final Response login = closer.post("/api/closers/dana-closer/login", Map.of());
            assertEquals(200, login.status, login.text());

            // the first caller: the screen pop, then Accept
            final JsonNode offer = await("the first offer", () -> closer.get("/api/closers/dana-closer/offer"),
                (r) -> 200 == r.status);
            assertEquals("Lead Al said yes", offer.get("summary").asText());
            assertEquals("Al", offer.get("fields").get("first_name").asText());
            assertEquals("q1", offer.get("answers").get(0).get("question").asText());
            assertEquals("+12145550501", offer.get("phone").asText());
            await("the screen pop pushed to the closer's console: " + events, () -> closer.get(
                "/api/closers/dana-closer"), (r) -> String.join("\n", events).contains("event: offer"));
            assertTrue(String.join("\n", events).contains("Lead Al said yes"), String.join("\n", events));
            await("dana briefed", () -> closer.get("/api/closers/dana-closer"),
                (r) -> "BRIEFING".equals(r.json().get("state").asText()));
            final Response accepted = closer.post("/api/closers/dana-closer/accept", Map.of());
            assertEquals(200, accepted.status, accepted.text());
            assertEquals(409, closer.post("/api/closers/dana-closer/accept", Map.of()).status, "once");
            await("dana on the call", () -> closer.get("/api/closers/dana-closer"),
                (r) -> "ON_CALL".equals(r.json().get("state").asText()));
            // ON_CALL is shown from the accept; hang up only once the bridge is up (a hang-up before it is a failed
            // attempt, and the caller goes back on hold)
            await("the bridge up", () -> manager.get("/api/campaigns/" + id + "/live"),
                (r) -> 1 == r.json().get("bridged").asInt());
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
            stream.cancel(true);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldManageClosersAndTheDoNotCallListThroughTheApi(@TempDir final Path dir) throws Exception
    {
        try (FloorServer floor = open(dir))
        {
            final Client manager = floor.server().as(Role.MANAGER, "mona");
            final Client closer = floor.server().as(Role.CLOSER, "kim");
            assertEquals(201, manager.post("/api/closers", Map.of("id", "kim-closer", "destination",
                "(214) 555-0180", "skills", List.of("sales"))).status);
            assertEquals("+12145550180", manager.get("/api/closers/kim-closer").json().get("destination").asText());
            assertEquals(403, closer.post("/api/closers", Map.of("id", "x", "destination", "sip:x@y",
                "skills", List.of("sales"))).status, "a closer defines no closer");
            assertEquals(200, closer.post("/api/closers/kim-closer/login", Map.of()).status);
            assertEquals(409, manager.patch("/api/closers/kim-closer", Map.of("skills", List.of("home"))).status,
                "logged in: no change");
            assertEquals(409, manager.delete("/api/closers/kim-closer").status, "logged in: not removed");
            final Response paused = closer.post("/api/closers/kim-closer/pause", Map.of("reason", "lunch"));
            assertEquals(200, paused.status, paused.text());
            assertEquals("lunch", closer.get("/api/closers/kim-closer").json().get("reason").asText());
            assertEquals(200, closer.post("/api/closers/kim-closer/resume", Map.of()).status);
            assertEquals(200, closer.post("/api/closers/kim-closer/logout", Map.of()).status);
            final Response changed = manager.patch("/api/closers/kim-closer", Map.of("name", "Kim Lee", "skills",
                List.of("sales", "home")));
            assertEquals(200, changed.status, changed.text());
            assertEquals(2, changed.json().get("skills").size());
            assertEquals(204, closer.get("/api/closers/kim-closer/offer").status, "no caller");

            final Response file = manager.upload("/api/closers-files?name=closers.yaml", "application/yaml",
                "closers:\n  - id: kim-closer\n    uri: sip:kim@10.0.0.9\n    skills: [sales]\n" +
                "  - id: lou\n    phone: (214) 555-0181\n    skills: [sales]\n");
            assertEquals(201, file.status, file.text());
            final JsonNode imported = manager.post("/api/closers/import", Map.of("closersFile",
                file.json().get("id").asText())).json();
            assertEquals(1, imported.get("added").asInt());
            assertEquals(1, imported.get("updated").asInt());
            assertEquals("sip:kim@10.0.0.9", manager.get("/api/closers/kim-closer").json().get("destination")
                .asText());
            assertEquals(204, manager.delete("/api/closers/lou").status);
            assertEquals(404, manager.get("/api/closers/lou").status);
            assertEquals(1, manager.get("/api/closers").json().get("closers").size());

            final Response bulk = manager.upload("/api/dnc/bulk?name=list.txt", "text/plain",
                "# do not call\n(214) 555-0190\n+12145550191 # asked\n214 555 01\n(214) 555-0190\n");
            assertEquals(200, bulk.status, bulk.text());
            assertEquals(2, bulk.json().get("numbers").asInt());
            assertEquals(1, bulk.json().get("badLines").asInt());
            assertEquals(4, bulk.json().get("errors").get(0).get("line").asInt());
            assertTrue(manager.get("/api/dnc/+12145550191").json().get("listed").asBoolean());
            assertTrue(manager.get("/api/dnc/2145550190").json().get("listed").asBoolean());
            assertEquals(422, manager.post("/api/dnc", Map.of("number", "555")).status);
        }
        try (FloorServer again = open(dir))
        {
            final Client manager = again.server().admin();
            assertTrue(manager.get("/api/dnc/+12145550191").json().get("listed").asBoolean(), "kept");
            assertEquals("sip:kim@10.0.0.9", manager.get("/api/closers/kim-closer").json().get("destination")
                .asText(), "kept");
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
        final JsonNode proof = first.get("attempts").get(0).get("proof");
        assertTrue(proof.get("person").asBoolean() && !proof.get("abandoned").asBoolean() &&
            !proof.get("safeHarborPlayed").asBoolean(), proof.toString());
        assertFalse(proof.get("closerConnectedAt").isNull(), proof.toString());
        assertEquals("TSR 310.4(b)(4): 2 s, 3 % per 30 days", proof.get("ruleBasis").asText());
        assertTrue(first.get("attempts").get(0).get("doNotCall").get("size").asLong() >= 0);
        final JsonNode abandonment = live.get("abandonment");
        assertEquals(2, abandonment.get("humanAnswered").asInt(), abandonment.toString());
        assertEquals(0, abandonment.get("abandoned").asInt());
        assertEquals(0, abandonment.get("budget").asInt(), "floor(0.03 x 2) = 0");
        final JsonNode blocked = manager.get("/api/campaigns/" + id + "/numbers/+12145550503").json();
        assertEquals(0, blocked.get("attempts").size());
        assertEquals("DO_NOT_CALL", blocked.get("closed").get(0).get("reason").asText());
        assertEquals(404, manager.get("/api/campaigns/" + id + "/numbers/+12145550999").status);

        final JsonNode report = manager.get("/api/campaigns/" + id + "/report").json();
        assertNotNull(report);
        final String metrics = manager.get("/metrics").text();
        assertTrue(metrics.contains("dialer_calls_total{campaign=\"spring\",disposition=\"TRANSFERRED\"} 1.0"),
            metrics);
        assertTrue(metrics.contains("dialer_abandonment{campaign=\"spring\",figure=\"human_answered\"} 2.0"),
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
