/*
 * Dialer core.
 */
package io.dialer.core.engine;

import com.lmax.disruptor.RingBuffer;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.CloserResult;
import io.dialer.core.journal.Step;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.transfer.TransferOutcome;

/**
 * The controller's side of the journal: each decision becomes a {@link CommandType#RECORD} slot on the command ring,
 * copied into the slot's reusable fields (no allocation), and the journal stage ({@link RecordReplay}) appends it
 * on its own thread. Single producer: only the controller's thread calls this.
 */
final class CommandLog implements CampaignLog
{
    private final RingBuffer<Command> ring;

    CommandLog(final RingBuffer<Command> ring)
    {
        this.ring = ring;
    }

    @Override
    public void campaignStarted(
        final long timeMs, final int run, final CharSequence campaign, final CharSequence leadsFile, final int leads,
        final int closers)
    {
        final long seq = ring.next();
        final Command c = begin(seq, Command.RecordType.CAMPAIGN_STARTED, timeMs, 0L);
        c.attempt = run;
        c.lead = leads;
        c.ordinal = closers;
        c.text.append(campaign);
        c.text2.append(leadsFile);
        ring.publish(seq);
    }

    @Override
    public void dialed(
        final long timeMs, final int lead, final long callId, final int attempt, final CharSequence e164,
        final CharSequence why)
    {
        final long seq = ring.next();
        final Command c = begin(seq, Command.RecordType.DIALED, timeMs, callId);
        c.lead = lead;
        c.attempt = attempt;
        c.text.append(e164);
        c.text2.append(why);
        ring.publish(seq);
    }

    @Override
    public void leadClosed(final long timeMs, final int lead, final CharSequence reason, final CharSequence detail)
    {
        final long seq = ring.next();
        final Command c = begin(seq, Command.RecordType.LEAD_CLOSED, timeMs, 0L);
        c.lead = lead;
        c.text.append(reason);
        c.text2.append(detail);
        ring.publish(seq);
    }

    @Override
    public void answered(final long timeMs, final int lead, final long callId)
    {
        final long seq = ring.next();
        begin(seq, Command.RecordType.ANSWERED, timeMs, callId).lead = lead;
        ring.publish(seq);
    }

    @Override
    public void verdict(
        final long timeMs, final int lead, final long callId, final Verdict verdict, final Cause cause,
        final int positionMs)
    {
        final long seq = ring.next();
        final Command c = begin(seq, Command.RecordType.VERDICT, timeMs, callId);
        c.lead = lead;
        c.ordinal = verdict.ordinal();
        c.ordinal2 = cause.ordinal();
        c.attempt = positionMs;
        ring.publish(seq);
    }

    @Override
    public void answer(
        final long timeMs, final int lead, final long callId, final CharSequence question, final CharSequence value)
    {
        final long seq = ring.next();
        final Command c = begin(seq, Command.RecordType.ANSWER, timeMs, callId);
        c.lead = lead;
        c.text.append(question);
        c.text2.append(value);
        ring.publish(seq);
    }

    @Override
    public void qualified(
        final long timeMs, final int lead, final long callId, final CharSequence skill, final CharSequence summary)
    {
        final long seq = ring.next();
        final Command c = begin(seq, Command.RecordType.QUALIFIED, timeMs, callId);
        c.lead = lead;
        c.text.append(skill);
        c.text2.append(summary);
        ring.publish(seq);
    }

    @Override
    public void closerAttempt(
        final long timeMs, final int lead, final long callId, final CharSequence closerId, final CloserResult result)
    {
        final long seq = ring.next();
        final Command c = begin(seq, Command.RecordType.CLOSER_ATTEMPT, timeMs, callId);
        c.lead = lead;
        c.ordinal = result.ordinal();
        c.text.append(closerId);
        ring.publish(seq);
    }

    @Override
    public void transferEnded(
        final long timeMs, final int lead, final long callId, final TransferOutcome outcome,
        final CharSequence closerId)
    {
        final long seq = ring.next();
        final Command c = begin(seq, Command.RecordType.TRANSFER_ENDED, timeMs, callId);
        c.lead = lead;
        c.ordinal = outcome.ordinal();
        c.text.append(closerId);
        ring.publish(seq);
    }

