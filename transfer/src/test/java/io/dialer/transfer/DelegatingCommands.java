/*
 * Dialer transfer module tests.
 */
package io.dialer.transfer;

/**
 * Forwards every command, so a test can override one.
 */
class DelegatingCommands implements TransferCommands
{
    private final TransferCommands delegate;

    DelegatingCommands(final TransferCommands delegate)
    {
        this.delegate = delegate;
    }

    public void journal(
        final long transferId, final long nowMs, final TransferEvent event, final TransferState from,
        final TransferState to)
    {
        delegate.journal(transferId, nowMs, event, from, to);
    }

    public void ignored(final long transferId, final long nowMs, final TransferEvent event, final TransferState state)
    {
        delegate.ignored(transferId, nowMs, event, state);
    }

    public void playToCaller(final long transferId, final Prompt prompt, final boolean loop)
    {
        delegate.playToCaller(transferId, prompt, loop);
    }

    public void stopCallerPlayback(final long transferId)
    {
        delegate.stopCallerPlayback(transferId);
    }

    public void requestCloser(final long transferId, final int skill, final int excludedCloser)
    {
        delegate.requestCloser(transferId, skill, excludedCloser);
    }

    public void cancelCloserRequest(final long transferId)
    {
        delegate.cancelCloserRequest(transferId);
    }

    public void dialCloser(final long transferId, final int closer, final boolean callerIdPassThrough)
    {
        delegate.dialCloser(transferId, closer, callerIdPassThrough);
    }

    public void cancelCloserDial(final long transferId, final int closer)
    {
        delegate.cancelCloserDial(transferId, closer);
    }

    public void playToCloser(final long transferId, final int closer, final Prompt prompt)
    {
        delegate.playToCloser(transferId, closer, prompt);
    }

    public void stopCloserPlayback(final long transferId, final int closer)
    {
        delegate.stopCloserPlayback(transferId, closer);
    }

    public void hangUpCloser(final long transferId, final int closer)
    {
        delegate.hangUpCloser(transferId, closer);
    }

    public void releaseCloser(final long transferId, final int closer)
    {
        delegate.releaseCloser(transferId, closer);
    }

    public void closerConnected(final long transferId, final int closer)
    {
        delegate.closerConnected(transferId, closer);
    }

    public void closerCallEnded(final long transferId, final int closer)
    {
        delegate.closerCallEnded(transferId, closer);
    }

    public void bridge(final long transferId, final int closer)
    {
        delegate.bridge(transferId, closer);
    }

    public void introduce(final long transferId, final int closer)
    {
        delegate.introduce(transferId, closer);
    }

    public void returnToCaller(final long transferId, final TransferOutcome outcome)
    {
        delegate.returnToCaller(transferId, outcome);
    }

    public void startTimer(final long transferId, final TimerKind kind, final long deadlineMs)
    {
        delegate.startTimer(transferId, kind, deadlineMs);
    }

    public void cancelTimer(final long transferId, final TimerKind kind)
    {
        delegate.cancelTimer(transferId, kind);
    }

    public void transferEnded(final long transferId, final TransferOutcome outcome, final int closer)
    {
        delegate.transferEnded(transferId, outcome, closer);
    }
}
