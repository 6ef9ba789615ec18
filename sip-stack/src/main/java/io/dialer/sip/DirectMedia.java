/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The SIP edge of a media release after the bridge ({@link CallLeg#releaseMedia}): carries out the commands of its
 * {@link MediaRelease} on the two legs and feeds it their answers. The release runs on the caller's stack's timer
 * thread, one event at a time: the legs' answers (reported under a leg's lock) and the step timer are handed to that
 * thread, so the release never holds one leg's lock while it takes the other's.
 */
final class DirectMedia implements MediaRelease.Commands
{
    private static final Logger LOGGER = LoggerFactory.getLogger(DirectMedia.class);

    private final CallLeg caller;
    private final CallLeg closer;
    private final MediaReleaseListener listener;
    private final ScheduledExecutorService thread;
    private final MediaRelease release;
    private ScheduledFuture<?> timer;

    DirectMedia(
        final CallLeg caller, final CallLeg closer, final MediaReleaseListener listener, final long stepTimeoutMs)
    {
        this.caller = caller;
        this.closer = closer;
        this.listener = listener;
        this.thread = caller.sip.timer;
        this.release = new MediaRelease(this, stepTimeoutMs);
    }

    /**
     * Starts the release on the timer thread.
     */
    void start()
    {
        run(() -> release.start(caller.codec() == closer.codec() && null != caller.codec(), nowMs()));
    }

    /**
     * A leg's final answer to our re-INVITE, under that leg's lock.
     */
    void onAnswer(final CallLeg leg, final int status)
    {
        if (leg == caller)
        {
            run(() -> release.onCallerAnswer(status, nowMs()));
        }
        else
        {
            run(() -> release.onCloserAnswer(status, nowMs()));
        }
    }

    /**
     * One of the legs ended, under its lock.
     */
    void onLegEnded()
    {
        run(() -> release.onLegEnded(nowMs()));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // MediaRelease.Commands, on the timer thread

    public void offerCallerTheCloser()
    {
        final Sdp.Description closerMedia = remote(closer);
        offer(caller, null == closerMedia ? null : offerSdp(caller, closerMedia));
    }

    public void offerCloserTheCaller()
    {
        final Sdp.Description callerMedia = remote(caller);
        offer(closer, null == callerMedia ? null : offerSdp(closer, callerMedia));
    }

    public void restoreCaller()
    {
        offer(caller, ownSdp(caller));
    }

    public void restoreCloser()
    {
        offer(closer, ownSdp(closer));
    }

    public void releaseMedia()
    {
        for (final CallLeg leg : new CallLeg[]{caller, closer})
        {
            synchronized (leg.lock)
            {
                leg.mediaControl.release();
            }
        }
    }

    public void startTimer(final long deadlineMs)
    {
        cancelTimer();
        try
        {
            timer = thread.schedule(
                () -> release.onTimer(nowMs()), Math.max(0, deadlineMs - nowMs()), TimeUnit.MILLISECONDS);
        }
        catch (final RejectedExecutionException ex)
        {
            LOGGER.debug("media release timer not armed: the stack is closing");
        }
    }

    public void cancelTimer()
    {
        if (null != timer)
        {
            timer.cancel(false);
            timer = null;
        }
    }

    public void done(final ReleaseOutcome outcome, final int sipStatus)
    {
        caller.directMedia = null;
        closer.directMedia = null;
        LOGGER.debug("media of {} and {}: {} ({})", caller.callId(), closer.callId(), outcome, sipStatus);
        try
        {
            listener.onMediaRelease(caller, closer, outcome, sipStatus);
        }
        catch (final RuntimeException ex)
        {
            LOGGER.warn("media release listener failed: {}", ex.toString());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static Sdp.Description remote(final CallLeg leg)
    {
        synchronized (leg.lock)
        {
            return leg.mediaControl.remoteDescription();
        }
    }

    private static String offerSdp(final CallLeg leg, final Sdp.Description other)
    {
        synchronized (leg.lock)
        {
            return leg.mediaControl.releaseOfferSdp(other);
        }
    }

    private static String ownSdp(final CallLeg leg)
    {
        synchronized (leg.lock)
        {
            return null == leg.media() || leg.mediaControl.released() ? null : leg.mediaControl.reinviteOfferSdp(false);
        }
    }

    /**
     * Sends the offer; when it cannot be sent the release hears a refusal at once (491: a re-INVITE is pending, or
     * the leg is not answered any more).
     */
    private void offer(final CallLeg leg, final String sdp)
    {
        final boolean sent;
        synchronized (leg.lock)
        {
            sent = null != sdp && leg.inDialog.sendMediaOffer(sdp, this);
        }
        if (!sent)
        {
            onAnswer(leg, 491);
        }
    }

    private void run(final Runnable event)
    {
        try
        {
            thread.execute(event);
        }
        catch (final RejectedExecutionException ex)
        {
            LOGGER.debug("media release event dropped: the stack is closing");
        }
    }

    private static long nowMs()
    {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }
}
