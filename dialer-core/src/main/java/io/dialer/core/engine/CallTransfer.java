/*
 * Dialer core.
 */
package io.dialer.core.engine;

import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.CloserResult;
import io.dialer.sip.FailureCause;
import io.dialer.sip.ReleaseOutcome;
import io.dialer.transfer.Prompt;
import io.dialer.transfer.TimerKind;
import io.dialer.transfer.TransferCommands;
import io.dialer.transfer.TransferConfiguration;
import io.dialer.transfer.TransferEvent;
import io.dialer.transfer.TransferOutcome;
import io.dialer.transfer.TransferState;
import io.dialer.transfer.WarmTransfer;

import static io.dialer.transfer.CloserPool.NULL_CLOSER;

/**
 * The warm-transfer part of a {@link CallFlow}: it drives the call's {@link WarmTransfer} with the closer legs'
 * events and the floor's assignments, and turns the transfer's commands into {@link CallCommands} (the transfer id is
 * the call id). It also keeps what only the closer side needs: the closer legs up, the prompt playing to the closer,
 * the bridged closer and the moments the latency steps start from. No I/O.
 */
final class CallTransfer implements TransferCommands
{
    private final CallFlow flow;
    private final CallCommands out;
    private final CampaignLog journal;
    private final EngineStats stats;
    private final WarmTransfer transfer;
    private int closerLegs;
    private int bridgedCloser = NULL_CLOSER;
    private long closerToken;
    private Prompt closerPrompt;
    private long nextCloserToken;
    private boolean onHold;
    private long qualifiedNanos;
    private long closerAnswerNanos;
    private long acceptNanos;
    private String summary = "";

    CallTransfer(
        final CallFlow flow, final TransferConfiguration.Context settings, final CallCommands out,
        final CampaignLog journal, final EngineStats stats)
    {
        this.flow = flow;
        this.out = out;
        this.journal = journal;
        this.stats = stats;
        this.transfer = new WarmTransfer(settings, this);
    }

    void reset()
    {
        closerLegs = 0;
        bridgedCloser = NULL_CLOSER;
        closerToken = 0;
        closerPrompt = null;
        nextCloserToken = 1;
        onHold = false;
        qualifiedNanos = 0;
        closerAnswerNanos = 0;
        acceptNanos = 0;
        if (TransferState.IDLE != transfer.state())
        {
            transfer.reset();
        }
    }

    TransferState state()
    {
        return transfer.state();
    }

    /**
     * @return true while every leg of the transfer is gone and the transfer is over (or never started).
     */
    boolean idle()
    {
        return 0 == closerLegs && (TransferState.IDLE == transfer.state() || transfer.state().terminal());
    }

    /**
     * @return the closer the transfer holds (offered or connected), or {@code NULL_CLOSER}.
     */
    int closer()
    {
        return NULL_CLOSER != bridgedCloser ? bridgedCloser : transfer.closer();
    }

    /**
     * The media release after the bridge is over ({@code transfer.media: release}): journaled, counted.
     *
     * @param outcome   released, or why the dialer's bridge stays.
     * @param sipStatus the refusing SIP status, 0 when none.
     */
    void onMediaRelease(final ReleaseOutcome outcome, final int sipStatus)
    {
        journal.mediaRelease(flow.nowMs(), flow.lead(), flow.callId(), outcome, sipStatus);
        stats.add(outcome.released() ? EngineStats.MEDIA_RELEASED : EngineStats.MEDIA_ANCHORED, 1);
    }

    /**
     * The caller qualified: hold music, then a closer.
     *
     * @param skill   the skill id.
     * @param summary the context summary for the briefing.
     */
    void start(final int skill, final String summary)
    {
        qualifiedNanos = flow.eventNanos();
        this.summary = summary;
        // the closer's INVITE first (hold music, then the dial when a closer is free), the briefing after: its
        // speech is rendered while the closer's phone rings, not in front of the INVITE
        transfer.start(flow.callId(), skill, flow.nowMs());
        if (!transfer.state().terminal())
        {
            out.prepareBriefing(flow.callId(), summary);
        }
    }

    void onCallerHungUp()
    {
        transfer.onCallerHungUp(flow.nowMs());
    }

    void onCallerPromptFinished(final Prompt prompt)
    {
        transfer.onCallerPromptFinished(prompt, flow.nowMs());
    }

    void onBridged()
    {
        transfer.onBridged(flow.nowMs());
    }

    void onTimer(final TimerKind kind)
    {
        transfer.onTimer(kind, flow.nowMs());
    }

    /**
     * The caller's leg ended while bridged: the closer's leg is hung up and the closer's call ends.
     */
    void endBridge()
    {
        if (NULL_CLOSER != bridgedCloser)
        {
            out.hangUpCloser(flow.callId(), bridgedCloser);
            out.closerCallEnded(bridgedCloser);
            bridgedCloser = NULL_CLOSER;
        }
    }

