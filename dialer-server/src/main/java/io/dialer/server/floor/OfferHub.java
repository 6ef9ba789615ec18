/*
 * Dialer server.
 */
package io.dialer.server.floor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.core.engine.Offer;
import io.dialer.core.engine.OfferListener;
import io.dialer.server.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The closers' screen pops: the engine's {@link OfferListener}, which only queues (it is called on the controller's
 * thread), and a thread of its own that keeps each closer's current offer, counts each closer's day, and pushes
 * every offer and its end to the closer's live connections ({@code event: offer}, {@code event: offer-ended}) the
 * moment it is made, before the closer's phone rings.
 */
public final class OfferHub implements OfferListener, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(OfferHub.class);
    private static final int QUEUE = 4096;

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE);
    private final Map<String, Offer> current = new ConcurrentHashMap<>();
    private final Map<String, Day> days = new ConcurrentHashMap<>();
    private final ZoneId zone;
    private final BiConsumer<String, ObjectNode> push;
    private final Thread thread;
    private volatile boolean running = true;

    private record Ended(String closerId, long callId, String result, long atMs)
    {
    }

    /**
     * A closer's counts for one day.
     */
    static final class Day
    {
        private final LocalDate date;
        private int offered;
        private int accepted;
        private int rejected;
        private int missed;
        private final Map<String, Integer> dispositions = new TreeMap<>();

        Day(final LocalDate date)
        {
            this.date = date;
        }
    }

    /**
     * @param zone the zone whose midnight starts a closer's day.
     * @param push sends an event ({@code offer} or {@code offer-ended}) to a closer's live connections: called on
     *             this hub's thread with the closer id and the event ({@code event}, {@code data}).
     */
    public OfferHub(final ZoneId zone, final BiConsumer<String, ObjectNode> push)
    {
        this.zone = zone;
        this.push = push;
        thread = new Thread(this::run, "dialer-offers");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void offered(final Offer offer)
    {
        enqueue(offer);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void ended(final String closerId, final long callId, final String result, final long atMs)
    {
        enqueue(new Ended(closerId, callId, result, atMs));
    }

    /**
     * @param closerId a closer.
     * @return the caller the closer is offered (ringing, briefed) or talking to, or null.
     */
    public Offer current(final String closerId)
    {
        return current.get(closerId);
    }

    /**
     * Counts a closer's wrap-up disposition for the day.
     *
     * @param closerId    the closer.
     * @param disposition the disposition.
     * @param atMs        when.
     */
    public void wrappedUp(final String closerId, final String disposition, final long atMs)
    {
        final Day day = day(closerId, atMs);
        synchronized (day)
        {
            day.dispositions.merge(disposition, 1, Integer::sum);
        }
    }

    /**
     * @param closerId a closer.
     * @param nowMs    the time.
     * @return the closer's counts today: offered, accepted, rejected, missed, dispositions.
     */
    public ObjectNode today(final String closerId, final long nowMs)
    {
        final Day day = day(closerId, nowMs);
        final ObjectNode json = Json.object();
        synchronized (day)
        {
            json.put("date", day.date.toString());
            json.put("offered", day.offered);
            json.put("accepted", day.accepted);
            json.put("rejected", day.rejected);
            json.put("missed", day.missed);
            final ObjectNode dispositions = json.putObject("dispositions");
            day.dispositions.forEach(dispositions::put);
        }
        return json;
    }

    /**
     * @param offer an offer.
     * @return it as the API shows it.
     */
    public static ObjectNode toJson(final Offer offer)
    {
        final ObjectNode json = Json.object();
        json.put("closerId", offer.closerId());
        json.put("campaign", offer.campaign());
        json.put("callId", Long.toString(offer.callId()));
        json.put("lead", offer.lead());
        json.put("phone", offer.phone());
        final ObjectNode fields = json.putObject("fields");
        offer.fields().forEach(fields::put);
        final ArrayNode answers = json.putArray("answers");
        for (final Offer.Answer answer : offer.answers())
        {
            answers.addObject().put("question", answer.question()).put("value", answer.value());
        }
        json.put("summary", offer.summary());
        json.put("offeredAt", Json.time(offer.offeredAtMs()));
        json.put("offeredAtMs", offer.offeredAtMs());
        return json;
    }

    /**
     * Stops the hub's thread.
     */
    @Override
    public void close()
    {
        running = false;
        thread.interrupt();
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void enqueue(final Object item)
    {
        if (!queue.offer(item))
        {
            LOG.warn("offers: queue full, dropped {}", item); // never block the controller
        }
    }

    private void run()
    {
        while (running)
        {
            final Object item;
            try
            {
                item = queue.take();
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            try
            {
                handle(item);
            }
            catch (final RuntimeException ex)
            {
                LOG.warn("offers: {} failed", item, ex);
            }
        }
    }

    private void handle(final Object item)
    {
        if (item instanceof Offer offer)
        {
            current.put(offer.closerId(), offer);
            final Day day = day(offer.closerId(), offer.offeredAtMs());
            synchronized (day)
            {
                day.offered++;
            }
            push.accept(offer.closerId(), Json.object().put("event", "offer").set("data", toJson(offer)));
            return;
        }
        final Ended ended = (Ended)item;
        final Offer offer = current.get(ended.closerId());
        if (null != offer && offer.callId() == ended.callId() && !"ACCEPTED".equals(ended.result()))
        {
            current.remove(ended.closerId()); // accepted: the closer talks to the caller; the offer stays on screen
        }
        final Day day = day(ended.closerId(), ended.atMs());
        synchronized (day)
        {
            switch (ended.result())
            {
                case "ACCEPTED" -> day.accepted++;
                case "REJECTED" -> day.rejected++;
                case "NO_ANSWER", "BUSY", "FAILED" -> day.missed++;
                default ->
                {
                }
            }
        }
        push.accept(ended.closerId(), Json.object().put("event", "offer-ended").set("data", Json.object()
            .put("callId", Long.toString(ended.callId())).put("result", ended.result())
            .put("at", Json.time(ended.atMs()))));
    }

    /**
     * The closer's call ended (wrap-up or after): its offer leaves the screen.
     *
     * @param closerId the closer.
     */
    public void callOver(final String closerId)
    {
        current.remove(closerId);
    }

    private Day day(final String closerId, final long atMs)
    {
        final LocalDate date = Instant.ofEpochMilli(atMs).atZone(zone).toLocalDate();
        return days.compute(closerId, (id, day) -> null == day || !day.date.equals(date) ? new Day(date) : day);
    }
}
