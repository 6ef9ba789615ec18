/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.EventHandler;
import io.dialer.core.compliance.DialRateLimiter;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.ControlAction;
import io.dialer.core.journal.RecoveryState;
import io.dialer.core.journal.Step;
import io.dialer.core.lead.LeadList;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.qualification.OutcomeKind;
import io.dialer.qualification.Script;
import io.dialer.sip.EndCause;
import io.dialer.sip.FailureCause;
import io.dialer.transfer.MatchListener;
import io.dialer.transfer.Matcher;
import io.dialer.transfer.SkillRegistry;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer, as a thin router: it consumes the event ring on one thread and hands each event to the part
 * that owns it — a call's {@link CallFlow} ({@link CallSlots}), the {@link SalesFloor} (presence, the matcher), the
 * {@link CampaignStatus}, the {@link LeadSchedule}, the {@link EngineTimers} — while {@link CallEffects} carries out
 * what the flows ask for. It never blocks.
 * <p>
 * Between batches (and at least every millisecond when idle) it fires due timers, expires wrap-ups, paces new dials
 * and checks whether the run is over; every 250 ms it publishes a {@link LiveState} to the {@link EngineControl}.
 */
final class CallController implements EventHandler<EngineEvent>, MatchListener, EngineTimers.Handler
{
    private static final Logger LOG = LoggerFactory.getLogger(CallController.class);
    private static final long STATE_INTERVAL_MS = 250;

    private final EngineContext ctx;
    private final LeadList leads;
    private final CommandProxy commands;
    private final CampaignLog journal;
    private final EpochClock clock;
    private final NanoClock nanoClock;
    private final EngineStats stats;
    private final EngineControl control;
    private final SalesFloor floor;
    private final Matcher matcher;
    private final CampaignStatus status;
    private final Admission admission;
    private final DialRateLimiter dialRate;
    private final EngineTimers timers;
    private final LeadSchedule schedule;
    private final CallEffects effects;
    private final CallSlots slots;
    private final Histogram[] latencies = new Histogram[Step.values().length];
    private final int primarySkill;
    private final int run;
    private final Runnable onFinished;

    private RecoveryState recovered;
    private long nowMs;
    private boolean over;
    private long lastStateMs;

    CallController(
        final EngineContext ctx,
        final CommandProxy commands,
        final CampaignLog journal,
        final EngineStats stats,
        final EngineControl control,
        final RecoveryState recovered,
        final Runnable onFinished)
    {
        this.ctx = ctx;
        this.leads = ctx.leads();
        this.commands = commands;
        this.journal = journal;
        this.clock = ctx.clock();
        this.nanoClock = ctx.nanoClock();
        this.stats = stats;
        this.control = control;
        this.onFinished = onFinished;

        if (null != recovered && recovered.leads() != leads.size())
        {
            throw new IllegalStateException("the journal is for a lead list of " + recovered.leads() +
                " leads, this one has " + leads.size() + ": use a new journal directory for a different list");
        }
        if (null != recovered && ctx.skipIdleTime())
        {
            // a clock that skips idle time starts where it is told on every run: resume at the journal's time, so
            // the restart's dispositions, retry times and daily caps never fall before what the journal holds
            stats.add(EngineStats.SKIPPED_MS, ctx.clock().skipTo(recovered.lastTimeMs()));
        }
        nowMs = clock.time();

        final int slotBits = ctx.capacityBits();
        timers = new EngineTimers(nowMs, slotBits);
        floor = new SalesFloor(ctx.closers(), ctx.transfer().wrapUpMs(), Math.max(16, 1 << slotBits), this, journal);
        matcher = floor.matcher();
        schedule = new LeadSchedule(leads, ctx.gate(), timers, journal);
        status = new CampaignStatus(journal, ctx.campaignName(), ctx.maxConsecutiveTrunkFailures());
        admission = new Admission(ctx.mediaLag(), ctx.mediaHoldMs(), stats, nanoClock.nanoTime());
        dialRate = new DialRateLimiter(ctx.maxDialsPerSecond());
        for (final Step step : Step.values())
        {
            latencies[step.ordinal()] = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
        }
        effects = new CallEffects(ctx, commands, journal, stats, timers, floor, schedule, status, latencies);
        effects.now(nowMs);
        final Script script = ctx.script();
        slots = new CallSlots(slotBits, null == recovered ? 0 : recovered.lastCallId() >>> slotBits,
            new CallFlow.Settings(script, ctx.transfer(), ctx.leaveMessage(), ctx.verdictTimeoutMs(),
            ctx.beepTimeoutMs(), ctx.callbackOffer()), effects, journal, stats);
        effects.slots(slots);
        // pacing counts the closers of the script's first qualified skill
        int firstSkill = SkillRegistry.UNKNOWN_SKILL;
        for (int i = 0; i < script.outcomeCount() && SkillRegistry.UNKNOWN_SKILL == firstSkill; i++)
        {
            if (OutcomeKind.QUALIFIED == script.outcome(i).kind())
            {
                firstSkill = floor.skillId(script.outcome(i).skill());
            }
        }
        primarySkill = firstSkill;
        run = null == recovered ? 1 : recovered.runs() + 1;
        this.recovered = recovered;
        stats.set(EngineStats.LEADS, leads.size());
    }

