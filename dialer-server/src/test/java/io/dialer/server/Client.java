/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client of the test server over real HTTP: anonymous, a browser with a session cookie (sending the CSRF token and
 * the server's Origin unless told not to), or a bearer token. Every JSON answer of the API is validated against
 * docs/openapi.yaml.
 */
final class Client
{
    private final TestServer server;
    private String cookie;
    private String csrf;
    private String bearer;
    private boolean sendCsrf = true;
    private String origin;
    private String referer;
    private boolean expectContinue;

    Client(final TestServer server)
    {
        this.server = server;
        this.origin = server.origin();
    }

    private Client copy()
    {
        final Client copy = new Client(server);
        copy.cookie = cookie;
        copy.csrf = csrf;
        copy.bearer = bearer;
        copy.sendCsrf = sendCsrf;
        copy.origin = origin;
        copy.referer = referer;
        copy.expectContinue = expectContinue;
        return copy;
    }

    Client login(final String name, final String password)
    {
        final Response response = post("/api/session", "{\"name\":\"" + name + "\",\"password\":\"" + password +
            "\"}");
        assertEquals(200, response.status, response.toString());
        cookie = response.header("Set-Cookie").split(";", 2)[0];
        csrf = response.json().path("csrfToken").asText();
        return this;
    }

    Client bearer(final String token)
    {
        final Client copy = copy();
        copy.bearer = token;
        copy.cookie = null;
        return copy;
    }

    Client withoutCsrf()
    {
        final Client copy = copy();
        copy.sendCsrf = false;
        return copy;
    }

    Client withOrigin(final String origin)
    {
        final Client copy = copy();
        copy.origin = origin;
        return copy;
    }

    Client withReferer(final String referer)
    {
        final Client copy = copy();
        copy.referer = referer;
        return copy;
    }

    Client expectContinue()
    {
        final Client copy = copy();
        copy.expectContinue = true;
        return copy;
    }

    String cookie()
    {
        return cookie;
    }

    String csrf()
    {
        return csrf;
    }

    Response get(final String path)
    {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), null);
    }

    Response delete(final String path)
    {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody(), null);
    }

    Response post(final String path, final Object json)
    {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(text(json)), Json.CONTENT_TYPE);
    }

    Response put(final String path, final Object json)
    {
        return send("PUT", path, HttpRequest.BodyPublishers.ofString(text(json)), Json.CONTENT_TYPE);
    }

    Response patch(final String path, final Object json)
    {
        return send("PATCH", path, HttpRequest.BodyPublishers.ofString(text(json)), Json.CONTENT_TYPE);
    }

    Response upload(final String path, final String contentType, final byte[] body)
    {
        return send("POST", path, HttpRequest.BodyPublishers.ofByteArray(body), contentType);
    }

    Response upload(final String path, final String contentType, final String body)
    {
        return upload(path, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Streams a file with its length known.
     */
    Response uploadFile(final String path, final String contentType, final Path file)
    {
        try
        {
            return send("POST", path, HttpRequest.BodyPublishers.ofFile(file), contentType);
        }
        catch (final FileNotFoundException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Streams a file without a length: chunked.
     */
    Response uploadChunked(final String path, final String contentType, final Path file)
    {
        return send("POST", path, HttpRequest.BodyPublishers.ofInputStream(() ->
        {
            try
            {
                return java.nio.file.Files.newInputStream(file);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }), contentType);
    }

    /**
     * Sends only the head of a request that announces a body of a length, over a plain socket, and reads the
     * answer: what a server that refuses a body before reading it answers.
     */
    Response announce(final String method, final String path, final String contentType, final long length)
    {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server.port()))
        {
            socket.setSoTimeout(30_000);
            final StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(server.server.port()).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(length).append("\r\n");
            if (null != cookie)
            {
                head.append("Cookie: ").append(cookie).append("\r\nX-CSRF-Token: ").append(csrf).append("\r\n");
            }
            if (null != bearer)
            {
                head.append("Authorization: Bearer ").append(bearer).append("\r\n");
            }
            head.append("Origin: ").append(server.origin()).append("\r\n\r\n");
            socket.getOutputStream().write(head.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            final String answer = new String(socket.getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
            final int status = Integer.parseInt(answer.substring(9, 12));
            final String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            return new Response(status, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    Response send(
        final String method, final String path, final HttpRequest.BodyPublisher body, final String contentType)
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.origin() + path))
            .timeout(Duration.ofSeconds(60))
            .method(method, body);
        if (null != contentType)
        {
            request.header("Content-Type", contentType);
        }
        if (null != cookie)
        {
            request.header("Cookie", cookie);
            if (sendCsrf && null != csrf)
            {
                request.header("X-CSRF-Token", csrf);
            }
        }
        if (null != bearer)
        {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (null != origin && !"GET".equals(method))
        {
            request.header("Origin", origin);
        }
        if (null != referer)
        {
            request.header("Referer", referer);
        }
        if (expectContinue)
        {
            request.expectContinue(true);
        }
        final HttpResponse<byte[]> response;
        try
        {
            response = server.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(method + " " + path, ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        final Response result = new Response(response.statusCode(), response.headers(), response.body());
        final String type = result.header("Content-Type");
        final String plainPath = path.split("\\?", 2)[0];
        if (plainPath.startsWith("/api/") && null != type && type.startsWith(Json.CONTENT_TYPE))
        {
            final List<String> problems = Spec.get().problems(method, plainPath, result.status, result.text());
            assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n" + result);
        }
        return result;
    }

    private static String text(final Object json)
    {
        if (json instanceof String)
        {
            return (String)json;
        }
        try
        {
            return Json.mapper().writeValueAsString(json instanceof JsonNode ? json : Json.mapper().valueToTree(json));
        }
        catch (final JsonProcessingException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
