/*
 * Dialer media tests.
 */
package io.dialer.media;

import io.dialer.audio.Codec;
import io.dialer.audio.G711;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.agrona.concurrent.UnsafeBuffer;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Helpers for the media tests: tone generation and detection, a listener recording events, a raw RTP peer.
 */
final class MediaTests
{
    static final long WAIT_SECONDS = 20;

    private MediaTests()
    {
    }

    static short[] tone(final double frequency, final int samples, final int amplitude)
    {
        final short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++)
        {
            pcm[i] = (short)Math.round(amplitude * Math.sin(2 * Math.PI * frequency * i / 8000.0));
        }
        return pcm;
    }

    /**
     * Goertzel power of one frequency over a frame, normalised by length.
     */
    static double goertzel(final short[] samples, final int offset, final int length, final double frequency)
    {
        final double coefficient = 2 * Math.cos(2 * Math.PI * frequency / 8000.0);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < length; i++)
        {
            final double s0 = samples[offset + i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return (s1 * s1 + s2 * s2 - coefficient * s1 * s2) / length;
    }

    /**
     * True when the frame is loud and the frequency dominates the other one by 20 dB.
     */
    static boolean dominates(final short[] frame, final double frequency, final double other)
    {
        final double wanted = goertzel(frame, 0, frame.length, frequency);
        final double unwanted = goertzel(frame, 0, frame.length, other);
        return wanted > 100 * unwanted && rms(frame) > 1000;
    }

    static double rms(final short[] samples)
    {
        double sum = 0;
        for (final short sample : samples)
        {
            sum += (double)sample * sample;
        }
        return Math.sqrt(sum / Math.max(1, samples.length));
    }

    static void await(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("timed out waiting for " + what);
            }
            Thread.yield();
        }
    }

    static <T> T take(final BlockingQueue<T> queue, final String what) throws InterruptedException
    {
        final T value = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(value, "timed out waiting for " + what);
        return value;
    }

    /**
     * A tap keeping copies of the frames it sees (tests only: the engine itself never copies).
     */
    static final class FrameQueue implements AudioTap
    {
        final BlockingQueue<short[]> frames = new LinkedBlockingQueue<>();

        public void onFrame(
            final long sessionId, final short[] samples, final int offset, final int length, final long rtpTimestamp)
        {
            final short[] copy = new short[length];
            System.arraycopy(samples, offset, copy, 0, length);
            frames.add(copy);
        }

        short[] awaitFrame(final double frequency, final double other) throws InterruptedException
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (System.nanoTime() < deadline)
            {
                final short[] frame = frames.poll(1, TimeUnit.SECONDS);
                if (null != frame && frame.length == 160 && dominates(frame, frequency, other))
                {
                    return frame;
                }
            }
            fail("no frame dominated by " + frequency + " Hz");
            return null;
        }
    }

    /**
     * Records every listener event as a string: {@code dtmf:5:100}, {@code finished:7:true}, {@code timeout}.
     */
    static class RecordingListener implements MediaListener
    {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final BlockingQueue<Character> digits = new LinkedBlockingQueue<>();

        public void onDtmf(final long sessionId, final char digit, final int durationMs)
        {
            digits.add(digit);
            events.add("dtmf:" + digit + ":" + durationMs);
        }

        public void onPlaybackFinished(final long sessionId, final long playbackId, final boolean interrupted)
        {
            events.add("finished:" + playbackId + ":" + interrupted);
        }

        public void onRtpTimeout(final long sessionId)
        {
            events.add("timeout");
        }

        String next() throws InterruptedException
        {
            return take(events, "a media event");
        }

        String nextMatching(final String prefix) throws InterruptedException
        {
            while (true)
            {
                final String event = next();
                if (event.startsWith(prefix))
                {
                    return event;
                }
            }
        }
    }

    /**
     * A received RTP packet as the raw peer saw it.
     */
    static final class Packet
    {
        final boolean marker;
        final int payloadType;
        final int sequence;
        final long timestamp;
        final long ssrc;
        final byte[] payload;

        Packet(final RtpPacket rtp, final UnsafeBuffer buffer)
        {
            marker = rtp.marker();
            payloadType = rtp.payloadType();
            sequence = rtp.sequenceNumber();
            timestamp = rtp.timestamp();
            ssrc = rtp.ssrc();
            payload = new byte[rtp.payloadLength()];
            buffer.getBytes(rtp.payloadOffset(), payload);
        }

        short[] decode(final Codec codec)
        {
            final short[] pcm = new short[payload.length];
            G711.decode(codec, payload, 0, payload.length, pcm, 0);
            return pcm;
        }

        int event()
        {
            return payload[0] & 0xFF;
        }

        boolean end()
        {
            return (payload[1] & 0x80) != 0;
        }

        int duration()
        {
            return ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF);
        }

        public String toString()
        {
            return "pt=" + payloadType + " seq=" + sequence + " ts=" + timestamp + " m=" + marker + " len=" +
                payload.length;
        }
    }

    /**
     * A hand-driven RTP endpoint on a plain channel: sends crafted packets, receives and parses.
     */
    static final class RawPeer implements AutoCloseable
    {
        final DatagramChannel channel;
        final Selector selector;
        final ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
        final UnsafeBuffer unsafe = new UnsafeBuffer(buffer);
        final RtpPacket rtp = new RtpPacket();
        InetSocketAddress target;
        final long ssrc = 0x12345678L;
        int sequence = 1000;
        long timestamp = 50_000;

        RawPeer() throws IOException
        {
            channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            channel.bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
        }

        InetSocketAddress address() throws IOException
        {
            return (InetSocketAddress)channel.getLocalAddress();
        }

        RawPeer target(final InetSocketAddress target)
        {
            this.target = target;
            return this;
        }

        void sendBytes(final byte[] bytes) throws IOException
        {
            channel.send(ByteBuffer.wrap(bytes), target);
        }

        void sendRtp(final boolean marker, final int payloadType, final int seq, final long ts, final byte[] payload)
            throws IOException
        {
            final ByteBuffer packet = ByteBuffer.allocate(12 + payload.length).order(ByteOrder.BIG_ENDIAN);
            packet.put((byte)0x80).put((byte)((marker ? 0x80 : 0) | payloadType)).putShort((short)seq)
                .putInt((int)ts).putInt((int)ssrc).put(payload).flip();
            channel.send(packet, target);
        }

        void sendVoice(final Codec codec, final short[] pcm) throws IOException
        {
            final byte[] payload = new byte[pcm.length];
            G711.encode(codec, pcm, 0, pcm.length, payload, 0);
            sendRtp(false, codec.payloadType(), sequence++, timestamp, payload);
            timestamp += pcm.length;
        }

        void sendEvent(final boolean marker, final int payloadType, final int seq, final long ts, final int event,
            final boolean end, final int duration) throws IOException
        {
            final byte[] payload = {
                (byte)event, (byte)((end ? 0x80 : 0) | 10), (byte)(duration >> 8), (byte)duration};
            sendRtp(marker, payloadType, seq, ts, payload);
        }

        /**
         * Next RTP packet, or null after the wait.
         */
        Packet receive(final long timeoutMs) throws IOException
        {
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (true)
            {
                buffer.clear();
                if (null != channel.receive(buffer))
                {
                    if (RtpPacket.VALID == rtp.wrap(unsafe, 0, buffer.position()).validate())
                    {
                        return new Packet(rtp, unsafe);
                    }
                    continue;
                }
                final long left = deadline - System.nanoTime();
                if (left <= 0)
                {
                    return null;
                }
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                selector.selectedKeys().clear();
            }
        }

        Packet take() throws IOException
        {
            final Packet packet = receive(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            assertNotNull(packet, "timed out waiting for an RTP packet");
            return packet;
        }

        public void close() throws IOException
        {
            selector.close();
            channel.close();
        }
    }

    /**
     * Builds WAV files by hand, chunk by chunk.
     */
    static final class WavBuilder
    {
        private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();

        WavBuilder fmt(final int format, final int channels, final int rate, final int bits)
        {
            final ByteBuffer body = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            final int blockAlign = channels * Math.max(1, bits / 8);
            body.putShort((short)format).putShort((short)channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short)blockAlign).putShort((short)bits);
            return chunk("fmt ", body.array());
        }

        WavBuilder chunk(final String id, final byte[] body)
        {
            final ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            header.put(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(body.length);
            chunks.writeBytes(header.array());
            chunks.writeBytes(body);
            if ((body.length & 1) != 0)
            {
                chunks.write(0);
            }
            return this;
        }

        WavBuilder pcm16(final short[] samples)
        {
            final ByteBuffer body = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (final short sample : samples)
            {
                body.putShort(sample);
            }
            return chunk("data", body.array());
        }

        byte[] build()
        {
            final byte[] body = chunks.toByteArray();
            final ByteBuffer riff = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
            riff.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(4 + body.length)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(body);
            return riff.array();
        }
    }
}
