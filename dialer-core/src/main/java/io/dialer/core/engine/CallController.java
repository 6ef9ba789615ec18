/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import java.util.concurrent.atomic.AtomicReferenceArray;

import com.lmax.disruptor.EventHandler;
import io.dialer.core.campaign.Closer;
import io.dialer.core.campaign.CloserDestination;
import io.dialer.core.compliance.E164;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.ControlAction;
import io.dialer.core.journal.RecoveryState;
import io.dialer.core.journal.Step;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.sip.EndCause;
import io.dialer.sip.FailureCause;
import io.dialer.sip.ReleaseOutcome;
import io.dialer.transfer.MatchListener;
import io.dialer.transfer.Matcher;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer, as a thin router: it consumes the event ring on one thread and hands each event to the part
 * that owns it — a call's {@link CallFlow} (found in the {@link CallSlots}, whichever campaign it belongs to), the
 * {@link SalesFloor} (presence, the one matcher every campaign shares), a {@link CampaignRun} (its status and
 * schedule), the {@link EngineTimers} — while each campaign's {@link CallEffects} carries out what its flows ask for.
 * It never blocks.
 * <p>
 * Between batches (and at least every millisecond when idle) it fires due timers, expires wrap-ups, paces new dials
 * for every campaign (the available closers of a skill shared among the campaigns that need it) and ends the
 * campaigns that are done; every 250 ms, and after each control action applied, it publishes a {@link LiveState} to
 * the {@link EngineControl}.
 */
final class CallController implements EventHandler<EngineEvent>, MatchListener, EngineTimers.Handler
{
    private static final Logger LOG = LoggerFactory.getLogger(CallController.class);
    private static final long STATE_INTERVAL_MS = 250;

    /**
     * A campaign to start: prepared off the controller's thread (journal opened and replayed), started on it.
     *
     * @param id        the campaign's id (its index in the engine).
     * @param ctx       its settings, concluded.
     * @param journal   its journal's encoder.
     * @param recovered its journal's state, or null for a new campaign.
     * @param handle    the handle users hold.
     * @param started   completed when the campaign has started, or null.
     */
    record CampaignStart(
        int id, CampaignContext ctx, CampaignLog journal, RecoveryState recovered, RunningCampaign handle,
        CompletableFuture<RunningCampaign> started)
    {
    }

    private final EngineContext ctx;
    private final CommandProxy commands;
    private final CampaignLog journal;
    private final EpochClock clock;
    private final NanoClock nanoClock;
    private final EngineStats stats;
    private final EngineControl control;
    private final SalesFloor floor;
    private final Matcher matcher;
    private final Admission admission;
    private final EngineTimers timers;
    private final CallSlots slots;
    private final ControllerTime time = new ControllerTime();
    private final CampaignRun.Engine shared;
    private final CampaignRun[] campaigns;
    private final FloorPacer pacer = new FloorPacer();
    private final FloorPacer.Lines[] onSkill;
    private final boolean[] paced;
    private final List<CampaignStart> initial;
    private final Runnable onAllOver;
    private RecoveryState recovered;
    private int campaignCount;
    private boolean allOver;
    private long nowMs;
    private long lastStateMs;

