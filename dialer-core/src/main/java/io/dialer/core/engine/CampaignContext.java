/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.nio.file.Path;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.compliance.AbandonmentRule;
import io.dialer.core.compliance.DialGate;
import io.dialer.core.compliance.DialRateLimiter;
import io.dialer.core.compliance.ProgressivePacer;
import io.dialer.core.pacing.PredictivePacer;
import io.dialer.core.lead.LeadList;
import io.dialer.detection.DetectorConfig;
import io.dialer.qualification.Script;
import io.dialer.sip.Transport;
import io.dialer.transfer.TransferConfiguration;

/**
 * One campaign's settings, in the style of Aeron's contexts: its leads, script, prompts, compliance gate, pacing,
 * trunk and caller ID, detection, warm transfer and journal. An engine runs any number of campaigns at once over one
 * sales floor ({@link EngineContext}: the closers, the do-not-call list, the SIP stacks); each campaign is given to
 * {@link EngineContext#campaign(CampaignContext)} before the engine starts or to
 * {@link DialerEngine#startCampaign(CampaignContext)} while it runs. A campaign file sets only what it names
 * ({@link CampaignSetup}); everything else keeps these defaults.
 */
public final class CampaignContext
{
    /** Default campaign name. */
    public static final String NAME_DEFAULT = "campaign";
    /** Default ring timeout of lead calls: 25 s (the campaign enforces its 15 s floor). */
    public static final long RING_TIMEOUT_MS_DEFAULT = CampaignFile.RING_TIMEOUT_DEFAULT_MS;
    /** Default time without a detector verdict after which an answered call is treated as a person: 10 s. */
    public static final long VERDICT_TIMEOUT_MS_DEFAULT = CampaignFile.VERDICT_TIMEOUT_DEFAULT_MS;
    /** Default time to wait for the beep after a MACHINE verdict: 30 s. */
    public static final long BEEP_TIMEOUT_MS_DEFAULT = CampaignFile.BEEP_TIMEOUT_DEFAULT_MS;
    /** Default consecutive trunk failures that suspend dialing: 10; 0 never suspends. */
    public static final int MAX_CONSECUTIVE_TRUNK_FAILURES_DEFAULT =
        CampaignFile.MAX_CONSECUTIVE_TRUNK_FAILURES_DEFAULT;
    /** Default time an INVITE to the trunk may go without any response before the trunk counts as unreachable. */
    public static final long TRUNK_RESPONSE_TIMEOUT_MS_DEFAULT = CampaignFile.TRUNK_RESPONSE_TIMEOUT_DEFAULT_MS;

    private String name = NAME_DEFAULT;
    private String leadsFile = "";
    private LeadList leads;
    private Script script;
    private DialGate gate;
    private ProgressivePacer pacer =
        new ProgressivePacer(ProgressivePacer.RATIO_DEFAULT, ProgressivePacer.MAX_LINES_DEFAULT);
    private double maxDialsPerSecond = DialRateLimiter.UNLIMITED;
    private int maxConsecutiveTrunkFailures = MAX_CONSECUTIVE_TRUNK_FAILURES_DEFAULT;
    private String callerIdName = "";
    private String callerIdNumber = "";
    private String trunkHost = "127.0.0.1";
    private Transport trunkTransport = Transport.UDP;
    private long trunkResponseTimeoutMs = TRUNK_RESPONSE_TIMEOUT_MS_DEFAULT;
    private long ringTimeoutMs = RING_TIMEOUT_MS_DEFAULT;
    private DetectorConfig detector = DetectorConfig.defaults();
    private TransferConfiguration.Context transfer = new TransferConfiguration.Context();
    private PredictivePacer.Settings predictive;
    private long verdictTimeoutMs = VERDICT_TIMEOUT_MS_DEFAULT;
    private long beepTimeoutMs = BEEP_TIMEOUT_MS_DEFAULT;
    private CallbackOffer callbackOffer = CallbackOffer.DEFAULT;
    private AbandonmentRule abandonment;
    private PromptBook prompts;
    private Path journalDir;
    private boolean concluded;
    private boolean mediaRelease;

