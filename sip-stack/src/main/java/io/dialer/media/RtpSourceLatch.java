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
 * <p>
 * A symmetric latch is only {@link #confirmed()} once the source is the SDP-named one or has sent
 * {@value #CONFIRM_PACKETS} packets (0.5 s of voice): a foreign packet that lands between the answer and the far end's
 * first packet would otherwise latch an attacker, whose keys could then reach the call before the far end's own
 * address takes the latch over. Keys are taken from confirmed sources only.
 */
final class RtpSourceLatch
{
    /** The packet is the far end's. */
    static final int ACCEPT = 0;
    /** From an address or port that is not the far end's: dropped. */
    static final int FOREIGN_SOURCE = 1;
    /** From the far end's address but with another SSRC than the one latched: dropped. */
    static final int SSRC_CHANGED = 2;
    /** Packets a symmetric latch must receive from a source other than the SDP-named one before it is confirmed. */
    static final int CONFIRM_PACKETS = 25;

    private final RtpLatching mode;
    private InetSocketAddress sdpRemote;
    private InetSocketAddress latched;
    private boolean ssrcKnown;
    private long ssrc;
    private int packetsFromLatched;

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
        this.packetsFromLatched = 0;
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
                packetsFromLatched = 0;
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
        }
        else if (packetSsrc != ssrc)
        {
            return SSRC_CHANGED;
        }
        if (packetsFromLatched < CONFIRM_PACKETS)
        {
            packetsFromLatched++;
        }
        return ACCEPT;
    }

    /**
     * Whether the latched source is surely the far end: the SDP-named address and port, or a source that has sent
     * {@value #CONFIRM_PACKETS} accepted packets.
     *
     * @return true when keys from it may count.
     */
    boolean confirmed()
    {
        return null != latched && (latched.equals(sdpRemote) || packetsFromLatched >= CONFIRM_PACKETS);
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