    void onCloserAssigned(final int closer)
    {
        transfer.onCloserAssigned(closer, flow.nowMs());
    }

    void onCloserRinging(final int closer)
    {
        transfer.onCloserRinging(closer, flow.nowMs());
    }

    void onCloserAnswered(final int closer)
    {
        closerAnswerNanos = flow.eventNanos();
        transfer.onCloserAnswered(closer, flow.nowMs());
    }

    void onCloserFailed(final int closer, final FailureCause cause, final int status)
    {
        closerLegs--;
        if (FailureCause.BUSY == cause)
        {
            transfer.onCloserBusy(closer, flow.nowMs());
        }
        else
        {
            transfer.onCloserFailed(closer, status, flow.nowMs());
        }
    }

    /**
     * A closer's answered leg ended.
     *
     * @param closer the closer index.
     * @return true when it was the bridged closer: the caller's side ends too.
     */
    boolean onCloserEnded(final int closer)
    {
        closerLegs--;
        if (bridgedCloser == closer)
        {
            out.closerCallEnded(closer);
            bridgedCloser = NULL_CLOSER;
            return true;
        }
        if (CallPhase.BRIDGED != flow.phase())
        {
            transfer.onCloserHungUp(closer, flow.nowMs());
        }
        return false;
    }

    void onCloserKey(final int closer, final char digit)
    {
        if (TransferState.BRIEFING == transfer.state() || TransferState.AWAITING_DECISION == transfer.state())
        {
            acceptNanos = flow.eventNanos();
        }
        transfer.onCloserKey(closer, digit, flow.nowMs());
    }

    boolean onConsoleDecision(final int closer, final boolean accept)
    {
        final TransferState state = transfer.state();
        if (transfer.closer() != closer ||
            (TransferState.BRIEFING != state && TransferState.AWAITING_DECISION != state))
        {
            return false;
        }
        acceptNanos = flow.eventNanos();
        if (accept)
        {
            transfer.onConsoleAccept(flow.nowMs());
        }
        else
        {
            transfer.onConsoleReject(flow.nowMs());
        }
        return true;
    }

    void onCloserPlaybackFinished(final int closer, final long token, final boolean interrupted)
    {
        if (interrupted || 0 == token || token != closerToken)
        {
            return;
        }
        final Prompt prompt = closerPrompt;
        closerToken = 0;
        closerPrompt = null;
        transfer.onCloserPromptFinished(closer, prompt, flow.nowMs());
    }

    // ------------------------------------------------------------------------------------------------------------
    // TransferCommands

    @Override
    public void journal(
        final long transferId, final long now, final TransferEvent event, final TransferState from,
        final TransferState to)
    {
        final CloserResult result = closerResult(event, from);
        final int closer = transfer.closer();
        if (null != result && NULL_CLOSER != closer)
        {
            journal.closerAttempt(now, flow.lead(), flow.callId(), out.closerId(closer), result);
            stats.closerResult(result);
            out.offerEnded(flow.callId(), closer, result);
        }
        final boolean held = to.callerOnHold();
        if (held != onHold)
        {
            onHold = held;
            out.callerOnHold(flow.callId(), held);
        }
    }

    @Override
    public void ignored(final long transferId, final long now, final TransferEvent event, final TransferState state)
    {
    }

    @Override
    public void playToCaller(final long transferId, final Prompt prompt, final boolean loop)
    {
        flow.playTransferPrompt(prompt, loop);
    }

    @Override
    public void stopCallerPlayback(final long transferId)
    {
        flow.stopTransferPrompts();
    }

    @Override
    public void requestCloser(final long transferId, final int skill, final int excludedCloser)
    {
        final int result = out.requestCloser(flow.callId(), skill, excludedCloser);
        if (result >= 0)
        {
            transfer.onCloserAssigned(result, flow.nowMs());
        }
        else if (CallCommands.NO_CLOSER == result)
        {
            transfer.onNoCloser(flow.nowMs());
        }
    }

    @Override
    public void cancelCloserRequest(final long transferId)
    {
        out.cancelCloserRequest(flow.callId());
    }

    @Override
    public void dialCloser(final long transferId, final int closer, final boolean callerIdPassThrough)
    {
        closerLegs++;
        if (1 == transfer.attempts())
        {
            held(); // the caller's hold, as the pacer's learned margin counts it, ends at the first closer
        }
        out.offer(flow.callId(), closer, summary); // the closer's screen first: it is there before the briefing
        out.dialCloser(flow.callId(), closer, callerIdPassThrough, 1 == transfer.attempts() ? qualifiedNanos : 0);
    }

