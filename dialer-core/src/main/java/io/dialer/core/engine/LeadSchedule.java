/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import io.dialer.core.compliance.CallingWindow;
import io.dialer.core.compliance.DialDecision;
import io.dialer.core.compliance.DialGate;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.RetryPolicy;
import io.dialer.core.compliance.WindowPolicy;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.RecoveryState;
import io.dialer.core.lead.LeadList;
import org.agrona.collections.IntArrayQueue;

/**
 * When each lead may be dialed: its attempts and dial times, the ready queue, the leads waiting for a time (a retry
 * delay, a callback, the calling window, a daily cap) on the controller's timer wheel, and the leads closed for good.
 * Every dial is decided here by the {@link DialGate} right before it, and the decision's text is what the journal
 * records as "why this number was dialable". Single writer: the controller's thread.
 * <p>
 * What pacing sees: {@link #readyCount()}, {@link #waitingCount()}, {@link #heldByWindow()} and {@link #nextDueMs()}.
 */
final class LeadSchedule
{
    /** How many recent dial times are kept per lead for the daily and rolling caps. */
    static final int MAX_DIAL_TIMES = CallingWindow.MAX_CALLS_PER_24H;

    private final LeadList leads;
    private final DialGate gate;
    private final RetryPolicy retries;
    private final EngineTimers timers;
    private final int campaign;
    private final CampaignLog journal;
    private final DialDecision decision = new DialDecision();
    private final StringBuilder why = new StringBuilder(256);
    private final int[] attempts;
    private final long[] notBefore;
    private final boolean[] waiting;
    private final boolean[] window;
    private final boolean[] closed;
    private final long[] dialTimes;
    private final int[] dialTimeCounts;
    private final long[] sliceTimes = new long[MAX_DIAL_TIMES];
    private final ZoneId[][] zones;
    private final IntArrayQueue ready;
    private int waitingCount;
    private int windowCount;
    private int leadsDone;

    /**
     * @param leads    the lead list.
     * @param gate     the compliance gate.
     * @param timers   the controller's timers, for leads waiting for a time.
     * @param campaign the campaign's index, carried by its leads' timers.
     * @param journal  where lead closings and recovered dispositions are recorded.
     */
    LeadSchedule(
        final LeadList leads, final DialGate gate, final EngineTimers timers, final int campaign,
        final CampaignLog journal)
    {
        this.campaign = campaign;
        this.leads = leads;
        this.gate = gate;
        this.retries = gate.retries();
        this.timers = timers;
        this.journal = journal;
        final int count = leads.size();
        attempts = new int[count];
        notBefore = new long[count];
        waiting = new boolean[count];
        window = new boolean[count];
        closed = new boolean[count];
        dialTimes = new long[count * MAX_DIAL_TIMES];
        dialTimeCounts = new int[count];
        zones = new ZoneId[count][];
        final Map<String, ZoneId[]> zoneCache = new HashMap<>();
        for (int lead = 0; lead < count; lead++)
        {
            final String[] ids = leads.timeZones(lead);
            zones[lead] = null == ids || 0 == ids.length ? null :
                zoneCache.computeIfAbsent(String.join(",", ids), k -> WindowPolicy.toZones(ids));
        }
        ready = new IntArrayQueue(Math.max(16, count), IntArrayQueue.DEFAULT_NULL_VALUE);
    }

