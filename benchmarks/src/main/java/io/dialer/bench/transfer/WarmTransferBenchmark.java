/*
 * Dialer benchmarks.
 */
package io.dialer.bench.transfer;

import java.util.concurrent.TimeUnit;

import io.dialer.transfer.Prompt;
import io.dialer.transfer.TimerKind;
import io.dialer.transfer.TransferCommands;
import io.dialer.transfer.TransferConfiguration;
import io.dialer.transfer.TransferEvent;
import io.dialer.transfer.TransferOutcome;
import io.dialer.transfer.TransferState;
import io.dialer.transfer.WarmTransfer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole warm transfer through the state machine, reusing one {@link WarmTransfer}: start, closer assigned,
 * answered, briefing and instructions finished, key 1, bridged (introduction off): 7 events and about 25 commands per
 * operation, to a sink that only counts them. Divide by 7 for one step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WarmTransferBenchmark
{
    private WarmTransfer transfer;
    private CountingCommands commands;
    private long transferId;
    private long nowMs;

    /**
     * Creates the reusable transfer.
     */
    @Setup
    public void setUp()
    {
        commands = new CountingCommands();
        transfer = new WarmTransfer(new TransferConfiguration.Context().introduction(false).conclude(), commands);
    }

    /**
     * A full accepted transfer, 7 events.
     *
     * @return the commands counted, so the work is not eliminated.
     */
    @Benchmark
    public long acceptedTransfer()
    {
        final int closer = (int)(transferId & 1023);
        transfer.start(++transferId, 3, nowMs += 10);
        transfer.onCloserAssigned(closer, nowMs += 10);
        transfer.onCloserAnswered(closer, nowMs += 10);
        transfer.onCloserPromptFinished(closer, Prompt.BRIEFING, nowMs += 10);
        transfer.onCloserPromptFinished(closer, Prompt.ACCEPT_REJECT_INSTRUCTIONS, nowMs += 10);
        transfer.onCloserKey(closer, '1', nowMs += 10);
        transfer.onBridged(nowMs += 10);
        return commands.count;
    }

    /**
     * Two accepted transfers back to back (14 events): a control with about the duration of one matcher operation,
     * to tell a tail that grows with the operation's length (interruptions of the VM) from one caused by its data.
     *
     * @return the commands counted, so the work is not eliminated.
     */
    @Benchmark
    public long twoAcceptedTransfers()
    {
        acceptedTransfer();
        return acceptedTransfer();
    }

    /**
     * Counts commands; a real sink would publish them to the effects stage and the journal.
     */
    static final class CountingCommands implements TransferCommands
    {
        long count;

        public void journal(
            final long transferId, final long nowMs, final TransferEvent event, final TransferState from,
            final TransferState to)
        {
            count++;
        }

        public void ignored(
            final long transferId, final long nowMs, final TransferEvent event, final TransferState state)
        {
            count += 1000;
        }

        public void playToCaller(final long transferId, final Prompt prompt, final boolean loop)
        {
            count++;
        }

        public void stopCallerPlayback(final long transferId)
        {
            count++;
        }

        public void requestCloser(final long transferId, final int skill, final int excludedCloser)
        {
            count++;
        }

        public void cancelCloserRequest(final long transferId)
        {
            count++;
        }

        public void dialCloser(final long transferId, final int closer, final boolean callerIdPassThrough)
        {
            count++;
        }

        public void cancelCloserDial(final long transferId, final int closer)
        {
            count++;
        }

        public void playToCloser(final long transferId, final int closer, final Prompt prompt)
        {
            count++;
        }

        public void stopCloserPlayback(final long transferId, final int closer)
        {
            count++;
        }

        public void hangUpCloser(final long transferId, final int closer)
        {
            count++;
        }

        public void releaseCloser(final long transferId, final int closer)
        {
            count++;
        }

        public void closerConnected(final long transferId, final int closer)
        {
            count++;
        }

        public void closerCallEnded(final long transferId, final int closer)
        {
            count++;
        }

        public void bridge(final long transferId, final int closer)
        {
            count++;
        }

        @Override
        public void introduce(final long transferId, final int closer)
        {
            count++;
        }

        public void returnToCaller(final long transferId, final TransferOutcome outcome)
        {
            count++;
        }

        public void startTimer(final long transferId, final TimerKind kind, final long deadlineMs)
        {
            count++;
        }

        public void cancelTimer(final long transferId, final TimerKind kind)
        {
            count++;
        }

        public void transferEnded(final long transferId, final TransferOutcome outcome, final int closer)
        {
            count++;
        }
    }
}
