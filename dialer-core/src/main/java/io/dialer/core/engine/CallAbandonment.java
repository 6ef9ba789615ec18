/*
 * Dialer core.
 */
package io.dialer.core.engine;

import io.dialer.core.compliance.AbandonmentLedger;
import io.dialer.core.compliance.AbandonmentRule;
import io.dialer.core.compliance.CallProof;
import io.dialer.core.journal.CampaignLog;

/**
 * A call's part for the abandonment rule: the times its proof record holds (answer, end of the greeting, first audio,
 * closer connected), what the call was (a person, abandoned, dropped on hold, a person the detector called a machine),
 * and the proof record written once when the lead's leg is gone, counted into the campaign's
 * {@link AbandonmentLedger}. The {@link CallFlow} arms and disarms the abandon timer; this part keeps the facts. No
 * I/O, no clock: times come from the flow.
 */
final class CallAbandonment
{
    /** The campaign's safe-harbor message (seller, call-back number), as a prompt. */
    static final Object SAFE_HARBOR = new Object()
    {
        @Override
        public String toString()
        {
            return "safe-harbor message";
        }
    };

    private final AbandonmentRule rule;
    private final AbandonmentLedger ledger;
    private final CampaignLog journal;
    private final EngineStats stats;
    private long answeredMs;
    private long greetingEndMs;
    private long firstAudioMs;
    private long closerConnectMs;
    private int flags;

    CallAbandonment(
        final AbandonmentRule rule, final AbandonmentLedger ledger, final CampaignLog journal, final EngineStats stats)
    {
        this.rule = rule;
        this.ledger = ledger;
        this.journal = journal;
        this.stats = stats;
    }

    void reset()
    {
        answeredMs = 0;
        greetingEndMs = 0;
        firstAudioMs = 0;
        closerConnectMs = 0;
        flags = 0;
    }

    AbandonmentLedger ledger()
    {
        return ledger;
    }

    /**
     * @param nowMs the answer.
     */
    void answered(final long nowMs)
    {
        answeredMs = nowMs;
    }

    /**
     * @return when the call was answered, epoch ms, 0 before.
     */
    long answeredMs()
    {
        return answeredMs;
    }

    /**
     * The callee is treated as a person.
     *
     * @param greetingEnd the end of the greeting, epoch ms.
     * @return when the abandon timer fires.
     */
    long person(final long greetingEnd)
    {
        greetingEndMs = greetingEnd;
        flags |= CallProof.PERSON;
        return greetingEnd + rule.maxDelayMs();
    }

    /**
     * A late beep: a machine after all.
     */
    void notPerson()
    {
        flags &= ~CallProof.PERSON;
    }

    /**
     * @return true once the first audio reached the person.
     */
    boolean heard()
    {
        return 0 != firstAudioMs;
    }

    /**
     * The first audio reached the person.
     *
     * @param nowMs when.
     * @return true when this is the first audio after the greeting (the abandon timer is to be disarmed).
     */
    boolean firstAudio(final long nowMs)
    {
        if (0 == greetingEndMs || 0 != firstAudioMs)
        {
            return false;
        }
        firstAudioMs = nowMs;
        return true;
    }

    /**
     * A closer is bridged: the first audio too, when nothing was heard before.
     *
     * @param nowMs when.
     */
    void closerConnected(final long nowMs)
    {
        closerConnectMs = nowMs;
        firstAudio(nowMs);
    }

    /**
     * Abandoned: the safe-harbor message plays.
     *
     * @param detail where the disposition's detail goes.
     */
    void abandoned(final StringBuilder detail)
    {
        flags |= CallProof.ABANDONED | CallProof.SAFE_HARBOR;
        stats.add(EngineStats.ABANDONS, 1);
        detail.setLength(0);
        detail.append("no audio within ").append(rule.maxDelayMs())
            .append(" ms of the greeting's end: safe-harbor message played");
    }

    /**
     * A qualified caller hung up, or reached the hold limit, on hold.
     */
    void holdDropped()
    {
        if (0 == (flags & CallProof.HOLD_DROP))
        {
            flags |= CallProof.HOLD_DROP;
            stats.add(EngineStats.HOLD_DROPS, 1);
        }
    }

    /**
     * A key while the detector's MACHINE verdict holds (waiting for the beep, or the message): a person.
     */
    void falseMachine()
    {
        if (0 == (flags & CallProof.FALSE_MACHINE))
        {
            flags |= CallProof.FALSE_MACHINE;
            stats.add(EngineStats.FALSE_MACHINES, 1);
        }
    }

    /**
     * Writes the proof record of an answered call, once, and counts it into the ledger.
     *
     * @param nowMs  the time.
     * @param lead   the lead.
     * @param callId the call.
     */
    void write(final long nowMs, final int lead, final long callId)
    {
        if (0 == answeredMs)
        {
            return;
        }
        if (0 != (flags & CallProof.PERSON))
        {
            stats.add(EngineStats.HUMAN_ANSWERED, 1);
        }
        journal.callProof(nowMs, lead, callId, answeredMs, greetingEndMs, firstAudioMs, closerConnectMs, flags,
            rule.ruleBasis(), rule.targetRate());
        CallProof.feed(ledger, answeredMs, flags);
        ledger.at(nowMs);
        answeredMs = 0;
    }
}
