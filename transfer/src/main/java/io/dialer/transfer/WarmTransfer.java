/*
 * Dialer transfer module.
 */
package io.dialer.transfer;

import static io.dialer.transfer.CloserPool.NULL_CLOSER;

/**
 * One warm transfer: caller on hold, closer dialled, private briefing, accept or reject, bridge; retries with the
 * next closer, the hold limit, and every hang-up. A deterministic state machine: events come in with their time (it
 * reads no clock), commands go out to {@link TransferCommands}; every handled event is journaled as a transition and
 * every event that does not apply is reported as ignored, never thrown. Races are decided by the order in which
 * events reach the single writer (see {@code docs/warm-transfer.md}). Reusable: {@link #start(long, int, long)}
 * again once {@link TransferState#terminal()}, or after {@link #reset()}. Allocates nothing per event.
 */
public final class WarmTransfer
{
    private static final TimerKind[] TIMER_KINDS = TimerKind.values();

    private final TransferCommands commands;
    private final long reassuranceIntervalMs;
    private final long ringTimeoutMs;
    private final long decisionTimeoutMs;
    private final long promptGuardMs;
    private final long holdLimitMs;
    private final int maxAttempts;
    private final boolean introduction;
    private final boolean callerIdPassThrough;
    private final long[] deadlines = new long[TIMER_KINDS.length];

    private int armed;
    private TransferState state = TransferState.IDLE;
    private long transferId;
    private int skill;
    private int closer = NULL_CLOSER;
    private int attempts;
    private Prompt callerPrompt;
    private Prompt closerPrompt;
    private long holdDeadlineMs;
    private TransferOutcome pendingOutcome;
    private TransferOutcome outcome;

    /**
     * A transfer state machine, idle.
     *
     * @param context  the settings; concluded here if not yet.
     * @param commands where commands and journal entries go.
     */
    public WarmTransfer(final TransferConfiguration.Context context, final TransferCommands commands)
    {
        if (!context.isConcluded())
        {
            context.conclude();
        }
        this.commands = commands;
        reassuranceIntervalMs = context.reassuranceIntervalMs();
        ringTimeoutMs = context.ringTimeoutMs();
        decisionTimeoutMs = context.decisionTimeoutMs();
        promptGuardMs = context.promptGuardMs();
        holdLimitMs = context.holdLimitMs();
        maxAttempts = context.maxAttempts();
        introduction = context.introduction();
        callerIdPassThrough = context.callerIdPassThrough();
    }

    /**
     * Back to {@link TransferState#IDLE}, forgetting the last transfer; no commands. Only for a transfer that has
     * ended or never started; an active transfer must be driven to its end first.
     *
     * @throws IllegalStateException when the transfer is active.
     */
    public void reset()
    {
        if (TransferState.IDLE != state && !state.terminal())
        {
            throw new IllegalStateException("transfer " + transferId + " is active: " + state);
        }
        state = TransferState.IDLE;
        armed = 0;
        transferId = 0;
        skill = 0;
        closer = NULL_CLOSER;
        attempts = 0;
        callerPrompt = null;
        closerPrompt = null;
        holdDeadlineMs = 0;
        pendingOutcome = null;
        outcome = null;
    }

    /**
     * Starts a transfer: the caller is put on hold (music, reassurance, hold limit) and a closer is requested.
     *
     * @param transferId the transfer id (also the caller id in the matcher).
     * @param skill      the skill id the caller needs.
     * @param nowMs      the time.
     * @throws IllegalStateException when a transfer is active.
     */
    public void start(final long transferId, final int skill, final long nowMs)
    {
        reset();
        this.transferId = transferId;
        this.skill = skill;
        transition(TransferState.WAITING_FOR_CLOSER, TransferEvent.START, nowMs);
        holdDeadlineMs = nowMs + holdLimitMs;
        callerPrompt = Prompt.HOLD_MUSIC;
        commands.playToCaller(transferId, Prompt.HOLD_MUSIC, true);
        arm(TimerKind.HOLD_LIMIT, holdDeadlineMs);
        armReassurance(nowMs);
        commands.requestCloser(transferId, skill, NULL_CLOSER);
    }

