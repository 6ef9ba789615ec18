/*
 * Dialer core.
 */
package io.dialer.core.engine;

import io.dialer.core.compliance.AbandonmentLedger;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.Step;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.sip.EndCause;
import io.dialer.sip.FailureCause;
import io.dialer.transfer.Prompt;
import io.dialer.transfer.TimerKind;
import io.dialer.transfer.TransferOutcome;
import io.dialer.transfer.TransferState;

/**
 * One call's flow, as a state machine: the events of the call's legs, its timers and the sales floor come in with
 * the time ({@link #at}), commands go out through a {@link CallCommands} sink and decisions into the journal. No I/O,
 * no clock: every path is tested by feeding events ({@code CallFlowTest}, one scenario table per path).
 * <pre>
 * DIALING --answered--> DETECTING --HUMAN/NOTSURE, a key, no verdict in time--> QUALIFYING --qualified--> TRANSFERRING
 *                       DETECTING --MACHINE--> AWAITING_BEEP --beep--> LEAVING_MESSAGE
 * QUALIFYING --late beep, no key yet--> LEAVING_MESSAGE;  --disqualified, callback, opt-out--> CLOSING
 * QUALIFYING --no audio within the abandonment delay of the greeting's end--> SAFE_HARBOR --played--> HANGING_UP
 * TRANSFERRING --bridged--> BRIDGED;  --returned--> OFFERING_CALLBACK --key / no key--> CLOSING / HANGING_UP
 * any phase --the lead's leg ends--> ENDED (the slot is released once every leg is gone)
 * </pre>
 * One object per call slot, reused call after call ({@link #start}). Its parts: {@link CallScript} (the
 * qualification conversation and early keys), {@link CallTransfer} (the warm transfer and the closer legs),
 * {@link CallVoicemail} (the beep and the message) and {@link CallAbandonment} (the rule's facts and proof); the
 * lead leg's prompts are scheduled by {@link CallerPrompts}. Every call ends with exactly one disposition
 * ({@link CallCommands#callEnded}), and every answered call one proof record for the abandonment rule
 * ({@link CampaignLog#callProof}), counted into the campaign's {@link AbandonmentLedger}.
 * <p>
 * The abandonment rule: when the callee is treated as a person (the greeting's end: the verdict's audio position, a
 * key, or no verdict in time) the abandon timer is armed for the rule's delay; the first audio to the person (the
 * effects stage reports the script's first prompt started, {@link #onFirstAudio}) or the bridge to a closer disarms
 * it. When it fires the call is abandoned: the safe-harbor message plays (seller, call-back number), then the dialer
 * hangs up, disposition ABANDONED.
 */
final class CallFlow
{
    /** The conversation's input timer. */
    static final int TIMER_CONVERSATION = 0;
    /** The phase guard: no verdict, no beep, no callback key. */
    static final int TIMER_GUARD = 1;
    /** The abandonment rule's timer: no audio to the person since the greeting's end. */
    static final int TIMER_ABANDON = 2;
    /** The warm transfer's timers follow: {@code TIMER_TRANSFER + TimerKind.ordinal()}. */
    static final int TIMER_TRANSFER = 3;
    /** How many timers a call has. */
    static final int TIMERS = TIMER_TRANSFER + TimerKind.values().length;

    private static final TimerKind[] TIMER_KINDS = TimerKind.values();

    private final CallSettings settings;
    private final CallCommands out;
    private final CampaignLog journal;
    private final EngineStats stats;
    private final CallScript script;
    private final CallTransfer transfer;
    private final CallerPrompts prompts;
    private final CallVoicemail voicemail;
    private final CallOutcome outcome = new CallOutcome();
    private final StringBuilder scratch = new StringBuilder(64);
    private final CallAbandonment abandonment;
    private int campaign;
    private long callId;
    private int lead;
    private int attempt;
    private CallPhase phase = CallPhase.IDLE;
    private boolean leadLegUp;
    private boolean inPacing;
    private boolean scripted;
    private long nowMs;
    private long eventNanos;
    private long dialNanos;
    private long answerNanos;
    private long qualifiedAtMs;

