/*
 * Dialer media tests.
 */
package io.dialer.media;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DtmfDetectorTest
{
    private final List<String> events = new ArrayList<>();
    private final DtmfDetector detector = new DtmfDetector(new DtmfDetector.Listener()
    {
        public void onEventStart(final int event)
        {
            events.add("start " + event);
        }

        public void onEventEnd(final int event, final int durationUnits)
        {
            events.add("end " + event + " " + durationUnits);
        }
    });

    @Test
    void shouldReportOnceForTripleEndAndRetransmissions()
    {
        detector.onPacket(1000, 5, false, 160, 0);
        detector.onPacket(1000, 5, false, 320, 20);
        detector.onPacket(1000, 5, true, 480, 40);
        detector.onPacket(1000, 5, true, 480, 60);
        detector.onPacket(1000, 5, true, 480, 80);
        detector.onPacket(1000, 5, false, 320, 90);
        detector.checkTimeout(10_000_000_000L);
        assertEquals(List.of("start 5", "end 5 480"), events);
    }

    @Test
    void shouldReportLostEndOnTimeoutOrOnNextEvent()
    {
        detector.onPacket(1000, 1, false, 160, 0);
        detector.onPacket(1000, 1, false, 320, 20_000_000L);
        detector.checkTimeout(300_000_000L);
        assertEquals(List.of("start 1"), events);
        detector.checkTimeout(320_000_001L);
        assertEquals(List.of("start 1", "end 1 320"), events);

        detector.onPacket(3000, 2, false, 160, 400_000_000L);
        detector.onPacket(5000, 3, true, 400, 420_000_000L);
        assertEquals(List.of("start 1", "end 1 320", "start 2", "end 2 160", "start 3", "end 3 400"), events);
    }

    @Test
    void shouldIgnoreLatePacketsOfOlderEventsAcrossTimestampWrap()
    {
        detector.onPacket(0xFFFF_FF00L, 9, true, 400, 0);
        detector.onPacket(0x0000_0100L, 4, true, 400, 10);
        detector.onPacket(0xFFFF_FF00L, 9, true, 400, 20);
        detector.onPacket(0x0000_0100L, 4, true, 400, 30);
        assertEquals(List.of("start 9", "end 9 400", "start 4", "end 4 400"), events);
    }
}
