/*
 * Dialer benchmarks: the engine's pipeline, measured in its own package (no change to dialer-core).
 */
package io.dialer.core.engine;

import io.dialer.core.journal.JournalCodec;
import org.agrona.MutableDirectBuffer;

/**
 * The controller's side of the command stage in the pipeline benchmark: the claim / fill / publish of
 * {@link CommandProxy}, over a ring or over a queue, and the same {@link JournalCodec.RecordSink} on top (a record
 * encoded straight into a command's buffer, then published). Single producer: the controller's thread.
 */
abstract class CommandPort
{
    private Command pendingRecord;
    private long count;

    /**
     * @param type   the command's type.
     * @param callId the call.
     * @param leg    the leg.
     * @return the command to fill, then {@link #publish}.
     */
    abstract Command claim(CommandType type, long callId, int leg);

    /**
     * @param command a command from {@link #claim}, filled.
     */
    abstract void publish(Command command);

    /**
     * Publishes a command and counts it.
     *
     * @param command a command from {@link #claim}, filled.
     */
    final void send(final Command command)
    {
        publish(command);
        count++;
    }

    /**
     * @return the commands sent so far (records included); the producer's thread only.
     */
    final long count()
    {
        return count;
    }

    /**
     * Where a journal's records go, as {@link CommandProxy#records(int)}.
     *
     * @param journal the journal's index.
     * @return the sink.
     */
    final JournalCodec.RecordSink records(final int journal)
    {
        return new JournalCodec.RecordSink()
        {
            @Override
            public MutableDirectBuffer claim()
            {
                pendingRecord = CommandPort.this.claim(CommandType.RECORD, 0, EngineEvent.LEAD_LEG);
                pendingRecord.journal = journal;
                return pendingRecord.record;
            }

            @Override
            public void commit(final int length)
            {
                final Command c = pendingRecord;
                pendingRecord = null;
                c.recordLength = length;
                send(c);
            }
        };
    }
}
