/*
 * Dialer core.
 */
package io.dialer.core.engine;

/**
 * The controller's time as it handles the current event: set by the controller, read by the parts it calls (every
 * campaign's {@link CallEffects}). Single thread: the controller's.
 */
final class ControllerTime
{
    private long nowMs;

    void set(final long timeMs)
    {
        nowMs = timeMs;
    }

    long nowMs()
    {
        return nowMs;
    }
}
