/*
 * Dialer core: pacing.
 */
package io.dialer.core.pacing;

/**
 * Why the predictive pacer chose its last target: what bounded it.
 */
public enum PacingReason
{
    /**
     * No closer on the floor (logged in and not paused): nothing is dialed.
     */
    NO_CLOSER,

    /**
     * Qualified callers are on hold already: no new line until they have a closer.
     */
    CALLERS_WAITING,

    /**
     * Not enough answers measured yet: one line per available closer (progressive 1.0).
     */
    WARMING_UP,

    /**
     * The abandonment budget of the window is spent: one line per available closer (progressive 1.0) until the rate
     * is back under the target.
     */
    ABANDON_BUDGET,

    /**
     * The people in the script now are expected to qualify faster than closers free up: no new line.
     */
    CLOSERS_BUSY,

    /**
     * The prediction: the lines whose qualified callers the closers expected free can take.
     */
    PREDICTED,

    /**
     * Capped by the maximum lines per closer on the floor.
     */
    MAX_LINES_PER_CLOSER,

    /**
     * Capped by the campaign's maximum lines.
     */
    MAX_LINES
}
