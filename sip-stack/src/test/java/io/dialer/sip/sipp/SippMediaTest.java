/*
 * Dialer SIPp interop.
 */
package io.dialer.sip.sipp;

import io.dialer.audio.G711;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated media files are what the scenarios claim: a µ-law tone the media engine's G.711 decoder and the
 * {@link ToneProbe} recognise, and a pcap SIPp can play whose RTP carries the tone then RFC 4733 events.
 */
final class SippMediaTest
{
    @Test
    void shouldEncodeToneThatDecodesToSameFrequency()
    {
        final byte[] ulaw = SippMedia.toUlaw(SippMedia.tone(1000, 200, 8000));
        assertEquals(1600, ulaw.length);
        final short[] frame = new short[SippMedia.FRAME_SAMPLES];
        for (int i = 0; i < frame.length; i++)
        {
            frame[i] = G711.ulawToLinear(ulaw[i] & 0xFF);
        }
        assertTrue(ToneProbe.toneShare(frame, 0, frame.length, 1000) > 0.9);
        assertTrue(ToneProbe.toneShare(frame, 0, frame.length, 697) < 0.1);
        assertTrue(ToneProbe.rms(frame, 0, frame.length) > 5000);
    }

    @Test
    void shouldWritePcapOfToneThenKeys()
    {
        final byte[] pcap = SippMedia.tonesAndKeysPcap(1000, 100, "5#", 100, 40);
        final ByteBuffer buffer = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xA1B2C3D4, buffer.getInt(0));
        assertEquals(1, buffer.getInt(20));

        final List<byte[]> rtp = new ArrayList<>();
        int position = 24;
        while (position < pcap.length)
        {
            final int length = buffer.getInt(position + 8);
            final int udpStart = position + 16 + 14 + 20;
            final int udpLength = ((pcap[udpStart + 4] & 0xFF) << 8) | (pcap[udpStart + 5] & 0xFF);
            final byte[] payload = new byte[udpLength - 8];
            System.arraycopy(pcap, udpStart + 8, payload, 0, payload.length);
            rtp.add(payload);
            position += 16 + length;
        }
        assertEquals(pcap.length, position);

        final int tonePackets = 5;
        final int keyPackets = 4 + 3;
        assertEquals(tonePackets + 2 * keyPackets, rtp.size());
        assertEquals(0, rtp.get(0)[1] & 0x7F);
        assertEquals(0x80, rtp.get(0)[1] & 0x80);
        final byte[] firstEvent = rtp.get(tonePackets);
        assertEquals(SippMedia.TELEPHONE_EVENT_PAYLOAD_TYPE | 0x80, firstEvent[1] & 0xFF);
        assertEquals(5, firstEvent[12]);
        final byte[] lastEvent = rtp.get(rtp.size() - 1);
        assertEquals(11, lastEvent[12]);
        assertEquals(0x80, lastEvent[13] & 0x80);
        assertEquals(800, ((lastEvent[14] & 0xFF) << 8) | (lastEvent[15] & 0xFF));
        for (int i = 1; i < rtp.size(); i++)
        {
            final int previous = ((rtp.get(i - 1)[2] & 0xFF) << 8) | (rtp.get(i - 1)[3] & 0xFF);
            final int current = ((rtp.get(i)[2] & 0xFF) << 8) | (rtp.get(i)[3] & 0xFF);
            assertEquals(previous + 1, current);
            assertArrayEquals(
                new byte[]{rtp.get(0)[8], rtp.get(0)[9], rtp.get(0)[10], rtp.get(0)[11]},
                new byte[]{rtp.get(i)[8], rtp.get(i)[9], rtp.get(i)[10], rtp.get(i)[11]});
        }
    }

    @Test
    void shouldWritePcapOfAudioThenKeysThenAudio()
    {
        final short[] before = SippMedia.tone(440, 100, 4000);
        final short[] after = SippMedia.tone(440, 60, 4000);
        final List<byte[]> rtp = rtpPayloads(SippMedia.audioAndKeysPcap(before, "*", 100, 40, after));

        final int beforePackets = 5;
        final int keyPackets = 4 + 3;
        final int afterPackets = 3;
        assertEquals(beforePackets + keyPackets + afterPackets, rtp.size());
        for (int i = 0; i < rtp.size(); i++)
        {
            final boolean key = i >= beforePackets && i < beforePackets + keyPackets;
            assertEquals(key ? SippMedia.TELEPHONE_EVENT_PAYLOAD_TYPE : 0, rtp.get(i)[1] & 0x7F, "packet " + i);
            assertEquals(i + 1, ((rtp.get(i)[2] & 0xFF) << 8) | (rtp.get(i)[3] & 0xFF));
        }
        final byte[] lastEvent = rtp.get(beforePackets + keyPackets - 1);
        assertEquals(10, lastEvent[12]);
        assertEquals(0x80, lastEvent[13] & 0x80);
        assertEquals(800, timestamp(lastEvent));
        assertEquals(800 + 800 + 320, timestamp(rtp.get(beforePackets + keyPackets)));
        assertEquals(800 + 800 + 320 + 2 * SippMedia.FRAME_SAMPLES, timestamp(rtp.get(rtp.size() - 1)));
    }

    private static List<byte[]> rtpPayloads(final byte[] pcap)
    {
        final ByteBuffer buffer = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        final List<byte[]> rtp = new ArrayList<>();
        int position = 24;
        while (position < pcap.length)
        {
            final int length = buffer.getInt(position + 8);
            final int udpStart = position + 16 + 14 + 20;
            final int udpLength = ((pcap[udpStart + 4] & 0xFF) << 8) | (pcap[udpStart + 5] & 0xFF);
            final byte[] payload = new byte[udpLength - 8];
            System.arraycopy(pcap, udpStart + 8, payload, 0, payload.length);
            rtp.add(payload);
            position += 16 + length;
        }
        assertEquals(pcap.length, position);
        return rtp;
    }

    private static long timestamp(final byte[] rtp)
    {
        return ByteBuffer.wrap(rtp, 4, 4).order(ByteOrder.BIG_ENDIAN).getInt() & 0xFFFF_FFFFL;
    }

    @Test
    void shouldMapKeysToEventCodes()
    {
        assertEquals(0, SippMedia.eventCode('0'));
        assertEquals(9, SippMedia.eventCode('9'));
        assertEquals(10, SippMedia.eventCode('*'));
        assertEquals(11, SippMedia.eventCode('#'));
        assertEquals(15, SippMedia.eventCode('D'));
    }
}
