/*
 * Dialer command line tests.
 */
package io.dialer.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.Journal;
import io.dialer.media.MediaEngine;
import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;
import io.dialer.server.DialerServer;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.QuickCalls;
import io.dialer.sim.SimulatedCall;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sip.SipStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code dialer serve} killed with SIGKILL while two campaigns run, then started again on the same data directory:
 * both campaigns resume and finish, the closers' presence is back, nothing uploaded or configured is lost, and no
 * lead is dialed twice — counted at the carrier, not only in the journals: every INVITE the carrier received is a
 * dial the campaign's journal holds, and every dial has exactly one disposition.
 */
class ServeCrashTest
{
    private static final String SCRIPT = QuickCalls.SCRIPT;
    private static final String PASSWORD = "crash-test-password";
    private static final int LEADS = 10;
    private static final long WAIT_MS = 90_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldResumeBothCampaignsAfterAKillWithoutDialingAnyoneTwice(@TempDir final Path dir) throws Exception
    {
        final Path data = dir.resolve("data");
        DialerServer.initAdmin(new DialerServer.Context().dataDir(data), "admin", PASSWORD);
        final TextToSpeech tts = new TextToSpeech();
        final Prompt hello = QuickCalls.hello(tts);
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        try (SimulatedCarrier carrier = SimulatedCarrier.launch(new SipStack.Context().bindAddress(loopback)
            .port(0).threadPoolSize(4).allowedPeer(loopback.getHostAddress()).userAgent("carrier")
            .mediaContext(new MediaEngine.Context().bindAddress(loopback))))
        {
            final List<String> numbers = script(carrier, hello);
            final String proxy = loopback.getHostAddress() + ":" + carrier.stack().port();

            Child server = new Child(data, proxy, dir.resolve("run-1.log"));
            final Api api = new Api(server.url()).login("admin", PASSWORD);
            final String script = api.upload("/api/scripts?name=sales.yaml", "application/yaml", SCRIPT)
                .get("id").asText();
            final List<String> campaigns = new ArrayList<>();
            for (final String name : List.of("north", "south"))
            {
                final StringBuilder csv = new StringBuilder("phone,first_name\n");
                final int offset = "north".equals(name) ? 0 : LEADS;
                for (int i = 0; i < LEADS; i++)
                {
                    csv.append(numbers.get(offset + i)).append(",Lead").append(offset + i).append('\n');
                }
                final String leads = api.upload("/api/lead-lists?name=" + name + ".csv", "text/csv",
                    csv.toString()).get("id").asText();
                campaigns.add(api.post("/api/campaigns", Map.of("name", name, "leadList", leads, "script", script,
                    "settings", Map.of(
                        "caller_id", Map.of("number", "+12145550100"),
                        "trunk", Map.of("uri", "sip:carrier@" + proxy),
                        "retries", Map.of("max_attempts", 1, "max_attempts_per_day", 1),
                        "calling_window", Map.of("start", "00:00", "end", "23:59"),
                        "pacing", Map.of("ratio", 2, "max_lines", 4),
                        "transfer", Map.of("max_closer_attempts", 2, "reassurance_interval", "never"))))
                    .get("id").asText());
            }
            for (int i = 0; i < 3; i++)
            {
                api.post("/api/closers", Map.of("id", "closer-" + i, "destination", carrier.uri("closer-" + i),
                    "skills", List.of("sales")));
                api.post("/api/closers/closer-" + i + "/login", Map.of());
            }
            api.post("/api/dnc", Map.of("number", "+12145557777"));
            for (final String campaign : campaigns)
            {
                api.post("/api/campaigns/" + campaign + "/start", Map.of());
            }

            // killed while both campaigns dial and have calls up
            api.await("both campaigns dialing with calls up", "/api/live/state", (state) ->
            {
                int busy = 0;
                for (final JsonNode campaign : state.path("campaigns"))
                {
                    busy += campaign.path("dialed").asInt() >= 3 && campaign.path("live").asInt() >= 1 ? 1 : 0;
                }
                return 2 == busy;
            });
            server.kill();

            server = new Child(data, proxy, dir.resolve("run-2.log"));
            final Api again = new Api(server.url()).login("admin", PASSWORD);
            for (final String campaign : campaigns)
            {
                again.await("campaign " + campaign + " finished", "/api/campaigns/" + campaign,
                    (c) -> "finished".equals(c.path("state").asText()));
            }
            assertEquals(2, again.get("/api/lead-lists").path("leadLists").size(), "uploads kept");
            assertEquals(3, again.get("/api/closers").path("closers").size(), "closers kept");
            assertTrue(again.get("/api/dnc/+12145557777").path("listed").asBoolean(), "do-not-call kept");
            assertEquals("AVAILABLE", again.get("/api/closers/closer-0").path("state").asText(),
                "presence back from the floor's journal");
            server.stop();

            final Map<String, Integer> invites = new HashMap<>();
            for (final SimulatedCall call : carrier.calls())
            {
                invites.merge(call.user(), 1, Integer::sum);
            }
            for (final String campaign : campaigns)
            {
                audit(data.resolve("campaigns").resolve(campaign).resolve("journal"), invites);
            }
        }
    }

