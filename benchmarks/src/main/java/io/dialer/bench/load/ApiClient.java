/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One user of {@code dialer serve} as a browser console is: signed in with a session cookie, sending the session's
 * CSRF token and the server's origin with every state-changing request, over the load run's shared
 * {@link HttpClient}. JSON in and out with Jackson.
 */
final class ApiClient
{
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String JSON_TYPE = "application/json";

    private final HttpClient http;
    private final String origin;
    private final String cookie;
    private final String csrf;

    /**
     * An answer: its status and body.
     */
    record Answer(int status, String body)
    {
        JsonNode json()
        {
            return parse(body);
        }

        /**
         * @param expected the status expected.
         * @param what     what was asked, for the message.
         * @return this.
         * @throws IllegalStateException when the status is another.
         */
        Answer expect(final int expected, final String what)
        {
            if (expected != status)
            {
                throw new IllegalStateException(what + ": " + status + " " + body);
            }
            return this;
        }
    }

    private ApiClient(final HttpClient http, final String origin, final String cookie, final String csrf)
    {
        this.http = http;
        this.origin = origin;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    /**
     * Signs a user in ({@code POST /api/session}).
     *
     * @param http     the client.
     * @param origin   the server, like {@code http://127.0.0.1:8080}.
     * @param name     the user.
     * @param password the password.
     * @return the signed-in user.
     */
    static ApiClient signIn(final HttpClient http, final String origin, final String name, final String password)
    {
        final ApiClient anonymous = new ApiClient(http, origin, null, null);
        final HttpResponse<String> response = anonymous.send(anonymous.request("/api/session")
            .header("Content-Type", JSON_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(text(JSON.createObjectNode()
                .put("name", name).put("password", password)))).build());
        if (200 != response.statusCode())
        {
            throw new IllegalStateException("sign-in of " + name + ": " + response.statusCode() + " " +
                response.body());
        }
        final String cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        final String csrf = new Answer(200, response.body()).json().path("csrfToken").asText();
        return new ApiClient(http, origin, cookie, csrf);
    }

    /**
     * @param text JSON.
     * @return it parsed.
     */
    static JsonNode parse(final String text)
    {
        try
        {
            return JSON.readTree(text);
        }
        catch (final JsonProcessingException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    String origin()
    {
        return origin;
    }

    HttpClient http()
    {
        return http;
    }

    /**
     * @param path a path.
     * @return a GET of it with the session's cookie.
     */
    HttpRequest.Builder get(final String path)
    {
        return request(path).GET();
    }

    Answer getNow(final String path)
    {
        return answer(send(get(path).build()));
    }

    Answer post(final String path, final Object json)
    {
        return answer(send(postRequest(path, json)));
    }

    CompletableFuture<Answer> postAsync(final String path, final Object json)
    {
        return http.sendAsync(postRequest(path, json), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
            .thenApply(ApiClient::answer);
    }

    Answer upload(final String path, final String contentType, final byte[] body)
    {
        return answer(send(state(request(path), contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()));
    }

    private HttpRequest postRequest(final String path, final Object json)
    {
        return state(request(path), JSON_TYPE).POST(HttpRequest.BodyPublishers.ofString(text(json))).build();
    }

    private HttpRequest.Builder request(final String path)
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).timeout(TIMEOUT);
        if (null != cookie)
        {
            request.header("Cookie", cookie);
        }
        return request;
    }

    private HttpRequest.Builder state(final HttpRequest.Builder request, final String contentType)
    {
        return request.header("Content-Type", contentType).header("X-CSRF-Token", csrf).header("Origin", origin);
    }

    private HttpResponse<String> send(final HttpRequest request)
    {
        try
        {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(request.method() + " " + request.uri(), ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static Answer answer(final HttpResponse<String> response)
    {
        return new Answer(response.statusCode(), response.body());
    }

    private static String text(final Object json)
    {
        try
        {
            return json instanceof String ? (String)json : JSON.writeValueAsString(json);
        }
        catch (final JsonProcessingException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
