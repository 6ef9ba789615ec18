/*
 * Dialer core: journal.
 */
package io.dialer.core.journal;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import io.dialer.core.compliance.Disposition;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.sip.ReleaseOutcome;
import io.dialer.transfer.TransferOutcome;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The journal's record layouts, each defined once here: the {@link Encoder} turns every {@link CampaignLog} call into
 * one record and the {@link Decoder} turns a record back into that call. Every writer (the controller's ring proxy,
 * the Chronicle journal, tests) encodes through the encoder and every reader (recovery, the report, the crash audit,
 * the load run's checker) decodes through the decoder; readers implement the {@link CampaignLog} methods they need.
 * Adding a record type touches {@link CampaignLog} (the method), this class (type byte, encode, decode, dispatch) and
 * the code that writes it.
 * <p>
 * A record: a type byte, then the fields of that type in the order of the {@code CampaignLog} method's parameters.
 * {@code int}s and {@code long}s are little-endian. A character sequence is an unsigned LEB128 varint of its UTF-8
 * byte length, then the bytes (null is written as empty; an unpaired surrogate as {@code '?'}). An enum is written by
 * <em>name</em>: one length byte then the ASCII name, so reordering or adding constants never changes the meaning of
 * old journals; renaming or removing a constant makes the records naming it unreadable (skipped with a warning). A
 * boolean is one byte, 0 or 1. Readers ignore bytes after the known fields, so a later version may append fields at the
 * end of a record.
 * <p>
 * <b>Format versions.</b> Version 1 journals (before the version was recorded) have no version field; version 2 adds
 * it at the end of {@code campaignStarted}, plus the record types 14–17. Both are read. A journal whose
 * {@code campaignStarted} names a later version than {@link #FORMAT_VERSION} is refused by {@link Journal#replay} with
 * a message naming both versions, since its records may mean something this version does not know.
 * <p>
 * Encoding and decoding allocate nothing: text goes into and out of reusable builders.
 */
public final class JournalCodec
{
    /** The format this version writes (and the latest it reads). */
    public static final int FORMAT_VERSION = 2;

    static final byte CAMPAIGN_STARTED = 1;
    static final byte DIALED = 2;
    static final byte LEAD_CLOSED = 3;
    static final byte ANSWERED = 4;
    static final byte VERDICT = 5;
    static final byte ANSWER = 6;
    static final byte QUALIFIED = 7;
    static final byte CLOSER_ATTEMPT = 8;
    static final byte TRANSFER_ENDED = 9;
    static final byte DISPOSITION = 10;
    static final byte OPTED_OUT = 11;
    static final byte LATENCY = 12;
    static final byte CAMPAIGN_FINISHED = 13;
    static final byte ATTEMPT_REFUNDED = 14;
    static final byte CONTROL = 15;
    static final byte CAMPAIGN_STOPPED = 16;
    static final byte CALL_PROOF = 17;
    static final byte MEDIA_RELEASE = 18;

    /** Input events: {@code int type, long timeNanos, long callId, long a, long b, int c}. */
    static final int EVENT_LENGTH = Integer.BYTES + 4 * Long.BYTES + Integer.BYTES;

    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private static final EnumNames<Verdict> VERDICTS = new EnumNames<>(Verdict.values());
    private static final EnumNames<Cause> CAUSES = new EnumNames<>(Cause.values());
    private static final EnumNames<CloserResult> CLOSER_RESULTS = new EnumNames<>(CloserResult.values());
    private static final EnumNames<ReleaseOutcome> RELEASE_OUTCOMES = new EnumNames<>(ReleaseOutcome.values());
    private static final EnumNames<TransferOutcome> TRANSFER_OUTCOMES =
        new EnumNames<>(TransferOutcome.values());
    private static final EnumNames<Disposition> DISPOSITIONS = new EnumNames<>(Disposition.values());
    private static final EnumNames<Step> STEPS = new EnumNames<>(Step.values());
    private static final EnumNames<ControlAction> CONTROL_ACTIONS = new EnumNames<>(ControlAction.values());
    private static final int REPLACEMENT = 0xFFFD;

    private JournalCodec()
    {
    }

    /**
     * Where an {@link Encoder} puts its records: it claims a buffer, writes one record from offset 0, then commits
     * its length. Nothing can fail between claim and commit (arguments are checked before the claim), so a claimed
     * slot of a ring is always published.
     */
    public interface RecordSink
    {
        /**
         * @return the buffer to write the next record into, from offset 0; it grows as written.
         */
        MutableDirectBuffer claim();

        /**
         * The record written into the claimed buffer is complete.
         *
         * @param length its length in bytes.
         */
        void commit(int length);
    }

    /**
     * Encodes each {@link CampaignLog} call as one record into a {@link RecordSink}. One thread at a time.
     */
    public static final class Encoder implements CampaignLog
    {
        private final RecordSink sink;
        private MutableDirectBuffer buffer;
        private int position;

        /**
         * @param sink where records go.
         */
        public Encoder(final RecordSink sink)
        {
            this.sink = sink;
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void campaignStarted(
            final long timeMs, final int run, final CharSequence campaign, final CharSequence leadsFile,
            final int leads, final int closers)
        {
            begin(CAMPAIGN_STARTED, timeMs);
            putInt(run);
            putText(campaign);
            putText(leadsFile);
            putInt(leads);
            putInt(closers);
            putInt(FORMAT_VERSION);
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void dialed(
            final long timeMs, final int lead, final long callId, final int attempt, final CharSequence e164,
            final CharSequence why)
        {
            dialed(timeMs, lead, callId, attempt, e164, why, -1, 0);
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void dialed(
            final long timeMs, final int lead, final long callId, final int attempt, final CharSequence e164,
            final CharSequence why, final long dncSize, final long dncDateMs)
        {
            call(DIALED, timeMs, lead, callId);
            putInt(attempt);
            putText(e164);
            putText(why);
            putLong(dncSize);
            putLong(dncDateMs);
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void leadClosed(
            final long timeMs, final int lead, final CharSequence reason, final CharSequence detail)
        {
            begin(LEAD_CLOSED, timeMs);
            putInt(lead);
            putText(reason);
            putText(detail);
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void answered(final long timeMs, final int lead, final long callId)
        {
            call(ANSWERED, timeMs, lead, callId);
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void verdict(
            final long timeMs, final int lead, final long callId, final Verdict verdict, final Cause cause,
            final int positionMs)
        {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(cause, "cause");
            call(VERDICT, timeMs, lead, callId);
            putEnum(VERDICTS, verdict);
            putEnum(CAUSES, cause);
            putInt(positionMs);
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void answer(
            final long timeMs, final int lead, final long callId, final CharSequence question,
            final CharSequence value)
        {
            call(ANSWER, timeMs, lead, callId);
            putText(question);
            putText(value);
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void qualified(
            final long timeMs, final int lead, final long callId, final CharSequence skill,
            final CharSequence summary)
        {
            call(QUALIFIED, timeMs, lead, callId);
            putText(skill);
            putText(summary);
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void closerAttempt(
            final long timeMs, final int lead, final long callId, final CharSequence closerId,
            final CloserResult result)
        {
            Objects.requireNonNull(result, "result");
            call(CLOSER_ATTEMPT, timeMs, lead, callId);
            putText(closerId);
            putEnum(CLOSER_RESULTS, result);
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void transferEnded(
            final long timeMs, final int lead, final long callId, final TransferOutcome outcome,
            final CharSequence closerId)
        {
            Objects.requireNonNull(outcome, "outcome");
            call(TRANSFER_ENDED, timeMs, lead, callId);
            putEnum(TRANSFER_OUTCOMES, outcome);
            putText(closerId);
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void mediaRelease(
            final long timeMs, final int lead, final long callId, final ReleaseOutcome outcome, final int sipStatus)
        {
            Objects.requireNonNull(outcome, "outcome");
            call(MEDIA_RELEASE, timeMs, lead, callId);
            putEnum(RELEASE_OUTCOMES, outcome);
            putInt(sipStatus);
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void disposition(
            final long timeMs, final int lead, final long callId, final int attempt, final Disposition disposition,
            final long nextAttemptMs, final CharSequence detail)
        {
            Objects.requireNonNull(disposition, "disposition");
            call(DISPOSITION, timeMs, lead, callId);
            putInt(attempt);
            putEnum(DISPOSITIONS, disposition);
            putLong(nextAttemptMs);
            putText(detail);
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void callProof(
            final long timeMs, final int lead, final long callId, final long answeredMs, final long greetingEndMs,
            final long firstAudioMs, final long closerConnectMs, final int flags, final CharSequence ruleBasis,
            final double targetRate)
        {
            call(CALL_PROOF, timeMs, lead, callId);
            putLong(answeredMs);
            putLong(greetingEndMs);
            putLong(firstAudioMs);
            putLong(closerConnectMs);
            putInt(flags);
            putText(ruleBasis);
            putLong(Double.doubleToRawLongBits(targetRate));
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void optedOut(final long timeMs, final int lead, final CharSequence e164)
        {
            begin(OPTED_OUT, timeMs);
            putInt(lead);
            putText(e164);
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void latency(final long timeMs, final Step step, final long nanos)
        {
            Objects.requireNonNull(step, "step");
            begin(LATENCY, timeMs);
            putEnum(STEPS, step);
            putLong(nanos);
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void campaignFinished(final long timeMs, final int run)
        {
            begin(CAMPAIGN_FINISHED, timeMs);
            putInt(run);
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void attemptRefunded(final long timeMs, final int lead, final long callId, final CharSequence reason)
        {
            call(ATTEMPT_REFUNDED, timeMs, lead, callId);
            putText(reason);
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void control(
            final long timeMs, final ControlAction action, final CharSequence subject, final CharSequence detail,
            final boolean applied)
        {
            Objects.requireNonNull(action, "action");
            begin(CONTROL, timeMs);
            putEnum(CONTROL_ACTIONS, action);
            putText(subject);
            putText(detail);
            putBoolean(applied);
            end();
        }

        /**
         * {@inheritDoc}
         */
        @Override
        public void campaignStopped(
            final long timeMs, final int run, final CharSequence reason, final int openLeads, final int heldByWindow,
            final long nextDialableMs)
        {
            begin(CAMPAIGN_STOPPED, timeMs);
            putInt(run);
            putText(reason);
            putInt(openLeads);
            putInt(heldByWindow);
            putLong(nextDialableMs);
            end();
        }

        private void call(final byte type, final long timeMs, final int lead, final long callId)
        {
            begin(type, timeMs);
            putInt(lead);
            putLong(callId);
        }

        private void begin(final byte type, final long timeMs)
        {
            buffer = sink.claim();
            buffer.putByte(0, type);
            position = 1;
            putLong(timeMs);
        }

        private void end()
        {
            final int length = position;
            buffer = null;
            position = 0;
            sink.commit(length);
        }

        private void putInt(final int value)
        {
            buffer.putInt(position, value, ORDER);
            position += Integer.BYTES;
        }

        private void putLong(final long value)
        {
            buffer.putLong(position, value, ORDER);
            position += Long.BYTES;
        }

        private void putBoolean(final boolean value)
        {
            buffer.putByte(position++, (byte)(value ? 1 : 0));
        }

        private <E extends Enum<E>> void putEnum(final EnumNames<E> names, final E value)
        {
            position = names.write(buffer, position, value);
        }

        private void putText(final CharSequence text)
        {
            position = writeText(buffer, position, text);
        }
    }

    /**
     * Decodes one record into reused fields, then dispatches it to a {@link CampaignLog}. Decoding never throws: a
     * record too short for its fields, of an unknown type or naming an unknown enum constant is reported by
     * {@link #decode}'s result, so the caller can skip it. Dispatching is separate, so the listener's own exceptions
     * are never mistaken for a bad record.
     */
    public static final class Decoder
    {
        /** The record was decoded and may be dispatched. */
        public static final int OK = 0;
        /** The record is empty or its type byte is unknown. */
        public static final int UNKNOWN_TYPE = 1;
        /** The record ends before its fields do, or names an enum constant this version does not have. */
        public static final int MALFORMED = 2;

        private final StringBuilder text1 = new StringBuilder(64);
        private final StringBuilder text2 = new StringBuilder(64);
        private DirectBuffer buffer;
        private int position;
        private int limit;
        private byte type;
        private boolean malformed;
        private long timeMs;
        private int lead;
        private long callId;
        private int int1;
        private int int2;
        private int int3;
        private int formatVersion;
        private long long1;
        private long long2;
        private long long3;
        private long long4;
        private double double1;
        private boolean flag;
        private Verdict verdict;
        private Cause cause;
        private CloserResult closerResult;
        private ReleaseOutcome releaseOutcome;
        private TransferOutcome transferOutcome;
        private Disposition disposition;
        private Step step;
        private ControlAction controlAction;

        /**
         * @return the type byte of the last record decoded.
         */
        public byte type()
        {
            return type;
        }

        /**
         * The format version named by the last {@code campaignStarted} record decoded: 1 when it names none.
         *
         * @return the version.
         */
        public int formatVersion()
        {
            return formatVersion;
        }

        /**
         * Decodes the record in {@code buffer[offset, offset + length)}.
         *
         * @param source the buffer.
         * @param offset where the record starts.
         * @param length its length.
         * @return {@link #OK}, {@link #UNKNOWN_TYPE} or {@link #MALFORMED}.
         */
        public int decode(final DirectBuffer source, final int offset, final int length)
        {
            buffer = source;
            position = offset;
            limit = offset + length;
            malformed = false;
            if (length < 1)
            {
                type = 0;
                return UNKNOWN_TYPE;
            }
            type = source.getByte(position++);
            timeMs = getLong();
            switch (type)
            {
                case CAMPAIGN_STARTED:
                    int1 = getInt();
                    getText(text1);
                    getText(text2);
                    int2 = getInt();
                    int3 = getInt();
                    formatVersion = remaining() >= Integer.BYTES ? getInt() : 1;
                    break;

                case DIALED:
                    getCall();
                    int1 = getInt();
                    getText(text1);
                    getText(text2);
                    long1 = remaining() >= 2 * Long.BYTES ? getLong() : -1; // appended: do-not-call size, date
                    long2 = remaining() >= Long.BYTES ? getLong() : 0;
                    break;

                case LEAD_CLOSED:
                    lead = getInt();
                    getText(text1);
                    getText(text2);
                    break;

                case ANSWERED:
                    getCall();
                    break;

                case VERDICT:
                    getCall();
                    verdict = check(getEnum(VERDICTS));
                    cause = check(getEnum(CAUSES));
                    int1 = getInt();
                    break;

                case ANSWER:
                case QUALIFIED:
                    getCall();
                    getText(text1);
                    getText(text2);
                    break;

                case CLOSER_ATTEMPT:
                case TRANSFER_ENDED:
                case MEDIA_RELEASE:
                    getTransferRecord();
                    break;

                case DISPOSITION:
                    getCall();
                    int1 = getInt();
                    disposition = check(getEnum(DISPOSITIONS));
                    long1 = getLong();
                    getText(text1);
                    break;

                case OPTED_OUT:
                    lead = getInt();
                    getText(text1);
                    break;

                case LATENCY:
                    step = check(getEnum(STEPS));
                    long1 = getLong();
                    break;

                case CAMPAIGN_FINISHED:
                    int1 = getInt();
                    break;

                case ATTEMPT_REFUNDED:
                    getCall();
                    getText(text1);
                    break;

                case CONTROL:
                    controlAction = check(getEnum(CONTROL_ACTIONS));
                    getText(text1);
                    getText(text2);
                    flag = getBoolean();
                    break;

                case CALL_PROOF:
                    getCallProof();
                    break;

                case CAMPAIGN_STOPPED:
                    int1 = getInt();
                    getText(text1);
                    int2 = getInt();
                    int3 = getInt();
                    long1 = getLong();
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
        public void dispatch(final CampaignLog listener)
        {
            switch (type)
            {
                case CAMPAIGN_STARTED -> listener.campaignStarted(timeMs, int1, text1, text2, int2, int3);
                case DIALED -> listener.dialed(timeMs, lead, callId, int1, text1, text2, long1, long2);
                case LEAD_CLOSED -> listener.leadClosed(timeMs, lead, text1, text2);
                case ANSWERED -> listener.answered(timeMs, lead, callId);
                case VERDICT -> listener.verdict(timeMs, lead, callId, verdict, cause, int1);
                case ANSWER -> listener.answer(timeMs, lead, callId, text1, text2);
                case QUALIFIED -> listener.qualified(timeMs, lead, callId, text1, text2);
                case CLOSER_ATTEMPT -> listener.closerAttempt(timeMs, lead, callId, text1, closerResult);
                case TRANSFER_ENDED -> listener.transferEnded(timeMs, lead, callId, transferOutcome, text1);
                case MEDIA_RELEASE -> listener.mediaRelease(timeMs, lead, callId, releaseOutcome, int1);
                case DISPOSITION -> listener.disposition(timeMs, lead, callId, int1, disposition, long1, text1);
                case OPTED_OUT -> listener.optedOut(timeMs, lead, text1);
                case LATENCY -> listener.latency(timeMs, step, long1);
                case CAMPAIGN_FINISHED -> listener.campaignFinished(timeMs, int1);
                case ATTEMPT_REFUNDED -> listener.attemptRefunded(timeMs, lead, callId, text1);
                case CONTROL -> listener.control(timeMs, controlAction, text1, text2, flag);
                case CAMPAIGN_STOPPED -> listener.campaignStopped(timeMs, int1, text1, int2, int3, long1);
                case CALL_PROOF -> listener.callProof(timeMs, lead, callId, long1, long2, long3, long4, int1, text1,
                    double1);
                default -> throw new IllegalStateException("no decoded record to dispatch, type " + type);
            }
        }

        private int remaining()
        {
            return limit - position;
        }

        private void getTransferRecord()
        {
            getCall();
            if (CLOSER_ATTEMPT == type)
            {
                getText(text1);
                closerResult = check(getEnum(CLOSER_RESULTS));
            }
            else if (TRANSFER_ENDED == type)
            {
                transferOutcome = check(getEnum(TRANSFER_OUTCOMES));
                getText(text1);
            }
            else
            {
                releaseOutcome = check(getEnum(RELEASE_OUTCOMES));
                int1 = getInt();
            }
        }

        private void getCallProof()
        {
            getCall();
            long1 = getLong();
            long2 = getLong();
            long3 = getLong();
            long4 = getLong();
            int1 = getInt();
            getText(text1);
            double1 = Double.longBitsToDouble(getLong());
        }

        private void getCall()
        {
            lead = getInt();
            callId = getLong();
        }

        private <E> E check(final E value)
        {
            if (null == value)
            {
                malformed = true;
            }
            return value;
        }

        private boolean getBoolean()
        {
            if (remaining() < 1)
            {
                malformed = true;
                return false;
            }
            return 0 != buffer.getByte(position++);
        }

        private int getInt()
        {
            if (remaining() < Integer.BYTES)
            {
                malformed = true;
                position = limit;
                return 0;
            }
            final int value = buffer.getInt(position, ORDER);
            position += Integer.BYTES;
            return value;
        }

        private long getLong()
        {
            if (remaining() < Long.BYTES)
            {
                malformed = true;
                position = limit;
                return 0;
            }
            final long value = buffer.getLong(position, ORDER);
            position += Long.BYTES;
            return value;
        }

        private <E extends Enum<E>> E getEnum(final EnumNames<E> names)
        {
            if (remaining() < 1)
            {
                return null;
            }
            final int length = buffer.getByte(position) & 0xFF;
            if (length > remaining() - 1)
            {
                position = limit;
                return null;
            }
            final E value = names.find(buffer, position + 1, length);
            position += 1 + length;
            return value;
        }

        private void getText(final StringBuilder into)
        {
            into.setLength(0);
            final long length = readVarint();
            if (length < 0 || length > remaining())
            {
                malformed = true;
                position = limit;
                return;
            }
            position = readUtf8(buffer, position, position + (int)length, into);
        }

        private long readVarint()
        {
            long value = 0;
            for (int shift = 0; shift < 63; shift += 7)
            {
                if (remaining() < 1)
                {
                    return -1;
                }
                final int b = buffer.getByte(position++) & 0xFF;
                value |= (long)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value;
                }
            }
            return -1;
        }
    }

    /**
     * Writes one input event of the pipeline ({@link #EVENT_LENGTH} bytes).
     *
     * @param buffer    to write to.
     * @param offset    where in it.
     * @param type      the event type.
     * @param timeNanos when it was received.
     * @param callId    the call it concerns.
     * @param a         first payload word.
     * @param b         second payload word.
     * @param c         third payload word.
     * @return the length written.
     */
    static int encodeEvent(
        final MutableDirectBuffer buffer, final int offset, final int type, final long timeNanos, final long callId,
        final long a, final long b, final int c)
    {
        buffer.putInt(offset, type, ORDER);
        buffer.putLong(offset + 4, timeNanos, ORDER);
        buffer.putLong(offset + 12, callId, ORDER);
        buffer.putLong(offset + 20, a, ORDER);
        buffer.putLong(offset + 28, b, ORDER);
        buffer.putInt(offset + 36, c, ORDER);
        return EVENT_LENGTH;
    }

    /**
     * Reads one input event written by {@link #encodeEvent} and hands it to a visitor.
     *
     * @param buffer  holding the event.
     * @param offset  where it starts; {@link #EVENT_LENGTH} bytes.
     * @param visitor to call.
     */
    static void decodeEvent(final DirectBuffer buffer, final int offset, final EventVisitor visitor)
    {
        visitor.onEvent(buffer.getInt(offset, ORDER), buffer.getLong(offset + 4, ORDER),
            buffer.getLong(offset + 12, ORDER), buffer.getLong(offset + 20, ORDER), buffer.getLong(offset + 28, ORDER),
            buffer.getInt(offset + 36, ORDER));
    }

    /**
     * Writes a character sequence as a varint UTF-8 length and the UTF-8 bytes, without allocating.
     *
     * @param buffer   to write to (it must grow as needed, as an {@code ExpandableArrayBuffer} does).
     * @param position where.
     * @param text     the text, null for empty.
     * @return the position after it.
     */
    static int writeText(final MutableDirectBuffer buffer, final int position, final CharSequence text)
    {
        if (null == text)
        {
            buffer.putByte(position, (byte)0);
            return position + 1;
        }
        int p = writeVarint(buffer, position, utf8Length(text));
        final int length = text.length();
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c < 0x80)
            {
                buffer.putByte(p++, (byte)c);
            }
            else if (c < 0x800)
            {
                buffer.putByte(p++, (byte)(0xC0 | (c >>> 6)));
                buffer.putByte(p++, (byte)(0x80 | (c & 0x3F)));
            }
            else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                final int codePoint = Character.toCodePoint(c, text.charAt(++i));
                buffer.putByte(p++, (byte)(0xF0 | (codePoint >>> 18)));
                buffer.putByte(p++, (byte)(0x80 | ((codePoint >>> 12) & 0x3F)));
                buffer.putByte(p++, (byte)(0x80 | ((codePoint >>> 6) & 0x3F)));
                buffer.putByte(p++, (byte)(0x80 | (codePoint & 0x3F)));
            }
            else if (Character.isSurrogate(c))
            {
                buffer.putByte(p++, (byte)'?');
            }
            else
            {
                buffer.putByte(p++, (byte)(0xE0 | (c >>> 12)));
                buffer.putByte(p++, (byte)(0x80 | ((c >>> 6) & 0x3F)));
                buffer.putByte(p++, (byte)(0x80 | (c & 0x3F)));
            }
        }
        return p;
    }

    /**
     * The number of bytes {@link #writeText} writes for the characters of a sequence (without the length prefix).
     *
     * @param text the text.
     * @return its UTF-8 length.
     */
    static int utf8Length(final CharSequence text)
    {
        int n = 0;
        final int length = text.length();
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c < 0x80)
            {
                n += 1;
            }
            else if (c < 0x800)
            {
                n += 2;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                n += 4;
                i++;
            }
            else if (Character.isSurrogate(c))
            {
                n += 1;
            }
            else
            {
                n += 3;
            }
        }
        return n;
    }

    /**
     * Writes a non-negative value as unsigned LEB128 (7 bits a byte, low bits first, high bit set on all but the
     * last byte).
     *
     * @param buffer   to write to.
     * @param position where.
     * @param value    the value, not negative.
     * @return the position after it.
     */
    static int writeVarint(final MutableDirectBuffer buffer, final int position, final long value)
    {
        int p = position;
        long v = value;
        while ((v & ~0x7FL) != 0)
        {
            buffer.putByte(p++, (byte)(0x80 | (v & 0x7F)));
            v >>>= 7;
        }
        buffer.putByte(p++, (byte)v);
        return p;
    }

    private static int readUtf8(final DirectBuffer buffer, final int from, final int end, final StringBuilder into)
    {
        int p = from;
        while (p < end)
        {
            final int b0 = buffer.getByte(p++) & 0xFF;
            final int continuations;
            final int min;
            int codePoint;
            if (b0 < 0x80)
            {
                into.append((char)b0);
                continue;
            }
            else if ((b0 & 0xE0) == 0xC0)
            {
                codePoint = b0 & 0x1F;
                continuations = 1;
                min = 0x80;
            }
            else if ((b0 & 0xF0) == 0xE0)
            {
                codePoint = b0 & 0x0F;
                continuations = 2;
                min = 0x800;
            }
            else if ((b0 & 0xF8) == 0xF0)
            {
                codePoint = b0 & 0x07;
                continuations = 3;
                min = 0x10000;
            }
            else
            {
                into.append((char)REPLACEMENT);
                continue;
            }
            boolean complete = true;
            for (int i = 0; i < continuations; i++)
            {
                if (p >= end || (buffer.getByte(p) & 0xC0) != 0x80)
                {
                    complete = false;
                    break;
                }
                codePoint = (codePoint << 6) | (buffer.getByte(p++) & 0x3F);
            }
            if (!complete || codePoint < min || codePoint > Character.MAX_CODE_POINT ||
                (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE))
            {
                into.append((char)REPLACEMENT);
            }
            else
            {
                into.appendCodePoint(codePoint);
            }
        }
        return p;
    }

    /**
     * Writes and reads an enum by its name, without allocating.
     *
     * @param <E> the enum.
     */
    static final class EnumNames<E extends Enum<E>>
    {
        private final E[] values;
        private final byte[][] names;

        EnumNames(final E[] values)
        {
            this.values = values;
            this.names = new byte[values.length][];
            for (int i = 0; i < values.length; i++)
            {
                names[i] = values[i].name().getBytes(StandardCharsets.US_ASCII);
                if (names[i].length > 0x7F)
                {
                    throw new IllegalArgumentException("enum name too long for the journal: " + values[i]);
                }
            }
        }

        int write(final MutableDirectBuffer buffer, final int position, final E value)
        {
            final byte[] name = names[value.ordinal()];
            buffer.putByte(position, (byte)name.length);
            buffer.putBytes(position + 1, name);
            return position + 1 + name.length;
        }

        E find(final DirectBuffer buffer, final int position, final int length)
        {
            for (int i = 0; i < names.length; i++)
            {
                if (matches(buffer, position, length, names[i]))
                {
                    return values[i];
                }
            }
            return null;
        }

        private static boolean matches(
            final DirectBuffer buffer, final int position, final int length, final byte[] name)
        {
            if (name.length != length)
            {
                return false;
            }
            for (int i = 0; i < length; i++)
            {
                if (buffer.getByte(position + i) != name[i])
                {
                    return false;
                }
            }
            return true;
        }
    }
}
