/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.List;

import io.dialer.core.campaign.Closer;
import io.dialer.core.compliance.DialGate;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.compliance.DialRateLimiter;
import io.dialer.core.compliance.ProgressivePacer;
import io.dialer.core.lead.LeadList;
import io.dialer.detection.DetectorConfig;
import io.dialer.qualification.Script;
import io.dialer.transfer.TransferConfiguration;

/**
 * Everything the controller needs, resolved from a campaign: plain values, set once before the engine starts.
 */
public final class EngineConfig
{
    String campaignName = "campaign";
    String leadsFile = "";
    LeadList leads;
    Script script;
    List<Closer> closers = List.of();
    DialGate gate;
    DoNotCallList doNotCall;
    double maxDialsPerSecond = DialRateLimiter.UNLIMITED;
    java.util.function.LongSupplier mediaLag;
    long mediaHoldMs = 1_000;
    ProgressivePacer pacer = new ProgressivePacer(ProgressivePacer.RATIO_DEFAULT, ProgressivePacer.MAX_LINES_DEFAULT);
    String callerIdName = "";
    String callerIdNumber = "";
    String trunkHost = "127.0.0.1";
    long ringTimeoutMs = 25_000;
    DetectorConfig detector = DetectorConfig.defaults();
    TransferConfiguration.Context transfer = new TransferConfiguration.Context();
    CampaignClock clock;
    boolean skipIdleTime;
    long verdictGuardMs = 10_000;
    long beepGuardMs = 30_000;
    boolean leaveMessage;
    CallbackOffer callbackOffer = CallbackOffer.DEFAULT;
    int capacityBits = 12;
    int ringSize = 1 << 16;

    /**
     * @param name the campaign's name.
     * @return this.
     */
    public EngineConfig campaignName(final String name)
    {
        campaignName = name;
        return this;
    }

    /**
     * @param file the lead list's file name, for the journal.
     * @return this.
     */
    public EngineConfig leadsFile(final String file)
    {
        leadsFile = file;
        return this;
    }

    /**
     * @param list the leads.
     * @return this.
     */
    public EngineConfig leads(final LeadList list)
    {
        leads = list;
        return this;
    }

    /**
     * @param compiled the qualification script.
     * @return this.
     */
    public EngineConfig script(final Script compiled)
    {
        script = compiled;
        return this;
    }

    /**
     * @param list the closers; all log in when the campaign starts.
     * @return this.
     */
    public EngineConfig closers(final List<Closer> list)
    {
        closers = list;
        return this;
    }

    /**
     * @param dialGate the compliance gate checked right before each dial.
     * @param dnc      the do-not-call list the gate reads, where opt-outs are added.
     * @return this.
     */
    public EngineConfig compliance(final DialGate dialGate, final DoNotCallList dnc)
    {
        gate = dialGate;
        doNotCall = dnc;
        return this;
    }

    /**
     * @param progressive the pacer.
     * @return this.
     */
    public EngineConfig pacer(final ProgressivePacer progressive)
    {
        pacer = progressive;
        return this;
    }

    /**
     * Admission control on the media threads: a counter that rises while they are overloaded (frames they were too
     * late to send, e.g. the sum of {@link io.dialer.sip.SipStack#mediaFramesSkipped()}). While it rises no new lead
     * is dialed, for {@code holdMs} after its last rise: calls already up keep their audio on time instead of every
     * call's prompts stretching. {@link DialerEngine#start} sets it from its stacks when it is not set.
     *
     * @param counter the counter, read by the controller every 100 ms; null for none.
     * @param holdMs  how long new dials wait after the counter last rose.
     * @return this.
     */
    public EngineConfig mediaLag(final java.util.function.LongSupplier counter, final long holdMs)
    {
        if (holdMs < 0)
        {
            throw new IllegalArgumentException("media hold must be >= 0 ms: " + holdMs);
        }
        mediaLag = counter;
        mediaHoldMs = holdMs;
        return this;
    }

    /**
     * The trunk's calls-per-second limit.
     *
     * @param perSecond dials per second, {@link DialRateLimiter#UNLIMITED} (0) for none.
     * @return this.
     */
    public EngineConfig maxDialsPerSecond(final double perSecond)
    {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond))
        {
            throw new IllegalArgumentException("max dials per second must be a finite number >= 0: " + perSecond);
        }
        maxDialsPerSecond = perSecond;
        return this;
    }

    /**
     * @param name   the caller-ID display name.
     * @param number the caller-ID number, E.164.
     * @return this.
     */
    public EngineConfig callerId(final String name, final String number)
    {
        callerIdName = name;
        callerIdNumber = number;
        return this;
    }

    /**
     * @param host the trunk's host[:port]: leads are dialed as {@code sip:<E.164>@host}.
     * @return this.
     */
    public EngineConfig trunkHost(final String host)
    {
        trunkHost = host;
        return this;
    }

    /**
     * @param ms the ring timeout of lead calls (the campaign enforces its 15 s floor).
     * @return this.
     */
    public EngineConfig ringTimeoutMs(final long ms)
    {
        ringTimeoutMs = ms;
        return this;
    }

    /**
     * @param config the answering-machine detector's settings.
     * @return this.
     */
    public EngineConfig detector(final DetectorConfig config)
    {
        detector = config;
        return this;
    }

    /**
     * @param context the warm transfer's settings.
     * @return this.
     */
    public EngineConfig transfer(final TransferConfiguration.Context context)
    {
        transfer = context;
        return this;
    }

    /**
     * @param campaignClock the controller's clock.
     * @param skipIdle      true to skip idle time (demo and tests only).
     * @return this.
     */
    public EngineConfig clock(final CampaignClock campaignClock, final boolean skipIdle)
    {
        clock = campaignClock;
        skipIdleTime = skipIdle;
        return this;
    }

    /**
     * @param on true to leave the campaign's voicemail message after the beep, false to hang up on machines.
     * @return this.
     */
    public EngineConfig leaveMessage(final boolean on)
    {
        leaveMessage = on;
        return this;
    }

    /**
     * @param offer the callback times offered to a caller the warm transfer returns.
     * @return this.
     */
    public EngineConfig callbackOffer(final CallbackOffer offer)
    {
        callbackOffer = offer;
        return this;
    }

    /**
     * @param bits log2 of the most calls up at once (lead legs).
     * @return this.
     */
    public EngineConfig capacityBits(final int bits)
    {
        capacityBits = bits;
        return this;
    }
}
