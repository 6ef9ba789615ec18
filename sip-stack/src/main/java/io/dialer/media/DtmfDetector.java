/*
 * Dialer media.
 */
package io.dialer.media;

/**
 * RFC 4733 receiver state of one stream: turns telephone-event packets into one report per key press.
 * <p>
 * Packets of a press share its RTP timestamp, so updates, the end packet (sent three times) and retransmitted or
 * redundant packets are recognised by it; a press whose end packets are all lost is reported when a newer press
 * starts or when no packet came for {@link #EVENT_TIMEOUT_NS}. Packets with an older timestamp arriving late are
 * ignored.
 * <p>
 * Some gateways, and captures replayed as they are, reuse one timestamp for a later press. So once a press has been
 * reported, a packet with the same timestamp is taken as follows (sequence numbers compared modulo 2<sup>16</sup>):
 * <ol>
 *     <li>its sequence number is not after the press's last packet: a duplicate or a late packet, ignored;</li>
 *     <li>a different event code: a new press;</li>
 *     <li>the same event: a retransmission of the press (the end packet is sent three times, some senders repeat
 *     it for longer), ignored, unless it came more than {@link #NEW_PRESS_GAP_NS} after the press's last packet or
 *     its sequence number is more than {@link #NEW_PRESS_SEQUENCES} past it (voice or other packets were sent in
 *     between): then it is a new press.</li>
 * </ol>
 * Each ignored retransmission moves "the press's last packet" on, so a sender repeating its end packet every 50 ms
 * for a second still makes one press; a person pressing the same key again sends nothing for the gap between.
 * Not thread-safe.
 */
final class DtmfDetector
{
    /** No packet of an active press for this long: it is reported with the duration seen so far. */
    static final long EVENT_TIMEOUT_NS = 300_000_000L;
    /** A packet with an ended press's timestamp this long after its last packet starts a new press. */
    static final long NEW_PRESS_GAP_NS = 500_000_000L;
    /** A packet with an ended press's timestamp this many sequence numbers past its last packet starts a new press. */
    static final int NEW_PRESS_SEQUENCES = 16;

    /**
     * Receives the detector's results.
     */
    interface Listener
    {
        /**
         * A new event started (used for barge-in).
         *
         * @param event the event code.
         */
        void onEventStart(int event);

        /**
         * A key press ended, reported once.
         *
         * @param event         the event code.
         * @param durationUnits duration in timestamp units (8 per millisecond).
         */
        void onEventEnd(int event, int durationUnits);
    }

    private final Listener listener;
    private boolean known;
    private long eventTimestamp;
    private int event;
    private int durationUnits;
    private boolean active;
    private long lastUpdateNs;
    private int lastSequence;

    DtmfDetector(final Listener listener)
    {
        this.listener = listener;
    }

    void onPacket(
        final long rtpTimestamp,
        final int sequence,
        final int event,
        final boolean end,
        final int duration,
        final long nowNs)
    {
        if (known && rtpTimestamp == eventTimestamp)
        {
            final int sequenceAhead = (sequence - lastSequence) & 0xFFFF;
            if (active)
            {
                durationUnits = Math.max(durationUnits, duration);
                lastUpdateNs = nowNs;
                if (sequenceAhead < 0x8000)
                {
                    lastSequence = sequence;
                }
                if (end)
                {
                    report();
                }
                return;
            }
            if (!isNewPress(sequenceAhead, event, nowNs))
            {
                if (0 != sequenceAhead && sequenceAhead < 0x8000)
                {
                    lastSequence = sequence;
                    lastUpdateNs = nowNs;
                }
                return;
            }
        }
        else if (known && (int)(rtpTimestamp - eventTimestamp) < 0)
        {
            return;
        }
        else if (active)
        {
            report();
        }

        known = true;
        eventTimestamp = rtpTimestamp;
        this.event = event;
        durationUnits = duration;
        active = true;
        lastUpdateNs = nowNs;
        lastSequence = sequence;
        listener.onEventStart(event);
        if (end)
        {
            report();
        }
    }

    private boolean isNewPress(final int sequenceAhead, final int packetEvent, final long nowNs)
    {
        if (0 == sequenceAhead || sequenceAhead >= 0x8000)
        {
            return false;
        }
        if (packetEvent != event)
        {
            return true;
        }
        return nowNs - lastUpdateNs > NEW_PRESS_GAP_NS || sequenceAhead > NEW_PRESS_SEQUENCES;
    }

    void checkTimeout(final long nowNs)
    {
        if (active && nowNs - lastUpdateNs > EVENT_TIMEOUT_NS)
        {
            report();
        }
    }

    void reset()
    {
        if (active)
        {
            report();
        }
        known = false;
    }

    private void report()
    {
        active = false;
        listener.onEventEnd(event, durationUnits);
    }
}
