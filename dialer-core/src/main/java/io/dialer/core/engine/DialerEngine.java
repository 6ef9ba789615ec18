/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.TimeoutBlockingWaitStrategy;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.dialer.core.journal.Journal;
import io.dialer.core.journal.JournalCodec;
import io.dialer.core.journal.RecoveryState;
import io.dialer.core.journal.Step;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer's pipeline, assembled from an {@link EngineContext}: one event ring (SIP, media, effects feedback and control
 * events in; the call controller and the input journal consume it in parallel) and one command ring (the
 * controller's output; the two effects lanes and the decision journal consume it in parallel). Started on a journal
 * directory: when the directory already holds a journal, the campaign resumes from it. {@link #control()} is the
 * one seam through which users act on the running engine and read its state.
 */
public final class DialerEngine implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(DialerEngine.class);
    private static final long SHUTDOWN_TIMEOUT_MS = 10_000;

    private final EngineContext ctx;
    private final Disruptor<EngineEvent> eventDisruptor;
    private final Disruptor<Command> commandDisruptor;
    private final Journal journal;
    private final CallController controller;
    private final EngineControl control;
    private final EngineStats stats = new EngineStats();
    private final CountDownLatch finished = new CountDownLatch(1);
    private boolean closed;

    private DialerEngine(final EngineContext ctx)
    {
        this.ctx = ctx;
        final RecoveryState recovered = new RecoveryState();
        final long records = Journal.replay(ctx.journalDir(), recovered);
        journal = Journal.open(ctx.journalDir());

        eventDisruptor = new Disruptor<>(EngineEvent::new, ctx.ringSize(),
            threads("dialer-controller", "dialer-journal-events"),
            ProducerType.MULTI, new TimeoutBlockingWaitStrategy(1, TimeUnit.MILLISECONDS));
        commandDisruptor = new Disruptor<>(Command::new, ctx.ringSize(),
            threads("dialer-effects-leads", "dialer-effects-closers", "dialer-journal-decisions"),
            ProducerType.SINGLE, new BlockingWaitStrategy());
        final EventProxy events = new EventProxy(eventDisruptor.getRingBuffer());
        control = new EngineControl(events, initialState(ctx));

        final EventHandler<Command> decisionJournal = (command, sequence, endOfBatch) ->
        {
            if (CommandType.RECORD == command.type)
            {
                journal.appendDecision(command.record, command.recordLength);
            }
        };
        final Effects.LeadLegs leadLegs = new Effects.LeadLegs(1 << ctx.capacityBits());
        commandDisruptor.handleEventsWith(
            new Effects(Effects.Lane.LEADS, leadLegs, ctx, events),
            new Effects(Effects.Lane.CLOSERS, leadLegs, ctx, events),
            decisionJournal);

        final CommandProxy commands = new CommandProxy(commandDisruptor.getRingBuffer());
        controller = new CallController(ctx, commands, new JournalCodec.Encoder(commands), stats, control,
            records > 0 ? recovered : null, finished::countDown);
        final EventHandler<EngineEvent> inputJournal = (event, sequence, endOfBatch) -> journal.appendEvent(
            event.type.ordinal(), event.nanos, event.callId, event.token, event.value, event.leg << 16 | event.digit);
        eventDisruptor.handleEventsWith(controller, inputJournal);

        commandDisruptor.start();
        eventDisruptor.start();
        LOG.info("campaign {} run {} started on journal {}", ctx.campaignName(), controller.run(), ctx.journalDir());
    }

    /**
     * Starts the pipeline and begins dialing (once closers are available).
     *
     * @param ctx the engine's settings; concluded here when they were not.
     * @return the running engine.
     */
    public static DialerEngine start(final EngineContext ctx)
    {
        if (!ctx.isConcluded())
        {
            ctx.conclude();
        }
        return new DialerEngine(ctx);
    }

    /**
     * Waits for the run to end: every lead has a final disposition or no attempt left, or the run was drained or
     * stopped and its calls ended.
     *
     * @param timeout how long to wait.
     * @param unit    its unit.
     * @return true when the run ended.
     * @throws InterruptedException when interrupted.
     */
    public boolean awaitFinished(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return finished.await(timeout, unit);
    }

    /**
     * @return true once the run ended.
     */
    public boolean isFinished()
    {
        return 0 == finished.getCount();
    }

    /**
     * @return live counters, readable from any thread without waiting.
     */
    public EngineStats stats()
    {
        return stats;
    }

    /**
     * The control seam: users' actions in, the live state out.
     *
     * @return the control.
     */
    public EngineControl control()
    {
        return control;
    }

    /**
     * @return the run number of this start on the journal (1 for a new campaign).
     */
    public int run()
    {
        return controller.run();
    }

    /**
     * @return the journal directory.
     */
    public Path journalDir()
    {
        return ctx.journalDir();
    }

    /**
     * A step's latencies in this run, as the controller recorded them; read after {@link #close()}.
     *
     * @param step the step.
     * @return the histogram, nanos.
     */
    public Histogram latency(final Step step)
    {
        return controller.latency(step);
    }

    /**
     * Stops the pipeline (after the events already published are handled) and closes the journal.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            eventDisruptor.shutdown(SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final TimeoutException ex)
        {
            LOG.warn("controller did not drain in {} ms", SHUTDOWN_TIMEOUT_MS);
            eventDisruptor.halt();
        }
        try
        {
            commandDisruptor.shutdown(SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final TimeoutException ex)
        {
            LOG.warn("effects did not drain in {} ms", SHUTDOWN_TIMEOUT_MS);
            commandDisruptor.halt();
        }
        journal.close();
    }

    private static LiveState initialState(final EngineContext ctx)
    {
        return new LiveState(ctx.clock().time(), 0, LiveState.Status.RUNNING, "starting", ctx.leads().size(), 0, 0,
            0, 0, Long.MAX_VALUE, 0, 0, Map.of(), 0, 0, 0, Map.of(), 0, "", List.of());
    }

    /**
     * Names the threads of a Disruptor's consumers in the order they are started (the order of the handlers).
     */
    private static ThreadFactory threads(final String... names)
    {
        final AtomicInteger count = new AtomicInteger();
        return runnable ->
        {
            final int n = count.getAndIncrement();
            final Thread thread = new Thread(runnable, n < names.length ? names[n] : names[0] + "-" + n);
            thread.setDaemon(true);
            return thread;
        };
    }
}
