/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.core.engine.CampaignClock;
import io.dialer.core.engine.EngineContext;
import io.dialer.core.engine.PromptBook;
import io.dialer.core.engine.RunningCampaign;
import io.dialer.media.TextToSpeech;
import io.dialer.server.DialerServer;
import io.dialer.server.auth.PasswordHasher;
import io.dialer.server.floor.CampaignStore;
import io.dialer.server.floor.Floor;
import org.agrona.concurrent.SystemEpochClock;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Load run of {@code dialer serve} (not a unit test): a real {@link DialerServer} with the {@link Floor}'s routes in
 * this JVM, its engine dialing over {@code --stacks} SIP stacks against the same two SIPps as {@link CampaignLoadRun}
 * (the carrier's callees answer, speak and press keys; the closers' phones answer and wait), with everything a
 * manager and the closers do going through the HTTP API:
 * <ol>
 *     <li>The admin signs in, uploads the lead list ({@code POST /api/lead-lists}) and the script
 *     ({@code POST /api/scripts}), defines the closers ({@code POST /api/closers}, {@code sip:closer-i@...} at the
 *     closers' SIPp) and their users ({@code POST /api/users}), and makes the campaign ({@code POST /api/campaigns}:
 *     the settings of {@code load/load-campaign.yaml} as JSON, with the trunk, {@code max_dials_per_second = --rate}
 *     and the transfer settings {@link CampaignLoadRun} sets in code).</li>
 *     <li>Each closer's console ({@link CloserConsoles}) signs in, opens {@code GET /api/closers/{id}/events} and
 *     logs in; then the campaign is started ({@code POST /api/campaigns/{id}/start}).</li>
 *     <li>While it runs, each screen pop ({@code event: offer}) is answered with the console's Accept
 *     ({@code POST /api/closers/{id}/accept}) {@code --accept-after-ms} after it arrived; the closers' SIPp never
 *     presses a key ({@code sipp/uas_campaign_closers_console.xml}). A {@link LiveReader} reads
 *     {@code GET /api/live/state} and {@code GET /api/campaigns/{id}/live} at {@code --reads-per-s}; with
 *     {@code --dashboard on} a dashboard reads every event of {@code GET /api/live}.</li>
 * </ol>
 * It prints what {@link CampaignLoadRun} prints (every lead checked against its kind, the engine's step latencies,
 * CPU per thread group and per call), then, on one clock (the engine tells its steps' ends through a
 * {@code StepListener}, see {@link TransferTimes}): screen pop → briefing start and how often the pop came first,
 * click Accept → bridge end to end and its parts, the live-state reads' latencies, and the JVM's CPU split between
 * the load run's own HTTP clients (threads {@code bench-*} and the client's {@code HttpClient-*}) and the rest.
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * java -Xmx2g -jar benchmarks/target/benchmarks.jar serve --leads 6000 --rate 100 --closers 400 --warmup-s 15 \
 *     --max-seconds 150 --agents 2 [--dashboard on]
 * </pre>
 * Options: those of {@link CampaignLoadRun} (except {@code --closer-key-ms}: the consoles accept), and
 * {@code --accept-after-ms N} (the click after the pop, default 1000), {@code --reads-per-s R} (default 20; 0 for
 * none), {@code --dashboard on|off} (default off), {@code --http-threads N} (the server's most HTTP threads, default
 * 64), {@code --live-interval-ms N} (the live feed's push interval, default 1000). The server's passwords are hashed
 * with cheap Argon2id parameters and the per-address sign-in limit is raised so hundreds of closers can sign in from
 * 127.0.0.1 (settings of the server, not of the API). Exit code 0 under the same conditions as
 * {@link CampaignLoadRun}'s.
 */
public final class ServeLoadRun
{
    private static final String ADMIN = "admin";
    private static final String PASSWORD = "load-run-password-1";
    private static final String CAMPAIGN = "serve-load";

    private final LoadOptions options;
    private long acceptAfterMs = 1_000;
    private double readsPerS = 20;
    private boolean dashboard;
    private int httpThreads = DialerServer.Context.MAX_HTTP_THREADS_DEFAULT;
    private long liveIntervalMs = 1_000;

    private ServeLoadRun(final String[] args)
    {
        options = LoadOptions.parse(args, this::read);
    }

    private boolean read(final String name, final String value)
    {
        switch (name)
        {
            case "--accept-after-ms" -> acceptAfterMs = Long.parseLong(value);
            case "--reads-per-s" -> readsPerS = Double.parseDouble(value);
            case "--dashboard" -> dashboard = "on".equals(value) || "true".equals(value);
            case "--http-threads" -> httpThreads = Integer.parseInt(value);
            case "--live-interval-ms" -> liveIntervalMs = Long.parseLong(value);
            default ->
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs the load.
     *
     * @param args options, see the class comment.
     * @throws Exception when SIPp, the stacks, the server or the floor cannot be started.
     */
    public static void main(final String[] args) throws Exception
    {
        CampaignLoadRun.quietLogs();
        final boolean ok = new ServeLoadRun(args).run();
        System.exit(ok ? 0 : 1);
    }

    @Override
    public String toString()
    {
        return String.format(Locale.ROOT, "%s acceptAfterMs=%d readsPerS=%.0f dashboard=%s httpThreads=%d " +
            "liveIntervalMs=%d", options, acceptAfterMs, readsPerS, dashboard ? "on" : "off", httpThreads,
            liveIntervalMs);
    }

    private boolean run() throws Exception
    {
        final Path work = null != options.workDir ? Files.createDirectories(options.workDir) :
            Files.createTempDirectory("serve-load-");
        System.out.printf(Locale.ROOT, "ServeLoadRun: %s%nwork dir %s%n", this, work);
        try (LoadFarEnd farEnd = new LoadFarEnd(options, LoadFarEnd.Closers.CONSOLE, work))
        {
            // the files the API uploads; loaded here too, for the greeting's length and to check every lead
            final LoadCampaign load = LoadCampaign.write(work.resolve("campaign"), options, farEnd.closersPort());
            if (null == load)
            {
                return false;
            }
            final TextToSpeech tts = new TextToSpeech();
            final int greetingMs;
            try (PromptBook prompts = PromptBook.of(tts, load.campaign()))
            {
                greetingMs = prompts.script(load.campaign().script().greeting()).durationMs();
            }
            farEnd.start(tts, greetingMs, options.leads, load.qualified());
            try (DialerStacks stacks = new DialerStacks(options))
            {
                return serve(load, tts, stacks, work.resolve("data"), farEnd);
            }
        }
    }

    private boolean serve(
        final LoadCampaign load, final TextToSpeech tts, final DialerStacks stacks, final Path data,
        final LoadFarEnd farEnd) throws Exception
    {
        final DialerServer.Context serverCtx = new DialerServer.Context().dataDir(data).port(0)
            .passwordHasher(new PasswordHasher(1024, 1, 1))
            .loginLimit(DialerServer.Context.LOGIN_ATTEMPTS_PER_NAME_DEFAULT, options.closers + 100,
                DialerServer.Context.LOGIN_WINDOW_MS_DEFAULT)
            .maxHttpThreads(httpThreads);
        DialerServer.initAdmin(serverCtx, ADMIN, PASSWORD);
        final TransferTimes times = new TransferTimes();
        final DialerServer server = new DialerServer(serverCtx);
        final Floor floor;
        try
        {
            floor = Floor.open(new Floor.Context().dataDir(data).stacks(stacks.stacks()).tts(tts)
                .clock(new CampaignClock(SystemEpochClock.INSTANCE, LoadCampaign.mondayTen()), false)
                .wrapUpMs(options.wrapUpMs).capacityBits(options.capacityBits)
                .maxClosers(Math.max(EngineContext.MAX_CLOSERS_DEFAULT, options.closers))
                .liveIntervalMs(liveIntervalMs).steps(times));
        }
        catch (final RuntimeException ex)
        {
            server.close();
            throw ex;
        }
        final AtomicInteger clientThreads = new AtomicInteger();
        final ExecutorService clientExecutor = Executors.newFixedThreadPool(2, (runnable) ->
        {
            final Thread thread = new Thread(runnable, "bench-http-" + clientThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(clientExecutor).build();
        final List<AutoCloseable> clients = new ArrayList<>();
        boolean closed = false;
        try
        {
            floor.routes().forEach(serverCtx::addRoutes);
            server.start();
            floor.metrics(server.registry());
            final String origin = "http://127.0.0.1:" + server.port();
            final ApiClient admin = ApiClient.signIn(http, origin, ADMIN, PASSWORD);
            final String campaignId = setUp(admin, load, farEnd);
            final CloserConsoles consoles = new CloserConsoles(times, acceptAfterMs);
            clients.add(consoles);
            long t0 = System.nanoTime();
            consoles.open(admin, http, options.closers, PASSWORD);
            System.out.printf(Locale.ROOT, "%d closers: users made, signed in, consoles connected and logged in " +
                "in %.1f s%n", options.closers, (System.nanoTime() - t0) / 1e9);
            final SseSubscriber board = dashboard ? SseSubscriber.open(admin, "/api/live", ServeLoadRun::ignore) : null;
            if (null != board)
            {
                clients.add(board::cancel);
            }
            t0 = System.nanoTime();
            admin.post("/api/campaigns/" + campaignId + "/start", "{}").expect(202, "start");
            final RunningCampaign handle = awaitRunning(admin, floor, campaignId);
            System.out.printf(Locale.ROOT, "campaign %s started (prompts rendered) in %.1f s%n", campaignId,
                (System.nanoTime() - t0) / 1e9);
            final LoadMonitor monitor = new LoadMonitor(options, farEnd.sipps());
            final LiveReader reader = readsPerS > 0 ?
                new LiveReader(admin, campaignId, readsPerS, monitor::inWindow) : null;
            if (null != reader)
            {
                clients.add(reader);
            }
            final boolean finished = monitor.watch(handle.stats(), handle::isFinished, () -> times.line() +
                (null == board ? "" : " dashboard events " + board.events()));
            if (!finished)
            {
                System.out.println("max-seconds reached: draining");
                admin.post("/api/campaigns/" + campaignId + "/drain", "{}");
                handle.awaitFinished(30, TimeUnit.SECONDS);
            }
            final long closerEvents = consoles.events();
            final long boardEvents = null == board ? 0 : board.events();
            final long boardChars = null == board ? 0 : board.chars();
            closeAll(clients);
            // the floor first: it closes its live connections while the HTTP server still runs (closed after the
            // server, LiveFeed.close completes requests Jetty has recycled and Javalin's error handling loops)
            floor.close(); // the engine stops: its journals are complete, its histograms still
            server.close();
            closed = true;
            final int carrierExit = farEnd.carrier().awaitExit(Duration.ofSeconds(20));
            final int closersExit = farEnd.closers().awaitExit(Duration.ofSeconds(20));
            final Path journalDir = data.resolve("campaigns").resolve(campaignId).resolve(CampaignStore.JOURNAL_DIR);
            final boolean ok = LoadReport.print(options, handle, journalDir, load, monitor, finished, carrierExit,
                closersExit, farEnd.sipps());
            times.print(monitor::inWindow);
            if (null != reader)
            {
                reader.print();
            }
            System.out.printf(Locale.ROOT, "live connections: closers' consoles %d events; dashboard %s%n",
                closerEvents, null == board ? "off" : boardEvents + " events, " + boardChars + " characters");
            printCpuSplit(monitor);
            System.out.println(ok ? "PASS: 0 failed calls, every disposition and verdict matches its kind" : "FAIL");
            return ok;
        }
        finally
        {
            if (!closed)
            {
                closeAll(clients);
                floor.close();
                server.close();
            }
            clientExecutor.shutdownNow();
        }
    }

    /**
     * Everything a manager does before a campaign starts, through the API: the uploads, the closers, the campaign.
     *
     * @return the campaign's id.
     */
    private String setUp(final ApiClient admin, final LoadCampaign load, final LoadFarEnd farEnd) throws Exception
    {
        final long t0 = System.nanoTime();
        final String leadList = admin.upload("/api/lead-lists?name=" + LoadCampaign.LEADS_FILE, "text/csv",
            Files.readAllBytes(load.dir().resolve(LoadCampaign.LEADS_FILE))).expect(201, "lead list upload")
            .json().path("id").asText();
        final String script = admin.upload("/api/scripts?name=" + LoadCampaign.SCRIPT_FILE, "application/yaml",
            Files.readAllBytes(load.dir().resolve(LoadCampaign.SCRIPT_FILE))).expect(201, "script upload")
            .json().path("id").asText();
        for (int i = 1; i <= options.closers; i++)
        {
            final ObjectNode closer = ApiClient.JSON.createObjectNode().put("id", LoadCampaign.closerId(i))
                .put("name", "Closer " + i).put("destination", LoadCampaign.closerUri(i, farEnd.closersPort()));
            closer.putArray("skills").add(LoadCampaign.SKILL);
            admin.post("/api/closers", closer).expect(201, "closer " + i);
        }
        final ObjectNode campaign = ApiClient.JSON.createObjectNode().put("name", CAMPAIGN)
            .put("leadList", leadList).put("script", script);
        campaign.set("settings", settings(load, farEnd.carrierPort()));
        final String id = admin.post("/api/campaigns", campaign).expect(201, "campaign").json().path("id").asText();
        System.out.printf(Locale.ROOT, "set up through the API in %.1f s: lead list %s, script %s, %d closers, " +
            "campaign %s%n", (System.nanoTime() - t0) / 1e9, leadList, script, options.closers, id);
        return id;
    }

    /**
     * The campaign's settings: {@code load/load-campaign.yaml} as JSON without what the API gives apart (name,
     * script, leads, closers, do-not-call), with the carrier SIPp as the trunk, {@code --rate} as the trunk's call
     * rate, and the transfer settings {@link CampaignLoadRun} sets in code.
     */
    private JsonNode settings(final LoadCampaign load, final int carrierPort) throws Exception
    {
        final String yaml = Files.readString(load.dir().resolve(LoadCampaign.CAMPAIGN_FILE), StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        final Map<String, Object> file = (Map<String, Object>)new Load(LoadSettings.builder().build())
            .loadFromString(yaml);
        final ObjectNode settings = ApiClient.JSON.valueToTree(file);
        for (final String key : List.of("name", "script", "leads", "closers", "dnc"))
        {
            settings.remove(key);
        }
        ((ObjectNode)settings.path("trunk")).put("uri", "sip:carrier@127.0.0.1:" + carrierPort);
        ((ObjectNode)settings.path("pacing")).put("max_dials_per_second", Math.round(options.rate));
        settings.putObject("transfer").put("wrap_up", options.wrapUpMs + "ms").put("introduction", false)
            .put("closer_ring_timeout", "10s").put("max_closer_attempts", 8).put("media", options.media);
        return settings;
    }

    private static RunningCampaign awaitRunning(final ApiClient admin, final Floor floor, final String id)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline)
        {
            final String state = admin.getNow("/api/campaigns/" + id).json().path("state").asText();
            if ("running".equals(state) && null != floor.handle(id))
            {
                return floor.handle(id);
            }
            if ("failed".equals(state))
            {
                throw new IllegalStateException("campaign " + id + " failed to start: " +
                    admin.getNow("/api/campaigns/" + id).body());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new IllegalStateException("campaign " + id + " not running after 120 s");
    }

    /**
     * The JVM's CPU over the measured window split between this load run's HTTP clients (they would run in the
     * browsers) and the rest (the dialer: engine, SIP, media, and the server: HTTP threads, live feed, screen pops).
     */
    private static void printCpuSplit(final LoadMonitor monitor)
    {
        final long wallNs = Math.max(1, monitor.afterNs - monitor.beforeNs);
        long client = 0;
        long server = 0;
        long all = 0;
        for (final Map.Entry<String, Long> e : monitor.after.threadGroupsMinus(monitor.before).entrySet())
        {
            final String name = e.getKey();
            all += e.getValue();
            if (name.startsWith("bench-") || name.startsWith("HttpClient-"))
            {
                client += e.getValue();
            }
            else if (name.startsWith("dialer-http") || name.startsWith("dialer-live") ||
                name.startsWith("dialer-offers") || name.startsWith("dialer-campaign-starter"))
            {
                server += e.getValue();
            }
        }
        final long jvmNs = monitor.after.jvmCpuNs() - monitor.before.jvmCpuNs();
        final long sippNs = monitor.after.sippCpuNs(0) - monitor.before.sippCpuNs(0) +
            monitor.after.sippCpuNs(1) - monitor.before.sippCpuNs(1);
        final long calls = monitor.dialedAfter - monitor.dialedBefore;
        System.out.printf(Locale.ROOT, "JVM CPU split over the measured window (%% of one core): load run's HTTP " +
            "clients %.1f%%, server threads (dialer-http*, dialer-live, dialer-offers) %.1f%%, other threads " +
            "%.1f%%, not in any live thread (GC, JIT, exited threads) %.1f%%%n",
            LoadReport.percent(client, wallNs), LoadReport.percent(server, wallNs),
            LoadReport.percent(all - client - server, wallNs), LoadReport.percent(jvmNs - all, wallNs));
        System.out.printf(Locale.ROOT, "JVM CPU without the load run's HTTP clients: %.2f ms per call dialed " +
            "(%d calls), %.2f per SIPp CPU%n", calls > 0 ? (jvmNs - client) / 1e6 / calls : 0, calls,
            sippNs > 0 ? (double)(jvmNs - client) / sippNs : 0);
    }

    /**
     * The dashboard reads every event and does nothing with it (its subscriber counts them).
     */
    private static void ignore(final String event, final String data, final long receivedNanos)
    {
    }

    private static void closeAll(final List<AutoCloseable> clients)
    {
        for (final AutoCloseable client : clients)
        {
            try
            {
                client.close();
            }
            catch (final Exception ex)
            {
                System.out.println("closing " + client + ": " + ex);
            }
        }
    }
}
