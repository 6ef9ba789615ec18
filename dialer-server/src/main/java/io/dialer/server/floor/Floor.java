/*
 * Dialer server.
 */
package io.dialer.server.floor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.campaign.CampaignLoader;
import io.dialer.core.campaign.CampaignResult;
import io.dialer.core.compliance.DncLoadReport;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.compliance.NationalDncList;
import io.dialer.core.engine.CampaignClock;
import io.dialer.core.engine.CampaignContext;
import io.dialer.core.engine.CampaignSetup;
import io.dialer.core.engine.CampaignState;
import io.dialer.core.engine.ControlResult;
import io.dialer.core.engine.DialerEngine;
import io.dialer.core.engine.EngineContext;
import io.dialer.core.engine.PromptBook;
import io.dialer.core.engine.RunningCampaign;
import io.dialer.core.engine.StepListener;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.core.lead.RegionNormaliser;
import io.dialer.media.TextToSpeech;
import io.dialer.server.ApiException;
import io.dialer.server.ApiRoutes;
import io.dialer.server.floor.CampaignStore.Campaign;
import io.dialer.server.floor.CampaignStore.State;
import io.dialer.sip.Registrar;
import io.dialer.sip.SipStack;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.agrona.concurrent.SystemEpochClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sales floor of {@code dialer serve}: one {@link DialerEngine} over the server's closers, do-not-call list and
 * SIP stacks, running every campaign managers start. It keeps the campaigns' stored state in step with the engine,
 * so a restart (or a crash) resumes every campaign that was running, paused or draining, each from its own journal,
 * and the closers' presence from the engine's. Campaigns start off the request thread: their prompts are rendered
 * first (text to speech takes seconds).
 * <p>
 * Layout under the data directory: {@code closers.json}, {@code campaigns/<id>/} ({@link CampaignStore}),
 * {@code floor/journal/} (the engine's journal), {@code dnc/internal.txt} (the do-not-call list's file of additions
 * and removals), {@code wrap-ups.jsonl} (closers' notes).
 */
public final class Floor implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Floor.class);

    private final Context ctx;
    private final CloserStore closers;
    private final CampaignStore campaigns;
    private final DoNotCallList dnc;
    private final OfferHub offers;
    private final LiveFeed live;
    private final DialerEngine engine;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<Integer, String> byEngineId = new ConcurrentHashMap<>();
    private final ExecutorService starter;
    private final WrapUps wrapUps;

    /**
     * A campaign the engine runs, and what it holds.
     *
     * @param handle  the engine's handle.
     * @param prompts its rendered prompts (closed when it ends).
     * @param leads   its lead list.
     */
    record Running(RunningCampaign handle, PromptBook prompts, LeadList leads)
    {
    }

    private Floor(final Context ctx) throws IOException
    {
        this.ctx = ctx;
        final Path data = ctx.dataDir();
        closers = new CloserStore(data);
        campaigns = new CampaignStore(data.resolve("campaigns"));
        final NationalDncList national = loadNational(ctx);
        dnc = new DoNotCallList(data.resolve("dnc").resolve("internal.txt"), new RegionNormaliser(ctx.region()),
            DoNotCallList.INITIAL_CAPACITY_DEFAULT);
        if (null != national)
        {
            dnc.national(national);
        }
        wrapUps = new WrapUps(data.resolve("wrap-ups.jsonl"));
        live = new LiveFeed(this);
        offers = new OfferHub(ctx.zone(), live::pushToCloser);
        final EngineContext engineCtx = new EngineContext()
            .closers(closers.list())
            .closersLoginAtStart(false)
            .wrapUpMs(ctx.wrapUpMs())
            .doNotCall(dnc)
            .clock(ctx.clock(), ctx.skipIdle())
            .stacks(ctx.stacks())
            .registrar(ctx.registrar())
            .offers(offers)
            .steps(ctx.steps())
            .maxClosers(ctx.maxClosers())
            .maxCampaigns(ctx.maxCampaigns())
            .journalDir(data.resolve("floor").resolve("journal"));
        if (ctx.capacityBits() > 0)
        {
            engineCtx.capacityBits(ctx.capacityBits());
        }
        engine = DialerEngine.start(engineCtx);
        starter = Executors.newSingleThreadExecutor((runnable) ->
        {
            final Thread thread = new Thread(runnable, "dialer-campaign-starter");
            thread.setDaemon(true);
            return thread;
        });
        for (final Campaign campaign : campaigns.list())
        {
            if (campaign.state().active())
            {
                LOG.info("resuming campaign {} ({}), {} when the server stopped", campaign.name(), campaign.id(),
                    campaign.state());
                launch(campaign);
            }
        }
        live.start();
    }

    /**
     * Opens the floor: the stores, the do-not-call list, the engine; campaigns that were active start again.
     *
     * @param ctx the settings.
     * @return the floor.
     * @throws IOException when the data directory cannot be read.
     */
    public static Floor open(final Context ctx) throws IOException
    {
        return new Floor(ctx.conclude());
    }

    /**
     * @return the routes of the floor's API, for {@code DialerServer.Context.addRoutes}.
     */
    public List<ApiRoutes> routes()
    {
        return List.of(new CampaignRoutes(this), new CloserRoutes(this), new DncRoutes(this), new LiveRoutes(this));
    }

    /**
     * Registers the dialer's metrics (read at each scrape from the engine's counters).
     *
     * @param registry the server's registry.
     */
    public void metrics(final PrometheusRegistry registry)
    {
        registry.register(new FloorMetrics(this));
    }

    /**
     * @return the engine.
     */
    public DialerEngine engine()
    {
        return engine;
    }

    /**
     * @return the closers as managers define them.
     */
    public CloserStore closers()
    {
        return closers;
    }

    /**
     * @return the campaigns.
     */
    public CampaignStore campaigns()
    {
        return campaigns;
    }

    /**
     * @return the closers' screen pops.
     */
    public OfferHub offers()
    {
        return offers;
    }

    /**
     * @return the live state feed.
     */
    public LiveFeed live()
    {
        return live;
    }

    /**
     * @return the do-not-call list (read it through the engine's control; bulk writes go to its file first).
     */
    public DoNotCallList doNotCall()
    {
        return dnc;
    }

    /**
     * @return the closers' wrap-up notes.
     */
    public WrapUps wrapUps()
    {
        return wrapUps;
    }

    /**
     * @return the settings.
     */
    public Context context()
    {
        return ctx;
    }

    /**
     * @param id a campaign id.
     * @return the engine's handle of a campaign it runs (or ran since this server started), or null.
     */
    public RunningCampaign handle(final String id)
    {
        final Running run = running.get(id);
        return null == run ? null : run.handle();
    }

    /**
     * @param engineId a campaign's id in the engine.
     * @return its id in the store, or null.
     */
    public String campaignId(final int engineId)
    {
        return byEngineId.get(engineId);
    }

    /**
     * Starts a campaign that was made, stopped or could not start: {@link State#STARTING} now, then dialing once its
     * prompts are rendered.
     *
     * @param id the campaign.
     * @return the campaign, starting.
     * @throws ApiException 404 for no such campaign, 409 for one already running or finished, or while the national
     *                      do-not-call registry's copy is older than 31 days.
     * @throws IOException  when its state cannot be written.
     */
    public synchronized Campaign start(final String id) throws IOException
    {
        final Campaign campaign = campaigns.find(id);
        if (null == campaign)
        {
            throw ApiException.notFound("no campaign " + id);
        }
        if (campaign.state().active())
        {
            throw ApiException.conflict("campaign " + campaign.name() + " is " + name(campaign.state()));
        }
        if (State.FINISHED == campaign.state())
        {
            throw ApiException.conflict("campaign " + campaign.name() + " is finished: every lead is done");
        }
        final String stale = nationalDncProblem();
        if (null != stale)
        {
            throw ApiException.conflict("campaign " + campaign.name() + " cannot start: " + stale);
        }
        return launch(campaign);
    }

    /**
     * The national do-not-call registry checked with the floor's list.
     *
     * @return the registry, or null when none was given.
     */
    public NationalDncList nationalDnc()
    {
        return dnc.national();
    }

    /**
     * Why no campaign may start now because of the national registry's copy (older than 31 days, undated).
     *
     * @return the reason naming the file, its date and age, or null.
     */
    public String nationalDncProblem()
    {
        final NationalDncList national = dnc.national();
        return null == national ? null : national.staleness(today());
    }

    /**
     * @return the floor clock's date, UTC, as the national registry's age is counted.
     */
    LocalDate today()
    {
        return LocalDate.ofInstant(Instant.ofEpochMilli(ctx.clock().time()), ZoneOffset.UTC);
    }

    private static NationalDncList loadNational(final Context ctx) throws IOException
    {
        final Path file = ctx.nationalDncFile();
        if (null == file)
        {
            return null;
        }
        final DncLoadReport report = NationalDncList.newReport(file);
        final NationalDncList national =
            NationalDncList.load(file, ctx.nationalDncDownloaded(), "--dnc-national-downloaded", report);
        if (null != report.fileError())
        {
            throw new IOException(file + ": " + report.fileError() + "; the national do-not-call file must be read " +
                "whole before dialing");
        }
        LOG.info("{}; {}", report, national);
        return national;
    }

    private Campaign launch(final Campaign campaign) throws IOException
    {
        final Campaign starting = campaigns.state(campaign.id(), State.STARTING, "");
        final State before = campaign.state();
        final String reason = campaign.reason();
        starter.execute(() -> startNow(starting, before, reason));
        return starting;
    }

    private void startNow(final Campaign campaign, final State before, final String reason)
    {
        final Path dir = campaigns.dir(campaign.id());
        PromptBook prompts = null;
        try
        {
            final String yaml = Files.readString(dir.resolve(CampaignStore.SETTINGS_FILE), StandardCharsets.UTF_8);
            final CampaignResult loaded = CampaignLoader.loadForFloor(CampaignStore.SETTINGS_FILE, yaml, dir);
            if (!loaded.isValid())
            {
                throw new IllegalStateException(loaded.errors().get(0).toString());
            }
            final String stale = nationalDncProblem();
            if (null != stale)
            {
                throw new IllegalStateException(stale);
            }
            final CampaignFile file = loaded.campaign();
            final LeadList leads = new LeadListReader(file.defaultRegion()).read(file.leadsFile());
            prompts = PromptBook.of(ctx.tts(), file);
            final CampaignContext context = CampaignSetup.campaign(file, leads, dnc)
                .prompts(prompts)
                .journalDir(dir.resolve(CampaignStore.JOURNAL_DIR));
            final RunningCampaign handle = engine.startCampaign(context).get(60, TimeUnit.SECONDS);
            running.put(campaign.id(), new Running(handle, prompts, leads));
            byEngineId.put(handle.id(), campaign.id());
            if (State.DRAINING == before)
            {
                handle.drain().get(10, TimeUnit.SECONDS); // it was draining when the server stopped: it still is
            }
            else if (State.STOPPING == before)
            {
                handle.stop(reason).get(10, TimeUnit.SECONDS);
            }
            final CampaignState state = engine.control().refresh().get(10, TimeUnit.SECONDS).campaign(handle.id());
            campaigns.state(campaign.id(), null == state ? State.RUNNING : state(state.status()),
                null == state ? "" : state.reason());
            LOG.info("campaign {} ({}) runs: {}", campaign.name(), campaign.id(), handle);
        }
        catch (final Exception ex)
        {
            final Throwable cause = ex instanceof java.util.concurrent.ExecutionException ? ex.getCause() : ex;
            LOG.warn("campaign {} ({}) could not start", campaign.name(), campaign.id(), cause);
            if (null != prompts)
            {
                prompts.close();
            }
            try
            {
                campaigns.state(campaign.id(), State.FAILED, String.valueOf(cause.getMessage()));
            }
            catch (final IOException io)
            {
                LOG.warn("campaign {}: state not written", campaign.id(), io);
            }
        }
    }

    /**
     * Acts on a running campaign.
     *
     * @param id     the campaign.
     * @param action {@code pause}, {@code resume}, {@code drain} or {@code stop}.
     * @param reason why (for stop), or null.
     * @return the engine's answer.
     * @throws ApiException 404 for no such campaign, 409 for one not running.
     * @throws Exception    when the engine does not answer.
     */
    public ControlResult act(final String id, final String action, final String reason) throws Exception
    {
        final Campaign campaign = campaigns.find(id);
        if (null == campaign)
        {
            throw ApiException.notFound("no campaign " + id);
        }
        final Running run = running.get(id);
        if (null == run || run.handle().isFinished())
        {
            throw ApiException.conflict("campaign " + campaign.name() + " is " + name(campaign.state()) +
                ", not running");
        }
        final RunningCampaign handle = run.handle();
        final CompletableFuture<ControlResult> future = switch (action)
        {
            case "pause" -> handle.pause();
            case "resume" -> handle.resume();
            case "drain" -> handle.drain();
            default -> handle.stop(null == reason || reason.isBlank() ? "stopped by a user" : reason);
        };
        final ControlResult result = future.get(10, TimeUnit.SECONDS);
        if (result.applied())
        {
            sync(id, handle.state());
        }
        return result;
    }

    /**
     * Keeps a campaign's stored state in step with the engine's (called by the live feed every second, and after
     * each action): a campaign that ended has its prompts closed.
     *
     * @param id    the campaign.
     * @param state the engine's state of it, or null.
     * @throws IOException when the state cannot be written.
     */
    void sync(final String id, final CampaignState state) throws IOException
    {
        if (null == state)
        {
            return;
        }
        campaigns.state(id, state(state.status()), state.reason());
        if (state.status().over())
        {
            final Running run = running.get(id);
            if (null != run && run.handle().isFinished() && null != run.prompts())
            {
                running.put(id, new Running(run.handle(), null, run.leads()));
                run.prompts().close();
            }
        }
    }

    /**
     * A campaign's lead list: the one its run holds, else read from its copy.
     *
     * @param id the campaign.
     * @return the leads.
     * @throws IOException when its copy cannot be read.
     */
    LeadList leads(final String id) throws IOException
    {
        final Running run = running.get(id);
        if (null != run)
        {
            return run.leads();
        }
        final Campaign campaign = campaigns.find(id);
        final String region = null == campaign ? ctx.region() :
            campaign.settings().path("default_region").asText(ctx.region());
        return new LeadListReader(region).read(campaigns.dir(id).resolve(CampaignStore.LEADS_FILE));
    }

    /**
     * @return the campaigns the engine runs (or ran since this server started), by store id.
     */
    Map<String, Running> running()
    {
        return running;
    }

    private static State state(final CampaignState.Status status)
    {
        return switch (status)
        {
            case RUNNING -> State.RUNNING;
            case PAUSED -> State.PAUSED;
            case SUSPENDED -> State.SUSPENDED;
            case DRAINING -> State.DRAINING;
            case STOPPING -> State.STOPPING;
            case FINISHED -> State.FINISHED;
            case STOPPED -> State.STOPPED;
        };
    }

    private static String name(final State state)
    {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Stops the live feed and the screen pops, then the engine (calls in progress are cut), then the files.
     */
    @Override
    public void close()
    {
        live.close();
        starter.shutdownNow();
        try
        {
            starter.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        engine.close();
        offers.close();
        for (final Running run : running.values())
        {
            if (null != run.prompts())
            {
                run.prompts().close();
            }
        }
        dnc.close();
    }

    /**
     * The floor's settings.
     */
    public static final class Context
    {
        /** Default region national numbers are read in. */
        public static final String REGION_DEFAULT = "US";
        /** Default wrap-up after a closer's call: 60 s, unless the closer ends it from the console. */
        public static final long WRAP_UP_MS_DEFAULT = 60_000;

        private Path dataDir;
        private SipStack[] stacks;
        private Registrar registrar;
        private TextToSpeech tts;
        private CampaignClock clock;
        private boolean skipIdle;
        private long wrapUpMs = WRAP_UP_MS_DEFAULT;
        private String region = REGION_DEFAULT;
        private ZoneId zone = ZoneId.systemDefault();
        private int maxClosers = EngineContext.MAX_CLOSERS_DEFAULT;
        private int maxCampaigns = EngineContext.MAX_CAMPAIGNS_DEFAULT;
        private int capacityBits;
        private long liveIntervalMs = LiveFeed.INTERVAL_MS_DEFAULT;
        private StepListener steps;
        private Path nationalDncFile;
        private LocalDate nationalDncDownloaded;

        /**
         * Checks the settings and fills in the defaults that need objects (text to speech, the clock).
         *
         * @return this.
         */
        public Context conclude()
        {
            if (null == dataDir)
            {
                throw new IllegalStateException("floor setting dataDir: required");
            }
            if (null == stacks || 0 == stacks.length)
            {
                throw new IllegalStateException("floor setting stacks: at least one SIP stack is required");
            }
            if (null == tts)
            {
                tts = new TextToSpeech();
            }
            if (null == clock)
            {
                clock = new CampaignClock(SystemEpochClock.INSTANCE, System.currentTimeMillis());
            }
            return this;
        }

        /**
         * The national do-not-call registry's download, checked with the floor's list by every campaign; a campaign
         * does not start while the copy is older than {@link NationalDncList#MAX_AGE_DAYS} days.
         *
         * @param file       the registry file, or null for none.
         * @param downloaded its download date, or null when its header or name gives it.
         * @return this.
         */
        public Context nationalDnc(final Path file, final LocalDate downloaded)
        {
            nationalDncFile = file;
            nationalDncDownloaded = downloaded;
            return this;
        }

        /**
         * @return the national registry file, or null.
         */
        public Path nationalDncFile()
        {
            return nationalDncFile;
        }

        /**
         * @return the national registry's download date as given, or null.
         */
        public LocalDate nationalDncDownloaded()
        {
            return nationalDncDownloaded;
        }

        /**
         * @param dir the server's data directory.
         * @return this.
         */
        public Context dataDir(final Path dir)
        {
            dataDir = dir;
            return this;
        }

        /**
         * @return the server's data directory.
         */
        public Path dataDir()
        {
            return dataDir;
        }

        /**
         * @param sipStacks the SIP stacks to dial on, started (the floor does not close them).
         * @return this.
         */
        public Context stacks(final SipStack... sipStacks)
        {
            stacks = sipStacks.clone();
            return this;
        }

        /**
         * @return the SIP stacks.
         */
        public SipStack[] stacks()
        {
            return stacks;
        }

        /**
         * @param closerRegistrar where closers' softphones register (a stack's registrar), or null.
         * @return this.
         */
        public Context registrar(final Registrar closerRegistrar)
        {
            registrar = closerRegistrar;
            return this;
        }

        /**
         * @return the closers' registrar, or null.
         */
        public Registrar registrar()
        {
            return registrar;
        }

        /**
         * @param speech the text to speech prompts are rendered with.
         * @return this.
         */
        public Context tts(final TextToSpeech speech)
        {
            tts = speech;
            return this;
        }

        /**
         * @return the text to speech.
         */
        public TextToSpeech tts()
        {
            return tts;
        }

        /**
         * @param campaignClock the engine's clock.
         * @param skipIdleTime  true to skip idle time (the demo only).
         * @return this.
         */
        public Context clock(final CampaignClock campaignClock, final boolean skipIdleTime)
        {
            clock = campaignClock;
            skipIdle = skipIdleTime;
            return this;
        }

        /**
         * @return the engine's clock.
         */
        public CampaignClock clock()
        {
            return clock;
        }

        /**
         * @return true when idle time is skipped.
         */
        public boolean skipIdle()
        {
            return skipIdle;
        }

        /**
         * @param ms a closer's wrap-up after a call, unless ended from the console.
         * @return this.
         */
        public Context wrapUpMs(final long ms)
        {
            wrapUpMs = ms;
            return this;
        }

        /**
         * @return the wrap-up, ms.
         */
        public long wrapUpMs()
        {
            return wrapUpMs;
        }

        /**
         * @param defaultRegion the region national numbers are read in (do-not-call entries, closers' phones).
         * @return this.
         */
        public Context region(final String defaultRegion)
        {
            region = defaultRegion;
            return this;
        }

        /**
         * @return the region.
         */
        public String region()
        {
            return region;
        }

        /**
         * @param dayZone the zone whose midnight starts a closer's day.
         * @return this.
         */
        public Context zone(final ZoneId dayZone)
        {
            zone = dayZone;
            return this;
        }

        /**
         * @return the zone of closers' days.
         */
        public ZoneId zone()
        {
            return zone;
        }

        /**
         * @param count the most closers.
         * @return this.
         */
        public Context maxClosers(final int count)
        {
            maxClosers = count;
            return this;
        }

        /**
         * @return the most closers.
         */
        public int maxClosers()
        {
            return maxClosers;
        }

        /**
         * @param count the most campaigns run in the server's life.
         * @return this.
         */
        public Context maxCampaigns(final int count)
        {
            maxCampaigns = count;
            return this;
        }

        /**
         * @return the most campaigns.
         */
        public int maxCampaigns()
        {
            return maxCampaigns;
        }

        /**
         * @param bits log2 of the most calls up at once; 0 for the engine's default.
         * @return this.
         */
        public Context capacityBits(final int bits)
        {
            capacityBits = bits;
            return this;
        }

        /**
         * @return log2 of the most calls, 0 for the default.
         */
        public int capacityBits()
        {
            return capacityBits;
        }

        /**
         * @param ms how often the live state is pushed to dashboards.
         * @return this.
         */
        public Context liveIntervalMs(final long ms)
        {
            liveIntervalMs = ms;
            return this;
        }

        /**
         * @return how often the live state is pushed, ms.
         */
        public long liveIntervalMs()
        {
            return liveIntervalMs;
        }

        /**
         * @param listener told of every measured step of every call as it ends (the engine's
         *                 {@link EngineContext#steps(StepListener)}), or null for none.
         * @return this.
         */
        public Context steps(final StepListener listener)
        {
            steps = listener;
            return this;
        }

        /**
         * @return the steps' listener, or null.
         */
        public StepListener steps()
        {
            return steps;
        }
    }
}