    CallFlow(final CallSettings settings, final CallCommands out, final CampaignLog journal, final EngineStats stats)
    {
        this(settings, out, journal, stats, new AbandonmentLedger(settings.abandonment().targetRate()));
    }

    CallFlow(
        final CallSettings settings, final CallCommands out, final CampaignLog journal, final EngineStats stats,
        final AbandonmentLedger ledger)
    {
        this.abandonment = new CallAbandonment(settings.abandonment(), ledger, journal, stats);
        this.settings = settings;
        this.out = out;
        this.journal = journal;
        this.stats = stats;
        this.script = new CallScript(this, settings.script(), out, journal, stats);
        this.transfer = new CallTransfer(this, settings.transfer(), out, journal, stats);
        this.prompts = new CallerPrompts(out);
        this.voicemail = new CallVoicemail(this, settings, out);
    }

    // ------------------------------------------------------------------------------------------------------------
    // state

    /**
     * @param id the id of the campaign whose pool holds this flow, set once.
     */
    void campaign(final int id)
    {
        campaign = id;
    }

    /**
     * @return the id of the campaign whose calls this flow carries.
     */
    int campaign()
    {
        return campaign;
    }

    long callId()
    {
        return callId;
    }

    int lead()
    {
        return lead;
    }

    CallPhase phase()
    {
        return phase;
    }

    boolean inPacing()
    {
        return inPacing;
    }

    long nowMs()
    {
        return nowMs;
    }

    long eventNanos()
    {
        return eventNanos;
    }

    /**
     * @return the warm transfer's state.
     */
    TransferState transferState()
    {
        return transfer.state();
    }

    /**
     * @return the closer the transfer holds (offered or connected), or {@code NULL_CLOSER}.
     */
    int transferCloser()
    {
        return transfer.closer();
    }

    /**
     * @return when the caller qualified (and went on hold), epoch ms; meaningful in {@link CallPhase#TRANSFERRING}.
     */
    long qualifiedAtMs()
    {
        return qualifiedAtMs;
    }

    /**
     * @return the call's answers so far, one {@code question=value} per line.
     */
    CharSequence answers()
    {
        return script.answers();
    }

    /**
     * @return the warm-transfer part, to which the closer legs' events go.
     */
    CallTransfer transfer()
    {
        return transfer;
    }

    /**
     * Sets the time of the next event.
     *
     * @param timeMs the controller's time.
     * @param nanos  when the event happened, {@code System.nanoTime()} as its producer read it.
     * @return this.
     */
    CallFlow at(final long timeMs, final long nanos)
    {
        nowMs = timeMs;
        eventNanos = nanos;
        return this;
    }

    /**
     * A new call in this slot: the lead is being dialed.
     *
     * @param id            the call id.
     * @param leadIndex     the lead.
     * @param attemptNumber the attempt.
     */
    void start(final long id, final int leadIndex, final int attemptNumber)
    {
        callId = id;
        lead = leadIndex;
        attempt = attemptNumber;
        phase = CallPhase.DIALING;
        leadLegUp = true;
        outcome.reset();
        inPacing = true;
        scripted = false;
        dialNanos = eventNanos;
        answerNanos = 0;
        abandonment.reset();
        prompts.reset(id);
        script.reset();
        transfer.reset();
    }

    // ------------------------------------------------------------------------------------------------------------
    // the lead's leg

    /**
     * The lead answered (200 OK, media up).
     */
    void onAnswered()
    {
        if (CallPhase.DIALING != phase)
        {
            return;
        }
        answerNanos = eventNanos;
        abandonment.answered(nowMs);
        out.measured(callId, PacingSample.ANSWER, true, -1, -1);
        out.latency(callId, Step.DIAL_TO_ANSWER, eventNanos, eventNanos - dialNanos);
        journal.answered(nowMs, lead, callId);
        phase = CallPhase.DETECTING;
        out.startTimer(callId, TIMER_GUARD, nowMs + settings.verdictTimeoutMs());
    }

