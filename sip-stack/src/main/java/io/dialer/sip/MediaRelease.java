/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

/**
 * The decision part of a media release after the bridge (third-party call control, RFC 3725): which leg is
 * re-INVITEd with whose media, when to give up and how to come back to the dialer's bridge. A pure state machine:
 * events in with the time, commands out through {@link Commands}; no SIP, no clock, no locks, one thread at a time.
 * {@link DirectMedia} carries the commands out on the two legs.
 * <pre>
 * IDLE --start, same codec--> MOVING_CALLER (the caller is offered the closer's media)
 * IDLE --start, codecs differ--> ANCHORED (CODECS_DIFFER)
 * MOVING_CALLER --caller 2xx--> MOVING_CLOSER (the closer is offered the caller's media from its answer)
 * MOVING_CALLER --caller refuses / no answer in time--> ANCHORED (CALLER_REFUSED; nothing moved)
 * MOVING_CLOSER --closer 2xx--> RELEASED (the dialer's media of both legs is closed)
 * MOVING_CLOSER --closer refuses / no answer in time--> RESTORING_CALLER (the caller is offered the dialer's media)
 * RESTORING_CALLER --caller 2xx--> ANCHORED (CLOSER_REFUSED);  --refuses / no answer--> ANCHORED (RESTORE_FAILED)
 * MOVING_*, RESTORING_CALLER --a leg ended--> ENDED
 * </pre>
 * A re-INVITE given up for lack of an answer may still be answered 2xx later: that leg moved after all, so it is
 * re-INVITEd back to the dialer's media ({@link Commands#restoreCaller()}, {@link Commands#restoreCloser()}).
 * {@link Commands#done} is the one report, exactly once per start, when the release is over.
 */
final class MediaRelease
{
    /** How long a leg gets to answer one re-INVITE before the release falls back, by default. */
    static final long STEP_TIMEOUT_MS_DEFAULT = 4_000;

    /**
     * Where a release is.
     */
    enum State
    {
        /** Not started. */
        IDLE,
        /** The caller is re-INVITEd with the closer's media. */
        MOVING_CALLER,
        /** The caller moved; the closer is re-INVITEd with the caller's media. */
        MOVING_CLOSER,
        /** The closer refused: the caller is re-INVITEd back to the dialer's media. */
        RESTORING_CALLER,
        /** Terminal: caller and closer send RTP to each other. */
        RELEASED,
        /** Terminal: the dialer's bridge carries the audio. */
        ANCHORED,
        /** Terminal: a leg ended during the release. */
        ENDED;

        boolean terminal()
        {
            return this == RELEASED || this == ANCHORED || this == ENDED;
        }
    }

    /**
     * What the release asks the SIP edge to do.
     */
    interface Commands
    {
        /** Re-INVITE the caller with the closer's media (the closer's answer: its address, the common codec). */
        void offerCallerTheCloser();

        /** Re-INVITE the closer with the caller's media (the caller's answer to the previous re-INVITE). */
        void offerCloserTheCaller();

        /** Re-INVITE the caller with the dialer's own media again. */
        void restoreCaller();

        /** Re-INVITE the closer with the dialer's own media again (it moved after its re-INVITE was given up). */
        void restoreCloser();

        /** Close the dialer's media of both legs: no RTP, no detection, no recording of the pair any more. */
        void releaseMedia();

        /**
         * Arm the step timer (replacing an armed one); report {@link MediaRelease#onTimer} at the deadline.
         *
         * @param deadlineMs when.
         */
        void startTimer(long deadlineMs);

        /** Disarm the step timer. */
        void cancelTimer();

        /**
         * The release is over; the last command of a start.
         *
         * @param outcome   how.
         * @param sipStatus the refusing status, 408 for no answer in time, 0 when none applies.
         */
        void done(ReleaseOutcome outcome, int sipStatus);
    }

    private final Commands out;
    private final long stepTimeoutMs;
    private State state = State.IDLE;
    private long deadlineMs;
    private boolean timerArmed;
    private boolean callerOfferPending;
    private boolean closerOfferPending;
    private int closerStatus;

    /**
     * @param out           where the commands go.
     * @param stepTimeoutMs how long a leg gets to answer one re-INVITE.
     */
    MediaRelease(final Commands out, final long stepTimeoutMs)
    {
        if (stepTimeoutMs <= 0)
        {
            throw new IllegalArgumentException("step timeout must be positive: " + stepTimeoutMs);
        }
        this.out = out;
        this.stepTimeoutMs = stepTimeoutMs;
    }

