/*
 * Dialer core: report.
 */
package io.dialer.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes a {@link CampaignReport} as pretty-printed JSON, schema {@value CampaignReport#SCHEMA}: camelCase field names
 * in a fixed order, enum values as their Java names, times in epoch ms ({@code null} when not recorded), latencies in
 * microseconds. Every field is documented in {@code docs/report.md}.
 */
public final class ReportJson
{
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .build();

    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

    private ReportJson()
    {
    }

    /**
     * Writes the report, ending with a new line. The writer is flushed, not closed.
     *
     * @param report the report.
     * @param out    where to write.
     * @throws IOException when the writer fails.
     */
    public static void write(final CampaignReport report, final Writer out) throws IOException
    {
        try (JsonGenerator json = FACTORY.createGenerator(out))
        {
            json.setPrettyPrinter(new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(INDENTER)
                .withArrayIndenter(INDENTER));

            json.writeStartObject();
            json.writeStringField("schema", CampaignReport.SCHEMA);
            json.writeStringField("campaign", report.campaign());
            json.writeBooleanField("finished", report.finished());
            writeTime(json, "startedMs", report.startedMs());
            writeTime(json, "finishedMs", report.finishedMs());
            writeStopped(json, report.stopped());
            writeRuns(json, report);
            writeLeads(json, report.leads());
            json.writeNumberField("attempts", report.attempts());
            json.writeNumberField("calls", report.calls());
            writeCounts(json, "dispositions", report.dispositions());
            json.writeNumberField("answered", report.answered());
            writeCounts(json, "verdicts", report.verdicts());
            writeCounts(json, "causes", report.causes());
            json.writeNumberField("answers", report.answers());
            json.writeNumberField("qualified", report.qualified());
            json.writeNumberField("optOuts", report.optOuts());
            writeCounts(json, "closerAttempts", report.closerAttempts());
            writeCounts(json, "transfers", report.transfers());
            writeCounts(json, "mediaReleases", report.mediaReleases());
            writeClosers(json, report);
            writeLatencies(json, report);
            writeAbandonment(json, report.abandonment());
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeStopped(final JsonGenerator json, final CampaignReport.Stopped stopped) throws IOException
    {
        if (null == stopped)
        {
            json.writeNullField("stopped");
            return;
        }
        json.writeObjectFieldStart("stopped");
        writeTime(json, "stoppedMs", stopped.stoppedMs());
        json.writeStringField("reason", stopped.reason());
        json.writeNumberField("openLeads", stopped.openLeads());
        json.writeNumberField("heldByWindow", stopped.heldByWindow());
        writeTime(json, "nextDialableMs", stopped.nextDialableMs());
        json.writeEndObject();
    }

    private static void writeAbandonment(final JsonGenerator json, final CampaignReport.Abandonment a)
        throws IOException
    {
        json.writeObjectFieldStart("abandonment");
        json.writeNumberField("proofs", a.proofs());
        json.writeNumberField("humanAnswered", a.humanAnswered());
        json.writeNumberField("abandoned", a.abandoned());
        json.writeNumberField("rate", a.rate());
        json.writeNumberField("targetRate", a.targetRate());
        json.writeNumberField("budget", a.budget());
        json.writeNumberField("holdAbandons", a.holdAbandons());
        json.writeNumberField("falseMachines", a.falseMachines());
        json.writeStringField("window", a.wholeRun() ? "whole run" : "rolling 30 days");
        writeTime(json, "windowStartMs", a.windowStartMs());
        json.writeStringField("ruleBasis", a.ruleBasis());
        json.writeEndObject();
    }

    private static void writeRuns(final JsonGenerator json, final CampaignReport report) throws IOException
    {
        json.writeArrayFieldStart("runs");
        for (final RunSummary run : report.runs())
        {
            json.writeStartObject();
            json.writeNumberField("run", run.run());
            writeTime(json, "startedMs", run.startedMs());
            writeTime(json, "finishedMs", run.finishedMs());
            json.writeNumberField("attempts", run.attempts());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeLeads(final JsonGenerator json, final LeadSummary leads) throws IOException
    {
        json.writeObjectFieldStart("leads");
        json.writeNumberField("total", leads.total());
        json.writeNumberField("dialed", leads.dialed());
        json.writeNumberField("done", leads.done());
        json.writeNumberField("finalDisposition", leads.finalDisposition());
        json.writeNumberField("closed", leads.closed());
        json.writeNumberField("open", leads.open());
        json.writeNumberField("retryPending", leads.retryPending());
        json.writeNumberField("inCall", leads.inCall());
        json.writeNumberField("neverDialed", leads.neverDialed());
        json.writeObjectFieldStart("closedByReason");
        for (final Map.Entry<String, Long> entry : leads.closedByReason().entrySet())
        {
            json.writeNumberField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeClosers(final JsonGenerator json, final CampaignReport report) throws IOException
    {
        json.writeObjectFieldStart("closers");
        for (final CloserSummary closer : report.closers())
        {
            json.writeObjectFieldStart(closer.closerId());
            json.writeNumberField("offers", closer.offers());
            json.writeNumberField("accepted", closer.accepted());
            json.writeNumberField("rejected", closer.rejected());
            json.writeNumberField("noAnswer", closer.noAnswer());
            json.writeNumberField("other", closer.other());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeLatencies(final JsonGenerator json, final CampaignReport report) throws IOException
    {
        json.writeObjectFieldStart("latencies");
        for (final StepLatency latency : report.latencies().values())
        {
            json.writeObjectFieldStart(latency.step().name());
            json.writeNumberField("count", latency.count());
            json.writeNumberField("p50Us", latency.p50Us());
            json.writeNumberField("p90Us", latency.p90Us());
            json.writeNumberField("p99Us", latency.p99Us());
            json.writeNumberField("p999Us", latency.p999Us());
            json.writeNumberField("maxUs", latency.maxUs());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static <E extends Enum<E>> void writeCounts(
        final JsonGenerator json, final String name, final Map<E, Long> counts) throws IOException
    {
        json.writeObjectFieldStart(name);
        for (final Map.Entry<E, Long> entry : counts.entrySet())
        {
            json.writeNumberField(entry.getKey().name(), entry.getValue());
        }
        json.writeEndObject();
    }

    private static void writeTime(final JsonGenerator json, final String name, final long timeMs) throws IOException
    {
        if (CampaignReport.NONE == timeMs)
        {
            json.writeNullField(name);
        }
        else
        {
            json.writeNumberField(name, timeMs);
        }
    }
}
