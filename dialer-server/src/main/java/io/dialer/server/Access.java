/*
 * Dialer server.
 */
package io.dialer.server;

import io.javalin.security.RouteRole;

/**
 * Route rules that are not a role: given to a route instead of (or with) {@link Role}s. A route must name at least
 * one rule; {@link ApiRouter} refuses one without, so no endpoint is public by mistake.
 */
public enum Access implements RouteRole
{
    /** Anyone, without credentials (the login, the OpenAPI file). */
    PUBLIC,
    /** Any signed-in user or token, whatever its role. */
    AUTHENTICATED
}
