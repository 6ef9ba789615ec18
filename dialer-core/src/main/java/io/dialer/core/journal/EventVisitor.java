/*
 * Dialer core: journal.
 */
package io.dialer.core.journal;

/**
 * Receives the input events read back by {@link Journal#replayEvents}, with the primitives
 * {@link Journal#appendEvent} wrote.
 */
@FunctionalInterface
public interface EventVisitor
{
    /**
     * One input event.
     *
     * @param type      the event type, as the pipeline defines it.
     * @param timeNanos when it was received.
     * @param callId    the call it concerns, or whatever the pipeline put there.
     * @param a         first payload word.
     * @param b         second payload word.
     * @param c         third payload word.
     */
    void onEvent(int type, long timeNanos, long callId, long a, long b, int c);
}
