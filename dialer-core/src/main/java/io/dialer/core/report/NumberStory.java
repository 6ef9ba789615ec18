/*
 * Dialer core reports.
 */
package io.dialer.core.report;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.dialer.core.compliance.CallProof;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.CloserResult;
import io.dialer.core.journal.Journal;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.sip.ReleaseOutcome;
import io.dialer.transfer.TransferOutcome;

/**
 * Every attempt of one number in a campaign's journal, with why it was dialable then (the dial gate's reasons as
 * journaled at the dial: the calling window in the callee's zone, the state's rule, the do-not-call check with the
 * list's size and date, the attempt counts), what happened on the call and its proof record for the abandonment rule;
 * and the lead's closing, if any. Built from the journal alone ({@code dialer why}); the lead list named by the
 * journal, when it can be read, finds leads of the number that were never dialed (closed before a dial).
 */
public final class NumberStory implements CampaignLog
{
    /**
     * One attempt of the number.
     */
    public static final class Attempt
    {
        int lead;
        long callId;
        int attempt;
        long dialedMs;
        String why = "";
        long dncSize = -1;
        long dncDateMs;
        long answeredMs;
        String verdict = "";
        final List<String> answers = new ArrayList<>();
        String qualified = "";
        final List<String> closers = new ArrayList<>();
        String transfer = "";
        String disposition = "";
        String detail = "";
        long endedMs;
        long nextAttemptMs;
        String refunded = "";
        boolean proof;
        long greetingEndMs;
        long firstAudioMs;
        long closerConnectMs;
        int proofFlags;
        String ruleBasis = "";
        long proofAnsweredMs;

        /**
         * @return the lead's index in the list.
         */
        public int lead()
        {
            return lead;
        }

        /**
         * @return the call id.
         */
        public long callId()
        {
            return callId;
        }

        /**
         * @return the disposition's name, empty while none was journaled.
         */
        public String disposition()
        {
            return disposition;
        }

        /**
         * @return true when the call's proof record was journaled (answered calls).
         */
        public boolean hasProof()
        {
            return proof;
        }

        /**
         * @return the proof's flags ({@link CallProof}).
         */
        public int proofFlags()
        {
            return proofFlags;
        }

        /**
         * @return why the dial was allowed, as journaled.
         */
        public String why()
        {
            return why;
        }
    }

    private final String e164;
    private final List<Integer> leads = new ArrayList<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<String> closings = new ArrayList<>();
    private String campaign = "";
    private String leadsFile = "";
    private boolean collecting;

    private NumberStory(final String e164)
    {
        this.e164 = e164;
    }

    /**
     * Reads a campaign's journal for one number.
     *
     * @param journal the journal directory.
     * @param e164    the number, E.164.
     * @param region  the region the lead list's numbers are read in (to find leads never dialed).
     * @return the story.
     */
    public static NumberStory of(final Path journal, final String e164, final String region)
    {
        final NumberStory story = new NumberStory(e164);
        Journal.replay(journal, story); // first pass: the campaign, its lead list, the leads dialed at this number
        story.addLeadsFromList(journal, region);
        story.collecting = true;
        Journal.replay(journal, story);
        return story;
    }

    /**
     * @return the number.
     */
    public String number()
    {
        return e164;
    }

    /**
     * @return the campaign's name, as journaled.
     */
    public String campaign()
    {
        return campaign;
    }

    /**
     * @return the attempts, in order.
     */
    public List<Attempt> attempts()
    {
        return attempts;
    }

    /**
     * @return the lead's closings, one line each.
     */
    public List<String> closings()
    {
        return closings;
    }

