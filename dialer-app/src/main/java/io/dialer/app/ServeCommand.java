/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.dialer.server.DialerServer;
import io.dialer.server.floor.Floor;
import io.dialer.server.auth.PasswordHasher;
import io.dialer.sip.Registrar;
import io.dialer.sip.SipStack;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dialer serve --data DIR}: the dialer as one long-running server (JSON API, {@code /metrics}, the consoles'
 * pages) until interrupted; SIGTERM or Ctrl-C closes it cleanly. {@code dialer serve --init --data DIR --admin NAME}
 * creates the first admin, the password read from the console (twice) or from standard input (one line).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
        "Serve the dialer's API, metrics and consoles until interrupted.",
        "First create the first admin: dialer serve --init --data DIR --admin NAME (the password is read from the " +
            "console, or one line of standard input)."
    })
public final class ServeCommand implements Callable<Integer>
{
    /**
     * Exit code after a clean stop or a successful init.
     */
    public static final int OK = 0;

    /**
     * Exit code when the server cannot start or the init is refused.
     */
    public static final int FAILED = 1;

    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile DialerServer running;
    private AutoCloseable[] resources = new AutoCloseable[0];

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
        description = "The data directory (uploads, users, tokens, campaigns' journals); created when missing.")
    private Path data;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = DialerServer.Context.HOST_DEFAULT,
        description = "The address to bind (default: ${DEFAULT-VALUE}, this machine only).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + DialerServer.Context.PORT_DEFAULT,
        description = "The port (default: ${DEFAULT-VALUE}; 0 for any free port).")
    private int port;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
        description = "Serve HTTPS with this PKCS12 keystore (see docs/api.md to make one with keytool).")
    private Path tlsKeystore;

    @Option(names = "--tls-password-file", paramLabel = "FILE",
        description = "A file whose first line is the keystore's password.")
    private Path tlsPasswordFile;

    @Option(names = "--sip-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
        description = "The address the SIP stack binds (leads, closers, softphones registering): " +
            "default ${DEFAULT-VALUE}.")
    private String sipHost;

    @Option(names = "--sip-port", paramLabel = "PORT", defaultValue = "5060",
        description = "The SIP port, UDP and TCP (default: ${DEFAULT-VALUE}; 0 for any free port).")
    private int sipPort;

    @Option(names = "--outbound-proxy", paramLabel = "HOST[:PORT]",
        description = "Send every call through this proxy (the trunk's), as a campaign's outbound_proxy does.")
    private String outboundProxy;

    @Option(names = "--trunk-user", paramLabel = "NAME", description = "The user name the trunk challenges for.")
    private String trunkUser;

    @Option(names = "--trunk-password-file", paramLabel = "FILE",
        description = "A file whose first line is the trunk's password.")
    private Path trunkPasswordFile;

    @Option(names = "--sip-realm", paramLabel = "REALM", defaultValue = "dialer",
        description = "The realm closers' softphones register in (an extension's password hash depends on it; " +
            "default ${DEFAULT-VALUE}).")
    private String sipRealm;

    @Option(names = "--region", paramLabel = "CC", defaultValue = "US",
        description = "The region national numbers are read in (do-not-call entries, closers' phones): " +
            "default ${DEFAULT-VALUE}.")
    private String region;

    @Option(names = "--dnc-national", paramLabel = "FILE",
        description = "The national do-not-call registry's download (one 10-digit number per line), checked with the " +
            "server's list; campaigns do not start while it is older than 31 days.")
    private Path dncNational;

    @Option(names = "--dnc-national-downloaded", paramLabel = "YYYY-MM-DD",
        description = "The day the registry file was downloaded (else its '# downloaded:' header or its name).")
    private java.time.LocalDate dncNationalDownloaded;

    @Option(names = "--init", description = "Create the first admin (--admin NAME) and exit.")
    private boolean init;

    @Option(names = "--admin", paramLabel = "NAME", description = "The first admin's name, with --init.")
    private String admin;

    /**
     * Serves until interrupted, or creates the first admin.
     *
     * @return {@link #OK} or {@link #FAILED}.
     */
    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final DialerServer.Context ctx = new DialerServer.Context().dataDir(data).host(host).port(port);
        if (null != tlsKeystore || null != tlsPasswordFile)
        {
            ctx.tls(tlsKeystore, tlsPasswordFile);
        }
        try
        {
            return init ? init(ctx, out, err) : serve(ctx, out, err);
        }
        catch (final IllegalStateException | IOException ex)
        {
            err.println("dialer serve: " + ex.getMessage());
            err.flush();
            return FAILED;
        }
    }

    private int init(final DialerServer.Context ctx, final PrintWriter out, final PrintWriter err)
        throws IOException
    {
        if (null == admin)
        {
            err.println("dialer serve --init: name the first admin with --admin NAME");
            err.flush();
            return FAILED;
        }
        final String password = readPassword(err);
        if (null == password)
        {
            return FAILED;
        }
        DialerServer.initAdmin(ctx, admin, password);
        out.println("created the admin '" + admin + "' in " + data.toAbsolutePath().normalize() +
            "; start the server with: dialer serve --data " + data);
        out.flush();
        return OK;
    }

    private String readPassword(final PrintWriter err) throws IOException
    {
        final Console console = System.console();
        if (null != console)
        {
            final char[] first = console.readPassword("Password for %s (at least %d characters): ", admin,
                PasswordHasher.MIN_LENGTH);
            final char[] again = console.readPassword("Again: ");
            if (null == first || null == again || !Arrays.equals(first, again))
            {
                err.println("dialer serve --init: the passwords differ; nothing created");
                err.flush();
                return null;
            }
            return check(new String(first), err);
        }
        final String line = new BufferedReader(new InputStreamReader(stdin(), StandardCharsets.UTF_8)).readLine();
        if (null == line)
        {
            err.println("dialer serve --init: no password on standard input; nothing created");
            err.flush();
            return null;
        }
        return check(line, err);
    }

    private static String check(final String password, final PrintWriter err)
    {
        final String problem = PasswordHasher.problem(password);
        if (null != problem)
        {
            err.println("dialer serve --init: " + problem + "; nothing created");
            err.flush();
            return null;
        }
        return password;
    }

    private int serve(final DialerServer.Context ctx, final PrintWriter out, final PrintWriter err)
        throws IOException
    {
        final DialerServer server = new DialerServer(ctx); // takes the data directory's lock first
        if (server.users().isEmpty())
        {
            server.close();
            throw new IllegalStateException("no users in " + server.storage().root() + ": create the first " +
                "admin with 'dialer serve --init --data " + server.storage().root() + " --admin NAME'");
        }
        final SipStack stack;
        final Floor floor;
        try
        {
            stack = SipStack.launch(sipContext());
        }
        catch (final RuntimeException ex)
        {
            server.close();
            throw ex;
        }
        try
        {
            floor = Floor.open(new Floor.Context().dataDir(data).stacks(stack).registrar(stack.registrar())
                .region(region).nationalDnc(dncNational, dncNationalDownloaded));
        }
        catch (final IOException | RuntimeException ex)
        {
            server.close();
            stack.close();
            throw ex;
        }
        floor.routes().forEach(ctx::addRoutes);
        resources = new AutoCloseable[]{server, floor, stack};
        try
        {
            server.start();
            floor.metrics(server.registry());
        }
        catch (final RuntimeException ex)
        {
            closeAll();
            throw ex;
        }
        running = server;
        final Thread hook = new Thread(this::stop, "dialer-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!ctx.tls() && !isLoopback(ctx.host()))
        {
            err.println("warning: serving plain HTTP on " + ctx.host() + ": passwords and session cookies cross " +
                "the network unencrypted; use --tls-keystore and --tls-password-file");
            err.flush();
        }
        out.println("dialer serving " + server.url() + " (data " + server.storage().root() + "; SIP " +
            stack.localAddress().getHostString() + ":" + stack.port() + "); Ctrl-C stops");
        out.flush();
        try
        {
            stop.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            closeAll();
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException ex)
            {
                // the JVM is shutting down: the hook is what stopped us
            }
        }
        out.println("dialer stopped");
        out.flush();
        return OK;
    }

    private SipStack.Context sipContext() throws IOException
    {
        final SipStack.Context sip = new SipStack.Context()
            .bindAddress(InetAddress.getByName(sipHost)).port(sipPort).userAgent("dialer")
            .registrar(new Registrar.Context().realm(sipRealm));
        if (null != outboundProxy)
        {
            sip.outboundProxy(outboundProxy.startsWith("sip:") ? outboundProxy : "sip:" + outboundProxy);
        }
        if (null != trunkUser)
        {
            sip.trunkCredentials(trunkUser, null == trunkPasswordFile ? null :
                Files.readAllLines(trunkPasswordFile, StandardCharsets.UTF_8).get(0).trim(), null);
        }
        return sip;
    }

    /**
     * Closes the server, then the floor (its calls are cut, its journals closed), then the SIP stack; once.
     */
    private synchronized void closeAll()
    {
        final AutoCloseable[] all = resources;
        resources = new AutoCloseable[0];
        for (final AutoCloseable resource : all)
        {
            try
            {
                resource.close();
            }
            catch (final Exception ex)
            {
                spec.commandLine().getErr().println("dialer serve: closing " + resource + ": " + ex.getMessage());
            }
        }
    }

    /**
     * Stops a server started by {@link #call()}: what SIGTERM and Ctrl-C do; the server is closed before
     * {@code call()} returns.
     */
    void stop()
    {
        stop.countDown();
        if (Thread.currentThread().getName().equals("dialer-serve-shutdown"))
        {
            closeAll();
        }
    }

    /**
     * The running server, once it serves.
     *
     * @return the server, or null.
     */
    DialerServer running()
    {
        return running;
    }

    InputStream stdin()
    {
        return System.in;
    }

    private static boolean isLoopback(final String host)
    {
        return "localhost".equalsIgnoreCase(host) || host.startsWith("127.") || "::1".equals(host) ||
            "[::1]".equals(host);
    }
}
