/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import io.dialer.audio.Codec;
import io.dialer.media.AudioTap;
import io.dialer.media.Prompt;

import java.net.InetSocketAddress;

/**
 * The media of a leg whose RTP now flows straight to another far end (a media release after the bridge): no socket,
 * no media thread, no detection. It answers the far end's later re-INVITEs (a session refresh) with the address the
 * far end was given, keeps the clock the leg's liveness runs on, and refuses prompts, DTMF and bridges, which need
 * the dialer in the audio path.
 */
final class ReleasedMedia implements LegMedia
{
    private final long id;
    private final InetSocketAddress sentTo;
    private final LegMedia clock;
    private final long releasedNs;

    /**
     * @param sentTo where the far end now sends its RTP: the other far end.
     * @param before the media that was closed, for its id and clock only.
     */
    ReleasedMedia(final InetSocketAddress sentTo, final LegMedia before)
    {
        this.id = before.id();
        this.sentTo = sentTo;
        this.clock = before;
        this.releasedNs = before.nowNs();
    }

    public long id()
    {
        return id;
    }

    public InetSocketAddress localAddress()
    {
        return sentTo;
    }

    public void connect(final InetSocketAddress remote, final Codec codec, final int telephoneEventPayloadType)
    {
    }

    public void direction(final boolean send, final boolean receive)
    {
    }

    public long play(final Prompt prompt, final boolean loop, final boolean bargeIn)
    {
        throw released();
    }

    public void play(final Prompt prompt, final boolean loop, final boolean bargeIn, final long playbackId)
    {
        throw released();
    }

    public void stopPlayback()
    {
    }

    public void sendDtmf(final char digit, final int durationMs)
    {
        throw released();
    }

    public void bridge(final LegMedia other)
    {
        throw released();
    }

    public void unbridge()
    {
    }

    public void addTap(final AudioTap tap)
    {
        throw released();
    }

    public void removeTap(final AudioTap tap)
    {
    }

    public void close()
    {
    }

    public long nowNs()
    {
        return clock.nowNs();
    }

    public long lastReceivedNs()
    {
        // no RTP reaches the dialer: the OPTIONS keepalive counts from the release
        return releasedNs;
    }

    private static IllegalStateException released()
    {
        return new IllegalStateException("media released: the far ends send RTP to each other");
    }
}
