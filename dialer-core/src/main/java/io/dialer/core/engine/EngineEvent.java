/*
 * Dialer core.
 */
package io.dialer.core.engine;

/**
 * One slot of the controller's ring: preallocated, mutable, written by each producer in place through
 * {@link EventProxy}. Fields are read only on the controller's (and the input journal's) thread after publication.
 */
final class EngineEvent
{
    /** Leg number of the lead's own leg; closer legs are {@link #closerLeg(int)}. */
    public static final int LEAD_LEG = 0;

    EventType type;
    long sequence;
    long callId;
    int leg;
    long nanos;
    long token;
    int value;
    char digit;
    Enum<?> cause;
    Enum<?> cause2;
    String text;
    String text2;
    Object attachment;

    /**
     * The leg number of a closer's leg.
     *
     * @param closer the closer index.
     * @return its leg number.
     */
    static int closerLeg(final int closer)
    {
        return 1 + closer;
    }

    /**
     * Clears the slot for a new event.
     *
     * @param type   the type.
     * @param callId the call id, or 0.
     * @param leg    the leg, {@link #LEAD_LEG} or a {@link #closerLeg(int)}.
     * @param nanos  when it happened, {@link System#nanoTime()}.
     * @return this.
     */
    EngineEvent set(final EventType type, final long callId, final int leg, final long nanos)
    {
        this.type = type;
        this.callId = callId;
        this.leg = leg;
        this.nanos = nanos;
        token = 0;
        value = 0;
        digit = 0;
        cause = null;
        cause2 = null;
        text = null;
        text2 = null;
        attachment = null;
        return this;
    }

    /**
     * @return the type.
     */
    EventType type()
    {
        return type;
    }

    /**
     * @return the call id.
     */
    long callId()
    {
        return callId;
    }

    /**
     * @return the leg.
     */
    int leg()
    {
        return leg;
    }

    /**
     * @return when it happened, nanos.
     */
    long nanos()
    {
        return nanos;
    }

    /**
     * @return the token (play token, or nanos for LATENCY).
     */
    long token()
    {
        return token;
    }

    /**
     * @return the int value (status, position, step).
     */
    int value()
    {
        return value;
    }

    /**
     * @return the DTMF key.
     */
    char digit()
    {
        return digit;
    }

    @Override
    public String toString()
    {
        return type + " call=" + callId + " leg=" + leg + " token=" + token + " value=" + value +
            (0 != digit ? " digit=" + digit : "") + (null != cause ? " cause=" + cause : "") +
            (null != cause2 ? "/" + cause2 : "") + (null != text ? " text=" + text : "") +
            (null != text2 ? " text2=" + text2 : "");
    }
}
