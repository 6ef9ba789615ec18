/*
 * Dialer media.
 */
package io.dialer.media;

import java.net.InetSocketAddress;

/**
 * Decides, per received packet, whether it comes from the leg's far end: its source address and port (the SDP-named
 * one, or the latched one under {@link RtpLatching#SYMMETRIC}) and its SSRC (the first one heard from that source;
 * a new SSRC needs a new SDP exchange, i.e. {@link #reset(InetSocketAddress)} after a re-INVITE). A pure state
 * machine: no I/O, no clock, no allocation per packet.
 */
final class RtpSourceLatch
{
    /** The packet is the far end's. */
    static final int ACCEPT = 0;
    /** From an address or port that is not the far end's: dropped. */
    static final int FOREIGN_SOURCE = 1;
    /** From the far end's address but with another SSRC than the one latched: dropped. */
    static final int SSRC_CHANGED = 2;

    private final RtpLatching mode;
    private InetSocketAddress sdpRemote;
    private InetSocketAddress latched;
    private boolean ssrcKnown;
    private long ssrc;

    RtpSourceLatch(final RtpLatching mode)
    {
        this.mode = mode;
    }

    /**
     * A new SDP exchange (answer or re-INVITE): forgets the latched source and SSRC.
     *
     * @param sdpRemote the address and port the far end's SDP named.
     */
    void reset(final InetSocketAddress sdpRemote)
    {
        this.sdpRemote = sdpRemote;
        this.latched = RtpLatching.STRICT == mode ? sdpRemote : null;
        this.ssrcKnown = false;
    }

    /**
     * Judges one packet.
     *
     * @param source where it came from.
     * @param packetSsrc its SSRC.
     * @return {@link #ACCEPT}, {@link #FOREIGN_SOURCE} or {@link #SSRC_CHANGED}.
     */
    int admit(final InetSocketAddress source, final long packetSsrc)
    {
        if (null == sdpRemote)
        {
            return FOREIGN_SOURCE;
        }
        if (!source.equals(latched))
        {
            if (source.equals(sdpRemote) || (null == latched && RtpLatching.SYMMETRIC == mode))
            {
                latched = source;
                ssrcKnown = false;
            }
            else
            {
                return FOREIGN_SOURCE;
            }
        }
        if (!ssrcKnown)
        {
            ssrcKnown = true;
            ssrc = packetSsrc;
            return ACCEPT;
        }
        return packetSsrc == ssrc ? ACCEPT : SSRC_CHANGED;
    }

    /**
     * The source accepted, or null before the first packet under {@link RtpLatching#SYMMETRIC}.
     *
     * @return the latched source.
     */
    InetSocketAddress latched()
    {
        return latched;
    }
}
