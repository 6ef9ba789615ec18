/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

/**
 * SIP transports a {@link SipStack} listens on and dials over.
 */
public enum Transport
{
    /** SIP over UDP. */
    UDP,
    /** SIP over TCP. */
    TCP;

    /**
     * The transport's name as JAIN-SIP and the {@code transport} URI parameter spell it.
     *
     * @return {@code udp} or {@code tcp}.
     */
    public String sipName()
    {
        return this == UDP ? "udp" : "tcp";
    }
}
