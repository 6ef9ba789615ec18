/*
 * Dialer server.
 */
package io.dialer.server;

import java.util.function.Consumer;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseClient;
import io.javalin.security.RouteRole;

/**
 * Where {@link ApiRoutes} register endpoints: each needs at least one rule ({@link Role}s, {@link Access#PUBLIC} or
 * {@link Access#AUTHENTICATED}), so nothing is public by mistake. Paths use Javalin's {@code {param}} form, which is
 * OpenAPI's too.
 */
public final class ApiRouter
{
    private final RoutesConfig routes;
    private final DialerServer server;

    ApiRouter(final RoutesConfig routes, final DialerServer server)
    {
        this.routes = routes;
        this.server = server;
    }

    /**
     * The server: its storage, users, metrics registry and settings.
     *
     * @return the server.
     */
    public DialerServer server()
    {
        return server;
    }

    /**
     * A GET endpoint.
     *
     * @param path    the path, like {@code /api/lead-lists/{id}}.
     * @param handler the handler.
     * @param rules   who may call it.
     * @return this.
     */
    public ApiRouter get(final String path, final Handler handler, final RouteRole... rules)
    {
        return add(HandlerType.GET, path, handler, rules);
    }

    /**
     * A POST endpoint.
     *
     * @param path    the path.
     * @param handler the handler.
     * @param rules   who may call it.
     * @return this.
     */
    public ApiRouter post(final String path, final Handler handler, final RouteRole... rules)
    {
        return add(HandlerType.POST, path, handler, rules);
    }

    /**
     * A PUT endpoint.
     *
     * @param path    the path.
     * @param handler the handler.
     * @param rules   who may call it.
     * @return this.
     */
    public ApiRouter put(final String path, final Handler handler, final RouteRole... rules)
    {
        return add(HandlerType.PUT, path, handler, rules);
    }

    /**
     * A PATCH endpoint.
     *
     * @param path    the path.
     * @param handler the handler.
     * @param rules   who may call it.
     * @return this.
     */
    public ApiRouter patch(final String path, final Handler handler, final RouteRole... rules)
    {
        return add(HandlerType.PATCH, path, handler, rules);
    }

    /**
     * A DELETE endpoint.
     *
     * @param path    the path.
     * @param handler the handler.
     * @param rules   who may call it.
     * @return this.
     */
    public ApiRouter delete(final String path, final Handler handler, final RouteRole... rules)
    {
        return add(HandlerType.DELETE, path, handler, rules);
    }

    /**
     * A server-sent events endpoint (GET, {@code text/event-stream}); the client is served on the server's async
     * executor, which {@link DialerServer#close()} stops.
     *
     * @param path   the path.
     * @param client called with each client that connects.
     * @param rules  who may call it.
     * @return this.
     */
    public ApiRouter sse(final String path, final Consumer<SseClient> client, final RouteRole... rules)
    {
        requireRules(path, rules);
        routes.sse(path, client, rules);
        return this;
    }

    private ApiRouter add(final HandlerType type, final String path, final Handler handler, final RouteRole... rules)
    {
        requireRules(path, rules);
        routes.addHttpHandler(type, path, handler, rules);
        return this;
    }

    private static void requireRules(final String path, final RouteRole... rules)
    {
        if (null == rules || 0 == rules.length)
        {
            throw new IllegalArgumentException(path + ": name who may call it (roles, Access.PUBLIC or " +
                "Access.AUTHENTICATED)");
        }
    }
}
