/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

/**
 * Offered each inbound INVITE from an allowed peer. Called on a SIP thread: decide at once (or later from another
 * thread) with {@link CallLeg#answer()}, {@link CallLeg#reject(int)}, {@link CallLeg#ring()} or
 * {@link CallLeg#earlyMedia()}; never block.
 */
@FunctionalInterface
public interface InboundCallHandler
{
    /**
     * A new inbound call.
     *
     * @param leg the offered leg, in state {@link CallState#OFFERED}.
     * @return the listener for the leg's events (must not be null).
     */
    CallListener onIncomingCall(CallLeg leg);
}