    @Override
    public void disposition(
        final long timeMs, final int lead, final long callId, final int attempt, final Disposition disposition,
        final long nextAttemptMs, final CharSequence detail)
    {
        final long seq = ring.next();
        final Command c = begin(seq, Command.RecordType.DISPOSITION, timeMs, callId);
        c.lead = lead;
        c.attempt = attempt;
        c.ordinal = disposition.ordinal();
        c.number = nextAttemptMs;
        c.text.append(detail);
        ring.publish(seq);
    }

    @Override
    public void optedOut(final long timeMs, final int lead, final CharSequence e164)
    {
        final long seq = ring.next();
        final Command c = begin(seq, Command.RecordType.OPTED_OUT, timeMs, 0L);
        c.lead = lead;
        c.text.append(e164);
        ring.publish(seq);
    }

    @Override
    public void latency(final long timeMs, final Step step, final long nanos)
    {
        final long seq = ring.next();
        final Command c = begin(seq, Command.RecordType.LATENCY, timeMs, 0L);
        c.ordinal = step.ordinal();
        c.number = nanos;
        ring.publish(seq);
    }

    @Override
    public void campaignFinished(final long timeMs, final int run)
    {
        final long seq = ring.next();
        begin(seq, Command.RecordType.CAMPAIGN_FINISHED, timeMs, 0L).attempt = run;
        ring.publish(seq);
    }

    private Command begin(final long seq, final Command.RecordType record, final long timeMs, final long callId)
    {
        final Command c = ring.get(seq).reset(CommandType.RECORD, callId, EngineEvent.LEAD_LEG);
        c.record = record;
        c.timeMs = timeMs;
        return c;
    }

    /**
     * The journal's side: replays one record slot into a {@link CampaignLog} (the Chronicle journal's writer).
     */
    static final class RecordReplay
    {
        private static final Verdict[] VERDICTS = Verdict.values();
        private static final Cause[] CAUSES = Cause.values();
        private static final TransferOutcome[] OUTCOMES = TransferOutcome.values();

        private RecordReplay()
        {
        }

        static void replay(final Command c, final CampaignLog log)
        {
            switch (c.record)
            {
                case CAMPAIGN_STARTED -> log.campaignStarted(c.timeMs, c.attempt, c.text, c.text2, c.lead, c.ordinal);
                case DIALED -> log.dialed(c.timeMs, c.lead, c.callId, c.attempt, c.text, c.text2);
                case LEAD_CLOSED -> log.leadClosed(c.timeMs, c.lead, c.text, c.text2);
                case ANSWERED -> log.answered(c.timeMs, c.lead, c.callId);
                case VERDICT -> log.verdict(
                    c.timeMs, c.lead, c.callId, VERDICTS[c.ordinal], CAUSES[c.ordinal2], c.attempt);
                case ANSWER -> log.answer(c.timeMs, c.lead, c.callId, c.text, c.text2);
                case QUALIFIED -> log.qualified(c.timeMs, c.lead, c.callId, c.text, c.text2);
                case CLOSER_ATTEMPT -> log.closerAttempt(
                    c.timeMs, c.lead, c.callId, c.text, CloserResult.get(c.ordinal));
                case TRANSFER_ENDED -> log.transferEnded(c.timeMs, c.lead, c.callId, OUTCOMES[c.ordinal], c.text);
                case DISPOSITION -> log.disposition(
                    c.timeMs, c.lead, c.callId, c.attempt, Disposition.get(c.ordinal), c.number, c.text);
                case OPTED_OUT -> log.optedOut(c.timeMs, c.lead, c.text);
                case LATENCY -> log.latency(c.timeMs, Step.get(c.ordinal), c.number);
                case CAMPAIGN_FINISHED -> log.campaignFinished(c.timeMs, c.attempt);
                default -> throw new IllegalStateException("unknown record " + c.record);
            }
        }
    }
}