    /**
     * The dial failed before an answer.
     *
     * @param cause  why.
     * @param status the SIP status, 0 when none.
     * @param reason the reason text.
     */
    void onFailed(final FailureCause cause, final int status, final CharSequence reason)
    {
        if (!leadLegUp)
        {
            return;
        }
        if (CallPhase.DIALING == phase && !outcome.cancelled())
        {
            out.measured(callId, PacingSample.ANSWER, false, -1, -1);
        }
        outcome.failed(null == cause ? FailureCause.CARRIER_ERROR : cause, status, reason);
        leadLegGone();
    }

    /**
     * The campaign stops: a dial not answered yet is cancelled; its attempt is not charged to the lead.
     */
    void cancel()
    {
        if (CallPhase.DIALING == phase && leadLegUp)
        {
            outcome.cancel();
            out.hangUpLead(callId);
        }
    }

    /**
     * The answered lead's leg ended.
     *
     * @param cause why.
     */
    void onEnded(final EndCause cause)
    {
        if (!leadLegUp)
        {
            return;
        }
        switch (phase)
        {
            case DETECTING -> outcome.ended(cause, "during detection", false);
            case QUALIFYING ->
            {
                scratch.setLength(0);
                script.onCallerHungUp(scratch);
                outcome.ended(cause, scratch, true);
            }
            case TRANSFERRING ->
            {
                outcome.ended(cause, transfer.holdMoment(), false);
                transfer.onCallerHungUp();
            }
            case BRIDGED -> transfer.endBridge();
            case AWAITING_BEEP, LEAVING_MESSAGE -> voicemail.onEnded();
            case SAFE_HARBOR -> outcome.detail().append("; hung up during the safe-harbor message");
            default ->
            {
                if (EndCause.LOCAL != cause)
                {
                    outcome.ended(cause, cause.name(), false);
                }
                decide(Disposition.FAILED, cause.name());
            }
        }
        out.cancelTimer(callId, TIMER_CONVERSATION);
        out.cancelTimer(callId, TIMER_GUARD);
        out.cancelTimer(callId, TIMER_ABANDON);
        leadLegGone();
    }

    /**
     * A key on the lead's leg (RFC 4733 or SIP INFO).
     *
     * @param digit the key.
     */
    void onKey(final char digit)
    {
        switch (phase)
        {
            case DETECTING ->
            {
                // a recording does not press keys: a person is on the line, and the key is kept for the script
                script.keepKey(digit);
                verdict(Verdict.HUMAN, Cause.KEY_PRESSED, -1);
            }
            case QUALIFYING, CLOSING -> script.onKey(digit);
            case OFFERING_CALLBACK -> callbackKey(digit);
            case AWAITING_BEEP, LEAVING_MESSAGE -> abandonment.falseMachine(); // a recording does not press keys
            default ->
            {
            }
        }
    }

    /**
     * A prompt on the lead's leg finished.
     *
     * @param token       the play's token.
     * @param interrupted stopped before its end.
     */
    void onPlaybackFinished(final long token, final boolean interrupted)
    {
        final Object finished = prompts.finished(token);
        if (null == finished)
        {
            return;
        }
        if (CallAbandonment.SAFE_HARBOR == finished)
        {
            hangUpLead();
            return;
        }
        if (voicemail.onPlaybackFinished(finished, interrupted))
        {
            return;
        }
        if (finished instanceof io.dialer.qualification.Prompt)
        {
            prompts.playNext();
            if (!interrupted)
            {
                script.onPromptFinished();
            }
            return;
        }
        final Prompt transferPrompt = (Prompt)finished;
        if (CallPhase.OFFERING_CALLBACK == phase && Prompt.APOLOGY_CALLBACK_OFFER == transferPrompt)
        {
            out.startTimer(callId, TIMER_GUARD, nowMs + CallbackOffer.KEY_TIMEOUT_MS);
        }
        else if (CallPhase.CLOSING == phase &&
            (Prompt.CALLBACK_CONFIRMATION == transferPrompt || Prompt.APOLOGY_CALLBACK_OFFER == transferPrompt))
        {
            hangUpLead(); // after the confirmation, or the apology when nothing is offered
        }
        else if (!interrupted)
        {
            transfer.onCallerPromptFinished(transferPrompt);
        }
    }

