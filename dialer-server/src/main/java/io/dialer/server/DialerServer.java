/*
 * Dialer server.
 */
package io.dialer.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.dialer.server.auth.LoginLimiter;
import io.dialer.server.auth.PasswordHasher;
import io.dialer.server.auth.SessionStore;
import io.dialer.server.auth.TokenStore;
import io.dialer.server.auth.User;
import io.dialer.server.auth.UserStore;
import io.dialer.server.routes.ClosersFileRoutes;
import io.dialer.server.routes.LeadListRoutes;
import io.dialer.server.routes.MetricsRoutes;
import io.dialer.server.routes.OpenApiRoutes;
import io.dialer.server.routes.ScriptRoutes;
import io.dialer.server.routes.SessionRoutes;
import io.dialer.server.routes.TokenRoutes;
import io.dialer.server.routes.UserRoutes;
import io.dialer.server.storage.DataDirectory;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.util.AsyncExecutor;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server of {@code dialer serve}: one process serving the JSON API, {@code /metrics} and the consoles' pages
 * over HTTP (or HTTPS with a PKCS12 keystore), with its data in one directory. Construct it (the directory is opened
 * and locked, users and tokens loaded), add the engine's resources with {@link Context#addRoutes(ApiRoutes)} before
 * {@link #start()}, and {@link #close()} it: every thread it started is stopped, none is left to keep the JVM up.
 */
public final class DialerServer implements AutoCloseable
{
    /**
     * Where WebJars (page libraries from Maven Central, as jar dependencies) keep their files; served at
     * {@code /webjars/<name>/<version>/…} when any is on the class path. Nothing is loaded from the internet.
     */
    public static final String WEBJARS = "/META-INF/resources/webjars";

    private final Context ctx;
    private final DataDirectory storage;
    private final UserStore users;
    private final TokenStore tokens;
    private final SessionStore sessions;
    private final LoginLimiter loginLimiter;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final List<String> endpoints = Collections.synchronizedList(new ArrayList<>());
    private ExecutorService asyncExecutor;
    private QueuedThreadPool threadPool;
    private Javalin javalin;
    private boolean closed;

    /**
     * Opens the data directory (locked until {@link #close()}) and loads users and tokens; serves nothing yet.
     *
     * @param ctx the settings, concluded here.
     * @throws IOException when the data directory cannot be opened.
     */
    public DialerServer(final Context ctx) throws IOException
    {
        this.ctx = ctx.conclude();
        this.storage = DataDirectory.open(ctx.dataDir());
        try
        {
            this.users = new UserStore(storage.usersFile(), ctx.passwordHasher(), ctx.epochClock());
            this.tokens = new TokenStore(storage.tokensFile(), ctx.epochClock());
        }
        catch (final IOException | RuntimeException ex)
        {
            storage.close();
            throw ex;
        }
        this.sessions = new SessionStore(ctx.epochClock(), ctx.sessionIdleMs(), ctx.sessionAbsoluteMs());
        this.loginLimiter = new LoginLimiter(ctx.epochClock(), ctx.loginAttemptsPerName(),
            ctx.loginAttemptsPerAddress(), ctx.loginWindowMs());
        JvmMetrics.builder().register(registry);
    }

    /**
     * Creates the first admin of a data directory: {@code dialer serve --init}. Refused when it has users already.
     *
     * @param ctx      the settings (the data directory and the password hashing are used).
     * @param name     the admin's name.
     * @param password the password (checked against the password rules).
     * @return the admin.
     * @throws IOException           when the directory cannot be opened or written.
     * @throws IllegalStateException when it has users, or the name or password is not acceptable.
     */
    public static User initAdmin(final Context ctx, final String name, final String password) throws IOException
    {
        ctx.conclude();
        if (!UserStore.NAME.matcher(name).matches())
        {
            throw new IllegalStateException("a user name is 1 to 64 letters, digits or . _ @ -");
        }
        final String problem = PasswordHasher.problem(password);
        if (null != problem)
        {
            throw new IllegalStateException(problem);
        }
        try (DataDirectory data = DataDirectory.open(ctx.dataDir()))
        {
            final UserStore users = new UserStore(data.usersFile(), ctx.passwordHasher(), ctx.epochClock());
            if (!users.isEmpty())
            {
                throw new IllegalStateException(data.root() + " has users already; sign in as an admin to add more");
            }
            return users.create(name, Role.ADMIN, null, password);
        }
    }

    /**
     * Starts serving. Refused on a data directory without users.
     *
     * @return this.
     * @throws IllegalStateException when there is no user (say how to create the first admin), or the server was
     *                               started or closed before.
     */
    public synchronized DialerServer start()
    {
        if (null != javalin || closed)
        {
            throw new IllegalStateException("a server starts once");
        }
        if (users.isEmpty())
        {
            throw new IllegalStateException("no users in " + storage.root() + ": create the first admin with " +
                "'dialer serve --init --data " + storage.root() + " --admin NAME'");
        }
        threadPool = new QueuedThreadPool(ctx.maxHttpThreads(), Math.min(4, ctx.maxHttpThreads()));
        threadPool.setName("dialer-http");
        final AtomicInteger asyncThreads = new AtomicInteger();
        asyncExecutor = Executors.newCachedThreadPool((runnable) ->
        {
            final Thread thread = new Thread(runnable, "dialer-http-async-" + asyncThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try
        {
            javalin = Javalin.create(this::configure).start();
        }
        catch (final RuntimeException ex)
        {
            close();
            throw ex;
        }
        return this;
    }

    private void configure(final JavalinConfig config)
    {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.jetty.host = ctx.host();
        config.jetty.port = ctx.port();
        config.jetty.threadPool = threadPool;
        config.concurrency.executor = kotlin.LazyKt.lazyOf(new AsyncExecutor(asyncExecutor));
        config.jsonMapper(new ServerJsonMapper());
        config.http.maxRequestSize = ctx.maxJsonBytes();
        config.http.prefer405over404 = true;
        config.http.generateEtags = false;
        config.router.ignoreTrailingSlashes = false;
        config.jetty.modifyHttpConfiguration((http) -> http.setSendServerVersion(false));
        config.jetty.modifyServer((server) -> server.setErrorHandler(new JsonErrorHandler()));
        if (ctx.tls())
        {
            config.jetty.addConnector((server, http) ->
            {
                final SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setKeyStorePath(ctx.tlsKeystore().toString());
                ssl.setKeyStoreType("PKCS12");
                ssl.setKeyStorePassword(ctx.tlsPassword());
                final HttpConfiguration https = new HttpConfiguration(http);
                final SecureRequestCustomizer secure = new SecureRequestCustomizer();
                secure.setSniHostCheck(false);
                https.addCustomizer(secure);
                final ServerConnector connector = new ServerConnector(server,
                    new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
                connector.setHost(ctx.host());
                connector.setPort(ctx.port());
                return connector;
            });
        }
        config.staticFiles.add((files) ->
        {
            files.hostedPath = "/";
            files.directory = "/io/dialer/server/web";
            files.location = Location.CLASSPATH;
            files.roles = Set.of(Access.PUBLIC);
        });
        if (null != DialerServer.class.getResource(WEBJARS))
        {
            config.staticFiles.add((files) ->
            {
                files.hostedPath = "/webjars";
                files.directory = WEBJARS;
                files.location = Location.CLASSPATH;
                files.roles = Set.of(Access.PUBLIC);
                files.headers = Map.of("Cache-Control", "max-age=31536000, immutable");
            });
        }
        config.events.handlerAdded((meta) -> endpoints.add(meta.getHttpMethod().name() + " " + meta.getPath()));
        new RequestPipeline(this).install(config);
        final ApiRouter router = new ApiRouter(config.routes, this);
        final List<ApiRoutes> all = new ArrayList<>(List.of(new SessionRoutes(), new UserRoutes(), new TokenRoutes(),
            new LeadListRoutes(), new ScriptRoutes(), new ClosersFileRoutes(), new MetricsRoutes(),
            new OpenApiRoutes()));
        all.addAll(ctx.routes());
        for (final ApiRoutes routes : all)
        {
            routes.register(router);
        }
    }

    /**
     * The settings.
     *
     * @return the concluded context.
     */
    public Context context()
    {
        return ctx;
    }

    /**
     * The data directory: uploads, users, tokens, campaigns' journals.
     *
     * @return the open directory.
     */
    public DataDirectory storage()
    {
        return storage;
    }

    /**
     * The users.
     *
     * @return the store.
     */
    public UserStore users()
    {
        return users;
    }

    /**
     * The API tokens.
     *
     * @return the store.
     */
    public TokenStore tokens()
    {
        return tokens;
    }

    /**
     * The sessions (in memory).
     *
     * @return the store.
     */
    public SessionStore sessions()
    {
        return sessions;
    }

    /**
     * The login rate limit.
     *
     * @return the limiter.
     */
    public LoginLimiter loginLimiter()
    {
        return loginLimiter;
    }

    /**
     * The registry {@code /metrics} serves: JVM metrics and the server's own are registered; register the dialer's
     * on it.
     *
     * @return the registry.
     */
    public PrometheusRegistry registry()
    {
        return registry;
    }

    /**
     * Every endpoint registered, as {@code METHOD path} (like {@code GET /api/lead-lists/{id}}).
     *
     * @return the endpoints, after {@link #start()}.
     */
    public List<String> endpoints()
    {
        synchronized (endpoints)
        {
            return List.copyOf(endpoints);
        }
    }

    /**
     * The port the server listens on (the ephemeral port chosen when the context said 0).
     *
     * @return the port.
     */
    public int port()
    {
        return javalin.port();
    }

    /**
     * The URL the server serves, like {@code http://127.0.0.1:8080/}.
     *
     * @return the URL.
     */
    public String url()
    {
        final String host = ctx.host().contains(":") ? "[" + ctx.host() + "]" : ctx.host();
        return (ctx.tls() ? "https" : "http") + "://" + host + ":" + port() + "/";
    }

    /**
     * Stops serving and releases the data directory: the HTTP threads are stopped and waited for, the async executor
     * shut down. Idempotent.
     */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            if (null != javalin)
            {
                javalin.stop();
            }
        }
        finally
        {
            if (null != asyncExecutor)
            {
                asyncExecutor.shutdownNow();
                awaitQuietly(asyncExecutor);
            }
            if (null != threadPool)
            {
                stopQuietly(threadPool);
            }
            try
            {
                storage.close();
            }
            catch (final IOException ex)
            {
                // the lock goes with the process anyway
            }
        }
    }

    private static void awaitQuietly(final ExecutorService executor)
    {
        try
        {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static void stopQuietly(final QueuedThreadPool pool)
    {
        try
        {
            pool.stop();
            pool.join();
        }
        catch (final Exception ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The server's settings, in the style of Aeron's contexts: fluent setters, each default a {@code *_DEFAULT}
     * constant, checked together in {@link #conclude()}.
     */
    public static final class Context
    {
        /**
         * The address plain HTTP binds to: loopback only.
         */
        public static final String HOST_DEFAULT = "127.0.0.1";

        /**
         * The port; 0 takes an ephemeral one ({@link DialerServer#port()}).
         */
        public static final int PORT_DEFAULT = 8080;

        /**
         * The largest JSON request body.
         */
        public static final long MAX_JSON_BYTES_DEFAULT = 64 * 1024;

        /**
         * The largest lead list upload (a 1,000,000-row list is about 41 MB).
         */
        public static final long MAX_LEAD_LIST_BYTES_DEFAULT = 256L * 1024 * 1024;

        /**
         * The largest script or closers file upload.
         */
        public static final long MAX_YAML_BYTES_DEFAULT = 1024 * 1024;

        /**
         * Failed logins allowed per user name in a window.
         */
        public static final int LOGIN_ATTEMPTS_PER_NAME_DEFAULT = 5;

        /**
         * Logins allowed per source address in a window.
         */
        public static final int LOGIN_ATTEMPTS_PER_ADDRESS_DEFAULT = 30;

        /**
         * The login rate limit's window.
         */
        public static final long LOGIN_WINDOW_MS_DEFAULT = TimeUnit.MINUTES.toMillis(15);

        /**
         * A session ends after this long without a request.
         */
        public static final long SESSION_IDLE_MS_DEFAULT = TimeUnit.MINUTES.toMillis(30);

        /**
         * A session ends this long after its login, used or not.
         */
        public static final long SESSION_ABSOLUTE_MS_DEFAULT = TimeUnit.HOURS.toMillis(12);

        /**
         * The most HTTP threads.
         */
        public static final int MAX_HTTP_THREADS_DEFAULT = 64;

        private Path dataDir;
        private String host = HOST_DEFAULT;
        private int port = PORT_DEFAULT;
        private Path tlsKeystore;
        private Path tlsPasswordFile;
        private String tlsPassword;
        private long maxJsonBytes = MAX_JSON_BYTES_DEFAULT;
        private long maxLeadListBytes = MAX_LEAD_LIST_BYTES_DEFAULT;
        private long maxYamlBytes = MAX_YAML_BYTES_DEFAULT;
        private int loginAttemptsPerName = LOGIN_ATTEMPTS_PER_NAME_DEFAULT;
        private int loginAttemptsPerAddress = LOGIN_ATTEMPTS_PER_ADDRESS_DEFAULT;
        private long loginWindowMs = LOGIN_WINDOW_MS_DEFAULT;
        private long sessionIdleMs = SESSION_IDLE_MS_DEFAULT;
        private long sessionAbsoluteMs = SESSION_ABSOLUTE_MS_DEFAULT;
        private int maxHttpThreads = MAX_HTTP_THREADS_DEFAULT;
        private EpochClock epochClock = SystemEpochClock.INSTANCE;
        private PasswordHasher passwordHasher;
        private InUseCheck inUseCheck = InUseCheck.NEVER;
        private final List<ApiRoutes> routes = new ArrayList<>();
        private boolean concluded;

        /**
         * Checks every setting and reads the TLS password file and keystore, so a wrong one fails here with its
         * reason rather than on the first connection.
         *
         * @return this.
         * @throws IllegalStateException when a setting is not valid.
         */
        public Context conclude()
        {
            if (concluded)
            {
                return this;
            }
            if (null == dataDir)
            {
                throw new IllegalStateException("the data directory is required (--data DIR)");
            }
            if (port < 0 || port > 65_535)
            {
                throw new IllegalStateException("port " + port + " is not a port (0 to 65535)");
            }
            if (null == host || host.isBlank())
            {
                throw new IllegalStateException("the host to bind is required");
            }
            if (maxJsonBytes < 1024 || maxLeadListBytes < 1024 || maxYamlBytes < 1024)
            {
                throw new IllegalStateException("body size limits start at 1024 bytes");
            }
            if (loginAttemptsPerName < 1 || loginAttemptsPerAddress < 1 || loginWindowMs < 1)
            {
                throw new IllegalStateException("login limits must be positive");
            }
            if (sessionIdleMs < 1 || sessionAbsoluteMs < 1 || maxHttpThreads < 8)
            {
                throw new IllegalStateException("session times must be positive and HTTP threads at least 8");
            }
            if ((null == tlsKeystore) != (null == tlsPasswordFile))
            {
                throw new IllegalStateException("TLS needs both a PKCS12 keystore and its password file");
            }
            if (null != tlsKeystore)
            {
                tlsPassword = readPassword(tlsPasswordFile);
                checkKeystore(tlsKeystore, tlsPassword);
            }
            if (null == passwordHasher)
            {
                passwordHasher = new PasswordHasher();
            }
            concluded = true;
            return this;
        }

        private static String readPassword(final Path file)
        {
            try
            {
                final String text = Files.readString(file, StandardCharsets.UTF_8);
                final int newLine = text.indexOf('\n');
                final String password = (newLine < 0 ? text : text.substring(0, newLine)).replace("\r", "");
                if (password.isEmpty())
                {
                    throw new IllegalStateException("the TLS password file " + file + " is empty");
                }
                return password;
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException("cannot read the TLS password file " + file + ": " + ex, ex);
            }
        }

        private static void checkKeystore(final Path keystore, final String password)
        {
            try (InputStream in = Files.newInputStream(keystore))
            {
                final KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password.toCharArray());
                if (!store.aliases().hasMoreElements())
                {
                    throw new IllegalStateException("the keystore " + keystore + " holds no key");
                }
            }
            catch (final IOException | GeneralSecurityException ex)
            {
                throw new IllegalStateException("cannot open the PKCS12 keystore " + keystore +
                    " with the password given: " + ex.getMessage(), ex);
            }
        }

        /**
         * The data directory.
         *
         * @param dataDir the directory (created when missing).
         * @return this.
         */
        public Context dataDir(final Path dataDir)
        {
            this.dataDir = dataDir;
            return this;
        }

        /**
         * The data directory.
         *
         * @return the directory.
         */
        public Path dataDir()
        {
            return dataDir;
        }

        /**
         * The address to bind.
         *
         * @param host the address, like {@code 127.0.0.1} or {@code 0.0.0.0}.
         * @return this.
         */
        public Context host(final String host)
        {
            this.host = host;
            return this;
        }

        /**
         * The address to bind.
         *
         * @return the address.
         */
        public String host()
        {
            return host;
        }

        /**
         * The port; 0 for an ephemeral one.
         *
         * @param port the port.
         * @return this.
         */
        public Context port(final int port)
        {
            this.port = port;
            return this;
        }

        /**
         * The port asked for.
         *
         * @return the port.
         */
        public int port()
        {
            return port;
        }

        /**
         * Serves HTTPS with a PKCS12 keystore instead of plain HTTP.
         *
         * @param keystore     the keystore.
         * @param passwordFile a file whose first line is the keystore's password.
         * @return this.
         */
        public Context tls(final Path keystore, final Path passwordFile)
        {
            this.tlsKeystore = keystore;
            this.tlsPasswordFile = passwordFile;
            return this;
        }

        /**
         * Whether the server serves HTTPS.
         *
         * @return true with TLS.
         */
        public boolean tls()
        {
            return null != tlsKeystore;
        }

        /**
         * The PKCS12 keystore.
         *
         * @return the keystore, or null without TLS.
         */
        public Path tlsKeystore()
        {
            return tlsKeystore;
        }

        String tlsPassword()
        {
            return tlsPassword;
        }

        /**
         * The largest JSON request body.
         *
         * @param bytes the limit.
         * @return this.
         */
        public Context maxJsonBytes(final long bytes)
        {
            this.maxJsonBytes = bytes;
            return this;
        }

        /**
         * The largest JSON request body.
         *
         * @return bytes.
         */
        public long maxJsonBytes()
        {
            return maxJsonBytes;
        }

        /**
         * The largest lead list upload; a larger one is refused with 413 and nothing is kept.
         *
         * @param bytes the limit.
         * @return this.
         */
        public Context maxLeadListBytes(final long bytes)
        {
            this.maxLeadListBytes = bytes;
            return this;
        }

        /**
         * The largest lead list upload.
         *
         * @return bytes.
         */
        public long maxLeadListBytes()
        {
            return maxLeadListBytes;
        }

        /**
         * The largest script or closers file upload.
         *
         * @param bytes the limit.
         * @return this.
         */
        public Context maxYamlBytes(final long bytes)
        {
            this.maxYamlBytes = bytes;
            return this;
        }

        /**
         * The largest script or closers file upload.
         *
         * @return bytes.
         */
        public long maxYamlBytes()
        {
            return maxYamlBytes;
        }

        /**
         * The login rate limit: failed attempts per user name and attempts per source address in a window.
         *
         * @param perName    failed attempts per name.
         * @param perAddress attempts per address.
         * @param windowMs   the window.
         * @return this.
         */
        public Context loginLimit(final int perName, final int perAddress, final long windowMs)
        {
            this.loginAttemptsPerName = perName;
            this.loginAttemptsPerAddress = perAddress;
            this.loginWindowMs = windowMs;
            return this;
        }

        /**
         * Failed logins allowed per user name in a window.
         *
         * @return the count.
         */
        public int loginAttemptsPerName()
        {
            return loginAttemptsPerName;
        }

        /**
         * Logins allowed per source address in a window.
         *
         * @return the count.
         */
        public int loginAttemptsPerAddress()
        {
            return loginAttemptsPerAddress;
        }

        /**
         * The login rate limit's window.
         *
         * @return ms.
         */
        public long loginWindowMs()
        {
            return loginWindowMs;
        }

        /**
         * Session expiry.
         *
         * @param idleMs     without a request.
         * @param absoluteMs from the login.
         * @return this.
         */
        public Context sessionTimeouts(final long idleMs, final long absoluteMs)
        {
            this.sessionIdleMs = idleMs;
            this.sessionAbsoluteMs = absoluteMs;
            return this;
        }

        /**
         * A session's idle expiry.
         *
         * @return ms.
         */
        public long sessionIdleMs()
        {
            return sessionIdleMs;
        }

        /**
         * A session's absolute expiry.
         *
         * @return ms.
         */
        public long sessionAbsoluteMs()
        {
            return sessionAbsoluteMs;
        }

        /**
         * The most HTTP threads.
         *
         * @param threads the count, at least 8.
         * @return this.
         */
        public Context maxHttpThreads(final int threads)
        {
            this.maxHttpThreads = threads;
            return this;
        }

        /**
         * The most HTTP threads.
         *
         * @return the count.
         */
        public int maxHttpThreads()
        {
            return maxHttpThreads;
        }

        /**
         * The clock of sessions, rate limits and records.
         *
         * @param clock the clock.
         * @return this.
         */
        public Context epochClock(final EpochClock clock)
        {
            this.epochClock = clock;
            return this;
        }

        /**
         * The clock.
         *
         * @return the clock.
         */
        public EpochClock epochClock()
        {
            return epochClock;
        }

        /**
         * How passwords are hashed (Argon2id; the defaults are {@link PasswordHasher}'s).
         *
         * @param hasher the hasher.
         * @return this.
         */
        public Context passwordHasher(final PasswordHasher hasher)
        {
            this.passwordHasher = hasher;
            return this;
        }

        /**
         * How passwords are hashed.
         *
         * @return the hasher, after {@link #conclude()}.
         */
        public PasswordHasher passwordHasher()
        {
            return passwordHasher;
        }

        /**
         * What refuses to delete an upload in use (the campaigns).
         *
         * @param check the check.
         * @return this.
         */
        public Context inUseCheck(final InUseCheck check)
        {
            this.inUseCheck = check;
            return this;
        }

        /**
         * What refuses to delete an upload in use.
         *
         * @return the check.
         */
        public InUseCheck inUseCheck()
        {
            return inUseCheck;
        }

        /**
         * Adds a resource's routes, registered after the server's own when it starts.
         *
         * @param routes the routes.
         * @return this.
         */
        public Context addRoutes(final ApiRoutes routes)
        {
            this.routes.add(routes);
            return this;
        }

        /**
         * The resources added.
         *
         * @return the routes.
         */
        public List<ApiRoutes> routes()
        {
            return List.copyOf(routes);
        }
    }
}
