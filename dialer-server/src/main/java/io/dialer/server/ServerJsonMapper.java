/*
 * Dialer server.
 */
package io.dialer.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

import io.javalin.json.JsonMapper;

/**
 * Javalin's {@code ctx.json()} through the server's Jackson mapper, without Javalin's streaming mapper (it would
 * start a thread pool of its own that outlives the server).
 */
final class ServerJsonMapper implements JsonMapper
{
    @Override
    public String toJsonString(final Object obj, final Type type)
    {
        try
        {
            return Json.mapper().writerFor(Json.mapper().constructType(type)).writeValueAsString(obj);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public <T> T fromJsonString(final String json, final Type targetType)
    {
        try
        {
            return Json.mapper().readValue(json, Json.mapper().constructType(targetType));
        }
        catch (final IOException ex)
        {
            throw ApiException.badRequest("the body is not the JSON expected: " + ex.getMessage());
        }
    }
}
