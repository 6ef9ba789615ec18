/*
 * Dialer benchmarks: the engine's pipeline, measured in its own package (no change to dialer-core).
 */
package io.dialer.core.engine;

import java.util.concurrent.locks.LockSupport;

import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.sip.EndCause;
import io.dialer.sip.FailureCause;

/**
 * One producer thread of the pipeline benchmark, as the engine has several: a SIP stack's thread (RINGING,
 * ANSWERED, RINGING, ENDED, FAILED in turn), a media agent (VERDICT, PLAYBACK_FINISHED, DTMF, PLAYBACK_FINISHED) or
 * the control seam (CLOSER_PAUSE, CLOSER_RESUME with a closer id and a reason). Each fills the slot's fields as
 * {@link EventProxy} does. As fast as it can ({@code intervalNanos} 0: the event's time is the publish time) or on a
 * fixed schedule (the event's time is its intended send time, the token its actual publish time; a producer that
 * falls behind publishes the late events at once, each keeping its intended time, so the latency is corrected for
 * coordinated omission). Between due events it parks.
 */
final class PipelineProducer implements Runnable
{
    /** What a producer stands for. */
    enum Kind
    {
        /** A SIP stack's thread. */
        SIP,
        /** A media agent. */
        MEDIA,
        /** The control seam (users' actions). */
        CONTROL
    }

    private static final EventType[] SIP = {
        EventType.RINGING, EventType.ANSWERED, EventType.RINGING, EventType.ENDED, EventType.FAILED};
    private static final EventType[] MEDIA = {
        EventType.VERDICT, EventType.PLAYBACK_FINISHED, EventType.DTMF, EventType.PLAYBACK_FINISHED};
    private static final EventType[] CONTROL = {EventType.CLOSER_PAUSE, EventType.CLOSER_RESUME};
    private static final String[] CLOSER_IDS = {"closer-1", "closer-2", "closer-3", "closer-4"};

    private final Kind kind;
    private final int index;
    private final EventPort port;
    private final long count;
    private final long startNanos;
    private final long intervalNanos;

    /**
     * @param kind          what it stands for.
     * @param index         its number (the high bits of its call ids).
     * @param port          where it publishes.
     * @param count         how many events.
     * @param startNanos    when the first is due (fixed rate).
     * @param intervalNanos between two events; 0 for as fast as possible.
     */
    PipelineProducer(
        final Kind kind, final int index, final EventPort port, final long count, final long startNanos,
        final long intervalNanos)
    {
        this.kind = kind;
        this.index = index;
        this.port = port;
        this.count = count;
        this.startNanos = startNanos;
        this.intervalNanos = intervalNanos;
    }

    Kind kind()
    {
        return kind;
    }

    @Override
    public void run()
    {
        final EventType[] mix = Kind.SIP == kind ? SIP : Kind.MEDIA == kind ? MEDIA : CONTROL;
        final long callBase = (long)index << 40;
        for (long i = 0; i < count; i++)
        {
            long nanos = System.nanoTime();
            long sent = 0;
            if (0 != intervalNanos)
            {
                final long due = startNanos + i * intervalNanos;
                while (nanos < due)
                {
                    LockSupport.parkNanos(due - nanos);
                    nanos = System.nanoTime();
                }
                sent = nanos;
                nanos = due;
            }
            final EventType type = mix[(int)(i % mix.length)];
            final long callId = callBase | (i / mix.length);
            final EngineEvent e = port.claim(type, callId, EngineEvent.LEAD_LEG, nanos);
            fill(e, type, i);
            e.token = sent;
            port.publish(e);
        }
    }

    private static void fill(final EngineEvent e, final EventType type, final long i)
    {
        switch (type)
        {
            case FAILED ->
            {
                e.cause = FailureCause.BUSY;
                e.value = 486;
                e.text = "Busy Here";
            }
            case ENDED -> e.cause = EndCause.REMOTE_BYE;
            case VERDICT ->
            {
                e.cause = Verdict.HUMAN;
                e.cause2 = Cause.SHORT_GREETING;
                e.value = 1_200;
            }
            case DTMF -> e.digit = '1';
            case CLOSER_PAUSE, CLOSER_RESUME ->
            {
                e.value = (int)(i & 63);
                e.text = CLOSER_IDS[(int)(i & 3)];
                e.text2 = "break";
            }
            default ->
            {
            }
        }
    }
}
