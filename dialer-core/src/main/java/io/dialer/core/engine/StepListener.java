/*
 * Dialer core.
 */
package io.dialer.core.engine;

import io.dialer.core.journal.Step;

/**
 * Told of every measured step of a call as the controller records it in the campaign's histogram (the
 * {@link Step}s), with the moment the step ended on the {@link System#nanoTime()} clock: the same figure the
 * histogram and the journal get, plus when. A caller in the same process can line a step up with its own timestamps
 * (a load run: the moment a screen pop reached the closer's console against the moment the briefing started
 * playing to the closer). Called on the controller's thread: record and return, never block.
 */
@FunctionalInterface
public interface StepListener
{
    /**
     * A step of a call ended.
     *
     * @param callId   the call.
     * @param step     the step.
     * @param endNanos when it ended, {@link System#nanoTime()}: the event that ended it (an answer, a verdict), or
     *                 the moment the effects stage finished the step's work (a dial sent, a prompt started, a bridge
     *                 made).
     * @param nanos    how long it took.
     */
    void stepEnded(long callId, Step step, long endNanos, long nanos);
}
