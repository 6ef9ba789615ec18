/*
 * Dialer core: journal.
 */
package io.dialer.core.journal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dialer.core.compliance.AbandonmentLedger;
import io.dialer.core.compliance.AbandonmentRule;
import io.dialer.core.compliance.CallProof;
import io.dialer.core.compliance.Disposition;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.transfer.TransferOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lead state a restart needs, rebuilt by replaying the journal into it ({@link Journal#replay}).
 * <p>
 * Per lead (by index): the attempts made (one per {@link #dialed} record), the start times of the most recent
 * {@link #MAX_ATTEMPT_TIMES} dials in ascending order (for the gate's daily and rolling caps), the last disposition,
 * the next attempt time from that disposition, whether the lead is closed, and the call in flight. A lead is closed by
 * {@link #leadClosed} or by a disposition whose next attempt is {@code Long.MAX_VALUE}; it stays closed. A call is in
 * flight from its {@link #dialed} record until the disposition for the same lead and call id: a call still in flight
 * when a new run starts (the dialer was killed during it) stays in flight across the new
 * {@link #campaignStarted}, until the restarted controller writes its disposition (same lead and call id).
 * <p>
 * Campaign-wide: the runs seen, whether the last run finished, the lead count of the last run, the opt-outs in order
 * (each number once), the largest call id seen and the latest record time. Records for a lead beyond the announced
 * count grow the arrays; records with a negative lead are ignored with a warning.
 * <p>
 * Single threaded. Opt-outs and names are copied as strings; everything else is kept in primitive arrays.
 */
public final class RecoveryState implements CampaignLog
{
    /** How many of the most recent dial times are kept per lead. */
    public static final int MAX_ATTEMPT_TIMES = 16;

    /** {@link #inFlightCallId} of a lead with no call in flight. */
    public static final long NO_CALL = -1;

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryState.class);
    private static final byte NO_DISPOSITION = -1;
    private static final int[] NO_LEADS = new int[0];

    private final List<String> optOuts = new ArrayList<>();
    private final Set<String> optOutSet = new HashSet<>();
    private final List<String> optOutsView = Collections.unmodifiableList(optOuts);
    private final Map<String, String> closerPresence = new LinkedHashMap<>();
    private final AbandonmentLedger ledger = new AbandonmentLedger(AbandonmentRule.TARGET_RATE_DEFAULT);
    private int runs;
    private boolean finished;
    private boolean paused;
    private int leads;
    private String campaign = "";
    private String leadsFile = "";
    private long lastCallId;
    private long lastTimeMs;
    private int capacity;
    private int[] attempts = new int[0];
    private long[][] attemptTimes = new long[0][];
    private byte[] attemptTimeCounts = new byte[0];
    private byte[] lastDisposition = new byte[0];
    private long[] nextAttemptMs = new long[0];
    private boolean[] closed = new boolean[0];
    private long[] inFlightCallId = new long[0];
    private int[] inFlightAttempt = new int[0];
    private int[] inFlightRun = new int[0];

    /**
     * The number of runs seen: the run number of the last {@link #campaignStarted}, 0 when none.
     *
     * @return the last run.
     */
    public int runs()
    {
        return runs;
    }

    /**
     * Whether the last run wrote {@link #campaignFinished}.
     *
     * @return true when the last run finished.
     */
    public boolean finished()
    {
        return finished;
    }

    /**
     * The lead count announced by the last run.
     *
     * @return the number of leads.
     */
    public int leads()
    {
        return leads;
    }

    /**
     * The campaign name announced by the last run.
     *
     * @return the name, empty when no run started.
     */
    public String campaign()
    {
        return campaign;
    }

    /**
     * The lead list file announced by the last run.
     *
     * @return the file, empty when no run started.
     */
    public String leadsFile()
    {
        return leadsFile;
    }

    /**
     * The largest call id seen in any record, so a new run can continue the numbering above it.
     *
     * @return the largest call id, 0 when none.
     */
    public long lastCallId()
    {
        return lastCallId;
    }

    /**
     * The latest time of any record, so a restarted clock that skips idle time can resume where the campaign was.
     *
     * @return epoch ms, 0 when there were no records.
     */
    public long lastTimeMs()
    {
        return lastTimeMs;
    }

    /**
     * The dials made to a lead.
     *
     * @param lead the lead index.
     * @return the number of dials, 0 for an unknown lead.
     */
    public int attempts(final int lead)
    {
        return known(lead) ? attempts[lead] : 0;
    }

    /**
     * Copies the start times of the lead's most recent dials, ascending, as {@code DialGate.decide} takes them.
     * When {@code into} is shorter than the times kept, the most recent ones are copied.
     *
     * @param lead the lead index.
     * @param into the array to fill from index 0.
     * @return the number of times copied.
     */
    public int attemptTimes(final int lead, final long[] into)
    {
        if (!known(lead) || null == attemptTimes[lead])
        {
            return 0;
        }

        final int count = attemptTimeCounts[lead];
        final int n = Math.min(count, into.length);
        System.arraycopy(attemptTimes[lead], count - n, into, 0, n);

        return n;
    }

    /**
     * The lead's last disposition.
     *
     * @param lead the lead index.
     * @return the disposition, null when the lead had none.
     */
    public Disposition lastDisposition(final int lead)
    {
        return known(lead) && lastDisposition[lead] != NO_DISPOSITION ? Disposition.get(lastDisposition[lead]) : null;
    }

    /**
     * When the lead may be dialed again: from its last disposition; {@code Long.MAX_VALUE} for a closed lead; 0
     * when it had no disposition.
     *
     * @param lead the lead index.
     * @return epoch ms.
     */
    public long nextAttemptMs(final int lead)
    {
        if (!known(lead))
        {
            return 0;
        }

        return closed[lead] ? Long.MAX_VALUE : nextAttemptMs[lead];
    }

    /**
     * Whether the lead will never be dialed again.
     *
     * @param lead the lead index.
     * @return true when closed.
     */
    public boolean closed(final int lead)
    {
        return known(lead) && closed[lead];
    }

    /**
     * The leads dialed with no disposition since: calls that were live when the dialer stopped.
     *
     * @return the lead indices, ascending.
     */
    public int[] inFlight()
    {
        int n = 0;
        for (int i = 0; i < capacity; i++)
        {
            n += inFlightCallId[i] != NO_CALL ? 1 : 0;
        }
        if (0 == n)
        {
            return NO_LEADS;
        }

        final int[] result = new int[n];
        for (int i = 0, j = 0; i < capacity; i++)
        {
            if (inFlightCallId[i] != NO_CALL)
            {
                result[j++] = i;
            }
        }

        return result;
    }

    /**
     * The call id of the lead's call in flight, for the disposition the restarted controller writes.
     *
     * @param lead the lead index.
     * @return the call id, or {@link #NO_CALL}.
     */
    public long inFlightCallId(final int lead)
    {
        return known(lead) ? inFlightCallId[lead] : NO_CALL;
    }

    /**
     * The attempt number of the lead's call in flight, as its {@link #dialed} record gave it.
     *
     * @param lead the lead index.
     * @return the attempt, 0 when no call is in flight.
     */
    public int inFlightAttempt(final int lead)
    {
        return known(lead) && inFlightCallId[lead] != NO_CALL ? inFlightAttempt[lead] : 0;
    }

    /**
     * The run in which the lead's call in flight was dialed.
     *
     * @param lead the lead index.
     * @return the run, 0 when no call is in flight.
     */
    public int inFlightRun(final int lead)
    {
        return known(lead) && inFlightCallId[lead] != NO_CALL ? inFlightRun[lead] : 0;
    }

    /**
     * The numbers that opted out, in the order they did, each once.
     *
     * @return an unmodifiable view.
     */
    public List<String> optOuts()
    {
        return optOutsView;
    }

    /**
     * {@inheritDoc}
     */
    public void campaignStarted(
        final long timeMs,
        final int run,
        final CharSequence campaign,
        final CharSequence leadsFile,
        final int leads,
        final int closers)
    {
        seeTime(timeMs);
        runs = Math.max(runs, run);
        finished = false;
        ledger.start(timeMs);
        this.campaign = campaign.toString();
        this.leadsFile = leadsFile.toString();
        this.leads = Math.max(0, leads);
        ensureCapacity(this.leads);
    }

    /**
     * {@inheritDoc}
     */
    public void callProof(
        final long timeMs, final int lead, final long callId, final long answeredMs, final long greetingEndMs,
        final long firstAudioMs, final long closerConnectMs, final int flags, final CharSequence ruleBasis,
        final double targetRate)
    {
        seeTime(timeMs);
        CallProof.feed(ledger, answeredMs, flags);
        ledger.at(timeMs);
    }

    /**
     * The campaign's abandonment ledger rebuilt from the journal's call proofs, from the first run's start.
     *
     * @param targetRate the campaign's target rate.
     * @return the ledger, to go on counting into.
     */
    public AbandonmentLedger abandonmentLedger(final double targetRate)
    {
        return ledger.targetRate(targetRate);
    }

    /**
     * {@inheritDoc}
     */
    public void dialed(
        final long timeMs,
        final int lead,
        final long callId,
        final int attempt,
        final CharSequence e164,
        final CharSequence why)
    {
        see(timeMs, callId);
        if (!accept(lead, "dialed"))
        {
            return;
        }

        attempts[lead]++;
        addAttemptTime(lead, timeMs);
        inFlightCallId[lead] = callId;
        inFlightAttempt[lead] = attempt;
        inFlightRun[lead] = runs;
    }

    /**
     * {@inheritDoc}
     */
    public void leadClosed(final long timeMs, final int lead, final CharSequence reason, final CharSequence detail)
    {
        seeTime(timeMs);
        if (accept(lead, "leadClosed"))
        {
            closed[lead] = true;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void answered(final long timeMs, final int lead, final long callId)
    {
        see(timeMs, callId);
    }

    /**
     * {@inheritDoc}
     */
    public void verdict(
        final long timeMs,
        final int lead,
        final long callId,
        final Verdict verdict,
        final Cause cause,
        final int positionMs)
    {
        see(timeMs, callId);
    }

    /**
     * {@inheritDoc}
     */
    public void answer(
        final long timeMs, final int lead, final long callId, final CharSequence question, final CharSequence value)
    {
        see(timeMs, callId);
    }

    /**
     * {@inheritDoc}
     */
    public void qualified(
        final long timeMs, final int lead, final long callId, final CharSequence skill, final CharSequence summary)
    {
        see(timeMs, callId);
    }

    /**
     * {@inheritDoc}
     */
    public void closerAttempt(
        final long timeMs, final int lead, final long callId, final CharSequence closerId, final CloserResult result)
    {
        see(timeMs, callId);
    }

    /**
     * {@inheritDoc}
     */
    public void transferEnded(
        final long timeMs,
        final int lead,
        final long callId,
        final TransferOutcome outcome,
        final CharSequence closerId)
    {
        see(timeMs, callId);
    }

    /**
     * {@inheritDoc}
     */
    public void disposition(
        final long timeMs,
        final int lead,
        final long callId,
        final int attempt,
        final Disposition disposition,
        final long nextAttemptMs,
        final CharSequence detail)
    {
        see(timeMs, callId);
        if (!accept(lead, "disposition"))
        {
            return;
        }

        lastDisposition[lead] = (byte)disposition.ordinal();
        this.nextAttemptMs[lead] = nextAttemptMs;
        if (Long.MAX_VALUE == nextAttemptMs)
        {
            closed[lead] = true;
        }
        if (inFlightCallId[lead] == callId)
        {
            inFlightCallId[lead] = NO_CALL;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void optedOut(final long timeMs, final int lead, final CharSequence e164)
    {
        seeTime(timeMs);
        final String number = e164.toString();
        if (optOutSet.add(number))
        {
            optOuts.add(number);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void latency(final long timeMs, final Step step, final long nanos)
    {
        seeTime(timeMs);
    }

    /**
     * {@inheritDoc}
     */
    public void campaignFinished(final long timeMs, final int run)
    {
        seeTime(timeMs);
        if (run == runs)
        {
            finished = true;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void attemptRefunded(final long timeMs, final int lead, final long callId, final CharSequence reason)
    {
        see(timeMs, callId);
        if (!accept(lead, "attemptRefunded") || attempts[lead] <= 0)
        {
            return;
        }
        attempts[lead]--;
        removeLastAttemptTime(lead);
    }

    /**
     * {@inheritDoc}
     */
    public void control(
        final long timeMs, final ControlAction action, final CharSequence subject, final CharSequence detail,
        final boolean applied)
    {
        seeTime(timeMs);
        if (!applied)
        {
            return;
        }
        switch (action)
        {
            case CAMPAIGN_PAUSE -> paused = true;
            case CAMPAIGN_RESUME -> paused = false;
            case CLOSER_LOGIN, CLOSER_RESUME, CLOSER_WRAP_UP_DONE -> closerPresence.put(subject.toString(), "");
            case CLOSER_PAUSE -> closerPresence.put(subject.toString(), detail.toString());
            case CLOSER_LOGOUT, CLOSER_REMOVED -> closerPresence.remove(subject.toString());
            case DO_NOT_CALL_REMOVED ->
            {
                final String number = subject.toString();
                if (optOutSet.remove(number))
                {
                    optOuts.remove(number);
                }
            }
            case DO_NOT_CALL_ADDED ->
            {
                final String number = subject.toString();
                if (optOutSet.add(number))
                {
                    optOuts.add(number);
                }
            }
            default ->
            {
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public void campaignStopped(
        final long timeMs, final int run, final CharSequence reason, final int openLeads, final int heldByWindow,
        final long nextDialableMs)
    {
        seeTime(timeMs);
        if (run == runs)
        {
            finished = false;
        }
    }

    /**
     * Whether dialing was paused by a user when the journal ends (a restart keeps it paused).
     *
     * @return true when paused.
     */
    public boolean paused()
    {
        return paused;
    }

    /**
     * The closers logged in when the journal ends, by id: the pause reason, empty when available.
     *
     * @return an unmodifiable view, in login order.
     */
    public Map<String, String> closerPresence()
    {
        return Collections.unmodifiableMap(closerPresence);
    }

    /**
     * A refunded call was the lead's latest dial (a lead has one call at a time): its time no longer counts for the
     * daily and rolling caps.
     */
    private void removeLastAttemptTime(final int lead)
    {
        if (null != attemptTimes[lead] && attemptTimeCounts[lead] > 0)
        {
            attemptTimeCounts[lead]--;
        }
    }

    private boolean known(final int lead)
    {
        return lead >= 0 && lead < capacity;
    }

    private boolean accept(final int lead, final String record)
    {
        if (lead < 0)
        {
            LOG.warn("journal: ignoring a {} record for lead {}", record, lead);
            return false;
        }
        ensureCapacity(lead + 1);

        return true;
    }

    private void see(final long timeMs, final long callId)
    {
        seeTime(timeMs);
        lastCallId = Math.max(lastCallId, callId);
    }

    private void seeTime(final long timeMs)
    {
        lastTimeMs = Math.max(lastTimeMs, timeMs);
    }

    private void addAttemptTime(final int lead, final long timeMs)
    {
        long[] times = attemptTimes[lead];
        if (null == times)
        {
            times = new long[MAX_ATTEMPT_TIMES];
            attemptTimes[lead] = times;
        }

        int count = attemptTimeCounts[lead];
        if (count == MAX_ATTEMPT_TIMES)
        {
            if (timeMs < times[0])
            {
                return;
            }
            System.arraycopy(times, 1, times, 0, count - 1);
            count--;
        }

        int i = count;
        while (i > 0 && times[i - 1] > timeMs)
        {
            times[i] = times[i - 1];
            i--;
        }
        times[i] = timeMs;
        attemptTimeCounts[lead] = (byte)(count + 1);
    }

    private void ensureCapacity(final int required)
    {
        if (required <= capacity)
        {
            return;
        }

        final int newCapacity = Math.max(required, capacity > (Integer.MAX_VALUE >> 1) ? required : capacity * 2);
        attempts = Arrays.copyOf(attempts, newCapacity);
        attemptTimes = Arrays.copyOf(attemptTimes, newCapacity);
        attemptTimeCounts = Arrays.copyOf(attemptTimeCounts, newCapacity);
        lastDisposition = Arrays.copyOf(lastDisposition, newCapacity);
        Arrays.fill(lastDisposition, capacity, newCapacity, NO_DISPOSITION);
        nextAttemptMs = Arrays.copyOf(nextAttemptMs, newCapacity);
        closed = Arrays.copyOf(closed, newCapacity);
        inFlightCallId = Arrays.copyOf(inFlightCallId, newCapacity);
        Arrays.fill(inFlightCallId, capacity, newCapacity, NO_CALL);
        inFlightAttempt = Arrays.copyOf(inFlightAttempt, newCapacity);
        inFlightRun = Arrays.copyOf(inFlightRun, newCapacity);
        capacity = newCapacity;
    }
}