    CallController(
        final EngineContext ctx,
        final CommandProxy commands,
        final AtomicReferenceArray<CloserDestination> destinations,
        final CampaignLog journal,
        final EngineStats stats,
        final EngineControl control,
        final RecoveryState recovered,
        final List<CampaignStart> initial,
        final Runnable onAllOver)
    {
        this.ctx = ctx;
        this.commands = commands;
        this.journal = journal;
        this.clock = ctx.clock();
        this.nanoClock = ctx.nanoClock();
        this.stats = stats;
        this.control = control;
        this.initial = List.copyOf(initial);
        this.onAllOver = onAllOver;

        long lastCallId = null == recovered ? 0 : recovered.lastCallId();
        long lastTimeMs = null == recovered ? 0 : recovered.lastTimeMs();
        for (final CampaignStart start : initial)
        {
            if (null != start.recovered())
            {
                lastCallId = Math.max(lastCallId, start.recovered().lastCallId());
                lastTimeMs = Math.max(lastTimeMs, start.recovered().lastTimeMs());
            }
        }
        if (lastTimeMs > 0 && ctx.skipIdleTime())
        {
            // a clock that skips idle time starts where it is told on every run: resume at the journal's time, so
            // the restart's dispositions, retry times and daily caps never fall before what the journal holds
            stats.add(EngineStats.SKIPPED_MS, ctx.clock().skipTo(lastTimeMs));
        }
        nowMs = clock.time();
        time.set(nowMs);

        final int slotBits = ctx.capacityBits();
        timers = new EngineTimers(nowMs, slotBits);
        floor = new SalesFloor(ctx.closers(), ctx.maxClosers(), ctx.wrapUpMs(), Math.max(16, 1 << slotBits), this,
            journal, destinations, ctx.registrar());
        matcher = floor.matcher();
        admission = new Admission(ctx.mediaLag(), ctx.mediaHoldMs(), stats, nanoClock.nanoTime());
        slots = new CallSlots(slotBits, lastCallId >>> slotBits);
        campaigns = new CampaignRun[ctx.maxCampaigns()];
        onSkill = new FloorPacer.Lines[ctx.maxCampaigns()];
        paced = new boolean[ctx.maxCampaigns()];
        this.shared = new CampaignRun.Engine(commands, slots, timers, floor, stats, this::blockNumber, time,
            nanoClock, ctx.offers(), ctx.steps());
        this.recovered = recovered;
    }

    /**
     * On the controller's thread, before the first event: the floor's state rebuilt from the engine's journal, the
     * closers logged in when they log in at start, then the campaigns given at start started (every record is
     * written from this thread only).
     */
    @Override
    public void onStart()
    {
        now(clock.time());
        if (null != recovered)
        {
            for (final String number : recovered.optOuts())
            {
                ctx.doNotCall().add(number, "journal", nowMs); // before the pipeline runs: written at once
            }
            for (final Map.Entry<String, String> closer : recovered.closerPresence().entrySet())
            {
                floor.login(closer.getKey(), nowMs);
                if (!closer.getValue().isEmpty())
                {
                    floor.pause(closer.getKey(), closer.getValue(), nowMs);
                }
            }
        }
        recovered = null;
        if (ctx.closersLoginAtStart())
        {
            floor.loginAll(nowMs);
        }
        for (final CampaignStart start : initial)
        {
            startCampaign(start);
        }
        publishState(null);
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
        time.set(timeMs);
    }

