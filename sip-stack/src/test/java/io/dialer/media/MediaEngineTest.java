/*
 * Dialer media tests.
 */
package io.dialer.media;

import io.dialer.audio.Codec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.dialer.media.MediaTests.await;
import static io.dialer.media.MediaTests.dominates;
import static io.dialer.media.MediaTests.tone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MediaEngineTest
{
    private static final int TE = 101;
    private static final Prompt TONE_440 = Prompt.fromPcm("440 Hz", tone(440, 8000, 12000));
    private static final Prompt TONE_1000 = Prompt.fromPcm("1 kHz", tone(1000, 8000, 12000));

    private static MediaEngine engine(final int portStart, final long rtpTimeoutMs)
    {
        return new MediaEngine(new MediaEngine.Context()
            .bindAddress(InetAddress.getLoopbackAddress())
            .portRange(portStart, portStart + 98)
            .rtpTimeoutMs(rtpTimeoutMs));
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void shouldExchangeTonesBothWaysBetweenTwoEngines(final Codec codec) throws Exception
    {
        try (MediaEngine engine1 = engine(41_000, 0); MediaEngine engine2 = engine(41_100, 0))
        {
            final MediaSession a = engine1.open(new MediaTests.RecordingListener());
            final MediaSession b = engine2.open(new MediaTests.RecordingListener());
            final MediaTests.FrameQueue heardByA = new MediaTests.FrameQueue();
            final MediaTests.FrameQueue heardByB = new MediaTests.FrameQueue();
            a.addTap(heardByA);
            b.addTap(heardByB);
            a.connect(b.localAddress(), codec, TE);
            b.connect(a.localAddress(), codec, TE);
            a.play(TONE_440, true, false);
            b.play(TONE_1000, true, false);

            for (int i = 0; i < 10; i++)
            {
                heardByB.awaitFrame(440, 1000);
                heardByA.awaitFrame(1000, 440);
            }
            assertEquals(0, a.counters().packetsMalformed());
            assertTrue(b.counters().packetsReceived() >= 10);
            assertTrue(a.counters().bytesSent() >= 10 * 172);
        }
    }

    @Test
    void shouldSendAndReceiveDtmfDigitsOnceInOrder() throws Exception
    {
        try (MediaEngine engine = engine(41_200, 0))
        {
            final MediaTests.RecordingListener listenerB = new MediaTests.RecordingListener();
            final MediaSession a = engine.open(new MediaTests.RecordingListener());
            final MediaSession b = engine.open(listenerB);
            a.connect(b.localAddress(), Codec.PCMA, 100);
            b.connect(a.localAddress(), Codec.PCMA, 100);
            for (final char digit : "1*9#D".toCharArray())
            {
                a.sendDtmf(digit, 80);
            }

            final StringBuilder heard = new StringBuilder();
            for (int i = 0; i < 5; i++)
            {
                final String event = listenerB.nextMatching("dtmf:");
                heard.append(event.charAt(5));
                assertEquals(":80", event.substring(6));
            }
            assertEquals("1*9#D", heard.toString());
            assertEquals(5, listenerB.digits.size());
        }
    }

    @Test
    void shouldReportHandCraftedDtmfOnceDespiteDuplicatesAndLostEndPackets() throws Exception
    {
        try (MediaEngine engine = engine(41_300, 0); MediaTests.RawPeer peer = new MediaTests.RawPeer())
        {
            final MediaTests.RecordingListener listener = new MediaTests.RecordingListener();
            final MediaSession session = engine.open(listener);
            session.connect(peer.address(), Codec.PCMU, TE);
            peer.target(session.localAddress());
            peer.take(); // the first frame proves the media thread applied the connect

            int seq = 7;
            // '5': start, updates, three end packets, then a late retransmission of the end.
            peer.sendEvent(true, TE, seq++, 8000, 5, false, 160);
            peer.sendEvent(false, TE, seq++, 8000, 5, false, 320);
            peer.sendEvent(false, TE, seq++, 8000, 5, true, 480);
            peer.sendEvent(false, TE, seq++, 8000, 5, true, 480);
            peer.sendEvent(false, TE, seq++, 8000, 5, true, 480);
            peer.sendEvent(false, TE, seq - 2, 8000, 5, true, 480);
            assertEquals("dtmf:5:60", listener.nextMatching("dtmf:"));

            // '7': every end packet lost, reported when the event times out.
            peer.sendEvent(true, TE, seq++, 10_000, 7, false, 160);
            peer.sendEvent(false, TE, seq++, 10_000, 7, false, 320);
            assertEquals("dtmf:7:40", listener.nextMatching("dtmf:"));

            // '8': only end packets (the start was lost), repeated, then a stale packet of '5' and a duplicate.
            peer.sendEvent(false, TE, seq++, 12_000, 8, true, 800);
            peer.sendEvent(false, TE, seq++, 12_000, 8, true, 800);
            peer.sendEvent(false, TE, seq++, 8000, 5, true, 480);
            peer.sendEvent(false, TE, seq++, 12_000, 8, true, 800);
            peer.sendEvent(false, TE, seq++, 12_000, 8, false, 640);
            // '0' as the last digit: nothing may come between '8' and '0'.
            peer.sendEvent(true, TE, seq++, 14_000, 0, true, 400);
            peer.sendEvent(false, TE, seq++, 14_000, 0, true, 400);

            assertEquals("dtmf:8:100", listener.nextMatching("dtmf:"));
            assertEquals("dtmf:0:50", listener.nextMatching("dtmf:"));

            // A new SSRC from the same address without a new SDP exchange is dropped (counted, never a digit)...
            final byte[] newSource = {
                (byte)0x80, (byte)(0x80 | TE), 0, 1, 0, 0, 0, 5, 0x0B, 0x0B, 0x0B, 0x0B, 9, (byte)0x8A, 1, (byte)0x90};
            peer.sendBytes(newSource);
            await(() -> 1 == session.counters().packetsSsrcChanged(), "the new SSRC dropped");
            // ...after a re-INVITE (connect again) the far end's new stream may restart timestamps lower: it counts.
            session.connect(peer.address(), Codec.PCMU, TE);
            while (listener.digits.size() < 5)
            {
                // the connect reaches the media thread as a command: resend (a duplicate end packet) until it has
                final long received = session.counters().packetsReceived();
                peer.sendBytes(newSource);
                await(() -> session.counters().packetsReceived() > received, "the packet received");
            }
            assertEquals("dtmf:9:50", listener.nextMatching("dtmf:"));
            assertNull(listener.digits.stream().filter((d) -> !"57809".contains(String.valueOf(d))).findAny()
                .orElse(null));
            assertEquals(5, listener.digits.size());
        }
    }

    @Test
    void shouldStopPromptOnBargeInAndStillReportTheDigit() throws Exception
    {
        try (MediaEngine engine = engine(41_400, 0); MediaTests.RawPeer peer = new MediaTests.RawPeer())
        {
            final MediaTests.RecordingListener listener = new MediaTests.RecordingListener();
            final MediaSession session = engine.open(listener);
            session.connect(peer.address(), Codec.PCMU, TE);
            peer.target(session.localAddress());
            final long playbackId = session.play(Prompt.holdMusic(), true, true);
            peer.take();

            peer.sendEvent(true, TE, 1, 4000, 3, false, 160);
            peer.sendEvent(false, TE, 2, 4000, 3, true, 400);
            peer.sendEvent(false, TE, 3, 4000, 3, true, 400);

            assertEquals("finished:" + playbackId + ":true", listener.next());
            assertEquals("dtmf:3:50", listener.next());
        }
    }

    @Test
    void shouldLoopUntilStoppedAndReportTheEndOfAPrompt() throws Exception
    {
        try (MediaEngine engine = engine(41_500, 0); MediaTests.RawPeer peer = new MediaTests.RawPeer())
        {
            final MediaTests.RecordingListener listener = new MediaTests.RecordingListener();
            final MediaSession session = engine.open(listener);
            session.connect(peer.address(), Codec.PCMU, TE);
            peer.target(session.localAddress());

            // 100 ms of 1 kHz = 5 frames; looping, 25 tone frames prove it restarted at least 4 times.
            final Prompt shortTone = Prompt.fromPcm("beep", tone(1000, 800, 12000));
            final long loopId = session.play(shortTone, true, false);
            int toneFrames = 0;
            while (toneFrames < 25)
            {
                if (dominates(peer.take().decode(Codec.PCMU), 1000, 440))
                {
                    toneFrames++;
                }
            }

            // A digit without barge-in does not stop it.
            peer.sendEvent(true, TE, 1, 4000, 4, true, 400);
            assertEquals("dtmf:4:50", listener.next());
            session.stopPlayback();
            assertEquals("finished:" + loopId + ":true", listener.next());
            awaitSilence(peer, Codec.PCMU);

            final long onceId = session.play(shortTone, false, false);
            assertEquals("finished:" + onceId + ":false", listener.next());
            assertEquals(100, shortTone.durationMs());
        }
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void shouldBridgeKeepingEachFarEndStreamContinuous(final Codec closerCodec) throws Exception
    {
        try (MediaEngine dialer = engine(41_600, 0);
            MediaEngine phones = engine(41_700, 0);
            MediaTests.RawPeer closerPhone = new MediaTests.RawPeer())
        {
            final MediaTests.RecordingListener callerLegEvents = new MediaTests.RecordingListener();
            final MediaTests.RecordingListener closerLegEvents = new MediaTests.RecordingListener();
            final MediaSession callerLeg = dialer.open(callerLegEvents);
            final MediaSession closerLeg = dialer.open(closerLegEvents);
            final MediaSession callerPhone = phones.open(new MediaTests.RecordingListener());

            callerPhone.connect(callerLeg.localAddress(), Codec.PCMU, TE);
            callerLeg.connect(callerPhone.localAddress(), Codec.PCMU, TE);
            closerLeg.connect(closerPhone.address(), closerCodec, 100);
            closerPhone.target(closerLeg.localAddress());
            final MediaTests.FrameQueue callerLegTap = new MediaTests.FrameQueue();
            final MediaTests.FrameQueue callerPhoneHears = new MediaTests.FrameQueue();
            callerLeg.addTap(callerLegTap);
            callerPhone.addTap(callerPhoneHears);

            callerPhone.play(TONE_1000, true, false);
            final long holdMusicId = callerLeg.play(Prompt.holdMusic(), true, false);
            final long briefingId = closerLeg.play(TONE_440, true, false);

            // Before the bridge the closer hears the dialer's prompt.
            final List<MediaTests.Packet> packets = new ArrayList<>();
            int promptFrames = 0;
            while (promptFrames < 5)
            {
                final MediaTests.Packet packet = closerPhone.take();
                packets.add(packet);
                promptFrames += dominates(packet.decode(closerCodec), 440, 1000) ? 1 : 0;
            }

            callerLeg.bridge(closerLeg);
            assertEquals("finished:" + briefingId + ":true", closerLegEvents.next());
            assertEquals("finished:" + holdMusicId + ":true", callerLegEvents.next());

            // After it, the caller's 1 kHz, in the closer's codec, on the same stream.
            int bridgedFrames = 0;
            while (bridgedFrames < 20)
            {
                final MediaTests.Packet packet = closerPhone.take();
                packets.add(packet);
                bridgedFrames += dominates(packet.decode(closerCodec), 1000, 440) ? 1 : 0;
            }
            callerLegTap.awaitFrame(1000, 440);

            // The closer's voice reaches the caller.
            for (int i = 0; i < 50; i++)
            {
                closerPhone.sendVoice(closerCodec, tone(2000, 160, 12000));
            }
            callerPhoneHears.awaitFrame(2000, 1000);

            // The caller's DTMF is forwarded with the closer leg's telephone-event payload type.
            callerPhone.sendDtmf('5', 100);
            boolean sawEnd = false;
            while (!sawEnd)
            {
                final MediaTests.Packet packet = closerPhone.take();
                packets.add(packet);
                if (100 == packet.payloadType)
                {
                    assertEquals(5, packet.event());
                    sawEnd = packet.end();
                }
            }
            assertEquals("dtmf:5:100", callerLegEvents.nextMatching("dtmf:"));

            callerLeg.unbridge();
            packets.addAll(awaitSilence(closerPhone, closerCodec));

            assertContinuousStream(packets, closerCodec, 100);
            assertEquals(0, closerLeg.counters().packetsMalformed());
        }
    }

    @Test
    void shouldReportRtpTimeoutOnceAndAgainAfterRtpResumes() throws Exception
    {
        try (MediaEngine engine = engine(41_800, 300); MediaTests.RawPeer peer = new MediaTests.RawPeer())
        {
            final MediaTests.RecordingListener listener = new MediaTests.RecordingListener();
            final MediaSession session = engine.open(listener);
            session.connect(peer.address(), Codec.PCMU, TE);
            peer.target(session.localAddress());

            assertEquals("timeout", listener.next());
            final long sent = session.counters().packetsSent();
            await(() -> session.counters().packetsSent() >= sent + 60, "1.2 s more of frames");
            assertTrue(listener.events.isEmpty(), listener.events.toString());

            peer.sendVoice(Codec.PCMU, new short[160]);
            assertEquals("timeout", listener.next());
        }
    }

    @Test
    void shouldCountMalformedPacketsAndKeepWorking() throws Exception
    {
        try (MediaEngine engine = engine(41_900, 0); MediaTests.RawPeer peer = new MediaTests.RawPeer())
        {
            final MediaTests.RecordingListener listener = new MediaTests.RecordingListener();
            final MediaSession session = engine.open(listener);
            session.connect(peer.address(), Codec.PCMU, TE);
            peer.target(session.localAddress());
            peer.take();

            final byte[] random = new byte[64];
            new Random(42).nextBytes(random);
            random[0] = (byte)(0xC0 | random[0]);
            peer.sendBytes(random);
            peer.sendBytes(new byte[] {(byte)0x80, 0, 0, 1, 0});
            peer.sendBytes(new byte[] {0x40, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3});
            peer.sendBytes(new byte[] {(byte)0x8F, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3});
            peer.sendBytes(new byte[] {(byte)0xA0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 0});
            peer.sendBytes(new byte[0]);
            peer.sendEvent(false, TE, 9, 100, 1, true, 2);
            peer.sendRtp(false, TE, 10, 100, new byte[] {1, 2});
            peer.sendRtp(false, 96, 11, 100, new byte[160]);

            await(() -> session.counters().packetsMalformed() == 7, "7 malformed packets");
            await(() -> session.counters().packetsIgnored() == 1, "1 ignored packet");
            assertEquals("dtmf:1:0", listener.next());

            peer.sendEvent(true, TE, 12, 1000, 6, true, 400);
            assertEquals("dtmf:6:50", listener.next());
            final long sent = session.counters().packetsSent();
            await(() -> session.counters().packetsSent() > sent + 5, "frames still sent");
            assertEquals(7, session.counters().packetsMalformed());
        }
    }

    @Test
    void shouldCountLostPackets() throws Exception
    {
        try (MediaEngine engine = engine(42_000, 0); MediaTests.RawPeer peer = new MediaTests.RawPeer())
        {
            final MediaSession session = engine.open(new MediaTests.RecordingListener());
            session.connect(peer.address(), Codec.PCMU, TE);
            peer.target(session.localAddress());
            peer.take(); // the first frame proves the media thread applied the connect
            final byte[] silence = new byte[160];
            peer.sendRtp(false, 0, 65534, 0, silence);
            peer.sendRtp(false, 0, 65535, 160, silence);
            peer.sendRtp(false, 0, 2, 640, silence);
            peer.sendRtp(false, 0, 1, 480, silence);
            peer.sendRtp(false, 0, 3, 800, silence);
            await(() -> session.counters().packetsReceived() == 5, "5 packets");
            assertEquals(2, session.counters().packetsLost());
        }
    }

    @Test
    void shouldTakeEvenPortsWrappingAroundAndSkippingPortsInUse() throws Exception
    {
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        final int start = 42_200;
        try (DatagramChannel squatter = DatagramChannel.open())
        {
            squatter.bind(new InetSocketAddress(loopback, start + 2));
            final MediaEngine engine = new MediaEngine(new MediaEngine.Context()
                .bindAddress(loopback).portRange(start, start + 4).rtpTimeoutMs(0));
            try
            {
                final MediaSession first = engine.open(new MediaTests.RecordingListener());
                final MediaSession second = engine.open(new MediaTests.RecordingListener());
                assertEquals(start, first.localAddress().getPort());
                assertEquals(start + 4, second.localAddress().getPort());
                assertNotEquals(first.id(), second.id());
                final IOException full = assertThrows(
                    IOException.class, () -> engine.open(new MediaTests.RecordingListener()));
                assertEquals("no free RTP port in 42200-42204", full.getMessage());

                first.close();
                final MediaSession[] reopened = new MediaSession[1];
                await(() -> null != (reopened[0] = tryOpen(engine)), "the released port");
                assertEquals(start, reopened[0].localAddress().getPort());
            }
            finally
            {
                engine.close();
            }

            // Closing the engine closed every socket.
            try (DatagramChannel probe = DatagramChannel.open())
            {
                probe.bind(new InetSocketAddress(loopback, start + 4));
            }
            assertThrows(IOException.class, () -> engine.open(new MediaTests.RecordingListener()));
        }
    }

    @Test
    void shouldRejectBadArguments() throws Exception
    {
        assertThrows(IllegalArgumentException.class,
            () -> new MediaEngine.Context().portRange(20_001, 20_010).conclude());
        assertThrows(IllegalArgumentException.class,
            () -> new MediaEngine.Context().portRange(20_010, 20_000).conclude());
        try (MediaEngine engine = engine(42_300, 0))
        {
            final MediaSession session = engine.open(new MediaTests.RecordingListener());
            assertThrows(IllegalArgumentException.class, () -> session.sendDtmf('x', 100));
            assertThrows(IllegalArgumentException.class,
                () -> session.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), 4000), Codec.PCMU, 8));
            session.connect(InetSocketAddress.createUnresolved("127.0.0.1", 4000), Codec.PCMU, TE);
            assertFalse(session.toString().isEmpty());
        }
    }

    @Test
    void shouldSurviveListenersAndTapsThatThrow() throws Exception
    {
        final java.util.concurrent.BlockingQueue<Throwable> errors = new java.util.concurrent.LinkedBlockingQueue<>();
        try (MediaEngine engine = new MediaEngine(new MediaEngine.Context()
            .bindAddress(InetAddress.getLoopbackAddress())
            .portRange(42_100, 42_198)
            .rtpTimeoutMs(0)
            .errorHandler(errors::add));
            MediaTests.RawPeer peer = new MediaTests.RawPeer())
        {
            final MediaTests.RecordingListener listener = new MediaTests.RecordingListener()
            {
                public void onDtmf(final long sessionId, final char digit, final int durationMs)
                {
                    super.onDtmf(sessionId, digit, durationMs);
                    throw new IllegalStateException("listener bug " + digit);
                }
            };
            final MediaSession session = engine.open(listener);
            session.addTap((id, samples, offset, length, ts) ->
            {
                throw new IllegalStateException("tap bug");
            });
            session.connect(peer.address(), Codec.PCMU, TE);
            peer.target(session.localAddress());
            peer.take(); // the first frame proves the media thread applied the connect

            peer.sendEvent(true, TE, 1, 1000, 1, true, 400);
            assertEquals("dtmf:1:50", listener.next());
            peer.sendVoice(Codec.PCMU, new short[160]);
            peer.sendEvent(true, TE, 3, 3000, 2, true, 400);
            assertEquals("dtmf:2:50", listener.next());

            assertEquals("listener bug 1", MediaTests.take(errors, "error").getMessage());
            assertEquals("tap bug", MediaTests.take(errors, "error").getMessage());
            assertEquals("listener bug 2", MediaTests.take(errors, "error").getMessage());
            final long sent = session.counters().packetsSent();
            await(() -> session.counters().packetsSent() > sent + 5, "frames still sent");
        }
    }

    @Test
    void shouldMixThreeLegsSoEachHearsTheOtherTwo() throws Exception
    {
        try (MediaEngine dialer = engine(42_800, 0); MediaEngine phones = engine(42_900, 0))
        {
            final double[] tones = {500, 1300, 2100};
            final MediaSession[] legs = new MediaSession[3];
            final MediaTests.FrameQueue[] heard = new MediaTests.FrameQueue[3];
            for (int i = 0; i < 3; i++)
            {
                legs[i] = dialer.open(new MediaTests.RecordingListener());
                final MediaSession phone = phones.open(new MediaTests.RecordingListener());
                final Codec codec = 1 == i ? Codec.PCMA : Codec.PCMU;
                legs[i].connect(phone.localAddress(), codec, TE);
                phone.connect(legs[i].localAddress(), codec, TE);
                heard[i] = new MediaTests.FrameQueue();
                phone.addTap(heard[i]);
                phone.play(Prompt.fromPcm("tone", tone(tones[i], 8000, 8000)), true, false);
            }
            legs[0].mix(legs[1], legs[2]);

            for (int i = 0; i < 3; i++)
            {
                final double own = tones[i];
                final double otherA = tones[(i + 1) % 3];
                final double otherB = tones[(i + 2) % 3];
                int mixedFrames = 0;
                while (mixedFrames < 10)
                {
                    final short[] frame = MediaTests.take(heard[i].frames, "a frame");
                    final double a = MediaTests.goertzel(frame, 0, frame.length, otherA);
                    final double b = MediaTests.goertzel(frame, 0, frame.length, otherB);
                    final double self = MediaTests.goertzel(frame, 0, frame.length, own);
                    if (a > 100 * self && b > 100 * self && a < 10 * b && b < 10 * a)
                    {
                        mixedFrames++;
                    }
                }
            }

            // One leaves: the other two are left alone with silence, not mixed.
            legs[2].unbridge();
            legs[0].unbridge();
            for (final MediaTests.FrameQueue queue : heard)
            {
                int silent = 0;
                while (silent < 5)
                {
                    silent = MediaTests.rms(MediaTests.take(queue.frames, "a frame")) < 50 ? silent + 1 : 0;
                }
            }
        }
    }

    @Test
    void shouldBridgeAtOnceAndPlayTheIntroductionToBothOverTheirConversation() throws Exception
    {
        try (MediaEngine dialer = engine(43_600, 0); MediaEngine phones = engine(43_700, 0))
        {
            final double callerHz = 1000;
            final double closerHz = 1700;
            final double promptHz = 440;
            final MediaTests.RecordingListener callerLegEvents = new MediaTests.RecordingListener();
            final MediaTests.RecordingListener closerLegEvents = new MediaTests.RecordingListener();
            final MediaSession callerLeg = dialer.open(callerLegEvents);
            final MediaSession closerLeg = dialer.open(closerLegEvents);
            final MediaSession callerPhone = phones.open(new MediaTests.RecordingListener());
            final MediaSession closerPhone = phones.open(new MediaTests.RecordingListener());
            callerLeg.connect(callerPhone.localAddress(), Codec.PCMU, TE);
            callerPhone.connect(callerLeg.localAddress(), Codec.PCMU, TE);
            closerLeg.connect(closerPhone.localAddress(), Codec.PCMA, 100);
            closerPhone.connect(closerLeg.localAddress(), Codec.PCMA, 100);
            final TimestampedFrames callerHears = new TimestampedFrames();
            final TimestampedFrames closerHears = new TimestampedFrames();
            callerPhone.addTap(callerHears);
            closerPhone.addTap(closerHears);
            callerPhone.play(Prompt.fromPcm("caller", tone(callerHz, 8000, 8000)), true, false);
            closerPhone.play(Prompt.fromPcm("closer", tone(closerHz, 8000, 8000)), true, false);
            final long holdMusicId = callerLeg.play(Prompt.holdMusic(), true, false);
            final long briefingId = closerLeg.play(TONE_1000, true, false);
            closerHears.awaitFrame(1000, closerHz);

            final int promptMs = 1200;
            final long introductionId = 77;
            callerLeg.bridge(closerLeg, Prompt.fromPcm("introduction", tone(promptHz, promptMs * 8, 8000)),
                introductionId);
            assertEquals("finished:" + holdMusicId + ":true", callerLegEvents.next());
            assertEquals("finished:" + briefingId + ":true", closerLegEvents.next());

            // from the start both hear the other and the prompt together, about as loud
            final int heardTogether = 10;
            callerHears.awaitBoth(closerHz, promptHz, callerHz, heardTogether);
            closerHears.awaitBoth(callerHz, promptHz, closerHz, heardTogether);

            // when both have heard it all it is reported once, not interrupted, and the legs stay bridged
            assertEquals("finished:" + introductionId + ":false", callerLegEvents.next());
            callerHears.awaitFrame(closerHz, promptHz);
            closerHears.awaitFrame(callerHz, promptHz);
            for (int i = 0; i < 25; i++)
            {
                assertTrue(dominates(callerHears.next(), closerHz, promptHz));
                assertTrue(dominates(closerHears.next(), callerHz, promptHz));
            }
            assertTrue(closerLegEvents.events.isEmpty(), closerLegEvents.events.toString());
            callerHears.assertContinuous();
            closerHears.assertContinuous();

            // stopping the prompt cuts it and bridges at once; an unbridge ends both with the prompt interrupted
            callerLeg.bridge(closerLeg, Prompt.fromPcm("long", tone(promptHz, 80_000, 8000)), 78);
            callerHears.awaitBoth(closerHz, promptHz, callerHz, 3);
            callerLeg.stopPlayback();
            assertEquals("finished:78:true", callerLegEvents.next());
            callerHears.awaitFrame(closerHz, promptHz);
            closerLeg.bridge(callerLeg, Prompt.fromPcm("long", tone(promptHz, 80_000, 8000)), 79);
            closerHears.awaitBoth(callerHz, promptHz, closerHz, 3);
            callerLeg.unbridge();
            assertEquals("finished:79:true", closerLegEvents.next());
        }
    }

    /**
     * Frames a phone hears with their RTP timestamps, for checking what was mixed and that the stream stays one.
     */
    static final class TimestampedFrames implements AudioTap
    {
        final java.util.concurrent.BlockingQueue<short[]> frames = new java.util.concurrent.LinkedBlockingQueue<>();
        final java.util.concurrent.BlockingQueue<Long> timestamps = new java.util.concurrent.LinkedBlockingQueue<>();

        public void onFrame(
            final long sessionId, final short[] samples, final int offset, final int length, final long rtpTimestamp)
        {
            frames.add(java.util.Arrays.copyOfRange(samples, offset, offset + length));
            timestamps.add(rtpTimestamp);
        }

        short[] next() throws InterruptedException
        {
            return MediaTests.take(frames, "a frame");
        }

        void awaitFrame(final double frequency, final double other) throws InterruptedException
        {
            while (!dominates(next(), frequency, other))
            {
                continue;
            }
        }

        void awaitBoth(final double a, final double b, final double absent, final int wanted)
            throws InterruptedException
        {
            int together = 0;
            while (together < wanted)
            {
                final short[] frame = next();
                final double powerA = MediaTests.goertzel(frame, 0, frame.length, a);
                final double powerB = MediaTests.goertzel(frame, 0, frame.length, b);
                final double powerAbsent = MediaTests.goertzel(frame, 0, frame.length, absent);
                final boolean both = powerA > 100 * powerAbsent && powerB > 100 * powerAbsent &&
                    powerA < 10 * powerB && powerB < 10 * powerA;
                together = both ? together + 1 : 0;
            }
        }

        void assertContinuous()
        {
            long previous = -1;
            for (final long timestamp : timestamps)
            {
                if (previous >= 0)
                {
                    final int step = (int)(timestamp - previous);
                    assertTrue(step > 0 && step <= 3 * 160, "timestamp " + timestamp + " after " + previous);
                }
                previous = timestamp;
            }
        }
    }

    @Test
    void shouldShardSessionsOverAgentsAndBridgeOnlyOnOneThread() throws Exception
    {
        try (MediaEngine sharded = new MediaEngine(new MediaEngine.Context()
            .bindAddress(InetAddress.getLoopbackAddress())
            .portRange(43_000, 43_098)
            .rtpTimeoutMs(0)
            .agentCount(2));
            MediaEngine phones = engine(43_100, 0))
        {
            final MediaSession callerLeg = sharded.open(new MediaTests.RecordingListener());
            final MediaSession otherThread = sharded.open(new MediaTests.RecordingListener());
            final MediaSession closerLeg = sharded.open(new MediaTests.RecordingListener(), callerLeg);
            final IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> callerLeg.bridge(otherThread));
            assertTrue(refused.getMessage().contains("different media threads"), refused.getMessage());

            final MediaSession callerPhone = phones.open(new MediaTests.RecordingListener());
            final MediaSession closerPhone = phones.open(new MediaTests.RecordingListener());
            final MediaSession otherPhone = phones.open(new MediaTests.RecordingListener());
            callerLeg.connect(callerPhone.localAddress(), Codec.PCMU, TE);
            callerPhone.connect(callerLeg.localAddress(), Codec.PCMU, TE);
            closerLeg.connect(closerPhone.localAddress(), Codec.PCMU, TE);
            closerPhone.connect(closerLeg.localAddress(), Codec.PCMU, TE);
            otherThread.connect(otherPhone.localAddress(), Codec.PCMA, TE);
            otherPhone.connect(otherThread.localAddress(), Codec.PCMA, TE);

            final MediaTests.FrameQueue closerHears = new MediaTests.FrameQueue();
            final MediaTests.FrameQueue otherHears = new MediaTests.FrameQueue();
            closerPhone.addTap(closerHears);
            otherPhone.addTap(otherHears);
            callerPhone.play(TONE_1000, true, false);
            otherThread.play(TONE_440, true, false);
            callerLeg.bridge(closerLeg);

            closerHears.awaitFrame(1000, 440);
            otherHears.awaitFrame(440, 1000);
        }
    }

    private static MediaSession tryOpen(final MediaEngine engine)
    {
        try
        {
            return engine.open(new MediaTests.RecordingListener());
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    private static List<MediaTests.Packet> awaitSilence(final MediaTests.RawPeer peer, final Codec codec)
        throws IOException
    {
        final List<MediaTests.Packet> packets = new ArrayList<>();
        int silent = 0;
        while (silent < 5)
        {
            final MediaTests.Packet packet = peer.take();
            packets.add(packet);
            silent = packet.payloadType == codec.payloadType() && MediaTests.rms(packet.decode(codec)) < 50 ?
                silent + 1 : 0;
        }
        return packets;
    }

    private static void assertContinuousStream(
        final List<MediaTests.Packet> packets, final Codec codec, final int eventPayloadType)
    {
        final MediaTests.Packet first = packets.get(0);
        for (int i = 1; i < packets.size(); i++)
        {
            final MediaTests.Packet previous = packets.get(i - 1);
            final MediaTests.Packet packet = packets.get(i);
            final String where = "packet " + i + " " + packet + " after " + previous;
            assertEquals(first.ssrc, packet.ssrc, where);
            assertEquals((previous.sequence + 1) & 0xFFFF, packet.sequence, where);
            assertTrue((int)(packet.timestamp - previous.timestamp) >= 0, where);
            assertTrue(packet.payloadType == codec.payloadType() || packet.payloadType == eventPayloadType, where);
        }
    }
}
