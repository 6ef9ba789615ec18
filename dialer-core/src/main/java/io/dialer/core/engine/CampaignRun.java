/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dialer.core.compliance.AbandonmentLedger;
import io.dialer.core.compliance.DialRateLimiter;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.RecoveryState;
import io.dialer.core.journal.Step;
import io.dialer.core.lead.LeadList;
import io.dialer.core.pacing.PredictivePacer;
import io.dialer.qualification.OutcomeKind;
import io.dialer.qualification.Script;
import io.dialer.transfer.Matcher;
import io.dialer.transfer.SkillRegistry;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.NanoClock;

/**
 * One campaign in the engine: its leads' schedule ({@link LeadSchedule}), whether it dials ({@link CampaignStatus}),
 * its pacing, its journal, its counters and latencies, and its own pool of {@link CallFlow}s (each flow carries the
 * campaign's script, transfer settings, journal and {@link CallEffects}, so a call never asks which campaign it is
 * in). Its calls take slots of the engine's shared {@link CallSlots}; its qualified callers go to the one sales floor.
 * Single writer: the controller's thread, which creates it when the campaign starts.
 */
final class CampaignRun implements FloorPacer.Lines
{
    private static final long LATENCIES_INTERVAL_MS = 1_000;

    private final int id;
    private final CampaignContext ctx;
    private final LeadList leads;
    private final CampaignLog journal;
    private final EngineStats stats;
    private final LeadSchedule schedule;
    private final CampaignStatus status;
    private final DialRateLimiter dialRate;
    private final CallEffects effects;
    private final CallSettings settings;
    private final AbandonmentLedger ledger;
    private final CommandProxy commands;
    private final CallSlots slots;
    private final EngineStats engineStats;
    private final ControllerTime time;
    private final NanoClock nanoClock;
    private final ArrayDeque<CallFlow> idle = new ArrayDeque<>();
    private final List<CallFlow> flows = new ArrayList<>();
    private final Histogram[] latencies;
    private final int primarySkill;
    private final int run;
    private final RunningCampaign handle;
    private final PredictivePacer predictive;
    private int predicted;
    private RecoveryState recovered;
    private int live;
    private int inProgress;
    private long lastDial;
    private long latenciesAtMs;
    private Map<String, CampaignState.Latency> latencySummary = Map.of();
    private boolean over;

    /**
     * @param id          the campaign's index in the engine.
     * @param ctx         its settings, concluded.
     * @param journal     its journal's encoder.
     * @param recovered   its journal's state, or null for a new campaign.
     * @param handle      the handle users hold.
     * @param engine      the engine's shared parts.
     */
    CampaignRun(
        final int id, final CampaignContext ctx, final CampaignLog journal, final RecoveryState recovered,
        final RunningCampaign handle, final Engine engine)
    {
        this.id = id;
        this.ctx = ctx;
        this.leads = ctx.leads();
        this.journal = journal;
        this.handle = handle;
        this.stats = handle.stats();
        this.commands = engine.commands();
        this.slots = engine.slots();
        this.engineStats = engine.stats();
        this.time = engine.time();
        this.nanoClock = engine.nanoClock();
        if (null != recovered && recovered.leads() != leads.size())
        {
            throw new IllegalStateException("the journal of campaign " + ctx.name() + " is for a lead list of " +
                recovered.leads() + " leads, this one has " + leads.size() +
                ": use a new journal directory for a different list");
        }
        schedule = new LeadSchedule(leads, ctx.gate(), engine.timers(), id, journal);
        status = new CampaignStatus(journal, ctx.name(), ctx.maxConsecutiveTrunkFailures());
        dialRate = new DialRateLimiter(ctx.maxDialsPerSecond());
        latencies = handle.latencies();
        effects = new CallEffects(this, engine, journal, latencies);
        settings = new CallSettings(ctx.script(), ctx.transfer(), ctx.leaveMessage(), ctx.verdictTimeoutMs(),
            ctx.beepTimeoutMs(), ctx.callbackOffer(), ctx.abandonment());
        ledger = null == recovered ? new AbandonmentLedger(ctx.abandonment().targetRate()) :
            recovered.abandonmentLedger(ctx.abandonment().targetRate());
        final Script script = ctx.script();
        int firstSkill = SkillRegistry.UNKNOWN_SKILL;
        for (int i = 0; i < script.outcomeCount() && SkillRegistry.UNKNOWN_SKILL == firstSkill; i++)
        {
            if (OutcomeKind.QUALIFIED == script.outcome(i).kind())
            {
                firstSkill = engine.floor().skillId(script.outcome(i).skill());
            }
        }
        primarySkill = firstSkill; // pacing counts the closers of the script's first qualified skill
        run = handle.run();
        this.recovered = recovered;
        predictive = null == ctx.predictive() ? null : ctx.predictive().newPacer(ctx.pacer().maxLines());
        stats.set(EngineStats.LEADS, leads.size());
    }