    /**
     * Prints the story for a person: one block per attempt.
     *
     * @param out where.
     */
    public void print(final PrintWriter out)
    {
        out.println(e164 + " in campaign " + campaign + ": " + attempts.size() + " attempt" +
            (1 == attempts.size() ? "" : "s") + (leads.isEmpty() ? ", not in the campaign's lead list" :
            ", lead " + leads));
        for (final Attempt a : attempts)
        {
            out.println();
            out.println("attempt " + a.attempt + " (lead " + a.lead + ", call " + a.callId + "), dialed " +
                time(a.dialedMs));
            out.println("  why dialable: " + a.why);
            out.println("  do-not-call check: " + dnc(a));
            if (0 != a.answeredMs)
            {
                out.println("  answered " + time(a.answeredMs) + (a.verdict.isEmpty() ? "" : ", verdict " +
                    a.verdict));
            }
            if (!a.answers.isEmpty())
            {
                out.println("  answers: " + String.join(", ", a.answers));
            }
            if (!a.qualified.isEmpty())
            {
                out.println("  qualified: " + a.qualified);
            }
            for (final String closer : a.closers)
            {
                out.println("  closer " + closer);
            }
            if (!a.transfer.isEmpty())
            {
                out.println("  transfer: " + a.transfer);
            }
            if (!a.disposition.isEmpty())
            {
                out.println("  ended " + time(a.endedMs) + ": " + a.disposition +
                    (a.detail.isEmpty() ? "" : " '" + a.detail + "'") + "; next attempt " + next(a.nextAttemptMs));
            }
            if (!a.refunded.isEmpty())
            {
                out.println("  attempt not counted: " + a.refunded);
            }
            out.println("  proof: " + (a.proof ? proof(a) : "none (not answered)"));
        }
        for (final String closing : closings)
        {
            out.println();
            out.println("closed: " + closing);
        }
        out.flush();
    }

    /**
     * @param a an attempt with a proof record.
     * @return the proof as one line.
     */
    public static String proof(final Attempt a)
    {
        final StringBuilder text = new StringBuilder(200);
        text.append("answered ").append(time(a.proofAnsweredMs));
        text.append(", greeting end ").append(0 == a.greetingEndMs ? "none" : time(a.greetingEndMs));
        text.append(", first audio ").append(0 == a.firstAudioMs ? "none" : time(a.firstAudioMs));
        if (0 != a.firstAudioMs && 0 != a.greetingEndMs)
        {
            text.append(" (").append(a.firstAudioMs - a.greetingEndMs).append(" ms after the greeting)");
        }
        text.append(", closer ").append(0 == a.closerConnectMs ? "none" : "connected " + time(a.closerConnectMs));
        text.append(", safe harbor ").append(0 != (a.proofFlags & CallProof.SAFE_HARBOR) ? "played" : "not played");
        text.append("; ").append(CallProof.describe(a.proofFlags));
        text.append("; rule ").append(a.ruleBasis);
        return text.toString();
    }

    @Override
    public void campaignStarted(
        final long timeMs, final int run, final CharSequence campaign, final CharSequence leadsFile, final int leads,
        final int closers)
    {
        this.campaign = campaign.toString();
        this.leadsFile = leadsFile.toString();
    }

    @Override
    public void dialed(
        final long timeMs, final int lead, final long callId, final int attempt, final CharSequence e164,
        final CharSequence why, final long dncSize, final long dncDateMs)
    {
        if (!this.e164.contentEquals(e164))
        {
            return;
        }
        if (!collecting)
        {
            if (!leads.contains(lead))
            {
                leads.add(lead);
            }
            return;
        }
        final Attempt a = new Attempt();
        a.lead = lead;
        a.callId = callId;
        a.attempt = attempt;
        a.dialedMs = timeMs;
        a.why = why.toString();
        a.dncSize = dncSize;
        a.dncDateMs = dncDateMs;
        attempts.add(a);
    }

    @Override
    public void leadClosed(final long timeMs, final int lead, final CharSequence reason, final CharSequence detail)
    {
        if (collecting && leads.contains(lead))
        {
            closings.add(time(timeMs) + " " + reason + " (lead " + lead + "): " + detail);
        }
    }

    @Override
    public void answered(final long timeMs, final int lead, final long callId)
    {
        final Attempt a = find(lead, callId);
        if (null != a)
        {
            a.answeredMs = timeMs;
        }
    }

    @Override
    public void verdict(
        final long timeMs, final int lead, final long callId, final Verdict verdict, final Cause cause,
        final int positionMs)
    {
        final Attempt a = find(lead, callId);
        if (null != a)
        {
            a.verdict = (a.verdict.isEmpty() ? "" : a.verdict + ", then ") + verdict + " (" + cause + ") at " +
                positionMs + " ms of audio";
        }
    }

    @Override
    public void answer(
        final long timeMs, final int lead, final long callId, final CharSequence question, final CharSequence value)
    {
        final Attempt a = find(lead, callId);
        if (null != a)
        {
            a.answers.add(question + "=" + value);
        }
    }

    @Override
    public void qualified(
        final long timeMs, final int lead, final long callId, final CharSequence skill, final CharSequence summary)
    {
        final Attempt a = find(lead, callId);
        if (null != a)
        {
            a.qualified = skill + ": " + summary;
        }
    }