    State state()
    {
        return state;
    }

    /**
     * The bridge is up: release its media.
     *
     * @param sameCodec whether both legs negotiated the same codec (else the dialer must keep transcoding).
     * @param nowMs     now.
     */
    void start(final boolean sameCodec, final long nowMs)
    {
        if (State.IDLE != state)
        {
            return;
        }
        if (!sameCodec)
        {
            finish(State.ANCHORED, ReleaseOutcome.CODECS_DIFFER, 0);
            return;
        }
        state = State.MOVING_CALLER;
        callerOfferPending = true;
        arm(nowMs);
        out.offerCallerTheCloser();
    }

    /**
     * The caller's final answer to our latest re-INVITE.
     *
     * @param status the SIP status; 408 when JAIN-SIP gave up, 0 when it could not be sent.
     * @param nowMs  now.
     */
    void onCallerAnswer(final int status, final long nowMs)
    {
        final boolean ok = ok(status);
        switch (state)
        {
            case MOVING_CALLER ->
            {
                callerOfferPending = false;
                if (ok)
                {
                    state = State.MOVING_CLOSER;
                    closerOfferPending = true;
                    arm(nowMs);
                    out.offerCloserTheCaller();
                }
                else
                {
                    finish(State.ANCHORED, ReleaseOutcome.CALLER_REFUSED, status);
                }
            }
            case RESTORING_CALLER ->
            {
                if (ok)
                {
                    finish(State.ANCHORED, ReleaseOutcome.CLOSER_REFUSED, closerStatus);
                }
                else
                {
                    finish(State.ANCHORED, ReleaseOutcome.RESTORE_FAILED, status);
                }
            }
            case ANCHORED ->
            {
                if (callerOfferPending)
                {
                    callerOfferPending = false;
                    if (ok)
                    {
                        out.restoreCaller(); // given up, but it moved after all
                    }
                }
            }
            default ->
            {
            }
        }
    }

    /**
     * The closer's final answer to our latest re-INVITE.
     *
     * @param status the SIP status; 408 when JAIN-SIP gave up, 0 when it could not be sent.
     * @param nowMs  now.
     */
    void onCloserAnswer(final int status, final long nowMs)
    {
        final boolean ok = ok(status);
        if (State.MOVING_CLOSER == state)
        {
            closerOfferPending = false;
            if (ok)
            {
                finish(State.RELEASED, ReleaseOutcome.RELEASED, 0);
            }
            else
            {
                restore(status, nowMs);
            }
        }
        else if ((State.RESTORING_CALLER == state || State.ANCHORED == state) && closerOfferPending)
        {
            closerOfferPending = false;
            if (ok)
            {
                out.restoreCloser(); // given up, but it moved after all
            }
        }
    }

    /**
     * The step timer fired; acted on only when armed and due.
     *
     * @param nowMs now.
     */
    void onTimer(final long nowMs)
    {
        if (!timerArmed || nowMs < deadlineMs)
        {
            return;
        }
        timerArmed = false;
        switch (state)
        {
            case MOVING_CALLER -> finish(State.ANCHORED, ReleaseOutcome.CALLER_REFUSED, 408);
            case MOVING_CLOSER -> restore(408, nowMs);
            case RESTORING_CALLER -> finish(State.ANCHORED, ReleaseOutcome.RESTORE_FAILED, 408);
            default ->
            {
            }
        }
    }

    /**
     * One of the two legs ended (BYE, lost dialog).
     *
     * @param nowMs now.
     */
    void onLegEnded(final long nowMs)
    {
        if (!state.terminal())
        {
            finish(State.ENDED, ReleaseOutcome.ENDED, 0);
        }
    }

    private void restore(final int status, final long nowMs)
    {
        closerStatus = status;
        state = State.RESTORING_CALLER;
        arm(nowMs);
        out.restoreCaller();
    }

    private void arm(final long nowMs)
    {
        deadlineMs = nowMs + stepTimeoutMs;
        timerArmed = true;
        out.startTimer(deadlineMs);
    }

    private void finish(final State to, final ReleaseOutcome outcome, final int status)
    {
        state = to;
        if (timerArmed)
        {
            timerArmed = false;
            out.cancelTimer();
        }
        if (State.RELEASED == to)
        {
            out.releaseMedia();
        }
        out.done(outcome, status);
    }

    private static boolean ok(final int status)
    {
        return status >= 200 && status < 300;
    }
}
