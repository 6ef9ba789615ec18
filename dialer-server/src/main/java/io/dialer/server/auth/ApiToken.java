/*
 * Server authentication.
 */
package io.dialer.server.auth;

import io.dialer.server.Role;

/**
 * An API token as stored: id, a name saying what it is for, its role (never above its creator's), the closer it acts
 * as (closer role), its creator, when created, and the SHA-256 of its secret (the secret itself is shown once, at
 * creation, and kept nowhere).
 */
public final class ApiToken
{
    /**
     * Every token's secret starts with this, so a leaked one is recognised by secret scanners.
     */
    public static final String PREFIX = "dlr_";

    private final String id;
    private final String name;
    private final Role role;
    private final String closerId;
    private final String userId;
    private final long createdMs;
    private final String hash;

    ApiToken(
        final String id,
        final String name,
        final Role role,
        final String closerId,
        final String userId,
        final long createdMs,
        final String hash)
    {
        this.id = id;
        this.name = name;
        this.role = role;
        this.closerId = closerId;
        this.userId = userId;
        this.createdMs = createdMs;
        this.hash = hash;
    }

    /**
     * The id.
     *
     * @return the id.
     */
    public String id()
    {
        return id;
    }

    /**
     * What the token is for.
     *
     * @return the name.
     */
    public String name()
    {
        return name;
    }

    /**
     * The role requests with the token have (capped at the creator's current role).
     *
     * @return the role.
     */
    public Role role()
    {
        return role;
    }

    /**
     * The closer the token acts as, for the closer role.
     *
     * @return the closer's id, or null.
     */
    public String closerId()
    {
        return closerId;
    }

    /**
     * The user who created it.
     *
     * @return the user's id.
     */
    public String userId()
    {
        return userId;
    }

    /**
     * When it was created.
     *
     * @return epoch ms.
     */
    public long createdMs()
    {
        return createdMs;
    }

    String hash()
    {
        return hash;
    }
}
