/**
 * Pacing: how many lines to have in flight. {@link io.dialer.core.pacing.PredictivePacer} predicts closers, not lines,
 * from time-decayed measurements ({@link io.dialer.core.pacing.DecayingMean}); {@link
 * io.dialer.core.pacing.PacingSimulator} is a seeded discrete-event simulation of a population and its closers that
 * drives the real pacers with its own clock ({@link io.dialer.core.pacing.Population} reads its file). Pure: no clock
 * is read, time comes in as ms.
 */
package io.dialer.core.pacing;
