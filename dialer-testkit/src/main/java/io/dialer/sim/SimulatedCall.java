/*
 * Dialer simulated phones.
 */
package io.dialer.sim;

import io.dialer.sip.CallLeg;
import io.dialer.sip.CallListener;
import io.dialer.sip.DtmfSource;
import io.dialer.sip.EndCause;
import io.dialer.sip.FailureCause;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What happened on one call to a {@link SimulatedCarrier} phone, for tests to wait on and assert.
 */
public final class SimulatedCall implements CallListener
{
    private final String user;
    private final CallLeg leg;
    private final PhoneScript script;
    private final AudioProbe heard = new AudioProbe();
    private final CountDownLatch answered = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final CountDownLatch reinvited = new CountDownLatch(1);
    private final LinkedBlockingQueue<Character> digits = new LinkedBlockingQueue<>();
    private final List<DtmfSource> digitSources = new ArrayList<>();
    private final List<Future<?>> tasks = new ArrayList<>();
    private volatile EndCause endCause;
    private volatile boolean challenged;
    private volatile boolean keyAfterHeardPressed;
    private volatile boolean hungUpAfterHeard;
    private final StringBuilder pressed = new StringBuilder();
    private int answersGiven;

    SimulatedCall(final String user, final CallLeg leg, final PhoneScript script)
    {
        this.user = user;
        this.leg = leg;
        this.script = script;
    }

    /**
     * User part of the Request-URI (the number dialed).
     *
     * @return the user.
     */
    public String user()
    {
        return user;
    }

    /**
     * The carrier's side of the call.
     *
     * @return the inbound leg.
     */
    public CallLeg leg()
    {
        return leg;
    }

    /**
     * The script the phone followed.
     *
     * @return the script.
     */
    public PhoneScript script()
    {
        return script;
    }

    /**
     * A header of the INVITE as the phone received it (From, P-Asserted-Identity, ...).
     *
     * @param name header name.
     * @return the value, or null.
     */
    public String header(final String name)
    {
        return leg.header(name);
    }

    /**
     * What the phone heard from the caller.
     *
     * @return the probe on the phone's received audio.
     */
    public AudioProbe heard()
    {
        return heard;
    }

    /**
     * Whether the phone challenged this INVITE (401) instead of handling it.
     *
     * @return true when challenged.
     */
    public boolean challenged()
    {
        return challenged;
    }

    /**
     * Waits for the phone to answer.
     *
     * @param timeoutMs how long.
     * @return true when answered.
     * @throws InterruptedException when interrupted.
     */
    public boolean awaitAnswered(final long timeoutMs) throws InterruptedException
    {
        return answered.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Waits for the call to end, then tells why.
     *
     * @param timeoutMs how long.
     * @return the cause ({@link EndCause#REMOTE_BYE}: the caller hung up; {@link EndCause#REMOTE_CANCEL}: the caller
     * cancelled), or null on timeout.
     * @throws InterruptedException when interrupted.
     */
    public EndCause awaitEnded(final long timeoutMs) throws InterruptedException
    {
        return ended.await(timeoutMs, TimeUnit.MILLISECONDS) ? endCause : null;
    }

    /**
     * Waits for the next DTMF digit the phone received.
     *
     * @param timeoutMs how long.
     * @return the digit, or null on timeout.
     * @throws InterruptedException when interrupted.
     */
    public Character awaitDigit(final long timeoutMs) throws InterruptedException
    {
        return digits.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Waits for the caller to re-INVITE this phone.
     *
     * @param timeoutMs how long.
     * @return true when re-INVITEd.
     * @throws InterruptedException when interrupted.
     */
    public boolean awaitReinvited(final long timeoutMs) throws InterruptedException
    {
        return reinvited.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Sources of the digits received so far, in order.
     *
     * @return the sources.
     */
    public synchronized List<DtmfSource> digitSources()
    {
        return List.copyOf(digitSources);
    }

    /**
     * The keys this phone has pressed so far, in order, however they were scripted.
     *
     * @return the keys, e.g. {@code "175201#"}.
     */
    public synchronized String pressed()
    {
        return pressed.toString();
    }

    /**
     * How many answers of {@link PhoneScript#answers()} the phone has given (all their keys sent).
     *
     * @return the count.
     */
    public synchronized int answersGiven()
    {
        return answersGiven;
    }

    /**
     * Whether the caller sent BYE.
     *
     * @return true when the caller hung up an answered call.
     */
    public boolean byeReceived()
    {
        return endCause == EndCause.REMOTE_BYE;
    }

    /**
     * Whether the caller cancelled before answer.
     *
     * @return true when CANCEL was received.
     */
    public boolean cancelReceived()
    {
        return endCause == EndCause.REMOTE_CANCEL;
    }

    /**
     * How the call ended, or null while it lasts.
     *
     * @return the cause.
     */
    public EndCause endCause()
    {
        return endCause;
    }

    /**
     * {@inheritDoc}
     */
    public void onAnswered(final CallLeg leg)
    {
        answered.countDown();
    }

    /**
     * {@inheritDoc}
     */
    public void onFailed(final CallLeg leg, final FailureCause cause, final int sipStatus, final String reason)
    {
        finished(EndCause.SIGNALLING_ERROR);
    }

    /**
     * {@inheritDoc}
     */
    public void onEnded(final CallLeg leg, final EndCause cause)
    {
        finished(cause);
    }

    /**
     * {@inheritDoc}
     */
    public void onDtmf(final CallLeg leg, final char digit, final DtmfSource source)
    {
        synchronized (this)
        {
            digitSources.add(source);
        }
        digits.add(digit);
    }

    /**
     * {@inheritDoc}
     */
    public void onReinvited(final CallLeg leg, final boolean held)
    {
        reinvited.countDown();
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "SimulatedCall{" + user + ", " + leg.state() + ", ended=" + endCause + "}";
    }

    void challenged(final boolean value)
    {
        challenged = value;
    }

    synchronized void addTask(final Future<?> task)
    {
        if (ended.getCount() == 0)
        {
            task.cancel(false);
        }
        else
        {
            tasks.add(task);
        }
    }

    boolean claimKeyAfterHeard()
    {
        synchronized (this)
        {
            if (keyAfterHeardPressed)
            {
                return false;
            }
            keyAfterHeardPressed = true;
            return true;
        }
    }

    boolean claimHangupAfterHeard()
    {
        synchronized (this)
        {
            if (hungUpAfterHeard)
            {
                return false;
            }
            hungUpAfterHeard = true;
            return true;
        }
    }

    synchronized void pressed(final char digit)
    {
        pressed.append(digit);
    }

    synchronized void answerGiven()
    {
        answersGiven++;
    }

    private void finished(final EndCause cause)
    {
        final List<Future<?>> toCancel;
        synchronized (this)
        {
            if (ended.getCount() == 0)
            {
                return;
            }
            endCause = cause;
            toCancel = List.copyOf(tasks);
            tasks.clear();
            ended.countDown();
        }
        for (final Future<?> task : toCancel)
        {
            task.cancel(false);
        }
    }
}
