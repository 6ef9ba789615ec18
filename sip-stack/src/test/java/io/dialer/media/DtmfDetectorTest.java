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
        detector.onPacket(1000, 10, 5, false, 160, 0);
        detector.onPacket(1000, 11, 5, false, 320, ms(20));
        detector.onPacket(1000, 12, 5, true, 480, ms(40));
        detector.onPacket(1000, 13, 5, true, 480, ms(60));
        detector.onPacket(1000, 14, 5, true, 480, ms(80));
        detector.onPacket(1000, 11, 5, false, 320, ms(90));
        detector.checkTimeout(10_000_000_000L);
        assertEquals(List.of("start 5", "end 5 480"), events);
    }

    @Test
    void shouldReportLostEndOnTimeoutOrOnNextEvent()
    {
        detector.onPacket(1000, 1, 1, false, 160, 0);
        detector.onPacket(1000, 2, 1, false, 320, ms(20));
        detector.checkTimeout(ms(300));
        assertEquals(List.of("start 1"), events);
        detector.checkTimeout(ms(320) + 1);
        assertEquals(List.of("start 1", "end 1 320"), events);

        detector.onPacket(3000, 3, 2, false, 160, ms(400));
        detector.onPacket(5000, 4, 3, true, 400, ms(420));
        assertEquals(List.of("start 1", "end 1 320", "start 2", "end 2 160", "start 3", "end 3 400"), events);
    }

    @Test
    void shouldIgnoreLatePacketsOfOlderEventsAcrossTimestampWrap()
    {
        detector.onPacket(0xFFFF_FF00L, 1, 9, true, 400, 0);
        detector.onPacket(0x0000_0100L, 2, 4, true, 400, 10);
        detector.onPacket(0xFFFF_FF00L, 3, 9, true, 400, 20);
        detector.onPacket(0x0000_0100L, 4, 4, true, 400, 30);
        assertEquals(List.of("start 9", "end 9 400", "start 4", "end 4 400"), events);
    }

    @Test
    void shouldKeepEndRetransmissionsWithinTheGapOnePress()
    {
        // a sender that repeats its end packet every 100 ms for most of a second, new sequence number each time
        detector.onPacket(8000, 100, 1, false, 160, 0);
        detector.onPacket(8000, 101, 1, true, 800, ms(20));
        for (int i = 1; i <= 8; i++)
        {
            detector.onPacket(8000, 101 + i, 1, true, 800, ms(20 + 100 * i));
        }
        // a network duplicate of an old packet, long after: not after the press's last sequence number
        detector.onPacket(8000, 104, 1, true, 800, ms(5_000));
        detector.checkTimeout(ms(10_000));
        assertEquals(List.of("start 1", "end 1 800"), events);
    }

    @Test
    void shouldTakeSameTimestampAfterTheGapAsANewPress()
    {
        // a replayed capture: the same key with the same timestamp, a few seconds later, sequence numbers going on
        detector.onPacket(8000, 100, 1, false, 160, 0);
        detector.onPacket(8000, 101, 1, true, 800, ms(20));
        detector.onPacket(8000, 102, 1, true, 800, ms(21));
        detector.onPacket(8000, 103, 1, true, 800, ms(22));
        detector.onPacket(8000, 104, 1, false, 160, ms(22) + DtmfDetector.NEW_PRESS_GAP_NS + 1);
        detector.onPacket(8000, 105, 1, true, 480, ms(60) + DtmfDetector.NEW_PRESS_GAP_NS);
        detector.onPacket(8000, 106, 1, true, 480, ms(61) + DtmfDetector.NEW_PRESS_GAP_NS);
        assertEquals(List.of("start 1", "end 1 800", "start 1", "end 1 480"), events);
    }

    @Test
    void shouldTakeSameTimestampWellPastInSequenceNumbersAsANewPress()
    {
        detector.onPacket(8000, 100, 7, true, 400, 0);
        detector.onPacket(8000, 101, 7, true, 400, ms(1));
        // up to NEW_PRESS_SEQUENCES on it is still a retransmission of the end
        detector.onPacket(8000, 101 + DtmfDetector.NEW_PRESS_SEQUENCES, 7, true, 400, ms(100));
        assertEquals(List.of("start 7", "end 7 400"), events);
        // the same key and timestamp soon after, but with voice packets sent in between: a new press
        detector.onPacket(8000, 102 + 2 * DtmfDetector.NEW_PRESS_SEQUENCES, 7, false, 160, ms(200));
        detector.onPacket(8000, 103 + 2 * DtmfDetector.NEW_PRESS_SEQUENCES, 7, true, 320, ms(220));
        assertEquals(List.of("start 7", "end 7 400", "start 7", "end 7 320"), events);
    }

    @Test
    void shouldTakeAnotherKeyWithTheSameTimestampAsANewPress()
    {
        detector.onPacket(8000, 0xFFFF, 2, true, 400, 0);
        detector.onPacket(8000, 0, 3, true, 400, ms(10));
        detector.onPacket(8000, 1, 3, true, 400, ms(11));
        assertEquals(List.of("start 2", "end 2 400", "start 3", "end 3 400"), events);
    }

    private static long ms(final long milliseconds)
    {
        return milliseconds * 1_000_000L;
    }
}
