/*
 * Dialer server.
 */
package io.dialer.server;

/**
 * One resource of the API: a class that registers its endpoints, each with the roles that may call it, on the
 * server's {@link ApiRouter}. The pipeline authenticates, checks the roles, CSRF and origin before a handler runs;
 * the handler reads the caller with {@link Principal#of(io.javalin.http.Context)}, reads a JSON body with
 * {@link Json#body(io.javalin.http.Context)}, refuses with {@link ApiException} and answers with
 * {@link Json#write(io.javalin.http.Context, int, com.fasterxml.jackson.databind.JsonNode)}. Every endpoint is
 * described in {@code docs/openapi.yaml}; a test checks both ways.
 */
@FunctionalInterface
public interface ApiRoutes
{
    /**
     * Registers the resource's endpoints.
     *
     * @param router the server's router.
     */
    void register(ApiRouter router);
}
