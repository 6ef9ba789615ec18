/*
 * Dialer core: report.
 */
package io.dialer.core.report;

/**
 * The offers made to one closer, from the {@code closerAttempt} records.
 *
 * @param closerId the closer's id.
 * @param offers   offers made (every result).
 * @param accepted offers accepted.
 * @param rejected offers rejected.
 * @param noAnswer offers not answered or not decided in time.
 * @param other    the rest: busy, failed, hung up or cancelled.
 */
public record CloserSummary(String closerId, long offers, long accepted, long rejected, long noAnswer, long other)
{
}
