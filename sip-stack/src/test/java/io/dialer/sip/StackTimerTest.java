/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import gov.nist.javax.sip.stack.SIPStackTimerTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JAIN-SIP's timer as configured by {@link SipStack}: a cancelled task leaves the queue at once, tasks and periodic
 * tasks run (a periodic one even after it threw), nothing is scheduled after a stop, and the JAIN-SIP task held
 * weakly is named exactly as in the JAIN-SIP on the class path.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StackTimerTest
{
    private final StackTimer timer = new StackTimer();

    @AfterEach
    void stop()
    {
        timer.stop();
    }

    @Test
    void shouldForgetACancelledTaskAtOnce()
    {
        timer.start(null, null);
        final Task task = new Task(() -> {});
        timer.schedule(task, TimeUnit.SECONDS.toMillis(32));
        assertEquals(1, timer.queued());

        assertTrue(timer.cancel(task));

        assertEquals(0, timer.queued(), "java.util.Timer kept it (and what it holds) for 32 s");
        assertFalse(timer.cancel(task), "a second cancel finds nothing");
    }

    @Test
    void shouldRunTasksAndKeepRepeatingAPeriodicTaskThatThrew() throws InterruptedException
    {
        timer.start(null, null);
        final CountDownLatch once = new CountDownLatch(1);
        timer.schedule(new Task(once::countDown), 1);

        final AtomicInteger runs = new AtomicInteger();
        final CountDownLatch repeated = new CountDownLatch(3);
        timer.scheduleWithFixedDelay(new Task(() ->
        {
            repeated.countDown();
            if (1 == runs.incrementAndGet())
            {
                throw new IllegalStateException("test: the first run fails");
            }
        }), 1, 1);

        assertTrue(once.await(5, TimeUnit.SECONDS));
        assertTrue(repeated.await(5, TimeUnit.SECONDS));
    }

    @Test
    void shouldRunLongTasksFromTheirLanesInOrderAndSkipCancelledOnes() throws InterruptedException
    {
        timer.start(null, null);
        final StringBuffer order = new StringBuffer();
        final CountDownLatch done = new CountDownLatch(1);
        final Task first = new Task(() -> order.append('1'));
        final Task cancelled = new Task(() -> order.append('x'));
        final Task last = new Task(() ->
        {
            order.append('3');
            done.countDown();
        });
        final Task shortOne = new Task(() -> order.append('s'));
        timer.schedule(first, StackTimer.LANE_MIN_DELAY_MS);
        timer.schedule(cancelled, StackTimer.LANE_MIN_DELAY_MS);
        timer.schedule(last, StackTimer.LANE_MIN_DELAY_MS);
        timer.schedule(shortOne, 1);
        assertEquals(4, timer.queued() + (order.length() > 0 ? 1 : 0));

        assertTrue(timer.cancel(cancelled));
        assertTrue(done.await(5, TimeUnit.SECONDS));

        assertEquals("s13", order.toString());
        assertEquals(0, timer.queued());
    }

    @Test
    void shouldRefuseTasksOnceStopped()
    {
        timer.start(null, null);
        assertTrue(timer.isStarted());

        timer.stop();

        assertFalse(timer.isStarted());
        assertThrows(IllegalStateException.class, () -> timer.schedule(new Task(() -> {}), 1));
    }

    @Test
    void shouldNameJainSipsNoAckTaskAsTheJainSipOnTheClassPath() throws ClassNotFoundException
    {
        final Class<?> type = Class.forName(StackTimer.NO_ACK_SENT_TASK);

        assertTrue(SIPStackTimerTask.class.isAssignableFrom(type), "else its dialogs linger 32 s again");
    }

    private static final class Task extends SIPStackTimerTask
    {
        private final Runnable body;

        Task(final Runnable body)
        {
            this.body = body;
        }

        public void runTask()
        {
            body.run();
        }

        public Object getThreadHash()
        {
            return null;
        }
    }
}
