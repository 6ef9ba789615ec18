/**
 * The dialer's journal on Chronicle Queue: every decision of the call controller as one binary record
 * ({@link io.dialer.core.journal.CampaignLog}, {@link io.dialer.core.journal.Journal}), the pipeline's raw input
 * events for audit, and the lead state a restart rebuilds from the decisions
 * ({@link io.dialer.core.journal.RecoveryState}).
 */
package io.dialer.core.journal;
