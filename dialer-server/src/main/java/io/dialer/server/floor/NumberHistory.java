/*
 * Dialer server.
 */
package io.dialer.server.floor;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.core.compliance.CallProof;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.CloserResult;
import io.dialer.core.journal.Journal;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.server.Json;
import io.dialer.transfer.TransferOutcome;

/**
 * One lead's story in a campaign's journal, for the per-number lookup: every attempt with why it was dialable then
 * (the gate's reasons as journaled at the dial, with the do-not-call list's size and date), what happened on the
 * call, its disposition and next attempt, its proof record for the abandonment rule, and whether and why the lead was
 * closed. One pass over the journal.
 */
final class NumberHistory implements CampaignLog
{
    private final int lead;
    private final ArrayNode attempts = Json.array();
    private final ArrayNode closings = Json.array();
    private ObjectNode attempt;

    private NumberHistory(final int lead)
    {
        this.lead = lead;
    }

    /**
     * @param journal the campaign's journal directory.
     * @param lead    the lead.
     * @return {@code attempts} and {@code closed}.
     */
    static ObjectNode of(final Path journal, final int lead)
    {
        final NumberHistory history = new NumberHistory(lead);
        Journal.replay(journal, history);
        final ObjectNode json = Json.object();
        json.set("attempts", history.attempts);
        json.set("closed", history.closings);
        return json;
    }

    @Override
    public void dialed(
        final long timeMs, final int lead, final long callId, final int attemptNumber, final CharSequence e164,
        final CharSequence why, final long dncSize, final long dncDateMs)
    {
        if (lead == this.lead)
        {
            attempt = attempts.addObject();
            attempt.put("at", Json.time(timeMs));
            attempt.put("callId", Long.toString(callId));
            attempt.put("attempt", attemptNumber);
            attempt.put("whyDialable", why.toString());
            if (dncSize >= 0)
            {
                final ObjectNode dnc = attempt.putObject("doNotCall").put("size", dncSize);
                if (0 != dncDateMs)
                {
                    dnc.put("filesDate", Json.time(dncDateMs));
                }
            }
        }
    }

    @Override
    public void callProof(
        final long timeMs, final int lead, final long callId, final long answeredMs, final long greetingEndMs,
        final long firstAudioMs, final long closerConnectMs, final int flags, final CharSequence ruleBasis,
        final double targetRate)
    {
        if (isMine(lead, callId))
        {
            final ObjectNode proof = attempt.putObject("proof");
            proof.put("answeredAt", Json.time(answeredMs));
            proof.put("greetingEndAt", 0 == greetingEndMs ? null : Json.time(greetingEndMs));
            proof.put("firstAudioAt", 0 == firstAudioMs ? null : Json.time(firstAudioMs));
            proof.put("closerConnectedAt", 0 == closerConnectMs ? null : Json.time(closerConnectMs));
            proof.put("person", 0 != (flags & CallProof.PERSON));
            proof.put("abandoned", 0 != (flags & CallProof.ABANDONED));
            proof.put("safeHarborPlayed", 0 != (flags & CallProof.SAFE_HARBOR));
            proof.put("droppedOnHold", 0 != (flags & CallProof.HOLD_DROP));
            proof.put("falseMachine", 0 != (flags & CallProof.FALSE_MACHINE));
            proof.put("ruleBasis", ruleBasis.toString());
        }
    }

    @Override
    public void answered(final long timeMs, final int lead, final long callId)
    {
        mine(lead, callId, "answeredAt", Json.time(timeMs));
    }

    @Override
    public void verdict(
        final long timeMs, final int lead, final long callId, final Verdict verdict, final Cause cause,
        final int positionMs)
    {
        mine(lead, callId, "verdict", verdict + " (" + cause + ")");
    }

    @Override
    public void answer(
        final long timeMs, final int lead, final long callId, final CharSequence question, final CharSequence value)
    {
        if (isMine(lead, callId))
        {
            final ObjectNode answers = attempt.has("answers") ? (ObjectNode)attempt.get("answers") :
                attempt.putObject("answers");
            answers.put(question.toString(), value.toString());
        }
    }

    @Override
    public void qualified(
        final long timeMs, final int lead, final long callId, final CharSequence skill, final CharSequence summary)
    {
        mine(lead, callId, "qualified", skill + ": " + summary);
    }

    @Override
    public void closerAttempt(
        final long timeMs, final int lead, final long callId, final CharSequence closerId, final CloserResult result)
    {
        if (isMine(lead, callId))
        {
            final ArrayNode closers = attempt.has("closers") ? (ArrayNode)attempt.get("closers") :
                attempt.putArray("closers");
            closers.addObject().put("closer", closerId.toString()).put("result", result.name());
        }
    }

    @Override
    public void transferEnded(
        final long timeMs, final int lead, final long callId, final TransferOutcome outcome, final CharSequence closer)
    {
        mine(lead, callId, "transfer", outcome + (closer.length() > 0 ? " " + closer : ""));
    }

    @Override
    public void disposition(
        final long timeMs, final int lead, final long callId, final int attemptNumber, final Disposition disposition,
        final long nextAttemptMs, final CharSequence detail)
    {
        if (isMine(lead, callId))
        {
            attempt.put("disposition", disposition.name());
            attempt.put("detail", detail.toString());
            attempt.put("endedAt", Json.time(timeMs));
            if (nextAttemptMs > 0 && Long.MAX_VALUE != nextAttemptMs)
            {
                attempt.put("nextAttemptAt", Json.time(nextAttemptMs));
            }
        }
    }

    @Override
    public void attemptRefunded(final long timeMs, final int lead, final long callId, final CharSequence reason)
    {
        mine(lead, callId, "refunded", reason.toString());
    }

    @Override
    public void leadClosed(final long timeMs, final int lead, final CharSequence reason, final CharSequence detail)
    {
        if (lead == this.lead)
        {
            closings.addObject().put("at", Json.time(timeMs)).put("reason", reason.toString())
                .put("detail", detail.toString());
        }
    }

    private boolean isMine(final int lead, final long callId)
    {
        return lead == this.lead && null != attempt && attempt.path("callId").asText().equals(Long.toString(callId));
    }

    private void mine(final int lead, final long callId, final String field, final String value)
    {
        if (isMine(lead, callId))
        {
            attempt.put(field, value);
        }
    }
}
