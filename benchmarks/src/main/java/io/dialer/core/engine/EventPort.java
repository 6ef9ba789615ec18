/*
 * Dialer benchmarks: the engine's pipeline, measured in its own package (no change to dialer-core).
 */
package io.dialer.core.engine;

/**
 * The producers' side of the event stage in the pipeline benchmark: claim a slot, fill it, publish it, as
 * {@link EventProxy} does, but with the event's time given (the intended send time of a fixed-rate schedule, so
 * latency is measured from when the event should have been sent, not from when a blocked producer got to it).
 */
interface EventPort
{
    /**
     * @param type   the event's type.
     * @param callId the call.
     * @param leg    the leg.
     * @param nanos  when it happened (or should have been sent), {@link System#nanoTime()}.
     * @return the event to fill, then {@link #publish}.
     */
    EngineEvent claim(EventType type, long callId, int leg, long nanos);

    /**
     * @param event an event from {@link #claim}, filled.
     */
    void publish(EngineEvent event);
}
