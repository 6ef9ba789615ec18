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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.server.Role;
import io.dialer.server.storage.Ids;
import io.dialer.server.storage.JsonFiles;
import org.agrona.concurrent.EpochClock;

/**
 * API tokens, kept in {@code tokens.json} (written whole and atomically on each change) and in memory. A token's
 * secret is {@code dlr_} and 256 random bits; only its SHA-256 is stored. A fast hash is enough here, unlike for
 * passwords: the secret is random and too long to guess, so there is no dictionary to slow down, and a lookup by hash
 * costs nothing per request.
 */
public final class TokenStore
{
    private static final int VERSION = 1;

    private final Path file;
    private final EpochClock clock;
    private volatile List<ApiToken> tokens;

    /**
     * Opens the tokens of a file (none when it is not there yet).
     *
     * @param file  {@code tokens.json}.
     * @param clock the clock for creation times.
     * @throws IOException when the file cannot be read.
     */
    public TokenStore(final Path file, final EpochClock clock) throws IOException
    {
        this.file = file;
        this.clock = clock;
        this.tokens = Files.exists(file) ? load(file) : List.of();
    }

    private static List<ApiToken> load(final Path file) throws IOException
    {
        final List<ApiToken> tokens = new ArrayList<>();
        for (final JsonNode token : JsonFiles.read(file).path("tokens"))
        {
            final Role role = Role.fromJson(token.path("role").asText());
            if (null == role)
            {
                throw new IOException(file + ": token '" + token.path("id").asText() + "' has no known role");
            }
            tokens.add(new ApiToken(token.path("id").asText(), token.path("name").asText(), role,
                token.path("closerId").isTextual() ? token.path("closerId").asText() : null,
                token.path("userId").asText(), token.path("createdMs").asLong(), token.path("sha256").asText()));
        }
        return List.copyOf(tokens);
    }

    /**
     * Creates a token.
     *
     * @param name     what it is for.
     * @param role     its role (the caller checks it is not above the creator's).
     * @param closerId the closer it acts as, for the closer role.
     * @param userId   the creator.
     * @return the token and its secret, which is shown once.
     */
    public synchronized Created create(final String name, final Role role, final String closerId, final String userId)
    {
        final String secret = ApiToken.PREFIX + Secrets.next();
        String id = Ids.next();
        while (null != find(id))
        {
            id = Ids.next();
        }
        final ApiToken token = new ApiToken(id, name, role, Role.CLOSER == role ? closerId : null, userId,
            clock.time(), Secrets.sha256(secret));
        final List<ApiToken> list = new ArrayList<>(tokens);
        list.add(token);
        save(list);
        return new Created(token, secret);
    }

    /**
     * The token of a secret.
     *
     * @param secret what followed {@code Bearer }.
     * @return the token, or null when no token has that secret.
     */
    public ApiToken resolve(final String secret)
    {
        if (null == secret || !secret.startsWith(ApiToken.PREFIX))
        {
            return null;
        }
        final String hash = Secrets.sha256(secret);
        for (final ApiToken token : tokens)
        {
            if (Secrets.same(token.hash(), hash))
            {
                return token;
            }
        }
        return null;
    }

    /**
     * Every token, in creation order.
     *
     * @return the tokens.
     */
    public List<ApiToken> list()
    {
        return tokens;
    }

    /**
     * A token by id.
     *
     * @param id the id.
     * @return the token, or null.
     */
    public ApiToken find(final String id)
    {
        for (final ApiToken token : tokens)
        {
            if (token.id().equals(id))
            {
                return token;
            }
        }
        return null;
    }

    /**
     * Revokes a token: it stops working at once.
     *
     * @param id the id.
     * @return the token revoked, or null when there is none.
     */
    public synchronized ApiToken revoke(final String id)
    {
        final ApiToken token = find(id);
        if (null != token)
        {
            final List<ApiToken> list = new ArrayList<>(tokens);
            list.remove(token);
            save(list);
        }
        return token;
    }

    /**
     * Revokes every token a user created (the user was deleted).
     *
     * @param userId the user's id.
     */
    public synchronized void revokeUser(final String userId)
    {
        final List<ApiToken> list = new ArrayList<>(tokens);
        if (list.removeIf((token) -> token.userId().equals(userId)))
        {
            save(list);
        }
    }

    private void save(final List<ApiToken> list)
    {
        final ObjectNode json = JsonFiles.mapper().createObjectNode();
        json.put("version", VERSION);
        final ArrayNode array = json.putArray("tokens");
        for (final ApiToken token : list)
        {
            final ObjectNode node = array.addObject();
            node.put("id", token.id());
            node.put("name", token.name());
            node.put("role", token.role().json());
            if (null != token.closerId())
            {
                node.put("closerId", token.closerId());
            }
            node.put("userId", token.userId());
            node.put("createdMs", token.createdMs());
            node.put("sha256", token.hash());
        }
        try
        {
            JsonFiles.write(file, json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
        tokens = List.copyOf(list);
    }

    /**
     * A token just created, with its secret.
     */
    public static final class Created
    {
        private final ApiToken token;
        private final String secret;

        Created(final ApiToken token, final String secret)
        {
            this.token = token;
            this.secret = secret;
        }

        /**
         * The token.
         *
         * @return the token.
         */
        public ApiToken token()
        {
            return token;
        }

        /**
         * The secret, to show once.
         *
         * @return the secret.
         */
        public String secret()
        {
            return secret;
        }
    }
}