    /**
     * The detector's verdict on the answered call.
     *
     * @param verdict    the verdict.
     * @param cause      why.
     * @param positionMs its audio position, ms from the answer.
     */
    void onVerdict(final Verdict verdict, final Cause cause, final int positionMs)
    {
        if (CallPhase.DETECTING == phase)
        {
            verdict(verdict, cause, positionMs);
        }
    }

    /**
     * The voicemail's beep ended.
     */
    void onBeep()
    {
        voicemail.onBeep();
    }

    /**
     * The voicemail greeting ended without a beep.
     */
    void onNoBeep()
    {
        voicemail.beepMissing();
    }

    /**
     * A beep after a HUMAN or NOTSURE verdict: a greeting that paused like a person, or a very short one whose beep
     * came late. While the script still talks to the line and nobody pressed a key (a recording never does), the
     * call is a machine after all: the script stops and the message is left (or the call ends as MACHINE when there
     * is none). Later than that, a person is on the line and the beep is something else: ignored.
     *
     * @param endMs the beep's end, audio ms from the answer.
     */
    void onLateBeep(final int endMs)
    {
        if (CallPhase.QUALIFYING != phase || script.keyPressed())
        {
            return;
        }
        journal.verdict(nowMs, lead, callId, Verdict.MACHINE, Cause.LATE_BEEP, endMs);
        out.cancelTimer(callId, TIMER_CONVERSATION);
        out.cancelTimer(callId, TIMER_ABANDON);
        abandonment.notPerson(); // a machine after all: not a person answered
        prompts.stop();
        voicemail.machineAfterAll();
    }

    /**
     * The bridge of caller and closer is up.
     */
    void onBridged()
    {
        transfer.onBridged();
    }

    /**
     * The first audio reached the person: the effects stage started the script's first prompt on the lead's leg. The
     * abandon timer is disarmed.
     */
    void onFirstAudio()
    {
        if (CallPhase.SAFE_HARBOR != phase && abandonment.firstAudio(nowMs))
        {
            out.cancelTimer(callId, TIMER_ABANDON);
        }
    }

    /**
     * A qualified caller hung up, or reached the hold limit, while on hold for a closer: counted beside the rate.
     */
    void holdDropped()
    {
        abandonment.holdDropped();
    }

    /**
     * One of the call's timers fired.
     *
     * @param timer the timer number.
     */
    void onTimer(final int timer)
    {
        if (TIMER_CONVERSATION == timer)
        {
            if (CallPhase.QUALIFYING == phase || CallPhase.CLOSING == phase)
            {
                script.onTimeout();
            }
        }
        else if (TIMER_GUARD == timer)
        {
            switch (phase)
            {
                case DETECTING -> // no verdict in time: treated as a person
                {
                    out.measured(callId, PacingSample.VERDICT, true, -1, -1);
                    qualify(nowMs);
                }
                case AWAITING_BEEP -> voicemail.beepMissing();
                case OFFERING_CALLBACK ->
                {
                    outcome.detail().append("; no callback time chosen");
                    hangUpLead();
                }
                default ->
                {
                }
            }
        }
        else if (TIMER_ABANDON == timer)
        {
            abandon();
        }
        else if (timer >= TIMER_TRANSFER && timer < TIMERS)
        {
            transfer.onTimer(TIMER_KINDS[timer - TIMER_TRANSFER]);
        }
    }

