/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import io.dialer.core.compliance.DialDecision;
import io.dialer.core.compliance.DialRateLimiter;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.RetryPolicy;
import io.dialer.core.compliance.WindowPolicy;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.CloserResult;
import io.dialer.core.journal.RecoveryState;
import io.dialer.core.journal.Step;
import io.dialer.core.lead.LeadList;
import io.dialer.detection.Verdict;
import io.dialer.qualification.ActionSink;
import io.dialer.qualification.CallbackTime;
import io.dialer.qualification.Conversation;
import io.dialer.qualification.OutcomeKind;
import io.dialer.qualification.Question;
import io.dialer.sip.EndCause;
import io.dialer.sip.FailureCause;
import io.dialer.transfer.CloserPool;
import io.dialer.transfer.MatchListener;
import io.dialer.transfer.Matcher;
import io.dialer.transfer.SkillRegistry;
import io.dialer.transfer.TimerKind;
import io.dialer.transfer.TransferCommands;
import io.dialer.transfer.TransferEvent;
import io.dialer.transfer.TransferOutcome;
import io.dialer.transfer.TransferState;
import io.dialer.transfer.WarmTransfer;
import org.HdrHistogram.Histogram;
import org.agrona.collections.IntArrayQueue;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.EpochClock;
import org.agrona.DeadlineTimerWheel;
import org.agrona.DeadlineTimerWheel.TimerHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.dialer.transfer.CloserPool.NULL_CLOSER;

/**
 * The single writer: owns every call, the closer pool and matcher, the lead queue and the timers, and drives the
 * qualification and warm-transfer state machines. It consumes the event ring on one thread, never blocks, and sends
 * telephony work to the effects stage and every decision to the journal through the command ring.
 * <p>
 * Between batches (and at least every millisecond when idle) it fires due timers, paces new dials and checks
 * whether the campaign is finished.
 */
final class CallController implements EventHandler<EngineEvent>, TransferCommands, MatchListener
{
    private static final Logger LOG = LoggerFactory.getLogger(CallController.class);
    private static final long MEDIA_CHECK_NS = 100_000_000L;
    private static final DateTimeFormatter CALLBACK_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final long NO_TIMER = DeadlineTimerWheel.NULL_DEADLINE;
    private static final int KIND_SHIFT = 56;
    private static final int SUB_SHIFT = 48;
    private static final long ID_MASK = (1L << SUB_SHIFT) - 1;
    private static final long KIND_CONVERSATION = 1;
    private static final long KIND_TRANSFER = 2;
    private static final long KIND_VERDICT_GUARD = 3;
    private static final long KIND_LEAD = 4;
    private static final long KIND_BEEP_GUARD = 5;
    private static final long KIND_CALLBACK_OFFER = 6;
    private static final TimerKind[] TIMER_KINDS = TimerKind.values();
    private static final int MAX_DIAL_TIMES = 8;

    private final EngineConfig config;
    private final LeadList leads;
    private final RingBuffer<Command> commands;
    private final CampaignLog journal;
    private final EpochClock clock;
    private final EngineStats stats;
    private final RetryPolicy retries;
    private final Matcher matcher;
    private final CloserPool pool;
    private final DialRateLimiter dialRate;
    private long mediaCheckNanos;
    private long mediaSkipped;
    private long mediaHoldUntilNanos;
    private final int slotBits;
    private final long slotMask;
    private final Call[] calls;
    private final IntArrayQueue freeSlots;
    private final IntArrayQueue ready;
    private final DeadlineTimerWheel wheel;
    private final Long2LongHashMap timerPayloads = new Long2LongHashMap(0);
    private final DialDecision decision = new DialDecision();
    private final StringBuilder why = new StringBuilder(256);
    private final StringBuilder scratch = new StringBuilder(128);
    private final Histogram[] latencies = new Histogram[Step.values().length];
    private final int[] attempts;
    private final long[] notBefore;
    private final boolean[] timerPending;
    private final boolean[] closed;
    private final long[] dialTimes;
    private final int[] dialTimeCounts;
    private final long[] sliceTimes = new long[MAX_DIAL_TIMES];
    private final ZoneId[][] zones;
    private final int primarySkill;
    private final int run;

    private long nowMs;
    private long callSequence;
    private int scheduled;
    private int liveCalls;
    private int inProgress;
    private int leadsDone;
    private boolean draining;
    private boolean finished;
    private final Runnable onFinished;
    private RecoveryState recovered;
    private final TimerHandler timerHandler = this::onTimerExpiry;

    CallController(
        final EngineConfig config,
        final RingBuffer<Command> commands,
        final CampaignLog journal,
        final EngineStats stats,
        final RecoveryState recovered,
        final Runnable onFinished)
    {
        this.config = config;
        this.leads = config.leads;
        this.commands = commands;
        this.journal = journal;
        this.clock = config.clock;
        this.stats = stats;
        this.onFinished = onFinished;
        this.retries = config.gate.retries();
        if (!config.transfer.isConcluded())
        {
            config.transfer.conclude();
        }
        slotBits = config.capacityBits;
        slotMask = (1L << slotBits) - 1;
        final int capacity = 1 << slotBits;
        calls = new Call[capacity];
        freeSlots = new IntArrayQueue(capacity, IntArrayQueue.DEFAULT_NULL_VALUE);
        for (int i = 0; i < capacity; i++)
        {
            calls[i] = new Call(i);
            freeSlots.offerInt(i);
        }

        final int leadCount = leads.size();
        attempts = new int[leadCount];
        notBefore = new long[leadCount];
        timerPending = new boolean[leadCount];
        closed = new boolean[leadCount];
        dialTimes = new long[leadCount * MAX_DIAL_TIMES];
        dialTimeCounts = new int[leadCount];
        zones = new ZoneId[leadCount][];
        final Map<String, ZoneId[]> zoneCache = new HashMap<>();
        for (int lead = 0; lead < leadCount; lead++)
        {
            final String[] ids = leads.timeZones(lead);
            zones[lead] = null == ids || 0 == ids.length ? null :
                zoneCache.computeIfAbsent(String.join(",", ids), k -> WindowPolicy.toZones(ids));
        }
        ready = new IntArrayQueue(Math.max(16, leadCount), IntArrayQueue.DEFAULT_NULL_VALUE);

        final SkillRegistry skills = new SkillRegistry(64);
        pool = new CloserPool(skills, Math.max(1, config.closers.size()), 8);
        dialRate = new DialRateLimiter(config.maxDialsPerSecond);
        mediaSkipped = null == config.mediaLag ? 0 : config.mediaLag.getAsLong();
        mediaCheckNanos = System.nanoTime() - MEDIA_CHECK_NS;
        for (final io.dialer.core.campaign.Closer closer : config.closers)
        {
            pool.add(closer.id(), closer.name(), closer.uri(), closer.skills().toArray(new String[0]));
        }
        // every skill the script can hand a caller to; pacing counts the closers of the first one
        int firstSkill = SkillRegistry.UNKNOWN_SKILL;
        for (int i = 0; i < config.script.outcomeCount(); i++)
        {
            if (OutcomeKind.QUALIFIED == config.script.outcome(i).kind())
            {
                final int skill = skills.intern(config.script.outcome(i).skill());
                firstSkill = SkillRegistry.UNKNOWN_SKILL == firstSkill ? skill : firstSkill;
            }
        }
        primarySkill = firstSkill;
        matcher = new Matcher(pool, Math.max(16, capacity), config.transfer.wrapUpMs(), this);
        for (final Step step : Step.values())
        {
            latencies[step.ordinal()] = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
        }

        if (null != recovered && config.skipIdleTime)
        {
            // a clock that skips idle time starts where it is told on every run: resume at the journal's time, so
            // the restart's dispositions, retry times and daily caps never fall before what the journal holds
            stats.add(EngineStats.SKIPPED_MS, config.clock.skipTo(recovered.lastTimeMs()));
        }
        nowMs = clock.time();
        wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, nowMs, 4, 1024);
        for (int closer = 0; closer < pool.size(); closer++)
        {
            matcher.login(closer, nowMs);
        }

