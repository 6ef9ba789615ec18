/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import io.dialer.detection.DetectorConfig;

import java.util.Objects;

/**
 * What to dial and as whom, for {@link SipStack#dial(DialRequest, CallListener)}. Fluent and reusable; the stack
 * copies what it needs when dialing.
 */
public final class DialRequest
{
    private String target;
    private String callerIdName;
    private String callerIdUser;
    private String assertedIdentity;
    private long ringTimeoutMs;
    private long responseTimeoutMs;
    private Transport transport;
    private DetectorConfig detection;
    private CallLeg mediaAffinity;
    private boolean direct;

    /**
     * A request to dial a SIP URI.
     *
     * @param target SIP URI, e.g. {@code sip:+15551234567@trunk.example.com}.
     * @throws IllegalArgumentException for a {@code sips:} URI: TLS is not supported yet.
     */
    public DialRequest(final String target)
    {
        this.target = checkTarget(target);
    }

    /**
     * The SIP URI to dial.
     *
     * @param target SIP URI.
     * @return this.
     * @throws IllegalArgumentException for a {@code sips:} URI: TLS is not supported yet.
     */
    public DialRequest target(final String target)
    {
        this.target = checkTarget(target);
        return this;
    }

    /**
     * The SIP URI to dial.
     *
     * @return the URI.
     */
    public String target()
    {
        return target;
    }

    /**
     * Caller ID display name, in From and P-Asserted-Identity.
     *
     * @param name display name, or null for none.
     * @return this.
     */
    public DialRequest callerIdName(final String name)
    {
        this.callerIdName = name;
        return this;
    }

    /**
     * Caller ID display name.
     *
     * @return the name, or null.
     */
    public String callerIdName()
    {
        return callerIdName;
    }

    /**
     * Caller ID user part (the number), in From and P-Asserted-Identity; null uses the stack's user agent name.
     *
     * @param user user part, e.g. {@code +15551230000}.
     * @return this.
     */
    public DialRequest callerIdUser(final String user)
    {
        this.callerIdUser = user;
        return this;
    }

    /**
     * Caller ID user part.
     *
     * @return the user, or null.
     */
    public String callerIdUser()
    {
        return callerIdUser;
    }

    /**
     * P-Asserted-Identity URI to send instead of the one built from the caller ID (sent only when a caller ID user or
     * this is set).
     *
     * @param uri SIP or tel URI, or null.
     * @return this.
     */
    public DialRequest assertedIdentity(final String uri)
    {
        this.assertedIdentity = uri;
        return this;
    }

    /**
     * P-Asserted-Identity URI.
     *
     * @return the URI, or null.
     */
    public String assertedIdentity()
    {
        return assertedIdentity;
    }

    /**
     * How long to let it ring before CANCEL; 0 uses {@link SipStack.Context#ringTimeoutMs()}.
     *
     * @param timeoutMs milliseconds.
     * @return this.
     */
    public DialRequest ringTimeoutMs(final long timeoutMs)
    {
        this.ringTimeoutMs = timeoutMs;
        return this;
    }

    /**
     * Ring timeout, 0 for the stack's default.
     *
     * @return milliseconds.
     */
    public long ringTimeoutMs()
    {
        return ringTimeoutMs;
    }

    /**
     * How long the INVITE may go without any response at all (not even 100 Trying) before the call fails as
     * {@link FailureCause#TRUNK_UNREACHABLE}; 0 uses {@link SipStack.Context#responseTimeoutMs()}.
     *
     * @param timeoutMs milliseconds.
     * @return this.
     */
    public DialRequest responseTimeoutMs(final long timeoutMs)
    {
        this.responseTimeoutMs = timeoutMs;
        return this;
    }

    /**
     * Response timeout, 0 for the stack's default.
     *
     * @return milliseconds.
     */
    public long responseTimeoutMs()
    {
        return responseTimeoutMs;
    }

    /**
     * Transport to dial over; null uses the target's {@code transport} parameter when it has one ({@code udp} or
     * {@code tcp}, as a registered Contact may), else the stack's default ({@link SipStack.Context#defaultTransport()}).
     *
     * @param transport UDP or TCP.
     * @return this.
     */
    public DialRequest transport(final Transport transport)
    {
        this.transport = transport;
        return this;
    }

    /**
     * Transport to dial over.
     *
     * @return the transport, or null for the default.
     */
    public Transport transport()
    {
        return transport;
    }

    /**
     * Run answering-machine detection on the leg's received audio from the moment it is answered; the verdict and the
     * beep reach {@link CallListener#onVerdict}, {@link CallListener#onBeep} and
     * {@link CallListener#onGreetingEndedWithoutBeep}. Off by default.
     *
     * @param config the detector's parameters (e.g. {@link DetectorConfig#defaults()}), or null for no detection.
     * @return this.
     */
    public DialRequest detection(final DetectorConfig config)
    {
        this.detection = config;
        return this;
    }

    /**
     * The detector's parameters when detection is requested.
     *
     * @return the configuration, or null for no detection.
     */
    public DetectorConfig detection()
    {
        return detection;
    }

    /**
     * Open this leg's media on the same media thread as another leg's, so that the two can be bridged or mixed (a
     * closer dialed for a caller). Needed when the media engine runs more than one media thread; ignored when the
     * other leg has no media (any more) or belongs to another media engine.
     *
     * @param leg the leg to share a media thread with, or null.
     * @return this.
     */
    public DialRequest mediaAffinity(final CallLeg leg)
    {
        this.mediaAffinity = leg;
        return this;
    }

    /**
     * The leg whose media thread this leg's media shares.
     *
     * @return the leg, or null.
     */
    public CallLeg mediaAffinity()
    {
        return mediaAffinity;
    }

    /**
     * Send the INVITE to the target itself, not through the stack's outbound proxy (the trunk): for a registered
     * extension's Contact ({@link Registrar#contact(String)}), which the trunk cannot reach. Off by default: every
     * other call goes through the outbound proxy when one is configured.
     *
     * @param direct true to bypass the outbound proxy.
     * @return this.
     */
    public DialRequest direct(final boolean direct)
    {
        this.direct = direct;
        return this;
    }

    /**
     * Whether the INVITE bypasses the outbound proxy.
     *
     * @return true when sent to the target itself.
     */
    public boolean direct()
    {
        return direct;
    }

    /**
     * Refuses {@code sips:} at once: it needs TLS, which the stack does not do, and a call that cannot be made
     * securely must not quietly go out in clear.
     */
    static String checkTarget(final String target)
    {
        Objects.requireNonNull(target, "target");
        if (target.regionMatches(true, 0, "sips:", 0, 5))
        {
            throw new IllegalArgumentException(
                "sips: needs TLS, which this dialer does not support yet; use sip: (" + target + ")");
        }
        return target;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "DialRequest{target=" + target + ", callerId=" + callerIdName + " <" + callerIdUser + ">}";
    }
}
