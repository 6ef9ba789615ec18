/*
 * Dialer core: report.
 */
package io.dialer.core.report;

import io.dialer.core.journal.Step;

/**
 * The latency distribution of one {@link Step}, in microseconds, from an HdrHistogram of nanoseconds with three
 * significant digits (each value is within 0.1% of the measured one, rounded to the nearest microsecond). All zero
 * when the step was never measured.
 *
 * @param step   the step.
 * @param count  the measurements.
 * @param p50Us  the median, µs.
 * @param p90Us  the 90th percentile, µs.
 * @param p99Us  the 99th percentile, µs.
 * @param p999Us the 99.9th percentile, µs.
 * @param maxUs  the largest, µs.
 */
public record StepLatency(Step step, long count, long p50Us, long p90Us, long p99Us, long p999Us, long maxUs)
{
}
