/*
 * Dialer benchmarks: the engine's pipeline, measured in its own package (no change to dialer-core).
 */
package io.dialer.core.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.EventHandler;

/**
 * The baseline: the same topology and handlers over {@link ArrayBlockingQueue}s of the rings' capacity, as one would
 * build it without a ring. A producer allocates each event (a queue passes references, so a slot cannot be reused)
 * and puts it on the controller's and the input journal's queues; the controller allocates each command and puts it
 * on the decision journal's queue, whose thread passes it on to both effects lanes' queues once appended. Each
 * consumer takes with a 1 ms timeout (the controller's periodic poll on a timeout, as on the ring) and then drains up
 * to 255 more, handing the last of a batch as the end of the batch.
 */
final class QueuePipeline extends BenchPipeline
{
    private static final int BATCH = 256;

    private final BlockingQueue<EngineEvent> controllerQueue;
    private final BlockingQueue<EngineEvent> inputJournalQueue;
    private final BlockingQueue<Command> decisionQueue;
    private final BlockingQueue<Command> leadsQueue;
    private final BlockingQueue<Command> closersQueue;
    private final List<Thread> threads = new ArrayList<>();
    private final EventPort events;
    private volatile boolean running = true;

    QueuePipeline(final Path journalDir, final int capacity)
    {
        super(journalDir);
        controllerQueue = new ArrayBlockingQueue<>(capacity);
        inputJournalQueue = new ArrayBlockingQueue<>(capacity);
        decisionQueue = new ArrayBlockingQueue<>(capacity);
        leadsQueue = new ArrayBlockingQueue<>(capacity);
        closersQueue = new ArrayBlockingQueue<>(capacity);
        controller = new ModelController(new CommandPort()
        {
            @Override
            Command claim(final CommandType type, final long callId, final int leg)
            {
                return new Command().reset(type, callId, leg);
            }

            @Override
            void publish(final Command command)
            {
                put(decisionQueue, command);
            }
        }, latency, sendLatency);
        events = new EventPort()
        {
            @Override
            public EngineEvent claim(final EventType type, final long callId, final int leg, final long nanos)
            {
                return new EngineEvent().set(type, callId, leg, nanos);
            }

            @Override
            public void publish(final EngineEvent event)
            {
                put(controllerQueue, event);
                put(inputJournalQueue, event);
            }
        };
        start("controller", controllerQueue, controller, null, null);
        start("journal-events", inputJournalQueue, inputJournal, null, null);
        start("journal-decisions", decisionQueue, decisionJournal, leadsQueue, closersQueue);
        start("effects-leads", leadsQueue, leads, null, null);
        start("effects-closers", closersQueue, closers, null, null);
    }

    @Override
    String name()
    {
        return "queue";
    }

    @Override
    EventPort events()
    {
        return events;
    }

    @Override
    void stop()
    {
        running = false;
        for (final Thread thread : threads)
        {
            try
            {
                thread.join();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private <T> void start(
        final String name, final BlockingQueue<T> queue, final EventHandler<T> handler, final BlockingQueue<T> next,
        final BlockingQueue<T> next2)
    {
        final Thread thread = new Thread(() -> consume(queue, handler, next, next2), "queue-" + name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private <T> void consume(
        final BlockingQueue<T> queue, final EventHandler<T> handler, final BlockingQueue<T> next,
        final BlockingQueue<T> next2)
    {
        final List<T> batch = new ArrayList<>(BATCH);
        long sequence = 0;
        try
        {
            while (running || !queue.isEmpty())
            {
                final T first = queue.poll(1, TimeUnit.MILLISECONDS);
                if (null == first)
                {
                    handler.onTimeout(sequence);
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                final int size = batch.size();
                for (int i = 0; i < size; i++)
                {
                    final T item = batch.get(i);
                    handler.onEvent(item, sequence++, i == size - 1);
                    if (null != next)
                    {
                        next.put(item);
                        next2.put(item);
                    }
                }
                batch.clear();
            }
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static <T> void put(final BlockingQueue<T> queue, final T item)
    {
        try
        {
            queue.put(item);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", ex);
        }
    }
}
