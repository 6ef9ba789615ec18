/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.dialer.media.MediaEngine;
import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;
import io.dialer.server.floor.Floor;
import io.dialer.sim.QuickCalls;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sip.Registrar;
import io.dialer.sip.SipStack;
import io.dialer.sip.Transport;
import io.dialer.sip.sipp.Sipp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A closer on an extension: SIPp as the closer's softphone registers with the dialer (digest, the password a manager
 * gave the closer through the API) and receives the warm transfer at its registered Contact, bypassing the trunk; a
 * softphone with a wrong password is challenged, refused, and its closer can never go available, so is never offered
 * a caller; when the phone unregisters, its closer is paused.
 */
class SoftphoneCloserTest
{
    private static final Duration SIPP_WAIT = Duration.ofSeconds(30);
    private static final String REALM = "dialer.test";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldTransferToARegisteredSoftphoneAndNeverToOneRefused() throws Exception
    {
        assumeTrue(Sipp.available(), Sipp.SKIP_REASON);
        Files.createDirectories(dir.resolve("callee"));
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        final TextToSpeech tts = new TextToSpeech();
        final Prompt hello = QuickCalls.hello(tts);
        try (SimulatedCarrier carrier = SimulatedCarrier.launch(new SipStack.Context().bindAddress(loopback).port(0)
            .threadPoolSize(2).allowedPeer(loopback.getHostAddress()).userAgent("carrier")
            .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
            SipStack dialer = SipStack.launch(new SipStack.Context().bindAddress(loopback).port(0)
                .transports(Transport.UDP).threadPoolSize(2).userAgent("dialer").outboundProxy(carrier.proxyUri())
                .registrar(new Registrar.Context().realm(REALM).maxFailures(2)) // the refusal scenario: 401, 401, 403
                .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
            Floor floor = Floor.open(new Floor.Context().dataDir(dir.resolve("data")).stacks(dialer)
                .registrar(dialer.registrar()).tts(tts).wrapUpMs(0).liveIntervalMs(200));
            TestServer server = TestServer.start(dir.resolve("data"), (ctx) -> floor.routes().forEach(ctx::addRoutes));
            Sipp softphone = Sipp.launch(new Sipp.Context().scenario("uas_answer.xml").workDir(dir.resolve("callee"))
                .timeoutSeconds(90)))
        {
            carrier.script("+12145550701", QuickCalls.qualifies(hello));
            final Client manager = server.as(Role.MANAGER, "mona");
            final Client dana = server.as(Role.CLOSER, "dana");
            final Client eve = server.as(Role.CLOSER, "eve");
            assertEquals(201, manager.post("/api/closers", Map.of("id", "dana-closer", "destination", "ext:1001",
                "skills", List.of("sales"), "sipPassword", "dana-phone-pass")).status);
            assertEquals(201, manager.post("/api/closers", Map.of("id", "eve-closer", "destination", "ext:1002",
                "skills", List.of("sales"), "sipPassword", "eve-phone-pass")).status);
            assertEquals(422, manager.post("/api/closers", Map.of("id", "x", "destination", "ext:1003",
                "skills", List.of("sales"))).status, "an extension needs its password");

            // not registered yet: no closer of an extension can go available
            final Response early = dana.post("/api/closers/dana-closer/login", Map.of());
            assertEquals(409, early.status);
            assertTrue(early.error().contains("phone not registered (extension 1001)"), early.text());

            softphone.awaitListening(SIPP_WAIT);
            final Sipp.Result registered = register(dialer, "uac_register.xml", "1001", "dana-phone-pass",
                softphone.port(), "register-1001");
            assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, registered.exitCode(), registered::describe);
            final Sipp.Result refused = register(dialer, "uac_register_refused.xml", "1002", "a-wrong-pass", 0,
                "register-1002");
            assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, refused.exitCode(), refused::describe);
            assertEquals(List.of(401, 401, 403), refused.responsesReceived(), "challenged, then refused");

            FloorApiTest.await("dana's phone registered", () -> dana.get("/api/closers/dana-closer"),
                (r) -> "registered".equals(r.json().get("phoneState").asText()));
            assertEquals("not registered", eve.get("/api/closers/eve-closer").json().get("phoneState").asText());
            assertEquals(200, dana.post("/api/closers/dana-closer/login", Map.of()).status);
            assertEquals(409, eve.post("/api/closers/eve-closer/login", Map.of()).status, "refused phone");

            final JsonNode leads = manager.upload("/api/lead-lists?name=leads.csv", "text/csv",
                "phone,first_name\n+12145550701,Al\n").json();
            final JsonNode script = manager.upload("/api/scripts?name=s.yaml", "application/yaml",
                FloorApiTest.SCRIPT).json();
            final Response made = manager.post("/api/campaigns", Map.of("name", "ext", "leadList",
                leads.get("id").asText(), "script", script.get("id").asText(), "settings",
                FloorApiTest.settings(carrier)));
            assertEquals(201, made.status, made.text());
            final String id = made.json().get("id").asText();
            assertEquals(202, manager.post("/api/campaigns/" + id + "/start", Map.of()).status);

            FloorApiTest.await("dana briefed on her softphone", () -> dana.get("/api/closers/dana-closer"),
                (r) -> "BRIEFING".equals(r.json().get("state").asText()));
            assertEquals(200, dana.post("/api/closers/dana-closer/accept", Map.of()).status);
            FloorApiTest.await("the caller bridged", () -> manager.get("/api/campaigns/" + id + "/live"),
                (r) -> 1 == r.json().get("bridged").asInt());
            assertEquals(0, eve.get("/api/closers/eve-closer/today").json().get("offered").asInt(), "never offered");

            manager.post("/api/campaigns/" + id + "/stop", Map.of("reason", "test over"));
            carrier.calls().forEach((call) -> call.leg().hangup());
            final Sipp.Result answered = softphone.awaitExit(SIPP_WAIT);
            assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, answered.exitCode(), answered::describe);
            assertTrue(answered.messages().contains("INVITE sip:1001@127.0.0.1:" + softphone.port()),
                "the closer's INVITE went to the registered Contact");

            // the phone goes away: its closer is paused until it is back
            final Sipp.Result gone = register(dialer, "uac_register_unregister.xml", "1001", "dana-phone-pass",
                softphone.port(), "unregister-1001");
            assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, gone.exitCode(), gone::describe);
            final JsonNode paused = FloorApiTest.await("dana paused", () -> dana.get("/api/closers/dana-closer"),
                (r) -> "PAUSED".equals(r.json().get("state").asText()));
            assertEquals("phone unregistered", paused.get("reason").asText());
        }
    }

    private Sipp.Result register(
        final SipStack stack, final String scenario, final String extension, final String password,
        final int contactPort, final String workDir) throws IOException, InterruptedException
    {
        Files.createDirectories(dir.resolve(workDir));
        try (Sipp phone = Sipp.launch(new Sipp.Context()
            .scenario(scenario)
            .workDir(dir.resolve(workDir))
            .transport("u1")
            .remote("127.0.0.1:" + stack.port())
            .service(extension)
            .auth(extension, password)
            .key("expires", "300")
            .key("contact_port", Integer.toString(contactPort))
            .timeoutSeconds(15)))
        {
            return phone.awaitExit(SIPP_WAIT);
        }
    }
}
