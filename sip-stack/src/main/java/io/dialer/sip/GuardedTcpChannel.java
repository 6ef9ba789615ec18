/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * An accepted TCP connection whose bytes pass a {@link SipStreamGuard} before JAIN-SIP's parser: an oversized header
 * section or {@code Content-Length} closes the connection.
 */
final class GuardedTcpChannel extends NioTcpMessageChannel
{
    private final StackGuard guard;
    private final SipStreamGuard streamGuard;

    GuardedTcpChannel(final NioTcpMessageProcessor processor, final SocketChannel client, final StackGuard guard)
        throws IOException
    {
        super(processor, client);
        this.messageProcessor = processor;
        this.myClientInputStream = client.socket().getInputStream();
        this.guard = guard;
        this.streamGuard = new SipStreamGuard(guard.maxHeaderBytes, guard.maxContentLength);
    }

    @Override
    protected void addBytes(final byte[] bytes) throws Exception
    {
        if (!streamGuard.accept(bytes, 0, bytes.length))
        {
            guard.onTcpOversize();
            BadInputLog.instance().report(
                null == peerAddress ? "unknown" : peerAddress.getHostAddress(),
                streamGuard.problem() + ": TCP connection closed");
            // not an IOException: JAIN-SIP would then feed its parser an end of headers, which allocates the body
            throw new OversizeException();
        }
        super.addBytes(bytes);
    }

    /**
     * The stream broke a limit; JAIN-SIP closes the connection.
     */
    static final class OversizeException extends Exception
    {
        private static final long serialVersionUID = 1L;

        OversizeException()
        {
            super("SIP message over the limits", null, false, false);
        }
    }
}
