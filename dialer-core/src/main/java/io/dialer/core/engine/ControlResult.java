/*
 * Dialer core.
 */
package io.dialer.core.engine;

/**
 * What became of an action sent through the {@link EngineControl}: applied (now, or deferred until the closer's call
 * ends) or refused, and why.
 *
 * @param applied true when the action took effect or will at the end of the closer's call.
 * @param detail  what happened, e.g. "paused (lunch)", "pause after the call in progress", "unknown closer 'x'".
 */
public record ControlResult(boolean applied, String detail)
{
    static ControlResult ok(final String detail)
    {
        return new ControlResult(true, detail);
    }

    static ControlResult refused(final String detail)
    {
        return new ControlResult(false, detail);
    }
}
