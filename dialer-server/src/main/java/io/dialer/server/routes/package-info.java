/**
 * The server's own resources, one {@link io.dialer.server.ApiRoutes} class each: sessions, users, API tokens, lead
 * lists, qualification scripts, closers files, {@code /metrics} and the OpenAPI file. A new resource is one more
 * class in this pattern, added with {@link io.dialer.server.DialerServer.Context#addRoutes}.
 */
package io.dialer.server.routes;
