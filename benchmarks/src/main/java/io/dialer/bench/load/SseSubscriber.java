/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server-sent events client for the load runs: the lines of a {@code text/event-stream} response as they arrive,
 * put together into events ({@code event:} and {@code data:} lines up to a blank line; comments skipped), each
 * handed to a {@link Listener} with the moment its {@code data:} line was received ({@link System#nanoTime()}, on the
 * HTTP client's thread that delivered it).
 */
final class SseSubscriber implements Flow.Subscriber<String>
{
    /**
     * Told of each event.
     */
    @FunctionalInterface
    interface Listener
    {
        /**
         * @param event         its name ({@code message} when it has none).
         * @param data          its data.
         * @param receivedNanos when its data arrived, {@link System#nanoTime()}.
         */
        void onEvent(String event, String data, long receivedNanos);
    }

    private final Listener listener;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong chars = new AtomicLong();
    private Flow.Subscription subscription;
    private String event;
    private String data;
    private long dataNanos;
    private CompletableFuture<HttpResponse<Void>> response;

    SseSubscriber(final Listener listener)
    {
        this.listener = listener;
    }

    /**
     * Opens a stream.
     *
     * @param client  a signed-in user.
     * @param path    the events' path.
     * @param handler what to do with each event.
     * @return the subscriber, and the response (complete when the stream ends).
     */
    static SseSubscriber open(final ApiClient client, final String path, final Listener handler)
    {
        final SseSubscriber subscriber = new SseSubscriber(handler);
        final HttpRequest request = client.get(path).header("Accept", "text/event-stream")
            .timeout(Duration.ofDays(1)).build();
        final CompletableFuture<HttpResponse<Void>> response = client.http()
            .sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(subscriber));
        subscriber.response = response;
        return subscriber;
    }

    /**
     * @return events received.
     */
    long events()
    {
        return events.get();
    }

    /**
     * @return characters received (lines, without their line ends).
     */
    long chars()
    {
        return chars.get();
    }

    /**
     * Stops reading (the connection is closed).
     */
    void cancel()
    {
        final Flow.Subscription s = subscription;
        if (null != s)
        {
            s.cancel();
        }
        if (null != response)
        {
            response.cancel(true);
        }
    }

    @Override
    public void onSubscribe(final Flow.Subscription subscription)
    {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(final String line)
    {
        final long now = System.nanoTime();
        chars.addAndGet(line.length());
        if (line.isEmpty())
        {
            if (null != data)
            {
                events.incrementAndGet();
                listener.onEvent(null == event ? "message" : event, data, dataNanos);
            }
            event = null;
            data = null;
            return;
        }
        if (line.startsWith("event:"))
        {
            event = line.substring(6).trim();
        }
        else if (line.startsWith("data:"))
        {
            final String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
            data = null == data ? value : data + "\n" + value;
            dataNanos = now;
        }
    }

    @Override
    public void onError(final Throwable throwable)
    {
        // the stream ended (the server closed it, or the run cancelled it)
    }

    @Override
    public void onComplete()
    {
        // the stream ended
    }
}
