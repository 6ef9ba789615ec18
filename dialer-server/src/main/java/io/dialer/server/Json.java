/*
 * Dialer server.
 */
package io.dialer.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/**
 * JSON in and out of the API: bodies read with a size limit (refused with 413 before they are read whole), a content
 * type check (415) and a parse that answers 400 instead of throwing; responses written with their status. Field
 * names are camelCase, times ISO-8601 in UTC.
 */
public final class Json
{
    /**
     * The content type of JSON bodies.
     */
    public static final String CONTENT_TYPE = "application/json";

    static final String LIMIT_ATTRIBUTE = "dialer.jsonLimit";

    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json()
    {
    }

    /**
     * The mapper the API reads and writes with.
     *
     * @return the mapper.
     */
    public static ObjectMapper mapper()
    {
        return MAPPER;
    }

    /**
     * A new empty object.
     *
     * @return the object.
     */
    public static ObjectNode object()
    {
        return MAPPER.createObjectNode();
    }

    /**
     * A new empty array.
     *
     * @return the array.
     */
    public static ArrayNode array()
    {
        return MAPPER.createArrayNode();
    }

    /**
     * A time as the API writes it.
     *
     * @param epochMs ms since the epoch.
     * @return ISO-8601 in UTC, like {@code 2026-05-02T14:03:11.201Z}.
     */
    public static String time(final long epochMs)
    {
        return Instant.ofEpochMilli(epochMs).toString();
    }

    /**
     * Writes a JSON response.
     *
     * @param ctx    the request.
     * @param status the status.
     * @param body   the body.
     */
    public static void write(final Context ctx, final int status, final JsonNode body)
    {
        try
        {
            ctx.status(status).contentType(CONTENT_TYPE).result(MAPPER.writeValueAsBytes(body));
        }
        catch (final JsonProcessingException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Reads the request's body as a JSON object: {@code Content-Type: application/json} (else 415), no larger than
     * the server's JSON limit (else 413, checked against {@code Content-Length} before reading and while reading),
     * well-formed (else 400).
     *
     * @param ctx the request.
     * @return the body.
     */
    public static JsonBody body(final Context ctx)
    {
        final String type = ctx.contentType();
        if (null == type || !type.toLowerCase(Locale.ROOT).startsWith(CONTENT_TYPE))
        {
            throw ApiException.unsupportedMediaType("send the body as " + CONTENT_TYPE);
        }
        final Long limit = ctx.attribute(LIMIT_ATTRIBUTE);
        final byte[] bytes = readBounded(ctx, null == limit ? DialerServer.Context.MAX_JSON_BYTES_DEFAULT : limit);
        final JsonNode node;
        try
        {
            node = MAPPER.readTree(bytes);
        }
        catch (final IOException ex)
        {
            throw ApiException.badRequest("the body is not JSON: " + firstLine(originalMessage(ex)));
        }
        if (!(node instanceof ObjectNode))
        {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        return new JsonBody((ObjectNode)node);
    }

    /**
     * Reads a request's whole body, refusing one larger than a limit: by its {@code Content-Length} before reading,
     * and while reading one sent without a length.
     *
     * @param ctx   the request.
     * @param limit the most bytes allowed.
     * @return the body.
     */
    public static byte[] readBounded(final Context ctx, final long limit)
    {
        final long length = ctx.req().getContentLengthLong();
        if (length > limit)
        {
            throw ApiException.tooLarge(limit);
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream((int)Math.max(0, Math.min(length, 1 << 16)));
        final byte[] chunk = new byte[8192];
        try (InputStream in = ctx.bodyInputStream())
        {
            long total = 0;
            int read;
            while ((read = in.read(chunk)) >= 0)
            {
                total += read;
                if (total > limit)
                {
                    throw ApiException.tooLarge(limit);
                }
                out.write(chunk, 0, read);
            }
        }
        catch (final IOException ex)
        {
            throw ApiException.badRequest("the body could not be read: " + ex.getMessage());
        }
        return out.toByteArray();
    }

    private static String originalMessage(final IOException ex)
    {
        return ex instanceof JsonProcessingException ? ((JsonProcessingException)ex).getOriginalMessage() :
            ex.getMessage();
    }

    private static String firstLine(final String message)
    {
        if (null == message)
        {
            return "malformed";
        }
        final int newLine = message.indexOf('\n');
        return newLine < 0 ? message : message.substring(0, newLine);
    }
}
