/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutBlockingWaitStrategy;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.Journal;
import io.dialer.core.journal.RecoveryState;
import io.dialer.core.journal.Step;
import io.dialer.sip.SipStack;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer's pipeline, assembled: one event ring (SIP, media, effects feedback and API events in; the call
 * controller and the input journal consume it in parallel) and one command ring (the controller's output; the
 * effects stage and the decision journal consume it in parallel). Started on a journal directory: when the directory
 * already holds a journal, the campaign resumes from it.
 */
public final class DialerEngine implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(DialerEngine.class);
    private static final long SHUTDOWN_TIMEOUT_MS = 10_000;

    private final Disruptor<EngineEvent> eventDisruptor;
    private final Disruptor<Command> commandDisruptor;
    private final RingBuffer<EngineEvent> events;
    private final Journal journal;
    private final CallController controller;
    private final EngineStats stats = new EngineStats();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Path journalDir;
    private boolean closed;

    private DialerEngine(
        final EngineConfig config, final SipStack[] stacks, final PromptBook prompts, final Path journalDir)
    {
        this.journalDir = journalDir;
        final RecoveryState recovered = new RecoveryState();
        final long records = Journal.replay(journalDir, recovered);
        journal = Journal.open(journalDir);
        config.leaveMessage(null != prompts.voicemail());
        if (null == config.mediaLag)
        {
            final SipStack[] mediaOf = stacks.clone();
            config.mediaLag(() ->
            {
                long skipped = 0;
                for (final SipStack stack : mediaOf)
                {
                    skipped += stack.mediaFramesSkipped();
                }
                return skipped;
            }, config.mediaHoldMs);
        }

        eventDisruptor = new Disruptor<>(EngineEvent::new, config.ringSize,
            threads("dialer-controller", "dialer-journal-events"),
            ProducerType.MULTI, new TimeoutBlockingWaitStrategy(1, TimeUnit.MILLISECONDS));
        commandDisruptor = new Disruptor<>(Command::new, config.ringSize,
            threads("dialer-effects-leads", "dialer-effects-closers", "dialer-journal-decisions"),
            ProducerType.SINGLE, new BlockingWaitStrategy());
        events = eventDisruptor.getRingBuffer();

        final CampaignLog decisions = journal.decisions();
        final EventHandler<Command> decisionJournal = (command, sequence, endOfBatch) ->
        {
            if (command.type.isRecord())
            {
                CommandLog.RecordReplay.replay(command, decisions);
            }
        };
        final Effects.LeadLegs leadLegs = new Effects.LeadLegs(1 << config.capacityBits);
        commandDisruptor.handleEventsWith(
            new Effects(Effects.Lane.LEADS, leadLegs, config, stacks, prompts, events),
            new Effects(Effects.Lane.CLOSERS, leadLegs, config, stacks, prompts, events),
            decisionJournal);

        controller = new CallController(config, commandDisruptor.getRingBuffer(),
            new CommandLog(commandDisruptor.getRingBuffer()), stats, records > 0 ? recovered : null,
            finished::countDown);
        final EventHandler<EngineEvent> inputJournal = (event, sequence, endOfBatch) -> journal.appendEvent(
            event.type.ordinal(), event.nanos, event.callId, event.token, event.value, event.leg << 16 | event.digit);
        eventDisruptor.handleEventsWith(controller, inputJournal);

        commandDisruptor.start();
        eventDisruptor.start();
        LOG.info("campaign {} run {} started on journal {}", config.campaignName, controller.run(), journalDir);
    }

    /**
     * Starts the pipeline and begins dialing.
     *
     * @param config     the campaign, resolved.
     * @param stacks     the SIP stacks to dial on (round robin), already started.
     * @param prompts    the rendered prompts.
     * @param journalDir the journal directory: new for a new campaign, the same to resume after a stop or a crash.
     * @return the running engine.
     */
    public static DialerEngine start(
        final EngineConfig config, final SipStack[] stacks, final PromptBook prompts, final Path journalDir)
    {
        return new DialerEngine(config, stacks, prompts, journalDir);
    }

    /**
     * Waits for the campaign to finish: every lead has a final disposition, or no attempt left.
     *
     * @param timeout how long to wait.
     * @param unit    its unit.
     * @return true when finished.
     * @throws InterruptedException when interrupted.
     */
    public boolean awaitFinished(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return finished.await(timeout, unit);
    }

    /**
     * @return true once the campaign finished.
     */
    public boolean isFinished()
    {
        return 0 == finished.getCount();
    }

    /**
     * @return live counters.
     */
    public EngineStats stats()
    {
        return stats;
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
        return journalDir;
    }

    /**
     * Adds a number to the do-not-call list at once (checked before every later dial).
     *
     * @param e164 the number.
     */
    public void addDoNotCall(final String e164)
    {
        final long seq = events.next();
        events.get(seq).set(EventType.ADD_DO_NOT_CALL, 0, EngineEvent.LEAD_LEG, System.nanoTime()).text = e164;
        events.publish(seq);
    }

    /**
     * Stops dialing new leads; calls in progress finish, then the campaign finishes.
     */
    public void drain()
    {
        final long seq = events.next();
        events.get(seq).set(EventType.DRAIN, 0, EngineEvent.LEAD_LEG, System.nanoTime());
        events.publish(seq);
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

    /**
     * Names the threads of a Disruptor's consumers in the order they are started (the order of the handlers).
     */
    private static ThreadFactory threads(final String... names)
    {
        final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return runnable ->
        {
            final int n = count.getAndIncrement();
            final Thread thread = new Thread(runnable, n < names.length ? names[n] : names[0] + "-" + n);
            thread.setDaemon(true);
            return thread;
        };
    }
}