    /**
     * The matcher gave a closer (now {@link CloserState#OFFERED} to this transfer): dial it. Out of place (the
     * request was withdrawn), the closer is released at once so it is never left reserved.
     *
     * @param closer the closer index.
     * @param nowMs  the time.
     */
    public void onCloserAssigned(final int closer, final long nowMs)
    {
        if (TransferState.WAITING_FOR_CLOSER != state)
        {
            ignore(TransferEvent.CLOSER_ASSIGNED, nowMs);
            if (closer != this.closer)
            {
                commands.releaseCloser(transferId, closer);
            }
            return;
        }
        attempts++;
        this.closer = closer;
        transition(TransferState.DIALING_CLOSER, TransferEvent.CLOSER_ASSIGNED, nowMs);
        arm(TimerKind.RING_TIMEOUT, nowMs + ringTimeoutMs);
        commands.dialCloser(transferId, closer, callerIdPassThrough);
    }

    /**
     * The matcher refused the request (queue full, unknown skill): the caller is returned.
     *
     * @param nowMs the time.
     */
    public void onNoCloser(final long nowMs)
    {
        if (TransferState.WAITING_FOR_CLOSER != state)
        {
            ignore(TransferEvent.NO_CLOSER, nowMs);
            return;
        }
        transition(TransferState.RETURNED_TO_CALLER, TransferEvent.NO_CLOSER, nowMs);
        returnCaller(TransferOutcome.NO_CLOSER);
        end(TransferOutcome.NO_CLOSER);
    }

    /**
     * The closer's phone rings.
     *
     * @param closer the closer index.
     * @param nowMs  the time.
     */
    public void onCloserRinging(final int closer, final long nowMs)
    {
        if (closer != this.closer || TransferState.DIALING_CLOSER != state)
        {
            ignore(TransferEvent.CLOSER_RINGING, nowMs);
            return;
        }
        transition(TransferState.CLOSER_RINGING, TransferEvent.CLOSER_RINGING, nowMs);
    }

    /**
     * The closer answered: the private briefing starts. An answer from a closer leg that is no longer this
     * transfer's (cancelled, timed out, transfer over) is hung up at once.
     *
     * @param closer the closer index.
     * @param nowMs  the time.
     */
    public void onCloserAnswered(final int closer, final long nowMs)
    {
        if (closer != this.closer || !isDialing())
        {
            ignore(TransferEvent.CLOSER_ANSWERED, nowMs);
            if (closer != this.closer)
            {
                commands.hangUpCloser(transferId, closer);
            }
            return;
        }
        transition(TransferState.BRIEFING, TransferEvent.CLOSER_ANSWERED, nowMs);
        disarm(TimerKind.RING_TIMEOUT);
        closerPrompt = Prompt.BRIEFING;
        commands.playToCloser(transferId, closer, Prompt.BRIEFING);
    }

    /**
     * The closer is busy.
     *
     * @param closer the closer index.
     * @param nowMs  the time.
     */
    public void onCloserBusy(final int closer, final long nowMs)
    {
        onCloserLegEnded(TransferEvent.CLOSER_BUSY, closer, nowMs);
    }

    /**
     * The closer leg failed.
     *
     * @param closer    the closer index.
     * @param sipStatus the final SIP status (journaled by the dialer; any failure is handled alike).
     * @param nowMs     the time.
     */
    public void onCloserFailed(final int closer, final int sipStatus, final long nowMs)
    {
        onCloserLegEnded(TransferEvent.CLOSER_FAILED, closer, nowMs);
    }

    /**
     * The closer hung up.
     *
     * @param closer the closer index.
     * @param nowMs  the time.
     */
    public void onCloserHungUp(final int closer, final long nowMs)
    {
        onCloserLegEnded(TransferEvent.CLOSER_HUNG_UP, closer, nowMs);
    }

    /**
     * The closer pressed a key: 1 accepts, 9 rejects, at once, even during the briefing prompt (barge-in); other keys
     * are ignored.
     *
     * @param closer the closer index.
     * @param digit  the DTMF digit.
     * @param nowMs  the time.
     */
    public void onCloserKey(final int closer, final char digit, final long nowMs)
    {
        final TransferEvent event = '1' == digit ? TransferEvent.KEY_ACCEPT :
            '9' == digit ? TransferEvent.KEY_REJECT : TransferEvent.KEY_OTHER;
        if (closer != this.closer || !isDeciding() || TransferEvent.KEY_OTHER == event)
        {
            ignore(event, nowMs);
            return;
        }
        decide(event, nowMs);
    }

