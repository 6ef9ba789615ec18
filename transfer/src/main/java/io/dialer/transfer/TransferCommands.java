/*
 * Dialer transfer module.
 */
package io.dialer.transfer;

/**
 * What a {@link WarmTransfer} asks the dialer to do: plain values, no I/O here. Every call names the transfer; the
 * dialer identifies a closer leg by (transfer id, closer index). Implementations must not block; they may call back
 * into the same transfer synchronously only from {@link #requestCloser(long, int, int)}, which is always the last
 * command of a step.
 */
public interface TransferCommands
{
    /**
     * A transition, to be journaled. Called once per handled event, before that event's other commands.
     *
     * @param transferId the transfer.
     * @param nowMs      the event's time.
     * @param event      what arrived.
     * @param from       the state before.
     * @param to         the state after (may equal {@code from}, e.g. a reassurance).
     */
    void journal(long transferId, long nowMs, TransferEvent event, TransferState from, TransferState to);

    /**
     * An event that does not apply in the current state (late, stale or out of place), to be journaled as ignored.
     *
     * @param transferId the transfer.
     * @param nowMs      the event's time.
     * @param event      what arrived.
     * @param state      the state, unchanged.
     */
    void ignored(long transferId, long nowMs, TransferEvent event, TransferState state);

    /**
     * Play a prompt to the caller, replacing what the caller hears.
     *
     * @param transferId the transfer.
     * @param prompt     the prompt.
     * @param loop       true to loop it (hold music).
     */
    void playToCaller(long transferId, Prompt prompt, boolean loop);

    /**
     * Stop what the caller hears (before the bridge).
     *
     * @param transferId the transfer.
     */
    void stopCallerPlayback(long transferId);

    /**
     * Ask the matcher for a closer; the answer comes back as {@link WarmTransfer#onCloserAssigned(int, long)}
     * (possibly from inside this call, or later when a queued caller is matched) or
     * {@link WarmTransfer#onNoCloser(long)}.
     *
     * @param transferId     the transfer (the caller id in the matcher).
     * @param skill          the skill id.
     * @param excludedCloser the closer who just declined, or {@link CloserPool#NULL_CLOSER}.
     */
    void requestCloser(long transferId, int skill, int excludedCloser);

    /**
     * Withdraw a queued request ({@link Matcher#abandon(long)}).
     *
     * @param transferId the transfer.
     */
    void cancelCloserRequest(long transferId);

    /**
     * Dial the closer (INVITE).
     *
     * @param transferId          the transfer.
     * @param closer              the closer index.
     * @param callerIdPassThrough true to present the caller's number, false the dialer's.
     */
    void dialCloser(long transferId, int closer, boolean callerIdPassThrough);

    /**
     * Cancel a dial not yet answered (CANCEL).
     *
     * @param transferId the transfer.
     * @param closer     the closer index.
     */
    void cancelCloserDial(long transferId, int closer);

    /**
     * Play a prompt to the closer only; the caller hears none of it.
     *
     * @param transferId the transfer.
     * @param closer     the closer index.
     * @param prompt     the prompt.
     */
    void playToCloser(long transferId, int closer, Prompt prompt);

    /**
     * Stop what the closer hears (barge-in on a key).
     *
     * @param transferId the transfer.
     * @param closer     the closer index.
     */
    void stopCloserPlayback(long transferId, int closer);

    /**
     * Hang up an answered closer leg (BYE).
     *
     * @param transferId the transfer.
     * @param closer     the closer index.
     */
    void hangUpCloser(long transferId, int closer);

    /**
     * The offer to this closer is over without a call: {@link Matcher#endOffer(int, long)}.
     *
     * @param transferId the transfer.
     * @param closer     the closer index.
     */
    void releaseCloser(long transferId, int closer);

    /**
     * The closer accepted: {@link Matcher#connect(int, long)}.
     *
     * @param transferId the transfer.
     * @param closer     the closer index.
     */
    void closerConnected(long transferId, int closer);

    /**
     * The closer's call ended after acceptance but before the bridge completed: {@link Matcher#endCall(int, long)}.
     *
     * @param transferId the transfer.
     * @param closer     the closer index.
     */
    void closerCallEnded(long transferId, int closer);

    /**
     * Bridge caller and closer; the dialer leaves the conversation. Answered by {@link WarmTransfer#onBridged(long)}.
     *
     * @param transferId the transfer.
     * @param closer     the closer index.
     */
    void bridge(long transferId, int closer);

    /**
     * The optional introduction, once caller and closer are bridged: {@link Prompt#INTRODUCTION} played so that both
     * hear it over their conversation (a three-way moment, not a prompt either waits through). Nothing reports its
     * end: the transfer is already complete.
     *
     * @param transferId the transfer.
     * @param closer     the closer index.
     */
    void introduce(long transferId, int closer);

    /**
     * The caller is the dialer's again (after {@link Prompt#APOLOGY_CALLBACK_OFFER}): collect the callback answer.
     *
     * @param transferId the transfer.
     * @param outcome    why the transfer failed.
     */
    void returnToCaller(long transferId, TransferOutcome outcome);

    /**
     * Arm a timer; report it with {@link WarmTransfer#onTimer(TimerKind, long)} at or after the deadline.
     *
     * @param transferId the transfer.
     * @param kind       the timer.
     * @param deadlineMs when it fires.
     */
    void startTimer(long transferId, TimerKind kind, long deadlineMs);

    /**
     * Disarm a timer (a late firing is ignored anyway).
     *
     * @param transferId the transfer.
     * @param kind       the timer.
     */
    void cancelTimer(long transferId, TimerKind kind);

    /**
     * The transfer is over; called exactly once, last. The {@link WarmTransfer} may be reused after this.
     *
     * @param transferId the transfer.
     * @param outcome    how it ended.
     * @param closer     the bridged closer for {@link TransferOutcome#COMPLETED}, else {@link CloserPool#NULL_CLOSER}.
     */
    void transferEnded(long transferId, TransferOutcome outcome, int closer);
}
