/**
 * Simulated SIP phones for tests and demos: a {@link io.dialer.sim.SimulatedCarrier} answering calls by
 * {@link io.dialer.sim.PhoneScript}, recording what happened per call, built on the same {@link io.dialer.sip.SipStack}.
 */
package io.dialer.sim;
