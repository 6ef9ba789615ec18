/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.SipStackImpl;
import io.dialer.media.MediaEngine;

import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JAIN-SIP stack with its listening points (UDP and/or TCP on one address and port) and the media engine its
 * calls use. Several instances can run in one JVM on different ports.
 * <p>
 * Dialing and answering:
 * <pre>{@code
 * final SipStack stack = SipStack.launch(new SipStack.Context()
 *     .bindAddress(InetAddress.getLoopbackAddress()).port(5080)
 *     .outboundProxy("sip:10.0.0.1:5060").trunkCredentials("acct", "secret", null)
 *     .allowedPeer("10.0.0.1"));
 *
 * final CallLeg leg = stack.dial(
 *     new DialRequest("sip:+15551234567@10.0.0.1").callerIdName("Acme").callerIdUser("+15550001111"),
 *     new CallListener()
 *     {
 *         public void onAnswered(final CallLeg leg)
 *         {
 *             ring.publish(ANSWERED, leg);    // return at once: never block here
 *         }
 *
 *         public void onFailed(final CallLeg leg, final FailureCause cause, final int status, final String reason)
 *         {
 *             ring.publish(FAILED, leg, cause);
 *         }
 *     });
 *
 * stack.inboundCallHandler((offered) ->
 *     {
 *         offered.answer();                    // or offered.ring(), offered.reject(486)
 *         return closerListener;
 *     });
 * ...
 * stack.close();
 * }</pre>
 */
public final class SipStack implements AutoCloseable
{
    private static final AtomicInteger STACK_COUNTER = new AtomicInteger();
    private static final Logger LOG = LoggerFactory.getLogger(SipStack.class);
    private static final int STOP_ATTEMPTS = 3;
    private static final int CONNECTOR_THREADS = 2;

    static
    {
        // JAIN-SIP's static loggers fall back to log4j 1.x until a stack sets its logger: route them to SLF4J first.
        CommonLogger.useLegacyLogger = true;
        CommonLogger.legacyLogger = new Slf4jStackLogger();
    }

    private final Context context;
    private final SipStackImpl sipStack;
    private final SipProvider provider;
    private final MediaProvider media;
    private final SipDispatcher dispatcher;
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor connector;
    private final Registrar registrar;
    private final int port;
    private volatile boolean closed;

