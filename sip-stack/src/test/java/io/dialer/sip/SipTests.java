/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import io.dialer.media.MediaEngine;

import java.net.InetAddress;

/**
 * Contexts for loopback tests: ephemeral ports, few threads.
 */
final class SipTests
{
    static final String LOOPBACK = InetAddress.getLoopbackAddress().getHostAddress();

    private SipTests()
    {
    }

    /**
     * A dialer stack without RTP (signalling tests).
     *
     * @param media the fake media to use.
     * @return the context.
     */
    static SipStack.Context signallingContext(final FakeMediaProvider media)
    {
        return new SipStack.Context()
            .bindAddress(InetAddress.getLoopbackAddress())
            .port(0)
            .threadPoolSize(2)
            .allowedPeer(LOOPBACK)
            .mediaProvider(media);
    }

    /**
     * A stack with the real media engine.
     *
     * @return the context.
     */
    static SipStack.Context mediaContext()
    {
        return new SipStack.Context()
            .bindAddress(InetAddress.getLoopbackAddress())
            .port(0)
            .threadPoolSize(2)
            .allowedPeer(LOOPBACK)
            .mediaContext(new MediaEngine.Context().bindAddress(InetAddress.getLoopbackAddress()));
    }
}
