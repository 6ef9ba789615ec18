/*
 * Dialer benchmarks: the engine's pipeline, measured in its own package (no change to dialer-core).
 */
package io.dialer.core.engine;

import java.util.concurrent.atomic.AtomicLong;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.WaitStrategy;
import io.dialer.core.journal.Journal;
import org.HdrHistogram.Histogram;

/**
 * The pipeline benchmark's consumers besides the controller, each the engine's own code or its stand-in: the input
 * journal and the decision journal write real Chronicle Queue records through {@link Journal} exactly as
 * {@link DialerEngine}'s handlers do; the effects lanes route commands with the engine's own {@link Effects.Lane}
 * and write a leg table (no SIP: the SIP work of a command is not part of this measurement).
 */
final class PipelineHandlers
{
    private PipelineHandlers()
    {
    }

    /**
     * The input journal: every event appended as {@link DialerEngine} does; the appends of events at or after a time
     * are timed.
     */
    static final class InputJournal implements EventHandler<EngineEvent>
    {
        private final Journal journal;
        private final Histogram appendNanos;
        private final AtomicLong handled = new AtomicLong();
        private volatile long timedFrom = Long.MAX_VALUE;

        InputJournal(final Journal journal, final Histogram appendNanos)
        {
            this.journal = journal;
            this.appendNanos = appendNanos;
        }

        @Override
        public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch)
        {
            if (event.nanos >= timedFrom)
            {
                final long start = System.nanoTime();
                append(event, endOfBatch);
                appendNanos.recordValue(System.nanoTime() - start);
            }
            else
            {
                append(event, endOfBatch);
            }
            handled.lazySet(handled.get() + 1);
        }

        /**
         * As {@link DialerEngine}'s input journal: one document per ring batch (split at
         * {@link Journal#EVENTS_PER_DOCUMENT}); a timed append is the buffering, plus the document's write at the end
         * of a batch.
         */
        private void append(final EngineEvent event, final boolean endOfBatch)
        {
            journal.bufferEvent(event.type.ordinal(), event.nanos, event.callId, event.token, event.value,
                event.leg << 16 | event.digit);
            if (endOfBatch)
            {
                journal.flushEvents();
            }
        }

        void timedFrom(final long nanos)
        {
            timedFrom = nanos;
        }

        long handled()
        {
            return handled.get();
        }
    }

    /**
     * The decision journal: each {@link CommandType#RECORD} appended as {@link DialerEngine} does, the appends from a
     * time on timed; counts the records and their bytes.
     */
    static final class DecisionJournal implements EventHandler<Command>
    {
        private final Journal journal;
        private final Histogram appendNanos;
        private final AtomicLong handled = new AtomicLong();
        private volatile long timedFrom = Long.MAX_VALUE;
        private long records;
        private long recordBytes;
        private WaitStrategy signal;
        private Sequence sequenceCallback;

        DecisionJournal(final Journal journal, final Histogram appendNanos)
        {
            this.journal = journal;
            this.appendNanos = appendNanos;
        }

        /**
         * At the end of each batch, moves this consumer's sequence and wakes the consumers gated on it.
         *
         * @param waitStrategy the ring's wait strategy, or null for none.
         */
        void signalAfterBatch(final WaitStrategy waitStrategy)
        {
            signal = waitStrategy;
        }

        @Override
        public void setSequenceCallback(final Sequence sequence)
        {
            sequenceCallback = sequence;
        }

        @Override
        public void onEvent(final Command command, final long sequence, final boolean endOfBatch)
        {
            if (CommandType.RECORD == command.type)
            {
                records++;
                recordBytes += command.recordLength;
                final long start = System.nanoTime();
                if (start >= timedFrom)
                {
                    journal.appendDecision(command.record, command.recordLength);
                    appendNanos.recordValue(System.nanoTime() - start);
                }
                else
                {
                    journal.appendDecision(command.record, command.recordLength);
                }
            }
            handled.lazySet(handled.get() + 1);
            if (endOfBatch && null != signal)
            {
                sequenceCallback.set(sequence);
                signal.signalAllWhenBlocking();
            }
        }

        void timedFrom(final long nanos)
        {
            timedFrom = nanos;
        }

        long handled()
        {
            return handled.get();
        }

        /**
         * @return the records appended; read once the pipeline stopped.
         */
        long records()
        {
            return records;
        }

        /**
         * @return their payload bytes; read once the pipeline stopped.
         */
        long recordBytes()
        {
            return recordBytes;
        }
    }

    /**
     * One effects lane: takes the commands the engine's {@link Effects.Lane} gives it and writes the leg table.
     */
    static final class EffectsLane implements EventHandler<Command>
    {
        private final Effects.Lane lane;
        private final long[] legs = new long[1 << 12];
        private final AtomicLong handled = new AtomicLong();
        private long owned;

        EffectsLane(final Effects.Lane lane)
        {
            this.lane = lane;
        }

        @Override
        public void onEvent(final Command command, final long sequence, final boolean endOfBatch)
        {
            if (lane.owns(command))
            {
                final int slot = (int)command.callId & (legs.length - 1);
                legs[slot] = CommandType.RELEASE == command.type ? 0 : command.callId;
                owned++;
            }
            handled.lazySet(handled.get() + 1);
        }

        long handled()
        {
            return handled.get();
        }

        long owned()
        {
            return owned;
        }
    }
}
