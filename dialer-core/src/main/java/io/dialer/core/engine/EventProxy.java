/*
 * Dialer core.
 */
package io.dialer.core.engine;

import com.lmax.disruptor.RingBuffer;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.sip.EndCause;
import io.dialer.sip.FailureCause;
import io.dialer.sip.ReleaseOutcome;

/**
 * The only way into the controller's ring (like Aeron's proxies): one method per event, each claiming a slot,
 * filling it and publishing it, with the claim and publish written once ({@link #claim}, {@link #publish}). Any
 * number of threads may call it at once (the ring is multi-producer): SIP and media threads through
 * {@link LegEvents}, the effects lanes, and the control seam.
 */
final class EventProxy
{
    private final RingBuffer<EngineEvent> ring;

    EventProxy(final RingBuffer<EngineEvent> ring)
    {
        this.ring = ring;
    }

    void ringing(final long callId, final int leg)
    {
        publish(claim(EventType.RINGING, callId, leg));
    }

    void answered(final long callId, final int leg)
    {
        publish(claim(EventType.ANSWERED, callId, leg));
    }

    void failed(final long callId, final int leg, final FailureCause cause, final int status, final String reason)
    {
        final EngineEvent e = claim(EventType.FAILED, callId, leg);
        e.cause = cause;
        e.value = status;
        e.text = reason;
        publish(e);
    }

    void ended(final long callId, final int leg, final EndCause cause)
    {
        final EngineEvent e = claim(EventType.ENDED, callId, leg);
        e.cause = cause;
        publish(e);
    }

    void dtmf(final long callId, final int leg, final char digit)
    {
        final EngineEvent e = claim(EventType.DTMF, callId, leg);
        e.digit = digit;
        publish(e);
    }

    void playbackFinished(final long callId, final int leg, final long token, final boolean interrupted)
    {
        final EngineEvent e = claim(EventType.PLAYBACK_FINISHED, callId, leg);
        e.token = token;
        e.value = interrupted ? 1 : 0;
        publish(e);
    }

    void verdict(final long callId, final int leg, final Verdict verdict, final Cause cause, final int positionMs)
    {
        final EngineEvent e = claim(EventType.VERDICT, callId, leg);
        e.cause = verdict;
        e.cause2 = cause;
        e.value = positionMs;
        publish(e);
    }

    void detection(final EventType type, final long callId, final int leg, final int positionMs)
    {
        final EngineEvent e = claim(type, callId, leg);
        e.value = positionMs;
        publish(e);
    }

    void latency(final long callId, final int step, final long endNanos, final long nanos)
    {
        final EngineEvent e = claim(EventType.LATENCY, callId, EngineEvent.LEAD_LEG);
        e.nanos = endNanos; // when the step ended, not when it was reported
        e.value = step;
        e.token = nanos;
        publish(e);
    }

    void bridged(final long callId)
    {
        publish(claim(EventType.BRIDGED, callId, EngineEvent.LEAD_LEG));
    }

    void mediaRelease(final long callId, final ReleaseOutcome outcome, final int sipStatus)
    {
        final EngineEvent e = claim(EventType.MEDIA_RELEASE, callId, EngineEvent.LEAD_LEG);
        e.cause = outcome;
        e.value = sipStatus;
        publish(e);
    }

    void commandFailed(final long callId, final int leg, final String reason)
    {
        final EngineEvent e = claim(EventType.COMMAND_FAILED, callId, leg);
        e.text = reason;
        publish(e);
    }

    /**
     * A control action.
     *
     * @param type       the action.
     * @param subject    who or what (a closer id, a number), may be null.
     * @param detail     a reason, may be null.
     * @param attachment a future to complete, or null.
     */
    void control(final EventType type, final String subject, final String detail, final Object attachment)
    {
        control(type, -1, subject, detail, attachment);
    }

    /**
     * A control action on a campaign.
     *
     * @param type       the action.
     * @param campaign   the campaign's id, -1 for none.
     * @param subject    who or what (a closer id, a number), may be null.
     * @param detail     a reason, may be null.
     * @param attachment a future to complete (or what the action carries), or null.
     */
    void control(
        final EventType type, final int campaign, final String subject, final String detail, final Object attachment)
    {
        final EngineEvent e = claim(type, 0, EngineEvent.LEAD_LEG);
        e.value = campaign;
        e.text = subject;
        e.text2 = detail;
        e.attachment = attachment;
        publish(e);
    }

    private EngineEvent claim(final EventType type, final long callId, final int leg)
    {
        final long sequence = ring.next();
        final EngineEvent e = ring.get(sequence).set(type, callId, leg, System.nanoTime());
        e.sequence = sequence;
        return e;
    }

    private void publish(final EngineEvent e)
    {
        ring.publish(e.sequence);
    }
}
