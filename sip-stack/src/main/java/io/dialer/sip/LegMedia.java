/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import io.dialer.media.AudioTap;
import io.dialer.audio.Codec;
import io.dialer.media.Prompt;

import java.net.InetSocketAddress;

/**
 * The media of one leg as the signalling sees it: the shape of {@link io.dialer.media.MediaSession}, behind an
 * interface so signalling can be tested without RTP.
 */
interface LegMedia
{
    long id();

    InetSocketAddress localAddress();

    void connect(InetSocketAddress remote, Codec codec, int telephoneEventPayloadType);

    void direction(boolean send, boolean receive);

    long play(Prompt prompt, boolean loop, boolean bargeIn);

    void play(Prompt prompt, boolean loop, boolean bargeIn, long playbackId);

    void stopPlayback();

    void sendDtmf(char digit, int durationMs);

    void bridge(LegMedia other);

    void unbridge();

    void addTap(AudioTap tap);

    void removeTap(AudioTap tap);

    void close();

    /**
     * Now, on the clock of {@link #lastReceivedNs()}.
     *
     * @return nanoseconds.
     */
    long nowNs();

    /**
     * When RTP was last received (or the media connected, or started receiving again), from any thread.
     *
     * @return nanoseconds on the clock of {@link #nowNs()}.
     */
    long lastReceivedNs();
}
