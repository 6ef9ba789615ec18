/*
 * Server authentication.
 */
package io.dialer.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.server.ApiException;
import io.dialer.server.Role;
import io.dialer.server.storage.Ids;
import io.dialer.server.storage.JsonFiles;
import org.agrona.concurrent.EpochClock;

/**
 * The users, kept in {@code users.json} (written whole and atomically on each change) and in memory. Names are
 * unique ignoring case. There is always an enabled admin once there is any user: the last one cannot be deleted,
 * disabled or demoted.
 */
public final class UserStore
{
    /**
     * The form of a user name: letters, digits and {@code . _ @ -}, 1 to 64 characters.
     */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    /**
     * The form of a closer's id, as in closers files: letters, digits and {@code _ - . @}, 1 to 64 characters.
     */
    public static final Pattern CLOSER_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    private static final int VERSION = 1;

    private final Path file;
    private final PasswordHasher hasher;
    private final EpochClock clock;
    private volatile List<User> users;

    /**
     * Opens the users of a file (none when it is not there yet).
     *
     * @param file   {@code users.json}.
     * @param hasher the password hasher.
     * @param clock  the clock for creation and change times.
     * @throws IOException when the file cannot be read.
     */
    public UserStore(final Path file, final PasswordHasher hasher, final EpochClock clock) throws IOException
    {
        this.file = file;
        this.hasher = hasher;
        this.clock = clock;
        this.users = Files.exists(file) ? load(file) : List.of();
    }

    private static List<User> load(final Path file) throws IOException
    {
        final JsonNode json = JsonFiles.read(file);
        final List<User> users = new ArrayList<>();
        for (final JsonNode user : json.path("users"))
        {
            final Role role = Role.fromJson(user.path("role").asText());
            if (null == role)
            {
                throw new IOException(file + ": user '" + user.path("name").asText() + "' has no known role");
            }
            users.add(new User(user.path("id").asText(), user.path("name").asText(), role,
                user.path("closerId").isTextual() ? user.path("closerId").asText() : null,
                user.path("passwordHash").asText(), user.path("enabled").asBoolean(true),
                user.path("createdMs").asLong(), user.path("updatedMs").asLong()));
        }
        return List.copyOf(users);
    }

    /**
     * Whether there is no user yet (the server refuses to start so; {@code dialer serve --init} makes the first).
     *
     * @return true when empty.
     */
    public boolean isEmpty()
    {
        return users.isEmpty();
    }

    /**
     * Every user, in creation order.
     *
     * @return the users.
     */
    public List<User> list()
    {
        return users;
    }

    /**
     * A user by id.
     *
     * @param id the id.
     * @return the user, or null.
     */
    public User find(final String id)
    {
        for (final User user : users)
        {
            if (user.id().equals(id))
            {
                return user;
            }
        }
        return null;
    }

    /**
     * A user by name, ignoring case.
     *
     * @param name the name.
     * @return the user, or null.
     */
    public User findByName(final String name)
    {
        for (final User user : users)
        {
            if (user.name().equalsIgnoreCase(name))
            {
                return user;
            }
        }
        return null;
    }

    /**
     * The user a name and password sign in as: known, enabled and the password matching. An unknown name costs the
     * same time as a wrong password.
     *
     * @param name     the name.
     * @param password the password.
     * @return the user, or null.
     */
    public User authenticate(final String name, final String password)
    {
        final User user = findByName(name);
        final boolean matches = hasher.verify(password, null == user ? null : user.passwordHash());
        return matches && user.enabled() ? user : null;
    }

    /**
     * Whether a password is a user's.
     *
     * @param user     the user.
     * @param password the password.
     * @return true when it matches.
     */
    public boolean checkPassword(final User user, final String password)
    {
        return hasher.verify(password, user.passwordHash());
    }

    /**
     * Creates a user. The caller checks the name's and password's form first.
     *
     * @param name     the name.
     * @param role     the role.
     * @param closerId the closer's id for the closer role, else null.
     * @param password the password.
     * @return the user.
     * @throws ApiException 409 when the name is taken.
     */
    public User create(final String name, final Role role, final String closerId, final String password)
    {
        final String hash = hasher.hash(password);
        synchronized (this)
        {
            if (null != findByName(name))
            {
                throw ApiException.conflict("a user named '" + name.toLowerCase(Locale.ROOT) + "' exists");
            }
            String id = Ids.next();
            while (null != find(id))
            {
                id = Ids.next();
            }
            final long now = clock.time();
            final User user = new User(id, name, role, Role.CLOSER == role ? closerId : null, hash, true, now, now);
            final List<User> changed = new ArrayList<>(users);
            changed.add(user);
            save(changed);
            return user;
        }
    }

    /**
     * Changes a user: each argument that is not null.
     *
     * @param id       the user's id.
     * @param role     the new role, or null.
     * @param closerId the new closer's id (with the closer role), or null to keep it.
     * @param enabled  enabled or not, or null.
     * @param password a new password, or null.
     * @return the changed user, or null when there is no such user.
     * @throws ApiException 409 when the change would leave no enabled admin.
     */
    public User update(
        final String id, final Role role, final String closerId, final Boolean enabled, final String password)
    {
        final String hash = null == password ? null : hasher.hash(password);
        synchronized (this)
        {
            final User user = find(id);
            if (null == user)
            {
                return null;
            }
            final Role newRole = null == role ? user.role() : role;
            final String newCloser = Role.CLOSER != newRole ? null : null != closerId ? closerId : user.closerId();
            final User changed = user.with(newRole, newCloser, null == hash ? user.passwordHash() : hash,
                null == enabled ? user.enabled() : enabled, clock.time());
            final List<User> list = new ArrayList<>(users);
            list.set(list.indexOf(user), changed);
            requireAnAdmin(list, "the last enabled admin cannot be demoted or disabled");
            save(list);
            return changed;
        }
    }

    /**
     * Deletes a user.
     *
     * @param id the user's id.
     * @return the deleted user, or null when there is none.
     * @throws ApiException 409 when it is the last enabled admin.
     */
    public synchronized User delete(final String id)
    {
        final User user = find(id);
        if (null == user)
        {
            return null;
        }
        final List<User> list = new ArrayList<>(users);
        list.remove(user);
        requireAnAdmin(list, "the last enabled admin cannot be deleted");
        save(list);
        return user;
    }

    private static void requireAnAdmin(final List<User> list, final String message)
    {
        for (final User user : list)
        {
            if (Role.ADMIN == user.role() && user.enabled())
            {
                return;
            }
        }
        throw ApiException.conflict(message);
    }

    private void save(final List<User> list)
    {
        final ObjectNode json = JsonFiles.mapper().createObjectNode();
        json.put("version", VERSION);
        final ArrayNode array = json.putArray("users");
        for (final User user : list)
        {
            final ObjectNode node = array.addObject();
            node.put("id", user.id());
            node.put("name", user.name());
            node.put("role", user.role().json());
            if (null != user.closerId())
            {
                node.put("closerId", user.closerId());
            }
            node.put("passwordHash", user.passwordHash());
            node.put("enabled", user.enabled());
            node.put("createdMs", user.createdMs());
            node.put("updatedMs", user.updatedMs());
        }
        try
        {
            JsonFiles.write(file, json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
        users = List.copyOf(list);
    }
}
