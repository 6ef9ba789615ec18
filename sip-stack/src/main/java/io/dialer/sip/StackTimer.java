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
import java.util.Properties;
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

    private final ScheduledThreadPoolExecutor executor;

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
        if (!(future instanceof ScheduledFuture))
        {
            return false;
        }
        task.cleanUpBeforeCancel();
        task.setSipTimerTask(null);
        return ((ScheduledFuture<?>)future).cancel(false);
    }

    /**
     * Tasks waiting in the queue (for tests: a cancelled task must not stay).
     *
     * @return the queue's size.
     */
    int queued()
    {
        return executor.getQueue().size();
    }

    private static final class Run implements Runnable
    {
        private final SIPStackTimerTask task;
        private final WeakReference<SIPStackTimerTask> weakTask;

        Run(final SIPStackTimerTask task)
        {
            if (NO_ACK_SENT_TASK.equals(task.getClass().getName()))
            {
                this.task = null;
                this.weakTask = new WeakReference<>(task);
            }
            else
            {
                this.task = task;
                this.weakTask = null;
            }
        }

        public void run()
        {
            final SIPStackTimerTask toRun = null != task ? task : weakTask.get();
            if (null == toRun)
            {
                return; // its dialog is gone: nothing left to delete
            }
            try
            {
                toRun.runTask();
            }
            catch (final Throwable ex)
            {
                // a periodic task that throws would never run again, and JAIN-SIP's transaction timers are periodic
                LOGGER.error("JAIN-SIP timer task {} failed", toRun.getClass().getName(), ex);
            }
        }
    }
}
