/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

/**
 * How a DTMF digit arrived.
 */
public enum DtmfSource
{
    /** RTP telephone-event packets (RFC 4733). */
    RFC4733,
    /** A SIP INFO request, {@code application/dtmf-relay} or {@code application/dtmf}. */
    SIP_INFO
}
