/*
 * Dialer benchmarks: the engine's pipeline, measured in its own package (no change to dialer-core).
 */
package io.dialer.core.engine;

import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;

/**
 * The pipeline on the engine's two Disruptor rings, built as {@link DialerEngine} builds them: the event ring
 * multi-producer, the command ring single-producer, both with {@link EngineWaitStrategy} (the event ring's with the
 * controller's 1 ms periodic poll), or the wait strategies given, to compare; the decision journal before both effects
 * lanes.
 * <p>
 * Note: {@link com.lmax.disruptor.BlockingWaitStrategy} blocks only until the ring's cursor reaches the sequence; a
 * consumer gated on another consumer (the effects lanes behind the decision journal) then busy-spins
 * ({@code Thread.onSpinWait}) until that consumer's sequence gets there. On 2 cores, two spinning lanes take the CPU
 * the journal needs.
 */
final class DisruptorPipeline extends BenchPipeline
{
    private final Disruptor<EngineEvent> eventDisruptor;
    private final Disruptor<Command> commandDisruptor;
    private final EventPort events;

    @SuppressWarnings("unchecked")
    DisruptorPipeline(
        final Path journalDir, final int ringSize, final WaitStrategy eventWait, final WaitStrategy commandWait)
    {
        super(journalDir);
        eventDisruptor = new Disruptor<>(EngineEvent::new, ringSize,
            threads("dialer-controller", "dialer-journal-events"),
            ProducerType.MULTI, eventWait);
        commandDisruptor = new Disruptor<>(Command::new, ringSize,
            threads("dialer-journal-decisions", "dialer-effects-leads", "dialer-effects-closers"),
            ProducerType.SINGLE, commandWait);
        final RingBuffer<Command> commandRing = commandDisruptor.getRingBuffer();
        controller = new ModelController(new CommandPort()
        {
            @Override
            Command claim(final CommandType type, final long callId, final int leg)
            {
                final long sequence = commandRing.next();
                final Command c = commandRing.get(sequence).reset(type, callId, leg);
                c.sequence = sequence;
                return c;
            }

            @Override
            void publish(final Command command)
            {
                commandRing.publish(command.sequence);
            }
        }, latency, sendLatency);
        if (commandWait instanceof EngineWaitStrategy)
        {
            decisionJournal.signalAfterBatch(commandWait);
        }
        commandDisruptor.handleEventsWith(decisionJournal).then(leads, closers);
        eventDisruptor.handleEventsWith(controller, inputJournal);
        final RingBuffer<EngineEvent> eventRing = eventDisruptor.getRingBuffer();
        events = new EventPort()
        {
            @Override
            public EngineEvent claim(final EventType type, final long callId, final int leg, final long nanos)
            {
                final long sequence = eventRing.next();
                final EngineEvent e = eventRing.get(sequence).set(type, callId, leg, nanos);
                e.sequence = sequence;
                return e;
            }

            @Override
            public void publish(final EngineEvent event)
            {
                eventRing.publish(event.sequence);
            }
        };
        commandDisruptor.start();
        eventDisruptor.start();
    }

    @Override
    String name()
    {
        return "disruptor";
    }

    @Override
    EventPort events()
    {
        return events;
    }

    @Override
    void stop()
    {
        eventDisruptor.shutdown();
        commandDisruptor.shutdown();
    }

    /**
     * Names the consumers' threads as {@link DialerEngine} does, in the order the handlers start.
     */
    private static ThreadFactory threads(final String... names)
    {
        final AtomicInteger count = new AtomicInteger();
        return (runnable) ->
        {
            final int n = count.getAndIncrement();
            final Thread thread = new Thread(runnable, n < names.length ? names[n] : names[0] + "-" + n);
            thread.setDaemon(true);
            return thread;
        };
    }
}
