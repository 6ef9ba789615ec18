/*
 * Dialer server.
 */
package io.dialer.server;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.server.auth.ApiToken;
import io.dialer.server.auth.Secrets;
import io.dialer.server.auth.Session;
import io.dialer.server.auth.User;
import io.dialer.server.routes.SessionRoutes;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.security.RouteRole;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every request goes through, in this order: security headers on every response; for a request that matches a
 * route, authentication (a bearer token, else the session cookie), the route's rules (no credentials: 401; a role
 * not named: 403), and for a state-changing request authenticated by cookie the Origin check (Origin, or Referer
 * when there is no Origin, must be the server's own) and the CSRF token ({@code X-CSRF-Token}); then the handler;
 * errors of any kind become JSON ({@code {"error": …, "details": […]}}), an unexpected one a 500 with a correlation
 * id that is logged with the stack trace; the request is counted in the server's metrics.
 */
final class RequestPipeline
{
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; " +
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'";

    private static final Logger LOG = LoggerFactory.getLogger(RequestPipeline.class);
    private static final Set<HandlerType> STATE_CHANGING =
        Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    private static final String STARTED_ATTRIBUTE = "dialer.startedNs";

    private final DialerServer server;
    private final Counter requests;
    private final Histogram durations;

    RequestPipeline(final DialerServer server)
    {
        this.server = server;
        this.requests = Counter.builder().name("dialer_http_requests_total")
            .help("HTTP requests served, by method, route and status").labelNames("method", "route", "status")
            .register(server.registry());
        this.durations = Histogram.builder().name("dialer_http_request_duration_seconds")
            .help("Time to serve HTTP requests, by method and route").labelNames("method", "route")
            .classicOnly().register(server.registry());
    }

    void install(final JavalinConfig config)
    {
        config.routes.before(this::before);
        config.routes.beforeMatched(this::authorize);
        config.routes.exception(ApiException.class, (ex, ctx) -> writeError(ctx, ex));
        config.routes.exception(HttpResponseException.class, (ex, ctx) ->
            writeError(ctx, new ApiException(ex.getStatus(), message(ex, ctx), java.util.List.of(), 0)));
        config.routes.exception(Exception.class, this::unexpected);
        config.routes.after(this::after);
    }

    private void before(final Context ctx)
    {
        ctx.attribute(STARTED_ATTRIBUTE, System.nanoTime());
        ctx.attribute(Json.LIMIT_ATTRIBUTE, server.context().maxJsonBytes());
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (server.context().tls())
        {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (ctx.path().startsWith("/api/") || "/metrics".equals(ctx.path()))
        {
            ctx.header("Cache-Control", "no-store");
        }
    }

    private void authorize(final Context ctx)
    {
        final Set<RouteRole> rules = ctx.routeRoles();
        final Principal principal = authenticate(ctx);
        if (null != principal)
        {
            ctx.attribute(Principal.ATTRIBUTE, principal);
        }
        final boolean stateChanging = STATE_CHANGING.contains(ctx.method());
        if (rules.contains(Access.PUBLIC))
        {
            if (stateChanging && (null != ctx.header("Origin") || null != ctx.header("Referer")))
            {
                checkOrigin(ctx);
            }
            return;
        }
        if (rules.isEmpty())
        {
            throw ApiException.forbidden("this endpoint names no one who may call it");
        }
        if (null == principal)
        {
            throw ApiException.unauthorized("sign in first (POST /api/session), or send an API token " +
                "(Authorization: Bearer …)");
        }
        if (!rules.contains(Access.AUTHENTICATED) && !rules.contains(principal.role()))
        {
            throw ApiException.forbidden((Role.ADMIN == principal.role() ? "an " : "a ") + principal.role().json() +
                " may not do this");
        }
        if (stateChanging && Principal.Via.SESSION == principal.via())
        {
            checkOrigin(ctx);
            final Session session = server.sessions().resolve(principal.credentialId());
            if (null == session || !Secrets.same(session.csrfToken(), ctx.header(CSRF_HEADER)))
            {
                throw ApiException.forbidden("missing or wrong " + CSRF_HEADER + " header: send the csrfToken " +
                    "of GET /api/session");
            }
        }
    }

    /**
     * The request's principal: a bearer token when there is an Authorization header (a wrong one is a 401, never a
     * fallback to the cookie), else the session cookie, else none.
     */
    private Principal authenticate(final Context ctx)
    {
        final String authorization = ctx.header("Authorization");
        if (null != authorization)
        {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7))
            {
                throw ApiException.unauthorized("only Bearer tokens are accepted in Authorization");
            }
            final ApiToken token = server.tokens().resolve(authorization.substring(7).trim());
            final User creator = null == token ? null : server.users().find(token.userId());
            if (null == creator || !creator.enabled())
            {
                throw ApiException.unauthorized("the API token is not valid (revoked, or its user disabled)");
            }
            final Role role = creator.role().atLeast(token.role()) ? token.role() : creator.role();
            return new Principal(creator.id(), creator.name(), role, Role.CLOSER == role ?
                (null != token.closerId() ? token.closerId() : creator.closerId()) : null,
                Principal.Via.TOKEN, token.id());
        }
        final Session session = server.sessions().resolve(ctx.cookie(sessionCookie()));
        if (null == session)
        {
            return null;
        }
        final User user = server.users().find(session.userId());
        if (null == user || !user.enabled())
        {
            server.sessions().remove(session.id());
            return null;
        }
        return new Principal(user.id(), user.name(), user.role(), user.closerId(), Principal.Via.SESSION,
            session.id());
    }

    private void checkOrigin(final Context ctx)
    {
        final String expected = (server.context().tls() ? "https" : "http") + "://" +
            String.valueOf(ctx.header("Host")).toLowerCase(Locale.ROOT);
        final String origin = ctx.header("Origin");
        if (null != origin)
        {
            if (!expected.equals(origin.toLowerCase(Locale.ROOT)))
            {
                throw ApiException.forbidden("the request comes from another origin (" + origin + ")");
            }
            return;
        }
        final String referer = ctx.header("Referer");
        if (null == referer)
        {
            throw ApiException.forbidden("a state-changing request signed in by cookie must send Origin (or Referer)");
        }
        final String from;
        try
        {
            final URI uri = URI.create(referer);
            from = (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(Locale.ROOT);
        }
        catch (final IllegalArgumentException ex)
        {
            throw ApiException.forbidden("the Referer is not a URL");
        }
        if (!expected.equals(from))
        {
            throw ApiException.forbidden("the request comes from another origin (" + from + ")");
        }
    }

    String sessionCookie()
    {
        return server.context().tls() ? SessionRoutes.SECURE_COOKIE : SessionRoutes.COOKIE;
    }

    private void unexpected(final Exception ex, final Context ctx)
    {
        final String id = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        LOG.error("{} {} failed, correlation id {}", ctx.method().name(), ctx.path(), id, ex);
        final ObjectNode body = Json.object();
        body.put("error", "the server failed to answer; tell an admin the correlation id " + id);
        body.put("correlationId", id);
        ctx.header("X-Correlation-Id", id);
        Json.write(ctx, 500, body);
    }

    private static void writeError(final Context ctx, final ApiException ex)
    {
        final ObjectNode body = Json.object();
        body.put("error", ex.error());
        if (!ex.details().isEmpty())
        {
            final ArrayNode details = body.putArray("details");
            for (final ErrorDetail detail : ex.details())
            {
                detail.write(details.addObject());
            }
        }
        if (ex.retryAfterSeconds() > 0)
        {
            ctx.header("Retry-After", Long.toString(ex.retryAfterSeconds()));
        }
        if (401 == ex.status())
        {
            ctx.header("WWW-Authenticate", "Bearer realm=\"dialer\"");
        }
        Json.write(ctx, ex.status(), body);
    }

    private static String message(final HttpResponseException ex, final Context ctx)
    {
        switch (ex.getStatus())
        {
            case 404:
                return "not found: " + ctx.method().name() + " " + ctx.path();
            case 405:
                return "method " + ctx.method().name() + " is not allowed on " + ctx.path();
            case 413:
                return "the body is larger than the limit";
            default:
                return ex.getMessage();
        }
    }

    private void after(final Context ctx)
    {
        final Long started = ctx.attribute(STARTED_ATTRIBUTE);
        final io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        String route = null == matched ? "" : matched.path;
        if (route.isEmpty() || "*".equals(route))
        {
            route = ctx.statusCode() < 400 ? "static" : "unmatched";
        }
        final String method = ctx.method().name();
        requests.labelValues(method, route, Integer.toString(ctx.statusCode())).inc();
        if (null != started)
        {
            durations.labelValues(method, route).observe((System.nanoTime() - started) / 1e9);
        }
    }
}