    /**
     * The leads' state at start: every lead ready for a new campaign, else as the journal left it. Calls that were
     * live when the dialer stopped get their disposition now (FAILED, "dialer restarted during the call").
     *
     * @param state the journal's state, or null for a new campaign.
     * @param nowMs the time.
     * @return the opted-out numbers the journal holds (empty for a new campaign).
     */
    Iterable<String> restore(final RecoveryState state, final long nowMs)
    {
        final int count = leads.size();
        if (null == state)
        {
            for (int lead = 0; lead < count; lead++)
            {
                ready.offerInt(lead);
            }
            return java.util.List.of();
        }
        for (final int lead : state.inFlight())
        {
            final long callId = state.inFlightCallId(lead);
            final int attempt = state.inFlightAttempt(lead);
            final long next = retries.nextAttemptMs(Disposition.FAILED, nowMs, 0, state.attempts(lead));
            journal.disposition(nowMs, lead, callId, attempt, Disposition.FAILED, next,
                "dialer restarted during the call");
            state.disposition(nowMs, lead, callId, attempt, Disposition.FAILED, next, "");
        }
        final long[] times = new long[RecoveryState.MAX_ATTEMPT_TIMES];
        for (int lead = 0; lead < count; lead++)
        {
            attempts[lead] = state.attempts(lead);
            final int known = state.attemptTimes(lead, times);
            final int kept = Math.min(MAX_DIAL_TIMES, known);
            System.arraycopy(times, known - kept, dialTimes, lead * MAX_DIAL_TIMES, kept);
            dialTimeCounts[lead] = kept;
            if (state.closed(lead))
            {
                closed[lead] = true;
                leadsDone++;
            }
            else if (state.nextAttemptMs(lead) > nowMs)
            {
                wait(lead, state.nextAttemptMs(lead), false, nowMs);
            }
            else
            {
                notBefore[lead] = state.nextAttemptMs(lead);
                ready.offerInt(lead);
            }
        }
        return state.optOuts();
    }

    /**
     * The next lead the gate allows to dial now, taken from the ready queue; leads met on the way that must wait
     * go on the timer wheel, leads that can never be dialed are closed. The decision stays in {@link #why()} until
     * the next call.
     *
     * @param nowMs the time.
     * @return the lead, or -1 when the ready queue ran out.
     */
    int nextDialable(final long nowMs)
    {
        while (!ready.isEmpty())
        {
            final int lead = ready.pollInt();
            if (closed[lead])
            {
                continue;
            }
            final int count = dialTimeCounts[lead];
            System.arraycopy(dialTimes, lead * MAX_DIAL_TIMES, sliceTimes, 0, count);
            gate.decide(leads.number(lead), zones[lead], leads.state(lead), attempts[lead], sliceTimes, count,
                notBefore[lead], nowMs, decision);
            switch (decision.verdict())
            {
                case ALLOWED:
                    why.setLength(0);
                    decision.describe(why);
                    return lead;

                case DEFERRED:
                    wait(lead, decision.untilMs(), DialDecision.Reason.OUTSIDE_WINDOW == decision.reason() ||
                        DialDecision.Reason.HOLIDAY == decision.reason(), nowMs);
                    break;

                default:
                    close(lead, nowMs);
                    break;
            }
        }
        return -1;
    }

    /**
     * @return why the lead returned by {@link #nextDialable} may be dialed: window, do-not-call check, attempts.
     */
    CharSequence why()
    {
        return why;
    }

    /**
     * The lead is being dialed.
     *
     * @param lead  the lead.
     * @param nowMs the time.
     * @return its attempt number, from 1.
     */
    int dialed(final int lead, final long nowMs)
    {
        final int base = lead * MAX_DIAL_TIMES;
        int count = dialTimeCounts[lead];
        if (count == MAX_DIAL_TIMES)
        {
            System.arraycopy(dialTimes, base + 1, dialTimes, base, MAX_DIAL_TIMES - 1);
            count--;
        }
        dialTimes[base + count] = nowMs;
        dialTimeCounts[lead] = count + 1;
        return ++attempts[lead];
    }

    /**
     * The lead's call failed because of the trunk: the attempt and its dial time do not count.
     *
     * @param lead the lead.
     */
    void refund(final int lead)
    {
        if (attempts[lead] > 0)
        {
            attempts[lead]--;
        }
        if (dialTimeCounts[lead] > 0)
        {
            dialTimeCounts[lead]--;
        }
    }