    /**
     * A closer's answered leg ended (the closer hung up, or the leg was lost).
     *
     * @param closer the closer index.
     */
    void onCloserEnded(final int closer)
    {
        if (transfer.onCloserEnded(closer) && leadLegUp)
        {
            hangUpLead(); // the bridged closer hung up: the caller's side ends too
        }
        tryRelease();
    }

    /**
     * A closer's dial failed.
     *
     * @param closer the closer index.
     * @param cause  why.
     * @param status the SIP status.
     */
    void onCloserFailed(final int closer, final FailureCause cause, final int status)
    {
        transfer.onCloserFailed(closer, cause, status);
        tryRelease();
    }

    // ------------------------------------------------------------------------------------------------------------
    // from the parts

    void playScriptPrompt(final io.dialer.qualification.Prompt prompt)
    {
        prompts.enqueue(prompt);
    }

    void playTransferPrompt(final Prompt prompt, final boolean loop)
    {
        if (leadLegUp)
        {
            prompts.playTransfer(prompt, loop);
        }
    }

    void stopCallerPrompts()
    {
        prompts.stop();
    }

    /**
     * The transfer stops its prompts (hold music, reassurance): a script prompt that plays ("please hold...") still
     * finishes, so what follows (the apology) is heard after the script's last words, not over them.
     */
    void stopTransferPrompts()
    {
        if (prompts.scriptPlaying())
        {
            prompts.dropQueuedTransferPrompts();
        }
        else
        {
            prompts.stop();
        }
    }

    void qualified(final int skill, final String summary)
    {
        qualifiedAtMs = nowMs;
        out.cancelTimer(callId, TIMER_CONVERSATION);
        scriptEnded(true);
        leavePacing();
        phase = CallPhase.TRANSFERRING;
        transfer.start(skill, summary);
    }

    void closing()
    {
        out.cancelTimer(callId, TIMER_CONVERSATION);
        phase = CallPhase.CLOSING;
    }

    void callbackAsked(final CharSequence requestedTime)
    {
        closing();
        if (outcome.decided())
        {
            return;
        }
        scratch.setLength(0);
        outcome.callbackTime(requestedTime, nowMs, out.zoneOf(lead), scratch);
        decide(Disposition.CALLBACK, scratch);
    }

    void scriptHangUp()
    {
        if (leadLegUp)
        {
            hangUpLead();
        }
    }

    void returnedFromTransfer(final TransferOutcome outcome)
    {
        phase = settings.callbackOffer().isEmpty() ? CallPhase.CLOSING : CallPhase.OFFERING_CALLBACK;
        scratch.setLength(0);
        scratch.append("transfer failed: ").append(outcome.name());
        decide(Disposition.CALLBACK, scratch);
    }

    void transferred(final String closerId)
    {
        abandonment.closerConnected(nowMs);
        out.cancelTimer(callId, TIMER_ABANDON);
        phase = CallPhase.BRIDGED;
        outcome.transferred(closerId);
        outcome.write(out, stats, callId, lead, attempt);
    }

    void transferOver()
    {
        if (!leadLegUp)
        {
            tryRelease();
        }
    }

    void decide(final Disposition d, final CharSequence text)
    {
        outcome.decide(d, text);
    }

    void enter(final CallPhase next)
    {
        phase = next;
    }

    void playNow(final Object prompt)
    {
        prompts.playNow(prompt);
    }

    // ------------------------------------------------------------------------------------------------------------

