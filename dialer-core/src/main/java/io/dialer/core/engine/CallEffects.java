/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.CloserResult;
import io.dialer.core.journal.Step;
import io.dialer.core.lead.LeadList;
import io.dialer.core.pacing.PredictivePacer;
import io.dialer.qualification.Script;
import io.dialer.transfer.CloserPool;
import io.dialer.transfer.CloserState;
import io.dialer.transfer.Matcher;
import org.HdrHistogram.Histogram;

/**
 * What one campaign's call flows ask for, carried out on the controller's thread: telephony goes to the effects stage
 * through the {@link CommandProxy}, timers onto the {@link EngineTimers}, closers to and from the {@link SalesFloor},
 * a call's outcome to the campaign's {@link LeadSchedule} and journal, latencies into the campaign's histograms. The
 * controller sets the time ({@link #now}) before it hands an event to a flow.
 */
final class CallEffects implements CallCommands
{
    private final CampaignRun campaign;
    private final int campaignId;
    private final CampaignContext ctx;
    private final LeadList leads;
    private final Script script;
    private final CommandProxy commands;
    private final CampaignLog journal;
    private final EngineStats stats;
    private final EngineStats engineStats;
    private final EngineTimers timers;
    private final SalesFloor floor;
    private final Matcher matcher;
    private final CloserPool pool;
    private final CallSlots slots;
    private final CampaignRun.NumberBlocker doNotCall;
    private final Histogram[] latencies;
    private final LatencyBuckets[] buckets;
    private final OfferListener offers;
    private final StepListener steps;
    private final ControllerTime time;

    CallEffects(
        final CampaignRun campaign, final CampaignRun.Engine engine, final CampaignLog journal,
        final Histogram[] latencies)
    {
        this.campaign = campaign;
        this.campaignId = campaign.id();
        this.ctx = campaign.context();
        this.leads = ctx.leads();
        this.script = ctx.script();
        this.commands = engine.commands();
        this.journal = journal;
        this.stats = campaign.stats();
        this.engineStats = engine.stats();
        this.timers = engine.timers();
        this.floor = engine.floor();
        this.matcher = floor.matcher();
        this.pool = floor.pool();
        this.slots = engine.slots();
        this.doNotCall = engine.doNotCall();
        this.latencies = latencies;
        this.buckets = campaign.handle().buckets();
        this.time = engine.time();
        this.offers = engine.offers();
        this.steps = engine.steps();
    }

    @Override
    public void playToLead(
        final long callId, final Object prompt, final boolean loop, final long token, final long originNanos,
        final int step)
    {
        commands.play(campaignId, callId, EngineEvent.LEAD_LEG, leadOf(callId), prompt, loop, token, originNanos,
            step);
    }

    @Override
    public void stopLeadPlayback(final long callId)
    {
        commands.stopPlayback(callId, EngineEvent.LEAD_LEG);
    }

    @Override
    public void hangUpLead(final long callId)
    {
        commands.hangUp(callId, EngineEvent.LEAD_LEG);
    }

    @Override
    public void callerOnHold(final long callId, final boolean onHold)
    {
        commands.holdMediaTimeout(callId, onHold);
    }

    @Override
    public void dialCloser(
        final long callId, final int closer, final boolean callerIdPassThrough, final long originNanos)
    {
        commands.dialCloser(campaignId, callId, closer, null,
            callerIdPassThrough ? leads.e164(leadOf(callId)) : null, ctx.transfer().ringTimeoutMs() + 5_000,
            originNanos);
    }

    @Override
    public void playToCloser(
        final long callId, final int closer, final io.dialer.transfer.Prompt prompt, final long token,
        final long originNanos)
    {
        commands.play(campaignId, callId, EngineEvent.closerLeg(closer), leadOf(callId), prompt, false, token,
            originNanos, Step.CLOSER_ANSWER_TO_BRIEFING.ordinal());
    }

    @Override
    public void stopCloserPlayback(final long callId, final int closer)
    {
        commands.stopPlayback(callId, EngineEvent.closerLeg(closer));
    }

    @Override
    public void hangUpCloser(final long callId, final int closer)
    {
        commands.hangUp(callId, EngineEvent.closerLeg(closer));
    }

    @Override
    public void bridge(final long callId, final int closer, final long originNanos)
    {
        commands.bridge(campaignId, callId, closer, originNanos);
    }

    @Override
    public void introduce(final long callId, final int closer)
    {
        commands.introduce(campaignId, callId, closer);
    }

    @Override
    public void prepareBriefing(final long callId, final String summary)
    {
        commands.prepareBriefing(campaignId, callId, summary);
    }

    @Override
    public void startTimer(final long callId, final int timer, final long deadlineMs)
    {
        timers.startCallTimer(callId, timer, deadlineMs, time.nowMs());
    }

    @Override
    public void cancelTimer(final long callId, final int timer)
    {
        timers.cancelCallTimer(callId, timer);
    }

    @Override
    public int requestCloser(final long callId, final int skill, final int excludedCloser)
    {
        final int closer = matcher.assign(callId, skill, excludedCloser, time.nowMs());
        if (closer >= 0)
        {
            return closer;
        }
        if (Matcher.QUEUED == closer)
        {
            stats.add(EngineStats.WAITING, 1);
            return QUEUED;
        }
        return Matcher.ALREADY_QUEUED == closer ? QUEUED : NO_CLOSER;
    }

    @Override
    public void cancelCloserRequest(final long callId)
    {
        if (matcher.isQueued(callId))
        {
            stats.add(EngineStats.WAITING, -1);
        }
        matcher.abandon(callId);
    }

    @Override
    public void releaseCloser(final int closer)
    {
        matcher.endOffer(closer, time.nowMs());
    }

