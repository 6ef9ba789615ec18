/*
 * Dialer core.
 */
package io.dialer.core.engine;

import org.agrona.ExpandableArrayBuffer;

/**
 * One slot of the command ring, written by the controller (single producer, through {@link CommandProxy}) and read
 * by the effects lanes and the decision journal. Preallocated and reused. A slot is either telephony work for the
 * effects stage (the fields below, by {@link CommandType}) or a journal record ({@link CommandType#RECORD}: the
 * record encoded by {@code JournalCodec} in {@link #record}, which grows once and is then reused), never both.
 */
final class Command
{
    CommandType type;
    long sequence;
    int campaign;
    int journal;
    long callId;
    int leg;
    int closer;
    int lead;
    long token;
    boolean loop;
    Object prompt;
    long originNanos;
    int step;
    long ringTimeoutMs;
    String target;
    String callerIdUser;
    String summary;
    long number;
    long timeMs;
    boolean flag;
    final ExpandableArrayBuffer record = new ExpandableArrayBuffer(256);
    int recordLength;

    Command reset(final CommandType type, final long callId, final int leg)
    {
        this.type = type;
        this.callId = callId;
        this.leg = leg;
        campaign = -1;
        journal = -1;
        closer = -1;
        lead = -1;
        token = 0;
        loop = false;
        prompt = null;
        originNanos = 0;
        step = -1;
        ringTimeoutMs = 0;
        target = null;
        callerIdUser = null;
        summary = null;
        number = 0;
        timeMs = 0;
        flag = false;
        recordLength = 0;
        return this;
    }

    @Override
    public String toString()
    {
        return type + " call=" + callId + " leg=" + leg + (null != prompt ? " prompt=" + prompt : "") +
            (null != target ? " target=" + target : "") + (CommandType.RECORD == type ? " record " + recordLength +
            " bytes" : "");
    }
}
