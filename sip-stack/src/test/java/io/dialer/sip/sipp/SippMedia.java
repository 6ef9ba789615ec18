/*
 * Dialer SIPp interop.
 */
package io.dialer.sip.sipp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the media files the SIPp scenarios play, deterministically, from code: no binary file is kept in the
 * repository, and what the far end sends is known exactly, so a test can check what the stack received.
 * <ul>
 *     <li>raw G.711 µ-law (8 kHz, no header) for SIPp's {@code rtp_stream};</li>
 *     <li>a pcap (Ethernet, IPv4, UDP, RTP) for SIPp's {@code play_pcap_audio}: optionally a tone as PCMU, then
 *     RFC 4733 telephone-events, one SSRC and continuous sequence numbers and timestamps, paced at 20 ms by the
 *     capture timestamps, as a phone would send them; or any audio (such as rendered speech), keys, then more
 *     audio.</li>
 * </ul>
 * {@code play_pcap_audio} sends through a raw socket, so SIPp needs root or CAP_NET_RAW for it.
 */
public final class SippMedia
{
    /** Samples per second. */
    public static final int SAMPLE_RATE = 8000;
    /** Samples in a 20 ms frame. */
    public static final int FRAME_SAMPLES = 160;
    /** Payload type for RFC 4733 telephone-events the scenarios advertise. */
    public static final int TELEPHONE_EVENT_PAYLOAD_TYPE = 101;

    private static final int FRAME_MS = 20;
    private static final int RTP_HEADER_LENGTH = 12;
    private static final int END_PACKET_REPEATS = 3;
    private static final int PCAP_BASE_PORT = 6000;
    private static final long SSRC = 0x5157_0001L;

    private SippMedia()
    {
    }

    /**
     * A sine tone as 16-bit linear samples.
     *
     * @param frequencyHz frequency.
     * @param durationMs  duration, a multiple of 20 ms is best.
     * @param amplitude   peak amplitude, up to 32767.
     * @return the samples.
     */
    public static short[] tone(final double frequencyHz, final int durationMs, final int amplitude)
    {
        final int count = durationMs * SAMPLE_RATE / 1000;
        final short[] samples = new short[count];
        for (int i = 0; i < count; i++)
        {
            samples[i] = (short)Math.round(amplitude * Math.sin(2.0 * Math.PI * frequencyHz * i / SAMPLE_RATE));
        }
        return samples;
    }

    /**
     * Encodes linear samples to G.711 µ-law.
     *
     * @param samples linear samples.
     * @return one µ-law byte per sample.
     */
    public static byte[] toUlaw(final short[] samples)
    {
        final byte[] encoded = new byte[samples.length];
        for (int i = 0; i < samples.length; i++)
        {
            encoded[i] = ulaw(samples[i]);
        }
        return encoded;
    }

