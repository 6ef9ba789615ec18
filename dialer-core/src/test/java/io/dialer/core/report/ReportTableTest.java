/*
 * Dialer core report tests.
 */
package io.dialer.core.report;

import io.dialer.sip.ReleaseOutcome;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTableTest
{
    private static List<String> table(final CampaignReport report)
    {
        final StringWriter out = new StringWriter();
        ReportTable.print(report, new PrintWriter(out));

        return out.toString().lines().toList();
    }

    private static void assertInOrder(final List<String> table, final String... expected)
    {
        int from = 0;
        for (final String line : expected)
        {
            final int index = table.subList(from, table.size()).indexOf(line);
            assertTrue(index >= 0, () -> "missing, or out of order: '" + line + "' in\n" + String.join("\n", table));
            from += index + 1;
        }
    }

    @Test
    void shouldPrintTheSummaryLines()
    {
        final List<String> table = table(ScriptedCampaign.both().report());

        assertInOrder(table,
            "Campaign                      spring-solar",
            "Status                        finished",
            "Started                       2026-05-28T20:26:40Z",
            "Finished                      2026-05-28T21:56:40Z",
            "Runs                                   2",
            "  run 1                       2026-05-28T20:26:40Z .. -, 5 attempts",
            "  run 2                       2026-05-28T21:26:40Z .. 2026-05-28T21:56:40Z, 3 attempts",
            "Leads                                  9",
            "  dialed                               6",
            "  final disposition                    4",
            "  closed                               2",
            "  retry pending                        2",
            "  in call                              0",
            "  never dialed                         1",
            "Leads closed by reason",
            "  INVALID_NUMBER                       1",
            "  DO_NOT_CALL                          1",
            "  ATTEMPTS_EXHAUSTED                   0",
            "Attempts                               8",
            "Calls ended                            8",
            "Dispositions                       count   % calls",
            "  NO_ANSWER                            1     12.5%",
            "  INVALID_NUMBER                       0      0.0%",
            "  TRANSFERRED                          1     12.5%",
            "  ABANDONED                            0      0.0%",
            "Answered                               5",
            "Verdicts",
            "  HUMAN                                3",
            "  MACHINE                              1",
            "  NOTSURE                              1",
            "  SIT                                  0",
            "Verdict causes (non-zero)",
            "  SHORT_GREETING                       2",
            "  TOO_LONG                             1",
            "Answers                                6",
            "Qualified                              2",
            "Opt-outs                               1",
            "Transfers",
            "  COMPLETED                            1",
            "  ATTEMPTS_EXHAUSTED                   1",
            "Closer attempts",
            "  ACCEPTED                             1",
            "  REJECTED                             1",
            "  CANCELLED                            0",
            "Closers                           offers  accepted  rejected no answer     other",
            "  adam                                 2         1         0         0         1",
            "  zoe                                  2         0         1         1         0",
            "Latency (ms)                       count         p50         p90         p99         max",
            "  DIAL_TO_ANSWER                     100      50.004      90.046      99.025     100.008",
            "  ANSWER_TO_VERDICT                    1       2.347       2.347       2.347       2.347",
            "  GREETING_END_TO_FIRST_PROMPT         0           -           -           -           -",
            "  ACCEPT_TO_BRIDGE                     2       0.250       0.300       0.300       0.300");

        assertFalse(table.contains("  FAX_CNG                              0"), "zero causes are left out");
        assertTrue(table.stream().noneMatch((line) -> line.endsWith(" ") || line.indexOf('\u001b') >= 0),
            "no trailing spaces, no colours");
    }

    @Test
    void shouldPrintAnUnfinishedCampaignWithoutCalls()
    {
        final ReportBuilder builder = new ReportBuilder();
        builder.campaignStarted(ScriptedCampaign.RUN1_MS, 1, "empty", "leads.csv", 3, 1);
        final List<String> table = table(builder.report());

        assertInOrder(table,
            "Campaign                      empty",
            "Status                        not finished",
            "Finished                      -",
            "Leads                                  3",
            "  never dialed                         3",
            "  NO_ANSWER                            0         -");
        assertEquals("Latency (ms)                       count         p50         p90         p99         max",
            table.get(table.size() - 1 - 6));
    }

    @Test
    void shouldPrintTheMediaReleasesOnlyWhenThereAreAny()
    {
        assertTrue(table(ScriptedCampaign.both().report()).stream().noneMatch((line) -> line.startsWith("Media")),
            "an anchored campaign has no media section");

        final ReportBuilder builder = ScriptedCampaign.both();
        builder.mediaRelease(ScriptedCampaign.RUN1_MS, 0, 1, ReleaseOutcome.RELEASED, 0);
        builder.mediaRelease(ScriptedCampaign.RUN1_MS, 1, 2, ReleaseOutcome.RELEASED, 0);
        builder.mediaRelease(ScriptedCampaign.RUN1_MS, 2, 3, ReleaseOutcome.CLOSER_REFUSED, 488);
        final CampaignReport report = builder.report();
        final List<String> table = table(report);

        assertEquals(2L, report.mediaReleases().get(ReleaseOutcome.RELEASED));
        assertEquals(1L, report.mediaReleases().get(ReleaseOutcome.CLOSER_REFUSED));
        assertInOrder(table,
            "Media after the bridge (non-zero)",
            "  RELEASED                             2",
            "  CLOSER_REFUSED                       1");
        assertFalse(table.contains("  CALLER_REFUSED                       0"), "zero outcomes are left out");
    }
}
