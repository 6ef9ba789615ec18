/*
 * Dialer server routes.
 */
package io.dialer.server.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.server.ApiException;
import io.dialer.server.ApiRouter;
import io.dialer.server.ApiRoutes;
import io.dialer.server.DialerServer;
import io.dialer.server.Json;
import io.dialer.server.JsonBody;
import io.dialer.server.Role;
import io.dialer.server.auth.PasswordHasher;
import io.dialer.server.auth.User;
import io.dialer.server.auth.UserStore;
import io.javalin.http.Context;

/**
 * Users, for admins only: {@code /api/users} (list, create) and {@code /api/users/{id}} (get, change the role, the
 * closer's id, enabled, or reset the password; delete). Disabling a user, resetting their password or deleting them
 * ends their sessions; deleting them revokes their tokens; a disabled user's tokens stop working. There is always an
 * enabled admin: the last cannot be demoted, disabled or deleted (409).
 */
public final class UserRoutes implements ApiRoutes
{
    private DialerServer server;

    /**
     * {@inheritDoc}
     */
    public void register(final ApiRouter router)
    {
        this.server = router.server();
        router.get("/api/users", this::list, Role.ADMIN);
        router.post("/api/users", this::create, Role.ADMIN);
        router.get("/api/users/{id}", this::get, Role.ADMIN);
        router.patch("/api/users/{id}", this::update, Role.ADMIN);
        router.delete("/api/users/{id}", this::delete, Role.ADMIN);
    }

    private void list(final Context ctx)
    {
        final ObjectNode json = Json.object();
        final ArrayNode users = json.putArray("users");
        for (final User user : server.users().list())
        {
            users.add(Views.user(user));
        }
        Json.write(ctx, 200, json);
    }

    private void create(final Context ctx)
    {
        final JsonBody body = Json.body(ctx);
        final String name = body.text("name");
        final Role role = role(body, body.text("role"));
        final String password = body.text("password");
        final String closerId = body.optionalText("closerId");
        if (null != name && !UserStore.NAME.matcher(name).matches())
        {
            body.invalid("name", "1 to 64 letters, digits or . _ @ -");
        }
        checkPassword(body, "password", password);
        checkCloser(body, role, closerId);
        body.done();
        Json.write(ctx, 201, Views.user(server.users().create(name, role, closerId, password)));
    }

    private void get(final Context ctx)
    {
        Json.write(ctx, 200, Views.user(find(ctx)));
    }

    private void update(final Context ctx)
    {
        final User user = find(ctx);
        final JsonBody body = Json.body(ctx);
        final String roleName = body.optionalText("role");
        final Role role = null == roleName ? null : role(body, roleName);
        final String closerId = body.optionalText("closerId");
        final Boolean enabled = body.optionalBoolean("enabled");
        final String password = body.optionalText("password");
        if (body.has("password"))
        {
            checkPassword(body, "password", password);
        }
        final Role newRole = null == role ? user.role() : role;
        if (null != closerId || Role.CLOSER == newRole && null == user.closerId())
        {
            checkCloser(body, newRole, closerId);
        }
        body.done();
        final User changed = server.users().update(user.id(), role, closerId, enabled, password);
        if (null == changed)
        {
            throw ApiException.notFound("no user " + user.id());
        }
        if (null != password || !changed.enabled())
        {
            server.sessions().removeUser(user.id(), null);
        }
        Json.write(ctx, 200, Views.user(changed));
    }

    private void delete(final Context ctx)
    {
        final User user = find(ctx);
        if (null == server.users().delete(user.id()))
        {
            throw ApiException.notFound("no user " + user.id());
        }
        server.sessions().removeUser(user.id(), null);
        server.tokens().revokeUser(user.id());
        ctx.status(204);
    }

    private User find(final Context ctx)
    {
        final User user = server.users().find(ctx.pathParam("id"));
        if (null == user)
        {
            throw ApiException.notFound("no user " + ctx.pathParam("id"));
        }
        return user;
    }

    private static Role role(final JsonBody body, final String name)
    {
        if (null == name)
        {
            return null;
        }
        final Role role = Role.fromJson(name);
        if (null == role)
        {
            body.invalid("role", "one of admin, manager, closer");
        }
        return role;
    }

    private static void checkPassword(final JsonBody body, final String field, final String password)
    {
        final String problem = null == password ? null : PasswordHasher.problem(password);
        if (null != problem)
        {
            body.invalid(field, problem);
        }
    }

    private static void checkCloser(final JsonBody body, final Role role, final String closerId)
    {
        if (Role.CLOSER == role && null == closerId)
        {
            body.invalid("closerId", "a closer user needs the id of the closer they are");
        }
        else if (Role.CLOSER != role && null != role && null != closerId)
        {
            body.invalid("closerId", "only a closer has a closer id");
        }
        else if (null != closerId && !UserStore.CLOSER_ID.matcher(closerId).matches())
        {
            body.invalid("closerId", "1 to 64 letters, digits or _ - . @, as in closers files");
        }
    }
}
