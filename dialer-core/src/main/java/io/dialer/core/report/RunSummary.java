/*
 * Dialer core: report.
 */
package io.dialer.core.report;

/**
 * One run of the campaign: from a {@code campaignStarted} record to its {@code campaignFinished}, if any (a run
 * killed before it finished has none).
 *
 * @param run        the run number, 1 for the first, then 2, 3... after each restart.
 * @param startedMs  when it started, epoch ms.
 * @param finishedMs when it finished, epoch ms, or {@link CampaignReport#NONE} when it did not.
 * @param attempts   the dials made during this run.
 */
public record RunSummary(int run, long startedMs, long finishedMs, long attempts)
{
    /**
     * Whether the run recorded its end.
     *
     * @return true when finished.
     */
    public boolean finished()
    {
        return CampaignReport.NONE != finishedMs;
    }
}