    @Override
    public void closerAttempt(
        final long timeMs, final int lead, final long callId, final CharSequence closerId, final CloserResult result)
    {
        final Attempt a = find(lead, callId);
        if (null != a)
        {
            a.closers.add(closerId + " " + result);
        }
    }

    @Override
    public void transferEnded(
        final long timeMs, final int lead, final long callId, final TransferOutcome outcome,
        final CharSequence closerId)
    {
        final Attempt a = find(lead, callId);
        if (null != a)
        {
            a.transfer = outcome + (closerId.length() > 0 ? " " + closerId : "");
        }
    }

    @Override
    public void mediaRelease(
        final long timeMs, final int lead, final long callId, final ReleaseOutcome outcome, final int sipStatus)
    {
        final Attempt a = find(lead, callId);
        if (null != a)
        {
            a.transfer = a.transfer + "; media " + (outcome.released() ? "released (caller and closer talk directly)" :
                "anchored (" + outcome + (0 == sipStatus ? "" : " " + sipStatus) + ")");
        }
    }

    @Override
    public void disposition(
        final long timeMs, final int lead, final long callId, final int attempt, final Disposition disposition,
        final long nextAttemptMs, final CharSequence detail)
    {
        final Attempt a = find(lead, callId);
        if (null != a)
        {
            a.disposition = disposition.name();
            a.detail = detail.toString();
            a.endedMs = timeMs;
            a.nextAttemptMs = nextAttemptMs;
        }
    }

    @Override
    public void attemptRefunded(final long timeMs, final int lead, final long callId, final CharSequence reason)
    {
        final Attempt a = find(lead, callId);
        if (null != a)
        {
            a.refunded = reason.toString();
        }
    }

    @Override
    public void callProof(
        final long timeMs, final int lead, final long callId, final long answeredMs, final long greetingEndMs,
        final long firstAudioMs, final long closerConnectMs, final int flags, final CharSequence ruleBasis,
        final double targetRate)
    {
        final Attempt a = find(lead, callId);
        if (null != a)
        {
            a.proof = true;
            a.proofAnsweredMs = answeredMs;
            a.greetingEndMs = greetingEndMs;
            a.firstAudioMs = firstAudioMs;
            a.closerConnectMs = closerConnectMs;
            a.proofFlags = flags;
            a.ruleBasis = ruleBasis.toString();
        }
    }

    private Attempt find(final int lead, final long callId)
    {
        if (!collecting)
        {
            return null;
        }
        for (int i = attempts.size() - 1; i >= 0; i--)
        {
            final Attempt a = attempts.get(i);
            if (a.callId == callId && a.lead == lead)
            {
                return a;
            }
        }
        return null;
    }

    private void addLeadsFromList(final Path journal, final String region)
    {
        if (leadsFile.isEmpty())
        {
            return;
        }
        Path file = Path.of(leadsFile);
        if (!file.isAbsolute() && !Files.isReadable(file))
        {
            file = journal.toAbsolutePath().getParent() == null ? file :
                journal.toAbsolutePath().getParent().resolve(leadsFile);
        }
        if (!Files.isReadable(file))
        {
            return;
        }
        try
        {
            final LeadList list = new LeadListReader(region, 1).read(file);
            for (int lead = 0; lead < list.size(); lead++)
            {
                if (e164.equals(list.e164(lead)) && !leads.contains(lead))
                {
                    leads.add(lead);
                }
            }
        }
        catch (final RuntimeException ignore)
        {
            // the list changed or cannot be read: the leads dialed at the number are known from the journal
        }
    }

    private static String dnc(final Attempt a)
    {
        if (a.dncSize < 0)
        {
            return "as in the reasons above (the list's size and date were not journaled by this dialer version)";
        }
        return "checked against " + a.dncSize + " number" + (1 == a.dncSize ? "" : "s") +
            (0 == a.dncDateMs ? " (opt-outs only, no list file)" : ", list files dated " + time(a.dncDateMs));
    }

    private static String next(final long nextAttemptMs)
    {
        return Long.MAX_VALUE == nextAttemptMs ? "never" : 0 >= nextAttemptMs ? "none" : "not before " +
            time(nextAttemptMs);
    }

    private static String time(final long timeMs)
    {
        return Instant.ofEpochMilli(timeMs).toString();
    }
}
