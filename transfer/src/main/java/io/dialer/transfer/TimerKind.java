/*
 * Dialer transfer module.
 */
package io.dialer.transfer;

/**
 * The timers of a {@link WarmTransfer}. At most one of each kind is armed per transfer; the dialer runs them (for
 * example on a {@code DeadlineTimerWheel}) and reports {@link WarmTransfer#onTimer(TimerKind, long)}.
 */
public enum TimerKind
{
    /** Every reassurance interval while the caller is on hold. */
    REASSURANCE(TransferEvent.REASSURANCE_TIMER),
    /** The caller's maximum time on hold, from the start of the transfer. */
    HOLD_LIMIT(TransferEvent.HOLD_LIMIT_TIMER),
    /** The closer's ring (no answer) timeout, from the dial. */
    RING_TIMEOUT(TransferEvent.RING_TIMEOUT),
    /** The closer's decision timeout, from the end of the accept/reject instructions. */
    DECISION_TIMEOUT(TransferEvent.DECISION_TIMEOUT),
    /** Guard for prompts whose end moves the transfer on (notice to the closer, introduction to the caller). */
    PROMPT_GUARD(TransferEvent.PROMPT_GUARD_TIMEOUT);

    private final TransferEvent event;

    TimerKind(final TransferEvent event)
    {
        this.event = event;
    }

    /**
     * The event journaled when this timer fires.
     *
     * @return the event.
     */
    public TransferEvent event()
    {
        return event;
    }
}