    /**
     * On the controller's thread: the run's first record, then the leads' state rebuilt from the journal.
     *
     * @param nowMs the time.
     * @return the numbers the campaign's journal holds as opted out (to be blocked again).
     */
    Iterable<String> start(final long nowMs)
    {
        journal.campaignStarted(nowMs, run, ctx.name(), ctx.leadsFile(), leads.size(), 0);
        ledger.start(nowMs); // the first run's start stays the run's start after a restart
        final Iterable<String> optOuts = schedule.restore(recovered, nowMs);
        if (null != recovered && recovered.paused())
        {
            status.pausedBeforeRestart();
        }
        recovered = null;
        stats.set(EngineStats.LEADS_DONE, schedule.leadsDone());
        return optOuts;
    }

    int id()
    {
        return id;
    }

    String name()
    {
        return ctx.name();
    }

    CampaignContext context()
    {
        return ctx;
    }

    int run()
    {
        return run;
    }

    RunningCampaign handle()
    {
        return handle;
    }

    CampaignLog journal()
    {
        return journal;
    }

    CampaignStatus status()
    {
        return status;
    }

    LeadSchedule schedule()
    {
        return schedule;
    }

    EngineStats stats()
    {
        return stats;
    }

    /**
     * @return the campaign's abandonment ledger (rebuilt from the journal on a restart), for pacing and live state.
     */
    AbandonmentLedger ledger()
    {
        return ledger;
    }

    CallEffects effects()
    {
        return effects;
    }

    int primarySkill()
    {
        return primarySkill;
    }

    boolean over()
    {
        return over;
    }

    /**
     * @return the campaign's calls up.
     */
    int live()
    {
        return live;
    }

    /**
     * @param step a step.
     * @return its latency histogram (read only after the controller stopped).
     */
    Histogram latency(final Step step)
    {
        return latencies[step.ordinal()];
    }

