/*
 * Dialer server routes.
 */
package io.dialer.server.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.server.Json;
import io.dialer.server.Principal;
import io.dialer.server.auth.ApiToken;
import io.dialer.server.auth.User;

/**
 * The JSON of users, principals and tokens, written one way everywhere (and described once in the OpenAPI file).
 */
final class Views
{
    private Views()
    {
    }

    static ObjectNode user(final User user)
    {
        final ObjectNode json = Json.object();
        json.put("id", user.id());
        json.put("name", user.name());
        json.put("role", user.role().json());
        json.put("closerId", user.closerId());
        json.put("enabled", user.enabled());
        json.put("createdAt", Json.time(user.createdMs()));
        json.put("updatedAt", Json.time(user.updatedMs()));
        return json;
    }

    static ObjectNode principal(final Principal principal)
    {
        final ObjectNode json = Json.object();
        json.put("id", principal.userId());
        json.put("name", principal.userName());
        json.put("role", principal.role().json());
        json.put("closerId", principal.closerId());
        return json;
    }

    static ObjectNode token(final ApiToken token, final User creator)
    {
        final ObjectNode json = Json.object();
        json.put("id", token.id());
        json.put("name", token.name());
        json.put("role", token.role().json());
        json.put("closerId", token.closerId());
        json.put("createdBy", null == creator ? null : creator.name());
        json.put("createdAt", Json.time(token.createdMs()));
        return json;
    }
}
