/*
 * Server authentication.
 */
package io.dialer.server.auth;

import io.dialer.server.Role;

/**
 * A user: id, unique name (compared ignoring case), role, the closer they are (closer role), password hash, enabled,
 * and when it was created and last changed. Immutable: a change is a new {@code User}.
 */
public final class User
{
    private final String id;
    private final String name;
    private final Role role;
    private final String closerId;
    private final String passwordHash;
    private final boolean enabled;
    private final long createdMs;
    private final long updatedMs;

    /**
     * A user.
     *
     * @param id           the id.
     * @param name         the name, as given.
     * @param role         the role.
     * @param closerId     the closer's id for the closer role, else null.
     * @param passwordHash the Argon2id PHC string.
     * @param enabled      whether the user may sign in.
     * @param createdMs    when created (epoch ms).
     * @param updatedMs    when last changed (epoch ms).
     */
    public User(
        final String id,
        final String name,
        final Role role,
        final String closerId,
        final String passwordHash,
        final boolean enabled,
        final long createdMs,
        final long updatedMs)
    {
        this.id = id;
        this.name = name;
        this.role = role;
        this.closerId = closerId;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.createdMs = createdMs;
        this.updatedMs = updatedMs;
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
     * The name.
     *
     * @return the name.
     */
    public String name()
    {
        return name;
    }

    /**
     * The role.
     *
     * @return the role.
     */
    public Role role()
    {
        return role;
    }

    /**
     * The closer this user is.
     *
     * @return the closer's id, or null when not a closer.
     */
    public String closerId()
    {
        return closerId;
    }

    /**
     * The password hash.
     *
     * @return the PHC string.
     */
    public String passwordHash()
    {
        return passwordHash;
    }

    /**
     * Whether the user may sign in (and their tokens work).
     *
     * @return true when enabled.
     */
    public boolean enabled()
    {
        return enabled;
    }

    /**
     * When created.
     *
     * @return epoch ms.
     */
    public long createdMs()
    {
        return createdMs;
    }

    /**
     * When last changed.
     *
     * @return epoch ms.
     */
    public long updatedMs()
    {
        return updatedMs;
    }

    User with(
        final Role role, final String closerId, final String passwordHash, final boolean enabled, final long nowMs)
    {
        return new User(id, name, role, closerId, passwordHash, enabled, createdMs, nowMs);
    }
}
