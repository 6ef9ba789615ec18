/*
 * Dialer transfer module.
 */
package io.dialer.transfer;

/**
 * States of a {@link WarmTransfer}. See {@code docs/warm-transfer.md} for the diagram.
 */
public enum TransferState
{
    /**
     * Not started (or reset for reuse).
     */
    IDLE(false, false),

    /**
     * Caller on hold; a closer has been requested from the matcher (the caller may be queued).
     */
    WAITING_FOR_CLOSER(true, false),

    /**
     * Caller on hold; the closer is being dialled.
     */
    DIALING_CLOSER(true, false),

    /**
     * Caller on hold; the closer's phone rings.
     */
    CLOSER_RINGING(true, false),

    /**
     * Caller on hold; the closer answered and hears the summary, then the accept/reject instructions.
     */
    BRIEFING(true, false),

    /**
     * Caller on hold; the instructions have been played, waiting for 1 or 9 (or the console).
     */
    AWAITING_DECISION(true, false),

    /**
     * The caller is gone (hung up, or returned to the dialer on the hold limit); the briefed closer hears a notice
     * before the consult leg is hung up.
     */
    NOTIFYING_CLOSER(false, false),

    /**
     * Accepted; the bridge has been commanded.
     */
    BRIDGING(false, false),

    /**
     * Terminal: caller and closer are bridged and the dialer has left the conversation.
     */
    COMPLETED(false, true),

    /**
     * Terminal: the caller was handed back to the dialer with the apology and the callback offer.
     */
    RETURNED_TO_CALLER(false, true),

    /**
     * Terminal: the caller hung up before the bridge.
     */
    ABANDONED(false, true);

    private final boolean callerOnHold;
    private final boolean terminal;

    TransferState(final boolean callerOnHold, final boolean terminal)
    {
        this.callerOnHold = callerOnHold;
        this.terminal = terminal;
    }

    /**
     * Whether the caller is on hold (hold music, reassurance, hold limit running) in this state.
     *
     * @return true when on hold.
     */
    public boolean callerOnHold()
    {
        return callerOnHold;
    }

    /**
     * Whether the transfer is over; later events are ignored (and reported).
     *
     * @return true when terminal.
     */
    public boolean terminal()
    {
        return terminal;
    }
}
