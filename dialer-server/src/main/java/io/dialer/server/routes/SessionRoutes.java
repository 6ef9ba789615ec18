/*
 * Dialer server routes.
 */
package io.dialer.server.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.server.Access;
import io.dialer.server.ApiException;
import io.dialer.server.ApiRouter;
import io.dialer.server.ApiRoutes;
import io.dialer.server.DialerServer;
import io.dialer.server.Json;
import io.dialer.server.JsonBody;
import io.dialer.server.Principal;
import io.dialer.server.auth.PasswordHasher;
import io.dialer.server.auth.Session;
import io.dialer.server.auth.User;
import io.javalin.http.Context;

/**
 * Signing in and out: {@code POST /api/session} (name and password: a new session cookie and its CSRF token;
 * rate-limited per name and per address), {@code GET /api/session} (who am I), {@code DELETE /api/session} (sign
 * out), {@code PUT /api/session/password} (change one's own password).
 */
public final class SessionRoutes implements ApiRoutes
{
    /**
     * The session cookie over plain HTTP.
     */
    public static final String COOKIE = "dialer_session";

    /**
     * The session cookie over HTTPS: the {@code __Host-} prefix makes browsers refuse it unless Secure, for this
     * host only, with path /.
     */
    public static final String SECURE_COOKIE = "__Host-dialer_session";

    private DialerServer server;

    /**
     * {@inheritDoc}
     */
    public void register(final ApiRouter router)
    {
        this.server = router.server();
        router.post("/api/session", this::login, Access.PUBLIC);
        router.get("/api/session", this::whoAmI, Access.AUTHENTICATED);
        router.delete("/api/session", this::logout, Access.AUTHENTICATED);
        router.put("/api/session/password", this::changePassword, Access.AUTHENTICATED);
    }

    private void login(final Context ctx)
    {
        final JsonBody body = Json.body(ctx);
        final String name = body.text("name");
        final String password = body.text("password");
        body.done();
        final long wait = server.loginLimiter().tryAttempt(name, ctx.ip());
        if (wait > 0)
        {
            throw ApiException.tooManyRequests("too many sign-in attempts; try again in " + wait + " s", wait);
        }
        final User user = server.users().authenticate(name, password);
        if (null == user)
        {
            server.loginLimiter().failed(name);
            throw ApiException.unauthorized("wrong name or password, or the user is disabled");
        }
        server.loginLimiter().succeeded(name);
        final String previous = ctx.cookie(cookieName());
        if (null != previous)
        {
            server.sessions().remove(previous);
        }
        final Session session = server.sessions().create(user.id());
        ctx.header("Set-Cookie", cookieName() + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict" +
            (server.context().tls() ? "; Secure" : ""));
        Json.write(ctx, 200, sessionJson(user, session));
    }

    private void whoAmI(final Context ctx)
    {
        final Principal principal = Principal.required(ctx);
        final User user = server.users().find(principal.userId());
        if (Principal.Via.SESSION == principal.via())
        {
            Json.write(ctx, 200, sessionJson(user, server.sessions().resolve(principal.credentialId())));
            return;
        }
        final ObjectNode json = Json.object();
        json.set("user", Views.principal(principal));
        json.put("via", "token");
        json.put("tokenId", principal.credentialId());
        Json.write(ctx, 200, json);
    }

    private void logout(final Context ctx)
    {
        final Principal principal = Principal.required(ctx);
        if (Principal.Via.SESSION != principal.via())
        {
            throw ApiException.badRequest("there is no session to end: an API token is revoked with " +
                "DELETE /api/tokens/{id}");
        }
        server.sessions().remove(principal.credentialId());
        ctx.header("Set-Cookie", cookieName() + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" +
            (server.context().tls() ? "; Secure" : ""));
        ctx.status(204);
    }

    private void changePassword(final Context ctx)
    {
        final Principal principal = Principal.required(ctx);
        final JsonBody body = Json.body(ctx);
        final String current = body.text("currentPassword");
        final String next = body.text("newPassword");
        final String problem = null == next ? null : PasswordHasher.problem(next);
        if (null != problem)
        {
            body.invalid("newPassword", problem);
        }
        body.done();
        final User user = server.users().find(principal.userId());
        final long wait = server.loginLimiter().tryAttempt(user.name(), ctx.ip());
        if (wait > 0)
        {
            throw ApiException.tooManyRequests("too many password attempts; try again in " + wait + " s", wait);
        }
        if (!server.users().checkPassword(user, current))
        {
            server.loginLimiter().failed(user.name());
            throw ApiException.forbidden("the current password is wrong");
        }
        server.loginLimiter().succeeded(user.name());
        server.users().update(user.id(), null, null, null, next);
        server.sessions().removeUser(user.id(),
            Principal.Via.SESSION == principal.via() ? principal.credentialId() : null);
        ctx.status(204);
    }

    private ObjectNode sessionJson(final User user, final Session session)
    {
        final ObjectNode json = Json.object();
        json.set("user", Views.user(user));
        json.put("via", "session");
        json.put("csrfToken", session.csrfToken());
        json.put("expiresAt", Json.time(server.sessions().expiresMs(session)));
        return json;
    }

    private String cookieName()
    {
        return server.context().tls() ? SECURE_COOKIE : COOKIE;
    }
}
