/*
 * Dialer media.
 */
package io.dialer.media;

/**
 * RFC 4733 receiver state of one stream: turns telephone-event packets into one report per key press. Packets of
 * an event share its RTP timestamp, so the end packet (sent three times) and retransmitted or redundant packets are
 * recognised by it; an event whose end packets are all lost is reported when a newer event starts or when no packet
 * came for {@link #EVENT_TIMEOUT_NS}. Packets of an older event arriving late are ignored. Not thread-safe.
 */
final class DtmfDetector
{
    static final long EVENT_TIMEOUT_NS = 300_000_000L;

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

    DtmfDetector(final Listener listener)
    {
        this.listener = listener;
    }

    void onPacket(
        final long rtpTimestamp, final int event, final boolean end, final int duration, final long nowNs)
    {
        if (known && rtpTimestamp == eventTimestamp)
        {
            if (active)
            {
                durationUnits = Math.max(durationUnits, duration);
                lastUpdateNs = nowNs;
                if (end)
                {
                    report();
                }
            }
            return;
        }
        if (known && (int)(rtpTimestamp - eventTimestamp) < 0)
        {
            return;
        }
        if (active)
        {
            report();
        }

        known = true;
        eventTimestamp = rtpTimestamp;
        this.event = event;
        durationUnits = duration;
        active = true;
        lastUpdateNs = nowNs;
        listener.onEventStart(event);
        if (end)
        {
            report();
        }
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
