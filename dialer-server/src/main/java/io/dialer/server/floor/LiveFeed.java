/*
 * Dialer server.
 */
package io.dialer.server.floor;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.core.engine.CampaignState;
import io.dialer.core.engine.EngineStats;
import io.dialer.core.engine.LiveState;
import io.dialer.core.engine.RunningCampaign;
import io.dialer.detection.Verdict;
import io.dialer.server.Json;
import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The floor's live state for the consoles, on a thread of its own: once a second it reads the engine's last
 * published state (never waiting on the controller), keeps each campaign's stored state in step, samples every
 * campaign's numbers every 5 s for a 15-minute chart, pushes the whole state to the dashboards' live connections
 * ({@code event: state}) and each closer's own state to that closer's ({@code event: state}, when it changed).
 */
public final class LiveFeed implements AutoCloseable
{
    /** Default time between pushes to the dashboards. */
    public static final long INTERVAL_MS_DEFAULT = 1_000;
    /** Time between chart points. */
    public static final long HISTORY_INTERVAL_MS = 5_000;
    /** Chart points kept: 15 minutes. */
    public static final int HISTORY_POINTS = 180;

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    private static final long KEEP_ALIVE_MS = 15_000;

    private final Floor floor;
    private final List<SseClient> dashboards = new CopyOnWriteArrayList<>();
    private final Map<String, List<SseClient>> closers = new ConcurrentHashMap<>();
    private final Map<String, ArrayDeque<ObjectNode>> history = new ConcurrentHashMap<>();
    private final Map<String, String> lastCloserStates = new HashMap<>();
    private final ScheduledExecutorService timer;
    private volatile ObjectNode last = Json.object();
    private long lastHistoryMs;
    private long lastKeepAliveMs;

