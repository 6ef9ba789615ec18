/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The closers' consoles of a server load run, one per closer, as the browser console works: the closer user signs in
 * ({@code POST /api/session}), opens its live connection ({@code GET /api/closers/{id}/events}) and logs in
 * ({@code POST /api/closers/{id}/login}). When a screen pop arrives ({@code event: offer}) the closer clicks Accept
 * ({@code POST /api/closers/{id}/accept}) {@code acceptAfterMs} later, as a person who read the screen and heard
 * part of the briefing; an Accept refused with 409 (the closer's phone not answered yet) is tried again every
 * {@value #RETRY_MS} ms while the offer is the closer's, up to {@value #MAX_TRIES} times. The moments go to the
 * {@link TransferTimes}.
 */
final class CloserConsoles implements AutoCloseable
{
    static final long RETRY_MS = 50;
    static final int MAX_TRIES = 40;

    private final TransferTimes times;
    private final long acceptAfterMs;
    private final ScheduledExecutorService clicks = Executors.newSingleThreadScheduledExecutor((runnable) ->
    {
        final Thread thread = new Thread(runnable, "bench-console-clicks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<SseSubscriber> streams = new ArrayList<>();
    private final Map<String, Long> offered = new ConcurrentHashMap<>();

    CloserConsoles(final TransferTimes times, final long acceptAfterMs)
    {
        this.times = times;
        this.acceptAfterMs = acceptAfterMs;
    }

    /**
     * Makes the closers' users and opens their consoles: each signs in, connects and logs in.
     *
     * @param admin    an admin (makes the users).
     * @param http     the HTTP client.
     * @param closers  how many: {@code closer-1} to {@code closer-N}, defined on the floor already.
     * @param password the password of every closer user.
     */
    void open(final ApiClient admin, final HttpClient http, final int closers, final String password)
    {
        for (int i = 1; i <= closers; i++)
        {
            final String id = LoadCampaign.closerId(i);
            admin.post("/api/users", ApiClient.JSON.createObjectNode().put("name", id).put("role", "closer")
                .put("closerId", id).put("password", password)).expect(201, "user " + id);
            final ApiClient console = ApiClient.signIn(http, admin.origin(), id, password);
            streams.add(SseSubscriber.open(console, "/api/closers/" + id + "/events",
                (event, data, receivedNanos) -> onEvent(console, id, event, data, receivedNanos)));
            console.post("/api/closers/" + id + "/login", "{}").expect(200, "login of " + id);
        }
    }

    /**
     * @return events received on the closers' live connections.
     */
    long events()
    {
        return streams.stream().mapToLong(SseSubscriber::events).sum();
    }

    private void onEvent(
        final ApiClient console, final String closerId, final String event, final String data,
        final long receivedNanos)
    {
        if ("offer".equals(event))
        {
            final JsonNode offer = ApiClient.parse(data);
            final long callId = Long.parseLong(offer.path("callId").asText());
            offered.put(closerId, callId);
            if (times.popped(callId, closerId, receivedNanos))
            {
                clicks.schedule(() -> accept(console, closerId, callId, 1), acceptAfterMs, TimeUnit.MILLISECONDS);
            }
        }
        else if ("offer-ended".equals(event))
        {
            final long callId = Long.parseLong(ApiClient.parse(data).path("callId").asText());
            offered.remove(closerId, callId);
        }
    }

    private void accept(final ApiClient console, final String closerId, final long callId, final int attempt)
    {
        final Long current = offered.get(closerId);
        if (null == current || current != callId)
        {
            return; // the offer ended (the caller hung up, or it went to another closer)
        }
        final long sentNanos = System.nanoTime();
        times.acceptSent(callId, sentNanos);
        console.postAsync("/api/closers/" + closerId + "/accept", "{}").whenComplete((answer, error) ->
        {
            final int status = null == answer ? 0 : answer.status();
            times.acceptAnswered(callId, status, System.nanoTime());
            if (409 == status && attempt < MAX_TRIES)
            {
                clicks.schedule(() -> accept(console, closerId, callId, attempt + 1), RETRY_MS,
                    TimeUnit.MILLISECONDS);
            }
        });
    }

    /**
     * Closes the live connections and stops clicking.
     */
    @Override
    public void close()
    {
        clicks.shutdownNow();
        streams.forEach(SseSubscriber::cancel);
    }
}