    private void dispatch(final EngineEvent event)
    {
        switch (event.type)
        {
            case LATENCY ->
            {
                final CallFlow flow = slots.flow(event.callId);
                if (null != flow)
                {
                    final Step step = Step.get(event.value);
                    campaigns[flow.campaign()].effects().latency(event.callId, step, event.nanos, event.token);
                    if (Step.GREETING_END_TO_FIRST_PROMPT == step)
                    {
                        flow.at(nowMs, event.nanos).onFirstAudio(); // the script's first prompt started
                    }
                }
            }
            case ADD_DO_NOT_CALL, REMOVE_DO_NOT_CALL, CHECK_DO_NOT_CALL, BLOCK_NUMBERS, CLOSER_LOGIN, CLOSER_LOGOUT,
                CLOSER_PAUSE, CLOSER_RESUME, CLOSER_WRAP_UP_DONE, CONSOLE_ACCEPT, CONSOLE_REJECT, ADD_CLOSER,
                UPDATE_CLOSER, REMOVE_CLOSER, PAUSE, RESUME, DRAIN, STOP, START_CAMPAIGN, STATE -> control(event);
            case CLOSER_PHONE -> floor.phone(event.text, 1 == event.value, nowMs);
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
            case COMMAND_FAILED -> flow.onFailed(FailureCause.CARRIER_ERROR, 0, event.text); // the dial was not sent
            case ENDED -> flow.onEnded((EndCause)event.cause);
            case DTMF -> flow.onKey(event.digit);
            case PLAYBACK_FINISHED -> flow.onPlaybackFinished(event.token, 0 != event.value);
            case VERDICT -> flow.onVerdict((Verdict)event.cause, (Cause)event.cause2, event.value);
            case BEEP -> flow.onBeep();
            case NO_BEEP -> flow.onNoBeep();
            case LATE_BEEP -> flow.onLateBeep(event.value);
            case BRIDGED -> flow.onBridged();
            case MEDIA_RELEASE -> flow.transfer().onMediaRelease((ReleaseOutcome)event.cause, event.value);
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
        // an action that carries an object has {object, future} as its attachment
        final Object[] pair = event.attachment instanceof Object[] carried ? carried : null;
        final Object payload = null == pair ? null : pair[0];
        final Object future = null == pair ? event.attachment : pair[1];
        ControlResult result;
        try
        {
            result = apply(event, payload);
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
        if (null != result && future instanceof CompletableFuture)
        {
            ((CompletableFuture<ControlResult>)future).complete(result);
        }
    }

    @SuppressWarnings("unchecked")
    private ControlResult apply(final EngineEvent event, final Object payload)
    {
        return switch (event.type)
        {
            case ADD_DO_NOT_CALL -> addDoNotCall(event.text, event.text2);
            case REMOVE_DO_NOT_CALL -> removeDoNotCall(event.text, event.text2);
            case CHECK_DO_NOT_CALL -> checkDoNotCall(event.text);
            case BLOCK_NUMBERS -> blockNumbers((long[])payload, event.text);
            case ADD_CLOSER -> floor.add((Closer)payload, nowMs);
            case UPDATE_CLOSER -> floor.update((Closer)payload, nowMs);
            case REMOVE_CLOSER -> floor.remove(event.text, nowMs);
            case CLOSER_LOGIN -> floor.login(event.text, nowMs);
            case CLOSER_LOGOUT -> floor.logout(event.text, nowMs);
            case CLOSER_PAUSE -> floor.pause(event.text, event.text2, nowMs);
            case CLOSER_RESUME -> floor.resume(event.text, nowMs);
            case CLOSER_WRAP_UP_DONE -> floor.wrapUpDone(event.text, nowMs);
            case CONSOLE_ACCEPT, CONSOLE_REJECT -> consoleDecision(event);
            case PAUSE, RESUME, DRAIN, STOP -> campaignAction(event);
            case START_CAMPAIGN ->
            {
                startCampaign((CampaignStart)event.attachment);
                yield null;
            }
            case STATE ->
            {
                publishState((CompletableFuture<LiveState>)event.attachment);
                yield null;
            }
            default -> null;
        };
    }

    private void startCampaign(final CampaignStart start)
    {
        try
        {
            if (null != start.recovered())
            {
                slots.atLeast(start.recovered().lastCallId() >>> ctx.capacityBits());
            }
            final CampaignRun run = new CampaignRun(start.id(), start.ctx(), start.journal(), start.recovered(),
                start.handle(), shared);
            campaigns[start.id()] = run;
            campaignCount = Math.max(campaignCount, start.id() + 1);
            allOver = false;
            for (final String number : run.start(nowMs))
            {
                ctx.doNotCall().add(number, "journal", nowMs);
            }
            LOG.info("{} started", start.handle());
            publishState(null);
            if (null != start.started())
            {
                start.started().complete(start.handle());
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("campaign {} could not start", start.ctx().name(), ex);
            if (null != start.started())
            {
                start.started().completeExceptionally(ex);
            }
        }
    }

    private ControlResult campaignAction(final EngineEvent event)
    {
        final CampaignRun run = event.value >= 0 && event.value < campaigns.length ? campaigns[event.value] : null;
        if (null == run)
        {
            return ControlResult.refused("unknown campaign " + event.value);
        }
        return switch (event.type)
        {
            case PAUSE -> run.status().pause(nowMs);
            case RESUME -> run.status().resume(nowMs);
            case DRAIN -> run.status().drain(nowMs);
            default ->
            {
                final ControlResult result = run.status().stop(event.text2, nowMs);
                if (result.applied())
                {
                    run.cancelUnanswered(nowMs, nanoClock.nanoTime()); // not answered yet: cancelled, not charged
                }
                yield result;
            }
        };
    }

    private ControlResult addDoNotCall(final String number, final String source)
    {
        final long value = parse(number);
        if (value <= 0)
        {
            journal.control(nowMs, ControlAction.DO_NOT_CALL_ADDED, null == number ? "" : number,
                "not a valid number", false);
            return ControlResult.refused("not a valid number: " + number);
        }
        final String e164 = "+" + value;
        blockNumber(value, null == source || source.isEmpty() ? "api" : source);
        journal.control(nowMs, ControlAction.DO_NOT_CALL_ADDED, e164, null == source ? "" : source, true);
        return ControlResult.ok(e164 + " added to the do-not-call list");
    }

    private ControlResult removeDoNotCall(final String number, final String source)
    {
        final long value = parse(number);
        if (value <= 0)
        {
            journal.control(nowMs, ControlAction.DO_NOT_CALL_REMOVED, null == number ? "" : number,
                "not a valid number", false);
            return ControlResult.refused("not a valid number: " + number);
        }
        final String e164 = "+" + value;
        if (!ctx.doNotCall().unblock(value))
        {
            journal.control(nowMs, ControlAction.DO_NOT_CALL_REMOVED, e164, "not on the list", false);
            return ControlResult.refused(e164 + " is not on the do-not-call list");
        }
        commands.persistRemoval(value, nowMs, null == source || source.isEmpty() ? "api" : source);
        journal.control(nowMs, ControlAction.DO_NOT_CALL_REMOVED, e164, null == source ? "" : source, true);
        return ControlResult.ok(e164 + " removed from the do-not-call list");
    }

    private ControlResult checkDoNotCall(final String number)
    {
        final long value = parse(number);
        if (value <= 0)
        {
            return ControlResult.refused("not a valid number: " + number);
        }
        return ctx.doNotCall().contains(value) ? ControlResult.ok("+" + value + " is on the do-not-call list") :
            ControlResult.refused("+" + value + " is not on the do-not-call list");
    }

    private ControlResult blockNumbers(final long[] numbers, final String source)
    {
        int added = 0;
        for (final long number : numbers)
        {
            if (E164.isValid(number) && ctx.doNotCall().block(number))
            {
                added++;
            }
        }
        LOG.info("do-not-call: {} numbers added, {} already listed ({})", added, numbers.length - added, source);
        return ControlResult.ok(added + " numbers added, " + (numbers.length - added) + " already on the list");
    }

    private long parse(final String number)
    {
        try
        {
            return null == number ? 0 : ctx.doNotCall().normalise(number);
        }
        catch (final IllegalArgumentException ex)
        {
            return 0;
        }
    }

    /**
     * Blocks a number for every later dial at once (in memory, here) and has the effects stage append it to the
     * opt-out file: the controller never waits on the disk. A crash in between loses nothing: the journal's record is
     * replayed into the list on restart.
     */
    private void blockNumber(final long value, final String source)
    {
        if (ctx.doNotCall().block(value))
        {
            commands.persistOptOut(value, nowMs, source);
        }
    }

    private void blockNumber(final String e164, final String source)
    {
        blockNumber(ctx.doNotCall().normalise(e164), source);
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

    // ------------------------------------------------------------------------------------------------------------
    // periodic work: timers, wrap-ups, pacing, the end of campaigns, the live state

    private void poll()
    {
        timers.poll(nowMs, this);
        if (matcher.nextWrapUpDeadline() <= nowMs)
        {
            matcher.expireWrapUps(nowMs);
        }
        pace();
        endCampaigns();
        if (nowMs - lastStateMs >= STATE_INTERVAL_MS)
        {
            publishState(null);
        }
    }

    /**
     * Paces every skill's campaigns together over the closers available with it ({@link FloorPacer}).
     */
    private void pace()
    {
        if (0 == campaignCount || admission.holding(nanoClock.nanoTime()))
        {
            return;
        }
        for (int i = 0; i < campaignCount; i++)
        {
            final CampaignRun run = campaigns[i];
            if (null == run || !run.dialing() || run.primarySkill() < 0 || paced[i])
            {
                continue;
            }
            final int skill = run.primarySkill();
            int count = 0;
            for (int j = i; j < campaignCount; j++)
            {
                final CampaignRun other = campaigns[j];
                if (null != other && other.dialing() && other.primarySkill() == skill)
                {
                    other.predict(floor, nowMs);
                    onSkill[count++] = other;
                    paced[j] = true;
                }
            }
            pacer.pace(floor.available(skill), onSkill, count);
        }
        Arrays.fill(paced, 0, campaignCount, false);
    }

    private void endCampaigns()
    {
        if (allOver)
        {
            return;
        }
        boolean anyOpen = false;
        boolean anyReady = false;
        long nextDue = Long.MAX_VALUE;
        for (int i = 0; i < campaignCount; i++)
        {
            final CampaignRun run = campaigns[i];
            if (null == run || run.over())
            {
                continue;
            }
            if (run.ended())
            {
                run.finish(nowMs);
                publishState(null);
                run.handle().finished();
                LOG.info("{} ended: {}", run.handle(), run.status().status());
                continue;
            }
            anyOpen = true;
            anyReady |= run.dialing() && run.schedule().readyCount() > 0;
            nextDue = Math.min(nextDue, run.schedule().nextDueMs());
        }
        if (!anyOpen && campaignCount > 0)
        {
            allOver = true;
            onAllOver.run();
        }
        else if (ctx.skipIdleTime() && !anyReady && 0 == slots.live() && nextDue != Long.MAX_VALUE && nextDue > nowMs)
        {
            stats.add(EngineStats.SKIPPED_MS, ctx.clock().skipTo(nextDue));
            now(clock.time());
            timers.poll(nowMs, this);
        }
    }

    private void publishState(final CompletableFuture<LiveState> requested)
    {
        lastStateMs = nowMs;
        final List<CampaignState> states = new ArrayList<>(campaignCount);
        for (int i = 0; i < campaignCount; i++)
        {
            if (null != campaigns[i])
            {
                states.add(campaigns[i].state(matcher));
            }
        }
        stats.set(EngineStats.LIVE, slots.live());
        stats.set(EngineStats.WAITING, matcher.waitingCount());
        final LiveState state = new LiveState(nowMs, slots.live(), matcher.waitingCount(), states,
            floor.views(slots::flow, this::campaignName));
        control.publish(state);
        if (null != requested)
        {
            requested.complete(state);
        }
    }

    private String campaignName(final int id)
    {
        return null == campaigns[id] ? "" : campaigns[id].name();
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
    public void onLeadTimer(final int campaign, final int lead)
    {
        final CampaignRun run = campaign < campaigns.length ? campaigns[campaign] : null;
        if (null != run && !run.over())
        {
            run.schedule().onTimer(lead);
        }
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
        campaigns[flow.campaign()].stats().add(EngineStats.WAITING, -1);
        flow.at(nowMs, nanoClock.nanoTime()).transfer().onCloserAssigned(closer);
    }
}
