/*
 * Dialer media.
 */
package io.dialer.media;

import java.net.InetSocketAddress;

/**
 * The media of one call leg: one RTP socket. Every method is thread-safe and returns at once: it queues a command
 * to the media agent, which owns the session's state.
 * <p>
 * API STUB written by the lead: the media owner replaces the bodies, keeps the public shape (may add to it).
 */
public final class MediaSession
{
    /**
     * Unique id of the session within its engine.
     *
     * @return the id.
     */
    public long id()
    {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Local RTP address (for the SDP).
     *
     * @return address and port.
     */
    public InetSocketAddress localAddress()
    {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Starts (or, on a re-INVITE, changes) the RTP exchange with the far end.
     *
     * @param remote                    the far end's RTP address from its SDP.
     * @param codec                     the negotiated codec.
     * @param telephoneEventPayloadType negotiated RFC 4733 payload type, or -1 when the far end offered none.
     */
    public void connect(final InetSocketAddress remote, final Codec codec, final int telephoneEventPayloadType)
    {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Media direction from SDP (hold is send off, or both off for inactive).
     *
     * @param send    whether we send RTP.
     * @param receive whether we expect RTP (the inactivity timeout is paused when false).
     */
    public void direction(final boolean send, final boolean receive)
    {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Plays a prompt, replacing any prompt playing.
     *
     * @param prompt  the audio.
     * @param loop    play again from the start at its end (hold music) until stopped.
     * @param bargeIn stop it when a DTMF digit is received.
     * @return a playback id, reported by {@link MediaListener#onPlaybackFinished}.
     */
    public long play(final Prompt prompt, final boolean loop, final boolean bargeIn)
    {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Stops the prompt playing, if any; silence follows.
     */
    public void stopPlayback()
    {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Sends a DTMF digit as RFC 4733 telephone-events.
     *
     * @param digit      one of {@code 0-9 * # A-D}.
     * @param durationMs key press duration.
     */
    public void sendDtmf(final char digit, final int durationMs)
    {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Relays RTP both ways between this session's far end and the other's, rewriting SSRC, sequence numbers and
     * timestamps so each far end keeps seeing one continuous stream. Stops prompts on both.
     *
     * @param other the other leg's session.
     */
    public void bridge(final MediaSession other)
    {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Ends a bridge this session is part of; both far ends hear silence until told otherwise.
     */
    public void unbridge()
    {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Subscribes to the decoded received audio.
     *
     * @param tap the subscriber.
     */
    public void addTap(final AudioTap tap)
    {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Unsubscribes from the received audio.
     *
     * @param tap the subscriber.
     */
    public void removeTap(final AudioTap tap)
    {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Stops media and releases the port.
     */
    public void close()
    {
        throw new UnsupportedOperationException("stub");
    }
}