    /**
     * @return true when the campaign would dial now if it had lines.
     */
    boolean dialing()
    {
        return !over && status.dialing();
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int target(final int available)
    {
        return null != predictive ? predicted : ctx.pacer().targetLines(available, available);
    }

    /**
     * @return the campaign's predictive pacer, or null when it is paced progressively.
     */
    PredictivePacer predictivePacer()
    {
        return predictive;
    }

    /**
     * Predictive pacing: decides the campaign's target lines for this pacing round from its calls in flight, the
     * closers of its skill and its abandonment so far (hold hang-ups and hold-limit drops count as abandons).
     * Allocation-free; nothing to do for a progressive campaign.
     *
     * @param floor the sales floor.
     * @param nowMs the time.
     */
    void predict(final SalesFloor floor, final long nowMs)
    {
        if (null == predictive)
        {
            return;
        }
        int ringing = 0;
        int detecting = 0;
        int scripting = 0;
        for (int i = 0, n = flows.size(); i < n; i++)
        {
            final CallFlow flow = flows.get(i);
            if (0 != flow.callId() && flow.inPacing())
            {
                final CallPhase phase = flow.phase();
                if (CallPhase.DIALING == phase)
                {
                    ringing++;
                }
                else if (CallPhase.DETECTING == phase)
                {
                    detecting++;
                }
                else
                {
                    scripting++;
                }
            }
        }
        predictive.beginFloor(nowMs);
        final int onFloor = floor.feed(primarySkill, predictive, nowMs);
        // the ledger's window (it survives restarts): the rule's abandons and, conservatively, the hold drops
        final long abandoned = ledger.abandoned() + ledger.holdDropped();
        final long humans = ledger.humanAnswered();
        predicted = predictive.decide(nowMs, onFloor, floor.available(primarySkill), floor.waiting(primarySkill),
            ringing, detecting, scripting, abandoned, humans);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int inProgress()
    {
        return inProgress;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public long lastDial()
    {
        return lastDial;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public boolean dialOne()
    {
        final long nowMs = time.nowMs();
        if (!slots.hasFree() || dialRate.allowed(nowMs, 1) < 1)
        {
            return false;
        }
        final int lead = schedule.nextDialable(nowMs);
        if (lead < 0)
        {
            return false;
        }
        lastDial = nanoClock.nanoTime();
        dial(lead, nowMs, lastDial);
        dialRate.dialed(1);
        return true;
    }

    private void dial(final int lead, final long nowMs, final long nanos)
    {
        CallFlow flow = idle.pollFirst();
        if (null == flow)
        {
            flow = new CallFlow(settings, effects, journal, stats, ledger); // a pool grows once, to the campaign's peak
            flow.campaign(id);
            flows.add(flow);
        }
        final long callId = slots.acquire(flow);
        final int attempt = schedule.dialed(lead, nowMs);
        flow.at(nowMs, nanos).start(callId, lead, attempt);
        live++;
        inProgress++;
        stats.set(EngineStats.LIVE, live);
        stats.add(EngineStats.DIALED, 1);
        engineStats.set(EngineStats.LIVE, slots.live());
        final String e164 = leads.e164(lead);
        final DoNotCallList dnc = ctx.gate().doNotCall();
        journal.dialed(nowMs, lead, callId, attempt, e164, schedule.why(), dnc.size(), dnc.filesDateMs());
        commands.dialLead(id, callId, lead, e164, ctx.ringTimeoutMs(), nanos);
    }

    /**
     * A call no longer counts for pacing (it qualified or ended).
     */
    void leftPacing()
    {
        inProgress--;
    }

    /**
     * A call's slot was released: its flow is free for the next dial.
     *
     * @param flow the flow.
     */
    void released(final CallFlow flow)
    {
        live--;
        stats.set(EngineStats.LIVE, live);
        idle.addFirst(flow);
    }

    /**
     * @return true when the run has nothing left to do: every lead done, or drained or stopped, and no call up.
     */
    boolean ended()
    {
        return !over && 0 == live &&
            ((0 == schedule.readyCount() && 0 == schedule.waitingCount()) || status.ending());
    }

    /**
     * The run is over: its last record.
     *
     * @param nowMs the time.
     */
    void finish(final long nowMs)
    {
        over = true;
        if (0 == schedule.readyCount() && 0 == schedule.waitingCount())
        {
            journal.campaignFinished(nowMs, run);
            status.over(CampaignState.Status.FINISHED);
        }
        else
        {
            journal.campaignStopped(nowMs, run, status.reason(), schedule.openLeads(), schedule.heldByWindow(),
                schedule.nextDueMs());
            status.over(CampaignState.Status.STOPPED);
        }
    }

    /**
     * The campaign's state for the live view.
     *
     * @param matcher the floor's matcher, to count the campaign's callers waiting for a closer.
     * @return the state.
     */
    CampaignState state(final Matcher matcher)
    {
        final long nextDue = schedule.nextDueMs();
        stats.set(EngineStats.READY, schedule.readyCount());
        stats.set(EngineStats.LEADS_WAITING, schedule.waitingCount());
        stats.set(EngineStats.HELD_BY_WINDOW, schedule.heldByWindow());
        stats.set(EngineStats.NEXT_DUE_MS, nextDue);
        stats.set(EngineStats.LEADS_DONE, schedule.leadsDone());
        final Map<String, Integer> phases = new LinkedHashMap<>();
        final List<CampaignState.OnHold> onHold = new ArrayList<>();
        int waiting = 0;
        for (final CallFlow flow : flows)
        {
            if (0 != flow.callId())
            {
                phases.merge(flow.phase().name(), 1, Integer::sum);
                if (matcher.isQueued(flow.callId()))
                {
                    waiting++;
                }
                if (CallPhase.TRANSFERRING == flow.phase())
                {
                    onHold.add(new CampaignState.OnHold(flow.callId(), flow.lead(), flow.qualifiedAtMs()));
                }
            }
        }
        onHold.sort((a, b) -> Long.compare(a.sinceMs(), b.sinceMs()));
        final long nowMs = time.nowMs();
        ledger.at(nowMs); // the rolling window moves with the clock, not only with calls
        if (nowMs - latenciesAtMs >= LATENCIES_INTERVAL_MS || latencySummary.isEmpty())
        {
            latenciesAtMs = nowMs;
            final Map<String, CampaignState.Latency> summary = new LinkedHashMap<>();
            for (final Step step : Step.values())
            {
                final Histogram h = latencies[step.ordinal()];
                summary.put(step.name(), new CampaignState.Latency(h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
                    h.getValueAtPercentile(99) / 1e6));
            }
            latencySummary = summary;
        }
        final Map<String, Long> dispositions = new LinkedHashMap<>();
        for (final Disposition d : Disposition.values())
        {
            final long count = stats.count(d);
            if (count > 0)
            {
                dispositions.put(d.name(), count);
            }
        }
        return new CampaignState(id, ctx.name(), run, status.status(), status.reason(), leads.size(),
            schedule.leadsDone(), schedule.readyCount(), schedule.waitingCount(), schedule.heldByWindow(), nextDue,
            stats.dialed(), live, phases, waiting, stats.qualified(), stats.bridged(), dispositions,
            status.trunkFailures(), status.trunkProblem(), latencySummary, onHold, ledger.humanAnswered(),
            ledger.abandoned(), ledger.rate(), ledger.remainingBudget(), ledger.holdDropped(), ledger.falseMachines(),
            pacing(nowMs));
    }

    private CampaignState.Pacing pacing(final long nowMs)
    {
        if (null == predictive)
        {
            return new CampaignState.Pacing("progressive", -1, "", 0, 0, 0, 0, 0, 0, 0);
        }
        return new CampaignState.Pacing("predictive", predictive.target(), predictive.reason().name(),
            predictive.answerRate(nowMs), predictive.humanShare(nowMs), predictive.qualificationRate(nowMs),
            predictive.horizonMs(), predictive.expectedFree(), predictive.z(), predictive.answers());
    }

    /**
     * Cancels the campaign's calls not answered yet (they are not charged).
     *
     * @param nowMs the time.
     * @param nanos the time, for latencies.
     */
    void cancelUnanswered(final long nowMs, final long nanos)
    {
        for (final CallFlow flow : flows)
        {
            if (0 != flow.callId() && CallPhase.DIALING == flow.phase())
            {
                flow.at(nowMs, nanos).cancel();
            }
        }
    }

    /**
     * The shared parts of the engine a campaign uses.
     *
     * @param commands the command ring's writer.
     * @param slots    the call slots.
     * @param timers   the timers.
     * @param floor    the sales floor.
     * @param stats    the engine's counters.
     * @param doNotCall blocks numbers (opt-outs).
     * @param time      the controller's time.
     * @param nanoClock the controller's clock for latencies.
     * @param offers    told of closers' offers, or null.
     * @param steps     told of every measured step, or null.
     */
    record Engine(
        CommandProxy commands, CallSlots slots, EngineTimers timers, SalesFloor floor, EngineStats stats,
        NumberBlocker doNotCall, ControllerTime time, NanoClock nanoClock, OfferListener offers, StepListener steps)
    {
    }

    /**
     * Blocks a number for every campaign (the do-not-call list, on the controller's thread).
     */
    @FunctionalInterface
    interface NumberBlocker
    {
        /**
         * @param e164   the number.
         * @param source who asked.
         */
        void block(String e164, String source);
    }
}