    /**
     * Every lead of the journal dialed at most once (one attempt each), each dial with one disposition, and the
     * carrier saw exactly the INVITEs the journal holds.
     */
    private static void audit(final Path journal, final Map<String, Integer> invites)
    {
        final Map<String, Integer> dials = new HashMap<>();
        final Map<Long, Integer> dispositions = new HashMap<>();
        final List<Long> callIds = new ArrayList<>();
        Journal.replay(journal, new CampaignLog()
        {
            @Override
            public void dialed(
                final long timeMs, final int lead, final long callId, final int attempt, final CharSequence e164,
                final CharSequence why)
            {
                dials.merge(e164.toString(), 1, Integer::sum);
                callIds.add(callId);
            }

            @Override
            public void disposition(
                final long timeMs, final int lead, final long callId, final int attempt, final Disposition d,
                final long nextAttemptMs, final CharSequence detail)
            {
                dispositions.merge(callId, 1, Integer::sum);
            }
        });
        assertEquals(LEADS, dials.size(), journal + ": every lead dialed");
        for (final Map.Entry<String, Integer> dial : dials.entrySet())
        {
            assertEquals(1, dial.getValue(), journal + ": " + dial.getKey() + " dialed once");
            assertEquals(1, invites.getOrDefault(dial.getKey(), 0), dial.getKey() + ": one INVITE at the carrier");
        }
        for (final long callId : callIds)
        {
            assertEquals(1, dispositions.getOrDefault(callId, 0),
                journal + ": call " + callId + " has one disposition");
        }
    }

    /**
     * The leads' phones: three of ten qualify and are transferred, four say hello and hang up, three are busy; the
     * closers accept after the briefing and hang up a second later.
     */
    private static List<String> script(final SimulatedCarrier carrier, final Prompt hello)
    {
        final List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 2 * LEADS; i++)
        {
            final String number = "+121455506" + (10 + i);
            numbers.add(number);
            final int kind = i % LEADS;
            carrier.script(number, kind < 3 ? QuickCalls.qualifies(hello) :
                kind < 7 ? PhoneScript.builder().answerAfterMs(300).play(hello, 0, false).hangupAfterMs(2_500).build() :
                PhoneScript.builder().busy().build());
        }
        for (int i = 0; i < 3; i++)
        {
            carrier.script("closer-" + i, PhoneScript.builder().answerAfterMs(100).acceptAfterBriefing(500, 8_000)
                .hangupAfterKeyMs(1_000).build());
        }
        return numbers;
    }

    /**
     * {@code dialer serve} in a JVM of its own.
     */
    private static final class Child
    {
        private final Process process;
        private final CompletableFuture<String> url = new CompletableFuture<>();

        Child(final Path data, final String proxy, final Path log) throws IOException
        {
            final List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            final List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
            for (int i = 0; i < args.size(); i++)
            {
                final String arg = args.get(i);
                if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports") || arg.startsWith("-Dchronicle"))
                {
                    command.add(arg);
                    if (!arg.contains("=") && i + 1 < args.size())
                    {
                        command.add(args.get(++i));
                    }
                }
            }
            command.addAll(List.of("-Xmx384m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                System.getProperty("java.class.path"), DialerMain.class.getName(), "serve", "--data",
                data.toString(), "--port", "0", "--sip-port", "0", "--outbound-proxy", proxy));
            process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            final Thread reader = new Thread(() ->
            {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)))
                {
                    for (String line = out.readLine(); null != line; line = out.readLine())
                    {
                        if (line.startsWith("dialer serving "))
                        {
                            url.complete(line.substring("dialer serving ".length()).split(" ")[0]);
                        }
                    }
                }
                catch (final IOException ex)
                {
                    url.completeExceptionally(ex);
                }
                url.completeExceptionally(new IllegalStateException("dialer serve exited: see " + log));
            }, "serve-output");
            reader.setDaemon(true);
            reader.start();
        }

        String url() throws Exception
        {
            return url.get(60, TimeUnit.SECONDS);
        }

        void kill() throws InterruptedException
        {
            process.destroyForcibly();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "killed");
            assertEquals(137, process.exitValue(), "killed by SIGKILL");
        }

        void stop() throws InterruptedException
        {
            process.destroy(); // SIGTERM: the server closes cleanly
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stopped");
        }
    }

    /**
     * A signed-in client of the API.
     */
    private static final class Api
    {
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        private String cookie;
        private String csrf;

        Api(final String url)
        {
            this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        Api login(final String name, final String password) throws Exception
        {
            final HttpResponse<String> response = http.send(request("/api/session")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", name,
                "password", password)))).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            csrf = JSON.readTree(response.body()).path("csrfToken").asText();
            return this;
        }

        JsonNode get(final String path) throws Exception
        {
            return send(request(path).GET().build(), 200);
        }

        JsonNode post(final String path, final Object body) throws Exception
        {
            return send(request(path).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json").build(), 0);
        }

        JsonNode upload(final String path, final String type, final String body) throws Exception
        {
            return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", type)
                .build(), 201);
        }

        void await(final String what, final String path, final Predicate<JsonNode> done) throws Exception
        {
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
            JsonNode last = get(path);
            while (!done.test(last))
            {
                if (System.nanoTime() > deadline)
                {
                    throw new AssertionError("timed out waiting for " + what + "; last " + last);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // between polls of a condition
                last = get(path);
            }
        }

        private HttpRequest.Builder request(final String path)
        {
            final HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).header("Origin", base);
            if (null != cookie)
            {
                builder.header("Cookie", cookie).header("X-CSRF-Token", csrf);
            }
            return builder;
        }

        private JsonNode send(final HttpRequest request, final int expected) throws Exception
        {
            final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertTrue(0 == expected ? response.statusCode() / 100 == 2 : response.statusCode() == expected,
                request.method() + " " + request.uri() + ": " + response.statusCode() + " " + response.body());
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        }
    }
}
