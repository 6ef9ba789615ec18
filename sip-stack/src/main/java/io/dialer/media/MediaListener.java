/*
 * Dialer media.
 */
package io.dialer.media;

/**
 * Events of one media session, called on the media thread: implementations must return at once (publish to a
 * queue or ring), never block.
 */
public interface MediaListener
{
    /**
     * A DTMF digit ended (RFC 4733 end packet, deduplicated), once per key press.
     *
     * @param sessionId  the session.
     * @param digit      one of {@code 0-9 * # A-D}.
     * @param durationMs the key press duration.
     */
    void onDtmf(long sessionId, char digit, int durationMs);

    /**
     * A prompt finished playing, or was stopped.
     *
     * @param sessionId   the session.
     * @param playbackId  the id returned by {@link MediaSession#play}.
     * @param interrupted true when stopped before its end (barge-in, stop, new prompt, bridge, close).
     */
    void onPlaybackFinished(long sessionId, long playbackId, boolean interrupted);

    /**
     * No RTP received for the configured inactivity timeout while the session was connected: the call is dead.
     *
     * @param sessionId the session.
     */
    void onRtpTimeout(long sessionId);
}