    LiveFeed(final Floor floor)
    {
        this.floor = floor;
        timer = Executors.newSingleThreadScheduledExecutor((runnable) ->
        {
            final Thread thread = new Thread(runnable, "dialer-live");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start()
    {
        final long interval = floor.context().liveIntervalMs();
        timer.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * A dashboard connects: it gets the last state at once, then every push.
     *
     * @param client the live connection.
     */
    public void dashboard(final SseClient client)
    {
        client.keepAlive();
        client.onClose(() -> dashboards.remove(client));
        dashboards.add(client);
        send(client, "state", last.toString());
    }

    /**
     * A closer's console connects: it gets the closer's state and current offer at once, then every change.
     *
     * @param closerId the closer.
     * @param client   the live connection.
     */
    public void closer(final String closerId, final SseClient client)
    {
        client.keepAlive();
        final List<SseClient> clients = closers.computeIfAbsent(closerId, (id) -> new CopyOnWriteArrayList<>());
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        final LiveState.CloserView view = floor.engine().control().state().closer(closerId);
        if (null != view)
        {
            send(client, "state", FloorJson.closer(view).toString());
        }
        final io.dialer.core.engine.Offer offer = floor.offers().current(closerId);
        if (null != offer)
        {
            send(client, "offer", OfferHub.toJson(offer).toString());
        }
    }

    /**
     * Sends an event to a closer's live connections (the screen pops, from the {@link OfferHub}'s thread).
     *
     * @param closerId the closer.
     * @param event    {@code event} and {@code data}.
     */
    void pushToCloser(final String closerId, final ObjectNode event)
    {
        final List<SseClient> clients = closers.get(closerId);
        if (null != clients)
        {
            final String name = event.get("event").asText();
            final String data = event.get("data").toString();
            for (final SseClient client : clients)
            {
                send(client, name, data);
            }
        }
    }

    /**
     * @return the state last pushed: {@code timeMs}, {@code live}, {@code callersWaiting}, {@code campaigns},
     *     {@code closers}.
     */
    public ObjectNode last()
    {
        return last;
    }

    /**
     * @param campaignId a campaign.
     * @return its chart points of the last 15 minutes, oldest first.
     */
    public ArrayNode history(final String campaignId)
    {
        final ArrayNode points = Json.array();
        final ArrayDeque<ObjectNode> kept = history.get(campaignId);
        if (null != kept)
        {
            synchronized (kept)
            {
                kept.forEach(points::add);
            }
        }
        return points;
    }

    /**
     * @param state   the engine's state.
     * @param storeId a campaign's id in the store.
     * @return the campaign's live numbers, or null when the engine does not run it.
     */
    ObjectNode campaignLive(final LiveState state, final String storeId)
    {
        final RunningCampaign handle = floor.handle(storeId);
        final CampaignState campaign = null == handle ? null : state.campaign(handle.id());
        return null == campaign ? null : FloorJson.campaignLive(campaign, handle.stats());
    }

    /**
     * Stops the feed; the live connections get no more events.
     */
    @Override
    public void close()
    {
        timer.shutdownNow();
        try
        {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        // the live connections are not closed here: the server closes them when it stops (closing them from here
        // after the server stopped throws inside Jetty, once per connection)
        dashboards.clear();
        closers.clear();
    }

    private void tick()
    {
        try
        {
            tick(System.currentTimeMillis());
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("live state: tick failed", ex); // the next tick tries again
        }
    }

    private void tick(final long nowMs)
    {
        final LiveState state = floor.engine().control().state();
        final ObjectNode json = Json.object();
        json.put("timeMs", state.timeMs());
        json.put("live", state.live());
        json.put("callersWaiting", state.callersWaiting());
        final ArrayNode campaigns = json.putArray("campaigns");
        final boolean sample = nowMs - lastHistoryMs >= HISTORY_INTERVAL_MS;
        for (final Map.Entry<String, Floor.Running> entry : floor.running().entrySet())
        {
            final RunningCampaign handle = entry.getValue().handle();
            final CampaignState campaign = state.campaign(handle.id());
            if (null == campaign)
            {
                continue;
            }
            try
            {
                floor.sync(entry.getKey(), campaign);
            }
            catch (final IOException ex)
            {
                LOG.warn("campaign {}: state not written", entry.getKey(), ex);
            }
            final ObjectNode live = FloorJson.campaignLive(campaign, handle.stats());
            live.put("id", entry.getKey());
            live.put("name", campaign.name());
            campaigns.add(live);
            if (sample)
            {
                sample(entry.getKey(), nowMs, campaign, handle.stats());
            }
        }
        if (sample)
        {
            lastHistoryMs = nowMs;
        }
        final ArrayNode closerList = json.putArray("closers");
        for (final LiveState.CloserView closer : state.closers())
        {
            final ObjectNode view = FloorJson.closer(closer);
            closerList.add(view);
            final String text = view.toString();
            if (!text.equals(lastCloserStates.put(closer.id(), text)))
            {
                final List<SseClient> clients = closers.get(closer.id());
                if (null != clients)
                {
                    clients.forEach((client) -> send(client, "state", text));
                }
                if (!"ON_CALL".equals(closer.state()) && !closer.state().equals("BRIEFING") &&
                    !closer.state().equals("RINGING") && !closer.state().equals("DIALING"))
                {
                    floor.offers().callOver(closer.id());
                }
            }
        }
        last = json;
        final String text = json.toString();
        for (final SseClient client : dashboards)
        {
            send(client, "state", text);
        }
        if (nowMs - lastKeepAliveMs >= KEEP_ALIVE_MS)
        {
            lastKeepAliveMs = nowMs;
            closers.values().forEach((clients) -> clients.forEach((client) -> comment(client)));
        }
    }

    private void sample(final String id, final long nowMs, final CampaignState campaign, final EngineStats stats)
    {
        final ObjectNode point = Json.object();
        point.put("t", nowMs);
        point.put("dialed", campaign.dialed());
        point.put("live", campaign.live());
        long answered = 0;
        for (final Verdict v : Verdict.values())
        {
            answered += stats.count(v);
        }
        point.put("answered", answered);
        point.put("human", stats.count(Verdict.HUMAN) + stats.count(Verdict.NOTSURE));
        point.put("machine", stats.count(Verdict.MACHINE));
        point.put("qualified", campaign.qualified());
        point.put("bridged", campaign.bridged());
        point.put("waiting", campaign.callersWaiting());
        final ArrayDeque<ObjectNode> kept = history.computeIfAbsent(id, (key) -> new ArrayDeque<>());
        synchronized (kept)
        {
            kept.addLast(point);
            while (kept.size() > HISTORY_POINTS)
            {
                kept.removeFirst();
            }
        }
    }

    private static void send(final SseClient client, final String event, final String data)
    {
        synchronized (client) // the feed's and the offers' threads both write to a closer's connection
        {
            if (!client.terminated())
            {
                try
                {
                    client.sendEvent(event, data);
                }
                catch (final RuntimeException ex)
                {
                    client.close(); // the browser went away
                }
            }
        }
    }

    private static void comment(final SseClient client)
    {
        synchronized (client)
        {
            if (!client.terminated())
            {
                try
                {
                    client.sendComment("keep-alive");
                }
                catch (final RuntimeException ex)
                {
                    client.close();
                }
            }
        }
    }
}
