/*
 * Dialer core: journal.
 */
package io.dialer.core.journal;

import java.util.Objects;

import io.dialer.core.compliance.Disposition;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.transfer.TransferOutcome;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Appends one record in the {@link Records} layout per {@link CampaignLog} call, with raw writes to the document's
 * bytes: no lambda, no proxy, no allocation once the appender exists. The appender is created on the first call, so
 * it belongs to the writing thread; one thread only. Null enums are refused before anything is written (a record is
 * never left half written by an exception); null character sequences are written as empty.
 */
final class JournalWriter implements CampaignLog
{
    private final SingleChronicleQueue queue;
    private ExcerptAppender appender;

    JournalWriter(final SingleChronicleQueue queue)
    {
        this.queue = queue;
    }

    /**
     * {@inheritDoc}
     */
    public void campaignStarted(
        final long timeMs,
        final int run,
        final CharSequence campaign,
        final CharSequence leadsFile,
        final int leads,
        final int closers)
    {
        try (DocumentContext dc = begin())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.writeByte(Records.CAMPAIGN_STARTED);
            bytes.writeLong(timeMs);
            bytes.writeInt(run);
            Records.writeText(bytes, campaign);
            Records.writeText(bytes, leadsFile);
            bytes.writeInt(leads);
            bytes.writeInt(closers);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void dialed(
        final long timeMs,
        final int lead,
        final long callId,
        final int attempt,
        final CharSequence e164,
        final CharSequence why)
    {
        try (DocumentContext dc = begin())
        {
            final Bytes<?> bytes = call(dc, Records.DIALED, timeMs, lead, callId);
            bytes.writeInt(attempt);
            Records.writeText(bytes, e164);
            Records.writeText(bytes, why);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void leadClosed(final long timeMs, final int lead, final CharSequence reason, final CharSequence detail)
    {
        try (DocumentContext dc = begin())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.writeByte(Records.LEAD_CLOSED);
            bytes.writeLong(timeMs);
            bytes.writeInt(lead);
            Records.writeText(bytes, reason);
            Records.writeText(bytes, detail);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void answered(final long timeMs, final int lead, final long callId)
    {
        try (DocumentContext dc = begin())
        {
            call(dc, Records.ANSWERED, timeMs, lead, callId);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void verdict(
        final long timeMs,
        final int lead,
        final long callId,
        final Verdict verdict,
        final Cause cause,
        final int positionMs)
    {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(cause, "cause");
        try (DocumentContext dc = begin())
        {
            final Bytes<?> bytes = call(dc, Records.VERDICT, timeMs, lead, callId);
            Records.VERDICTS.write(bytes, verdict);
            Records.CAUSES.write(bytes, cause);
            bytes.writeInt(positionMs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void answer(
        final long timeMs, final int lead, final long callId, final CharSequence question, final CharSequence value)
    {
        try (DocumentContext dc = begin())
        {
            final Bytes<?> bytes = call(dc, Records.ANSWER, timeMs, lead, callId);
            Records.writeText(bytes, question);
            Records.writeText(bytes, value);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void qualified(
        final long timeMs, final int lead, final long callId, final CharSequence skill, final CharSequence summary)
    {
        try (DocumentContext dc = begin())
        {
            final Bytes<?> bytes = call(dc, Records.QUALIFIED, timeMs, lead, callId);
            Records.writeText(bytes, skill);
            Records.writeText(bytes, summary);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void closerAttempt(
        final long timeMs, final int lead, final long callId, final CharSequence closerId, final CloserResult result)
    {
        Objects.requireNonNull(result, "result");
        try (DocumentContext dc = begin())
        {
            final Bytes<?> bytes = call(dc, Records.CLOSER_ATTEMPT, timeMs, lead, callId);
            Records.writeText(bytes, closerId);
            Records.CLOSER_RESULTS.write(bytes, result);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void transferEnded(
        final long timeMs,
        final int lead,
        final long callId,
        final TransferOutcome outcome,
        final CharSequence closerId)
    {
        Objects.requireNonNull(outcome, "outcome");
        try (DocumentContext dc = begin())
        {
            final Bytes<?> bytes = call(dc, Records.TRANSFER_ENDED, timeMs, lead, callId);
            Records.TRANSFER_OUTCOMES.write(bytes, outcome);
            Records.writeText(bytes, closerId);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void disposition(
        final long timeMs,
        final int lead,
        final long callId,
        final int attempt,
        final Disposition disposition,
        final long nextAttemptMs,
        final CharSequence detail)
    {
        Objects.requireNonNull(disposition, "disposition");
        try (DocumentContext dc = begin())
        {
            final Bytes<?> bytes = call(dc, Records.DISPOSITION, timeMs, lead, callId);
            bytes.writeInt(attempt);
            Records.DISPOSITIONS.write(bytes, disposition);
            bytes.writeLong(nextAttemptMs);
            Records.writeText(bytes, detail);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void optedOut(final long timeMs, final int lead, final CharSequence e164)
    {
        try (DocumentContext dc = begin())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.writeByte(Records.OPTED_OUT);
            bytes.writeLong(timeMs);
            bytes.writeInt(lead);
            Records.writeText(bytes, e164);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void latency(final long timeMs, final Step step, final long nanos)
    {
        Objects.requireNonNull(step, "step");
        try (DocumentContext dc = begin())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.writeByte(Records.LATENCY);
            bytes.writeLong(timeMs);
            Records.STEPS.write(bytes, step);
            bytes.writeLong(nanos);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void campaignFinished(final long timeMs, final int run)
    {
        try (DocumentContext dc = begin())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.writeByte(Records.CAMPAIGN_FINISHED);
            bytes.writeLong(timeMs);
            bytes.writeInt(run);
        }
    }

    /**
     * Writes a raw document with the given bytes: for tests that need a record this writer would never produce.
     *
     * @param raw the document's content.
     */
    void writeRaw(final byte[] raw)
    {
        try (DocumentContext dc = begin())
        {
            dc.wire().bytes().write(raw);
        }
    }

    private DocumentContext begin()
    {
        ExcerptAppender appender = this.appender;
        if (null == appender)
        {
            appender = queue.createAppender();
            this.appender = appender;
        }

        return appender.writingDocument();
    }

    private static Bytes<?> call(
        final DocumentContext dc, final byte type, final long timeMs, final int lead, final long callId)
    {
        final Bytes<?> bytes = dc.wire().bytes();
        bytes.writeByte(type);
        bytes.writeLong(timeMs);
        bytes.writeInt(lead);
        bytes.writeLong(callId);

        return bytes;
    }
}
