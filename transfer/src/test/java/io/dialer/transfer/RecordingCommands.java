/*
 * Dialer transfer module tests.
 */
package io.dialer.transfer;

import java.util.ArrayList;
import java.util.List;

/**
 * Records every command as one short line, for exact comparison in table-driven tests.
 */
class RecordingCommands implements TransferCommands
{
    final List<String> lines = new ArrayList<>();
    int ended;

    List<String> drain()
    {
        final List<String> copy = new ArrayList<>(lines);
        lines.clear();
        return copy;
    }

    public void journal(
        final long transferId, final long nowMs, final TransferEvent event, final TransferState from,
        final TransferState to)
    {
        lines.add("journal " + event + " " + from + "->" + to);
    }

    public void ignored(final long transferId, final long nowMs, final TransferEvent event, final TransferState state)
    {
        lines.add("ignored " + event + " in " + state);
    }

    public void playToCaller(final long transferId, final Prompt prompt, final boolean loop)
    {
        lines.add("caller " + prompt + (loop ? " loop" : ""));
    }

    public void stopCallerPlayback(final long transferId)
    {
        lines.add("caller stop");
    }

    public void requestCloser(final long transferId, final int skill, final int excludedCloser)
    {
        lines.add("request skill=" + skill + " exclude=" + excludedCloser);
    }

    public void cancelCloserRequest(final long transferId)
    {
        lines.add("cancelRequest");
    }

    public void dialCloser(final long transferId, final int closer, final boolean callerIdPassThrough)
    {
        lines.add("dial " + closer + (callerIdPassThrough ? " passThrough" : " ownCallerId"));
    }

    public void cancelCloserDial(final long transferId, final int closer)
    {
        lines.add("cancelDial " + closer);
    }

    public void playToCloser(final long transferId, final int closer, final Prompt prompt)
    {
        lines.add("closer " + closer + " " + prompt);
    }

    public void stopCloserPlayback(final long transferId, final int closer)
    {
        lines.add("closer " + closer + " stop");
    }

    public void hangUpCloser(final long transferId, final int closer)
    {
        lines.add("hangUp " + closer);
    }

    public void releaseCloser(final long transferId, final int closer)
    {
        lines.add("release " + closer);
    }

    public void closerConnected(final long transferId, final int closer)
    {
        lines.add("connected " + closer);
    }

    public void closerCallEnded(final long transferId, final int closer)
    {
        lines.add("callEnded " + closer);
    }

    public void bridge(final long transferId, final int closer)
    {
        lines.add("bridge " + closer);
    }

    public void introduce(final long transferId, final int closer)
    {
        lines.add("introduce " + closer);
    }

    public void returnToCaller(final long transferId, final TransferOutcome outcome)
    {
        lines.add("return " + outcome);
    }

    public void startTimer(final long transferId, final TimerKind kind, final long deadlineMs)
    {
        lines.add("timer " + kind + " @" + deadlineMs);
    }

    public void cancelTimer(final long transferId, final TimerKind kind)
    {
        lines.add("cancel " + kind);
    }

    public void transferEnded(final long transferId, final TransferOutcome outcome, final int closer)
    {
        ended++;
        lines.add("ended " + outcome + " " + closer);
    }
}
