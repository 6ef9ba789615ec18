/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.campaign.CampaignFile.ClosersLogin;
import io.dialer.core.campaign.Closer;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.sip.Registrar;
import io.dialer.sip.SipStack;
import io.dialer.transfer.TransferConfiguration;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * The engine's settings, in the style of Aeron's contexts: the sales floor (closers, wrap-up), the do-not-call list,
 * the SIP stacks, admission control, clocks, capacity and the engine's journal; each setting's default a
 * {@code *_DEFAULT} constant defined here once, and {@link #conclude()} checking them all before the engine starts.
 * The campaigns it runs have their own settings ({@link CampaignContext}): those given here start with the engine,
 * others are started while it runs ({@link DialerEngine#startCampaign(CampaignContext)}).
 */
public final class EngineContext
{
    /** Default admission hold: new dials wait 1 s after the media threads last fell behind; 0 disables it. */
    public static final long MEDIA_HOLD_MS_DEFAULT = CampaignFile.MEDIA_LAG_HOLD_DEFAULT_MS;
    /** Default: the closers given here log in when the engine starts. */
    public static final boolean CLOSERS_LOGIN_AT_START_DEFAULT =
        ClosersLogin.AT_START == CampaignFile.CLOSERS_LOGIN_DEFAULT;
    /** Default wrap-up after a closer's call: the transfer's default. */
    public static final long WRAP_UP_MS_DEFAULT = TransferConfiguration.WRAP_UP_DEFAULT;
    /** Default log2 of the most calls up at once: 4,096. */
    public static final int CAPACITY_BITS_DEFAULT = 12;
    /** Default ring size of both rings. */
    public static final int RING_SIZE_DEFAULT = 1 << 16;
    /** Default most closers the floor holds (those given here and those added while it runs): 1,024. */
    public static final int MAX_CLOSERS_DEFAULT = 1024;
    /** Default: a closer leg is made ready for each caller in qualification. */
    public static final boolean PREPARE_CLOSER_LEGS_DEFAULT = true;
    /** Default most campaigns run at once: 64. */
    public static final int MAX_CAMPAIGNS_DEFAULT = 64;

    private List<Closer> closers = List.of();
    private boolean closersLoginAtStart = CLOSERS_LOGIN_AT_START_DEFAULT;
    private boolean prepareCloserLegs = PREPARE_CLOSER_LEGS_DEFAULT;
    private long wrapUpMs = WRAP_UP_MS_DEFAULT;
    private DoNotCallList doNotCall;
    private LongSupplier mediaLag;
    private long mediaHoldMs = MEDIA_HOLD_MS_DEFAULT;
    private CampaignClock clock;
    private NanoClock nanoClock = SystemNanoClock.INSTANCE;
    private boolean skipIdleTime;
    private int capacityBits = CAPACITY_BITS_DEFAULT;
    private int ringSize = RING_SIZE_DEFAULT;
    private int maxClosers = MAX_CLOSERS_DEFAULT;
    private int maxCampaigns = MAX_CAMPAIGNS_DEFAULT;
    private SipStack[] stacks;
    private Path journalDir;
    private OfferListener offers;
    private StepListener steps;
    private Registrar registrar;
    private final List<CampaignContext> campaigns = new ArrayList<>();
    private boolean concluded;

    /**
     * Checks every setting and fills in what depends on others (the media lag counter from the stacks, the
     * clock), and concludes the campaigns given.
     *
     * @return this.
     * @throws IllegalStateException naming the first missing or bad setting.
     */
    public EngineContext conclude()
    {
        require(null != doNotCall, "doNotCall", "a do-not-call list is required");
        require(null != stacks && stacks.length > 0, "stacks", "at least one SIP stack is required");
        require(null != journalDir, "journalDir", "a journal directory is required");
        require(mediaHoldMs >= 0, "mediaHoldMs", mediaHoldMs);
        require(wrapUpMs >= 0, "wrapUpMs", wrapUpMs);
        require(capacityBits >= 1 && capacityBits <= 20, "capacityBits", capacityBits);
        require(Integer.bitCount(ringSize) == 1, "ringSize", ringSize + " (a power of two)");
        require(maxClosers >= Math.max(1, closers.size()), "maxClosers", maxClosers + " (at least the closers given)");
        require(maxCampaigns >= Math.max(1, campaigns.size()) && maxCampaigns <= 1 << 15, "maxCampaigns",
            maxCampaigns);
        for (final CampaignContext campaign : campaigns)
        {
            if (!campaign.isConcluded())
            {
                campaign.conclude();
            }
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
     * Make the closer leg ready while the caller is still in qualification (from the script's first prompt): its
     * media session opened on the caller's media thread and its Call-ID chosen ({@link io.dialer.sip.PreparedDial}),
     * so the qualified caller's closer INVITE is only the request's clone and send; discarded when the call ends
     * without a closer. Costs an RTP port per caller in qualification. On by default.
     *
     * @param prepare false to open the closer leg's media when it is dialed.
     * @return this.
     */
    public EngineContext prepareCloserLegs(final boolean prepare)
    {
        prepareCloserLegs = prepare;
        return this;
    }

    /**
     * @return true when closer legs are made ready during qualification.
     */
    public boolean prepareCloserLegs()
    {
        return prepareCloserLegs;
    }

    /**
     * @return the do-not-call list.
     */
    public DoNotCallList doNotCall()
    {
        return doNotCall;
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
     * @param dir the engine's journal directory (the sales floor's records: presence, do-not-call additions, console
     *            decisions, and the raw input events), new or the same to resume; a campaign may share it.
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

    /**
     * @param campaign a campaign to start with the engine (in the order given).
     * @return this.
     */
    public EngineContext campaign(final CampaignContext campaign)
    {
        campaigns.add(campaign);
        return this;
    }

    /**
     * @return the campaigns started with the engine.
     */
    public List<CampaignContext> campaigns()
    {
        return List.copyOf(campaigns);
    }

    /**
     * @param dnc the do-not-call list every campaign's gate reads, where opt-outs and additions go.
     * @return this.
     */
    public EngineContext doNotCall(final DoNotCallList dnc)
    {
        doNotCall = dnc;
        return this;
    }

    /**
     * @param ms how long a closer stays in wrap-up after a call before being offered the next caller.
     * @return this.
     */
    public EngineContext wrapUpMs(final long ms)
    {
        wrapUpMs = ms;
        return this;
    }

    /**
     * @return the wrap-up after a closer's call, ms.
     */
    public long wrapUpMs()
    {
        return wrapUpMs;
    }

    /**
     * @param count the most closers the floor holds, those given and those added while the engine runs.
     * @return this.
     */
    public EngineContext maxClosers(final int count)
    {
        maxClosers = count;
        return this;
    }

    /**
     * @return the most closers the floor holds.
     */
    public int maxClosers()
    {
        return maxClosers;
    }

    /**
     * @param listener told of every closer's offers (the screen pop), on the controller's thread; null for none.
     * @return this.
     */
    public EngineContext offers(final OfferListener listener)
    {
        offers = listener;
        return this;
    }

    /**
     * @return the offers' listener, or null.
     */
    public OfferListener offers()
    {
        return offers;
    }

    /**
     * @param listener told of every measured step of every call as it ends, on the controller's thread; null for
     *                 none.
     * @return this.
     */
    public EngineContext steps(final StepListener listener)
    {
        steps = listener;
        return this;
    }

    /**
     * @return the steps' listener, or null.
     */
    public StepListener steps()
    {
        return steps;
    }

    /**
     * @param closerRegistrar where closers' softphones register (closers on an extension are dialed at their
     *                        registered contact and cannot be available while unregistered); null for none.
     * @return this.
     */
    public EngineContext registrar(final Registrar closerRegistrar)
    {
        registrar = closerRegistrar;
        return this;
    }

    /**
     * @return the closers' registrar, or null.
     */
    public Registrar registrar()
    {
        return registrar;
    }

    /**
     * @param count the most campaigns the engine runs at once.
     * @return this.
     */
    public EngineContext maxCampaigns(final int count)
    {
        maxCampaigns = count;
        return this;
    }

    /**
     * @return the most campaigns run at once.
     */
    public int maxCampaigns()
    {
        return maxCampaigns;
    }

    private static void require(final boolean ok, final String setting, final Object value)
    {
        if (!ok)
        {
            throw new IllegalStateException("engine setting " + setting + ": " + value);
        }
    }
}
