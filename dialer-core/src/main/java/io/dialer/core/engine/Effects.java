/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

import com.lmax.disruptor.EventHandler;
import io.dialer.core.campaign.CloserDestination;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.journal.Step;
import io.dialer.media.Prompt;
import io.dialer.sip.CallLeg;
import io.dialer.sip.DialRequest;
import io.dialer.sip.PreparedDial;
import io.dialer.sip.Registrar;
import io.dialer.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The effects stage: carries out the controller's commands on the SIP stacks and the media engine, so the controller
 * never waits on I/O, and reports back what the controller must know (latencies measured here, bridges, failures) as
 * events. It runs as two lanes, two consumers of the command ring on their own threads, each carrying out its share
 * of the commands in ring order: the {@link Lane#LEADS} lane dials leads and plays their prompts, the
 * {@link Lane#CLOSERS} lane does the warm transfer's closer side (dial, briefing, prompts, bridge), so that a
 * qualified caller's closer INVITE never waits behind lead dials and prompts. The leads lane owns the lead legs and
 * publishes each in a {@link LeadLegs} table the closers lane reads (for the bridge and the closer's media thread);
 * the closers lane owns the closer legs and the briefings.
 */
final class Effects implements EventHandler<Command>
{
    private static final Logger LOG = LoggerFactory.getLogger(Effects.class);

    /**
     * Which commands a lane carries out.
     */
    enum Lane
    {
        /** Lead dials, the lead leg's prompts and hang-up, opt-out persistence. */
        LEADS,
        /** Closer dials, briefings, the closer leg's prompts and hang-up, bridges. */
        CLOSERS;

        boolean owns(final Command c)
        {
            return switch (c.type)
            {
                case RECORD -> false;
                case RELEASE -> true; // each lane forgets the legs it owns
                case DIAL_CLOSER, BRIDGE, INTRODUCE, PREPARE_BRIEFING -> CLOSERS == this;
                case PLAY, STOP_PLAYBACK, HANG_UP -> (EngineEvent.LEAD_LEG != c.leg) == (CLOSERS == this);
                default -> LEADS == this;
            };
        }
    }

    /**
     * The lead legs by call slot: written by the leads lane when a dial is sent and when the call is released, read
     * by both lanes. Each entry is immutable, so a reader sees a call id and its leg together.
     */
    static final class LeadLegs
    {
        private final AtomicReferenceArray<Lead> slots;

        LeadLegs(final int capacity)
        {
            slots = new AtomicReferenceArray<>(capacity);
        }
    }

    private record Lead(long callId, CallLeg leg, SipStack stack)
    {
    }

    private final Lane lane;
    private final LeadLegs leads;
    private final SipStack[] stacks;
    private final AtomicReferenceArray<CampaignContext> campaigns;
    private final EventProxy events;
    private final long slotMask;
    private final CallLeg[] closerLegs;
    private final long[] closerCalls;
    @SuppressWarnings("unchecked")
    private final CompletableFuture<Prompt>[] briefings;
    private final long[] briefingCalls;
    private final Map<io.dialer.qualification.Prompt, CompletableFuture<Prompt>>[] personal;
    private final long[] personalCalls;
    private final DoNotCallList doNotCall;
    private final AtomicReferenceArray<CloserDestination> destinations;
    private final Function<String, String> contacts;
    private final StringBuilder uri = new StringBuilder(64);
    private final PreparedLegs<PreparedDial> prepared;
    private int nextStack;

    /**
     * @param lane      which commands this lane carries out.
     * @param leads     the lead legs, shared by the lanes.
     * @param config    the engine's settings.
     * @param campaigns    the campaigns' settings by campaign id, set before a campaign's first command.
     * @param destinations where each closer is dialed, by closer index, set before the closer's first dial.
     * @param events       where results go back to the controller.
     */
    @SuppressWarnings("unchecked")
    Effects(
        final Lane lane, final LeadLegs leads, final EngineContext config,
        final AtomicReferenceArray<CampaignContext> campaigns,
        final AtomicReferenceArray<CloserDestination> destinations, final EventProxy events)
    {
        this.destinations = destinations;
        final Registrar registrar = config.registrar();
        this.contacts = null == registrar ? extension -> null : registrar::contact;
        this.lane = lane;
        this.leads = leads;
        this.stacks = config.stacks();
        this.campaigns = campaigns;
        this.events = events;
        final int capacity = 1 << config.capacityBits();
        slotMask = capacity - 1;
        briefingCalls = new long[capacity];
        briefings = new CompletableFuture[capacity];
        personal = new Map[capacity];
        personalCalls = new long[capacity];
        closerLegs = new CallLeg[config.maxClosers()];
        closerCalls = new long[config.maxClosers()];
        doNotCall = config.doNotCall();
        prepared = Lane.CLOSERS == lane && config.prepareCloserLegs() ?
            new PreparedLegs<>(capacity, PreparedDial::discard) : null;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onEvent(final Command command, final long sequence, final boolean endOfBatch)
    {
        if (!lane.owns(command))
        {
            if (null != prepared && startsQualification(command))
            {
                prepareCloser(command.callId);
            }
            return;
        }
        try
        {
            execute(command);
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("effects: {} failed: {}", command, ex.toString());
            if (CommandType.DIAL_LEAD == command.type || CommandType.DIAL_CLOSER == command.type)
            {
                events.commandFailed(command.callId, command.leg, ex.getMessage());
            }
        }
    }

    private void execute(final Command c)
    {
        final int slot = (int)(c.callId & slotMask);
        switch (c.type)
        {
            case DIAL_LEAD ->
            {
                final CampaignContext campaign = campaigns.get(c.campaign);
                uri.setLength(0);
                uri.append("sip:").append(c.target).append('@').append(campaign.trunkHost());
                final DialRequest request = new DialRequest(uri.toString())
                    .callerIdName(campaign.callerIdName()).callerIdUser(campaign.callerIdNumber())
                    .ringTimeoutMs(c.ringTimeoutMs).detection(campaign.detector())
                    .transport(campaign.trunkTransport())
                    .responseTimeoutMs(campaign.trunkResponseTimeoutMs());
                final SipStack stack = stack();
                final CallLeg leg = stack.dial(request, new LegEvents(events, c.callId, EngineEvent.LEAD_LEG));
                leads.slots.set(slot, new Lead(c.callId, leg, stack));
                renderPersonalPrompts(campaign, slot, c.callId, c.lead);
            }
            case DIAL_CLOSER ->
            {
                // on the caller's stack and media thread: the two legs are bridged when the closer accepts
                final CampaignContext campaign = campaigns.get(c.campaign);
                final Lead lead = lead(c.callId);
                final CloserDestination destination = destinations.get(c.closer);
                final String target = destination.requestUri(campaign.trunkHost(), contacts);
                if (null == target)
                {
                    throw new IllegalStateException("extension " + destination.value() + " is not registered");
                }
                final DialRequest request = new DialRequest(target).direct(destination.direct())
                    .callerIdName(campaign.callerIdName())
                    .callerIdUser(null == c.callerIdUser ? campaign.callerIdNumber() : c.callerIdUser)
                    .ringTimeoutMs(c.ringTimeoutMs)
                    .mediaAffinity(null == lead ? null : lead.leg);
                closerCalls[c.closer] = c.callId;
                final PreparedDial ready = null == prepared ? null : prepared.take(c.callId);
                try
                {
                    closerLegs[c.closer] = (null == lead ? stack() : lead.stack)
                        .dial(request, new LegEvents(events, c.callId, c.leg), ready);
                }
                finally
                {
                    if (null != ready)
                    {
                        ready.discard(); // nothing when the dial took it
                    }
                }
                if (0 != c.originNanos)
                {
                    latency(c.callId, Step.QUALIFIED_TO_CLOSER_INVITE, c.originNanos);
                }
            }
            case PLAY -> play(c);
            case INTRODUCE -> introduce(c);
            case HOLD_MEDIA_TIMEOUT ->
            {
                // a caller on hold with silence suppression sends nothing for minutes: no media timeout then
                final CallLeg leg = leg(c.callId, EngineEvent.LEAD_LEG);
                if (null != leg)
                {
                    leg.mediaTimeout(!c.flag);
                }
            }
            case STOP_PLAYBACK ->
            {
                final CallLeg leg = leg(c.callId, c.leg);
                if (null != leg)
                {
                    leg.stopPlayback();
                }
            }
            case HANG_UP ->
            {
                final CallLeg leg = leg(c.callId, c.leg);
                if (null != leg)
                {
                    leg.hangup();
                }
            }
            case BRIDGE ->
            {
                final CallLeg caller = leg(c.callId, EngineEvent.LEAD_LEG);
                final CallLeg closer = leg(c.callId, c.leg);
                if (null != caller && null != closer)
                {
                    caller.bridge(closer);
                    events.bridged(c.callId);
                    if (0 != c.originNanos)
                    {
                        latency(c.callId, Step.ACCEPT_TO_BRIDGE, c.originNanos);
                    }
                    if (campaigns.get(c.campaign).mediaRelease())
                    {
                        // the bridge carries the audio until both far ends accept the other's media
                        final long callId = c.callId;
                        caller.releaseMedia(closer, (a, b, outcome, status) ->
                            events.mediaRelease(callId, outcome, status));
                    }
                }
            }
            case PERSIST_OPT_OUT -> doNotCall.persist(c.number, c.summary, c.timeMs);
            case PERSIST_DNC_REMOVAL -> doNotCall.persistRemoval(c.number, c.summary, c.timeMs);
            case PREPARE_BRIEFING ->
            {
                if (null != lead(c.callId))
                {
                    briefingCalls[slot] = c.callId;
                    briefings[slot] = campaigns.get(c.campaign).prompts().briefing(c.summary);
                }
            }
            case RELEASE -> release(c.callId, slot);
            default ->
            {
            }
        }
    }

    private void release(final long callId, final int slot)
    {
        if (Lane.LEADS == lane)
        {
            if (personalCalls[slot] == callId)
            {
                personal[slot] = null;
                personalCalls[slot] = 0;
            }
            final Lead lead = leads.slots.get(slot);
            if (null != lead && lead.callId == callId)
            {
                leads.slots.set(slot, null);
            }
            return;
        }
        if (briefingCalls[slot] == callId)
        {
            briefingCalls[slot] = 0;
            briefings[slot] = null;
        }
        if (null != prepared)
        {
            prepared.release(callId);
        }
        for (int i = 0; i < closerCalls.length; i++)
        {
            if (closerCalls[i] == callId)
            {
                closerCalls[i] = 0;
                closerLegs[i] = null;
            }
        }
    }

    /**
     * A script prompt to the caller: the caller is in qualification (the first such prompt is the greeting).
     */
    private static boolean startsQualification(final Command c)
    {
        return CommandType.PLAY == c.type && EngineEvent.LEAD_LEG == c.leg &&
            c.prompt instanceof io.dialer.qualification.Prompt;
    }

    /**
     * The closer leg made ready while the caller answers the script, once per call: its media session opened on the
     * caller's stack and media thread, so the qualified caller's closer dial only clones and sends the INVITE. A
     * leg not dialed is discarded when the call is released.
     */
    private void prepareCloser(final long callId)
    {
        if (!prepared.shouldPrepare(callId))
        {
            return;
        }
        final Lead lead = lead(callId);
        if (null == lead)
        {
            return;
        }
        try
        {
            prepared.put(callId, lead.stack.prepareDial(lead.leg));
        }
        catch (final RuntimeException ex)
        {
            LOG.debug("call {}: no closer leg prepared: {}", callId, ex.toString());
        }
    }

    private void play(final Command c)
    {
        final CallLeg leg = leg(c.callId, c.leg);
        if (null == leg)
        {
            return;
        }
        final PromptBook prompts = campaigns.get(c.campaign).prompts();
        final long callId = c.callId;
        final Object prompt = c.prompt;
        if (io.dialer.transfer.Prompt.BRIEFING == prompt)
        {
            final int slot = (int)(c.callId & slotMask);
            final CompletableFuture<Prompt> briefing = briefingCalls[slot] == c.callId ? briefings[slot] : null;
            if (null == briefing)
            {
                return;
            }
            final long token = c.token;
            final long origin = c.originNanos;
            briefing.whenComplete((audio, error) ->
            {
                final Prompt spoken = null == audio ? prompts.transfer(io.dialer.transfer.Prompt.INTRODUCTION) : audio;
                if (start(leg, spoken, false, token) && 0 != origin)
                {
                    latency(callId, Step.CLOSER_ANSWER_TO_BRIEFING, origin);
                }
            });
            return;
        }
        final Prompt audio;
        if (prompt instanceof io.dialer.qualification.Prompt scriptPrompt && scriptPrompt.hasLeadFields() &&
            null == scriptPrompt.audio())
        {
            playPersonal(leg, scriptPrompt, c);
            return;
        }
        else if (prompt instanceof io.dialer.qualification.Prompt scriptPrompt)
        {
            audio = prompts.script(scriptPrompt);
        }
        else if (prompt instanceof io.dialer.transfer.Prompt transferPrompt)
        {
            audio = prompts.transfer(transferPrompt);
        }
        else if (CallAbandonment.SAFE_HARBOR == prompt)
        {
            audio = prompts.safeHarbor();
        }
        else
        {
            audio = prompts.voicemail();
        }
        if (start(leg, audio, c.loop, c.token) && 0 != c.originNanos && c.step >= 0)
        {
            latency(callId, Step.get(c.step), c.originNanos);
        }
    }

    private boolean start(
        final CallLeg leg, final Prompt audio, final boolean loop, final long token)
    {
        try
        {
            // never the media engine's barge-in: the controller stops prompts when the script or transfer says so
            leg.play(audio, loop, false, token);
            return true;
        }
        catch (final IllegalStateException ex)
        {
            // the leg ended meanwhile: its end event is on its way to the controller
            return false;
        }
    }

    /**
     * The lead was dialed: its prompts that speak lead fields are rendered now, in the background, while it rings.
     */
    private void renderPersonalPrompts(
        final CampaignContext campaign, final int slot, final long callId, final int lead)
    {
        final PromptBook prompts = campaign.prompts();
        if (prompts.personalPrompts().isEmpty() || lead < 0)
        {
            return;
        }
        final String[] values = campaign.script().leadValues(campaign.leads().fields(lead));
        final Map<io.dialer.qualification.Prompt, CompletableFuture<Prompt>> rendered = new IdentityHashMap<>();
        for (final io.dialer.qualification.Prompt prompt : prompts.personalPrompts())
        {
            rendered.put(prompt, prompts.render(prompt.render(values)));
        }
        personal[slot] = rendered;
        personalCalls[slot] = callId;
    }

    /**
     * A prompt with the lead's own values: played when its rendering is done (it normally is, long before).
     */
    private void playPersonal(final CallLeg leg, final io.dialer.qualification.Prompt prompt, final Command c)
    {
        final int slot = (int)(c.callId & slotMask);
        final CompletableFuture<Prompt> audio = personalCalls[slot] != c.callId ? null : personal[slot].get(prompt);
        if (null == audio)
        {
            LOG.warn("call {}: prompt '{}' was not rendered for the lead", c.callId, prompt);
            return;
        }
        // the command's slot is reused once this returns: the callback keeps copies
        final long callId = c.callId;
        final long token = c.token;
        final boolean loop = c.loop;
        final long origin = c.originNanos;
        final int step = c.step;
        audio.whenComplete((rendered, error) ->
        {
            if (null != rendered && start(leg, rendered, loop, token) && 0 != origin && step >= 0)
            {
                latency(callId, Step.get(step), origin);
            }
            else if (null == rendered)
            {
                LOG.warn("call {}: prompt '{}' could not be rendered: {}", callId, prompt, error.toString());
            }
        });
    }

    /**
     * The three-way introduction: caller and closer are already connected; the introduction prompt is mixed over
     * their conversation so that both hear it, then the legs are a plain bridge again (no finished report is needed:
     * the transfer is complete).
     */
    private void introduce(final Command c)
    {
        final CallLeg caller = leg(c.callId, EngineEvent.LEAD_LEG);
        final CallLeg closer = leg(c.callId, c.leg);
        final Prompt intro = campaigns.get(c.campaign).prompts().transfer(io.dialer.transfer.Prompt.INTRODUCTION);
        if (null != caller && null != closer && null != intro)
        {
            try
            {
                caller.bridge(closer, intro, 0);
            }
            catch (final IllegalStateException ex)
            {
                // a leg ended meanwhile: its end event is on its way to the controller
            }
        }
    }

    private void latency(final long callId, final Step step, final long originNanos)
    {
        final long endNanos = System.nanoTime();
        events.latency(callId, step.ordinal(), endNanos, endNanos - originNanos);
    }

    private Lead lead(final long callId)
    {
        final Lead lead = leads.slots.get((int)(callId & slotMask));
        return null != lead && lead.callId == callId ? lead : null;
    }

    private CallLeg leg(final long callId, final int leg)
    {
        if (EngineEvent.LEAD_LEG == leg)
        {
            final Lead lead = lead(callId);
            return null == lead ? null : lead.leg;
        }
        final int closer = leg - 1;
        return closerCalls[closer] == callId ? closerLegs[closer] : null;
    }

    private SipStack stack()
    {
        final SipStack stack = stacks[nextStack];
        nextStack = nextStack + 1 == stacks.length ? 0 : nextStack + 1;
        return stack;
    }
}
