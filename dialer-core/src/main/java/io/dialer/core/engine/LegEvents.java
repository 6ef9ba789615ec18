/*
 * Dialer core.
 */
package io.dialer.core.engine;

import com.lmax.disruptor.RingBuffer;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.sip.CallLeg;
import io.dialer.sip.CallListener;
import io.dialer.sip.DtmfSource;
import io.dialer.sip.EndCause;
import io.dialer.sip.FailureCause;

/**
 * One leg's events, translated on the SIP and media threads into slots of the controller's ring and returned at
 * once: a producer never touches call state. One instance per leg (allocated per dial, not per event).
 */
final class LegEvents implements CallListener
{
    private final RingBuffer<EngineEvent> ring;
    private final long callId;
    private final int leg;

    LegEvents(final RingBuffer<EngineEvent> ring, final long callId, final int leg)
    {
        this.ring = ring;
        this.callId = callId;
        this.leg = leg;
    }

    @Override
    public void onRinging(final CallLeg callLeg, final boolean earlyMedia)
    {
        final long seq = ring.next();
        ring.get(seq).set(EventType.RINGING, callId, leg, System.nanoTime());
        ring.publish(seq);
    }

    @Override
    public void onAnswered(final CallLeg callLeg)
    {
        final long seq = ring.next();
        ring.get(seq).set(EventType.ANSWERED, callId, leg, System.nanoTime());
        ring.publish(seq);
    }

    @Override
    public void onFailed(final CallLeg callLeg, final FailureCause cause, final int sipStatus, final String reason)
    {
        final long seq = ring.next();
        final EngineEvent event = ring.get(seq).set(EventType.FAILED, callId, leg, System.nanoTime());
        event.cause = cause;
        event.value = sipStatus;
        event.text = reason;
        ring.publish(seq);
    }

    @Override
    public void onEnded(final CallLeg callLeg, final EndCause cause)
    {
        final long seq = ring.next();
        ring.get(seq).set(EventType.ENDED, callId, leg, System.nanoTime()).cause = cause;
        ring.publish(seq);
    }

    @Override
    public void onDtmf(final CallLeg callLeg, final char digit, final DtmfSource source)
    {
        final long seq = ring.next();
        ring.get(seq).set(EventType.DTMF, callId, leg, System.nanoTime()).digit = digit;
        ring.publish(seq);
    }

    @Override
    public void onPlaybackFinished(final CallLeg callLeg, final long playbackId, final boolean interrupted)
    {
        final long seq = ring.next();
        final EngineEvent event = ring.get(seq).set(EventType.PLAYBACK_FINISHED, callId, leg, System.nanoTime());
        event.token = playbackId;
        event.value = interrupted ? 1 : 0;
        ring.publish(seq);
    }

    @Override
    public void onVerdict(
        final CallLeg callLeg, final Verdict verdict, final Cause cause, final float confidence, final int positionMs)
    {
        final long seq = ring.next();
        final EngineEvent event = ring.get(seq).set(EventType.VERDICT, callId, leg, System.nanoTime());
        event.cause = verdict;
        event.cause2 = cause;
        event.value = positionMs;
        ring.publish(seq);
    }

    @Override
    public void onBeep(final CallLeg callLeg, final int endMs, final int frequencyHz)
    {
        final long seq = ring.next();
        ring.get(seq).set(EventType.BEEP, callId, leg, System.nanoTime()).value = endMs;
        ring.publish(seq);
    }

    @Override
    public void onGreetingEndedWithoutBeep(final CallLeg callLeg, final int positionMs)
    {
        final long seq = ring.next();
        ring.get(seq).set(EventType.NO_BEEP, callId, leg, System.nanoTime()).value = positionMs;
        ring.publish(seq);
    }

    @Override
    public void onLateBeep(final CallLeg callLeg, final int endMs, final int frequencyHz)
    {
        final long seq = ring.next();
        ring.get(seq).set(EventType.LATE_BEEP, callId, leg, System.nanoTime()).value = endMs;
        ring.publish(seq);
    }
}
