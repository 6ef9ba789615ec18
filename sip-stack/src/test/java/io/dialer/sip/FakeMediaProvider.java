/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import io.dialer.media.AudioTap;
import io.dialer.audio.Codec;
import io.dialer.media.MediaListener;
import io.dialer.media.Prompt;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Media without RTP, for signalling tests: records what signalling asked of it.
 */
final class FakeMediaProvider implements MediaProvider
{
    private static final AtomicInteger PORTS = new AtomicInteger(40_000);
    private static final AtomicLong IDS = new AtomicLong();

    final List<FakeLegMedia> sessions = new CopyOnWriteArrayList<>();
    volatile long rtpTimeoutMs;

    public LegMedia open(final MediaListener listener)
    {
        final FakeLegMedia media = new FakeLegMedia(listener);
        sessions.add(media);
        return media;
    }

    public LegMedia open(final MediaListener listener, final LegMedia affinity)
    {
        final FakeLegMedia media = new FakeLegMedia(listener);
        media.affinity = affinity;
        sessions.add(media);
        return media;
    }

    public long rtpTimeoutMs()
    {
        return rtpTimeoutMs;
    }

    /**
     * Signalling tests' media: an RTP inactivity timeout, as the media engine's setting.
     *
     * @param timeoutMs milliseconds, 0 for none.
     * @return this.
     */
    FakeMediaProvider rtpTimeoutMs(final long timeoutMs)
    {
        this.rtpTimeoutMs = timeoutMs;
        return this;
    }

    public void close()
    {
    }

    /**
     * Media without RTP: silent from its creation until a test says {@link #received()}.
     */
    static final class FakeLegMedia implements LegMedia
    {
        final MediaListener listener;
        final long id = IDS.incrementAndGet();
        final InetSocketAddress local = new InetSocketAddress(
            InetAddress.getLoopbackAddress(), PORTS.getAndAdd(2) % 60_000 + 2_000);
        volatile InetSocketAddress remote;
        volatile Codec codec;
        volatile int telephoneEventPt;
        volatile boolean send = true;
        volatile boolean receive = true;
        volatile boolean closed;
        volatile LegMedia bridgedWith;
        volatile LegMedia affinity;
        final List<String> directions = new CopyOnWriteArrayList<>();
        volatile long lastReceivedNs = System.nanoTime();

        FakeLegMedia(final MediaListener listener)
        {
            this.listener = listener;
        }

        public long id()
        {
            return id;
        }

        public InetSocketAddress localAddress()
        {
            return local;
        }

        public void connect(final InetSocketAddress remote, final Codec codec, final int telephoneEventPayloadType)
        {
            this.remote = remote;
            this.codec = codec;
            this.telephoneEventPt = telephoneEventPayloadType;
        }

        public void direction(final boolean send, final boolean receive)
        {
            this.send = send;
            this.receive = receive;
            directions.add(send + "/" + receive);
        }

        public long play(final Prompt prompt, final boolean loop, final boolean bargeIn)
        {
            return 1;
        }

        public void play(final Prompt prompt, final boolean loop, final boolean bargeIn, final long playbackId)
        {
        }

        public void stopPlayback()
        {
        }

        public void sendDtmf(final char digit, final int durationMs)
        {
        }

        public void bridge(final LegMedia other)
        {
            bridgedWith = other;
        }

        public void unbridge()
        {
            bridgedWith = null;
        }

        public void addTap(final AudioTap tap)
        {
        }

        public void removeTap(final AudioTap tap)
        {
        }

        public void close()
        {
            closed = true;
        }

        public long nowNs()
        {
            return System.nanoTime();
        }

        public long lastReceivedNs()
        {
            return lastReceivedNs;
        }

        /**
         * As if an RTP packet had just been received.
         */
        void received()
        {
            lastReceivedNs = System.nanoTime();
        }
    }
}