    /**
     * A call of the lead ended: its next attempt from the retry rules, on the timer wheel, or the lead is closed.
     *
     * @param lead         the lead.
     * @param disposition  the call's disposition.
     * @param callbackAtMs a callback time asked for, or 0.
     * @param nowMs        the time.
     * @return the next attempt time, or {@link RetryPolicy#NEVER}.
     */
    long callEnded(final int lead, final Disposition disposition, final long callbackAtMs, final long nowMs)
    {
        final long next = retries.nextAttemptMs(disposition, nowMs, callbackAtMs, attempts[lead]);
        if (RetryPolicy.NEVER == next)
        {
            closed[lead] = true;
            leadsDone++;
        }
        else
        {
            wait(lead, next, false, nowMs);
        }
        return next;
    }

    /**
     * A trunk failure's lead goes back to the ready queue at once (its attempt was refunded).
     *
     * @param lead  the lead.
     * @param nowMs the time.
     */
    void retryNow(final int lead, final long nowMs)
    {
        notBefore[lead] = nowMs;
        ready.offerInt(lead);
    }

    /**
     * A lead's time came: it is ready.
     *
     * @param lead the lead.
     */
    void onTimer(final int lead)
    {
        if (!waiting[lead])
        {
            return;
        }
        waiting[lead] = false;
        waitingCount--;
        if (window[lead])
        {
            window[lead] = false;
            windowCount--;
        }
        if (!closed[lead])
        {
            ready.offerInt(lead);
        }
    }

    /**
     * @return leads in the ready queue.
     */
    int readyCount()
    {
        return ready.size();
    }

    /**
     * @return leads waiting for a time (retry, callback, window, cap).
     */
    int waitingCount()
    {
        return waitingCount;
    }

    /**
     * @return leads waiting for their calling window to open.
     */
    int heldByWindow()
    {
        return windowCount;
    }

    /**
     * @return leads closed for good (final disposition, attempts used, do-not-call...).
     */
    int leadsDone()
    {
        return leadsDone;
    }

    /**
     * @return leads that may still be dialed.
     */
    int openLeads()
    {
        return leads.size() - leadsDone;
    }

    /**
     * When the next waiting lead becomes dialable (O(leads): for the live state and idle skipping, not per dial).
     *
     * @return epoch ms, or {@link Long#MAX_VALUE} when no lead waits.
     */
    long nextDueMs()
    {
        if (0 == waitingCount)
        {
            return Long.MAX_VALUE;
        }
        long earliest = Long.MAX_VALUE;
        for (int lead = 0; lead < notBefore.length; lead++)
        {
            if (waiting[lead] && !closed[lead] && notBefore[lead] < earliest)
            {
                earliest = notBefore[lead];
            }
        }
        return earliest;
    }

    /**
     * The callee's zone for a callback: the number's first candidate zone, else the campaign's fallback zone.
     *
     * @param lead the lead.
     * @return the zone.
     */
    ZoneId zoneOf(final int lead)
    {
        final ZoneId[] candidates = zones[lead];
        if (null != candidates && candidates.length > 0)
        {
            return candidates[0];
        }
        final ZoneId fallback = gate.windows().fallbackZone();
        return null == fallback ? ZoneOffset.UTC : fallback;
    }

    /**
     * @param lead the lead.
     * @return its attempts so far.
     */
    int attempts(final int lead)
    {
        return attempts[lead];
    }

    private void wait(final int lead, final long atMs, final boolean byWindow, final long nowMs)
    {
        notBefore[lead] = atMs;
        if (!waiting[lead])
        {
            waiting[lead] = true;
            waitingCount++;
        }
        if (byWindow && !window[lead])
        {
            window[lead] = true;
            windowCount++;
        }
        timers.scheduleLead(campaign, lead, atMs, nowMs);
    }

    private void close(final int lead, final long nowMs)
    {
        closed[lead] = true;
        leadsDone++;
        why.setLength(0);
        decision.describe(why);
        journal.leadClosed(nowMs, lead, decision.reason().name(), why);
    }
}