    /**
     * Checks every setting (and concludes the transfer's settings).
     *
     * @return this.
     * @throws IllegalStateException naming the first missing or bad setting.
     */
    public CampaignContext conclude()
    {
        require(null != name && !name.isBlank(), "name", "a name is required");
        require(null != leads, "leads", "a lead list is required");
        require(null != script, "script", "a qualification script is required");
        require(null != gate, "gate", "a dial gate is required");
        require(null != prompts, "prompts", "the rendered prompts are required");
        require(null != journalDir, "journalDir", "a journal directory is required");
        require(ringTimeoutMs > 0, "ringTimeoutMs", ringTimeoutMs);
        require(verdictTimeoutMs > 0, "verdictTimeoutMs", verdictTimeoutMs);
        require(beepTimeoutMs > 0, "beepTimeoutMs", beepTimeoutMs);
        require(maxConsecutiveTrunkFailures >= 0, "maxConsecutiveTrunkFailures", maxConsecutiveTrunkFailures);
        require(maxDialsPerSecond >= 0 && !Double.isInfinite(maxDialsPerSecond), "maxDialsPerSecond",
            maxDialsPerSecond);
        if (!transfer.isConcluded())
        {
            transfer.conclude();
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
     * @param campaignName the campaign's name, unique among the engine's campaigns.
     * @return this.
     */
    public CampaignContext name(final String campaignName)
    {
        name = campaignName;
        return this;
    }

    /**
     * @return the campaign's name.
     */
    public String name()
    {
        return name;
    }

    /**
     * @param file the lead list's file name, for the journal.
     * @return this.
     */
    public CampaignContext leadsFile(final String file)
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
    public CampaignContext leads(final LeadList list)
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
    public CampaignContext script(final Script compiled)
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
     * @param dialGate the compliance gate checked right before each dial: the campaign's calling windows and retry
     *                 rules, and the engine's do-not-call list.
     * @return this.
     */
    public CampaignContext gate(final DialGate dialGate)
    {
        gate = dialGate;
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
     * @param progressive the pacer.
     * @return this.
     */
    public CampaignContext pacer(final ProgressivePacer progressive)
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
     * Predictive pacing ({@code pacing.mode: predictive}): the campaign's target lines come from a {@link
     * PredictivePacer} made from these settings, capped by {@link #pacer()}'s maximum lines; null (the default)
     * for progressive pacing by {@link #pacer()}.
     *
     * @param settings the settings, or null.
     * @return this.
     */
    public CampaignContext predictive(final PredictivePacer.Settings settings)
    {
        predictive = settings;
        return this;
    }

    /**
     * @return the predictive pacing settings, or null for progressive pacing.
     */
    public PredictivePacer.Settings predictive()
    {
        return predictive;
    }

    /**
     * @param perSecond the trunk's calls-per-second limit, {@link DialRateLimiter#UNLIMITED} (0) for none.
     * @return this.
     */
    public CampaignContext maxDialsPerSecond(final double perSecond)
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
     * @param count consecutive trunk failures that suspend dialing; 0 never suspends.
     * @return this.
     */
    public CampaignContext maxConsecutiveTrunkFailures(final int count)
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
     * @param displayName the caller-ID display name.
     * @param number      the caller-ID number, E.164.
     * @return this.
     */
    public CampaignContext callerId(final String displayName, final String number)
    {
        callerIdName = displayName;
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
    public CampaignContext trunk(final String host, final Transport transport)
    {
        trunkHost = host;
        trunkTransport = transport;
        return this;
    }

    /**
     * @param host the trunk's host[:port], over UDP.
     * @return this.
     */
    public CampaignContext trunkHost(final String host)
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
     * @param release true to release the media of each bridged transfer (caller and closer re-INVITEd to send RTP to
     *                each other), false to keep the dialer's bridge (the default).
     * @return this.
     */
    public CampaignContext mediaRelease(final boolean release)
    {
        mediaRelease = release;
        return this;
    }

    /**
     * @return whether the media of a bridged transfer is released.
     */
    public boolean mediaRelease()
    {
        return mediaRelease;
    }

    /**
     * @param ms how long an INVITE to the trunk may go without any response (not even 100 Trying) before the dial
     *           fails as the trunk unreachable.
     * @return this.
     */
    public CampaignContext trunkResponseTimeoutMs(final long ms)
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
    public CampaignContext ringTimeoutMs(final long ms)
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
    public CampaignContext detector(final DetectorConfig config)
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
    public CampaignContext transfer(final TransferConfiguration.Context context)
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
     * @param ms no verdict this long after the answer: the call is treated as a person.
     * @return this.
     */
    public CampaignContext verdictTimeoutMs(final long ms)
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
     * @param rule the abandonment rule (delay, safe-harbor message, target rate, rule basis).
     * @return this.
     */
    public CampaignContext abandonment(final AbandonmentRule rule)
    {
        abandonment = rule;
        return this;
    }

    /**
     * @return the abandonment rule; when none was set, its defaults with the caller id's name (else the campaign's
     *         name) as the seller and the caller id's number as the call-back number.
     */
    public AbandonmentRule abandonment()
    {
        if (null == abandonment)
        {
            abandonment = AbandonmentRule.defaults(
                null == callerIdName || callerIdName.isEmpty() ? name : callerIdName,
                null == callerIdNumber ? "" : callerIdNumber);
        }
        return abandonment;
    }

    /**
     * @param ms no beep this long after a MACHINE verdict: the call ends as MACHINE.
     * @return this.
     */
    public CampaignContext beepTimeoutMs(final long ms)
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
    public CampaignContext callbackOffer(final CallbackOffer offer)
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
     * @param book the rendered prompts.
     * @return this.
     */
    public CampaignContext prompts(final PromptBook book)
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
     * @param dir the campaign's journal directory: new for a new campaign, the same to resume after a stop or a
     *            crash; it may be the engine's own (one campaign, as {@code dialer run} does).
     * @return this.
     */
    public CampaignContext journalDir(final Path dir)
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
            throw new IllegalStateException("campaign setting " + setting + ": " + value);
        }
    }
}