    /**
     * The closer accepted on the console (same as key 1).
     *
     * @param nowMs the time.
     */
    public void onConsoleAccept(final long nowMs)
    {
        if (!isDeciding())
        {
            ignore(TransferEvent.CONSOLE_ACCEPT, nowMs);
            return;
        }
        decide(TransferEvent.CONSOLE_ACCEPT, nowMs);
    }

    /**
     * The closer rejected on the console (same as key 9).
     *
     * @param nowMs the time.
     */
    public void onConsoleReject(final long nowMs)
    {
        if (!isDeciding())
        {
            ignore(TransferEvent.CONSOLE_REJECT, nowMs);
            return;
        }
        decide(TransferEvent.CONSOLE_REJECT, nowMs);
    }

    /**
     * A prompt played to the caller finished.
     *
     * @param prompt the prompt.
     * @param nowMs  the time.
     */
    public void onCallerPromptFinished(final Prompt prompt, final long nowMs)
    {
        if (prompt != callerPrompt)
        {
            ignore(TransferEvent.CALLER_PROMPT_FINISHED, nowMs);
        }
        else if (Prompt.REASSURANCE == prompt && state.callerOnHold())
        {
            transition(state, TransferEvent.CALLER_PROMPT_FINISHED, nowMs);
            callerPrompt = Prompt.HOLD_MUSIC;
            commands.playToCaller(transferId, Prompt.HOLD_MUSIC, true);
        }
        else
        {
            ignore(TransferEvent.CALLER_PROMPT_FINISHED, nowMs);
        }
    }

    /**
     * A prompt played to the closer finished.
     *
     * @param closer the closer index.
     * @param prompt the prompt.
     * @param nowMs  the time.
     */
    public void onCloserPromptFinished(final int closer, final Prompt prompt, final long nowMs)
    {
        if (closer != this.closer || prompt != closerPrompt)
        {
            ignore(TransferEvent.CLOSER_PROMPT_FINISHED, nowMs);
        }
        else if (TransferState.BRIEFING == state && Prompt.BRIEFING == prompt)
        {
            transition(TransferState.BRIEFING, TransferEvent.CLOSER_PROMPT_FINISHED, nowMs);
            closerPrompt = Prompt.ACCEPT_REJECT_INSTRUCTIONS;
            commands.playToCloser(transferId, closer, Prompt.ACCEPT_REJECT_INSTRUCTIONS);
        }
        else if (TransferState.BRIEFING == state && Prompt.ACCEPT_REJECT_INSTRUCTIONS == prompt)
        {
            transition(TransferState.AWAITING_DECISION, TransferEvent.CLOSER_PROMPT_FINISHED, nowMs);
            closerPrompt = null;
            arm(TimerKind.DECISION_TIMEOUT, nowMs + decisionTimeoutMs);
        }
        else if (TransferState.NOTIFYING_CLOSER == state)
        {
            endNotification(TransferEvent.CLOSER_PROMPT_FINISHED, nowMs);
        }
        else
        {
            ignore(TransferEvent.CLOSER_PROMPT_FINISHED, nowMs);
        }
    }

    /**
     * The caller hung up: a ringing closer is cancelled, a briefed closer is told, a queued request is withdrawn, an
     * accepted closer's leg is hung up.
     *
     * @param nowMs the time.
     */
    public void onCallerHungUp(final long nowMs)
    {
        final int closer = this.closer;
        switch (state)
        {
            case WAITING_FOR_CLOSER:
                transition(TransferState.ABANDONED, TransferEvent.CALLER_HUNG_UP, nowMs);
                commands.cancelCloserRequest(transferId);
                end(TransferOutcome.CALLER_HUNG_UP);
                break;

            case DIALING_CLOSER:
            case CLOSER_RINGING:
                transition(TransferState.ABANDONED, TransferEvent.CALLER_HUNG_UP, nowMs);
                commands.cancelCloserDial(transferId, closer);
                releaseCloser();
                end(TransferOutcome.CALLER_HUNG_UP);
                break;

            case BRIEFING:
            case AWAITING_DECISION:
                transition(TransferState.NOTIFYING_CLOSER, TransferEvent.CALLER_HUNG_UP, nowMs);
                disarmCallerTimers();
                notifyCloser(Prompt.CALLER_HUNG_UP_NOTICE, TransferOutcome.CALLER_HUNG_UP, nowMs);
                break;

            case BRIDGING:
                transition(TransferState.ABANDONED, TransferEvent.CALLER_HUNG_UP, nowMs);
                commands.hangUpCloser(transferId, closer);
                commands.closerCallEnded(transferId, closer);
                this.closer = NULL_CLOSER;
                end(TransferOutcome.CALLER_HUNG_UP);
                break;

            default:
                ignore(TransferEvent.CALLER_HUNG_UP, nowMs);
                break;
        }
    }

