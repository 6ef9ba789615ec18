/*
 * Dialer media.
 */
package io.dialer.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.channels.Selector;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RTP media for many call legs on one (or a few) Agrona agent threads: pooled sockets from a port range, 20 ms G.711
 * frames paced on a grid of ticks, prompt playback, DTMF, bridging, mixing and audio taps.
 * <p>
 * Each agent owns the state of its sessions; {@link MediaSession} methods only queue commands to it.
 */
public final class MediaEngine implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(MediaEngine.class);

    /**
     * Configuration, resolved and checked by {@link #conclude()}.
     */
    public static final class Context
    {
        /** System property for the first RTP port. */
        public static final String PORT_RANGE_START_PROP_NAME = "dialer.media.port.start";
        /** Default first RTP port. */
        public static final int PORT_RANGE_START_DEFAULT = 20_000;
        /** System property for the last RTP port. */
        public static final String PORT_RANGE_END_PROP_NAME = "dialer.media.port.end";
        /** Default last RTP port. */
        public static final int PORT_RANGE_END_DEFAULT = 29_998;
        /** System property for the RTP inactivity timeout in milliseconds. */
        public static final String RTP_TIMEOUT_MS_PROP_NAME = "dialer.media.rtp.timeout.ms";
        /**
         * Default RTP inactivity timeout in milliseconds: 5 minutes, because phones with silence suppression send
         * nothing while their user listens (a SIP keepalive finds dead calls sooner).
         */
        public static final long RTP_TIMEOUT_MS_DEFAULT = 300_000;
        /** System property for the number of media threads (agents) sessions are spread over. */
        public static final String AGENT_COUNT_PROP_NAME = "dialer.media.agents";
        /** Default number of media threads. */
        public static final int AGENT_COUNT_DEFAULT = 1;
        /** Which source a leg accepts RTP from: {@code symmetric} or {@code strict} (see {@link RtpLatching}). */
        public static final String RTP_LATCHING_PROP_NAME = "dialer.media.rtp.latching";
        /** Default latching: symmetric, which works behind NAT. */
        public static final RtpLatching RTP_LATCHING_DEFAULT = RtpLatching.SYMMETRIC;
        /** System property for the media threads' tick in microseconds (see {@link #tickUs(int)}). */
        public static final String TICK_US_PROP_NAME = "dialer.media.tick.us";
        /** Default tick: 2 ms, ten ticks per 20 ms frame. */
        public static final int TICK_US_DEFAULT = 2_000;
        /** System property for the idle keepalive interval in milliseconds (see {@link #idleKeepaliveMs(int)}). */
        public static final String IDLE_KEEPALIVE_MS_PROP_NAME = "dialer.media.idle.keepalive.ms";
        /** Default idle keepalive: IDLE_KEEPALIVE_MS_DEFAULT_PLACEHOLDER */
        public static final int IDLE_KEEPALIVE_MS_DEFAULT = 0;

        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int portRangeStart = Integer.getInteger(PORT_RANGE_START_PROP_NAME, PORT_RANGE_START_DEFAULT);
        private int portRangeEnd = Integer.getInteger(PORT_RANGE_END_PROP_NAME, PORT_RANGE_END_DEFAULT);
        private long rtpTimeoutMs = Long.getLong(RTP_TIMEOUT_MS_PROP_NAME, RTP_TIMEOUT_MS_DEFAULT);
        private int agentCount = Integer.getInteger(AGENT_COUNT_PROP_NAME, AGENT_COUNT_DEFAULT);
        private int tickUs = Integer.getInteger(TICK_US_PROP_NAME, TICK_US_DEFAULT);
        private int idleKeepaliveMs = Integer.getInteger(IDLE_KEEPALIVE_MS_PROP_NAME, IDLE_KEEPALIVE_MS_DEFAULT);
        private RtpLatching rtpLatching;
        private NanoClock nanoClock;
        private ErrorHandler errorHandler;

        /**
         * Address RTP sockets bind to and that SDP advertises.
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
         * Address RTP sockets bind to and that SDP advertises.
         *
         * @return the address.
         */
        public InetAddress bindAddress()
        {
            return bindAddress;
        }

        /**
         * First and last (even) RTP port of the range.
         *
         * @param start first port, even.
         * @param end   last port, even, not below start.
         * @return this.
         */
        public Context portRange(final int start, final int end)
        {
            this.portRangeStart = start;
            this.portRangeEnd = end;
            return this;
        }

        /**
         * First port of the range.
         *
         * @return the port.
         */
        public int portRangeStart()
        {
            return portRangeStart;
        }

        /**
         * Last port of the range.
         *
         * @return the port.
         */
        public int portRangeEnd()
        {
            return portRangeEnd;
        }

        /**
         * Inactivity timeout: no RTP for this long on a connected session raises
         * {@link MediaListener#onRtpTimeout(long)}; 0 disables it.
         *
         * @param timeoutMs milliseconds.
         * @return this.
         */
        public Context rtpTimeoutMs(final long timeoutMs)
        {
            this.rtpTimeoutMs = timeoutMs;
            return this;
        }

        /**
         * Inactivity timeout in milliseconds.
         *
         * @return the timeout.
         */
        public long rtpTimeoutMs()
        {
            return rtpTimeoutMs;
        }

        /**
         * Which source each leg accepts RTP from: only the SDP-named address and port ({@link RtpLatching#STRICT}),
         * or the first source after the answer ({@link RtpLatching#SYMMETRIC}, the default, for far ends behind NAT).
         * Either way packets from any other source, or with a changed SSRC before a new SDP exchange, are dropped and
         * counted ({@link MediaCounters#packetsForeignSource()}, {@link MediaEngine#foreignPackets()}).
         *
         * @param latching the mode.
         * @return this.
         */
        public Context rtpLatching(final RtpLatching latching)
        {
            this.rtpLatching = latching;
            return this;
        }

        /**
         * Which source each leg accepts RTP from.
         *
         * @return the mode.
         */
        public RtpLatching rtpLatching()
        {
            return rtpLatching;
        }

        /**
         * Clock that paces the frames and measures timeouts.
         *
         * @param clock the clock.
         * @return this.
         */
        public Context nanoClock(final NanoClock clock)
        {
            this.nanoClock = clock;
            return this;
        }

        /**
         * Clock that paces the frames and measures timeouts.
         *
         * @return the clock.
         */
        public NanoClock nanoClock()
        {
            return nanoClock;
        }

        /**
         * Number of media threads; sessions are spread over them round-robin (bridged or mixed legs must share one,
         * see {@link MediaEngine#open(MediaListener, MediaSession)}).
         *
         * @param count 1 or more.
         * @return this.
         */
        public Context agentCount(final int count)
        {
            this.agentCount = count;
            return this;
        }

        /**
         * Number of media threads.
         *
         * @return the count.
         */
        public int agentCount()
        {
            return agentCount;
        }

        /**
         * The media threads' tick: each thread wakes once per tick while it has sessions (and sleeps otherwise), reads
         * what arrived since the last, and sends the frames whose deadline has passed. A frame leaves at the first tick
         * at or after its deadline (a constant offset per session, so no jitter), and a received packet waits at most
         * a tick before it is relayed or tapped. Between 250 and 20,000, a divisor of the 20,000 µs frame.
         *
         * @param micros the tick in microseconds.
         * @return this.
         */
        public Context tickUs(final int micros)
        {
            this.tickUs = micros;
            return this;
        }

        /**
         * The media threads' tick in microseconds.
         *
         * @return the tick.
         */
        public int tickUs()
        {
            return tickUs;
        }

        /**
         * What a connected leg sends while nothing gives it audio (no prompt, DTMF, bridge or mix: while the dialer
         * listens to a greeting, waits for a key or for a voicemail beep): 0 sends a 20 ms frame of silence every 20
         * ms, as a phone without silence suppression does; more sends one frame of silence per that many
         * milliseconds (and the first frame at once), enough for NAT bindings, symmetric-RTP latching and the
         * carriers' RTP inactivity timers, at a fraction of the packets. The timestamps advance either way and the
         * next talkspurt carries the marker bit, as with DTX. See docs/architecture.md (media) for the choice.
         *
         * @param millis 0, or the interval between keepalive frames (20 to 10,000).
         * @return this.
         */
        public Context idleKeepaliveMs(final int millis)
        {
            this.idleKeepaliveMs = millis;
            return this;
        }

        /**
         * The idle keepalive interval in milliseconds; 0 for continuous silence.
         *
         * @return the interval.
         */
        public int idleKeepaliveMs()
        {
            return idleKeepaliveMs;
        }

        /**
         * Handler of errors thrown on the media thread, including exceptions thrown by listeners and taps, which
         * are caught so that the session carries on (default: log).
         *
         * @param handler the handler.
         * @return this.
         */
        public Context errorHandler(final ErrorHandler handler)
        {
            this.errorHandler = handler;
            return this;
        }

        /**
         * Handler of errors thrown on the media thread.
         *
         * @return the handler.
         */
        public ErrorHandler errorHandler()
        {
            return errorHandler;
        }

        /**
         * Checks the settings and fills in defaults.
         *
         * @return this.
         * @throws IllegalArgumentException when a setting is out of range.
         */
        public Context conclude()
        {
            if (null == bindAddress)
            {
                throw new IllegalArgumentException("bindAddress must be set");
            }
            if ((portRangeStart & 1) != 0 || (portRangeEnd & 1) != 0 || portRangeStart < 1024 ||
                portRangeEnd > 65534 || portRangeEnd < portRangeStart)
            {
                throw new IllegalArgumentException(
                    "port range must be even ports within 1024-65534, start <= end: " + portRangeStart + "-" +
                    portRangeEnd);
            }
            if (rtpTimeoutMs < 0)
            {
                throw new IllegalArgumentException("rtpTimeoutMs must not be negative: " + rtpTimeoutMs);
            }
            if (null == rtpLatching)
            {
                final String latching = System.getProperty(RTP_LATCHING_PROP_NAME);
                rtpLatching = null == latching ? RTP_LATCHING_DEFAULT : RtpLatching.parse(latching);
            }
            if (null == nanoClock)
            {
                nanoClock = SystemNanoClock.INSTANCE;
            }
            if (agentCount < 1)
            {
                throw new IllegalArgumentException("agentCount must be at least 1: " + agentCount);
            }
            if (0 != idleKeepaliveMs && (idleKeepaliveMs < 20 || idleKeepaliveMs > 10_000))
            {
                throw new IllegalArgumentException(
                    "idleKeepaliveMs must be 0 or within 20-10000 (" + IDLE_KEEPALIVE_MS_PROP_NAME + "): " +
                    idleKeepaliveMs);
            }
            if (tickUs < 250 || tickUs > 20_000 || 20_000 % tickUs != 0)
            {
                throw new IllegalArgumentException(
                    "tickUs must divide the 20,000 us frame and be within 250-20000 (" + TICK_US_PROP_NAME + "): " +
                    tickUs);
            }
            if (null == errorHandler)
            {
                errorHandler = (throwable) -> LOG.error("media agent error", throwable);
            }
            return this;
        }
    }

    private final Context context;
    private final RtpPortPool portPool;
    private final MediaAgent[] agents;
    private final AgentRunner[] runners;
    private final AtomicInteger nextAgent = new AtomicInteger();
    private final AtomicLong nextSessionId = new AtomicLong();
    private final AtomicLong nextPlaybackId = new AtomicLong();
    private volatile boolean closed;

    /**
     * Starts the engine's agent thread(s).
     *
     * @param context configuration.
     */
    public MediaEngine(final Context context)
    {
        this.context = context.conclude();
        portPool = new RtpPortPool(context.bindAddress(), context.portRangeStart(), context.portRangeEnd());
        final int count = context.agentCount();
        agents = new MediaAgent[count];
        runners = new AgentRunner[count];
        for (int i = 0; i < count; i++)
        {
            final Selector selector;
            try
            {
                selector = Selector.open();
            }
            catch (final IOException ex)
            {
                close();
                throw new UncheckedIOException(ex);
            }
            agents[i] = new MediaAgent(
                context.nanoClock(), TimeUnit.MILLISECONDS.toNanos(context.rtpTimeoutMs()),
                TimeUnit.MICROSECONDS.toNanos(context.tickUs()),
                (context.idleKeepaliveMs() + (int)(RtpSession.FRAME_NS / 1_000_000) - 1) /
                (int)(RtpSession.FRAME_NS / 1_000_000), portPool.slots(), selector, context.errorHandler(),
                context.rtpLatching());
            runners[i] = new AgentRunner(NoOpIdleStrategy.INSTANCE, context.errorHandler(), null, agents[i]);
        }
        for (final AgentRunner runner : runners)
        {
            AgentRunner.startOnThread(runner);
        }
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
     * Opens a session on the next media thread in turn, on a pooled port: a free one of that thread's, else the next
     * even port of the range not yet opened (wrapping around, skipping ports in use), else another thread's free one.
     * Thread-safe.
     *
     * @param listener receives the session's events on the media thread.
     * @return the session, bound but not yet connected to a remote.
     * @throws IOException when no port of the range can be bound, or the engine is closed.
     */
    public MediaSession open(final MediaListener listener) throws IOException
    {
        return open(listener, agents[Math.floorMod(nextAgent.getAndIncrement(), agents.length)]);
    }

    /**
     * Opens a session on the same media thread as another, so that the two can be bridged or mixed (only needed
     * with more than one agent). Thread-safe.
     *
     * @param listener receives the session's events on the media thread.
     * @param affinity the session to share a thread with, of this engine.
     * @return the session, bound but not yet connected to a remote.
     * @throws IOException when no port of the range can be bound, or the engine is closed.
     */
    public MediaSession open(final MediaListener listener, final MediaSession affinity) throws IOException
    {
        if (affinity.engine() != this)
        {
            throw new IllegalArgumentException("affinity session belongs to another engine");
        }
        return open(listener, affinity.agent());
    }

    private MediaSession open(final MediaListener listener, final MediaAgent agent) throws IOException
    {
        if (null == listener)
        {
            throw new NullPointerException("listener");
        }
        if (closed)
        {
            throw new IOException("media engine closed");
        }
        final RtpPort port = portPool.borrow(agent, agents);
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        final RtpSession session = new RtpSession(
            agent,
            nextSessionId.incrementAndGet(),
            port,
            listener,
            random.nextLong(),
            random.nextInt(),
            random.nextLong());
        agent.offer(new RtpSession.Registration(session));
        return new MediaSession(this, session);
    }

    /**
     * Closes every session and stops the agent thread.
     */
    @Override
    public void close()
    {
        closed = true;
        if (null != agents)
        {
            for (final MediaAgent agent : agents)
            {
                if (null != agent)
                {
                    agent.wakeToClose();
                }
            }
        }
        if (null != runners)
        {
            CloseHelper.quietCloseAll(runners);
        }
    }

    Thread agentThread()
    {
        return runners[0].thread();
    }

    /**
     * Frames the media threads were too late to send (more than 100 ms behind: starved of CPU, or blocked), summed
     * over the threads since the engine started. A rising count means the engine is overloaded: prompts stretch and
     * what callers hear lags; a dialer should stop adding calls. Thread-safe.
     *
     * @return frames skipped so far.
     */
    public long skippedFrames()
    {
        long total = 0;
        for (final MediaAgent agent : agents)
        {
            total += agent.skippedFrames();
        }
        return total;
    }

    /**
     * RTP packets dropped because they did not come from their leg's far end (another address or port than the SDP
     * named or the latched one, or a changed SSRC without a re-INVITE), summed over the media threads: injected or
     * stray streams. Thread-safe.
     *
     * @return packets dropped so far.
     */
    public long foreignPackets()
    {
        long total = 0;
        for (final MediaAgent agent : agents)
        {
            total += agent.foreignPackets();
        }
        return total;
    }

    MediaAgent agent()
    {
        return agents[0];
    }

    long nextPlaybackId()
    {
        return nextPlaybackId.incrementAndGet();
    }
}