    private void held()
    {
        final long holdMs = Math.max(0, flow.nowMs() - flow.qualifiedAtMs());
        out.measured(flow.callId(), PacingSample.HOLD, holdMs > 0, holdMs, -1);
    }

    @Override
    public void cancelCloserDial(final long transferId, final int closer)
    {
        out.hangUpCloser(flow.callId(), closer);
    }

    @Override
    public void playToCloser(final long transferId, final int closer, final Prompt prompt)
    {
        closerToken = nextCloserToken++;
        closerPrompt = prompt;
        out.playToCloser(flow.callId(), closer, prompt, closerToken,
            Prompt.BRIEFING == prompt ? closerAnswerNanos : 0);
    }

    @Override
    public void stopCloserPlayback(final long transferId, final int closer)
    {
        closerToken = 0;
        closerPrompt = null;
        out.stopCloserPlayback(flow.callId(), closer);
    }

    @Override
    public void hangUpCloser(final long transferId, final int closer)
    {
        out.hangUpCloser(flow.callId(), closer);
    }

    @Override
    public void releaseCloser(final long transferId, final int closer)
    {
        out.releaseCloser(closer);
    }

    @Override
    public void closerConnected(final long transferId, final int closer)
    {
        out.closerConnected(closer);
    }

    @Override
    public void closerCallEnded(final long transferId, final int closer)
    {
        out.closerCallEnded(closer);
    }

    @Override
    public void bridge(final long transferId, final int closer)
    {
        out.bridge(flow.callId(), closer, acceptNanos);
    }

    @Override
    public void introduce(final long transferId, final int closer)
    {
        out.introduce(flow.callId(), closer);
    }

    @Override
    public void returnToCaller(final long transferId, final TransferOutcome outcome)
    {
        flow.returnedFromTransfer(outcome);
    }

    @Override
    public void startTimer(final long transferId, final TimerKind kind, final long deadlineMs)
    {
        out.startTimer(flow.callId(), CallFlow.TIMER_TRANSFER + kind.ordinal(), deadlineMs);
    }

    @Override
    public void cancelTimer(final long transferId, final TimerKind kind)
    {
        out.cancelTimer(flow.callId(), CallFlow.TIMER_TRANSFER + kind.ordinal());
    }

    @Override
    public void transferEnded(final long transferId, final TransferOutcome outcome, final int closer)
    {
        stats.transfer(outcome);
        journal.transferEnded(flow.nowMs(), flow.lead(), flow.callId(), outcome,
            NULL_CLOSER == closer ? "" : out.closerId(closer));
        if ((TransferOutcome.CALLER_HUNG_UP == outcome || TransferOutcome.HOLD_LIMIT == outcome) &&
            0 == transfer.attempts())
        {
            held();
        }
        if (TransferOutcome.COMPLETED == outcome)
        {
            bridgedCloser = closer;
            stats.add(EngineStats.BRIDGED, 1);
            flow.transferred(out.closerId(closer));
        }
        else if (TransferOutcome.CALLER_HUNG_UP == outcome)
        {
            flow.decide(Disposition.HUNG_UP, "waiting for a closer");
            flow.holdDropped();
        }
        else if (TransferOutcome.HOLD_LIMIT == outcome)
        {
            flow.holdDropped();
        }
        flow.transferOver();
    }

    private static CloserResult closerResult(final TransferEvent event, final TransferState from)
    {
        return switch (event)
        {
            case KEY_ACCEPT, CONSOLE_ACCEPT -> CloserResult.ACCEPTED;
            case KEY_REJECT, CONSOLE_REJECT -> CloserResult.REJECTED;
            case RING_TIMEOUT, DECISION_TIMEOUT -> CloserResult.NO_ANSWER;
            case CLOSER_BUSY -> CloserResult.BUSY;
            case CLOSER_FAILED -> CloserResult.FAILED;
            case CLOSER_HUNG_UP -> TransferState.NOTIFYING_CLOSER == from ? null : CloserResult.HUNG_UP;
            case CALLER_HUNG_UP, HOLD_LIMIT_TIMER -> from == TransferState.DIALING_CLOSER ||
                from == TransferState.CLOSER_RINGING || from == TransferState.BRIEFING ||
                from == TransferState.AWAITING_DECISION ? CloserResult.CANCELLED : null;
            default -> null;
        };
    }

    /**
     * @return where a caller who hung up on hold was, for the disposition's detail.
     */
    String holdMoment()
    {
        return switch (transfer.state())
        {
            case BRIEFING, AWAITING_DECISION -> "on hold, while the closer was briefed";
            case BRIDGING -> "as the closer accepted";
            default -> "waiting for a closer";
        };
    }
}
