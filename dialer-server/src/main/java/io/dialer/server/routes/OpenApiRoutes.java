/*
 * Dialer server routes.
 */
package io.dialer.server.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.dialer.server.Access;
import io.dialer.server.ApiRouter;
import io.dialer.server.ApiRoutes;

/**
 * {@code GET /api/openapi.yaml}: the API's description ({@code docs/openapi.yaml}, copied into the jar at build),
 * public so tools can read it before they hold a token.
 */
public final class OpenApiRoutes implements ApiRoutes
{
    /**
     * Where the file is on the class path.
     */
    public static final String RESOURCE = "/io/dialer/server/openapi.yaml";

    /**
     * {@inheritDoc}
     */
    public void register(final ApiRouter router)
    {
        final byte[] spec;
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE))
        {
            if (null == in)
            {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            spec = in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        router.get("/api/openapi.yaml", (ctx) -> ctx.contentType("application/yaml; charset=utf-8").result(spec),
            Access.PUBLIC);
    }
}
