/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;

import javax.sip.ListeningPoint;
import java.io.IOException;
import java.net.InetAddress;

/**
 * JAIN-SIP's {@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}: NIO processors, TCP through
 * {@link GuardedTcpProcessor}, UDP through {@link DirectUdpProcessor} (no receive thread, no buffer per datagram). Public only because JAIN-SIP creates it by reflection.
 */
public final class GuardedMessageProcessorFactory implements MessageProcessorFactory
{
    private final NioMessageProcessorFactory delegate = new NioMessageProcessorFactory();

    /**
     * Created by JAIN-SIP through its no-argument constructor.
     */
    public GuardedMessageProcessorFactory()
    {
    }

    /**
     * {@inheritDoc}
     */
    public MessageProcessor createMessageProcessor(
        final SIPTransactionStack sipStack, final InetAddress address, final int port, final String transport)
        throws IOException
    {
        if (ListeningPoint.TCP.equalsIgnoreCase(transport))
        {
            final String stackName = sipStack instanceof SipStackImpl ? ((SipStackImpl)sipStack).getStackName() : null;
            return new GuardedTcpProcessor(address, sipStack, port, StackGuard.of(stackName));
        }
        if (ListeningPoint.UDP.equalsIgnoreCase(transport))
        {
            final MessageProcessor direct = DirectUdpProcessor.create(sipStack, address, port);
            if (null != direct)
            {
                return direct;
            }
        }
        return delegate.createMessageProcessor(sipStack, address, port, transport);
    }
}
