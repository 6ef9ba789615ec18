/**
 * SIP signalling on JAIN-SIP: a {@link io.dialer.sip.SipStack} per address and port (UDP and TCP), outbound calls
 * through a trunk with digest authentication, inbound calls from allowed peers only, one
 * {@link io.dialer.sip.CallLeg} per call with its RTP media from {@link io.dialer.media.MediaEngine}, and events on a
 * non-blocking {@link io.dialer.sip.CallListener}; a {@link io.dialer.sip.Registrar} for extensions' softphones on the
 * same listening points.
 * <p>
 * Public surface: {@link io.dialer.sip.SipStack} (and its {@code Context}), {@link io.dialer.sip.DialRequest},
 * {@link io.dialer.sip.CallLeg}, {@link io.dialer.sip.CallListener}, {@link io.dialer.sip.InboundCallHandler},
 * {@link io.dialer.sip.Registrar} (and its {@code Context}), {@link io.dialer.sip.RegistrationListener} and the
 * enums {@link io.dialer.sip.CallState}, {@link io.dialer.sip.FailureCause}, {@link io.dialer.sip.EndCause},
 * {@link io.dialer.sip.DtmfSource}, {@link io.dialer.sip.Transport}, {@link io.dialer.sip.UnregisterCause}. The two
 * SLF4J logger classes are public only because JAIN-SIP instantiates them by name. Everything else (SDP, digest, peer
 * guard, the registrar's state machine and glue, the JAIN-SIP listener) is package-private.
 */
package io.dialer.sip;
