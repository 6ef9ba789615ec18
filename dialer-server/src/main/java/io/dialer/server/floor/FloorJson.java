/*
 * Dialer server.
 */
package io.dialer.server.floor;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.engine.CampaignState;
import io.dialer.core.engine.ControlResult;
import io.dialer.core.engine.EngineStats;
import io.dialer.core.engine.LiveState;
import io.dialer.core.journal.CloserResult;
import io.dialer.detection.Verdict;
import io.dialer.server.Json;
import io.dialer.transfer.TransferOutcome;

/**
 * The floor's state as the API shows it: a campaign's live numbers, a closer, an action's result.
 */
final class FloorJson
{
    private FloorJson()
    {
    }

    /**
     * @param state a campaign's state.
     * @param stats its counters (verdicts, transfers, closer attempts), or null.
     * @return its live numbers.
     */
    static ObjectNode campaignLive(final CampaignState state, final EngineStats stats)
    {
        final ObjectNode json = Json.object();
        json.put("status", state.status().name().toLowerCase(Locale.ROOT));
        json.put("reason", state.reason());
        json.put("run", state.run());
        json.put("leads", state.leads());
        json.put("leadsDone", state.leadsDone());
        json.put("ready", state.ready());
        json.put("waiting", state.waiting());
        json.put("heldByWindow", state.heldByWindow());
        if (Long.MAX_VALUE == state.nextDueMs())
        {
            json.putNull("nextDueAt");
        }
        else
        {
            json.put("nextDueAt", Json.time(state.nextDueMs()));
        }
        json.put("dialed", state.dialed());
        json.put("live", state.live());
        counts(json.putObject("callsByPhase"), state.callsByPhase());
        json.put("callersWaiting", state.callersWaiting());
        json.put("qualified", state.qualified());
        json.put("bridged", state.bridged());
        final ObjectNode dispositions = json.putObject("dispositions");
        for (final Disposition d : Disposition.values())
        {
            dispositions.put(d.name(), state.dispositions().getOrDefault(d.name(), 0L));
        }
        final ObjectNode verdicts = json.putObject("verdicts");
        final ObjectNode transfers = json.putObject("transfers");
        final ObjectNode closerAttempts = json.putObject("closerAttempts");
        long answered = 0;
        for (final Verdict v : Verdict.values())
        {
            final long count = null == stats ? 0 : stats.count(v);
            verdicts.put(v.name(), count);
            answered += count;
        }
        json.put("answered", answered);
        for (final TransferOutcome outcome : TransferOutcome.values())
        {
            transfers.put(outcome.name(), null == stats ? 0 : stats.count(outcome));
        }
        for (final CloserResult result : CloserResult.values())
        {
            closerAttempts.put(result.name(), null == stats ? 0 : stats.count(result));
        }
        json.put("trunkFailures", state.trunkFailures());
        json.put("trunkProblem", state.trunkProblem());
        json.putObject("abandonment")
            .put("humanAnswered", state.humanAnswered())
            .put("abandoned", state.abandoned())
            .put("rate", state.abandonRate())
            .put("budget", state.abandonBudget())
            .put("holdAbandons", state.holdAbandons())
            .put("falseMachines", state.falseMachines());
        final ObjectNode latencies = json.putObject("latencies");
        for (final Map.Entry<String, CampaignState.Latency> step : state.latencies().entrySet())
        {
            latencies.putObject(step.getKey())
                .put("count", step.getValue().count())
                .put("p50Ms", round(step.getValue().p50Ms()))
                .put("p90Ms", round(step.getValue().p90Ms()))
                .put("p99Ms", round(step.getValue().p99Ms()));
        }
        final ArrayNode onHold = json.putArray("onHold");
        for (final CampaignState.OnHold caller : state.onHold())
        {
            onHold.addObject().put("callId", Long.toString(caller.callId())).put("lead", caller.lead())
                .put("sinceMs", caller.sinceMs());
        }
        pacing(json, state.pacing());
        return json;
    }

    private static void pacing(final ObjectNode json, final CampaignState.Pacing pacing)
    {
        if (null == pacing)
        {
            return;
        }
        final ObjectNode node = json.putObject("pacing").put("mode", pacing.mode());
        if ("predictive".equals(pacing.mode()))
        {
            node.put("targetLines", pacing.targetLines())
                .put("reason", pacing.reason())
                .put("answerRate", round(pacing.answerRate()))
                .put("humanShare", round(pacing.humanShare()))
                .put("qualificationRate", round(pacing.qualificationRate()))
                .put("horizonMs", round(pacing.horizonMs()))
                .put("expectedFreeClosers", round(pacing.expectedFree()))
                .put("safetyZ", round(pacing.safetyZ()))
                .put("answersMeasured", pacing.answersMeasured());
        }
    }

    /**
     * @param closer a closer on the floor.
     * @return it as the API shows it.
     */
    static ObjectNode closer(final LiveState.CloserView closer)
    {
        final ObjectNode json = Json.object();
        json.put("id", closer.id());
        json.put("name", closer.name());
        json.put("destination", closer.phone());
        json.put("phoneState", closer.phoneState());
        json.put("state", closer.state());
        json.put("reason", closer.reason());
        json.put("since", Json.time(closer.sinceMs()));
        json.put("sinceMs", closer.sinceMs());
        json.put("campaign", closer.campaign());
        json.put("callId", 0 == closer.callId() ? "" : Long.toString(closer.callId()));
        return json;
    }

    /**
     * @param result an action's result.
     * @return it as JSON.
     */
    static ObjectNode result(final ControlResult result)
    {
        return Json.object().put("applied", result.applied()).put("detail", result.detail());
    }

    private static void counts(final ObjectNode into, final Map<String, Integer> counts)
    {
        counts.forEach(into::put);
    }

    private static double round(final double ms)
    {
        return Math.round(ms * 1000) / 1000.0;
    }
}
