/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import io.dialer.server.auth.PasswordHasher;
import io.dialer.server.storage.DataDirectory;

/**
 * A server on an ephemeral port over a temporary data directory, with its first admin, and clients that talk to it
 * over real HTTP. Passwords are hashed with small Argon2id parameters so the suite stays fast
 * ({@code PasswordHasherTest} measures the real ones).
 */
final class TestServer implements AutoCloseable
{
    static final String ADMIN = "admin";
    static final String PASSWORD = "admin-password-1";
    static final PasswordHasher HASHER = new PasswordHasher(1024, 1, 1);

    final Path dir;
    final DialerServer server;
    final HttpClient http;

    private TestServer(final Path dir, final DialerServer server, final HttpClient http)
    {
        this.dir = dir;
        this.server = server;
        this.http = http;
    }

    static TestServer start(final Path dir)
    {
        return start(dir, (ctx) -> {});
    }

    static TestServer start(final Path dir, final Consumer<DialerServer.Context> settings)
    {
        return start(dir, settings, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build());
    }

    static TestServer start(final Path dir, final Consumer<DialerServer.Context> settings, final HttpClient http)
    {
        try
        {
            final DialerServer.Context ctx = context(dir);
            settings.accept(ctx);
            if (!Files.exists(dir.resolve(DataDirectory.USERS_FILE)))
            {
                DialerServer.initAdmin(ctx, ADMIN, PASSWORD);
            }
            return new TestServer(dir, new DialerServer(ctx).start(), http);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static DialerServer.Context context(final Path dir)
    {
        return new DialerServer.Context().dataDir(dir).port(0).passwordHasher(HASHER);
    }

    String origin()
    {
        return (server.context().tls() ? "https" : "http") + "://127.0.0.1:" + server.port();
    }

    Client anonymous()
    {
        return new Client(this);
    }

    Client admin()
    {
        return new Client(this).login(ADMIN, PASSWORD);
    }

    /**
     * A new user of a role, signed in.
     */
    Client as(final Role role, final String name)
    {
        server.users().create(name, role, Role.CLOSER == role ? name + "-closer" : null, PASSWORD);
        return new Client(this).login(name, PASSWORD);
    }

    /**
     * A bearer client with a new token of a role, created by the admin.
     */
    Client bearer(final Role role)
    {
        final String admin = server.users().findByName(ADMIN).id();
        final String secret = server.tokens().create("test", role, Role.CLOSER == role ? "dana" : null, admin)
            .secret();
        return new Client(this).bearer(secret);
    }

    @Override
    public void close()
    {
        server.close();
    }
}