    /**
     * A timer fired. Acted on only when armed and {@code nowMs} is at or after its deadline; otherwise (cancelled,
     * re-armed, early) ignored.
     *
     * @param kind  the timer.
     * @param nowMs the time.
     */
    public void onTimer(final TimerKind kind, final long nowMs)
    {
        final int bit = 1 << kind.ordinal();
        if (0 == (armed & bit) || nowMs < deadlines[kind.ordinal()])
        {
            ignore(kind.event(), nowMs);
            return;
        }
        armed &= ~bit;
        switch (kind)
        {
            case REASSURANCE:
                transition(state, TransferEvent.REASSURANCE_TIMER, nowMs);
                callerPrompt = Prompt.REASSURANCE;
                commands.playToCaller(transferId, Prompt.REASSURANCE, false);
                armReassurance(nowMs);
                break;

            case HOLD_LIMIT:
                holdLimitReached(nowMs);
                break;

            case RING_TIMEOUT:
                attemptFailed(TransferEvent.RING_TIMEOUT, nowMs);
                break;

            case DECISION_TIMEOUT:
                attemptFailed(TransferEvent.DECISION_TIMEOUT, nowMs);
                break;

            default:
                endNotification(TransferEvent.PROMPT_GUARD_TIMEOUT, nowMs);
                break;
        }
    }

    /**
     * The bridge is up: the transfer is complete and the dialer has left the conversation.
     *
     * @param nowMs the time.
     */
    public void onBridged(final long nowMs)
    {
        if (TransferState.BRIDGING != state)
        {
            ignore(TransferEvent.BRIDGED, nowMs);
            return;
        }
        transition(TransferState.COMPLETED, TransferEvent.BRIDGED, nowMs);
        if (introduction)
        {
            commands.introduce(transferId, closer);
        }
        end(TransferOutcome.COMPLETED);
    }

    /**
     * The current state.
     *
     * @return the state.
     */
    public TransferState state()
    {
        return state;
    }

    /**
     * The transfer id.
     *
     * @return the id given to {@link #start(long, int, long)}.
     */
    public long transferId()
    {
        return transferId;
    }

    /**
     * The skill id.
     *
     * @return the skill given to {@link #start(long, int, long)}.
     */
    public int skill()
    {
        return skill;
    }

    /**
     * The closer whose leg is live (or bridged).
     *
     * @return the closer index or {@link CloserPool#NULL_CLOSER}.
     */
    public int closer()
    {
        return closer;
    }

    /**
     * Closers dialled so far.
     *
     * @return the number of attempts.
     */
    public int attempts()
    {
        return attempts;
    }

    /**
     * How the transfer ended.
     *
     * @return the outcome, or null while not ended.
     */
    public TransferOutcome outcome()
    {
        return outcome;
    }

    /**
     * When the caller's hold limit is reached.
     *
     * @return the deadline in ms.
     */
    public long holdDeadlineMs()
    {
        return holdDeadlineMs;
    }

    /**
     * Whether a timer is armed.
     *
     * @param kind the timer.
     * @return true when armed.
     */
    public boolean isArmed(final TimerKind kind)
    {
        return 0 != (armed & (1 << kind.ordinal()));
    }

    /**
     * The deadline of an armed timer.
     *
     * @param kind the timer.
     * @return the deadline in ms (meaningless when not armed).
     */
    public long deadlineMs(final TimerKind kind)
    {
        return deadlines[kind.ordinal()];
    }

