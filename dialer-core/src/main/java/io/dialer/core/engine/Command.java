/*
 * Dialer core.
 */
package io.dialer.core.engine;

/**
 * One slot of the command ring, written by the controller (single producer) and read by the effects stage and the
 * decision journal. Preallocated and reused; text fields are {@link StringBuilder}s that grow once and are then
 * reused, so recording a decision allocates nothing in steady state.
 */
public final class Command
{
    CommandType type;
    long callId;
    int leg;
    int closer;
    long token;
    boolean loop;
    Object prompt;
    long originNanos;
    long ringTimeoutMs;
    String target;
    String callerIdUser;
    String summary;

    RecordType record;
    long timeMs;
    int lead;
    int attempt;
    int ordinal;
    int ordinal2;
    long number;
    final StringBuilder text = new StringBuilder(64);
    final StringBuilder text2 = new StringBuilder(64);

    Command reset(final CommandType type, final long callId, final int leg)
    {
        this.type = type;
        this.callId = callId;
        this.leg = leg;
        closer = -1;
        token = 0;
        loop = false;
        prompt = null;
        originNanos = 0;
        ringTimeoutMs = 0;
        target = null;
        callerIdUser = null;
        summary = null;
        record = null;
        text.setLength(0);
        text2.setLength(0);
        return this;
    }

    @Override
    public String toString()
    {
        return type + (null != record ? ":" + record : "") + " call=" + callId + " leg=" + leg +
            (null != prompt ? " prompt=" + prompt : "") + (null != target ? " target=" + target : "");
    }

    /**
     * The decision records, one per {@link io.dialer.core.journal.CampaignLog} method.
     */
    enum RecordType
    {
        CAMPAIGN_STARTED,
        DIALED,
        LEAD_CLOSED,
        ANSWERED,
        VERDICT,
        ANSWER,
        QUALIFIED,
        CLOSER_ATTEMPT,
        TRANSFER_ENDED,
        DISPOSITION,
        OPTED_OUT,
        LATENCY,
        CAMPAIGN_FINISHED
    }
}