    private void verdict(final Verdict verdict, final Cause cause, final int positionMs)
    {
        out.cancelTimer(callId, TIMER_GUARD);
        out.latency(callId, Step.ANSWER_TO_VERDICT, eventNanos, eventNanos - answerNanos);
        final int position = positionMs >= 0 ? positionMs :
            (int)Math.min(Integer.MAX_VALUE, Math.max(0, (eventNanos - answerNanos) / 1_000_000));
        journal.verdict(nowMs, lead, callId, verdict, cause, position);
        stats.verdict(verdict);
        out.measured(callId, PacingSample.VERDICT, Verdict.HUMAN == verdict || Verdict.NOTSURE == verdict, -1, -1);
        switch (verdict)
        {
            case HUMAN, NOTSURE -> qualify(positionMs >= 0 ?
                Math.min(nowMs, abandonment.answeredMs() + positionMs) : nowMs); // the greeting's end
            case MACHINE -> voicemail.onMachine();
            case SIT ->
            {
                decide(Disposition.INVALID_NUMBER, "special information tones");
                hangUpLead();
            }
            default ->
            {
                decide(Disposition.MACHINE, verdict.name());
                hangUpLead();
            }
        }
    }

    /**
     * The callee is treated as a person: the greeting ended, the abandon timer is armed, the script starts.
     *
     * @param greetingEnd the end of the greeting (the detector's end of speech), epoch ms.
     */
    private void qualify(final long greetingEnd)
    {
        phase = CallPhase.QUALIFYING;
        scripted = true;
        out.startTimer(callId, TIMER_ABANDON, abandonment.person(greetingEnd));
        prompts.firstPromptOrigin(eventNanos);
        script.start(out.leadValues(lead));
    }

    /**
     * The abandon timer fired: no audio reached the person within the delay. Only while the script has not been
     * heard yet (a closer's bridge or the first prompt's start disarm the timer; a late one is ignored).
     */
    private void abandon()
    {
        if (CallPhase.QUALIFYING != phase || abandonment.heard())
        {
            return;
        }
        out.cancelTimer(callId, TIMER_CONVERSATION);
        prompts.stop();
        abandonment.abandoned(scratch);
        outcome.abandoned(scratch);
        phase = CallPhase.SAFE_HARBOR;
        prompts.playNow(CallAbandonment.SAFE_HARBOR);
    }

    /**
     * A returned caller's key during or after the apology: a key of the campaign's callback offer picks the callback
     * time (other keys are ignored), confirmed by a last prompt before the hang-up.
     */
    private void callbackKey(final char digit)
    {
        final String choice = settings.callbackOffer().choice(digit);
        if (null == choice)
        {
            return;
        }
        out.cancelTimer(callId, TIMER_GUARD);
        prompts.stop();
        outcome.detail().append("; callback ");
        outcome.callbackTime(choice, nowMs, out.zoneOf(lead), outcome.detail());
        phase = CallPhase.CLOSING;
        prompts.playTransfer(Prompt.CALLBACK_CONFIRMATION, false);
    }

    void hangUpLead()
    {
        phase = CallPhase.HANGING_UP;
        out.hangUpLead(callId);
    }

    private void leadLegGone()
    {
        leadLegUp = false;
        leavePacing();
        outcome.write(out, stats, callId, lead, attempt);
        abandonment.write(nowMs, lead, callId);
        phase = CallPhase.ENDED;
        tryRelease();
    }

    private void leavePacing()
    {
        scriptEnded(false);
        if (inPacing)
        {
            inPacing = false;
            out.leftPacing(callId);
        }
    }

    private void scriptEnded(final boolean qualified)
    {
        if (scripted)
        {
            scripted = false;
            out.measured(callId, PacingSample.SCRIPT_END, qualified, qualified ? (eventNanos - dialNanos) / 1_000_000 :
                -1, qualified ? (eventNanos - answerNanos) / 1_000_000 : -1);
        }
    }

    private void tryRelease()
    {
        if (leadLegUp || !transfer.idle() || 0 == callId)
        {
            return;
        }
        for (int timer = 0; timer < TIMERS; timer++)
        {
            out.cancelTimer(callId, timer);
        }
        final long id = callId;
        callId = 0;
        phase = CallPhase.IDLE;
        prompts.reset(0);
        out.released(id);
    }
}
