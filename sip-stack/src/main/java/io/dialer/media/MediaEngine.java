/*
 * Dialer media.
 */
package io.dialer.media;

import java.io.IOException;
import java.net.InetAddress;

/**
 * RTP media for many call legs on one (or a few) Agrona agent threads: sockets from a port range, 20 ms G.711
 * frames paced by a timer, prompt playback, DTMF, bridging and audio taps.
 * <p>
 * API STUB written by the lead: the media owner replaces the bodies, keeps the public shape (may add to it).
 */
public final class MediaEngine implements AutoCloseable
{
    /**
     * Configuration, resolved and checked by {@link #conclude()}.
     */
    public static final class Context
    {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int portRangeStart = 20_000;
        private int portRangeEnd = 29_998;
        private long rtpTimeoutMs = 30_000;

        /**
         * Address RTP sockets bind to and that SDP advertises.
         *
         * @param address the address.
         * @return this.
         */
        public Context bindAddress(final InetAddress address)
        {
            this.bindAddress = address;
            return this;
        }

        /**
         * Address RTP sockets bind to and that SDP advertises.
         *
         * @return the address.
         */
        public InetAddress bindAddress()
        {
            return bindAddress;
        }

        /**
         * First and last (even) RTP port of the range.
         *
         * @param start first port, even.
         * @param end   last port, even, not below start.
         * @return this.
         */
        public Context portRange(final int start, final int end)
        {
            this.portRangeStart = start;
            this.portRangeEnd = end;
            return this;
        }

        /**
         * First port of the range.
         *
         * @return the port.
         */
        public int portRangeStart()
        {
            return portRangeStart;
        }

        /**
         * Last port of the range.
         *
         * @return the port.
         */
        public int portRangeEnd()
        {
            return portRangeEnd;
        }

        /**
         * Inactivity timeout: no RTP for this long on a connected session raises
         * {@link MediaListener#onRtpTimeout(long)}; 0 disables it.
         *
         * @param timeoutMs milliseconds.
         * @return this.
         */
        public Context rtpTimeoutMs(final long timeoutMs)
        {
            this.rtpTimeoutMs = timeoutMs;
            return this;
        }

        /**
         * Inactivity timeout in milliseconds.
         *
         * @return the timeout.
         */
        public long rtpTimeoutMs()
        {
            return rtpTimeoutMs;
        }

        /**
         * Checks the settings.
         *
         * @return this.
         */
        public Context conclude()
        {
            return this;
        }
    }

    /**
     * Starts the engine's agent thread(s).
     *
     * @param context configuration.
     */
    public MediaEngine(final Context context)
    {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Opens a session on the next free port pair of the range. Thread-safe.
     *
     * @param listener receives the session's events on the media thread.
     * @return the session, bound but not yet connected to a remote.
     * @throws IOException when no port of the range can be bound.
     */
    public MediaSession open(final MediaListener listener) throws IOException
    {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Closes every session and stops the agent thread(s).
     */
    @Override
    public void close()
    {
    }
}
