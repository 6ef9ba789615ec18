/*
 * Dialer core.
 */
package io.dialer.core.engine;

import com.lmax.disruptor.RingBuffer;
import io.dialer.core.journal.JournalCodec;
import org.agrona.MutableDirectBuffer;

/**
 * The only writer of the command ring (like Aeron's {@code SenderProxy}): one method per command, each claiming a
 * slot, filling it and publishing it, so the claim/fill/publish pattern is written once ({@link #claim},
 * {@link #publish}). It also gives each journal's encoder its {@link JournalCodec.RecordSink} ({@link #records}): a
 * record is encoded straight into a slot's buffer and published. Single producer: the controller's thread only.
 */
final class CommandProxy
{
    /** The engine's own journal (the floor's records), as a record's journal index. */
    static final int ENGINE_JOURNAL = 0;

    private final RingBuffer<Command> ring;
    private Command pendingRecord;

    CommandProxy(final RingBuffer<Command> ring)
    {
        this.ring = ring;
    }

    void dialLead(
        final int campaign, final long callId, final int lead, final String e164, final long ringTimeoutMs,
        final long nanos)
    {
        final Command c = claim(CommandType.DIAL_LEAD, callId, EngineEvent.LEAD_LEG);
        c.campaign = campaign;
        c.lead = lead;
        c.target = e164;
        c.ringTimeoutMs = ringTimeoutMs;
        c.originNanos = nanos;
        publish(c);
    }

    void dialCloser(
        final int campaign, final long callId, final int closer, final String target, final String callerIdUser,
        final long ringTimeoutMs, final long originNanos)
    {
        final Command c = claim(CommandType.DIAL_CLOSER, callId, EngineEvent.closerLeg(closer));
        c.campaign = campaign;
        c.closer = closer;
        c.target = target;
        c.callerIdUser = callerIdUser;
        c.ringTimeoutMs = ringTimeoutMs;
        c.originNanos = originNanos;
        publish(c);
    }

    void play(
        final int campaign, final long callId, final int leg, final int lead, final Object prompt, final boolean loop,
        final long token, final long originNanos, final int step)
    {
        final Command c = claim(CommandType.PLAY, callId, leg);
        c.campaign = campaign;
        c.lead = lead;
        c.prompt = prompt;
        c.loop = loop;
        c.token = token;
        c.originNanos = originNanos;
        c.step = step;
        publish(c);
    }

    void stopPlayback(final long callId, final int leg)
    {
        publish(claim(CommandType.STOP_PLAYBACK, callId, leg));
    }

    void hangUp(final long callId, final int leg)
    {
        publish(claim(CommandType.HANG_UP, callId, leg));
    }

    void bridge(final int campaign, final long callId, final int closer, final long originNanos)
    {
        final Command c = claim(CommandType.BRIDGE, callId, EngineEvent.closerLeg(closer));
        c.campaign = campaign;
        c.closer = closer;
        c.originNanos = originNanos;
        publish(c);
    }

    void introduce(final int campaign, final long callId, final int closer)
    {
        final Command c = claim(CommandType.INTRODUCE, callId, EngineEvent.closerLeg(closer));
        c.campaign = campaign;
        c.closer = closer;
        publish(c);
    }

    void holdMediaTimeout(final long callId, final boolean onHold)
    {
        final Command c = claim(CommandType.HOLD_MEDIA_TIMEOUT, callId, EngineEvent.LEAD_LEG);
        c.flag = onHold;
        publish(c);
    }

    void prepareBriefing(final int campaign, final long callId, final String summary)
    {
        final Command c = claim(CommandType.PREPARE_BRIEFING, callId, EngineEvent.LEAD_LEG);
        c.campaign = campaign;
        c.summary = summary;
        publish(c);
    }

    void release(final long callId)
    {
        publish(claim(CommandType.RELEASE, callId, EngineEvent.LEAD_LEG));
    }

    void persistOptOut(final long number, final long timeMs, final String source)
    {
        final Command c = claim(CommandType.PERSIST_OPT_OUT, 0, EngineEvent.LEAD_LEG);
        c.number = number;
        c.timeMs = timeMs;
        c.summary = source;
        publish(c);
    }

    void persistRemoval(final long number, final long timeMs, final String source)
    {
        final Command c = claim(CommandType.PERSIST_DNC_REMOVAL, 0, EngineEvent.LEAD_LEG);
        c.number = number;
        c.timeMs = timeMs;
        c.summary = source;
        publish(c);
    }

    /**
     * Where the records of one journal go: each is a {@link CommandType#RECORD} command naming its journal, which
     * the decision journal's consumer appends there.
     *
     * @param journal the journal's index ({@link #ENGINE_JOURNAL}, or 1 + a campaign's id).
     * @return the sink.
     */
    JournalCodec.RecordSink records(final int journal)
    {
        return new JournalCodec.RecordSink()
        {
            @Override
            public MutableDirectBuffer claim()
            {
                pendingRecord = CommandProxy.this.claim(CommandType.RECORD, 0, EngineEvent.LEAD_LEG);
                pendingRecord.journal = journal;
                return pendingRecord.record;
            }

            @Override
            public void commit(final int length)
            {
                final Command c = pendingRecord;
                pendingRecord = null;
                c.recordLength = length;
                publish(c);
            }
        };
    }

    private Command claim(final CommandType type, final long callId, final int leg)
    {
        final long sequence = ring.next();
        final Command c = ring.get(sequence).reset(type, callId, leg);
        c.sequence = sequence;
        return c;
    }

    private void publish(final Command c)
    {
        ring.publish(c.sequence);
    }
}