    private boolean isDialing()
    {
        return TransferState.DIALING_CLOSER == state || TransferState.CLOSER_RINGING == state;
    }

    private boolean isDeciding()
    {
        return TransferState.BRIEFING == state || TransferState.AWAITING_DECISION == state;
    }

    private void onCloserLegEnded(final TransferEvent event, final int closer, final long nowMs)
    {
        if (closer != this.closer)
        {
            ignore(event, nowMs);
            return;
        }
        switch (state)
        {
            case DIALING_CLOSER:
            case CLOSER_RINGING:
            case BRIEFING:
            case AWAITING_DECISION:
            case BRIDGING:
                attemptFailed(event, nowMs);
                break;

            case NOTIFYING_CLOSER:
                endNotification(event, nowMs);
                break;

            default:
                ignore(event, nowMs);
                break;
        }
    }

    private void decide(final TransferEvent event, final long nowMs)
    {
        if (TransferEvent.KEY_REJECT == event || TransferEvent.CONSOLE_REJECT == event)
        {
            attemptFailed(event, nowMs);
            return;
        }

        // connected at once: the caller hears the closer as soon as the bridge is up; the optional introduction is
        // a three-way announcement over the bridge (see onBridged), never a prompt the caller waits through
        transition(TransferState.BRIDGING, event, nowMs);
        disarm(TimerKind.DECISION_TIMEOUT);
        disarmCallerTimers();
        if (null != closerPrompt)
        {
            closerPrompt = null;
            commands.stopCloserPlayback(transferId, closer);
        }
        commands.closerConnected(transferId, closer);
        commands.stopCallerPlayback(transferId);
        callerPrompt = null;
        commands.bridge(transferId, closer);
    }

    /**
     * The current closer did not take the call (reject, no answer, busy, failure, hang-up, no decision): free it
     * and try the next closer with the skill, never this one, or return the caller after M attempts.
     */
    private void attemptFailed(final TransferEvent event, final long nowMs)
    {
        final TransferState from = state;
        final int failed = closer;
        final boolean accepted = TransferState.BRIDGING == from;
        final TransferOutcome giveUp = attempts >= maxAttempts ? TransferOutcome.ATTEMPTS_EXHAUSTED :
            accepted && nowMs >= holdDeadlineMs ? TransferOutcome.HOLD_LIMIT : null;

        transition(null == giveUp ? TransferState.WAITING_FOR_CLOSER : TransferState.RETURNED_TO_CALLER, event, nowMs);
        disarm(TimerKind.RING_TIMEOUT);
        disarm(TimerKind.DECISION_TIMEOUT);
        disarm(TimerKind.PROMPT_GUARD);
        if (TransferEvent.RING_TIMEOUT == event)
        {
            commands.cancelCloserDial(transferId, failed);
        }
        else if (TransferEvent.KEY_REJECT == event || TransferEvent.CONSOLE_REJECT == event ||
            TransferEvent.DECISION_TIMEOUT == event)
        {
            commands.hangUpCloser(transferId, failed);
        }
        closerPrompt = null;
        closer = NULL_CLOSER;
        if (accepted)
        {
            commands.closerCallEnded(transferId, failed);
        }
        else
        {
            commands.releaseCloser(transferId, failed);
        }

        if (null != giveUp)
        {
            returnCaller(giveUp);
            end(giveUp);
            return;
        }
        if (accepted)
        {
            callerPrompt = Prompt.HOLD_MUSIC;
            commands.playToCaller(transferId, Prompt.HOLD_MUSIC, true);
            arm(TimerKind.HOLD_LIMIT, holdDeadlineMs);
            armReassurance(nowMs);
        }
        commands.requestCloser(transferId, skill, failed);
    }

