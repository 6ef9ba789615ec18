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

    /**
     * Bridges at once and plays a prompt both far ends hear over their conversation (see
     * {@link io.dialer.media.MediaSession#bridge(io.dialer.media.MediaSession, Prompt, long)}).
     *
     * @param other        the other leg's media.
     * @param introduction the prompt.
     * @param playbackId   the id its end is reported with.
     */
    default void bridge(LegMedia other, Prompt introduction, long playbackId)
    {
        throw new UnsupportedOperationException("no introduction on " + getClass().getSimpleName());
    }

    void unbridge();

    void addTap(AudioTap tap);

    /**
     * Makes the taps advance on the media's 20 ms clock from now (see
     * {@link io.dialer.media.MediaSession#startTapClock()}).
     *
     * @return true when the media has such a clock: frame {@code k} then starts {@code 20k} ms after this call.
     */
    default boolean startTapClock()
    {
        return false;
    }

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
