/*
 * Dialer SIPp interop.
 */
package io.dialer.sip.sipp;

import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.sip.CallLeg;
import io.dialer.sip.CallListener;
import io.dialer.sip.DtmfSource;
import io.dialer.sip.EndCause;
import io.dialer.sip.FailureCause;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CallListener} that queues every event, so a test waits for the next one with a timeout instead of
 * sleeping; the callbacks return at once as the stack requires.
 */
public final class CallEvents implements CallListener
{
    /**
     * Kinds of event.
     */
    public enum Type
    {
        /** {@link CallListener#onRinging}. */
        RINGING,
        /** {@link CallListener#onAnswered}. */
        ANSWERED,
        /** {@link CallListener#onFailed}. */
        FAILED,
        /** {@link CallListener#onEnded}. */
        ENDED,
        /** {@link CallListener#onDtmf}. */
        DTMF,
        /** {@link CallListener#onPlaybackFinished}. */
        PLAYBACK_FINISHED,
        /** {@link CallListener#onReinvited}. */
        REINVITED,
        /** {@link CallListener#onVerdict}. */
        VERDICT
    }

    /**
     * One event, with the fields its kind carries.
     *
     * @param type      kind.
     * @param leg       the leg.
     * @param failure   failure cause (FAILED).
     * @param sipStatus final status (FAILED).
     * @param reason    reason phrase (FAILED).
     * @param endCause  end cause (ENDED).
     * @param digit     key (DTMF).
     * @param source    key source (DTMF).
     * @param verdict   the detector's verdict (VERDICT).
     * @param cause     why (VERDICT).
     * @param atMs      position from the answer (VERDICT).
     */
    public record Event(
        Type type,
        CallLeg leg,
        FailureCause failure,
        int sipStatus,
        String reason,
        EndCause endCause,
        char digit,
        DtmfSource source,
        Verdict verdict,
        Cause cause,
        int atMs)
    {
        Event(
            final Type type,
            final CallLeg leg,
            final FailureCause failure,
            final int sipStatus,
            final String reason,
            final EndCause endCause,
            final char digit,
            final DtmfSource source)
        {
            this(type, leg, failure, sipStatus, reason, endCause, digit, source, null, null, -1);
        }
    }

    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();

    /**
     * {@inheritDoc}
     */
    @Override
    public void onRinging(final CallLeg leg, final boolean earlyMedia)
    {
        queue.add(new Event(Type.RINGING, leg, null, 0, null, null, '\0', null));
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onAnswered(final CallLeg leg)
    {
        queue.add(new Event(Type.ANSWERED, leg, null, 0, null, null, '\0', null));
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onFailed(final CallLeg leg, final FailureCause cause, final int sipStatus, final String reason)
    {
        queue.add(new Event(Type.FAILED, leg, cause, sipStatus, reason, null, '\0', null));
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onEnded(final CallLeg leg, final EndCause cause)
    {
        queue.add(new Event(Type.ENDED, leg, null, 0, null, cause, '\0', null));
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onDtmf(final CallLeg leg, final char digit, final DtmfSource source)
    {
        queue.add(new Event(Type.DTMF, leg, null, 0, null, null, digit, source));
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onPlaybackFinished(final CallLeg leg, final long playbackId, final boolean interrupted)
    {
        queue.add(new Event(Type.PLAYBACK_FINISHED, leg, null, 0, null, null, '\0', null));
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onReinvited(final CallLeg leg, final boolean held)
    {
        queue.add(new Event(Type.REINVITED, leg, null, 0, null, null, '\0', null));
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onVerdict(
        final CallLeg leg, final Verdict verdict, final Cause cause, final float confidence, final int positionMs)
    {
        queue.add(new Event(Type.VERDICT, leg, null, 0, null, null, '\0', null, verdict, cause, positionMs));
    }

    /**
     * Events not yet taken by {@link #await}, without waiting.
     *
     * @return the events queued now, oldest first; they stay queued.
     */
    public List<Event> pending()
    {
        return new ArrayList<>(queue);
    }

    /**
     * Waits for the next event of a kind, skipping (and remembering) others.
     *
     * @param type          the kind.
     * @param timeoutMillis how long.
     * @return the event.
     * @throws InterruptedException when interrupted.
     * @throws AssertionError       when none came in time.
     */
    public Event await(final Type type, final long timeoutMillis) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true)
        {
            final long left = deadline - System.nanoTime();
            final Event event = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (null == event)
            {
                throw new AssertionError("no " + type + " within " + timeoutMillis + " ms; seen " + seen);
            }
            seen.add(event);
            if (event.type() == type)
            {
                return event;
            }
        }
    }

    /**
     * Events taken so far by {@link #await}.
     *
     * @return the events, oldest first.
     */
    public List<Event> seen()
    {
        return seen;
    }
}