    private SipStack(final Context context)
    {
        this.context = context;
        final String name = context.stackName();
        timer = new ScheduledThreadPoolExecutor(1, (runnable) ->
        {
            final Thread thread = new Thread(runnable, "sip-timer-" + name);
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        final AtomicInteger connectors = new AtomicInteger();
        // JAIN-SIP connects TCP on the sending thread (up to 8 s to a host that drops SYNs): INVITEs over TCP are sent
        // from here, so dial() returns at once; threads start on the first TCP dial
        connector = new ThreadPoolExecutor(CONNECTOR_THREADS, CONNECTOR_THREADS, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), (runnable) ->
            {
                final Thread thread = new Thread(runnable, "sip-connect-" + name + "-" + connectors.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        connector.allowCoreThreadTimeOut(true);

        MediaProvider mediaProvider = context.mediaProvider();
        SipStackImpl stack = null;
        try
        {
            if (null == mediaProvider)
            {
                mediaProvider = null != context.mediaEngine() ?
                    new EngineMediaProvider(context.mediaEngine(), false) :
                    new EngineMediaProvider(new MediaEngine(context.mediaContext()), true);
            }
            media = mediaProvider;

            final SipFactory sipFactory = SipFactory.getInstance();
            final HeaderFactory headerFactory = sipFactory.createHeaderFactory();
            final AddressFactory addressFactory = sipFactory.createAddressFactory();
            final MessageFactory messageFactory = sipFactory.createMessageFactory();

            StackGuard.register(name, new StackGuard(context.maxTcpConnections(),
                context.maxTcpConnectionsPerSource(), context.maxHeaderBytes(), context.maxMessageSize()));
            stack = new SipStackImpl(context.stackProperties());
            // added here, not named in SIP_MESSAGE_VALVE: JAIN-SIP sleeps 100 ms per valve it loads from the property
            final RetransmittedOkValve valve = new RetransmittedOkValve();
            valve.init(stack);
            stack.sipMessageValves.add(valve);
            final String host = context.bindAddress().getHostAddress();
            final int boundPort = context.port() == 0 ? freePort(context) : context.port();
            SipProvider sipProvider = null;
            for (final Transport transport : context.transports())
            {
                final ListeningPoint lp = stack.createListeningPoint(host, boundPort, transport.sipName());
                if (null == sipProvider)
                {
                    sipProvider = stack.createSipProvider(lp);
                }
                else
                {
                    sipProvider.addListeningPoint(lp);
                }
            }
            provider = sipProvider;
            port = boundPort;
            sipStack = stack;
            final Registrar.Context registrarContext = context.registrar();
            registrar = null == registrarContext ? null : new Registrar(registrarContext, host, DigestNonce.next());
            dispatcher = new SipDispatcher(
                this, context, provider, headerFactory, addressFactory, messageFactory, media, timer, connector, host,
                port, registrar);
            if (null != registrar)
            {
                final long interval = registrarContext.expiryCheckIntervalMs();
                timer.scheduleWithFixedDelay(this::expireRegistrations, interval, interval, TimeUnit.MILLISECONDS);
            }
            provider.addSipListener(dispatcher);
            stack.start();
        }
        catch (final Exception ex)
        {
            if (null != stack)
            {
                stack.stop();
            }
            if (null != mediaProvider)
            {
                mediaProvider.close();
            }
            timer.shutdownNow();
            connector.shutdownNow();
            StackGuard.unregister(name);
            throw new IllegalStateException("cannot start SIP stack " + name + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Starts a stack: binds its listening points and starts its media engine (unless given one).
     *
     * @param context configuration, concluded here.
     * @return the running stack.
     * @throws IllegalStateException when the configuration is wrong or a port cannot be bound.
     */
    public static SipStack launch(final Context context)
    {
        return new SipStack(context.conclude());
    }

    /**
     * Dials a call. Returns at once; the outcome arrives on the listener (possibly before this returns, e.g. a
     * transport error).
     *
     * @param request  what to dial.
     * @param listener the leg's events; must not block.
     * @return the leg, in state {@link CallState#CALLING}.
     * @throws IllegalArgumentException when the target is not a SIP URI, is a {@code sips:} URI or asks for TLS
     *                                  (not supported yet), or its transport is not enabled on this stack.
     * @throws IllegalStateException    when the stack is closed.
     */
    public CallLeg dial(final DialRequest request, final CallListener listener)
    {
        ensureOpen();
        return dispatcher.dial(request, Objects.requireNonNull(listener, "listener"), null);
    }

    /**
     * Makes an outbound leg ready ahead of its dial, so that the dial does less on its own path: its Call-ID chosen
     * and its media session opened (the RTP port bound), on the same media thread as another leg's when given, e.g.
     * the closer leg of a caller still in qualification. Hand it to {@link #dial(DialRequest, CallListener,
     * PreparedDial)}, or {@link PreparedDial#discard()} it when it is not needed.
     *
     * @param mediaAffinity the leg whose media thread the new leg's media shares, or null.
     * @return the prepared leg, or null when no media session can be opened now (the dial then opens its own).
     * @throws IllegalStateException when the stack is closed.
     */
    public PreparedDial prepareDial(final CallLeg mediaAffinity)
    {
        ensureOpen();
        return dispatcher.prepare(mediaAffinity);
    }

    /**
     * Dials a call on a leg made ready by {@link #prepareDial}: as {@link #dial(DialRequest, CallListener)}, with the
     * prepared leg's Call-ID and media session (the request's media affinity is then ignored: the prepared session
     * has its thread). A prepared leg is used once; null, one already used or discarded, or one of another stack
     * dials as usual.
     *
     * @param request  what to dial.
     * @param listener the leg's events; must not block.
     * @param prepared the prepared leg, or null.
     * @return the leg, in state {@link CallState#CALLING}.
     * @throws IllegalArgumentException as {@link #dial(DialRequest, CallListener)}.
     * @throws IllegalStateException    when the stack is closed.
     */
    public CallLeg dial(final DialRequest request, final CallListener listener, final PreparedDial prepared)
    {
        ensureOpen();
        return dispatcher.dial(request, Objects.requireNonNull(listener, "listener"), prepared);
    }

    /**
     * Sets who is offered inbound calls from allowed peers; with none, inbound INVITEs get 480.
     *
     * @param handler the handler, or null.
     * @return this.
     */
    public SipStack inboundCallHandler(final InboundCallHandler handler)
    {
        dispatcher.inboundCallHandler(handler);
        return this;
    }

    /**
     * The registrar on this stack's listening points, enabled with {@link Context#registrar(Registrar.Context)}:
     * extensions' credentials in, the Contact to dial out.
     *
     * @return the registrar.
     * @throws IllegalStateException when the stack was launched without one.
     */
    public Registrar registrar()
    {
        if (null == registrar)
        {
            throw new IllegalStateException("no registrar on this stack: launch it with " +
                "SipStack.Context.registrar(new Registrar.Context())");
        }
        return registrar;
    }

    /**
     * Sends an out-of-dialog OPTIONS (through the outbound proxy when configured), e.g. to check a trunk.
     *
     * @param uri SIP URI to ask.
     * @return the final status (408 on timeout, 503 on transport error).
     */
    public CompletableFuture<Integer> ping(final String uri)
    {
        ensureOpen();
        return dispatcher.ping(uri);
    }

    /**
     * The port the listening points are bound to (the chosen one when configured with 0).
     *
     * @return the port.
     */
    public int port()
    {
        return port;
    }

    /**
     * The address and port the stack listens on.
     *
     * @return the address.
     */
    public InetSocketAddress localAddress()
    {
        return new InetSocketAddress(context.bindAddress(), port);
    }

    /**
     * A SIP URI reaching a user on this stack, e.g. {@code sip:1001@127.0.0.1:5080}.
     *
     * @param user user part, or null for none.
     * @return the URI.
     */
    public String uri(final String user)
    {
        final String host = context.bindAddress().getHostAddress();
        final String hostPart = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "sip:" + (null == user ? "" : user + "@") + hostPart + ":" + port;
    }

    /**
     * Calls not yet ended.
     *
     * @return the number of live legs.
     */
    public int activeCalls()
    {
        return dispatcher.activeCalls();
    }

    /**
     * Media frames this stack's media engine was too late to send: a rising count means it is overloaded (see
     * {@link io.dialer.media.MediaEngine#skippedFrames()}). Thread-safe.
     *
     * @return frames skipped so far.
     */
    public long mediaFramesSkipped()
    {
        return media.skippedFrames();
    }

    /**
     * RTP packets this stack's media dropped because they did not come from their leg's far end: another address or
     * port than the SDP named (or the one latched, see {@link io.dialer.media.RtpLatching}), or a changed SSRC
     * without a re-INVITE (see {@link io.dialer.media.MediaEngine#foreignPackets()}). Thread-safe.
     *
     * @return packets dropped so far.
     */
    public long mediaForeignPackets()
    {
        return media.foreignPackets();
    }

    /**
     * The configuration.
     *
     * @return the concluded context.
     */
    public Context context()
    {
        return context;
    }

    /**
     * JAIN-SIP's stack under this one (for tests of its configuration).
     *
     * @return the JAIN-SIP stack.
     */
    SipStackImpl jainSipStack()
    {
        return sipStack;
    }

    /**
     * Hangs up live calls (reported as {@link EndCause#SHUTDOWN}), stops the JAIN-SIP stack and the media engine
     * it owns.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        dispatcher.shutdown();
        try
        {
            sipStack.deleteSipProvider(provider);
        }
        catch (final Exception ignore)
        {
            // the stack stops anyway
        }
        stopJainSip();
        timer.shutdownNow();
        connector.shutdownNow();
        media.close();
        StackGuard.unregister(context.stackName());
    }

    /**
     * JAIN-SIP 1.3.0-91's {@code UDPMessageProcessor} builds its list of channels on its own thread after the stack
     * starts; a stop that comes before that ({@code NullPointerException}) or while it runs
     * ({@code ConcurrentModificationException}) throws from the middle of {@code stopStack()}. The processor was already
     * taken off the stack's list by then (its socket closed), so stopping again finishes the rest: the other listening
     * points, the timers and the sockets.
     */
    private void stopJainSip()
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                sipStack.stop();
                return;
            }
            catch (final NullPointerException | ConcurrentModificationException ex)
            {
                if (attempt >= STOP_ATTEMPTS)
                {
                    LOG.warn("JAIN-SIP stack {} did not stop cleanly", context.stackName(), ex);
                    return;
                }
            }
        }
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true when closed.
     */
    public boolean isClosed()
    {
        return closed;
    }

    SipDispatcher dispatcher()
    {
        return dispatcher;
    }

    StackGuard guard()
    {
        return StackGuard.of(context.stackName());
    }

    private void expireRegistrations()
    {
        try
        {
            registrar.expire();
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("registration expiry failed", ex);
        }
    }

    private void ensureOpen()
    {
        if (closed)
        {
            throw new IllegalStateException("SIP stack closed");
        }
    }

    private static int freePort(final Context context) throws IOException
    {
        final boolean tcp = context.transports().contains(Transport.TCP);
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++)
        {
            try (DatagramSocket udp = new DatagramSocket(0, context.bindAddress()))
            {
                final int candidate = udp.getLocalPort();
                if (!tcp)
                {
                    return candidate;
                }
                try (ServerSocket probe = new ServerSocket(candidate, 1, context.bindAddress()))
                {
                    return probe.getLocalPort();
                }
            }
            catch (final IOException ex)
            {
                last = ex;
            }
        }
        throw null != last ? last : new IOException("no free port");
    }

    /**
     * Configuration of a {@link SipStack}, resolved and checked by {@link #conclude()}. Defaults come from system
     * properties named by the {@code *_PROP_NAME} constants.
     */
    public static final class Context
    {
        /** Port, 0 for any free one. */
        public static final String PORT_PROP_NAME = "dialer.sip.port";
        /** Default port. */
        public static final int PORT_DEFAULT = 5060;
        /** JAIN-SIP's worker threads. */
        public static final String THREAD_POOL_SIZE_PROP_NAME = "dialer.sip.threadPoolSize";
        /** Default number of JAIN-SIP worker threads. */
        public static final int THREAD_POOL_SIZE_DEFAULT = 4;
        /** Largest SIP message accepted, in bytes (TCP). */
        public static final String MAX_MESSAGE_SIZE_PROP_NAME = "dialer.sip.maxMessageSize";
        /** Default largest message: 64 KiB. */
        public static final int MAX_MESSAGE_SIZE_DEFAULT = 64 * 1024;
        /** Ring timeout when the dial request sets none. */
        public static final String RING_TIMEOUT_MS_PROP_NAME = "dialer.sip.ringTimeoutMs";
        /** Default ring timeout: 30 s (compliance needs at least 15 s). */
        public static final long RING_TIMEOUT_MS_DEFAULT = 30_000;
        /** How long an INVITE (or an in-dialog OPTIONS keepalive) may go without any response at all. */
        public static final String RESPONSE_TIMEOUT_MS_PROP_NAME = "dialer.sip.responseTimeoutMs";
        /**
         * Default response timeout: 5 s. A trunk that has not even said 100 Trying by then is unreachable
         * ({@link FailureCause#TRUNK_UNREACHABLE}), instead of waiting 32 s for JAIN-SIP's transaction timeout.
         */
        public static final long RESPONSE_TIMEOUT_MS_DEFAULT = 5_000;
        /** How long an answered leg may go without RTP before an in-dialog OPTIONS checks the dialog; 0 = never. */
        public static final String KEEPALIVE_AFTER_SILENCE_MS_PROP_NAME = "dialer.sip.keepaliveAfterSilenceMs";
        /** Default silence before a keepalive, and between keepalives while it lasts: 30 s. */
        public static final long KEEPALIVE_AFTER_SILENCE_MS_DEFAULT = 30_000;
        /** User agent name. */
        public static final String USER_AGENT_PROP_NAME = "dialer.sip.userAgent";
        /** Default user agent name. */
        public static final String USER_AGENT_DEFAULT = "dialer";
        /** Distinct refused sources remembered for log-once. */
        public static final int REFUSED_SOURCES_LOGGED_DEFAULT = 1024;
        /** Accepted TCP connections open at once, from all sources; more are closed at once. */
        public static final String MAX_TCP_CONNECTIONS_PROP_NAME = "dialer.sip.tcp.maxConnections";
        /** Default cap on accepted TCP connections. */
        public static final int MAX_TCP_CONNECTIONS_DEFAULT = 1024;
        /** Accepted TCP connections open at once from one source address. */
        public static final String MAX_TCP_CONNECTIONS_PER_SOURCE_PROP_NAME = "dialer.sip.tcp.maxConnectionsPerSource";
        /**
         * Default cap per source: a trunk or PBX needs a few, an office of softphones behind one NAT address one each.
         */
        public static final int MAX_TCP_CONNECTIONS_PER_SOURCE_DEFAULT = 128;
        /** A TCP connection with no traffic for this long is closed. */
        public static final String TCP_IDLE_TIMEOUT_MS_PROP_NAME = "dialer.sip.tcp.idleTimeoutMs";
        /** Default TCP idle timeout: 2 minutes. */
        public static final long TCP_IDLE_TIMEOUT_MS_DEFAULT = 120_000;
        /** Largest header section of a SIP message over TCP; a larger one closes the connection. */
        public static final String MAX_HEADER_BYTES_PROP_NAME = "dialer.sip.maxHeaderBytes";
        /** Default largest header section: 16 KiB. */
        public static final int MAX_HEADER_BYTES_DEFAULT = 16 * 1024;

        private boolean concluded;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = Integer.getInteger(PORT_PROP_NAME, PORT_DEFAULT);
        private EnumSet<Transport> transports = EnumSet.of(Transport.UDP, Transport.TCP);
        private Transport defaultTransport = Transport.UDP;
        private String outboundProxy;
        private String trunkUser;
        private String trunkPassword;
        private String trunkRealm;
        private final List<String> allowedPeers = new ArrayList<>();
        private Set<String> allowedPeerAddresses;
        private String userAgent = System.getProperty(USER_AGENT_PROP_NAME, USER_AGENT_DEFAULT);
        private int threadPoolSize = Integer.getInteger(THREAD_POOL_SIZE_PROP_NAME, THREAD_POOL_SIZE_DEFAULT);
        private int maxMessageSize = Integer.getInteger(MAX_MESSAGE_SIZE_PROP_NAME, MAX_MESSAGE_SIZE_DEFAULT);
        private long ringTimeoutMs = Long.getLong(RING_TIMEOUT_MS_PROP_NAME, RING_TIMEOUT_MS_DEFAULT);
        private long responseTimeoutMs = Long.getLong(RESPONSE_TIMEOUT_MS_PROP_NAME, RESPONSE_TIMEOUT_MS_DEFAULT);
        private long keepaliveAfterSilenceMs =
            Long.getLong(KEEPALIVE_AFTER_SILENCE_MS_PROP_NAME, KEEPALIVE_AFTER_SILENCE_MS_DEFAULT);
        private int refusedSourcesLogged = REFUSED_SOURCES_LOGGED_DEFAULT;
        private int maxTcpConnections = Integer.getInteger(MAX_TCP_CONNECTIONS_PROP_NAME, MAX_TCP_CONNECTIONS_DEFAULT);
        private int maxTcpConnectionsPerSource =
            Integer.getInteger(MAX_TCP_CONNECTIONS_PER_SOURCE_PROP_NAME, MAX_TCP_CONNECTIONS_PER_SOURCE_DEFAULT);
        private long tcpIdleTimeoutMs = Long.getLong(TCP_IDLE_TIMEOUT_MS_PROP_NAME, TCP_IDLE_TIMEOUT_MS_DEFAULT);
        private int maxHeaderBytes = Integer.getInteger(MAX_HEADER_BYTES_PROP_NAME, MAX_HEADER_BYTES_DEFAULT);
        private MediaEngine.Context mediaContext;
        private MediaEngine mediaEngine;
        private MediaProvider mediaProvider;
        private InboundCallHandler inboundCallHandler;
        private String stackName;
        private Registrar.Context registrar;

        /**
         * Address the listening points bind to and that Via, Contact and SDP advertise; must be a concrete address.
         *
         * @param address the address.
         * @return this.
         */
        public Context bindAddress(final InetAddress address)
        {
            this.bindAddress = address;
            return this;
        }

        /**
         * Bind address.
         *
         * @return the address.
         */
        public InetAddress bindAddress()
        {
            return bindAddress;
        }

        /**
         * Port for every transport; 0 picks a free one (see {@link SipStack#port()}).
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
         * Configured port.
         *
         * @return the port, 0 for any.
         */
        public int port()
        {
            return port;
        }

        /**
         * Transports to listen on.
         *
         * @param transports one or both.
         * @return this.
         */
        public Context transports(final Transport... transports)
        {
            this.transports = EnumSet.noneOf(Transport.class);
            this.transports.addAll(List.of(transports));
            return this;
        }

        /**
         * Transports listened on.
         *
         * @return the transports.
         */
        public Set<Transport> transports()
        {
            return EnumSet.copyOf(transports);
        }

        /**
         * Transport to dial over when the dial request names none.
         *
         * @param transport UDP or TCP.
         * @return this.
         */
        public Context defaultTransport(final Transport transport)
        {
            this.defaultTransport = transport;
            return this;
        }

        /**
         * Default dialing transport.
         *
         * @return the transport.
         */
        public Transport defaultTransport()
        {
            return defaultTransport;
        }

        /**
         * The trunk or outbound proxy every out-of-dialog request is routed through (a loose Route header), e.g.
         * {@code sip:10.0.0.1:5060}; its host is an allowed peer. Null dials the Request-URI directly. A {@code sips:}
         * proxy is refused by {@link #conclude()}: TLS is not supported yet.
         *
         * @param uri SIP URI, or null.
         * @return this.
         */
        public Context outboundProxy(final String uri)
        {
            this.outboundProxy = uri;
            return this;
        }

        /**
         * Outbound proxy URI.
         *
         * @return the URI, or null.
         */
        public String outboundProxy()
        {
            return outboundProxy;
        }

        /**
         * Digest credentials for the trunk's 401/407 challenges.
         *
         * @param user     user name.
         * @param password password.
         * @param realm    the only realm to answer, or null to answer any realm.
         * @return this.
         */
        public Context trunkCredentials(final String user, final String password, final String realm)
        {
            this.trunkUser = user;
            this.trunkPassword = password;
            this.trunkRealm = realm;
            return this;
        }

        /**
         * Trunk user name.
         *
         * @return the user, or null when no credentials are set.
         */
        public String trunkUser()
        {
            return trunkUser;
        }

        /**
         * Trunk password.
         *
         * @return the password, or null.
         */
        public String trunkPassword()
        {
            return trunkPassword;
        }

        /**
         * Trunk realm.
         *
         * @return the realm, or null for any.
         */
        public String trunkRealm()
        {
            return trunkRealm;
        }

        /**
         * Adds a host or address that may send INVITE and REFER (a trunk, a closers' PBX). Others get 403.
         *
         * @param host host name or IP address.
         * @return this.
         */
        public Context allowedPeer(final String host)
        {
            allowedPeers.add(Objects.requireNonNull(host, "host"));
            return this;
        }

        /**
         * Hosts allowed to send INVITE and REFER, as configured.
         *
         * @return the hosts.
         */
        public List<String> allowedPeers()
        {
            return List.copyOf(allowedPeers);
        }

        /**
         * User agent name, in User-Agent and Server headers and as the default caller ID user.
         *
         * @param name the name.
         * @return this.
         */
        public Context userAgent(final String name)
        {
            this.userAgent = name;
            return this;
        }

        /**
         * User agent name.
         *
         * @return the name.
         */
        public String userAgent()
        {
            return userAgent;
        }

        /**
         * JAIN-SIP worker threads ({@code gov.nist.javax.sip.THREAD_POOL_SIZE}).
         *
         * @param size threads, at least 1.
         * @return this.
         */
        public Context threadPoolSize(final int size)
        {
            this.threadPoolSize = size;
            return this;
        }

        /**
         * JAIN-SIP worker threads.
         *
         * @return the number.
         */
        public int threadPoolSize()
        {
            return threadPoolSize;
        }

        /**
         * Largest SIP message accepted over TCP ({@code gov.nist.javax.sip.MAX_MESSAGE_SIZE}).
         *
         * @param bytes the size.
         * @return this.
         */
        public Context maxMessageSize(final int bytes)
        {
            this.maxMessageSize = bytes;
            return this;
        }

        /**
         * Largest SIP message accepted.
         *
         * @return bytes.
         */
        public int maxMessageSize()
        {
            return maxMessageSize;
        }

        /**
         * Ring timeout for dial requests that set none.
         *
         * @param timeoutMs milliseconds.
         * @return this.
         */
        public Context ringTimeoutMs(final long timeoutMs)
        {
            this.ringTimeoutMs = timeoutMs;
            return this;
        }

        /**
         * Default ring timeout.
         *
         * @return milliseconds.
         */
        public long ringTimeoutMs()
        {
            return ringTimeoutMs;
        }

        /**
         * How long an INVITE may go without any response (not even 100 Trying) before the call fails as
         * {@link FailureCause#TRUNK_UNREACHABLE}, for dial requests that set none; also how long an in-dialog
         * OPTIONS keepalive may go unanswered before the call ends as {@link EndCause#DIALOG_LOST}.
         *
         * @param timeoutMs milliseconds, more than 0.
         * @return this.
         */
        public Context responseTimeoutMs(final long timeoutMs)
        {
            this.responseTimeoutMs = timeoutMs;
            return this;
        }

        /**
         * Default response timeout.
         *
         * @return milliseconds.
         */
        public long responseTimeoutMs()
        {
            return responseTimeoutMs;
        }

        /**
         * How long an answered leg may receive no RTP before an in-dialog OPTIONS asks the far end whether the call
         * still exists (phones with silence suppression send nothing while their user listens), and the interval
         * between such keepalives while the silence lasts. A 481 or 408, or no answer within the response timeout,
         * ends the leg as {@link EndCause#DIALOG_LOST}; any other answer means it is alive.
         *
         * @param silenceMs milliseconds, 0 for no keepalive.
         * @return this.
         */
        public Context keepaliveAfterSilenceMs(final long silenceMs)
        {
            this.keepaliveAfterSilenceMs = silenceMs;
            return this;
        }

        /**
         * Silence before an in-dialog OPTIONS keepalive.
         *
         * @return milliseconds, 0 for none.
         */
        public long keepaliveAfterSilenceMs()
        {
            return keepaliveAfterSilenceMs;
        }

        /**
         * How many distinct refused sources are remembered so each is logged once.
         *
         * @param count the bound.
         * @return this.
         */
        public Context refusedSourcesLogged(final int count)
        {
            this.refusedSourcesLogged = count;
            return this;
        }

        /**
         * Bound on remembered refused sources.
         *
         * @return the bound.
         */
        public int refusedSourcesLogged()
        {
            return refusedSourcesLogged;
        }

        /**
         * Caps on accepted TCP connections: in all, and from one source address. A connection beyond either is
         * closed as soon as it is accepted (counted, and logged through {@link BadInputLog}).
         *
         * @param total     connections open at once, at least 1.
         * @param perSource connections open at once from one address, at least 1.
         * @return this.
         */
        public Context maxTcpConnections(final int total, final int perSource)
        {
            this.maxTcpConnections = total;
            this.maxTcpConnectionsPerSource = perSource;
            return this;
        }

        /**
         * Cap on accepted TCP connections in all.
         *
         * @return the cap.
         */
        public int maxTcpConnections()
        {
            return maxTcpConnections;
        }

        /**
         * Cap on accepted TCP connections from one source address.
         *
         * @return the cap.
         */
        public int maxTcpConnectionsPerSource()
        {
            return maxTcpConnectionsPerSource;
        }

        /**
         * How long a TCP connection may carry nothing before it is closed
         * ({@code gov.nist.javax.sip.NIO_MAX_SOCKET_IDLE_TIME}).
         *
         * @param timeoutMs milliseconds, more than 0.
         * @return this.
         */
        public Context tcpIdleTimeoutMs(final long timeoutMs)
        {
            this.tcpIdleTimeoutMs = timeoutMs;
            return this;
        }

        /**
         * TCP idle timeout.
         *
         * @return milliseconds.
         */
        public long tcpIdleTimeoutMs()
        {
            return tcpIdleTimeoutMs;
        }

        /**
         * Largest header section of a SIP message over TCP; a larger one, or a {@code Content-Length} over
         * {@link #maxMessageSize()}, closes the connection before JAIN-SIP parses it.
         *
         * @param bytes the size, at least 1024.
         * @return this.
         */
        public Context maxHeaderBytes(final int bytes)
        {
            this.maxHeaderBytes = bytes;
            return this;
        }

        /**
         * Largest header section over TCP.
         *
         * @return bytes.
         */
        public int maxHeaderBytes()
        {
            return maxHeaderBytes;
        }

        /**
         * Configuration of the media engine the stack starts (ignored when {@link #mediaEngine(MediaEngine)} is set).
         *
         * @param context media configuration.
         * @return this.
         */
        public Context mediaContext(final MediaEngine.Context context)
        {
            this.mediaContext = context;
            return this;
        }

        /**
         * Media engine configuration.
         *
         * @return the media context.
         */
        public MediaEngine.Context mediaContext()
        {
            return mediaContext;
        }

        /**
         * A running media engine to use instead of starting one (shared by several stacks; not closed by them).
         *
         * @param engine the engine, or null.
         * @return this.
         */
        public Context mediaEngine(final MediaEngine engine)
        {
            this.mediaEngine = engine;
            return this;
        }

        /**
         * Shared media engine.
         *
         * @return the engine, or null.
         */
        public MediaEngine mediaEngine()
        {
            return mediaEngine;
        }

        /**
         * Handler of inbound calls from the start (same as {@link SipStack#inboundCallHandler}).
         *
         * @param handler the handler.
         * @return this.
         */
        public Context inboundCallHandler(final InboundCallHandler handler)
        {
            this.inboundCallHandler = handler;
            return this;
        }

        /**
         * Inbound call handler.
         *
         * @return the handler, or null.
         */
        public InboundCallHandler inboundCallHandler()
        {
            return inboundCallHandler;
        }

        /**
         * JAIN-SIP stack name, unique per JVM; generated when not set.
         *
         * @param name the name.
         * @return this.
         */
        public Context stackName(final String name)
        {
            this.stackName = name;
            return this;
        }

        /**
         * Stack name.
         *
         * @return the name.
         */
        public String stackName()
        {
            return stackName;
        }

        /**
         * Runs a registrar on the stack's listening points ({@link SipStack#registrar()}): phones of extensions
         * REGISTER here. Without one, REGISTER is answered 405.
         *
         * @param context the registrar's settings, or null for none.
         * @return this.
         */
        public Context registrar(final Registrar.Context context)
        {
            this.registrar = context;
            return this;
        }

        /**
         * The registrar's settings.
         *
         * @return the settings, or null when the stack has no registrar.
         */
        public Registrar.Context registrar()
        {
            return registrar;
        }

        Context mediaProvider(final MediaProvider provider)
        {
            this.mediaProvider = provider;
            return this;
        }

        MediaProvider mediaProvider()
        {
            return mediaProvider;
        }

        boolean hasTransport(final Transport transport)
        {
            return transports.contains(transport);
        }

        Set<String> allowedPeerAddresses()
        {
            return allowedPeerAddresses;
        }

        /**
         * Checks the settings and resolves the allowed peers. Called by {@link SipStack#launch(Context)}.
         *
         * @return this.
         * @throws IllegalStateException when a setting is invalid.
         */
        public Context conclude()
        {
            if (concluded)
            {
                return this;
            }
            Objects.requireNonNull(bindAddress, "bindAddress");
            if (bindAddress.isAnyLocalAddress())
            {
                throw new IllegalStateException("bindAddress must be a concrete address, not " + bindAddress);
            }
            if (port < 0 || port > 65_535)
            {
                throw new IllegalStateException("port out of range: " + port);
            }
            if (transports.isEmpty())
            {
                throw new IllegalStateException("no transport");
            }
            if (!transports.contains(defaultTransport))
            {
                defaultTransport = transports.iterator().next();
            }
            if (threadPoolSize < 1)
            {
                throw new IllegalStateException("threadPoolSize must be >= 1: " + threadPoolSize);
            }
            if (maxMessageSize < 4096)
            {
                throw new IllegalStateException("maxMessageSize must be >= 4096: " + maxMessageSize);
            }
            if (maxTcpConnections < 1 || maxTcpConnectionsPerSource < 1)
            {
                throw new IllegalStateException("TCP connection caps must be >= 1: " + maxTcpConnections + ", " +
                    maxTcpConnectionsPerSource);
            }
            if (tcpIdleTimeoutMs <= 0)
            {
                throw new IllegalStateException("tcpIdleTimeoutMs must be > 0: " + tcpIdleTimeoutMs);
            }
            if (maxHeaderBytes < 1024)
            {
                throw new IllegalStateException("maxHeaderBytes must be >= 1024: " + maxHeaderBytes);
            }
            if (ringTimeoutMs <= 0)
            {
                throw new IllegalStateException("ringTimeoutMs must be > 0: " + ringTimeoutMs);
            }
            if (responseTimeoutMs <= 0)
            {
                throw new IllegalStateException("responseTimeoutMs must be > 0: " + responseTimeoutMs);
            }
            if (keepaliveAfterSilenceMs < 0)
            {
                throw new IllegalStateException("keepaliveAfterSilenceMs must be >= 0: " + keepaliveAfterSilenceMs);
            }
            if (null != outboundProxy && outboundProxy.regionMatches(true, 0, "sips:", 0, 5))
            {
                throw new IllegalStateException(
                    "sips: needs TLS, which this dialer does not support yet; use sip: (outbound proxy " +
                    outboundProxy + ")");
            }
            if ((null == trunkUser) != (null == trunkPassword))
            {
                throw new IllegalStateException("trunk credentials need both user and password");
            }
            if (null == stackName)
            {
                stackName = "dialer-sip-" + STACK_COUNTER.incrementAndGet() + "-" + ProcessHandle.current().pid();
            }
            if (null == mediaContext)
            {
                mediaContext = new MediaEngine.Context().bindAddress(bindAddress);
            }
            if (null != registrar)
            {
                registrar.conclude();
            }

            final Set<String> addresses = new HashSet<>();
            final List<String> hosts = new ArrayList<>(allowedPeers);
            if (null != outboundProxy)
            {
                hosts.add(proxyHost(outboundProxy));
            }
            for (final String host : hosts)
            {
                addresses.add(host);
                try
                {
                    for (final InetAddress address : InetAddress.getAllByName(host))
                    {
                        addresses.add(address.getHostAddress());
                    }
                }
                catch (final UnknownHostException ex)
                {
                    throw new IllegalStateException("unknown allowed peer host: " + host, ex);
                }
            }
            allowedPeerAddresses = Set.copyOf(addresses);
            concluded = true;
            return this;
        }

        Properties stackProperties()
        {
            final Properties p = new Properties();
            p.setProperty("javax.sip.STACK_NAME", stackName);
            // Dialogs are created for INVITE transactions by the stack: we use Dialog.createAck/createRequest.
            p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
            p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
            p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
            p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
            p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
            p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(threadPoolSize));
            // 0: a TCP message is handled on the NIO selector thread, in the order it came (JAIN-SIP 1.3.0-91's post-
            // parsing pool hands messages of one connection to several threads: a 200 could overtake its 180); our
            // listener never blocks
            p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", "0");
            p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
            p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(maxMessageSize));
            p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
            p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
            p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "100000");
            p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "100000");
            // 4 MiB (the kernel caps it at net.core.rmem_max): the socket is the only queue in front of the channel
            // threads (DirectUdpProcessor), so a stall must not overflow it
            p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(4 << 20));
            p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(1 << 20));
            p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "false");
            p.setProperty("gov.nist.javax.sip.LOG_STACK_TRACE_ON_MESSAGE_SEND", "false");
            // JAIN-SIP's sockets, but a refused TCP connect keeps its reason for the call's failure, and received
            // datagrams pass the SipScreen first
            p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", ConnectErrorNetworkLayer.class.getName());
            // TCP on NIO: one selector thread for every connection (the default spends two threads per connection),
            // with caps on connections and message sizes, and idle connections closed
            p.setProperty(
                "gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", GuardedMessageProcessorFactory.class.getName());
            p.setProperty("gov.nist.javax.sip.NIO_MAX_SOCKET_IDLE_TIME", Long.toString(tcpIdleTimeoutMs));
            // responses that match no client transaction of ours are dropped by JAIN-SIP, not handed to us
            p.setProperty("gov.nist.javax.sip.REJECT_STRAY_RESPONSES", "true");
            // a timer whose cancelled tasks leave its queue at once: java.util.Timer kept each call's cancelled 32 s
            // dialog task, and the dialog and transactions behind it, for 32 s
            p.setProperty("gov.nist.javax.sip.TIMER_CLASS_NAME", StackTimer.class.getName());
            return p;
        }

        private static String proxyHost(final String uri)
        {
            final String text = uri.startsWith("sip:") ? uri.substring(4) : uri;
            final String hostPort = text.contains("@") ? text.substring(text.indexOf('@') + 1) : text;
            final int semi = hostPort.indexOf(';');
            final String noParams = semi >= 0 ? hostPort.substring(0, semi) : hostPort;
            final URI parsed = URI.create("sip://" + noParams);
            if (null == parsed.getHost())
            {
                throw new IllegalStateException("bad outbound proxy URI: " + uri);
            }
            final String host = parsed.getHost();
            return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        }
    }
}
