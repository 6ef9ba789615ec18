/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An HTTP response in a test.
 */
final class Response
{
    final int status;
    final HttpHeaders headers;
    final byte[] body;

    Response(final int status, final HttpHeaders headers, final byte[] body)
    {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    JsonNode json()
    {
        try
        {
            return Json.mapper().readTree(body);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("not JSON: " + text(), ex);
        }
    }

    String text()
    {
        return new String(body, StandardCharsets.UTF_8);
    }

    String header(final String name)
    {
        return headers.firstValue(name).orElse(null);
    }

    String error()
    {
        return json().path("error").asText();
    }

    @Override
    public String toString()
    {
        return status + " " + text();
    }
}
