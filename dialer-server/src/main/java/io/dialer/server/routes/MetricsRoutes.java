/*
 * Dialer server routes.
 */
package io.dialer.server.routes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import io.dialer.server.Access;
import io.dialer.server.ApiRouter;
import io.dialer.server.ApiRoutes;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * {@code GET /metrics}: the server's registry in the Prometheus text format, for any authenticated caller, by bearer
 * token (what scrapers send) or by session (a console's charts). The metrics carry no personal data (no numbers, no
 * names), so every role may read them; without credentials they are not served, since they describe the business
 * (calls, closers, campaigns).
 */
public final class MetricsRoutes implements ApiRoutes
{
    /**
     * {@inheritDoc}
     */
    public void register(final ApiRouter router)
    {
        final PrometheusRegistry registry = router.server().registry();
        final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
        router.get("/metrics", (ctx) ->
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            try
            {
                writer.write(out, registry.scrape());
            }
            catch (final IOException ex)
            {
                throw new java.io.UncheckedIOException(ex);
            }
            ctx.contentType(writer.getContentType()).result(out.toByteArray());
        }, Access.AUTHENTICATED);
    }
}
