/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.timers.SipTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * JAIN-SIP's {@code gov.nist.javax.sip.TIMER_CLASS_NAME}: one daemon thread whose queue forgets a task the moment
 * it is cancelled. JAIN-SIP's default ({@code DefaultSipTimer}, a {@code java.util.Timer}) keeps a cancelled task
 * in its queue until the task's due time: every call's 32 s "no ACK sent" dialog task stayed queued for 32 s with
 * its dialog, transactions and messages behind it, so the live set and the queue's sift cost grew with the call
 * rate. Its {@code ScheduledExecutorSipTimer} removes a cancelled task too, but also purges the whole queue every
 * 50 cancels. Here a cancel is one O(log n) removal ({@link ScheduledThreadPoolExecutor#setRemoveOnCancelPolicy}),
 * and the one task JAIN-SIP never cancels is held weakly ({@link #NO_ACK_SENT_TASK}).
 * <p>
 * One-shot tasks of {@link #LANE_MIN_DELAY_MS} or more (each call's 32 s no-ACK task, 8 s dialog linger, 5 s Timer K
 * ...) come in a handful of fixed delays, so each delay gets a FIFO lane: its deadlines are in the order the tasks
 * came, a schedule is an append, a cancel drops the task from its entry, and one executor task per lane runs what is
 * due, at most every {@link #LANE_BATCH_MS} (JAIN-SIP counts its timers in 500 ms ticks). The executor's heap then
 * holds the short and periodic tasks only: with every call's long tasks in it (≈ 40,000 at 1,000 calls/s) its
 * sifts were the hottest methods of a load run.
 * Public only because JAIN-SIP creates it by reflection.
 */
public final class StackTimer implements SipTimer
{
    private static final Logger LOGGER = LoggerFactory.getLogger(StackTimer.class);

    /**
     * JAIN-SIP's task that deletes a client dialog whose 2xx we did not ACK within 64 × T1 (32 s). JAIN-SIP never
     * cancels it, even after the ACK, and the task holds its dialog: every call's dialog, with its transactions, SIP
     * messages and our leg, stayed reachable for 32 s (30,000 dialogs live at 1,000 calls/s). The dialog holds the
     * task in a field until it runs, so holding the task weakly here changes nothing while the dialog is reachable
     * (in JAIN-SIP's tables or ours): it only lets an ended, unreachable dialog be collected.
     */
    static final String NO_ACK_SENT_TASK = "gov.nist.javax.sip.stack.SIPDialog$DialogDeleteIfNoAckSentTask";

    /** One-shot delays from this up go to a FIFO lane per delay. */
    static final long LANE_MIN_DELAY_MS = 1_000;

    /** A lane runs its due tasks at most this often. */
    static final long LANE_BATCH_MS = 10;

    /** Lanes at most (a delay past them goes to the executor's heap). */
    static final int MAX_LANES = 32;

    private final ScheduledThreadPoolExecutor executor;
    private final ConcurrentHashMap<Long, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * Created by JAIN-SIP through its no-argument constructor.
     */
    public StackTimer()
    {
        executor = new ScheduledThreadPoolExecutor(1, (runnable) ->
        {
            final Thread thread = new Thread(runnable, "jain-sip-timer");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    /**
     * {@inheritDoc}
     */
    public void start(final SipStackImpl sipStack, final Properties configurationProperties)
    {
        executor.prestartAllCoreThreads();
    }

    /**
     * {@inheritDoc}
     */
    public void stop()
    {
        executor.shutdownNow();
    }

    /**
     * {@inheritDoc}
     */
    public boolean isStarted()
    {
        return !executor.isShutdown();
    }

    /**
     * {@inheritDoc}
     */
    public boolean schedule(final SIPStackTimerTask task, final long delayMs)
    {
        if (executor.isShutdown())
        {
            throw new IllegalStateException("the SIP stack timer has been stopped: no new task can be scheduled");
        }
        if (delayMs >= LANE_MIN_DELAY_MS)
        {
            Lane lane = lanes.get(delayMs);
            if (null == lane && lanes.size() < MAX_LANES)
            {
                lane = lanes.computeIfAbsent(delayMs, (delay) -> new Lane(delay));
            }
            if (null != lane)
            {
                lane.add(task);
                return true;
            }
        }
        task.setSipTimerTask(executor.schedule(new Run(task), delayMs, TimeUnit.MILLISECONDS));
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public boolean scheduleWithFixedDelay(final SIPStackTimerTask task, final long delayMs, final long periodMs)
    {
        if (executor.isShutdown())
        {
            throw new IllegalStateException("the SIP stack timer has been stopped: no new task can be scheduled");
        }
        task.setSipTimerTask(
            executor.scheduleWithFixedDelay(new Run(task), delayMs, periodMs, TimeUnit.MILLISECONDS));
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public boolean cancel(final SIPStackTimerTask task)
    {
        final Object future = task.getSipTimerTask();
        if (future instanceof Entry)
        {
            task.cleanUpBeforeCancel();
            task.setSipTimerTask(null);
            return ((Entry)future).cancel();
        }
        if (!(future instanceof ScheduledFuture))
        {
            return false;
        }
        task.cleanUpBeforeCancel();
        task.setSipTimerTask(null);
        return ((ScheduledFuture<?>)future).cancel(false);
    }

    /**
     * Tasks waiting (for tests: a cancelled task must not stay).
     *
     * @return tasks in the executor's queue and not cancelled tasks in the lanes.
     */
    int queued()
    {
        int queued = executor.getQueue().size();
        for (final Lane lane : lanes.values())
        {
            queued += lane.pending() - (lane.isArmed() ? 1 : 0);
        }
        return queued;
    }

    private static void run(final SIPStackTimerTask task)
    {
        try
        {
            task.runTask();
        }
        catch (final Throwable ex)
        {
            // a periodic task that throws would never run again, and JAIN-SIP's transaction timers are periodic
            LOGGER.error("JAIN-SIP timer task {} failed", task.getClass().getName(), ex);
        }
    }

    private static boolean heldWeakly(final SIPStackTimerTask task)
    {
        return NO_ACK_SENT_TASK.equals(task.getClass().getName());
    }

    /**
     * The tasks of one delay, in deadline order (the order they came: one delay, a monotonic clock).
     */
    private final class Lane implements Runnable
    {
        private final long delayNs;
        private final ArrayDeque<Entry> entries = new ArrayDeque<>();
        private final ArrayList<Entry> due = new ArrayList<>();
        private boolean armed;

        Lane(final long delayMs)
        {
            this.delayNs = TimeUnit.MILLISECONDS.toNanos(delayMs);
        }

        void add(final SIPStackTimerTask task)
        {
            final Entry entry = new Entry(task, System.nanoTime() + delayNs);
            task.setSipTimerTask(entry);
            synchronized (this)
            {
                entries.addLast(entry);
                if (!armed)
                {
                    armed = true;
                    executor.schedule(this, delayNs, TimeUnit.NANOSECONDS);
                }
            }
        }

        synchronized boolean isArmed()
        {
            return armed;
        }

        synchronized int pending()
        {
            int pending = 0;
            for (final Entry entry : entries)
            {
                pending += entry.isPending() ? 1 : 0;
            }
            return pending;
        }

        /**
         * Runs the due tasks (on the executor's thread), then arms itself for the next.
         */
        public void run()
        {
            final long nowNs = System.nanoTime();
            synchronized (this)
            {
                while (!entries.isEmpty() && entries.peekFirst().deadlineNs - nowNs <= 0)
                {
                    due.add(entries.pollFirst());
                }
                armed = !entries.isEmpty() && !executor.isShutdown();
                if (armed)
                {
                    final long waitNs = Math.max(
                        entries.peekFirst().deadlineNs - nowNs, TimeUnit.MILLISECONDS.toNanos(LANE_BATCH_MS));
                    executor.schedule(this, waitNs, TimeUnit.NANOSECONDS);
                }
            }
            for (int i = 0, size = due.size(); i < size; i++)
            {
                final SIPStackTimerTask task = due.get(i).take();
                if (null != task)
                {
                    StackTimer.run(task);
                }
            }
            due.clear();
        }
    }

    /**
     * A task in a lane: dropped (not removed) when cancelled, so the lane keeps only this small entry.
     */
    private static final class Entry
    {
        private final long deadlineNs;
        private volatile Object task;

        Entry(final SIPStackTimerTask task, final long deadlineNs)
        {
            this.deadlineNs = deadlineNs;
            this.task = heldWeakly(task) ? new WeakReference<>(task) : task;
        }

        boolean isPending()
        {
            return null != task;
        }

        boolean cancel()
        {
            final boolean pending = null != task;
            task = null;
            return pending;
        }

        SIPStackTimerTask take()
        {
            final Object held = task;
            task = null;
            if (held instanceof WeakReference)
            {
                return (SIPStackTimerTask)((WeakReference<?>)held).get();
            }
            return (SIPStackTimerTask)held;
        }
    }

    private static final class Run implements Runnable
    {
        private final SIPStackTimerTask task;
        private final WeakReference<SIPStackTimerTask> weakTask;

        Run(final SIPStackTimerTask task)
        {
            final boolean weak = heldWeakly(task);
            this.task = weak ? null : task;
            this.weakTask = weak ? new WeakReference<>(task) : null;
        }

        public void run()
        {
            final SIPStackTimerTask toRun = null != task ? task : weakTask.get();
            if (null != toRun)
            {
                StackTimer.run(toRun); // else its dialog is gone: nothing left to delete
            }
        }
    }
}
