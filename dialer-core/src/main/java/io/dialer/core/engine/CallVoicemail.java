/*
 * Dialer core.
 */
package io.dialer.core.engine;

import io.dialer.core.compliance.Disposition;

/**
 * The machine part of a call's flow: a MACHINE verdict waits for the voicemail's beep and leaves the campaign's
 * message after it (or ends the call as MACHINE when the campaign leaves none); a greeting that ends without a beep,
 * or no beep in time, hangs up; a late beep after a person's verdict makes the call a machine after all. Like
 * {@link CallScript} and {@link CallTransfer}, a part of {@link CallFlow}: no I/O, no clock.
 */
final class CallVoicemail
{
    /** The campaign's voicemail message, as a prompt. */
    static final Object MESSAGE = new Object()
    {
        @Override
        public String toString()
        {
            return "voicemail message";
        }
    };

    private final CallFlow flow;
    private final CallSettings settings;
    private final CallCommands out;

    CallVoicemail(final CallFlow flow, final CallSettings settings, final CallCommands out)
    {
        this.flow = flow;
        this.settings = settings;
        this.out = out;
    }

    /**
     * The detector's verdict is MACHINE: wait for the beep, or hang up when no message is left.
     */
    void onMachine()
    {
        if (!settings.leaveMessage())
        {
            flow.decide(Disposition.MACHINE, "no voicemail message configured");
            flow.hangUpLead();
            return;
        }
        flow.enter(CallPhase.AWAITING_BEEP);
        out.startTimer(flow.callId(), CallFlow.TIMER_GUARD, flow.nowMs() + settings.beepTimeoutMs());
    }

    /**
     * The voicemail's beep ended: the message starts.
     */
    void onBeep()
    {
        if (CallPhase.AWAITING_BEEP != flow.phase())
        {
            return;
        }
        out.cancelTimer(flow.callId(), CallFlow.TIMER_GUARD);
        leaveMessage();
    }

    /**
     * The greeting ended without a beep, or none came in time: the call ends as MACHINE.
     */
    void beepMissing()
    {
        if (CallPhase.AWAITING_BEEP == flow.phase())
        {
            out.cancelTimer(flow.callId(), CallFlow.TIMER_GUARD);
            flow.decide(Disposition.MACHINE, "greeting ended without a beep");
            flow.hangUpLead();
        }
    }

    /**
     * A late beep showed the callee taken for a person is a recording (the flow stopped the script): the message is
     * left, or the call ends as MACHINE when there is none.
     */
    void machineAfterAll()
    {
        if (!settings.leaveMessage())
        {
            flow.decide(Disposition.MACHINE, "beep after the greeting, no voicemail message configured");
            flow.hangUpLead();
            return;
        }
        leaveMessage();
    }

    /**
     * A prompt on the lead's leg finished.
     *
     * @param finished    the prompt.
     * @param interrupted stopped before its end.
     * @return true when it was the message (the call then ends).
     */
    boolean onPlaybackFinished(final Object finished, final boolean interrupted)
    {
        if (MESSAGE != finished)
        {
            return false;
        }
        flow.decide(interrupted ? Disposition.MACHINE : Disposition.MESSAGE_LEFT,
            interrupted ? "message interrupted" : "");
        flow.hangUpLead();
        return true;
    }

    /**
     * The machine's leg ended.
     */
    void onEnded()
    {
        flow.decide(Disposition.MACHINE, CallPhase.AWAITING_BEEP == flow.phase() ?
            "hung up before the beep" : "hung up during the message");
    }

    private void leaveMessage()
    {
        flow.enter(CallPhase.LEAVING_MESSAGE);
        flow.playNow(MESSAGE);
    }
}
