/*
 * Dialer core.
 */
package io.dialer.core.compliance;

/**
 * The flags of a call's proof record (the journal's {@code callProof}, one per answered call): what the call was for
 * the abandonment rule. The same record feeds the {@link AbandonmentLedger} live and when it is rebuilt from the
 * journal ({@link #feed}), so both count alike.
 */
public final class CallProof
{
    /** The dialer treated the callee as a person (HUMAN or NOTSURE verdict, a key, or no verdict in time). */
    public static final int PERSON = 1;
    /** The safe-harbor message was started. */
    public static final int SAFE_HARBOR = 2;
    /** Abandoned by the rule: no audio reached the person within the delay after the greeting's end. */
    public static final int ABANDONED = 4;
    /** A qualified caller hung up, or was returned at the hold limit, while on hold for a closer. */
    public static final int HOLD_DROP = 8;
    /** The detector said MACHINE but a person was there (a key during the wait for the beep or the message). */
    public static final int FALSE_MACHINE = 16;

    private CallProof()
    {
    }

    /**
     * Counts one proof record into a ledger, at the call's answer time.
     *
     * @param ledger     the campaign's ledger.
     * @param answeredMs when the call was answered, epoch ms.
     * @param flags      the record's flags.
     */
    public static void feed(final AbandonmentLedger ledger, final long answeredMs, final int flags)
    {
        if (0 != (flags & PERSON))
        {
            ledger.humanAnswered(answeredMs);
        }
        if (0 != (flags & ABANDONED))
        {
            ledger.abandoned(answeredMs);
        }
        if (0 != (flags & HOLD_DROP))
        {
            ledger.holdDropped(answeredMs);
        }
        if (0 != (flags & FALSE_MACHINE))
        {
            ledger.falseMachine(answeredMs);
        }
    }

    /**
     * @param flags the flags.
     * @return them as words, like {@code person, abandoned, safe harbor}; {@code not a person} without PERSON.
     */
    public static String describe(final int flags)
    {
        final StringBuilder text = new StringBuilder(48);
        text.append(0 != (flags & PERSON) ? "person" : "not a person");
        if (0 != (flags & ABANDONED))
        {
            text.append(", abandoned");
        }
        if (0 != (flags & SAFE_HARBOR))
        {
            text.append(", safe harbor played");
        }
        if (0 != (flags & HOLD_DROP))
        {
            text.append(", dropped on hold");
        }
        if (0 != (flags & FALSE_MACHINE))
        {
            text.append(", a person the detector called a machine");
        }
        return text.toString();
    }
}