    /**
     * G.711 µ-law encoding of one sample (ITU-T G.711, with the 0x84 bias and the 0x1FDF clip).
     *
     * @param sample linear sample.
     * @return the µ-law byte.
     */
    public static byte ulaw(final short sample)
    {
        final int bias = 0x84;
        final int clip = 32635;
        int value = sample;
        final int sign = (value >> 8) & 0x80;
        if (sign != 0)
        {
            value = -value;
        }
        if (value > clip)
        {
            value = clip;
        }
        value += bias;
        int exponent = 7;
        for (int mask = 0x4000; (value & mask) == 0 && exponent > 0; mask >>= 1)
        {
            exponent--;
        }
        final int mantissa = (value >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    /**
     * Writes a raw µ-law file of a tone, for {@code rtp_stream="file,loops,0"}.
     *
     * @param file        where to write.
     * @param frequencyHz tone frequency.
     * @param durationMs  duration.
     * @throws IOException when the file cannot be written.
     */
    public static void writeUlawTone(final Path file, final double frequencyHz, final int durationMs)
        throws IOException
    {
        Files.write(file, toUlaw(tone(frequencyHz, durationMs, 8000)));
    }

    /**
     * Writes a pcap for {@code play_pcap_audio}: a tone as PCMU, then the digits as RFC 4733 events.
     *
     * @param file        where to write.
     * @param frequencyHz tone frequency (ignored when toneMs is 0).
     * @param toneMs      tone duration before the keys, 0 for none.
     * @param digits      keys to send, {@code 0-9 * # A-D}.
     * @param keyMs       duration of each key press.
     * @param gapMs       silence between key presses (no packets), and after the tone.
     * @throws IOException when the file cannot be written.
     */
    public static void writeTonesAndKeysPcap(
        final Path file,
        final double frequencyHz,
        final int toneMs,
        final String digits,
        final int keyMs,
        final int gapMs) throws IOException
    {
        Files.write(file, tonesAndKeysPcap(frequencyHz, toneMs, digits, keyMs, gapMs));
    }

    /**
     * The pcap bytes of {@link #writeTonesAndKeysPcap}.
     *
     * @param frequencyHz tone frequency (ignored when toneMs is 0).
     * @param toneMs      tone duration before the keys, 0 for none.
     * @param digits      keys to send.
     * @param keyMs       duration of each key press.
     * @param gapMs       time between key presses, and after the tone.
     * @return the capture file's bytes.
     */
    public static byte[] tonesAndKeysPcap(
        final double frequencyHz, final int toneMs, final String digits, final int keyMs, final int gapMs)
    {
        final RtpTrack track = new RtpTrack();
        track.audio(toUlaw(tone(frequencyHz, toneMs, 8000)));
        if (toneMs > 0)
        {
            track.gap(gapMs);
        }
        track.keys(digits, keyMs, gapMs);
        return track.pcapBytes();
    }

    /**
     * Writes a pcap for {@code play_pcap_audio}: audio as PCMU, then the digits as RFC 4733 events right after it,
     * then more audio: a caller who speaks, stays quiet, presses keys and stays on the line. Put the quiet before the
     * keys into {@code before}, so the keys go at a known offset from the start of playback.
     *
     * @param file   where to write.
     * @param before 8 kHz linear samples sent before the keys, whole 20 ms frames (a partial last frame is dropped).
     * @param digits keys to send, {@code 0-9 * # A-D}, may be empty.
     * @param keyMs  duration of each key press.
     * @param gapMs  time between key presses, and after the last one.
     * @param after  8 kHz linear samples sent after the keys, may be empty.
     * @throws IOException when the file cannot be written.
     */
    public static void writeAudioAndKeysPcap(
        final Path file,
        final short[] before,
        final String digits,
        final int keyMs,
        final int gapMs,
        final short[] after) throws IOException
    {
        Files.write(file, audioAndKeysPcap(before, digits, keyMs, gapMs, after));
    }

    /**
     * The pcap bytes of {@link #writeAudioAndKeysPcap}.
     *
     * @param before samples sent before the keys.
     * @param digits keys to send.
     * @param keyMs  duration of each key press.
     * @param gapMs  time between key presses, and after the last one.
     * @param after  samples sent after the keys.
     * @return the capture file's bytes.
     */
    public static byte[] audioAndKeysPcap(
        final short[] before, final String digits, final int keyMs, final int gapMs, final short[] after)
    {
        final RtpTrack track = new RtpTrack();
        track.audio(toUlaw(before));
        track.keys(digits, keyMs, gapMs);
        track.audio(toUlaw(after));
        return track.pcapBytes();
    }

    /**
     * RFC 4733 event code of a key.
     *
     * @param digit {@code 0-9 * # A-D}.
     * @return 0 to 15.
     */
    public static int eventCode(final char digit)
    {
        if (digit >= '0' && digit <= '9')
        {
            return digit - '0';
        }
        switch (Character.toUpperCase(digit))
        {
            case '*':
                return 10;
            case '#':
                return 11;
            case 'A':
                return 12;
            case 'B':
                return 13;
            case 'C':
                return 14;
            case 'D':
                return 15;
            default:
                throw new IllegalArgumentException("not a DTMF key: " + digit);
        }
    }

    private static byte[] event(final int event, final boolean end, final int duration)
    {
        final int volume = 10;
        return new byte[]{
            (byte)event, (byte)((end ? 0x80 : 0) | volume), (byte)(duration >> 8), (byte)duration};
    }

    private static byte[] rtp(
        final int payloadType, final boolean marker, final int sequence, final long timestamp, final byte[] payload)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(RTP_HEADER_LENGTH + payload.length).order(ByteOrder.BIG_ENDIAN);
        buffer.put((byte)0x80);
        buffer.put((byte)((marker ? 0x80 : 0) | payloadType));
        buffer.putShort((short)sequence);
        buffer.putInt((int)timestamp);
        buffer.putInt((int)SSRC);
        buffer.put(payload);
        return buffer.array();
    }

    /**
     * One RTP stream written into a pcap: one SSRC, continuous sequence numbers and RTP timestamps, capture times
     * paced at 20 ms per frame. A stream cut into several captures (played one after the other) starts each with
     * the sequence number and timestamp the previous one ended with ({@link SippCallee}).
     */
    static final class RtpTrack
    {
        private final PcapWriter pcap = new PcapWriter();
        private long timeUs;
        private int sequence;
        private long timestamp;

        RtpTrack()
        {
            this(1, 0);
        }

        RtpTrack(final int firstSequence, final long firstTimestamp)
        {
            sequence = firstSequence & 0xFFFF;
            timestamp = firstTimestamp & 0xFFFF_FFFFL;
        }

        int sequence()
        {
            return sequence;
        }

        long timestamp()
        {
            return timestamp;
        }

        void timestamp(final long rtpTimestamp)
        {
            timestamp = rtpTimestamp & 0xFFFF_FFFFL;
        }

        long durationMs()
        {
            return timeUs / 1000;
        }

        byte[] pcapBytes()
        {
            return pcap.toByteArray();
        }

        void audio(final byte[] ulaw)
        {
            for (int offset = 0; offset + FRAME_SAMPLES <= ulaw.length; offset += FRAME_SAMPLES)
            {
                final byte[] payload = new byte[FRAME_SAMPLES];
                System.arraycopy(ulaw, offset, payload, 0, FRAME_SAMPLES);
                pcap.packet(timeUs, rtp(0, offset == 0, nextSequence(), timestamp, payload));
                timestamp = (timestamp + FRAME_SAMPLES) & 0xFFFF_FFFFL;
                timeUs += FRAME_MS * 1000L;
            }
        }

        void gap(final int gapMs)
        {
            timeUs += gapMs * 1000L;
            timestamp = (timestamp + (long)gapMs * SAMPLE_RATE / 1000) & 0xFFFF_FFFFL;
        }

        void keys(final String digits, final int keyMs, final int gapMs)
        {
            final int keySamples = keyMs * SAMPLE_RATE / 1000;
            for (int d = 0; d < digits.length(); d++)
            {
                final int event = eventCode(digits.charAt(d));
                final long eventTimestamp = timestamp;
                int duration = FRAME_SAMPLES;
                boolean first = true;
                while (duration < keySamples)
                {
                    pcap.packet(timeUs, rtp(TELEPHONE_EVENT_PAYLOAD_TYPE, first, nextSequence(), eventTimestamp,
                        event(event, false, duration)));
                    first = false;
                    duration += FRAME_SAMPLES;
                    timeUs += FRAME_MS * 1000L;
                }
                for (int i = 0; i < END_PACKET_REPEATS; i++)
                {
                    pcap.packet(timeUs, rtp(TELEPHONE_EVENT_PAYLOAD_TYPE, false, nextSequence(), eventTimestamp,
                        event(event, true, keySamples)));
                    timeUs += i < END_PACKET_REPEATS - 1 ? 1000L : FRAME_MS * 1000L;
                }
                timeUs += gapMs * 1000L;
                timestamp = (timestamp + keySamples + (long)gapMs * SAMPLE_RATE / 1000) & 0xFFFF_FFFFL;
            }
        }

        private int nextSequence()
        {
            final int current = sequence;
            sequence = (sequence + 1) & 0xFFFF;
            return current;
        }
    }

    /**
     * A classic libpcap file (microsecond timestamps, link type Ethernet) of UDP datagrams from and to
     * 127.0.0.1:{@value #PCAP_BASE_PORT}; SIPp rewrites addresses and ports when it plays it.
     */
    private static final class PcapWriter
    {
        private static final int ETHERNET_HEADER = 14;
        private static final int IPV4_HEADER = 20;
        private static final int UDP_HEADER = 8;

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int ipId;

        PcapWriter()
        {
            final ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xA1B2C3D4);
            header.putShort((short)2);
            header.putShort((short)4);
            header.putInt(0);
            header.putInt(0);
            header.putInt(65535);
            header.putInt(1);
            out.writeBytes(header.array());
        }

        void packet(final long timeUs, final byte[] udpPayload)
        {
            final int udpLength = UDP_HEADER + udpPayload.length;
            final int ipLength = IPV4_HEADER + udpLength;
            final int frameLength = ETHERNET_HEADER + ipLength;

            final ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt((int)(timeUs / 1_000_000L));
            record.putInt((int)(timeUs % 1_000_000L));
            record.putInt(frameLength);
            record.putInt(frameLength);
            out.writeBytes(record.array());

            final ByteBuffer frame = ByteBuffer.allocate(frameLength).order(ByteOrder.BIG_ENDIAN);
            frame.put(new byte[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            frame.putShort((short)0x0800);

            final int ipStart = frame.position();
            frame.put((byte)0x45);
            frame.put((byte)0);
            frame.putShort((short)ipLength);
            frame.putShort((short)ipId++);
            frame.putShort((short)0);
            frame.put((byte)64);
            frame.put((byte)17);
            frame.putShort((short)0);
            frame.put(new byte[]{127, 0, 0, 1});
            frame.put(new byte[]{127, 0, 0, 1});
            frame.putShort(ipStart + 10, (short)ipv4Checksum(frame.array(), ipStart));

            frame.putShort((short)PCAP_BASE_PORT);
            frame.putShort((short)PCAP_BASE_PORT);
            frame.putShort((short)udpLength);
            frame.putShort((short)0);
            frame.put(udpPayload);
            out.writeBytes(frame.array());
        }

        byte[] toByteArray()
        {
            return out.toByteArray();
        }

        private static int ipv4Checksum(final byte[] bytes, final int start)
        {
            int sum = 0;
            for (int i = start; i < start + IPV4_HEADER; i += 2)
            {
                sum += ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
            }
            while ((sum >> 16) != 0)
            {
                sum = (sum & 0xFFFF) + (sum >> 16);
            }
            return ~sum & 0xFFFF;
        }
    }
}
