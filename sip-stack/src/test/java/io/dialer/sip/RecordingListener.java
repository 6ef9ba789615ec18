/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link CallListener} that records events for tests to wait on.
 */
class RecordingListener implements CallListener
{
    static final long TIMEOUT_MS = 20_000;

    record Failure(FailureCause cause, int status, String reason)
    {
    }

    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final BlockingQueue<Boolean> ringing = new LinkedBlockingQueue<>();
    final BlockingQueue<Character> digits = new LinkedBlockingQueue<>();
    final BlockingQueue<DtmfSource> digitSources = new LinkedBlockingQueue<>();
    final BlockingQueue<Boolean> reinvites = new LinkedBlockingQueue<>();
    final CountDownLatch answered = new CountDownLatch(1);
    final BlockingQueue<Failure> failures = new LinkedBlockingQueue<>();
    final BlockingQueue<EndCause> ends = new LinkedBlockingQueue<>();
    final AtomicInteger terminalEvents = new AtomicInteger();

    public void onRinging(final CallLeg leg, final boolean earlyMedia)
    {
        events.add("ringing:" + earlyMedia);
        ringing.add(earlyMedia);
    }

    public void onAnswered(final CallLeg leg)
    {
        events.add("answered");
        answered.countDown();
    }

    public void onFailed(final CallLeg leg, final FailureCause cause, final int sipStatus, final String reason)
    {
        events.add("failed:" + cause + ":" + sipStatus);
        terminalEvents.incrementAndGet();
        failures.add(new Failure(cause, sipStatus, reason));
    }

    public void onEnded(final CallLeg leg, final EndCause cause)
    {
        events.add("ended:" + cause);
        terminalEvents.incrementAndGet();
        ends.add(cause);
    }

    public void onDtmf(final CallLeg leg, final char digit, final DtmfSource source)
    {
        events.add("dtmf:" + digit + ":" + source);
        digitSources.add(source);
        digits.add(digit);
    }

    public void onReinvited(final CallLeg leg, final boolean held)
    {
        events.add("reinvited:" + held);
        reinvites.add(held);
    }

    boolean awaitAnswered() throws InterruptedException
    {
        return answered.await(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    Failure awaitFailure() throws InterruptedException
    {
        return failures.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    EndCause awaitEnded() throws InterruptedException
    {
        return ends.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    Character awaitDigit() throws InterruptedException
    {
        return digits.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    Boolean awaitReinvite() throws InterruptedException
    {
        return reinvites.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    Boolean awaitRinging() throws InterruptedException
    {
        return ringing.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}
