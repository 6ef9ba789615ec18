/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import io.dialer.media.MediaEngine;
import io.dialer.sip.SipStack;
import io.dialer.sip.Transport;

/**
 * The dialer's telephony for the campaign load runs: {@code --stacks} {@link SipStack}s on loopback (UDP, peers on
 * 127.0.0.1 only) sharing one {@link MediaEngine} ({@code --agents} media threads, RTP ports from
 * {@code --rtp-port-start}, four per call slot, RTP timeout off).
 */
final class DialerStacks implements AutoCloseable
{
    private final MediaEngine media;
    private final List<SipStack> stacks = new ArrayList<>();

    DialerStacks(final LoadOptions options)
    {
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        final int slots = 1 << options.capacityBits;
        final MediaEngine.Context mediaContext = new MediaEngine.Context()
            .bindAddress(loopback)
            .portRange(options.rtpPortStart, Math.min(65_534, options.rtpPortStart + 4 * slots))
            .rtpTimeoutMs(0);
        if (options.agents > 0)
        {
            mediaContext.agentCount(options.agents);
        }
        media = new MediaEngine(mediaContext);
        try
        {
            for (int i = 0; i < options.stacks; i++)
            {
                final SipStack.Context context = new SipStack.Context()
                    .bindAddress(loopback)
                    .port(0)
                    .transports(Transport.UDP)
                    .allowedPeer("127.0.0.1")
                    .userAgent("dialer-load")
                    .mediaEngine(media);
                if (options.sipThreads > 0)
                {
                    context.threadPoolSize(options.sipThreads);
                }
                stacks.add(SipStack.launch(context));
            }
        }
        catch (final RuntimeException ex)
        {
            close();
            throw ex;
        }
    }

    SipStack[] stacks()
    {
        return stacks.toArray(new SipStack[0]);
    }

    /**
     * Closes the stacks, then the media engine.
     */
    @Override
    public void close()
    {
        for (final SipStack stack : stacks)
        {
            stack.close();
        }
        media.close();
    }
}
