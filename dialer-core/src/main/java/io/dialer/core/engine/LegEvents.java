/*
 * Dialer core.
 */
package io.dialer.core.engine;

import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.sip.CallLeg;
import io.dialer.sip.CallListener;
import io.dialer.sip.DtmfSource;
import io.dialer.sip.EndCause;
import io.dialer.sip.FailureCause;

/**
 * One leg's events, published on the SIP and media threads into the controller's ring through the
 * {@link EventProxy} and returned at once: a producer never touches call state. One instance per leg (allocated per
 * dial, not per event).
 */
final class LegEvents implements CallListener
{
    private final EventProxy events;
    private final long callId;
    private final int leg;

    LegEvents(final EventProxy events, final long callId, final int leg)
    {
        this.events = events;
        this.callId = callId;
        this.leg = leg;
    }

    @Override
    public void onRinging(final CallLeg callLeg, final boolean earlyMedia)
    {
        events.ringing(callId, leg);
    }

    @Override
    public void onAnswered(final CallLeg callLeg)
    {
        events.answered(callId, leg);
    }

    @Override
    public void onFailed(final CallLeg callLeg, final FailureCause cause, final int sipStatus, final String reason)
    {
        events.failed(callId, leg, cause, sipStatus, reason);
    }

    @Override
    public void onEnded(final CallLeg callLeg, final EndCause cause)
    {
        events.ended(callId, leg, cause);
    }

    @Override
    public void onDtmf(final CallLeg callLeg, final char digit, final DtmfSource source)
    {
        events.dtmf(callId, leg, digit);
    }

    @Override
    public void onPlaybackFinished(final CallLeg callLeg, final long playbackId, final boolean interrupted)
    {
        events.playbackFinished(callId, leg, playbackId, interrupted);
    }

    @Override
    public void onVerdict(
        final CallLeg callLeg, final Verdict verdict, final Cause cause, final float confidence, final int positionMs)
    {
        events.verdict(callId, leg, verdict, cause, positionMs);
    }

    @Override
    public void onBeep(final CallLeg callLeg, final int endMs, final int frequencyHz)
    {
        events.detection(EventType.BEEP, callId, leg, endMs);
    }

    @Override
    public void onGreetingEndedWithoutBeep(final CallLeg callLeg, final int positionMs)
    {
        events.detection(EventType.NO_BEEP, callId, leg, positionMs);
    }

    @Override
    public void onLateBeep(final CallLeg callLeg, final int endMs, final int frequencyHz)
    {
        events.detection(EventType.LATE_BEEP, callId, leg, endMs);
    }
}
