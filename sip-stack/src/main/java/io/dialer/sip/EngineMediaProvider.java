/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import io.dialer.media.AudioTap;
import io.dialer.audio.Codec;
import io.dialer.media.MediaEngine;
import io.dialer.media.MediaListener;
import io.dialer.media.MediaSession;
import io.dialer.media.Prompt;
import org.agrona.concurrent.NanoClock;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * {@link MediaProvider} over the real {@link MediaEngine}.
 */
final class EngineMediaProvider implements MediaProvider
{
    private final MediaEngine engine;
    private final boolean owned;

    EngineMediaProvider(final MediaEngine engine, final boolean owned)
    {
        this.engine = engine;
        this.owned = owned;
    }

    public LegMedia open(final MediaListener listener) throws IOException
    {
        return new EngineLegMedia(engine.open(listener), engine.context().nanoClock());
    }

    public LegMedia open(final MediaListener listener, final LegMedia affinity) throws IOException
    {
        if (affinity instanceof EngineLegMedia near)
        {
            try
            {
                return new EngineLegMedia(engine.open(listener, near.session), engine.context().nanoClock());
            }
            catch (final IllegalArgumentException ex)
            {
                // the other leg's session belongs to another engine: they could not be bridged anyway
                return open(listener);
            }
        }
        return open(listener);
    }

    public long skippedFrames()
    {
        return engine.skippedFrames();
    }

    public long foreignPackets()
    {
        return engine.foreignPackets();
    }

    public long rtpTimeoutMs()
    {
        return engine.context().rtpTimeoutMs();
    }

    public void close()
    {
        if (owned)
        {
            engine.close();
        }
    }

    static final class EngineLegMedia implements LegMedia
    {
        private final MediaSession session;
        private final NanoClock clock;

        EngineLegMedia(final MediaSession session, final NanoClock clock)
        {
            this.session = session;
            this.clock = clock;
        }

        public long id()
        {
            return session.id();
        }

        public InetSocketAddress localAddress()
        {
            return session.localAddress();
        }

        public void connect(final InetSocketAddress remote, final Codec codec, final int telephoneEventPayloadType)
        {
            session.connect(remote, codec, telephoneEventPayloadType);
        }

        public void direction(final boolean send, final boolean receive)
        {
            session.direction(send, receive);
        }

        public long play(final Prompt prompt, final boolean loop, final boolean bargeIn)
        {
            return session.play(prompt, loop, bargeIn);
        }

        public void play(final Prompt prompt, final boolean loop, final boolean bargeIn, final long playbackId)
        {
            session.play(prompt, loop, bargeIn, playbackId);
        }

        public void stopPlayback()
        {
            session.stopPlayback();
        }

        public void sendDtmf(final char digit, final int durationMs)
        {
            session.sendDtmf(digit, durationMs);
        }

        public void bridge(final LegMedia other)
        {
            session.bridge(((EngineLegMedia)other).session);
        }

        public void bridge(final LegMedia other, final Prompt introduction, final long playbackId)
        {
            session.bridge(((EngineLegMedia)other).session, introduction, playbackId);
        }

        public boolean startTapClock()
        {
            session.startTapClock();
            return true;
        }

        public void unbridge()
        {
            session.unbridge();
        }

        public void addTap(final AudioTap tap)
        {
            session.addTap(tap);
        }

        public void removeTap(final AudioTap tap)
        {
            session.removeTap(tap);
        }

        public void close()
        {
            session.close();
        }

        public long nowNs()
        {
            return clock.nanoTime();
        }

        public long lastReceivedNs()
        {
            return session.lastReceivedNs();
        }
    }
}
