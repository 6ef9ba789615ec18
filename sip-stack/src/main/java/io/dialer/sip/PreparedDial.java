/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

/**
 * An outbound leg made ready before it is dialed ({@link SipStack#prepareDial}): its Call-ID chosen and its media
 * session open (RTP port bound, registered with its media thread, not connected: no frames, no timers). Dialing it
 * ({@link SipStack#dial(DialRequest, CallListener, PreparedDial)}) leaves the INVITE's clone-and-send on the dial's
 * path; {@link #discard()} closes the media when the leg is not needed. Used once: by one dial or one discard. Meant
 * for one thread (the one that prepares, dials and discards); {@link #close()} is {@link #discard()}.
 */
public final class PreparedDial implements AutoCloseable
{
    private final SipDispatcher sip;
    private CallLeg leg;

    PreparedDial(final SipDispatcher sip, final CallLeg leg)
    {
        this.sip = sip;
        this.leg = leg;
    }

    /**
     * Whether it can still be dialed.
     *
     * @return true until dialed or discarded.
     */
    public boolean available()
    {
        return null != leg;
    }

    /**
     * The Call-ID its INVITE will carry.
     *
     * @return the Call-ID, or null once dialed or discarded.
     */
    public String callId()
    {
        final CallLeg l = leg;
        return null == l ? null : l.callId();
    }

    /**
     * Closes its media session, unless it was dialed; idempotent.
     */
    public void discard()
    {
        final CallLeg l = leg;
        leg = null;
        if (null != l)
        {
            synchronized (l.lock)
            {
                l.mediaControl.close();
            }
        }
    }

    /**
     * {@link #discard()}.
     */
    @Override
    public void close()
    {
        discard();
    }

    /**
     * Hands the leg to a dial of the stack that prepared it, once.
     *
     * @return the leg, or null when used already or prepared by another stack.
     */
    CallLeg take(final SipDispatcher dialer)
    {
        final CallLeg l = leg;
        if (dialer != sip || null == l)
        {
            return null;
        }
        leg = null;
        return l;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return "PreparedDial{" + callId() + "}";
    }
}
