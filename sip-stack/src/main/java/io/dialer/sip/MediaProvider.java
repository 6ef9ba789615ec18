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

    void close();
}
