/*
 * Dialer core: journal.
 */
package io.dialer.core.journal;

import io.dialer.core.compliance.Disposition;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.transfer.TransferOutcome;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Decodes one record in the {@link Records} layout into reused fields, then dispatches it to a {@link CampaignLog}.
 * Decoding never throws: a record too short for its fields, of an unknown type or naming an unknown enum constant is
 * reported by {@link #decode}'s result, so the caller can skip it. Dispatching is separate, so the listener's own
 * exceptions are never mistaken for a bad record.
 */
final class JournalReader
{
    /** The record was decoded and may be dispatched. */
    static final int OK = 0;
    /** The record is empty or its type byte is unknown. */
    static final int UNKNOWN_TYPE = 1;
    /** The record ends before its fields do, or names an enum constant this version does not have. */
    static final int MALFORMED = 2;

    private final StringBuilder text1 = new StringBuilder(64);
    private final StringBuilder text2 = new StringBuilder(64);
    private byte type;
    private boolean malformed;
    private long timeMs;
    private int lead;
    private long callId;
    private int int1;
    private int int2;
    private int int3;
    private long long1;
    private Verdict verdict;
    private Cause cause;
    private CloserResult closerResult;
    private TransferOutcome transferOutcome;
    private Disposition disposition;
    private Step step;

    /**
     * The type byte of the last record decoded.
     *
     * @return the type.
     */
    byte type()
    {
        return type;
    }

    /**
     * Decodes the record between the read position and the read limit.
     *
     * @param bytes the record.
     * @return {@link #OK}, {@link #UNKNOWN_TYPE} or {@link #MALFORMED}.
     */
    int decode(final Bytes<?> bytes)
    {
        malformed = false;
        if (bytes.readRemaining() < 1)
        {
            type = 0;
            return UNKNOWN_TYPE;
        }
        type = bytes.readByte();
        timeMs = readLong(bytes);

        switch (type)
        {
            case Records.CAMPAIGN_STARTED:
                int1 = readInt(bytes);
                readText(bytes, text1);
                readText(bytes, text2);
                int2 = readInt(bytes);
                int3 = readInt(bytes);
                break;

            case Records.DIALED:
                readCall(bytes);
                int1 = readInt(bytes);
                readText(bytes, text1);
                readText(bytes, text2);
                break;

            case Records.LEAD_CLOSED:
                lead = readInt(bytes);
                readText(bytes, text1);
                readText(bytes, text2);
                break;

            case Records.ANSWERED:
                readCall(bytes);
                break;

            case Records.VERDICT:
                readCall(bytes);
                verdict = check(Records.VERDICTS.read(bytes));
                cause = check(Records.CAUSES.read(bytes));
                int1 = readInt(bytes);
                break;

            case Records.ANSWER:
            case Records.QUALIFIED:
                readCall(bytes);
                readText(bytes, text1);
                readText(bytes, text2);
                break;

            case Records.CLOSER_ATTEMPT:
                readCall(bytes);
                readText(bytes, text1);
                closerResult = check(Records.CLOSER_RESULTS.read(bytes));
                break;

            case Records.TRANSFER_ENDED:
                readCall(bytes);
                transferOutcome = check(Records.TRANSFER_OUTCOMES.read(bytes));
                readText(bytes, text1);
                break;

            case Records.DISPOSITION:
                readCall(bytes);
                int1 = readInt(bytes);
                disposition = check(Records.DISPOSITIONS.read(bytes));
                long1 = readLong(bytes);
                readText(bytes, text1);
                break;

            case Records.OPTED_OUT:
                lead = readInt(bytes);
                readText(bytes, text1);
                break;

            case Records.LATENCY:
                step = check(Records.STEPS.read(bytes));
                long1 = readLong(bytes);
                break;

            case Records.CAMPAIGN_FINISHED:
                int1 = readInt(bytes);
                break;

            default:
                return UNKNOWN_TYPE;
        }

        return malformed ? MALFORMED : OK;
    }

    /**
     * Calls the listener with the record last decoded with {@link #OK}.
     *
     * @param listener to call.
     */
    void dispatch(final CampaignLog listener)
    {
        switch (type)
        {
            case Records.CAMPAIGN_STARTED:
                listener.campaignStarted(timeMs, int1, text1, text2, int2, int3);
                break;
            case Records.DIALED:
                listener.dialed(timeMs, lead, callId, int1, text1, text2);
                break;
            case Records.LEAD_CLOSED:
                listener.leadClosed(timeMs, lead, text1, text2);
                break;
            case Records.ANSWERED:
                listener.answered(timeMs, lead, callId);
                break;
            case Records.VERDICT:
                listener.verdict(timeMs, lead, callId, verdict, cause, int1);
                break;
            case Records.ANSWER:
                listener.answer(timeMs, lead, callId, text1, text2);
                break;
            case Records.QUALIFIED:
                listener.qualified(timeMs, lead, callId, text1, text2);
                break;
            case Records.CLOSER_ATTEMPT:
                listener.closerAttempt(timeMs, lead, callId, text1, closerResult);
                break;
            case Records.TRANSFER_ENDED:
                listener.transferEnded(timeMs, lead, callId, transferOutcome, text1);
                break;
            case Records.DISPOSITION:
                listener.disposition(timeMs, lead, callId, int1, disposition, long1, text1);
                break;
            case Records.OPTED_OUT:
                listener.optedOut(timeMs, lead, text1);
                break;
            case Records.LATENCY:
                listener.latency(timeMs, step, long1);
                break;
            case Records.CAMPAIGN_FINISHED:
                listener.campaignFinished(timeMs, int1);
                break;
            default:
                throw new IllegalStateException("no decoded record to dispatch, type " + type);
        }
    }

    private void readCall(final Bytes<?> bytes)
    {
        lead = readInt(bytes);
        callId = readLong(bytes);
    }

    private <E> E check(final E value)
    {
        if (null == value)
        {
            malformed = true;
        }

        return value;
    }

    private int readInt(final Bytes<?> bytes)
    {
        if (bytes.readRemaining() < Integer.BYTES)
        {
            malformed = true;
            bytes.readSkip(bytes.readRemaining());
            return 0;
        }

        return bytes.readInt();
    }

    private long readLong(final Bytes<?> bytes)
    {
        if (bytes.readRemaining() < Long.BYTES)
        {
            malformed = true;
            bytes.readSkip(bytes.readRemaining());
            return 0;
        }

        return bytes.readLong();
    }

    private void readText(final Bytes<?> bytes, final StringBuilder into)
    {
        if (!Records.readText(bytes, into))
        {
            malformed = true;
            bytes.readSkip(bytes.readRemaining());
        }
    }
}
