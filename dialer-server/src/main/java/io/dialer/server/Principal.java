/*
 * Dialer server.
 */
package io.dialer.server;

import io.javalin.http.Context;

/**
 * Who makes the current request: the user (by a session cookie) or an API token acting for its creator, with the
 * role the request has. A route reads it with {@link #of(Context)}.
 */
public final class Principal
{
    /**
     * How the request was authenticated.
     */
    public enum Via
    {
        /** A session cookie from {@code POST /api/session}. */
        SESSION,
        /** An API token in {@code Authorization: Bearer …}. */
        TOKEN
    }

    static final String ATTRIBUTE = "dialer.principal";

    private final String userId;
    private final String userName;
    private final Role role;
    private final String closerId;
    private final Via via;
    private final String credentialId;

    /**
     * A principal.
     *
     * @param userId       the user's id (a token's creator).
     * @param userName     the user's name.
     * @param role         the role the request has (a token's role, never above its creator's).
     * @param closerId     the closer this is, for the closer role, else null.
     * @param via          how the request was authenticated.
     * @param credentialId the session's or token's id.
     */
    public Principal(
        final String userId,
        final String userName,
        final Role role,
        final String closerId,
        final Via via,
        final String credentialId)
    {
        this.userId = userId;
        this.userName = userName;
        this.role = role;
        this.closerId = closerId;
        this.via = via;
        this.credentialId = credentialId;
    }

    /**
     * The principal of the current request, as the pipeline authenticated it.
     *
     * @param ctx the request.
     * @return the principal, or null on a public route called without credentials.
     */
    public static Principal of(final Context ctx)
    {
        return ctx.attribute(ATTRIBUTE);
    }

    /**
     * The principal of the current request, which must have one (any route that is not {@link Access#PUBLIC}).
     *
     * @param ctx the request.
     * @return the principal.
     * @throws ApiException 401 when there is none.
     */
    public static Principal required(final Context ctx)
    {
        final Principal principal = of(ctx);
        if (null == principal)
        {
            throw ApiException.unauthorized("sign in first");
        }
        return principal;
    }

    /**
     * The user's id.
     *
     * @return the id.
     */
    public String userId()
    {
        return userId;
    }

    /**
     * The user's name.
     *
     * @return the name.
     */
    public String userName()
    {
        return userName;
    }

    /**
     * The role the request has.
     *
     * @return the role.
     */
    public Role role()
    {
        return role;
    }

    /**
     * The closer this user is (the closer role only): scope a closer's requests to their own calls with it.
     *
     * @return the closer's id, or null.
     */
    public String closerId()
    {
        return closerId;
    }

    /**
     * How the request was authenticated.
     *
     * @return session or token.
     */
    public Via via()
    {
        return via;
    }

    /**
     * The session's or token's id.
     *
     * @return the id.
     */
    public String credentialId()
    {
        return credentialId;
    }
}
