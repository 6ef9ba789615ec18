/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.dialer.core.campaign.CloserDestination;
import io.dialer.core.journal.Journal;
import io.dialer.core.journal.JournalCodec;
import io.dialer.core.journal.RecoveryState;
import io.dialer.sip.RegistrationListener;
import io.dialer.sip.UnregisterCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer's pipeline, assembled from an {@link EngineContext}: one event ring (SIP, media, effects feedback and control
 * events in; the call controller and the input journal consume it in parallel) and one command ring (the
 * controller's output; the decision journal consumes it first, then the two effects lanes in parallel, so nothing is
 * done that the journal does not hold). It runs any number of campaigns at once over one sales floor: those of the
 * context start with it, others are started while it runs
 * ({@link #startCampaign(CampaignContext)}). Each campaign has its own journal directory: when it already holds a
 * journal, the campaign resumes from it; the engine's own journal (the floor's records) resumes the closers'
 * presence. {@link #control()} is the one seam through which users act on the running engine and read its state.
 */
public final class DialerEngine implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(DialerEngine.class);
    private static final long SHUTDOWN_TIMEOUT_MS = 10_000;

    private final EngineContext ctx;
    private final Disruptor<EngineEvent> eventDisruptor;
    private final Disruptor<Command> commandDisruptor;
    private final Journal journal;
    private final RecoveryState recovered;
    private final AtomicReferenceArray<Journal> journals;
    private final AtomicReferenceArray<CampaignContext> contexts;
    private final List<RunningCampaign> campaigns = new CopyOnWriteArrayList<>();
    private final CommandProxy commands;
    private final EventProxy events;
    private final CallController controller;
    private final EngineControl control;
    private final EngineStats stats = new EngineStats();
    private final CountDownLatch finished = new CountDownLatch(1);
    private int nextCampaign;
    private boolean closed;

    private DialerEngine(final EngineContext ctx)
    {
        this.ctx = ctx;
        final RecoveryState floorState = new RecoveryState();
        recovered = Journal.replay(ctx.journalDir(), floorState) > 0 ? floorState : null;
        journal = Journal.open(ctx.journalDir());
        journals = new AtomicReferenceArray<>(1 + ctx.maxCampaigns());
        journals.set(CommandProxy.ENGINE_JOURNAL, journal);
        contexts = new AtomicReferenceArray<>(ctx.maxCampaigns());

        eventDisruptor = new Disruptor<>(EngineEvent::new, ctx.ringSize(),
            threads("dialer-controller", "dialer-journal-events"),
            ProducerType.MULTI, new EngineWaitStrategy(1, TimeUnit.MILLISECONDS));
        final EngineWaitStrategy commandWait = new EngineWaitStrategy(0, TimeUnit.MILLISECONDS);
        commandDisruptor = new Disruptor<>(Command::new, ctx.ringSize(),
            threads("dialer-journal-decisions", "dialer-effects-leads", "dialer-effects-closers"),
            ProducerType.SINGLE, commandWait);
        events = new EventProxy(eventDisruptor.getRingBuffer());
        control = new EngineControl(events, new LiveState(ctx.clock().time(), 0, 0, List.of(), List.of()));

        final EventHandler<Command> decisionJournal = new EventHandler<>()
        {
            private Sequence done;

            @Override
            public void onEvent(final Command command, final long sequence, final boolean endOfBatch)
            {
                if (CommandType.RECORD == command.type)
                {
                    journals.get(command.journal).appendDecision(command.record, command.recordLength);
                }
                if (endOfBatch)
                {
                    done.set(sequence); // the lanes gated on the journal wake now, not after a spin
                    commandWait.signalAllWhenBlocking();
                }
            }

            @Override
            public void setSequenceCallback(final Sequence sequence)
            {
                done = sequence;
            }
        };
        final Effects.LeadLegs leadLegs = new Effects.LeadLegs(1 << ctx.capacityBits());
        final AtomicReferenceArray<CloserDestination> destinations = new AtomicReferenceArray<>(ctx.maxClosers());
        // write-ahead: a command reaches the effects lanes only once every record before it is in the journal, so a
        // dial a crash interrupts is always in the journal (recovery charges it) and never made twice unrecorded
        commandDisruptor.handleEventsWith(decisionJournal).then(
            new Effects(Effects.Lane.LEADS, leadLegs, ctx, contexts, destinations, events),
            new Effects(Effects.Lane.CLOSERS, leadLegs, ctx, contexts, destinations, events));

        commands = new CommandProxy(commandDisruptor.getRingBuffer());
        final List<CallController.CampaignStart> initial = new ArrayList<>();
        for (final CampaignContext campaign : ctx.campaigns())
        {
            initial.add(prepare(campaign, null));
        }
        controller = new CallController(ctx, commands, destinations,
            new JournalCodec.Encoder(commands.records(CommandProxy.ENGINE_JOURNAL)), stats, control, recovered,
            initial, finished::countDown);
        // one journal document per ring batch (split at Journal.EVENTS_PER_DOCUMENT): an append costs the same for
        // one event as for 64, and the batch is written before this thread waits again
        final EventHandler<EngineEvent> inputJournal = (event, sequence, endOfBatch) ->
        {
            journal.bufferEvent(event.type.ordinal(), event.nanos, event.callId, event.token, event.value,
                event.leg << 16 | event.digit);
            if (endOfBatch)
            {
                journal.flushEvents();
            }
        };
        eventDisruptor.handleEventsWith(controller, inputJournal);

        commandDisruptor.start();
        eventDisruptor.start();
        if (null != ctx.registrar())
        {
            // a closer's phone registering or not changes whether the closer can take callers
            ctx.registrar().listener(new RegistrationListener()
            {
                @Override
                public void onRegistered(final String extension, final String contact)
                {
                    events.control(EventType.CLOSER_PHONE, 1, extension, contact, null);
                }

                @Override
                public void onUnregistered(final String extension, final UnregisterCause cause)
                {
                    events.control(EventType.CLOSER_PHONE, 0, extension, cause.name(), null);
                }
            });
        }
        LOG.info("engine started on journal {} with {} campaign(s)", ctx.journalDir(), initial.size());
    }

    /**
     * Starts the pipeline, and the campaigns of the context (dialing once closers are available).
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
     * Starts a campaign while the engine runs: its journal is opened (and replayed, when it holds one, so the
     * campaign resumes) on the calling thread, then the controller starts it.
     *
     * @param campaign the campaign's settings; concluded here when they were not.
     * @return completed with the campaign once the controller has started it, or exceptionally with the reason.
     */
    public CompletableFuture<RunningCampaign> startCampaign(final CampaignContext campaign)
    {
        final CompletableFuture<RunningCampaign> started = new CompletableFuture<>();
        try
        {
            if (!campaign.isConcluded())
            {
                campaign.conclude();
            }
            final CallController.CampaignStart start = prepare(campaign, started);
            events.control(EventType.START_CAMPAIGN, start.id(), campaign.name(), null, start);
        }
        catch (final RuntimeException ex)
        {
            started.completeExceptionally(ex);
        }
        return started;
    }

    private synchronized CallController.CampaignStart prepare(
        final CampaignContext campaign, final CompletableFuture<RunningCampaign> started)
    {
        if (closed)
        {
            throw new IllegalStateException("the engine is closed");
        }
        if (nextCampaign >= ctx.maxCampaigns())
        {
            throw new IllegalStateException("the engine runs at most " + ctx.maxCampaigns() + " campaigns");
        }
        for (final RunningCampaign running : campaigns)
        {
            if (running.name().equals(campaign.name()) && !running.isFinished())
            {
                throw new IllegalArgumentException("campaign '" + campaign.name() + "' is already running");
            }
        }
        if (campaign.gate().doNotCall() != ctx.doNotCall())
        {
            throw new IllegalArgumentException("campaign '" + campaign.name() +
                "' checks another do-not-call list than the engine's");
        }
        final int id = nextCampaign;
        final Journal campaignJournal;
        RecoveryState state = null;
        if (campaign.journalDir().toAbsolutePath().normalize().equals(
            ctx.journalDir().toAbsolutePath().normalize()))
        {
            campaignJournal = journal; // one campaign on the engine's own journal, as 'dialer run' keeps it
            state = recovered;
        }
        else
        {
            final RecoveryState replayed = new RecoveryState();
            state = Journal.replay(campaign.journalDir(), replayed) > 0 ? replayed : null;
            campaignJournal = Journal.open(campaign.journalDir());
        }
        nextCampaign++;
        journals.set(1 + id, campaignJournal);
        contexts.set(id, campaign);
        final RunningCampaign handle = new RunningCampaign(id, campaign.name(), null == state ? 1 : state.runs() + 1,
            campaign.journalDir(), control);
        campaigns.add(handle);
        return new CallController.CampaignStart(id, campaign,
            new JournalCodec.Encoder(commands.records(1 + id)), state, handle, started);
    }

    /**
     * Waits until every campaign started so far has ended (for a run of given campaigns, as {@code dialer run} is).
     *
     * @param timeout how long to wait.
     * @param unit    its unit.
     * @return true when every campaign ended.
     * @throws InterruptedException when interrupted.
     */
    public boolean awaitFinished(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return finished.await(timeout, unit);
    }

    /**
     * @return true once every campaign started so far has ended.
     */
    public boolean isFinished()
    {
        return 0 == finished.getCount();
    }

    /**
     * @return the campaigns started on this engine, in the order they were started.
     */
    public List<RunningCampaign> campaigns()
    {
        return List.copyOf(campaigns);
    }

    /**
     * @param name a campaign's name.
     * @return the last campaign started with that name, or null.
     */
    public RunningCampaign campaign(final String name)
    {
        RunningCampaign found = null;
        for (final RunningCampaign campaign : campaigns)
        {
            if (campaign.name().equals(name))
            {
                found = campaign;
            }
        }
        return found;
    }

    /**
     * @return the engine's live counters (calls up, callers waiting, admission holds), readable from any thread.
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
     * @return the engine's journal directory.
     */
    public Path journalDir()
    {
        return ctx.journalDir();
    }

    /**
     * Stops the pipeline (after the events already published are handled) and closes the journals.
     */
    @Override
    public void close()
    {
        synchronized (this)
        {
            if (closed)
            {
                return;
            }
            closed = true;
        }
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
        final Map<Journal, Boolean> open = new IdentityHashMap<>();
        for (int i = 0; i < journals.length(); i++)
        {
            final Journal j = journals.get(i);
            if (null != j && null == open.put(j, Boolean.TRUE))
            {
                j.close();
            }
        }
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
