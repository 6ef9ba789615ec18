/*
 * Dialer media.
 */
package io.dialer.media;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters of one media session, written by the media thread only and readable from any thread.
 */
public final class MediaCounters
{
    private static final int PACKETS_SENT = 0;
    private static final int BYTES_SENT = 1;
    private static final int PACKETS_RECEIVED = 2;
    private static final int BYTES_RECEIVED = 3;
    private static final int PACKETS_LOST = 4;
    private static final int PACKETS_MALFORMED = 5;
    private static final int PACKETS_IGNORED = 6;
    private static final int SEND_ERRORS = 7;
    private static final int SILENCE_FRAMES = 8;
    private static final int LATE_FOR_TAPS = 9;
    private static final int FOREIGN_SOURCE = 10;
    private static final int SSRC_CHANGED = 11;
    private static final int UNCONFIRMED_KEYS = 12;
    private static final int COUNT = 13;

    private final AtomicLongArray values = new AtomicLongArray(COUNT);

    MediaCounters()
    {
    }

    /**
     * RTP packets sent.
     *
     * @return the count.
     */
    public long packetsSent()
    {
        return values.get(PACKETS_SENT);
    }

    /**
     * RTP bytes sent, headers included.
     *
     * @return the count.
     */
    public long bytesSent()
    {
        return values.get(BYTES_SENT);
    }

    /**
     * Datagrams received, malformed ones included.
     *
     * @return the count.
     */
    public long packetsReceived()
    {
        return values.get(PACKETS_RECEIVED);
    }

    /**
     * Bytes received.
     *
     * @return the count.
     */
    public long bytesReceived()
    {
        return values.get(BYTES_RECEIVED);
    }

    /**
     * Packets missing from the far end's sequence.
     *
     * @return the count.
     */
    public long packetsLost()
    {
        return values.get(PACKETS_LOST);
    }

    /**
     * Datagrams dropped because they are not valid RTP.
     *
     * @return the count.
     */
    public long packetsMalformed()
    {
        return values.get(PACKETS_MALFORMED);
    }

    /**
     * Valid RTP packets dropped: unknown payload type, not connected, or not receiving.
     *
     * @return the count.
     */
    public long packetsIgnored()
    {
        return values.get(PACKETS_IGNORED);
    }

    /**
     * Sends that failed (socket error or full send buffer).
     *
     * @return the count.
     */
    public long sendErrors()
    {
        return values.get(SEND_ERRORS);
    }

    /**
     * Frames of silence the taps were given where no voice packet carried the audio: frame periods the far end sent
     * nothing for (silence suppression, lost packets) while the tap clock ran, and comfort-noise packets.
     *
     * @return the count.
     */
    public long silenceFrames()
    {
        return values.get(SILENCE_FRAMES);
    }

    /**
     * Voice packets not given to the taps because their audio started before what the taps already had: they came
     * later than the tap clock's window and silence took their place, or they were reordered.
     *
     * @return the count.
     */
    public long packetsLateForTaps()
    {
        return values.get(LATE_FOR_TAPS);
    }

    /**
     * Valid RTP packets dropped because they came from another address or port than the far end's (the SDP-named
     * one, or the one latched under {@link RtpLatching#SYMMETRIC}): injected or stray streams.
     *
     * @return the count.
     */
    public long packetsForeignSource()
    {
        return values.get(FOREIGN_SOURCE);
    }

    /**
     * Valid RTP packets dropped because they came from the far end's address with another SSRC than the one heard
     * first, without a new SDP exchange (re-INVITE) in between.
     *
     * @return the count.
     */
    public long packetsSsrcChanged()
    {
        return values.get(SSRC_CHANGED);
    }

    /**
     * RFC 4733 packets dropped because they came from a symmetric latch not yet confirmed (neither the SDP-named
     * address nor a source heard long enough): possibly an attacker's that latched before the far end spoke.
     *
     * @return the count.
     */
    public long packetsUnconfirmedKey()
    {
        return values.get(UNCONFIRMED_KEYS);
    }

    void onUnconfirmedKey()
    {
        add(UNCONFIRMED_KEYS, 1);
    }

    void onForeignSource()
    {
        add(FOREIGN_SOURCE, 1);
    }

    void onSsrcChanged()
    {
        add(SSRC_CHANGED, 1);
    }

    void onSilenceFrame()
    {
        add(SILENCE_FRAMES, 1);
    }

    void onLateForTaps()
    {
        add(LATE_FOR_TAPS, 1);
    }

    void onSent(final int bytes)
    {
        add(PACKETS_SENT, 1);
        add(BYTES_SENT, bytes);
    }

    void onReceived(final int bytes)
    {
        add(PACKETS_RECEIVED, 1);
        add(BYTES_RECEIVED, bytes);
    }

    void onLost(final int packets)
    {
        add(PACKETS_LOST, packets);
    }

    void onMalformed()
    {
        add(PACKETS_MALFORMED, 1);
    }

    void onIgnored()
    {
        add(PACKETS_IGNORED, 1);
    }

    void onSendError()
    {
        add(SEND_ERRORS, 1);
    }

    private void add(final int index, final long delta)
    {
        values.lazySet(index, values.get(index) + delta);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return "sent=" + packetsSent() + "/" + bytesSent() + "B received=" + packetsReceived() + "/" +
            bytesReceived() + "B lost=" + packetsLost() + " malformed=" + packetsMalformed() + " ignored=" +
            packetsIgnored() + " sendErrors=" + sendErrors() + " silenceFrames=" + silenceFrames() +
            " lateForTaps=" + packetsLateForTaps() + " foreignSource=" + packetsForeignSource() + " ssrcChanged=" +
            packetsSsrcChanged() + " unconfirmedKeys=" + packetsUnconfirmedKey();
    }
}