    private void holdLimitReached(final long nowMs)
    {
        final int closer = this.closer;
        switch (state)
        {
            case WAITING_FOR_CLOSER:
                transition(TransferState.RETURNED_TO_CALLER, TransferEvent.HOLD_LIMIT_TIMER, nowMs);
                commands.cancelCloserRequest(transferId);
                returnCaller(TransferOutcome.HOLD_LIMIT);
                end(TransferOutcome.HOLD_LIMIT);
                break;

            case DIALING_CLOSER:
            case CLOSER_RINGING:
                transition(TransferState.RETURNED_TO_CALLER, TransferEvent.HOLD_LIMIT_TIMER, nowMs);
                disarm(TimerKind.RING_TIMEOUT);
                commands.cancelCloserDial(transferId, closer);
                releaseCloser();
                returnCaller(TransferOutcome.HOLD_LIMIT);
                end(TransferOutcome.HOLD_LIMIT);
                break;

            case BRIEFING:
            case AWAITING_DECISION:
                transition(TransferState.NOTIFYING_CLOSER, TransferEvent.HOLD_LIMIT_TIMER, nowMs);
                returnCaller(TransferOutcome.HOLD_LIMIT);
                notifyCloser(Prompt.TRANSFER_CANCELLED_NOTICE, TransferOutcome.HOLD_LIMIT, nowMs);
                break;

            default:
                ignore(TransferEvent.HOLD_LIMIT_TIMER, nowMs);
                break;
        }
    }

    private void notifyCloser(final Prompt notice, final TransferOutcome outcome, final long nowMs)
    {
        disarm(TimerKind.DECISION_TIMEOUT);
        if (null != closerPrompt)
        {
            commands.stopCloserPlayback(transferId, closer);
        }
        pendingOutcome = outcome;
        closerPrompt = notice;
        commands.playToCloser(transferId, closer, notice);
        arm(TimerKind.PROMPT_GUARD, nowMs + promptGuardMs);
    }

    private void endNotification(final TransferEvent event, final long nowMs)
    {
        final boolean closerHungUp = TransferEvent.CLOSER_HUNG_UP == event || TransferEvent.CLOSER_FAILED == event ||
            TransferEvent.CLOSER_BUSY == event;
        transition(TransferOutcome.CALLER_HUNG_UP == pendingOutcome ?
            TransferState.ABANDONED : TransferState.RETURNED_TO_CALLER, event, nowMs);
        disarm(TimerKind.PROMPT_GUARD);
        if (!closerHungUp)
        {
            commands.hangUpCloser(transferId, closer);
        }
        closerPrompt = null;
        releaseCloser();
        end(pendingOutcome);
    }

    private void releaseCloser()
    {
        final int closer = this.closer;
        this.closer = NULL_CLOSER;
        commands.releaseCloser(transferId, closer);
    }

    private void returnCaller(final TransferOutcome outcome)
    {
        disarmCallerTimers();
        commands.stopCallerPlayback(transferId);
        callerPrompt = Prompt.APOLOGY_CALLBACK_OFFER;
        commands.playToCaller(transferId, Prompt.APOLOGY_CALLBACK_OFFER, false);
        commands.returnToCaller(transferId, outcome);
    }

    private void end(final TransferOutcome outcome)
    {
        for (final TimerKind kind : TIMER_KINDS)
        {
            disarm(kind);
        }
        this.outcome = outcome;
        commands.transferEnded(transferId, outcome, TransferOutcome.COMPLETED == outcome ? closer : NULL_CLOSER);
    }

    private void transition(final TransferState to, final TransferEvent event, final long nowMs)
    {
        final TransferState from = state;
        state = to;
        commands.journal(transferId, nowMs, event, from, to);
    }

    private void ignore(final TransferEvent event, final long nowMs)
    {
        commands.ignored(transferId, nowMs, event, state);
    }

    private void armReassurance(final long nowMs)
    {
        if (reassuranceIntervalMs > 0)
        {
            arm(TimerKind.REASSURANCE, nowMs + reassuranceIntervalMs);
        }
    }

    private void disarmCallerTimers()
    {
        disarm(TimerKind.HOLD_LIMIT);
        disarm(TimerKind.REASSURANCE);
    }

    private void arm(final TimerKind kind, final long deadlineMs)
    {
        armed |= 1 << kind.ordinal();
        deadlines[kind.ordinal()] = deadlineMs;
        commands.startTimer(transferId, kind, deadlineMs);
    }

    private void disarm(final TimerKind kind)
    {
        final int bit = 1 << kind.ordinal();
        if (0 != (armed & bit))
        {
            armed &= ~bit;
            commands.cancelTimer(transferId, kind);
        }
    }
}
