/*
 * Dialer server routes.
 */
package io.dialer.server.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.server.Access;
import io.dialer.server.ApiException;
import io.dialer.server.ApiRouter;
import io.dialer.server.ApiRoutes;
import io.dialer.server.DialerServer;
import io.dialer.server.Json;
import io.dialer.server.JsonBody;
import io.dialer.server.Principal;
import io.dialer.server.Role;
import io.dialer.server.auth.ApiToken;
import io.dialer.server.auth.TokenStore;
import io.dialer.server.auth.UserStore;
import io.javalin.http.Context;

/**
 * API tokens for scripts and integrations ({@code Authorization: Bearer …}): any user creates tokens with a role
 * not above their own (the secret is in the answer once), lists their own (an admin sees all, never a secret) and
 * revokes them.
 */
public final class TokenRoutes implements ApiRoutes
{
    private static final int MAX_NAME = 100;

    private DialerServer server;

    /**
     * {@inheritDoc}
     */
    public void register(final ApiRouter router)
    {
        this.server = router.server();
        router.get("/api/tokens", this::list, Access.AUTHENTICATED);
        router.post("/api/tokens", this::create, Access.AUTHENTICATED);
        router.delete("/api/tokens/{id}", this::revoke, Access.AUTHENTICATED);
    }

    private void list(final Context ctx)
    {
        final Principal principal = Principal.required(ctx);
        final ObjectNode json = Json.object();
        final ArrayNode tokens = json.putArray("tokens");
        for (final ApiToken token : server.tokens().list())
        {
            if (Role.ADMIN == principal.role() || token.userId().equals(principal.userId()))
            {
                tokens.add(Views.token(token, server.users().find(token.userId())));
            }
        }
        Json.write(ctx, 200, json);
    }

    private void create(final Context ctx)
    {
        final Principal principal = Principal.required(ctx);
        final JsonBody body = Json.body(ctx);
        final String name = body.text("name");
        final String roleName = body.optionalText("role");
        final Role role = null == roleName ? principal.role() : Role.fromJson(roleName);
        String closerId = body.optionalText("closerId");
        if (null != name && name.length() > MAX_NAME)
        {
            body.invalid("name", "at most " + MAX_NAME + " characters");
        }
        if (null == role)
        {
            body.invalid("role", "one of admin, manager, closer");
        }
        if (Role.CLOSER == role)
        {
            closerId = null == closerId ? principal.closerId() : closerId;
            if (null == closerId)
            {
                body.invalid("closerId", "a closer token needs the id of the closer it acts as");
            }
            else if (!UserStore.CLOSER_ID.matcher(closerId).matches())
            {
                body.invalid("closerId", "1 to 64 letters, digits or _ - . @, as in closers files");
            }
        }
        else if (null != closerId)
        {
            body.invalid("closerId", "only a closer token has a closer id");
        }
        body.done();
        if (!principal.role().atLeast(role))
        {
            throw ApiException.forbidden("a token's role cannot be above yours (" + principal.role().json() + ")");
        }
        if (Role.CLOSER == principal.role() && !closerId.equals(principal.closerId()))
        {
            throw ApiException.forbidden("a closer's token acts as that closer only");
        }
        final TokenStore.Created created = server.tokens().create(name, role, closerId, principal.userId());
        final ObjectNode json = Views.token(created.token(), server.users().find(principal.userId()));
        json.put("token", created.secret());
        Json.write(ctx, 201, json);
    }

    private void revoke(final Context ctx)
    {
        final Principal principal = Principal.required(ctx);
        final ApiToken token = server.tokens().find(ctx.pathParam("id"));
        if (null == token || Role.ADMIN != principal.role() && !token.userId().equals(principal.userId()))
        {
            throw ApiException.notFound("no token " + ctx.pathParam("id"));
        }
        server.tokens().revoke(token.id());
        ctx.status(204);
    }
}