        run = null == recovered ? 1 : recovered.runs() + 1;
        callSequence = null == recovered ? 0 : (recovered.lastCallId() >>> slotBits) + 1;
        if (null != recovered && recovered.leads() != leadCount)
        {
            throw new IllegalStateException("the journal is for a lead list of " + recovered.leads() +
                " leads, this one has " + leadCount + ": use a new journal directory for a different list");
        }
        this.recovered = recovered;
        stats.set(EngineStats.LEADS, leadCount);
    }

    /**
     * On the controller's thread, before the first event: the run's first record, then the leads' state rebuilt
     * from the journal (every record is written from this thread only).
     */
    @Override
    public void onStart()
    {
        nowMs = clock.time();
        journal.campaignStarted(nowMs, run, config.campaignName, config.leadsFile, leads.size(), pool.size());
        restore(recovered);
        recovered = null;
        stats.set(EngineStats.LEADS_DONE, leadsDone);
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
        nowMs = clock.time();
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
        nowMs = clock.time();
        try
        {
            poll();
        }
        catch (final RuntimeException ex)
        {
            LOG.error("controller: periodic work failed; the dialer goes on", ex);
        }
    }

    private void dispatch(final EngineEvent event)
    {
        switch (event.type)
        {
            case LATENCY ->
            {
                latency(Step.get(event.value), event.token);
                return;
            }
            case ADD_DO_NOT_CALL ->
            {
                doNotCall(event.text, "api");
                return;
            }
            case DRAIN ->
            {
                draining = true;
                return;
            }
            default ->
            {
            }
        }
        final Call call = calls[(int)(event.callId & slotMask)];
        if (call.callId != event.callId || 0 == event.callId)
        {
            return;
        }
        if (EngineEvent.LEAD_LEG == event.leg)
        {
            call.onLeadEvent(event);
        }
        else
        {
            call.onCloserEvent(event.leg - 1, event);
        }
    }

    /**
     * Blocks a number for every later dial at once (in memory, here) and has the effects stage append it to the
     * opt-out file: the controller never waits on the disk. A crash in between loses nothing: the journal's opt-out
     * record is replayed into the list on restart.
     */
    private void doNotCall(final CharSequence number, final String source)
    {
        final long value = config.doNotCall.normalise(number);
        if (config.doNotCall.block(value))
        {
            final long seq = commands.next();
            final Command c = commands.get(seq).reset(CommandType.PERSIST_OPT_OUT, 0, EngineEvent.LEAD_LEG);
            c.number = value;
            c.timeMs = nowMs;
            c.summary = source;
            commands.publish(seq);
        }
    }

    private void latency(final Step step, final long nanos)
    {
        final Histogram histogram = latencies[step.ordinal()];
        histogram.recordValue(Math.max(0, Math.min(nanos, histogram.getHighestTrackableValue())));
        journal.latency(nowMs, step, nanos);
    }

    // ------------------------------------------------------------------------------------------------------------
    // periodic work: timers, wrap-ups, pacing, finish

    private void poll()
    {
        if (finished)
        {
            return;
        }
        pollTimers();
        if (matcher.nextWrapUpDeadline() <= nowMs)
        {
            matcher.expireWrapUps(nowMs);
        }
        pace();
        // draining: leads already waiting in the ready queue are not dialed either, so they do not hold the end
        if (0 == liveCalls && (draining || ready.isEmpty()))
        {
            if (0 == scheduled || draining)
            {
                finish();
            }
            else if (config.skipIdleTime)
            {
                final long next = wheel.timerCount() > 0 ? nextLeadDeadline() : Long.MAX_VALUE;
                if (next != Long.MAX_VALUE && next > nowMs)
                {
                    stats.add(EngineStats.SKIPPED_MS, config.clock.skipTo(next));
                    nowMs = clock.time();
                    pollTimers();
                }
            }
        }
    }

    /**
     * Fires every due timer: the wheel moves one tick per poll, so after a pause (or a skip of idle time) it is
     * polled until its tick reaches now.
     */
    private void pollTimers()
    {
        final TimerHandler handler = timerHandler;
        wheel.poll(nowMs, handler, Integer.MAX_VALUE);
        while (wheel.currentTickTime() + wheel.tickResolution() <= nowMs)
        {
            wheel.poll(nowMs, handler, Integer.MAX_VALUE);
        }
    }

    /**
     * The earliest deadline of the leads waiting for their timer; at or before now when a timer is due but the wheel
     * has not reached it yet (it advances one tick a poll), so idle time is not skipped past it.
     */
    private long nextLeadDeadline()
    {
        long earliest = Long.MAX_VALUE;
        for (int lead = 0; lead < notBefore.length; lead++)
        {
            if (timerPending[lead] && !closed[lead] && notBefore[lead] < earliest)
            {
                earliest = notBefore[lead];
            }
        }
        return earliest;
    }

    private void finish()
    {
        finished = true;
        journal.campaignFinished(nowMs, run);
        onFinished.run();
    }

    private void pace()
    {
        if (draining)
        {
            return;
        }
        if (mediaOverloaded())
        {
            return;
        }
        final int available = SkillRegistry.UNKNOWN_SKILL == primarySkill ? 0 : matcher.availableCount(primarySkill);
        final int lines = config.pacer.linesToDial(pool.size(), available, inProgress);
        int toDial = lines > 0 ? dialRate.allowed(nowMs, lines) : 0;
        int dialed = 0;
        while (toDial > 0 && !ready.isEmpty() && !freeSlots.isEmpty())
        {
            if (tryDial(ready.pollInt()))
            {
                toDial--;
                dialed++;
            }
        }
        dialRate.dialed(dialed);
    }

    /**
     * Admission control: while the media threads fall behind (their skipped-frame counter rises), no new call is
     * added, so the calls already up keep their prompts and their callers' keys on time.
     */
    private boolean mediaOverloaded()
    {
        if (null == config.mediaLag)
        {
            return false;
        }
        final long nowNanos = System.nanoTime();
        if (nowNanos - mediaCheckNanos >= MEDIA_CHECK_NS)
        {
            mediaCheckNanos = nowNanos;
            final long skipped = config.mediaLag.getAsLong();
            if (skipped > mediaSkipped)
            {
                if (nowNanos >= mediaHoldUntilNanos)
                {
                    stats.add(EngineStats.MEDIA_HOLDS, 1);
                    LOG.warn("media threads fell behind ({} frames late): holding new dials for {} ms",
                        skipped - mediaSkipped, config.mediaHoldMs);
                }
                mediaHoldUntilNanos = nowNanos + config.mediaHoldMs * 1_000_000L;
            }
            mediaSkipped = skipped;
        }
        return nowNanos < mediaHoldUntilNanos;
    }

    private boolean tryDial(final int lead)
    {
        if (closed[lead])
        {
            return false;
        }
        final int count = dialTimeCounts[lead];
        System.arraycopy(dialTimes, lead * MAX_DIAL_TIMES, sliceTimes, 0, count);
        config.gate.decide(leads.number(lead), zones[lead], leads.state(lead), attempts[lead],
            sliceTimes, count, notBefore[lead], nowMs, decision);
        switch (decision.verdict())
        {
            case ALLOWED:
                dial(lead);
                return true;

            case DEFERRED:
                schedule(lead, decision.untilMs());
                return false;

            default:
                closeLead(lead);
                return false;
        }
    }

    private void closeLead(final int lead)
    {
        closed[lead] = true;
        leadDone();
        why.setLength(0);
        decision.describe(why);
        journal.leadClosed(nowMs, lead, decision.reason().name(), why);
    }

    private void leadDone()
    {
        leadsDone++;
        stats.set(EngineStats.LEADS_DONE, leadsDone);
    }

    private void schedule(final int lead, final long atMs)
    {
        notBefore[lead] = atMs;
        timerPending[lead] = true;
        scheduled++;
        final long timerId = wheel.scheduleTimer(Math.max(atMs, nowMs));
        timerPayloads.put(timerId, KIND_LEAD << KIND_SHIFT | lead);
    }

    private void dial(final int lead)
    {
        final int slot = freeSlots.pollInt();
        final Call call = calls[slot];
        final long callId = ++callSequence << slotBits | slot;
        final int attempt = ++attempts[lead];
        recordDialTime(lead, nowMs);
        call.start(callId, lead, attempt);
        liveCalls++;
        inProgress++;
        stats.set(EngineStats.LIVE, liveCalls);
        stats.add(EngineStats.DIALED, 1);

        why.setLength(0);
        decision.describe(why);
        final String e164 = leads.e164(lead);
        journal.dialed(nowMs, lead, callId, attempt, e164, why);

        final long seq = commands.next();
        final Command c = commands.get(seq).reset(CommandType.DIAL_LEAD, callId, EngineEvent.LEAD_LEG);
        c.target = e164;
        c.ringTimeoutMs = config.ringTimeoutMs;
        c.originNanos = System.nanoTime();
        commands.publish(seq);
        call.dialNanos = c.originNanos;
    }

    private void recordDialTime(final int lead, final long timeMs)
    {
        final int base = lead * MAX_DIAL_TIMES;
        int count = dialTimeCounts[lead];
        if (count == MAX_DIAL_TIMES)
        {
            System.arraycopy(dialTimes, base + 1, dialTimes, base, MAX_DIAL_TIMES - 1);
            count--;
        }
        dialTimes[base + count] = timeMs;
        dialTimeCounts[lead] = count + 1;
    }

    private void restore(final RecoveryState state)
    {
        final int leadCount = leads.size();
        if (null == state)
        {
            for (int lead = 0; lead < leadCount; lead++)
            {
                ready.offerInt(lead);
            }
            return;
        }
        for (final String number : state.optOuts())
        {
            config.doNotCall.add(number, "journal", nowMs); // at start, before the pipeline runs: written at once
        }
        final long[] times = new long[MAX_DIAL_TIMES * 4];
        for (final int lead : state.inFlight())
        {
            // the call was live when the dialer stopped: its outcome is unknown, so it counts as a failed attempt
            final long callId = state.inFlightCallId(lead);
            final int attempt = state.inFlightAttempt(lead);
            final long next = retries.nextAttemptMs(Disposition.FAILED, nowMs, 0, state.attempts(lead));
            journal.disposition(nowMs, lead, callId, attempt, Disposition.FAILED, next,
                "dialer restarted during the call");
            state.disposition(nowMs, lead, callId, attempt, Disposition.FAILED, next, "");
        }
        for (int lead = 0; lead < leadCount; lead++)
        {
            attempts[lead] = state.attempts(lead);
            final int count = Math.min(MAX_DIAL_TIMES, state.attemptTimes(lead, times));
            final int from = Math.max(0, state.attemptTimes(lead, times) - count);
            System.arraycopy(times, from, dialTimes, lead * MAX_DIAL_TIMES, count);
            dialTimeCounts[lead] = count;
            if (state.closed(lead))
            {
                closed[lead] = true;
                leadsDone++;
            }
            else if (state.nextAttemptMs(lead) > nowMs)
            {
                schedule(lead, state.nextAttemptMs(lead));
            }
            else
            {
                notBefore[lead] = state.nextAttemptMs(lead);
                ready.offerInt(lead);
            }
        }
    }

    private boolean onTimerExpiry(final TimeUnit unit, final long now, final long timerId)
    {
        final long payload = timerPayloads.remove(timerId);
        final long kind = payload >>> KIND_SHIFT;
        if (KIND_LEAD == kind)
        {
            scheduled--;
            timerPending[(int)(payload & ID_MASK)] = false;
            ready.offerInt((int)(payload & ID_MASK));
            return true;
        }
        final long callId = payload & ID_MASK;
        final Call call = calls[(int)(callId & slotMask)];
        if (call.callId != callId)
        {
            return true;
        }
        if (KIND_CONVERSATION == kind)
        {
            call.conversationTimer = NO_TIMER;
            call.conversation.timeout(nowMs);
        }
        else if (KIND_TRANSFER == kind)
        {
            final TimerKind timerKind = TIMER_KINDS[(int)((payload >>> SUB_SHIFT) & 0xFF)];
            call.transferTimers[timerKind.ordinal()] = NO_TIMER;
            call.transfer.onTimer(timerKind, nowMs);
        }
        else if (KIND_VERDICT_GUARD == kind)
        {
            call.guardTimer = NO_TIMER;
            call.verdictMissing();
        }
        else if (KIND_BEEP_GUARD == kind)
        {
            call.guardTimer = NO_TIMER;
            call.beepMissing();
        }
        else if (KIND_CALLBACK_OFFER == kind)
        {
            call.guardTimer = NO_TIMER;
            call.noCallbackKey();
        }
        return true;
    }

    private long startTimer(final long kind, final int sub, final long callId, final long deadlineMs)
    {
        final long timerId = wheel.scheduleTimer(Math.max(deadlineMs, nowMs));
        timerPayloads.put(timerId, kind << KIND_SHIFT | (long)sub << SUB_SHIFT | callId);
        return timerId;
    }

    private void cancelTimer(final long timerId)
    {
        if (NO_TIMER != timerId)
        {
            wheel.cancelTimer(timerId);
            timerPayloads.remove(timerId);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // commands out

    /**
     * Plays a prompt on a leg. Never with the media engine's barge-in: stopping a prompt on a key is the script's or
     * the transfer's decision (a key that only ends the previous answer, "75201#", must not cut the next question).
     */
    private void sendPlay(final long callId, final int leg, final Object prompt, final boolean loop,
        final long token, final long originNanos, final int step)
    {
        final long seq = commands.next();
        final Command c = commands.get(seq).reset(CommandType.PLAY, callId, leg);
        c.prompt = prompt;
        c.loop = loop;
        c.token = token;
        c.originNanos = originNanos;
        c.ordinal = step;
        commands.publish(seq);
    }

    private void simple(final CommandType type, final long callId, final int leg)
    {
        final long seq = commands.next();
        commands.get(seq).reset(type, callId, leg);
        commands.publish(seq);
    }

    private Call callOf(final long transferId)
    {
        final Call call = calls[(int)(transferId & slotMask)];
        return call.callId == transferId ? call : null;
    }

    // ------------------------------------------------------------------------------------------------------------
    // matcher and warm-transfer commands

    /**
     * {@inheritDoc}
     */
    @Override
    public void onMatched(final long callerId, final int closer, final int skill)
    {
        final Call call = callOf(callerId);
        if (null == call)
        {
            matcher.endOffer(closer, nowMs);
            return;
        }
        stats.add(EngineStats.WAITING, -1);
        call.transfer.onCloserAssigned(closer, nowMs);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void journal(
        final long transferId, final long now, final TransferEvent event, final TransferState from,
        final TransferState to)
    {
        final Call call = callOf(transferId);
        if (null == call)
        {
            return;
        }
        final CloserResult result = closerResult(event, from);
        final int closer = call.transfer.closer();
        if (null != result && NULL_CLOSER != closer)
        {
            journal.closerAttempt(now, call.lead, transferId, pool.id(closer), result);
        }
        if (TransferEvent.KEY_ACCEPT == event || TransferEvent.CONSOLE_ACCEPT == event)
        {
            call.acceptNanos = call.eventNanos;
        }
    }

    private static CloserResult closerResult(final TransferEvent event, final TransferState from)
    {
        return switch (event)
        {
            case KEY_ACCEPT, CONSOLE_ACCEPT -> CloserResult.ACCEPTED;
            case KEY_REJECT, CONSOLE_REJECT -> CloserResult.REJECTED;
            case RING_TIMEOUT, DECISION_TIMEOUT -> CloserResult.NO_ANSWER;
            case CLOSER_BUSY -> CloserResult.BUSY;
            case CLOSER_FAILED -> CloserResult.FAILED;
            case CLOSER_HUNG_UP -> TransferState.NOTIFYING_CLOSER == from ? null : CloserResult.HUNG_UP;
            case CALLER_HUNG_UP, HOLD_LIMIT_TIMER -> from == TransferState.DIALING_CLOSER ||
                from == TransferState.CLOSER_RINGING || from == TransferState.BRIEFING ||
                from == TransferState.AWAITING_DECISION ? CloserResult.CANCELLED : null;
            default -> null;
        };
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void ignored(final long transferId, final long now, final TransferEvent event, final TransferState state)
    {
        if (LOG.isDebugEnabled())
        {
            LOG.debug("transfer {}: {} ignored in {}", transferId, event, state);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void playToCaller(final long transferId, final io.dialer.transfer.Prompt prompt, final boolean loop)
    {
        final Call call = callOf(transferId);
        if (null != call)
        {
            call.playTransferPrompt(prompt, loop);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void stopCallerPlayback(final long transferId)
    {
        final Call call = callOf(transferId);
        if (null != call)
        {
            call.stopCaller();
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void requestCloser(final long transferId, final int skill, final int excludedCloser)
    {
        final Call call = callOf(transferId);
        if (null == call)
        {
            return;
        }
        final int closer = matcher.assign(transferId, skill, excludedCloser, nowMs);
        if (closer >= 0)
        {
            call.transfer.onCloserAssigned(closer, nowMs);
        }
        else if (Matcher.QUEUED == closer || Matcher.ALREADY_QUEUED == closer)
        {
            stats.add(EngineStats.WAITING, 1);
        }
        else
        {
            call.transfer.onNoCloser(nowMs);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void cancelCloserRequest(final long transferId)
    {
        if (matcher.isQueued(transferId))
        {
            stats.add(EngineStats.WAITING, -1);
        }
        matcher.abandon(transferId);
    }

    /**
     * The callee's time zone for a callback: the number's first candidate zone, else the campaign's fallback zone.
     */
    private ZoneId zoneOf(final int lead)
    {
        final ZoneId[] candidates = zones[lead];
        if (null != candidates && candidates.length > 0)
        {
            return candidates[0];
        }
        final ZoneId fallback = config.gate.windows().fallbackZone();
        return null == fallback ? ZoneOffset.UTC : fallback;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void dialCloser(final long transferId, final int closer, final boolean callerIdPassThrough)
    {
        final Call call = callOf(transferId);
        if (null == call)
        {
            return;
        }
        call.closerLegs++;
        final long seq = commands.next();
        final Command c = commands.get(seq).reset(CommandType.DIAL_CLOSER, transferId, 1 + closer);
        c.closer = closer;
        c.target = pool.sipUri(closer);
        c.callerIdUser = callerIdPassThrough ? leads.e164(call.lead) : null;
        c.ringTimeoutMs = config.transfer.ringTimeoutMs() + 5_000;
        c.originNanos = 1 == call.transfer.attempts() ? call.qualifiedNanos : 0;
        commands.publish(seq);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void cancelCloserDial(final long transferId, final int closer)
    {
        simple(CommandType.HANG_UP, transferId, 1 + closer);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void playToCloser(final long transferId, final int closer, final io.dialer.transfer.Prompt prompt)
    {
        final Call call = callOf(transferId);
        if (null == call)
        {
            return;
        }
        call.closerToken = call.nextToken++;
        call.closerPrompt = prompt;
        final boolean briefing = io.dialer.transfer.Prompt.BRIEFING == prompt;
        sendPlay(transferId, 1 + closer, prompt, false, call.closerToken,
            briefing ? call.closerAnswerNanos : 0, Step.CLOSER_ANSWER_TO_BRIEFING.ordinal());
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void stopCloserPlayback(final long transferId, final int closer)
    {
        final Call call = callOf(transferId);
        if (null != call)
        {
            call.closerToken = 0;
            call.closerPrompt = null;
        }
        simple(CommandType.STOP_PLAYBACK, transferId, 1 + closer);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void hangUpCloser(final long transferId, final int closer)
    {
        simple(CommandType.HANG_UP, transferId, 1 + closer);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void releaseCloser(final long transferId, final int closer)
    {
        matcher.endOffer(closer, nowMs);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void closerConnected(final long transferId, final int closer)
    {
        matcher.connect(closer, nowMs);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void closerCallEnded(final long transferId, final int closer)
    {
        matcher.endCall(closer, nowMs);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void bridge(final long transferId, final int closer)
    {
        final Call call = callOf(transferId);
        final long seq = commands.next();
        final Command c = commands.get(seq).reset(CommandType.BRIDGE, transferId, 1 + closer);
        c.closer = closer;
        c.originNanos = null == call ? 0 : call.acceptNanos;
        commands.publish(seq);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void returnToCaller(final long transferId, final TransferOutcome outcome)
    {
        final Call call = callOf(transferId);
        if (null != call)
        {
            call.returned(outcome);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void startTimer(final long transferId, final TimerKind kind, final long deadlineMs)
    {
        final Call call = callOf(transferId);
        if (null != call)
        {
            cancelTimer(call.transferTimers[kind.ordinal()]);
            call.transferTimers[kind.ordinal()] = startTimer(KIND_TRANSFER, kind.ordinal(), transferId, deadlineMs);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void cancelTimer(final long transferId, final TimerKind kind)
    {
        final Call call = callOf(transferId);
        if (null != call)
        {
            cancelTimer(call.transferTimers[kind.ordinal()]);
            call.transferTimers[kind.ordinal()] = NO_TIMER;
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void transferEnded(final long transferId, final TransferOutcome outcome, final int closer)
    {
        final Call call = callOf(transferId);
        if (null != call)
        {
            call.transferEnded(outcome, closer);
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private enum Phase
    {
        IDLE,
        DIALING,
        DETECTING,
        QUALIFYING,
        CLOSING,
        TRANSFERRING,
        OFFERING_CALLBACK,
        BRIDGED,
        AWAITING_BEEP,
        LEAVING_MESSAGE,
        HANGING_UP,
        ENDED
    }

    /**
     * One call slot: the lead's leg, its conversation and its transfer; reused call after call.
     */
    private final class Call implements ActionSink
    {
        private static final int QUEUE = 8;

        final int slot;
        final Conversation conversation;
        final WarmTransfer transfer;
        final long[] transferTimers = new long[TIMER_KINDS.length];
        final Object[] queue = new Object[QUEUE];
        final boolean[] queueLoop = new boolean[QUEUE];
        final StringBuilder detail = new StringBuilder(64);
        long callId;
        int lead;
        int attempt;
        Phase phase = Phase.IDLE;
        boolean leadLegUp;
        int closerLegs;
        int bridgedCloser = NULL_CLOSER;
        Disposition disposition;
        boolean dispositionWritten;
        long callbackAtMs;
        boolean counted;
        long conversationTimer = NO_TIMER;
        long guardTimer = NO_TIMER;
        long dialNanos;
        long answerNanos;
        long verdictNanos;
        long qualifiedNanos;
        long closerAnswerNanos;
        long acceptNanos;
        long eventNanos;
        long nextToken;
        long callerToken;
        Object callerPrompt;
        boolean callerPromptIsScript;
        boolean firstPromptPlayed;
        boolean keyPressed;
        int head;
        int size;
        long closerToken;
        io.dialer.transfer.Prompt closerPrompt;

        Call(final int slot)
        {
            this.slot = slot;
            conversation = new Conversation(config.script, this);
            transfer = new WarmTransfer(config.transfer, CallController.this);
            Arrays.fill(transferTimers, NO_TIMER);
        }

        void start(final long id, final int leadIndex, final int attemptNumber)
        {
            callId = id;
            lead = leadIndex;
            attempt = attemptNumber;
            phase = Phase.DIALING;
            leadLegUp = true;
            closerLegs = 0;
            bridgedCloser = NULL_CLOSER;
            disposition = null;
            dispositionWritten = false;
            callbackAtMs = 0;
            counted = true;
            detail.setLength(0);
            conversationTimer = NO_TIMER;
            guardTimer = NO_TIMER;
            answerNanos = 0;
            verdictNanos = 0;
            qualifiedNanos = 0;
            closerAnswerNanos = 0;
            acceptNanos = 0;
            nextToken = 1;
            callerToken = 0;
            callerPrompt = null;
            firstPromptPlayed = false;
            keyPressed = false;
            head = 0;
            size = 0;
            closerToken = 0;
            closerPrompt = null;
            if (TransferState.IDLE != transfer.state())
            {
                transfer.reset();
            }
        }

        // ---- lead leg

        void onLeadEvent(final EngineEvent event)
        {
            eventNanos = event.nanos;
            switch (event.type)
            {
                case ANSWERED -> answered(event);
                case FAILED -> failed((FailureCause)event.cause, event.value, event.text);
                case COMMAND_FAILED -> failed(FailureCause.CARRIER_ERROR, 0, event.text);
                case ENDED -> leadEnded((EndCause)event.cause);
                case DTMF -> key(event.digit);
                case PLAYBACK_FINISHED -> callerPlaybackFinished(event.token, 0 != event.value);
                case VERDICT -> verdict((Verdict)event.cause, (io.dialer.detection.Cause)event.cause2, event.value,
                    event.nanos);
                case BEEP -> beep();
                case NO_BEEP -> beepMissing();
                case LATE_BEEP -> lateBeep(event.value);
                case BRIDGED -> transfer.onBridged(nowMs);
                default ->
                {
                }
            }
        }

        private void answered(final EngineEvent event)
        {
            if (Phase.DIALING != phase)
            {
                return;
            }
            answerNanos = event.nanos;
            latency(Step.DIAL_TO_ANSWER, event.nanos - dialNanos);
            journal.answered(nowMs, lead, callId);
            phase = Phase.DETECTING;
            guardTimer = startTimer(KIND_VERDICT_GUARD, 0, callId, nowMs + config.verdictGuardMs);
        }

        private void failed(final FailureCause cause, final int status, final String reason)
        {
            if (!leadLegUp)
            {
                return;
            }
            final Disposition d = switch (null == cause ? FailureCause.CARRIER_ERROR : cause)
            {
                case BUSY -> Disposition.BUSY;
                case NO_ANSWER -> Disposition.NO_ANSWER;
                case INVALID_NUMBER -> Disposition.INVALID_NUMBER;
                default -> Disposition.FAILED;
            };
            detail.setLength(0);
            if (status > 0)
            {
                detail.append(status).append(' ');
            }
            detail.append(null == reason ? "" : reason);
            decide(d);
            leadLegGone();
        }

        private void leadEnded(final EndCause cause)
        {
            if (!leadLegUp)
            {
                return;
            }
            final boolean remote = EndCause.LOCAL != cause;
            switch (phase)
            {
                case DETECTING -> decide(Disposition.HUNG_UP, "during detection");
                case QUALIFYING ->
                {
                    final Question question = conversation.question();
                    scratch.setLength(0);
                    scratch.append("during ").append(null == question ? "the greeting" : question.id())
                        .append(" (").append(cause.name()).append(')');
                    conversation.callerHungUp(nowMs);
                    if (null == disposition)
                    {
                        decide(Disposition.HUNG_UP, scratch);
                    }
                }
                case TRANSFERRING ->
                {
                    if (null == disposition)
                    {
                        decide(Disposition.HUNG_UP, "waiting for a closer");
                    }
                    transfer.onCallerHungUp(nowMs);
                }
                case BRIDGED -> endBridge();
                case AWAITING_BEEP -> decide(Disposition.MACHINE, "hung up before the beep");
                case LEAVING_MESSAGE -> decide(Disposition.MACHINE, "hung up during the message");
                default ->
                {
                    if (null == disposition)
                    {
                        decide(remote ? Disposition.HUNG_UP : Disposition.FAILED, cause.name());
                    }
                }
            }
            cancelTimer(conversationTimer);
            conversationTimer = NO_TIMER;
            cancelTimer(guardTimer);
            guardTimer = NO_TIMER;
            leadLegGone();
        }

        private void leadLegGone()
        {
            leadLegUp = false;
            leaveProgress();
            writeDisposition();
            phase = Phase.ENDED;
            tryRelease();
        }

        private void leaveProgress()
        {
            if (counted)
            {
                counted = false;
                inProgress--;
            }
        }

        private void tryRelease()
        {
            if (leadLegUp || closerLegs > 0 ||
                TransferState.IDLE != transfer.state() && !transfer.state().terminal())
            {
                return;
            }
            for (int i = 0; i < transferTimers.length; i++)
            {
                cancelTimer(transferTimers[i]);
                transferTimers[i] = NO_TIMER;
            }
            simple(CommandType.RELEASE, callId, EngineEvent.LEAD_LEG);
            callId = 0;
            phase = Phase.IDLE;
            liveCalls--;
            stats.set(EngineStats.LIVE, liveCalls);
            freeSlots.offerInt(slot);
        }

        private void decide(final Disposition d)
        {
            if (null == disposition)
            {
                disposition = d;
            }
        }

        private void decide(final Disposition d, final CharSequence text)
        {
            if (null == disposition)
            {
                disposition = d;
                detail.setLength(0);
                detail.append(text);
            }
        }

        private void writeDisposition()
        {
            if (dispositionWritten)
            {
                return;
            }
            dispositionWritten = true;
            final Disposition d = null == disposition ? Disposition.FAILED : disposition;
            final long next = retries.nextAttemptMs(d, nowMs, callbackAtMs, attempts[lead]);
            journal.disposition(nowMs, lead, callId, attempt, d, next, detail);
            stats.disposition(d);
            if (RetryPolicy.NEVER == next)
            {
                closed[lead] = true;
                leadDone();
            }
            else
            {
                schedule(lead, next);
            }
        }

        private void hangUpLead(final Phase next)
        {
            phase = next;
            simple(CommandType.HANG_UP, callId, EngineEvent.LEAD_LEG);
        }

        private void key(final char digit)
        {
            if (Phase.QUALIFYING == phase || Phase.CLOSING == phase)
            {
                keyPressed = true;
                conversation.key(digit, nowMs);
            }
            else if (Phase.OFFERING_CALLBACK == phase)
            {
                callbackKey(digit);
            }
        }

        /**
         * A returned caller's key during or after the apology: a key of the campaign's callback offer picks the
         * callback time (other keys are ignored), confirmed by a last prompt before the hang-up.
         */
        private void callbackKey(final char digit)
        {
            final String choice = config.callbackOffer.choice(digit);
            if (null == choice)
            {
                return;
            }
            cancelTimer(guardTimer);
            guardTimer = NO_TIMER;
            stopCaller();
            detail.append("; callback ");
            callbackTime(choice, detail);
            phase = Phase.CLOSING;
            playTransferPrompt(io.dialer.transfer.Prompt.CALLBACK_CONFIRMATION, false);
        }

        void noCallbackKey()
        {
            if (Phase.OFFERING_CALLBACK == phase)
            {
                detail.append("; no callback time chosen");
                hangUpLead(Phase.HANGING_UP);
            }
        }

        /**
         * Resolves a callback time asked for in the callee's zone ({@link #callbackAtMs}) and writes it with the
         * resolved local time: {@code this evening (2026-11-23 18:00 America/Chicago)}. A rare event: java.time
         * allocates here.
         */
        private void callbackTime(final CharSequence asked, final StringBuilder out)
        {
            final ZoneId zone = zoneOf(lead);
            callbackAtMs = CallbackTime.resolve(asked, nowMs, zone);
            out.append(asked);
            if (0 == callbackAtMs)
            {
                out.append(" (not a callback time: after the callback delay)");
            }
            else
            {
                out.append(" (").append(CALLBACK_FORMAT.format(Instant.ofEpochMilli(callbackAtMs).atZone(zone)))
                    .append(' ').append(zone.getId()).append(')');
            }
        }

        private void verdict(
            final Verdict verdict, final io.dialer.detection.Cause cause, final int positionMs, final long nanos)
        {
            if (Phase.DETECTING != phase)
            {
                return;
            }
            cancelTimer(guardTimer);
            guardTimer = NO_TIMER;
            verdictNanos = nanos;
            latency(Step.ANSWER_TO_VERDICT, nanos - answerNanos);
            journal.verdict(nowMs, lead, callId, verdict, cause, positionMs);
            switch (verdict)
            {
                case HUMAN, NOTSURE -> qualify();
                case MACHINE ->
                {
                    if (!config.leaveMessage)
                    {
                        decide(Disposition.MACHINE, "no voicemail message configured");
                        hangUpLead(Phase.HANGING_UP);
                    }
                    else
                    {
                        phase = Phase.AWAITING_BEEP;
                        guardTimer = startTimer(KIND_BEEP_GUARD, 0, callId, nowMs + config.beepGuardMs);
                    }
                }
                case SIT ->
                {
                    decide(Disposition.INVALID_NUMBER, "special information tones");
                    hangUpLead(Phase.HANGING_UP);
                }
                default ->
                {
                    decide(Disposition.MACHINE, verdict.name());
                    hangUpLead(Phase.HANGING_UP);
                }
            }
        }

        void verdictMissing()
        {
            if (Phase.DETECTING == phase)
            {
                verdictNanos = System.nanoTime();
                qualify();
            }
        }

        private void beep()
        {
            if (Phase.AWAITING_BEEP != phase)
            {
                return;
            }
            cancelTimer(guardTimer);
            guardTimer = NO_TIMER;
            leaveMessage();
        }

        /**
         * A beep after a HUMAN or NOTSURE verdict: a greeting that paused like a person, or a very short one whose beep
         * came late. While the script still talks to the line and nobody pressed a key (a recording never does), the
         * call is a machine after all: the script stops, the voicemail message is left from the end of the beep (or
         * the call ends as MACHINE when there is none). Later than that, a person is on the line and the beep is
         * something else (a tone in the background, another call's beep): ignored.
         */
        private void lateBeep(final int endMs)
        {
            if (Phase.QUALIFYING != phase || keyPressed)
            {
                return;
            }
            journal.verdict(nowMs, lead, callId, Verdict.MACHINE, io.dialer.detection.Cause.LATE_BEEP, endMs);
            cancelTimer(conversationTimer);
            conversationTimer = NO_TIMER;
            stopCaller();
            if (!config.leaveMessage)
            {
                decide(Disposition.MACHINE, "beep after the greeting, no voicemail message configured");
                hangUpLead(Phase.HANGING_UP);
                return;
            }
            leaveMessage();
        }

        private void leaveMessage()
        {
            phase = Phase.LEAVING_MESSAGE;
            callerToken = nextToken++;
            callerPrompt = VOICEMAIL;
            callerPromptIsScript = false;
            sendPlay(callId, EngineEvent.LEAD_LEG, VOICEMAIL, false, callerToken, 0, -1);
        }

        void beepMissing()
        {
            if (Phase.AWAITING_BEEP == phase)
            {
                cancelTimer(guardTimer);
                guardTimer = NO_TIMER;
                decide(Disposition.MACHINE, "greeting ended without a beep");
                hangUpLead(Phase.HANGING_UP);
            }
        }

        private void qualify()
        {
            phase = Phase.QUALIFYING;
            conversation.reset(config.script.leadValues(leads.fields(lead)));
            conversation.start(nowMs);
        }

        // ---- the caller's prompts: a queue for the script, replacement for the transfer

        private void callerPlaybackFinished(final long token, final boolean interrupted)
        {
            if (token != callerToken || 0 == token)
            {
                return;
            }
            final Object finishedPrompt = callerPrompt;
            final boolean script = callerPromptIsScript;
            callerToken = 0;
            callerPrompt = null;
            if (VOICEMAIL == finishedPrompt)
            {
                decide(interrupted ? Disposition.MACHINE : Disposition.MESSAGE_LEFT,
                    interrupted ? "message interrupted" : "");
                hangUpLead(Phase.HANGING_UP);
                return;
            }
            if (script)
            {
                playNext();
                if (!interrupted)
                {
                    conversation.promptFinished(nowMs);
                }
            }
            else if (finishedPrompt instanceof io.dialer.transfer.Prompt transferPrompt)
            {
                if (Phase.OFFERING_CALLBACK == phase &&
                    io.dialer.transfer.Prompt.APOLOGY_CALLBACK_OFFER == transferPrompt)
                {
                    guardTimer = startTimer(KIND_CALLBACK_OFFER, 0, callId, nowMs + CallbackOffer.KEY_TIMEOUT_MS);
                }
                else if (Phase.CLOSING == phase && (io.dialer.transfer.Prompt.CALLBACK_CONFIRMATION == transferPrompt ||
                    io.dialer.transfer.Prompt.APOLOGY_CALLBACK_OFFER == transferPrompt))
                {
                    hangUpLead(Phase.HANGING_UP); // after the confirmation, or the apology when nothing is offered
                }
                else if (!interrupted)
                {
                    transfer.onCallerPromptFinished(transferPrompt, nowMs);
                }
            }
        }

        private void playNext()
        {
            if (0 == size)
            {
                return;
            }
            final Object prompt = queue[head];
            final boolean loop = queueLoop[head];
            queue[head] = null;
            head = (head + 1) % QUEUE;
            size--;
            startCallerPlay(prompt, loop);
        }

        private void startCallerPlay(final Object prompt, final boolean loop)
        {
            callerToken = nextToken++;
            callerPrompt = prompt;
            callerPromptIsScript = prompt instanceof io.dialer.qualification.Prompt;
            long origin = 0;
            if (callerPromptIsScript && !firstPromptPlayed)
            {
                firstPromptPlayed = true;
                origin = verdictNanos;
            }
            sendPlay(callId, EngineEvent.LEAD_LEG, prompt, loop, callerToken, origin,
                Step.GREETING_END_TO_FIRST_PROMPT.ordinal());
        }

        private void enqueue(final Object prompt, final boolean loop)
        {
            if (0 == callerToken)
            {
                startCallerPlay(prompt, loop);
                return;
            }
            if (size == QUEUE)
            {
                LOG.warn("call {}: prompt queue full, {} dropped", callId, prompt);
                return;
            }
            final int tail = (head + size) % QUEUE;
            queue[tail] = prompt;
            queueLoop[tail] = loop;
            size++;
        }

        void playTransferPrompt(final io.dialer.transfer.Prompt prompt, final boolean loop)
        {
            if (!leadLegUp)
            {
                return;
            }
            if (0 != callerToken && callerPromptIsScript)
            {
                // let the script's last words ("please hold...") finish; the transfer's prompt follows
                dropQueuedTransferPrompts();
                enqueue(prompt, loop);
                return;
            }
            dropQueuedTransferPrompts();
            startCallerPlay(prompt, loop);
        }

        /**
         * A transfer prompt replaces the transfer's own prompts still waiting, keeping the script's in order.
         */
        private void dropQueuedTransferPrompts()
        {
            int kept = 0;
            for (int i = 0; i < size; i++)
            {
                final int index = (head + i) % QUEUE;
                final Object prompt = queue[index];
                if (!(prompt instanceof io.dialer.qualification.Prompt))
                {
                    queue[index] = null;
                    continue;
                }
                final int to = (head + kept) % QUEUE;
                queue[to] = prompt;
                queueLoop[to] = queueLoop[index];
                kept++;
            }
            for (int i = kept; i < size; i++)
            {
                queue[(head + i) % QUEUE] = null;
            }
            size = kept;
        }

        void stopCaller()
        {
            size = 0;
            Arrays.fill(queue, null);
            head = 0;
            if (0 != callerToken)
            {
                callerToken = 0;
                callerPrompt = null;
                simple(CommandType.STOP_PLAYBACK, callId, EngineEvent.LEAD_LEG);
            }
        }

        // ---- ActionSink: the qualification script's commands

        @Override
        public void play(final io.dialer.qualification.Prompt prompt, final boolean bargeIn)
        {
            enqueue(prompt, false);
        }

        @Override
        public void stopPrompts()
        {
            stopCaller();
        }

        @Override
        public void collect(final Question question, final long deadlineMs)
        {
            timer(deadlineMs);
        }

        @Override
        public void timer(final long deadlineMs)
        {
            cancelTimer(conversationTimer);
            conversationTimer = startTimer(KIND_CONVERSATION, 0, callId, deadlineMs);
        }

        @Override
        public void answer(final Question question, final CharSequence value)
        {
            journal.answer(nowMs, lead, callId, question.id(), value);
        }

        @Override
        public void qualified(final String skill, final String summary)
        {
            qualifiedNanos = eventNanos;
            journal.qualified(nowMs, lead, callId, skill, summary);
            stats.add(EngineStats.QUALIFIED, 1);
            leaveProgress();
            phase = Phase.TRANSFERRING;
            // the closer's INVITE first (hold music, then the dial when a closer is free), the briefing after: its
            // speech is rendered while the closer's phone rings, not in front of the INVITE
            transfer.start(callId, pool.skills().skillId(skill), nowMs);
            final long seq = commands.next();
            final Command c = commands.get(seq).reset(CommandType.PREPARE_BRIEFING, callId, EngineEvent.LEAD_LEG);
            c.summary = summary;
            commands.publish(seq);
        }

        @Override
        public void disqualified(final String reason, final io.dialer.qualification.Prompt closingPrompt)
        {
            phase = Phase.CLOSING;
            decide(Disposition.DISQUALIFIED, reason);
        }

        @Override
        public void callback(final CharSequence requestedTime, final io.dialer.qualification.Prompt closingPrompt)
        {
            phase = Phase.CLOSING;
            if (null != disposition)
            {
                return;
            }
            scratch.setLength(0);
            callbackTime(requestedTime, scratch);
            decide(Disposition.CALLBACK, scratch);
        }

        @Override
        public void optOut(final io.dialer.qualification.Prompt closingPrompt)
        {
            phase = Phase.CLOSING;
            decide(Disposition.OPTED_OUT, "key");
            final String e164 = leads.e164(lead);
            doNotCall(e164, "opt-out");
            journal.optedOut(nowMs, lead, e164);
        }

        @Override
        public void hangUp()
        {
            if (leadLegUp)
            {
                hangUpLead(Phase.HANGING_UP);
            }
        }

        // ---- transfer callbacks

        void returned(final TransferOutcome outcome)
        {
            phase = config.callbackOffer.isEmpty() ? Phase.CLOSING : Phase.OFFERING_CALLBACK;
            scratch.setLength(0);
            scratch.append("transfer failed: ").append(outcome.name());
            decide(Disposition.CALLBACK, scratch);
        }

        void transferEnded(final TransferOutcome outcome, final int closer)
        {
            journal.transferEnded(nowMs, lead, callId, outcome, NULL_CLOSER == closer ? "" : pool.id(closer));
            if (TransferOutcome.COMPLETED == outcome)
            {
                phase = Phase.BRIDGED;
                bridgedCloser = closer;
                stats.add(EngineStats.BRIDGED, 1);
                detail.setLength(0);
                detail.append(pool.id(closer));
                disposition = Disposition.TRANSFERRED;
                writeDisposition();
            }
            else if (TransferOutcome.CALLER_HUNG_UP == outcome)
            {
                decide(Disposition.HUNG_UP, "waiting for a closer");
            }
            if (!leadLegUp)
            {
                tryRelease();
            }
        }

        private void endBridge()
        {
            if (NULL_CLOSER != bridgedCloser)
            {
                simple(CommandType.HANG_UP, callId, 1 + bridgedCloser);
                matcher.endCall(bridgedCloser, nowMs);
                bridgedCloser = NULL_CLOSER;
            }
        }

        // ---- closer legs

        void onCloserEvent(final int closer, final EngineEvent event)
        {
            eventNanos = event.nanos;
            switch (event.type)
            {
                case RINGING -> transfer.onCloserRinging(closer, nowMs);
                case ANSWERED ->
                {
                    closerAnswerNanos = event.nanos;
                    transfer.onCloserAnswered(closer, nowMs);
                }
                case FAILED, COMMAND_FAILED ->
                {
                    closerLegs--;
                    if (FailureCause.BUSY == event.cause)
                    {
                        transfer.onCloserBusy(closer, nowMs);
                    }
                    else
                    {
                        transfer.onCloserFailed(closer, event.value, nowMs);
                    }
                    tryRelease();
                }
                case ENDED ->
                {
                    closerLegs--;
                    if (Phase.BRIDGED == phase || Phase.ENDED == phase && bridgedCloser == closer)
                    {
                        if (bridgedCloser == closer)
                        {
                            matcher.endCall(closer, nowMs);
                            bridgedCloser = NULL_CLOSER;
                            if (leadLegUp)
                            {
                                hangUpLead(Phase.HANGING_UP);
                            }
                        }
                    }
                    else
                    {
                        transfer.onCloserHungUp(closer, nowMs);
                    }
                    tryRelease();
                }
                case DTMF -> transfer.onCloserKey(closer, event.digit, nowMs);
                case PLAYBACK_FINISHED ->
                {
                    if (event.token == closerToken && 0 != closerToken && 0 == event.value)
                    {
                        final io.dialer.transfer.Prompt prompt = closerPrompt;
                        closerToken = 0;
                        closerPrompt = null;
                        transfer.onCloserPromptFinished(closer, prompt, nowMs);
                    }
                }
                default ->
                {
                }
            }
        }
    }

    static final Object VOICEMAIL = new Object()
    {
        @Override
        public String toString()
        {
            return "voicemail message";
        }
    };
}
