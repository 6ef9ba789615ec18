/**
 * The campaign report, built only from the journal: {@link io.dialer.core.report.ReportBuilder} replays the
 * {@link io.dialer.core.journal.CampaignLog} records into an immutable {@link io.dialer.core.report.CampaignReport},
 * which {@link io.dialer.core.report.ReportJson} writes as JSON ({@code dialer-report/1}, see {@code docs/report.md})
 * and {@link io.dialer.core.report.ReportTable} prints as a fixed-width summary.
 */
package io.dialer.core.report;
