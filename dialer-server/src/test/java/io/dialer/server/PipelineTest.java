/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipelineTest
{
    @TempDir
    Path dir;

    @Test
    void shouldAnswerUnknownPathsAndMethodsWithJsonErrors()
    {
        try (TestServer test = TestServer.start(dir))
        {
            final Client admin = test.admin();
            final Response missing = admin.get("/api/nothing-here");
            assertEquals(404, missing.status);
            assertEquals("not found: GET /api/nothing-here", missing.error());
            final Response method = admin.send("PUT", "/api/lead-lists",
                java.net.http.HttpRequest.BodyPublishers.noBody(), null);
            assertEquals(405, method.status);
            assertTrue(method.header("Content-Type").startsWith("application/json"), method.toString());
        }
    }

    @Test
    void shouldAnswerAnUnexpectedFailureWith500AndACorrelationIdNotAStackTrace()
    {
        try (TestServer test = TestServer.start(dir, (ctx) -> ctx.addRoutes((router) -> router.get("/api/boom",
            (c) ->
            {
                throw new IllegalStateException("secret internals");
            }, Access.AUTHENTICATED))))
        {
            final Response boom = test.admin().send("GET", "/api/boom",
                java.net.http.HttpRequest.BodyPublishers.noBody(), null);
            assertEquals(500, boom.status);
            assertFalse(boom.text().contains("secret internals"), boom.text());
            assertFalse(boom.text().contains("at io.dialer"), boom.text());
            assertEquals(boom.header("X-Correlation-Id"), boom.json().path("correlationId").asText());
        }
    }

    @Test
    void shouldRefuseARouteThatNamesNoOneWhoMayCallIt()
    {
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> TestServer.start(dir, (ctx) -> ctx.addRoutes((router) -> router.get("/api/open", (c) -> {}))));
        assertTrue(refused.getMessage().startsWith("/api/open: name who may call it"), refused.getMessage());
    }

    @Test
    void shouldGiveARouteAddedByAnotherResourceTheSamePipeline()
    {
        try (TestServer test = TestServer.start(dir, (ctx) -> ctx.addRoutes((router) -> router.post("/api/ping",
            (c) -> Json.write(c, 200, Json.object().put("principal", Principal.of(c).userName())), Role.MANAGER))))
        {
            final Client manager = test.as(Role.MANAGER, "mia");
            final java.net.http.HttpRequest.BodyPublisher none = java.net.http.HttpRequest.BodyPublishers.noBody();
            assertEquals(403, test.admin().send("POST", "/api/ping", none, null).status, "roles are exact");
            assertEquals(403, manager.withoutCsrf().send("POST", "/api/ping", none, null).status);
            assertEquals(401, test.anonymous().send("POST", "/api/ping", none, null).status);
        }
    }
}