    @Override
    public void closerConnected(final int closer)
    {
        final PredictivePacer pacer = campaign.predictivePacer();
        if (null != pacer && CloserState.OFFERED == pool.state(closer))
        {
            pacer.briefed(time.nowMs(), time.nowMs() - pool.stateSinceMs(closer));
        }
        matcher.connect(closer, time.nowMs());
    }

    @Override
    public void closerCallEnded(final int closer)
    {
        final PredictivePacer pacer = campaign.predictivePacer();
        final long nowMs = time.nowMs();
        if (null != pacer && CloserState.ON_CALL == pool.state(closer))
        {
            pacer.talked(nowMs, nowMs - pool.stateSinceMs(closer));
        }
        matcher.endCall(closer, nowMs);
        if (null != pacer)
        {
            pacer.wrapped(nowMs, CloserState.WRAP_UP == pool.state(closer) ?
                Math.max(0, matcher.wrapUpDeadline(closer) - nowMs) : 0);
        }
    }

    @Override
    public void measured(
        final long callId, final PacingSample sample, final boolean yes, final long sinceDialMs,
        final long sinceAnswerMs)
    {
        final PredictivePacer pacer = campaign.predictivePacer();
        if (null == pacer)
        {
            return;
        }
        final long nowMs = time.nowMs();
        switch (sample)
        {
            case ANSWER ->
            {
                if (yes)
                {
                    pacer.answered(nowMs);
                }
                else
                {
                    pacer.notAnswered(nowMs);
                }
            }
            case VERDICT -> pacer.verdict(nowMs, yes);
            case HOLD -> pacer.held(nowMs, sinceDialMs);
            default -> pacer.scriptEnded(nowMs, yes, sinceDialMs, sinceAnswerMs);
        }
    }

    @Override
    public void offer(final long callId, final int closer, final String summary)
    {
        final CallFlow flow = slots.flow(callId);
        if (null == offers || null == flow)
        {
            return;
        }
        // once per transfer attempt: the screen pop's text is built here, off every hot path
        final List<Offer.Answer> answers = new ArrayList<>();
        final String lines = flow.answers().toString();
        int start = 0;
        for (int end = lines.indexOf('\n'); end >= 0; start = end + 1, end = lines.indexOf('\n', start))
        {
            final int equals = lines.indexOf('=', start);
            answers.add(new Offer.Answer(lines.substring(start, equals), lines.substring(equals + 1, end)));
        }
        final int lead = flow.lead();
        offers.offered(new Offer(pool.id(closer), ctx.name(), callId, lead, leads.e164(lead), leads.fields(lead),
            List.copyOf(answers), summary, time.nowMs()));
    }

    @Override
    public void offerEnded(final long callId, final int closer, final CloserResult result)
    {
        if (null != offers)
        {
            offers.ended(pool.id(closer), callId, result.name(), time.nowMs());
        }
    }

    @Override
    public void leftPacing(final long callId)
    {
        campaign.leftPacing();
    }

    @Override
    public void callEnded(
        final long callId, final int lead, final int attempt, final Disposition disposition, final long callbackAtMs,
        final CharSequence detail, final boolean charged, final boolean trunkFailure)
    {
        if (charged)
        {
            final long next = campaign.schedule().callEnded(lead, disposition, callbackAtMs, time.nowMs());
            journal.disposition(time.nowMs(), lead, callId, attempt, disposition, next, detail);
            campaign.status().trunkHandled();
        }
        else
        {
            // not the lead's doing (the trunk failed, or the dialer cancelled the dial): the attempt is given back
            campaign.schedule().refund(lead);
            journal.disposition(time.nowMs(), lead, callId, attempt, disposition, time.nowMs(), detail);
            journal.attemptRefunded(time.nowMs(), lead, callId,
                trunkFailure ? "trunk failure" : "cancelled by the dialer");
            campaign.schedule().retryNow(lead, time.nowMs());
        }
        if (trunkFailure)
        {
            campaign.status().trunkFailed(detail, time.nowMs());
        }
        stats.set(EngineStats.LEADS_DONE, campaign.schedule().leadsDone());
    }

    @Override
    public void optOut(final int lead)
    {
        final String e164 = leads.e164(lead);
        doNotCall.block(e164, "opt-out");
        journal.optedOut(time.nowMs(), lead, e164);
    }

    @Override
    public void latency(final long callId, final Step step, final long endNanos, final long nanos)
    {
        final Histogram histogram = latencies[step.ordinal()];
        histogram.recordValue(Math.max(0, Math.min(nanos, histogram.getHighestTrackableValue())));
        buckets[step.ordinal()].record(nanos);
        journal.latency(time.nowMs(), step, nanos);
        if (null != steps)
        {
            steps.stepEnded(callId, step, endNanos, nanos);
        }
    }

    @Override
    public void released(final long callId)
    {
        commands.release(callId);
        final CallFlow flow = slots.release(callId);
        if (null != flow)
        {
            campaign.released(flow);
        }
        engineStats.set(EngineStats.LIVE, slots.live());
    }

    @Override
    public ZoneId zoneOf(final int lead)
    {
        return campaign.schedule().zoneOf(lead);
    }

    @Override
    public String[] leadValues(final int lead)
    {
        return script.leadValues(leads.fields(lead));
    }

    @Override
    public int skillId(final String skill)
    {
        return floor.skillId(skill);
    }

    @Override
    public String closerId(final int closer)
    {
        return pool.id(closer);
    }

    private int leadOf(final long callId)
    {
        final CallFlow flow = slots.flow(callId);
        return null == flow ? -1 : flow.lead();
    }
}
