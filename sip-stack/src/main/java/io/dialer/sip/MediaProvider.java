/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import io.dialer.media.MediaListener;

import java.io.IOException;

/**
 * Opens the media of legs: the {@link io.dialer.media.MediaEngine} in production, a fake in signalling tests.
 */
interface MediaProvider extends AutoCloseable
{
    LegMedia open(MediaListener listener) throws IOException;

    /**
     * Opens media on the same media thread as another leg's, so the two can be bridged; providers with one thread (or
     * none) open as usual.
     *
     * @param listener receives the media events.
     * @param affinity the other leg's media.
     * @return the new leg's media.
     * @throws IOException when no port can be bound.
     */
    default LegMedia open(MediaListener listener, LegMedia affinity) throws IOException
    {
        return open(listener);
    }

    /**
     * @return media frames skipped because the media threads were late (see MediaEngine.skippedFrames), 0 when the
     *         provider has no such threads.
     */
    default long skippedFrames()
    {
        return 0;
    }

    /**
     * @return RTP packets dropped because they did not come from their leg's far end (see
     *         MediaEngine.foreignPackets), 0 when the provider has no such counter.
     */
    default long foreignPackets()
    {
        return 0;
    }

    /**
     * @return the RTP inactivity timeout of the media, in ms (the media engine's setting), 0 for none.
     */
    default long rtpTimeoutMs()
    {
        return 0;
    }

    void close();
}
