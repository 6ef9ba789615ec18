/*
 * Dialer media.
 */
package io.dialer.media;

/**
 * Subscriber to a leg's received audio: decoded 8 kHz linear PCM in 20 ms frames (160 samples).
 * <p>
 * Called on the media thread with a buffer that is reused for the next frame: read it, do not keep it, do not block.
 */
@FunctionalInterface
public interface AudioTap
{
    /**
     * One decoded frame of received audio.
     *
     * @param sessionId    the media session the frame belongs to.
     * @param samples      buffer holding the samples, reused after the call returns.
     * @param offset       index of the first sample.
     * @param length       number of samples (160 for 20 ms).
     * @param rtpTimestamp RTP timestamp of the frame, as received.
     */
    void onFrame(long sessionId, short[] samples, int offset, int length, long rtpTimestamp);
}
