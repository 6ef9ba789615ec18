/**
 * The server of {@code dialer serve}: {@link io.dialer.server.DialerServer} (Javalin on Jetty 12) with its
 * {@link io.dialer.server.DialerServer.Context}, the request pipeline every route shares (authentication by session
 * cookie or bearer token, role rules, CSRF and Origin checks, JSON errors) and the pattern of a resource: one
 * {@link io.dialer.server.ApiRoutes} class registering its endpoints on an {@link io.dialer.server.ApiRouter}.
 */
package io.dialer.server;
