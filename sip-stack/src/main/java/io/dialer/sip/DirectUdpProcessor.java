/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageProcessor;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * JAIN-SIP's UDP message processor without its receive thread: each of JAIN-SIP's {@code UDPMessageChannelThread}s
 * receives the next datagram itself, into a buffer of its own that it reuses, then parses and handles it on the
 * same thread.
 * <p>
 * JAIN-SIP's own processor receives every datagram on one thread into a new buffer of the maximum message size
 * (64 KiB here: 56 % of all the bytes a call allocated) and hands it to a channel thread through a
 * {@code LinkedBlockingQueue}: a futex wake and a context switch per received message on top of the receive. Here
 * the processor's queue is a {@link ReceivingQueue} whose {@code take()} is the socket's receive: the channel
 * threads call it in their unchanged loop, and the processor's thread only starts them and exits. With several
 * channel threads they take turns on the socket (the socket's own lock), as they took turns on the queue before.
 * <p>
 * JAIN-SIP sends on the processor's socket only when its package-private {@code udpFlag} is set, which its own
 * factories do when they create a UDP processor; {@link #create} sets it the same way (reflection, once per stack)
 * and returns {@code null} when it cannot, so that the caller falls back to JAIN-SIP's processor.
 */
final class DirectUdpProcessor extends UDPMessageProcessor
{
    private final CountDownLatch started = new CountDownLatch(1);

    private DirectUdpProcessor(final InetAddress address, final SIPTransactionStack sipStack, final int port)
        throws IOException
    {
        super(address, sipStack, port);
        messageQueue = new ReceivingQueue(this);
    }

    /**
     * A processor for the stack, or {@code null} when JAIN-SIP's UDP send flag cannot be set (a JAIN-SIP without
     * it): then JAIN-SIP's own processor must be used.
     *
     * @param sipStack the stack.
     * @param address address to bind.
     * @param port port to bind.
     * @return the processor, or {@code null}.
     * @throws IOException when the socket cannot be bound.
     */
    static DirectUdpProcessor create(final SIPTransactionStack sipStack, final InetAddress address, final int port)
        throws IOException
    {
        if (!setUdpFlag(sipStack))
        {
            return null;
        }
        return new DirectUdpProcessor(address, sipStack, port);
    }

    private static boolean setUdpFlag(final SIPTransactionStack sipStack)
    {
        try
        {
            final Field flag = SIPTransactionStack.class.getDeclaredField("udpFlag");
            flag.setAccessible(true);
            flag.setBoolean(sipStack, true);
            return true;
        }
        catch (final ReflectiveOperationException | RuntimeException ex)
        {
            return false;
        }
    }

    /**
     * Starts the channel threads (JAIN-SIP's {@code run()} with the running flag still down creates them and
     * returns before its receive loop), then lets them receive.
     */
    @Override
    public void start()
    {
        isRunning = false;
        super.run();
        isRunning = true;
        started.countDown();
    }

    /**
     * Nothing: the channel threads receive.
     */
    @Override
    public void run()
    {
    }

    /**
     * The "queue" JAIN-SIP's channel threads take their next datagram from: the socket itself. One buffer, packet
     * and dispatch per channel thread, reused: a channel thread is done with a datagram (it copies the bytes before
     * parsing) before it takes the next.
     */
    static final class ReceivingQueue extends LinkedBlockingQueue<DatagramQueuedMessageDispatch>
    {
        private static final long serialVersionUID = 1L;

        private final transient DirectUdpProcessor processor;
        private final transient ThreadLocal<DatagramQueuedMessageDispatch> slots;

        ReceivingQueue(final DirectUdpProcessor processor)
        {
            this.processor = processor;
            final int size = processor.getMaximumMessageSize();
            this.slots = ThreadLocal.withInitial(() ->
                new DatagramQueuedMessageDispatch(new DatagramPacket(new byte[size], size), 0));
        }

        /**
         * Receives the next datagram.
         *
         * @return it, in this thread's reused buffer.
         * @throws InterruptedException when the socket is closed (the stack stops): the channel thread then checks
         * the processor's running flag and ends.
         */
        @Override
        public DatagramQueuedMessageDispatch take() throws InterruptedException
        {
            processor.started.await();
            final DatagramQueuedMessageDispatch slot = slots.get();
            final DatagramPacket packet = slot.packet;
            packet.setLength(packet.getData().length);
            try
            {
                processor.sock.receive(packet);
            }
            catch (final IOException ex)
            {
                if (!processor.isRunning || processor.sock.isClosed())
                {
                    throw new InterruptedException("socket closed");
                }
                return null; // a transient error (e.g. ICMP port unreachable reported on receive): the thread retries
            }
            return slot;
        }

        /**
         * As {@link #take()}; the timeout is not used (the thread auditor is off).
         *
         * @param timeout ignored.
         * @param unit ignored.
         * @return the next datagram, or {@code null} after a transient receive error.
         * @throws InterruptedException when the socket is closed.
         */
        @Override
        public DatagramQueuedMessageDispatch poll(final long timeout, final TimeUnit unit) throws InterruptedException
        {
            return take();
        }
    }
}