    /**
     * On the controller's thread, before the first event: the run's first record, then the leads' and the floor's
     * state rebuilt from the journal (every record is written from this thread only).
     */
    @Override
    public void onStart()
    {
        now(clock.time());
        journal.campaignStarted(nowMs, run, ctx.campaignName(), ctx.leadsFile(), leads.size(), floor.pool().size());
        for (final String number : schedule.restore(recovered, nowMs))
        {
            ctx.doNotCall().add(number, "journal", nowMs); // before the pipeline runs: written at once
        }
        if (null != recovered)
        {
            for (final Map.Entry<String, String> closer : recovered.closerPresence().entrySet())
            {
                floor.login(closer.getKey(), nowMs);
                if (!closer.getValue().isEmpty())
                {
                    floor.pause(closer.getKey(), closer.getValue(), nowMs);
                }
            }
            if (recovered.paused())
            {
                status.pausedBeforeRestart();
            }
        }
        if (ctx.closersLoginAtStart())
        {
            floor.loginAll(nowMs);
        }
        recovered = null;
        stats.set(EngineStats.LEADS_DONE, schedule.leadsDone());
        publishState(null);
    }

    /**
     * @return the run number of this start on the journal.
     */
    int run()
    {
        return run;
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
     * {@inheritDoc}
     */
    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch)
    {
        now(clock.time());
        try
        {
            dispatch(event);
        }
        catch (final RuntimeException ex)
        {
            LOG.error("controller: event {} failed; the call is kept and the dialer goes on", event, ex);
        }
        if (endOfBatch)
        {
            onTimeout(sequence);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onTimeout(final long sequence)
    {
        now(clock.time());
        try
        {
            poll();
        }
        catch (final RuntimeException ex)
        {
            LOG.error("controller: periodic work failed; the dialer goes on", ex);
        }
    }

    private void now(final long timeMs)
    {
        nowMs = timeMs;
        effects.now(timeMs);
    }

    private void dispatch(final EngineEvent event)
    {
        switch (event.type)
        {
            case LATENCY -> effects.latency(Step.get(event.value), event.token);
            case ADD_DO_NOT_CALL, CLOSER_LOGIN, CLOSER_LOGOUT, CLOSER_PAUSE, CLOSER_RESUME, CLOSER_WRAP_UP_DONE,
                CONSOLE_ACCEPT, CONSOLE_REJECT, PAUSE, RESUME, DRAIN, STOP, STATE -> control(event);
            default ->
            {
                final CallFlow flow = slots.flow(event.callId);
                if (null == flow)
                {
                    return; // a late event for a call whose slot was released or reused
                }
                flow.at(nowMs, event.nanos);
                if (EngineEvent.LEAD_LEG == event.leg)
                {
                    onLeadEvent(flow, event);
                }
                else
                {
                    onCloserEvent(flow, event.leg - 1, event);
                }
            }
        }
    }

    private static void onLeadEvent(final CallFlow flow, final EngineEvent event)
    {
        switch (event.type)
        {
            case ANSWERED -> flow.onAnswered();
            case FAILED -> flow.onFailed((FailureCause)event.cause, event.value, event.text);
            case COMMAND_FAILED -> flow.onDialNotSent(event.text);
            case ENDED -> flow.onEnded((EndCause)event.cause);
            case DTMF -> flow.onKey(event.digit);
            case PLAYBACK_FINISHED -> flow.onPlaybackFinished(event.token, 0 != event.value);
            case VERDICT -> flow.onVerdict((Verdict)event.cause, (Cause)event.cause2, event.value);
            case BEEP -> flow.onBeep();
            case NO_BEEP -> flow.onNoBeep();
            case LATE_BEEP -> flow.onLateBeep(event.value);
            case BRIDGED -> flow.onBridged();
            default ->
            {
            }
        }
    }

    private static void onCloserEvent(final CallFlow flow, final int closer, final EngineEvent event)
    {
        switch (event.type)
        {
            case RINGING -> flow.transfer().onCloserRinging(closer);
            case ANSWERED -> flow.transfer().onCloserAnswered(closer);
            case FAILED -> flow.onCloserFailed(closer, (FailureCause)event.cause, event.value);
            case COMMAND_FAILED -> flow.onCloserFailed(closer, FailureCause.CARRIER_ERROR, 0);
            case ENDED -> flow.onCloserEnded(closer);
            case DTMF -> flow.transfer().onCloserKey(closer, event.digit);
            case PLAYBACK_FINISHED ->
                flow.transfer().onCloserPlaybackFinished(closer, event.token, 0 != event.value);
            default ->
            {
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // the control seam

    @SuppressWarnings("unchecked")
    private void control(final EngineEvent event)
    {
        ControlResult result;
        try
        {
            result = apply(event);
        }
        catch (final RuntimeException ex)
        {
            // a bad request never leaves its caller waiting: it is refused with the reason
            result = ControlResult.refused(event.type + " failed: " + ex.getMessage());
            LOG.warn("control: {} failed", event, ex);
        }
        if (null != result && result.applied())
        {
            publishState(null); // who asked sees the change at once, also after the campaign is over
        }
        if (null != result && event.attachment instanceof CompletableFuture)
        {
            ((CompletableFuture<ControlResult>)event.attachment).complete(result);
        }
    }

    @SuppressWarnings("unchecked")
    private ControlResult apply(final EngineEvent event)
    {
        return switch (event.type)
        {
            case ADD_DO_NOT_CALL -> addDoNotCall(event.text, event.text2);
            case CLOSER_LOGIN -> floor.login(event.text, nowMs);
            case CLOSER_LOGOUT -> floor.logout(event.text, nowMs);
            case CLOSER_PAUSE -> floor.pause(event.text, event.text2, nowMs);
            case CLOSER_RESUME -> floor.resume(event.text, nowMs);
            case CLOSER_WRAP_UP_DONE -> floor.wrapUpDone(event.text, nowMs);
            case CONSOLE_ACCEPT, CONSOLE_REJECT -> consoleDecision(event);
            case PAUSE -> status.pause(nowMs);
            case RESUME -> status.resume(nowMs);
            case DRAIN -> status.drain(nowMs);
            case STOP -> stop(event.text2);
            case STATE ->
            {
                publishState((CompletableFuture<LiveState>)event.attachment);
                yield null;
            }
            default -> null;
        };
    }

    private ControlResult addDoNotCall(final String number, final String source)
    {
        long value = 0;
        try
        {
            value = null == number ? 0 : ctx.doNotCall().normalise(number);
        }
        catch (final IllegalArgumentException ex)
        {
            value = 0;
        }
        if (value <= 0)
        {
            journal.control(nowMs, ControlAction.DO_NOT_CALL_ADDED, null == number ? "" : number,
                "not a valid number", false);
            return ControlResult.refused("not a valid number: " + number);
        }
        final String e164 = "+" + value;
        effects.blockNumber(value, null == source || source.isEmpty() ? "api" : source);
        journal.control(nowMs, ControlAction.DO_NOT_CALL_ADDED, e164, null == source ? "" : source, true);
        return ControlResult.ok(e164 + " added to the do-not-call list");
    }

    private ControlResult consoleDecision(final EngineEvent event)
    {
        final boolean accept = EventType.CONSOLE_ACCEPT == event.type;
        final ControlAction action = accept ? ControlAction.CONSOLE_ACCEPT : ControlAction.CONSOLE_REJECT;
        final String closerId = null == event.text ? "" : event.text;
        final int closer = floor.pool().indexOf(closerId);
        if (closer < 0)
        {
            journal.control(nowMs, action, closerId, "unknown closer", false);
            return ControlResult.refused("unknown closer: " + closerId);
        }
        final long callId = matcher.callerOf(closer);
        final CallFlow flow = slots.flow(callId);
        if (null == flow || !flow.at(nowMs, event.nanos).transfer().onConsoleDecision(closer, accept))
        {
            journal.control(nowMs, action, closerId, "not in a briefing", false);
            return ControlResult.refused(closerId + " is not being briefed on a caller");
        }
        journal.control(nowMs, action, closerId, Long.toString(callId), true);
        return ControlResult.ok((accept ? "accepted" : "rejected") + " call " + callId);
    }

    private ControlResult stop(final String why)
    {
        final ControlResult result = status.stop(why, nowMs);
        if (result.applied())
        {
            for (final CallFlow flow : slots.all())
            {
                if (0 != flow.callId() && CallFlow.Phase.DIALING == flow.phase())
                {
                    flow.at(nowMs, nanoClock.nanoTime()).cancel(); // not answered yet: cancelled, not charged
                }
            }
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------------------------
    // periodic work: timers, wrap-ups, pacing, the end of the run, the live state

    private void poll()
    {
        if (over)
        {
            return;
        }
        timers.poll(nowMs, this);
        if (matcher.nextWrapUpDeadline() <= nowMs)
        {
            matcher.expireWrapUps(nowMs);
        }
        pace();
        if (0 == slots.live())
        {
            checkEnd();
        }
        if (nowMs - lastStateMs >= STATE_INTERVAL_MS)
        {
            publishState(null);
        }
    }

    private void checkEnd()
    {
        if (0 == schedule.readyCount() && 0 == schedule.waitingCount())
        {
            finish(LiveState.Status.FINISHED);
        }
        else if (status.ending())
        {
            finish(LiveState.Status.STOPPED);
        }
        else if (ctx.skipIdleTime() && 0 == schedule.readyCount())
        {
            final long next = schedule.nextDueMs();
            if (next != Long.MAX_VALUE && next > nowMs)
            {
                stats.add(EngineStats.SKIPPED_MS, ctx.clock().skipTo(next));
                now(clock.time());
                timers.poll(nowMs, this);
            }
        }
    }

    private void finish(final LiveState.Status end)
    {
        over = true;
        if (LiveState.Status.FINISHED == end)
        {
            journal.campaignFinished(nowMs, run);
        }
        else
        {
            journal.campaignStopped(nowMs, run, status.reason(), schedule.openLeads(), schedule.heldByWindow(),
                schedule.nextDueMs());
        }
        status.over(end);
        publishState(null);
        onFinished.run();
    }

    private void pace()
    {
        if (!status.dialing() || admission.holding(nanoClock.nanoTime()))
        {
            return;
        }
        final int available = floor.available(primarySkill);
        final int lines = ctx.pacer().linesToDial(available, available, slots.inProgress());
        int toDial = lines > 0 ? dialRate.allowed(nowMs, lines) : 0;
        int dialed = 0;
        while (toDial > 0 && slots.hasFree())
        {
            final int lead = schedule.nextDialable(nowMs);
            if (lead < 0)
            {
                break;
            }
            dial(lead);
            toDial--;
            dialed++;
        }
        dialRate.dialed(dialed);
    }

    private void dial(final int lead)
    {
        final long callId = slots.acquire();
        final int attempt = schedule.dialed(lead, nowMs);
        final long nanos = nanoClock.nanoTime();
        slots.slot(callId).at(nowMs, nanos).start(callId, lead, attempt);
        stats.set(EngineStats.LIVE, slots.live());
        stats.add(EngineStats.DIALED, 1);
        final String e164 = leads.e164(lead);
        journal.dialed(nowMs, lead, callId, attempt, e164, schedule.why());
        commands.dialLead(callId, lead, e164, ctx.ringTimeoutMs(), nanos);
    }

    private void publishState(final CompletableFuture<LiveState> requested)
    {
        lastStateMs = nowMs;
        final long nextDue = schedule.nextDueMs();
        stats.set(EngineStats.READY, schedule.readyCount());
        stats.set(EngineStats.LEADS_WAITING, schedule.waitingCount());
        stats.set(EngineStats.HELD_BY_WINDOW, schedule.heldByWindow());
        stats.set(EngineStats.NEXT_DUE_MS, nextDue);
        stats.set(EngineStats.LEADS_DONE, schedule.leadsDone());
        final Map<String, Integer> phases = new LinkedHashMap<>();
        for (final CallFlow flow : slots.all())
        {
            if (0 != flow.callId())
            {
                phases.merge(flow.phase().name(), 1, Integer::sum);
            }
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
        final LiveState state = new LiveState(nowMs, run, status.status(), status.reason(), leads.size(),
            schedule.leadsDone(), schedule.readyCount(), schedule.waitingCount(), schedule.heldByWindow(), nextDue,
            stats.dialed(), slots.live(), phases, matcher.waitingCount(), stats.qualified(), stats.bridged(),
            dispositions, status.trunkFailures(), status.trunkProblem(), floor.views(slots.all(), slots.slotMask()));
        control.publish(state);
        if (null != requested)
        {
            requested.complete(state);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // timers and the matcher

    /**
     * {@inheritDoc}
     */
    @Override
    public void onCallTimer(final long callId, final int timer)
    {
        final CallFlow flow = slots.flow(callId);
        if (null != flow)
        {
            flow.at(nowMs, nanoClock.nanoTime()).onTimer(timer);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onLeadTimer(final int lead)
    {
        schedule.onTimer(lead);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onMatched(final long callerId, final int closer, final int skill)
    {
        final CallFlow flow = slots.flow(callerId);
        if (null == flow)
        {
            matcher.endOffer(closer, nowMs);
            return;
        }
        stats.add(EngineStats.WAITING, -1);
        flow.at(nowMs, nanoClock.nanoTime()).transfer().onCloserAssigned(closer);
    }
}
