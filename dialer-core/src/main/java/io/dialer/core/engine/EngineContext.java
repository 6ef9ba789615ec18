/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.campaign.Closer;
import io.dialer.core.campaign.CampaignFile.ClosersLogin;
import io.dialer.core.compliance.DialGate;
import io.dialer.core.compliance.DialRateLimiter;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.compliance.ProgressivePacer;
import io.dialer.core.lead.LeadList;
import io.dialer.detection.DetectorConfig;
import io.dialer.qualification.Script;
import io.dialer.sip.SipStack;
import io.dialer.sip.Transport;
import io.dialer.transfer.TransferConfiguration;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * Everything the engine needs, in the style of Aeron's contexts: fluent setters, each setting's default a
 * {@code *_DEFAULT} constant defined here once, and {@link #conclude()} checking them all (and concluding the
 * transfer's settings) before the engine starts. A campaign file sets only what it names
 * ({@link CampaignSetup}); everything else keeps these defaults.
 */
public final class EngineContext
{
    /** Default campaign name. */
    public static final String CAMPAIGN_NAME_DEFAULT = "campaign";
    /** Default ring timeout of lead calls: 25 s (the campaign enforces its 15 s floor). */
    public static final long RING_TIMEOUT_MS_DEFAULT = CampaignFile.RING_TIMEOUT_DEFAULT_MS;
    /** Default time without a detector verdict after which an answered call is treated as a person: 10 s. */
    public static final long VERDICT_TIMEOUT_MS_DEFAULT = CampaignFile.VERDICT_TIMEOUT_DEFAULT_MS;
    /** Default time to wait for the beep after a MACHINE verdict: 30 s. */
    public static final long BEEP_TIMEOUT_MS_DEFAULT = CampaignFile.BEEP_TIMEOUT_DEFAULT_MS;
    /** Default admission hold: new dials wait 1 s after the media threads last fell behind; 0 disables it. */
    public static final long MEDIA_HOLD_MS_DEFAULT = CampaignFile.MEDIA_LAG_HOLD_DEFAULT_MS;
    /** Default consecutive trunk failures that suspend dialing: 10; 0 never suspends. */
    public static final int MAX_CONSECUTIVE_TRUNK_FAILURES_DEFAULT =
        CampaignFile.MAX_CONSECUTIVE_TRUNK_FAILURES_DEFAULT;
    /** Default time an INVITE to the trunk may go without any response before the trunk counts as unreachable. */
    public static final long TRUNK_RESPONSE_TIMEOUT_MS_DEFAULT = CampaignFile.TRUNK_RESPONSE_TIMEOUT_DEFAULT_MS;
    /** Default: the closers of the closers file log in when the campaign starts. */
    public static final boolean CLOSERS_LOGIN_AT_START_DEFAULT =
        ClosersLogin.AT_START == CampaignFile.CLOSERS_LOGIN_DEFAULT;
    /** Default log2 of the most calls up at once: 4,096. */
    public static final int CAPACITY_BITS_DEFAULT = 12;
    /** Default ring size of both rings. */
    public static final int RING_SIZE_DEFAULT = 1 << 16;

    private String campaignName = CAMPAIGN_NAME_DEFAULT;
    private String leadsFile = "";
    private LeadList leads;
    private Script script;
    private List<Closer> closers = List.of();
    private boolean closersLoginAtStart = CLOSERS_LOGIN_AT_START_DEFAULT;
    private DialGate gate;
    private DoNotCallList doNotCall;
    private ProgressivePacer pacer =
        new ProgressivePacer(ProgressivePacer.RATIO_DEFAULT, ProgressivePacer.MAX_LINES_DEFAULT);
    private double maxDialsPerSecond = DialRateLimiter.UNLIMITED;
    private LongSupplier mediaLag;
    private long mediaHoldMs = MEDIA_HOLD_MS_DEFAULT;
    private int maxConsecutiveTrunkFailures = MAX_CONSECUTIVE_TRUNK_FAILURES_DEFAULT;
    private String callerIdName = "";
    private String callerIdNumber = "";
    private String trunkHost = "127.0.0.1";
    private Transport trunkTransport = Transport.UDP;
    private long trunkResponseTimeoutMs = TRUNK_RESPONSE_TIMEOUT_MS_DEFAULT;
    private long ringTimeoutMs = RING_TIMEOUT_MS_DEFAULT;
    private DetectorConfig detector = DetectorConfig.defaults();
    private TransferConfiguration.Context transfer = new TransferConfiguration.Context();
    private CampaignClock clock;
    private NanoClock nanoClock = SystemNanoClock.INSTANCE;
    private boolean skipIdleTime;
    private long verdictTimeoutMs = VERDICT_TIMEOUT_MS_DEFAULT;
    private long beepTimeoutMs = BEEP_TIMEOUT_MS_DEFAULT;
    private CallbackOffer callbackOffer = CallbackOffer.DEFAULT;
    private int capacityBits = CAPACITY_BITS_DEFAULT;
    private int ringSize = RING_SIZE_DEFAULT;
    private SipStack[] stacks;
    private PromptBook prompts;
    private Path journalDir;
    private boolean concluded;

    /**
     * Checks every setting and fills in what depends on others (the media lag counter from the stacks, the
     * clock).
     *
     * @return this.
     * @throws IllegalStateException naming the first missing or bad setting.
     */
    public EngineContext conclude()
    {
        require(null != leads, "leads", "a lead list is required");
        require(null != script, "script", "a qualification script is required");
        require(null != gate && null != doNotCall, "compliance", "a dial gate and do-not-call list are required");
        require(null != stacks && stacks.length > 0, "stacks", "at least one SIP stack is required");
        require(null != prompts, "prompts", "the rendered prompts are required");
        require(null != journalDir, "journalDir", "a journal directory is required");
        require(ringTimeoutMs > 0, "ringTimeoutMs", ringTimeoutMs);
        require(verdictTimeoutMs > 0, "verdictTimeoutMs", verdictTimeoutMs);
        require(beepTimeoutMs > 0, "beepTimeoutMs", beepTimeoutMs);
        require(mediaHoldMs >= 0, "mediaHoldMs", mediaHoldMs);
        require(maxConsecutiveTrunkFailures >= 0, "maxConsecutiveTrunkFailures", maxConsecutiveTrunkFailures);
        require(capacityBits >= 1 && capacityBits <= 20, "capacityBits", capacityBits);
        require(Integer.bitCount(ringSize) == 1, "ringSize", ringSize + " (a power of two)");
        require(maxDialsPerSecond >= 0 && !Double.isInfinite(maxDialsPerSecond), "maxDialsPerSecond",
            maxDialsPerSecond);
        if (!transfer.isConcluded())
        {
            transfer.conclude();
        }
        if (null == clock)
        {
            clock = new CampaignClock(SystemEpochClock.INSTANCE, System.currentTimeMillis());
        }
        if (null == mediaLag)
        {
            final SipStack[] mediaOf = stacks.clone();
            mediaLag = () ->
            {
                long skipped = 0;
                for (final SipStack stack : mediaOf)
                {
                    skipped += stack.mediaFramesSkipped();
                }
                return skipped;
            };
        }
        concluded = true;
        return this;
    }

    /**
     * @return true once {@link #conclude()} has run.
     */
    public boolean isConcluded()
    {
        return concluded;
    }

    /**
     * @param name the campaign's name.
     * @return this.
     */
    public EngineContext campaignName(final String name)
    {
        campaignName = name;
        return this;
    }

    /**
     * @return the campaign's name.
     */
    public String campaignName()
    {
        return campaignName;
    }

    /**
     * @param file the lead list's file name, for the journal.
     * @return this.
     */
    public EngineContext leadsFile(final String file)
    {
        leadsFile = file;
        return this;
    }

    /**
     * @return the lead list's file name.
     */
    public String leadsFile()
    {
        return leadsFile;
    }

    /**
     * @param list the leads.
     * @return this.
     */
    public EngineContext leads(final LeadList list)
    {
        leads = list;
        return this;
    }

    /**
     * @return the leads.
     */
    public LeadList leads()
    {
        return leads;
    }

    /**
     * @param compiled the qualification script.
     * @return this.
     */
    public EngineContext script(final Script compiled)
    {
        script = compiled;
        return this;
    }

    /**
     * @return the qualification script.
     */
    public Script script()
    {
        return script;
    }

    /**
     * @param list the closers of the sales floor (logged out until they log in, see
     *             {@link #closersLoginAtStart(boolean)}).
     * @return this.
     */
    public EngineContext closers(final List<Closer> list)
    {
        closers = List.copyOf(list);
        return this;
    }

    /**
     * @return the closers.
     */
    public List<Closer> closers()
    {
        return closers;
    }

    /**
     * @param atStart true to log every closer in when the campaign starts (the demo, {@code dialer run}); false
     *                to wait for each to log in through the control seam.
     * @return this.
     */
    public EngineContext closersLoginAtStart(final boolean atStart)
    {
        closersLoginAtStart = atStart;
        return this;
    }

    /**
     * @return true when closers log in at start.
     */
    public boolean closersLoginAtStart()
    {
        return closersLoginAtStart;
    }

    /**
     * @param dialGate the compliance gate checked right before each dial.
     * @param dnc      the do-not-call list the gate reads, where opt-outs are added.
     * @return this.
     */
    public EngineContext compliance(final DialGate dialGate, final DoNotCallList dnc)
    {
        gate = dialGate;
        doNotCall = dnc;
        return this;
    }

    /**
     * @return the dial gate.
     */
    public DialGate gate()
    {
        return gate;
    }

    /**
     * @return the do-not-call list.
     */
    public DoNotCallList doNotCall()
    {
        return doNotCall;
    }

    /**
     * @param progressive the pacer.
     * @return this.
     */
    public EngineContext pacer(final ProgressivePacer progressive)
    {
        pacer = progressive;
        return this;
    }

    /**
     * @return the pacer.
     */
    public ProgressivePacer pacer()
    {
        return pacer;
    }

    /**
     * @param perSecond the trunk's calls-per-second limit, {@link DialRateLimiter#UNLIMITED} (0) for none.
     * @return this.
     */
    public EngineContext maxDialsPerSecond(final double perSecond)
    {
        maxDialsPerSecond = perSecond;
        return this;
    }

    /**
     * @return the trunk's calls-per-second limit.
     */
    public double maxDialsPerSecond()
    {
        return maxDialsPerSecond;
    }

    /**
     * Admission control on the media threads: a counter that rises while they are overloaded (frames they were
     * too late to send). While it rises no new lead is dialed, for {@code holdMs} after its last rise. When no
     * counter is set, {@link #conclude()} sums the stacks' {@link SipStack#mediaFramesSkipped()}.
     *
     * @param counter the counter, read by the controller every 100 ms; null for the stacks'.
     * @param holdMs  how long new dials wait after the counter last rose; 0 disables admission control.
     * @return this.
     */
    public EngineContext mediaLag(final LongSupplier counter, final long holdMs)
    {
        mediaLag = counter;
        mediaHoldMs = holdMs;
        return this;
    }

    /**
     * @param holdMs how long new dials wait after the media threads last fell behind; 0 disables it.
     * @return this.
     */
    public EngineContext mediaHoldMs(final long holdMs)
    {
        mediaHoldMs = holdMs;
        return this;
    }

    /**
     * @return the media lag counter.
     */
    public LongSupplier mediaLag()
    {
        return mediaLag;
    }

    /**
     * @return the admission hold, ms.
     */
    public long mediaHoldMs()
    {
        return mediaHoldMs;
    }

    /**
     * @param count consecutive trunk failures that suspend dialing; 0 never suspends.
     * @return this.
     */
    public EngineContext maxConsecutiveTrunkFailures(final int count)
    {
        maxConsecutiveTrunkFailures = count;
        return this;
    }

    /**
     * @return consecutive trunk failures that suspend dialing.
     */
    public int maxConsecutiveTrunkFailures()
    {
        return maxConsecutiveTrunkFailures;
    }

    /**
     * @param name   the caller-ID display name.
     * @param number the caller-ID number, E.164.
     * @return this.
     */
    public EngineContext callerId(final String name, final String number)
    {
        callerIdName = name;
        callerIdNumber = number;
        return this;
    }

    /**
     * @return the caller-ID display name.
     */
    public String callerIdName()
    {
        return callerIdName;
    }

    /**
     * @return the caller-ID number.
     */
    public String callerIdNumber()
    {
        return callerIdNumber;
    }

    /**
     * @param host      the trunk's host[:port]: leads are dialed as {@code sip:<E.164>@host}.
     * @param transport UDP or TCP.
     * @return this.
     */
    public EngineContext trunk(final String host, final Transport transport)
    {
        trunkHost = host;
        trunkTransport = transport;
        return this;
    }

    /**
     * @param host the trunk's host[:port], over UDP.
     * @return this.
     */
    public EngineContext trunkHost(final String host)
    {
        return trunk(host, Transport.UDP);
    }

    /**
     * @return the trunk's host[:port].
     */
    public String trunkHost()
    {
        return trunkHost;
    }

    /**
     * @param ms how long an INVITE to the trunk may go without any response (not even 100 Trying) before the dial
     *           fails as the trunk unreachable.
     * @return this.
     */
    public EngineContext trunkResponseTimeoutMs(final long ms)
    {
        trunkResponseTimeoutMs = ms;
        return this;
    }

    /**
     * @return the trunk's response timeout, ms.
     */
    public long trunkResponseTimeoutMs()
    {
        return trunkResponseTimeoutMs;
    }

    /**
     * @return the trunk's transport.
     */
    public Transport trunkTransport()
    {
        return trunkTransport;
    }

    /**
     * @param ms the ring timeout of lead calls.
     * @return this.
     */
    public EngineContext ringTimeoutMs(final long ms)
    {
        ringTimeoutMs = ms;
        return this;
    }

    /**
     * @return the ring timeout of lead calls, ms.
     */
    public long ringTimeoutMs()
    {
        return ringTimeoutMs;
    }

    /**
     * @param config the answering-machine detector's settings.
     * @return this.
     */
    public EngineContext detector(final DetectorConfig config)
    {
        detector = config;
        return this;
    }

    /**
     * @return the detector's settings.
     */
    public DetectorConfig detector()
    {
        return detector;
    }

    /**
     * @param context the warm transfer's settings.
     * @return this.
     */
    public EngineContext transfer(final TransferConfiguration.Context context)
    {
        transfer = context;
        return this;
    }

    /**
     * @return the warm transfer's settings.
     */
    public TransferConfiguration.Context transfer()
    {
        return transfer;
    }

    /**
     * @param campaignClock the controller's clock.
     * @param skipIdle      true to skip idle time (demo and tests only).
     * @return this.
     */
    public EngineContext clock(final CampaignClock campaignClock, final boolean skipIdle)
    {
        clock = campaignClock;
        skipIdleTime = skipIdle;
        return this;
    }

    /**
     * @return the controller's clock.
     */
    public CampaignClock clock()
    {
        return clock;
    }

    /**
     * @param clock the controller's clock for durations (latencies, admission control checks).
     * @return this.
     */
    public EngineContext nanoClock(final NanoClock clock)
    {
        nanoClock = clock;
        return this;
    }

    /**
     * @return the controller's clock for durations.
     */
    public NanoClock nanoClock()
    {
        return nanoClock;
    }

    /**
     * @return true when idle time is skipped.
     */
    public boolean skipIdleTime()
    {
        return skipIdleTime;
    }

    /**
     * @param ms no verdict this long after the answer: the call is treated as a person.
     * @return this.
     */
    public EngineContext verdictTimeoutMs(final long ms)
    {
        verdictTimeoutMs = ms;
        return this;
    }

    /**
     * @return the verdict timeout, ms.
     */
    public long verdictTimeoutMs()
    {
        return verdictTimeoutMs;
    }

    /**
     * @param ms no beep this long after a MACHINE verdict: the call ends as MACHINE.
     * @return this.
     */
    public EngineContext beepTimeoutMs(final long ms)
    {
        beepTimeoutMs = ms;
        return this;
    }

    /**
     * @return the beep timeout, ms.
     */
    public long beepTimeoutMs()
    {
        return beepTimeoutMs;
    }

    /**
     * @return true when the campaign leaves a voicemail message (its prompts have one).
     */
    public boolean leaveMessage()
    {
        return null != prompts && null != prompts.voicemail();
    }

    /**
     * @param offer the callback times offered to a caller the warm transfer returns.
     * @return this.
     */
    public EngineContext callbackOffer(final CallbackOffer offer)
    {
        callbackOffer = offer;
        return this;
    }

    /**
     * @return the callback offer.
     */
    public CallbackOffer callbackOffer()
    {
        return callbackOffer;
    }

    /**
     * @param bits log2 of the most calls up at once (lead legs).
     * @return this.
     */
    public EngineContext capacityBits(final int bits)
    {
        capacityBits = bits;
        return this;
    }

    /**
     * @return log2 of the most calls up at once.
     */
    public int capacityBits()
    {
        return capacityBits;
    }

    /**
     * @param size the size of both rings, a power of two.
     * @return this.
     */
    public EngineContext ringSize(final int size)
    {
        ringSize = size;
        return this;
    }

    /**
     * @return the rings' size.
     */
    public int ringSize()
    {
        return ringSize;
    }

    /**
     * @param sipStacks the SIP stacks to dial on (round robin), already started.
     * @return this.
     */
    public EngineContext stacks(final SipStack... sipStacks)
    {
        stacks = sipStacks.clone();
        return this;
    }

    /**
     * @return the SIP stacks.
     */
    public SipStack[] stacks()
    {
        return stacks;
    }

    /**
     * @param book the rendered prompts.
     * @return this.
     */
    public EngineContext prompts(final PromptBook book)
    {
        prompts = book;
        return this;
    }

    /**
     * @return the rendered prompts.
     */
    public PromptBook prompts()
    {
        return prompts;
    }

    /**
     * @param dir the journal directory: new for a new campaign, the same to resume after a stop or a crash.
     * @return this.
     */
    public EngineContext journalDir(final Path dir)
    {
        journalDir = dir;
        return this;
    }

    /**
     * @return the journal directory.
     */
    public Path journalDir()
    {
        return journalDir;
    }

    private static void require(final boolean ok, final String setting, final Object value)
    {
        if (!ok)
        {
            throw new IllegalStateException("engine setting " + setting + ": " + value);
        }
    }
}
