/*
 * Dialer benchmarks: the engine's pipeline, measured in its own package (no change to dialer-core).
 */
package io.dialer.core.engine;

import java.util.concurrent.atomic.AtomicLong;

import com.lmax.disruptor.EventHandler;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.ControlAction;
import io.dialer.core.journal.JournalCodec;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import org.HdrHistogram.Histogram;

/**
 * The controller's stand-in in the pipeline benchmark: what {@link CallController} does per event, without the
 * campaign behind it. Each event updates a preallocated call table and, by type, encodes the decision records the
 * controller writes for it ({@link JournalCodec.Encoder} into the command stage, as the engine does) and publishes
 * its commands: ANSWERED → answered record + PLAY; VERDICT → verdict record + PLAY; DTMF → answer record +
 * STOP_PLAYBACK; ENDED or FAILED → disposition record + RELEASE + dialed record + DIAL_LEAD (the next lead);
 * control events → a control record; RINGING and PLAYBACK_FINISHED → state only. No allocation, no lock. At the end
 * of each batch (and on the ring's 1 ms timeout) it does the controller's periodic poll (here: a clock read).
 * Latency is recorded for events whose time is at or after {@link #measureFrom}: from the event's time (its intended
 * send time at a fixed rate) to the end of its handling, and, when the producer put its actual publish time in the
 * event's token (the benchmark's producers do at a fixed rate), from that publish to the end of its handling.
 */
final class ModelController implements EventHandler<EngineEvent>
{
    private static final int CAPACITY = 1 << 12;
    private static final Object PROMPT = "greeting";

    private final CommandPort commands;
    private final JournalCodec.Encoder log;
    private final long[] callState = new long[CAPACITY];
    private final int[] attempts = new int[CAPACITY];
    private final long[] closerState = new long[64];
    private final Histogram latency;
    private final Histogram sendLatency;
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private volatile long measureFrom = Long.MAX_VALUE;
    private long token;
    private long nowMs;
    private long nextLead = 1_000_000L;

    ModelController(final CommandPort commands, final Histogram latency, final Histogram sendLatency)
    {
        this.sendLatency = sendLatency;
        this.commands = commands;
        this.log = new JournalCodec.Encoder(commands.records(1));
        this.latency = latency;
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch)
    {
        nowMs = System.currentTimeMillis();
        dispatch(event);
        if (endOfBatch)
        {
            onTimeout(sequence);
        }
        published.lazySet(commands.count());
        final long nanos = event.nanos;
        if (nanos >= measureFrom)
        {
            final long now = System.nanoTime();
            latency.recordValue(Math.max(0, now - nanos));
            if (0 != event.token)
            {
                sendLatency.recordValue(Math.max(0, now - event.token));
            }
        }
        handled.lazySet(handled.get() + 1);
    }

    @Override
    public void onTimeout(final long sequence)
    {
        nowMs = System.currentTimeMillis();
    }

    private void dispatch(final EngineEvent event)
    {
        final long callId = event.callId;
        final int slot = (int)callId & (CAPACITY - 1);
        final int lead = slot;
        switch (event.type)
        {
            case RINGING -> callState[slot] = 1;
            case ANSWERED ->
            {
                callState[slot] = 2;
                log.answered(nowMs, lead, callId);
                play(callId, lead, event.nanos);
            }
            case VERDICT ->
            {
                callState[slot] = 3;
                log.verdict(nowMs, lead, callId, Verdict.HUMAN, Cause.SHORT_GREETING, event.value);
                play(callId, lead, event.nanos);
            }
            case PLAYBACK_FINISHED -> callState[slot] |= 8;
            case DTMF ->
            {
                log.answer(nowMs, lead, callId, "interested", "1");
                send(commands.claim(CommandType.STOP_PLAYBACK, callId, event.leg));
            }
            case ENDED, FAILED -> endAndDialNext(event, slot, lead);
            default -> control(event);
        }
    }

    private void endAndDialNext(final EngineEvent event, final int slot, final int lead)
    {
        final long callId = event.callId;
        callState[slot] = 0;
        log.disposition(nowMs, lead, callId, ++attempts[slot],
            EventType.FAILED == event.type ? Disposition.BUSY : Disposition.HUNG_UP, 0, "");
        send(commands.claim(CommandType.RELEASE, callId, EngineEvent.LEAD_LEG));
        final long next = nextLead++;
        log.dialed(nowMs, lead, next, 1, "+12145550123", "new");
        final Command c = commands.claim(CommandType.DIAL_LEAD, next, EngineEvent.LEAD_LEG);
        c.campaign = 0;
        c.lead = lead;
        c.target = "+12145550123";
        c.ringTimeoutMs = 30_000;
        c.originNanos = event.nanos;
        send(c);
    }

    private void play(final long callId, final int lead, final long originNanos)
    {
        final Command c = commands.claim(CommandType.PLAY, callId, EngineEvent.LEAD_LEG);
        c.campaign = 0;
        c.lead = lead;
        c.prompt = PROMPT;
        c.token = ++token;
        c.originNanos = originNanos;
        c.step = 0;
        send(c);
    }

    private void control(final EngineEvent event)
    {
        final int closer = event.value & (closerState.length - 1);
        closerState[closer] = EventType.CLOSER_PAUSE == event.type ? 1 : 0;
        log.control(nowMs, EventType.CLOSER_PAUSE == event.type ? ControlAction.CLOSER_LOGIN :
            ControlAction.CLOSER_LOGOUT, event.text, event.text2, true);
    }

    private void send(final Command c)
    {
        commands.send(c);
    }

    void measureFrom(final long nanos)
    {
        measureFrom = nanos;
    }

    long handled()
    {
        return handled.get();
    }

    long published()
    {
        return published.get();
    }
}
