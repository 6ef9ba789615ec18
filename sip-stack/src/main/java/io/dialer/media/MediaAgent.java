/*
 * Dialer media.
 */
package io.dialer.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.agrona.CloseHelper;
import org.agrona.DeadlineTimerWheel;
import org.agrona.ErrorHandler;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The media thread: owns every session's state (single writer), drains the command queue, reads the sockets that
 * are ready (selector), and runs each connected session's 20 ms frame timer on a timer wheel, so an idle session
 * costs nothing but its timer.
 */
final class MediaAgent implements Agent, DeadlineTimerWheel.TimerHandler
{
    static final int MAX_DATAGRAM = 2048;
    static final int COMMAND_LIMIT = 256;
    static final int EXPIRY_LIMIT = 1024;
    static final long TICK_RESOLUTION_NS = 1L << 20;
    static final int TICKS_PER_WHEEL = 64;

    final NanoClock clock;
    final long rtpTimeoutNs;
    final ErrorHandler errorHandler;
    final RtpLatching latching;
    final ByteBuffer rxByteBuffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    final UnsafeBuffer rxBuffer = new UnsafeBuffer(rxByteBuffer);
    final ByteBuffer txByteBuffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    final UnsafeBuffer txBuffer = new UnsafeBuffer(txByteBuffer);
    final RtpPacket rtp = new RtpPacket();
    final byte[] scratch = new byte[RtpSession.SAMPLES_PER_FRAME];
    final int[] mixSum = new int[RtpSession.SAMPLES_PER_FRAME];
    long nowNs;

    private final Selector selector;
    private final ManyToOneConcurrentLinkedQueue<Runnable> commands = new ManyToOneConcurrentLinkedQueue<>();
    private final Long2ObjectHashMap<RtpSession> sessionsById = new Long2ObjectHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong skippedFrames = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong foreignPackets = new java.util.concurrent.atomic.AtomicLong();
    private final Long2ObjectHashMap<RtpSession> sessionsByTimerId = new Long2ObjectHashMap<>();
    private final DeadlineTimerWheel timerWheel;
    private final Consumer<SelectionKey> onSelectedKey = this::onSelectedKey;

    MediaAgent(
        final NanoClock clock,
        final long rtpTimeoutNs,
        final Selector selector,
        final ErrorHandler errorHandler,
        final RtpLatching latching)
    {
        this.latching = latching;
        this.clock = clock;
        this.errorHandler = errorHandler;
        this.rtpTimeoutNs = rtpTimeoutNs;
        this.selector = selector;
        this.nowNs = clock.nanoTime();
        this.timerWheel = new DeadlineTimerWheel(TimeUnit.NANOSECONDS, nowNs, TICK_RESOLUTION_NS, TICKS_PER_WHEEL);
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
    public int doWork() throws IOException
    {
        nowNs = clock.nanoTime();
        int workCount = drainCommands();
        workCount += selector.selectNow(onSelectedKey);
        nowNs = clock.nanoTime();
        workCount += pollTimers();
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
        CloseHelper.quietClose(selector);
    }

    void offer(final Runnable command)
    {
        commands.offer(command);
    }

    void register(final RtpSession session) throws IOException
    {
        session.key = session.channel.register(selector, SelectionKey.OP_READ, session);
        sessionsById.put(session.id, session);
    }

    void deregister(final RtpSession session)
    {
        cancelTimer(session);
        sessionsById.remove(session.id);
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

    int sessionCount()
    {
        return sessionsById.size();
    }

    void scheduleTimer(final RtpSession session)
    {
        final long timerId = timerWheel.scheduleTimer(session.nextDeadlineNs);
        session.timerId = timerId;
        sessionsByTimerId.put(timerId, session);
    }

    void cancelTimer(final RtpSession session)
    {
        if (DeadlineTimerWheel.NULL_DEADLINE != session.timerId)
        {
            timerWheel.cancelTimer(session.timerId);
            sessionsByTimerId.remove(session.timerId);
            session.timerId = DeadlineTimerWheel.NULL_DEADLINE;
        }
    }

    /**
     * {@inheritDoc}
     */
    public boolean onTimerExpiry(final TimeUnit timeUnit, final long now, final long timerId)
    {
        final RtpSession session = sessionsByTimerId.remove(timerId);
        if (null != session)
        {
            session.timerId = DeadlineTimerWheel.NULL_DEADLINE;
            if (!session.closed)
            {
                session.onFrameTimer(now);
                if (!session.closed && DeadlineTimerWheel.NULL_DEADLINE == session.timerId)
                {
                    scheduleTimer(session);
                }
            }
        }
        return true;
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

    private int pollTimers()
    {
        int expired = 0;
        do
        {
            expired += timerWheel.poll(nowNs, this, EXPIRY_LIMIT);
        }
        while (nowNs >= timerWheel.currentTickTime());
        return expired;
    }

    private void onSelectedKey(final SelectionKey key)
    {
        if (key.isValid())
        {
            ((RtpSession)key.attachment()).onReadable();
        }
    }
}
