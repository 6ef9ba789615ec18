/*
 * Dialer media tests.
 */
package io.dialer.media;

import io.dialer.audio.Codec;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.dialer.media.MediaTests.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 4733 keys sprayed at a leg's RTP port from another socket never reach the leg; the far end's own keys do.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RtpKeyInjectionTest
{
    private static final int TE = 101;
    private static final int STAR = 10;
    private static final int INJECTED = 6;

    @ParameterizedTest
    @EnumSource(RtpLatching.class)
    void shouldDropKeysFromAForeignSourceAndCountThem(final RtpLatching mode) throws Exception
    {
        try (MediaEngine engine = new MediaEngine(new MediaEngine.Context()
            .bindAddress(InetAddress.getLoopbackAddress()).portRange(46_600, 46_698).rtpTimeoutMs(0)
            .rtpLatching(mode));
            MediaTests.RawPeer farEnd = new MediaTests.RawPeer();
            MediaTests.RawPeer attacker = new MediaTests.RawPeer())
        {
            final MediaTests.RecordingListener listener = new MediaTests.RecordingListener();
            final MediaSession session = engine.open(listener);
            session.connect(farEnd.address(), Codec.PCMU, TE);
            farEnd.target(session.localAddress());
            attacker.target(session.localAddress());
            // the far end speaks first (under symmetric latching that latches it), then the attacker sprays '*'
            farEnd.take();
            final long[] received = {session.counters().packetsReceived()};
            farEnd.sendVoice(Codec.PCMU, new short[160]);
            await(() -> session.counters().packetsReceived() > received[0], "the far end's voice");

            for (int i = 0; i < INJECTED; i++)
            {
                attacker.sendEvent(0 == i, TE, 100 + i, 90_000, STAR, i >= 3, 160 * (i + 1));
            }
            await(() -> session.counters().packetsForeignSource() == INJECTED, "the injected packets dropped");
            assertEquals(INJECTED, engine.foreignPackets());

            // the far end's own key still counts, and it is the only one
            farEnd.sendEvent(true, TE, 5, 8000, 5, true, 400);
            assertEquals("dtmf:5:50", listener.nextMatching("dtmf:"));
            assertEquals(1, listener.digits.size());
            assertTrue(listener.digits.stream().noneMatch((digit) -> '*' == digit));
        }
    }

    @org.junit.jupiter.api.Test
    void shouldTakeNoKeyFromAnAttackerThatLatchesBeforeTheFarEndSpeaks() throws Exception
    {
        try (MediaEngine engine = new MediaEngine(new MediaEngine.Context()
            .bindAddress(InetAddress.getLoopbackAddress()).portRange(46_800, 46_898).rtpTimeoutMs(0)
            .rtpLatching(RtpLatching.SYMMETRIC));
            MediaTests.RawPeer farEnd = new MediaTests.RawPeer();
            MediaTests.RawPeer attacker = new MediaTests.RawPeer())
        {
            final MediaTests.RecordingListener listener = new MediaTests.RecordingListener();
            final MediaSession session = engine.open(listener);
            session.connect(farEnd.address(), Codec.PCMU, TE);
            farEnd.target(session.localAddress());
            attacker.target(session.localAddress());
            farEnd.take(); // connected: the answer's window is open, and the attacker is first
            for (int i = 0; i < INJECTED; i++)
            {
                attacker.sendEvent(0 == i, TE, 100 + i, 90_000, STAR, i >= 3, 160 * (i + 1));
            }
            await(() -> session.counters().packetsUnconfirmedKey() == INJECTED, "the attacker's keys held back");

            // the far end's SDP-named address speaks: it takes the latch over, and its key counts
            farEnd.sendEvent(true, TE, 5, 8000, 5, true, 400);
            assertEquals("dtmf:5:50", listener.nextMatching("dtmf:"));
            assertEquals(1, listener.digits.size());
        }
    }

    @ParameterizedTest
    @EnumSource(RtpLatching.class)
    void shouldDropKeysOnAnyOtherPayloadTypeThanTheNegotiatedOne(final RtpLatching mode) throws Exception
    {
        try (MediaEngine engine = new MediaEngine(new MediaEngine.Context()
            .bindAddress(InetAddress.getLoopbackAddress()).portRange(46_700, 46_798).rtpTimeoutMs(0)
            .rtpLatching(mode));
            MediaTests.RawPeer farEnd = new MediaTests.RawPeer())
        {
            final MediaTests.RecordingListener listener = new MediaTests.RecordingListener();
            final MediaSession session = engine.open(listener);
            session.connect(farEnd.address(), Codec.PCMU, TE);
            farEnd.target(session.localAddress());
            farEnd.take();
            farEnd.sendEvent(true, 96, 1, 4000, STAR, true, 400);
            farEnd.sendEvent(true, 100, 2, 4000, STAR, true, 400);
            await(() -> 2 == session.counters().packetsIgnored(), "both events ignored");
            farEnd.sendEvent(true, TE, 3, 8000, 1, true, 400);
            assertEquals("dtmf:1:50", listener.nextMatching("dtmf:"));
            assertEquals(1, listener.digits.size());
        }
    }
}
