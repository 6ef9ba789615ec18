/*
 * Dialer core report tests.
 */
package io.dialer.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CloserResult;
import io.dialer.core.journal.Step;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.transfer.TransferOutcome;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static io.dialer.core.report.ReportBuilderTest.assertMicros;
import static io.dialer.core.report.ScriptedCampaign.FINISHED_MS;
import static io.dialer.core.report.ScriptedCampaign.RUN1_MS;
import static io.dialer.core.report.ScriptedCampaign.RUN2_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportJsonTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String json(final CampaignReport report) throws IOException
    {
        final StringWriter out = new StringWriter();
        ReportJson.write(report, out);

        return out.toString();
    }

    private static List<String> names(final JsonNode node)
    {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);

        return names;
    }

    private static <E extends Enum<E>> List<String> names(final E[] values)
    {
        final List<String> names = new ArrayList<>();
        for (final E value : values)
        {
            names.add(value.name());
        }

        return names;
    }

    @Test
    void shouldWriteEveryFieldInAStableOrder() throws IOException
    {
        final String text = json(ScriptedCampaign.both().report());
        final JsonNode root = MAPPER.readTree(text);

        assertTrue(text.startsWith("{\n  \"schema\": \"dialer-report/1\",\n  \"campaign\": \"spring-solar\",\n"), text);
        assertTrue(text.endsWith("}\n"));
        assertEquals(List.of("schema", "campaign", "finished", "startedMs", "finishedMs", "stopped", "runs", "leads",
            "attempts",
            "calls", "dispositions", "answered", "verdicts", "causes", "answers", "qualified", "optOuts",
            "closerAttempts", "transfers", "mediaReleases", "closers", "latencies", "abandonment"), names(root));
        assertEquals(List.of("total", "dialed", "done", "finalDisposition", "closed", "open", "retryPending", "inCall",
            "neverDialed", "closedByReason"), names(root.get("leads")));
        assertEquals(names(Disposition.values()), names(root.get("dispositions")));
        assertEquals(names(Verdict.values()), names(root.get("verdicts")));
        assertEquals(names(Cause.values()), names(root.get("causes")));
        assertEquals(names(CloserResult.values()), names(root.get("closerAttempts")));
        assertEquals(names(TransferOutcome.values()), names(root.get("transfers")));
        assertEquals(names(Step.values()), names(root.get("latencies")));
        assertEquals(List.of("count", "p50Us", "p90Us", "p99Us", "p999Us", "maxUs"),
            names(root.get("latencies").get("DIAL_TO_ANSWER")));
        assertEquals(text, json(ScriptedCampaign.both().report()));
    }

    @Test
    void shouldParseBackToTheExactCounts() throws IOException
    {
        final JsonNode root = MAPPER.readTree(json(ScriptedCampaign.both().report()));

        assertEquals("dialer-report/1", root.get("schema").asText());
        assertEquals("spring-solar", root.get("campaign").asText());
        assertTrue(root.get("finished").asBoolean());
        assertEquals(RUN1_MS, root.get("startedMs").asLong());
        assertEquals(FINISHED_MS, root.get("finishedMs").asLong());

        final JsonNode runs = root.get("runs");
        assertEquals(2, runs.size());
        assertEquals(1, runs.get(0).get("run").asInt());
        assertEquals(RUN1_MS, runs.get(0).get("startedMs").asLong());
        assertTrue(runs.get(0).get("finishedMs").isNull());
        assertEquals(5, runs.get(0).get("attempts").asLong());
        assertEquals(2, runs.get(1).get("run").asInt());
        assertEquals(RUN2_MS, runs.get(1).get("startedMs").asLong());
        assertEquals(FINISHED_MS, runs.get(1).get("finishedMs").asLong());
        assertEquals(3, runs.get(1).get("attempts").asLong());

        final JsonNode leads = root.get("leads");
        assertEquals(9, leads.get("total").asInt());
        assertEquals(6, leads.get("dialed").asInt());
        assertEquals(6, leads.get("done").asInt());
        assertEquals(4, leads.get("finalDisposition").asInt());
        assertEquals(2, leads.get("closed").asInt());
        assertEquals(3, leads.get("open").asInt());
        assertEquals(2, leads.get("retryPending").asInt());
        assertEquals(0, leads.get("inCall").asInt());
        assertEquals(1, leads.get("neverDialed").asInt());
        assertEquals(MAPPER.readTree(
            "{\"INVALID_NUMBER\":1,\"DO_NOT_CALL\":1,\"ATTEMPTS_EXHAUSTED\":0,\"UNKNOWN_ZONE\":0,\"NO_WINDOW\":0}"),
            leads.get("closedByReason"));

        assertEquals(8, root.get("attempts").asLong());
        assertEquals(8, root.get("calls").asLong());
        assertEquals(MAPPER.readTree("{\"NO_ANSWER\":1,\"BUSY\":1,\"FAILED\":1,\"INVALID_NUMBER\":0,\"MACHINE\":0," +
            "\"MESSAGE_LEFT\":1,\"HUNG_UP\":1,\"DISQUALIFIED\":0,\"OPTED_OUT\":1,\"CALLBACK\":1,\"TRANSFERRED\":1," +
            "\"ABANDONED\":0}"), root.get("dispositions"));
        assertEquals(5, root.get("answered").asLong());
        assertEquals(MAPPER.readTree("{\"HUMAN\":3,\"MACHINE\":1,\"NOTSURE\":1,\"SIT\":0,\"FAX\":0}"),
            root.get("verdicts"));
        assertEquals(2, root.get("causes").get("SHORT_GREETING").asLong());
        assertEquals(1, root.get("causes").get("BEEP").asLong());
        assertEquals(0, root.get("causes").get("FAX_CNG").asLong());
        assertEquals(6, root.get("answers").asLong());
        assertEquals(2, root.get("qualified").asLong());
        assertEquals(1, root.get("optOuts").asLong());
        assertEquals(MAPPER.readTree("{\"ACCEPTED\":1,\"REJECTED\":1,\"NO_ANSWER\":1,\"BUSY\":1,\"FAILED\":0," +
            "\"HUNG_UP\":0,\"CANCELLED\":0}"), root.get("closerAttempts"));
        assertEquals(MAPPER.readTree("{\"COMPLETED\":1,\"CALLER_HUNG_UP\":0,\"ATTEMPTS_EXHAUSTED\":1," +
            "\"HOLD_LIMIT\":0,\"NO_CLOSER\":0}"), root.get("transfers"));
        assertEquals(MAPPER.readTree("{\"adam\":{\"offers\":2,\"accepted\":1,\"rejected\":0,\"noAnswer\":0," +
            "\"other\":1},\"zoe\":{\"offers\":2,\"accepted\":0,\"rejected\":1,\"noAnswer\":1,\"other\":0}}"),
            root.get("closers"));
        assertEquals(List.of("adam", "zoe"), names(root.get("closers")));
    }

    @Test
    void shouldWriteLatenciesInMicroseconds() throws IOException
    {
        final CampaignReport report = ScriptedCampaign.both().report();
        final JsonNode latencies = MAPPER.readTree(json(report)).get("latencies");

        for (final StepLatency expected : report.latencies().values())
        {
            final JsonNode step = latencies.get(expected.step().name());
            assertEquals(expected.count(), step.get("count").asLong());
            assertEquals(expected.p50Us(), step.get("p50Us").asLong());
            assertEquals(expected.p90Us(), step.get("p90Us").asLong());
            assertEquals(expected.p99Us(), step.get("p99Us").asLong());
            assertEquals(expected.p999Us(), step.get("p999Us").asLong());
            assertEquals(expected.maxUs(), step.get("maxUs").asLong());
        }

        final JsonNode dial = latencies.get("DIAL_TO_ANSWER");
        assertEquals(100, dial.get("count").asLong());
        assertMicros(50_000_000L, dial.get("p50Us").asLong());
        assertMicros(99_000_000L, dial.get("p99Us").asLong());
        assertMicros(100_000_000L, dial.get("maxUs").asLong());
        assertEquals(MAPPER.readTree("{\"count\":0,\"p50Us\":0,\"p90Us\":0,\"p99Us\":0,\"p999Us\":0,\"maxUs\":0}"),
            latencies.get("GREETING_END_TO_FIRST_PROMPT"));
    }

    @Test
    void shouldWriteNullTimesBeforeAnyRunAndLeaveTheWriterOpen() throws IOException
    {
        final boolean[] closed = new boolean[1];
        final StringWriter out = new StringWriter()
        {
            @Override
            public void close()
            {
                closed[0] = true;
            }
        };
        ReportJson.write(new ReportBuilder().report(), out);
        out.write("after");
        assertFalse(closed[0]);

        final String text = out.toString();
        assertTrue(text.endsWith("}\nafter"));
        final JsonNode root = MAPPER.readTree(text.substring(0, text.length() - "after".length()));
        assertEquals("", root.get("campaign").asText());
        assertFalse(root.get("finished").asBoolean());
        assertTrue(root.get("startedMs").isNull());
        assertTrue(root.get("finishedMs").isNull());
        assertEquals(0, root.get("runs").size());
        assertEquals(0, root.get("closers").size());
    }
}
