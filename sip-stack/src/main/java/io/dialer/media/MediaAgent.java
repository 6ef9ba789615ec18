/*
 * Dialer media.
 */
package io.dialer.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The media thread: owns every session's state (single writer). Each round it drains the command queue, reads one
 * datagram from each socket that is ready (one {@code epoll_wait} for all of them; the whole backlog in a round more
 * than {@link #CATCH_UP_NS} late), sends the frames that are due
 * ({@link FrameGrid}), then parks until the next tick of the grid. It does not wake for each packet: under load the
 * packets of a tick are read together, and a tick with nothing due costs one park and one {@code selectNow}. A command
 * from another thread unparks it only when it sleeps (a flag: a burst of commands costs one wake-up). With no session
 * at all it parks until a command comes.
 * <p>
 * Sockets come from the engine's {@link RtpPortPool}: registered once, they stay registered between sessions.
 */
final class MediaAgent implements Agent, FrameGrid.Handler
{
    static final int MAX_DATAGRAM = 2048;
    static final int COMMAND_LIMIT = 256;
    static final int DRAIN_LIMIT = 1024;
    /** A round this late (against the tick it parked for) reads every socket's backlog, not one datagram. */
    static final long CATCH_UP_NS = RtpSession.FRAME_NS / 2;

    final NanoClock clock;
    final long rtpTimeoutNs;
    final int idleKeepaliveFrames;
    final ErrorHandler errorHandler;
    final RtpLatching latching;
    final ByteBuffer rxByteBuffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    final UnsafeBuffer rxBuffer = new UnsafeBuffer(rxByteBuffer);
    final ByteBuffer txByteBuffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    final UnsafeBuffer txBuffer = new UnsafeBuffer(txByteBuffer);
    final RtpPacket rtp = new RtpPacket();
    final byte[] scratch = new byte[RtpSession.SAMPLES_PER_FRAME];
    final int[] mixSum = new int[RtpSession.SAMPLES_PER_FRAME];
    final ManyToManyConcurrentArrayQueue<RtpPort> freePorts;
    long nowNs;

    private final Selector selector;
    private final ManyToOneConcurrentLinkedQueue<Runnable> commands = new ManyToOneConcurrentLinkedQueue<>();
    private final Long2ObjectHashMap<RtpSession> sessionsById = new Long2ObjectHashMap<>();
    private final ArrayList<RtpPort> ports = new ArrayList<>();
    private final AtomicLong skippedFrames = new AtomicLong();
    private final AtomicLong foreignPackets = new AtomicLong();
    private final AtomicLong wakeUps = new AtomicLong();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final FrameGrid grid;
    private final Consumer<SelectionKey> onSelectedKey = this::onSelectedKey;
    private boolean timedWake;
    private long wakeDueNs;
    private int receiveBatch = 1;
    private volatile Thread thread;
    private volatile boolean closing;

    MediaAgent(
        final NanoClock clock,
        final long rtpTimeoutNs,
        final long tickNs,
        final int idleKeepaliveFrames,
        final int portCapacity,
        final Selector selector,
        final ErrorHandler errorHandler,
        final RtpLatching latching)
    {
        this.latching = latching;
        this.clock = clock;
        this.errorHandler = errorHandler;
        this.rtpTimeoutNs = rtpTimeoutNs;
        this.idleKeepaliveFrames = idleKeepaliveFrames;
        this.selector = selector;
        this.freePorts = new ManyToManyConcurrentArrayQueue<>(Math.max(2, portCapacity));
        this.nowNs = clock.nanoTime();
        this.grid = new FrameGrid(RtpSession.FRAME_NS, tickNs, nowNs, this);
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "media";
    }

    /**
     * {@inheritDoc}
     */
    public void onStart()
    {
        thread = Thread.currentThread();
    }

    /**
     * One round: commands, ready sockets, due frames, then a park until the next tick (see the class comment).
     * <p>
     * {@inheritDoc}
     */
    public int doWork() throws IOException
    {
        nowNs = clock.nanoTime();
        receiveBatch = timedWake && nowNs - wakeDueNs > CATCH_UP_NS ? RtpSession.RECEIVE_BATCH : 1;
        int workCount = drainCommands();
        workCount += selector.selectNow(onSelectedKey);
        nowNs = clock.nanoTime();
        workCount += grid.poll(nowNs);
        park();
        return workCount;
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        final ArrayList<RtpSession> sessions = new ArrayList<>(sessionsById.values());
        for (final RtpSession session : sessions)
        {
            session.close(false);
        }
        Runnable command;
        while (null != (command = commands.poll()))
        {
            if (command instanceof RtpSession.Registration)
            {
                CloseHelper.quietClose(((RtpSession.Registration)command).session().channel);
            }
        }
        for (final RtpPort port : ports)
        {
            CloseHelper.quietClose(port.channel);
        }
        RtpPort port;
        while (null != (port = freePorts.poll()))
        {
            CloseHelper.quietClose(port.channel);
        }
        CloseHelper.quietClose(selector);
    }

    /**
     * Queues a command for the media thread and wakes it if it sleeps. Any thread.
     *
     * @param command runs on the media thread.
     */
    void offer(final Runnable command)
    {
        commands.offer(command);
        if (sleeping.get() && sleeping.compareAndSet(true, false))
        {
            LockSupport.unpark(thread);
        }
    }

    /**
     * The engine closes: stop parking, so the runner sees that it should stop at once. Any thread.
     */
    void wakeToClose()
    {
        closing = true;
        final Thread agentThread = thread;
        if (null != agentThread)
        {
            LockSupport.unpark(agentThread);
        }
    }

    void register(final RtpSession session) throws IOException
    {
        final RtpPort port = session.port;
        final SelectionKey key = port.key;
        if (null != key && key.selector() == selector && key.isValid())
        {
            key.attach(session);
        }
        else
        {
            if (null != key)
            {
                key.cancel();
            }
            try
            {
                port.key = port.channel.register(selector, SelectionKey.OP_READ, session);
            }
            catch (final CancelledKeyException ex)
            {
                throw new IOException("port " + port + " still registered with a cancelled key", ex);
            }
            ports.add(port);
        }
        session.key = port.key;
        sessionsById.put(session.id, session);
    }

    void deregister(final RtpSession session)
    {
        cancelTimer(session);
        sessionsById.remove(session.id);
    }

    /**
     * A closed session's port goes back to the free queue: detached from the session, emptied of what its far end
     * sent (the next session starts with an empty socket; what comes later is read and dropped while it is free).
     */
    void releasePort(final RtpSession session)
    {
        final RtpPort port = session.port;
        if (null != port.key)
        {
            port.key.attach(null);
        }
        if (!port.channel.isOpen())
        {
            return;
        }
        port.drain(DRAIN_LIMIT);
        port.freedAtNs = System.nanoTime();
        if (closing || !freePorts.offer(port))
        {
            CloseHelper.quietClose(port.channel);
        }
    }

    /**
     * Frames whose send time had passed by more than the late limit when this thread got to them (it was starved of
     * CPU or blocked): their audio was not sent, prompts stretch. Written by this agent's thread only.
     *
     * @param frames frames skipped.
     */
    void onFramesSkipped(final long frames)
    {
        skippedFrames.lazySet(skippedFrames.get() + frames);
    }

    long skippedFrames()
    {
        return skippedFrames.get();
    }

    /**
     * A packet dropped because it was not from its session's far end (source or SSRC). Written by this agent's
     * thread only.
     */
    void onForeignPacket()
    {
        foreignPackets.lazySet(foreignPackets.get() + 1);
    }

    long foreignPackets()
    {
        return foreignPackets.get();
    }

    /**
     * Times the thread woke from a park; written by this agent's thread only.
     *
     * @return wake-ups so far.
     */
    long wakeUps()
    {
        return wakeUps.get();
    }

    int sessionCount()
    {
        return sessionsById.size();
    }

    /**
     * Sends the session's first frame in this round (on the due list), then every 20 ms from then on.
     */
    void scheduleTimer(final RtpSession session)
    {
        if (FrameGrid.NOT_SCHEDULED == session.gridSlot)
        {
            grid.addDue(session);
        }
    }

    void cancelTimer(final RtpSession session)
    {
        grid.remove(session);
    }

    /**
     * {@inheritDoc}
     */
    public void onFrameDue(final FrameGrid.Entry entry, final long nowNs)
    {
        final RtpSession session = (RtpSession)entry;
        if (session.closed)
        {
            grid.remove(session);
            return;
        }
        do
        {
            session.onFrameTimer(nowNs);
        }
        while (!session.closed && session.nextDeadlineNs <= nowNs);
    }

    private void park()
    {
        if (closing || !commands.isEmpty() || grid.hasDue())
        {
            return;
        }
        final boolean timed = grid.size() > 0 || !sessionsById.isEmpty();
        final long parkNs = grid.nextTickNs() - clock.nanoTime();
        if (timed && parkNs <= 0)
        {
            return;
        }
        timedWake = timed;
        wakeDueNs = grid.nextTickNs();
        sleeping.set(true);
        if (commands.isEmpty() && !closing)
        {
            if (timed)
            {
                LockSupport.parkNanos(this, parkNs);
            }
            else
            {
                LockSupport.park(this);
            }
            wakeUps.lazySet(wakeUps.get() + 1);
        }
        sleeping.set(false);
    }

    private int drainCommands()
    {
        int count = 0;
        Runnable command;
        while (count < COMMAND_LIMIT && null != (command = commands.poll()))
        {
            command.run();
            count++;
        }
        return count;
    }

    private void onSelectedKey(final SelectionKey key)
    {
        if (key.isValid())
        {
            final Object attachment = key.attachment();
            if (attachment instanceof RtpSession)
            {
                ((RtpSession)attachment).onReadable(receiveBatch);
            }
            else
            {
                drainOne((DatagramChannel)key.channel());
            }
        }
    }

    private void drainOne(final DatagramChannel channel)
    {
        rxByteBuffer.clear();
        try
        {
            channel.receive(rxByteBuffer);
        }
        catch (final IOException ignore)
        {
            // a free port: nothing to tell
        }
    }
}
