/*
 * Dialer server.
 */
package io.dialer.server;

import java.util.Locale;

import io.javalin.security.RouteRole;

/**
 * A user's role, and a route's rule naming the roles that may call it. Ranked: an admin is above a manager, a
 * manager above a closer (an API token's role is never above its creator's).
 */
public enum Role implements RouteRole
{
    /** Closers (sales agents): their own calls; a closer user carries the id of the closer they are. */
    CLOSER,
    /** Managers: campaigns and their files. */
    MANAGER,
    /** Admins: everything, and users. */
    ADMIN;

    /**
     * The role's name in JSON, like {@code manager}.
     *
     * @return the name.
     */
    public String json()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether this role is at or above another.
     *
     * @param other the other role.
     * @return true when at least as high.
     */
    public boolean atLeast(final Role other)
    {
        return ordinal() >= other.ordinal();
    }

    /**
     * A role from its JSON name.
     *
     * @param name the name, like {@code admin}.
     * @return the role, or null when there is none of that name.
     */
    public static Role fromJson(final String name)
    {
        for (final Role role : values())
        {
            if (role.json().equals(name))
            {
                return role;
            }
        }
        return null;
    }
}
