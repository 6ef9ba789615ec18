/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

import io.dialer.core.campaign.Closer;
import io.dialer.core.campaign.CloserDestination;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.ControlAction;
import io.dialer.core.pacing.PredictivePacer;
import io.dialer.sip.Registrar;
import io.dialer.transfer.CloserPool;
import io.dialer.transfer.CloserState;
import io.dialer.transfer.MatchListener;
import io.dialer.transfer.Matcher;
import io.dialer.transfer.PoolResult;
import io.dialer.transfer.SkillRegistry;
import io.dialer.transfer.TransferState;

/**
 * The closers and their presence: the {@link CloserPool} and {@link Matcher} (longest-idle closer with the skill),
 * and what closers do through the control seam (log in, log out, pause with a reason, resume, end the wrap-up), each
 * journaled. Closers are logged out until they log in. A pause or logout asked for while a closer is offered a caller
 * or on a call takes effect when that ends (after the wrap-up). Single writer: the controller's thread.
 */
final class SalesFloor
{
    /** The pause reason of a closer whose phone unregistered. */
    static final String PHONE_UNREGISTERED = "phone unregistered";

    private final CloserPool pool;
    private final Matcher matcher;
    private final CampaignLog journal;
    private final AtomicReferenceArray<CloserDestination> destinations;
    private final Registrar registrar;
    private final StringBuilder detail = new StringBuilder(64);

    /**
     * @param closers      the closers.
     * @param maxClosers   the most closers the floor holds (those given and those added later).
     * @param wrapUpMs     the wrap-up after a call; 0 for none.
     * @param maxWaiting   how many qualified callers may wait for a closer at once.
     * @param listener     told when a waiting caller gets a closer.
     * @param journal      where presence actions are recorded.
     * @param destinations where each closer is dialed, by closer index, for the effects stage to read.
     * @param registrar    where closers' extensions register, or null when the engine has none.
     */
    SalesFloor(
        final List<Closer> closers, final int maxClosers, final long wrapUpMs, final int maxWaiting,
        final MatchListener listener, final CampaignLog journal,
        final AtomicReferenceArray<CloserDestination> destinations, final Registrar registrar)
    {
        final SkillRegistry skills = new SkillRegistry(256);
        pool = new CloserPool(skills, Math.max(1, maxClosers), 8);
        this.destinations = destinations;
        this.registrar = registrar;
        for (final Closer closer : closers)
        {
            define(pool.add(closer.id(), closer.name(), closer.uri(), closer.skills().toArray(new String[0])),
                closer.destination());
        }
        matcher = new Matcher(pool, maxWaiting, wrapUpMs, listener);
        this.journal = journal;
    }

    CloserPool pool()
    {
        return pool;
    }

    Matcher matcher()
    {
        return matcher;
    }

    /**
     * @param skill a skill name.
     * @return its id (interned).
     */
    int skillId(final String skill)
    {
        return pool.skills().intern(skill);
    }

    /**
     * A closer logs in.
     *
     * @param closerId the closer id.
     * @param nowMs    the time.
     * @return the result.
     */
    ControlResult login(final String closerId, final long nowMs)
    {
        final int closer = pool.indexOf(closerId);
        if (closer < 0)
        {
            return refuse(ControlAction.CLOSER_LOGIN, closerId, nowMs, "unknown closer");
        }
        final String unreachable = unreachable(closer);
        if (null != unreachable)
        {
            return refuse(ControlAction.CLOSER_LOGIN, closerId, nowMs, unreachable);
        }
        final PoolResult result = matcher.login(closer, nowMs);
        if (PoolResult.OK != result)
        {
            return refuse(ControlAction.CLOSER_LOGIN, closerId, nowMs, "already logged in");
        }
        return apply(ControlAction.CLOSER_LOGIN, closerId, nowMs, "");
    }

    /**
     * A closer logs out, now or when the call in progress ends.
     *
     * @param closerId the closer id.
     * @param nowMs    the time.
     * @return the result.
     */
    ControlResult logout(final String closerId, final long nowMs)
    {
        final int closer = pool.indexOf(closerId);
        if (closer < 0)
        {
            return refuse(ControlAction.CLOSER_LOGOUT, closerId, nowMs, "unknown closer");
        }
        final PoolResult result = matcher.logout(closer, nowMs);
        if (PoolResult.DEFERRED == result)
        {
            return apply(ControlAction.CLOSER_LOGOUT, closerId, nowMs, "after the call in progress");
        }
        if (PoolResult.OK != result)
        {
            return refuse(ControlAction.CLOSER_LOGOUT, closerId, nowMs, "not logged in");
        }
        return apply(ControlAction.CLOSER_LOGOUT, closerId, nowMs, "");
    }

    /**
     * A closer pauses, now or when the call in progress ends.
     *
     * @param closerId the closer id.
     * @param reason   why.
     * @param nowMs    the time.
     * @return the result.
     */
    ControlResult pause(final String closerId, final String reason, final long nowMs)
    {
        final int closer = pool.indexOf(closerId);
        if (closer < 0)
        {
            return refuse(ControlAction.CLOSER_PAUSE, closerId, nowMs, "unknown closer");
        }
        final String why = null == reason || reason.isBlank() ? "paused" : reason;
        final PoolResult result = matcher.pause(closer, why, nowMs);
        if (PoolResult.DEFERRED == result)
        {
            detail.setLength(0);
            detail.append(why).append(" (after the call in progress)");
            return apply(ControlAction.CLOSER_PAUSE, closerId, nowMs, detail.toString());
        }
        if (PoolResult.OK != result)
        {
            return refuse(ControlAction.CLOSER_PAUSE, closerId, nowMs, "not logged in");
        }
        return apply(ControlAction.CLOSER_PAUSE, closerId, nowMs, why);
    }

    /**
     * A paused closer is available again.
     *
     * @param closerId the closer id.
     * @param nowMs    the time.
     * @return the result.
     */
    ControlResult resume(final String closerId, final long nowMs)
    {
        final int closer = pool.indexOf(closerId);
        if (closer < 0)
        {
            return refuse(ControlAction.CLOSER_RESUME, closerId, nowMs, "unknown closer");
        }
        final String unreachable = unreachable(closer);
        if (null != unreachable && CloserState.PAUSED == pool.state(closer))
        {
            return refuse(ControlAction.CLOSER_RESUME, closerId, nowMs, unreachable);
        }
        if (PoolResult.OK != matcher.resume(closer, nowMs))
        {
            return refuse(ControlAction.CLOSER_RESUME, closerId, nowMs, "not paused");
        }
        return apply(ControlAction.CLOSER_RESUME, closerId, nowMs, "");
    }

    /**
     * A closer ends the wrap-up now.
     *
     * @param closerId the closer id.
     * @param nowMs    the time.
     * @return the result.
     */
    ControlResult wrapUpDone(final String closerId, final long nowMs)
    {
        final int closer = pool.indexOf(closerId);
        if (closer < 0)
        {
            return refuse(ControlAction.CLOSER_WRAP_UP_DONE, closerId, nowMs, "unknown closer");
        }
        if (PoolResult.OK != matcher.endWrapUp(closer, nowMs))
        {
            return refuse(ControlAction.CLOSER_WRAP_UP_DONE, closerId, nowMs, "not in wrap-up");
        }
        return apply(ControlAction.CLOSER_WRAP_UP_DONE, closerId, nowMs, "");
    }

    /**
     * Adds a closer to the floor, logged out.
     *
     * @param closer the closer.
     * @param nowMs  the time.
     * @return the result: refused for an id already on the floor or a full floor.
     */
    ControlResult add(final Closer closer, final long nowMs)
    {
        try
        {
            define(pool.add(closer.id(), closer.name(), closer.uri(), closer.skills().toArray(new String[0])),
                closer.destination());
        }
        catch (final IllegalArgumentException | IllegalStateException ex)
        {
            return refuse(ControlAction.CLOSER_ADDED, closer.id(), nowMs, ex.getMessage());
        }
        return apply(ControlAction.CLOSER_ADDED, closer.id(), nowMs, describe(closer));
    }

    /**
     * Changes a logged-out closer's name, destination and skills.
     *
     * @param closer the closer, by its id.
     * @param nowMs  the time.
     * @return the result: refused for an unknown closer or one logged in.
     */
    ControlResult update(final Closer closer, final long nowMs)
    {
        final int index = pool.indexOf(closer.id());
        if (index < 0)
        {
            return refuse(ControlAction.CLOSER_UPDATED, closer.id(), nowMs, "unknown closer");
        }
        final CloserDestination before = destinations.get(index);
        try
        {
            pool.update(index, closer.name(), closer.uri(), closer.skills().toArray(new String[0]));
        }
        catch (final IllegalArgumentException | IllegalStateException ex)
        {
            return refuse(ControlAction.CLOSER_UPDATED, closer.id(), nowMs, ex.getMessage());
        }
        if (null != before && CloserDestination.Kind.EXTENSION == before.kind() && null != registrar &&
            !before.equals(closer.destination()))
        {
            registrar.removeCredentials(before.value());
        }
        define(index, closer.destination());
        return apply(ControlAction.CLOSER_UPDATED, closer.id(), nowMs, describe(closer));
    }

    /**
     * Removes a logged-out closer from the floor.
     *
     * @param closerId the closer id.
     * @param nowMs    the time.
     * @return the result: refused for an unknown closer or one logged in.
     */
    ControlResult remove(final String closerId, final long nowMs)
    {
        final int closer = pool.indexOf(closerId);
        if (closer < 0)
        {
            return refuse(ControlAction.CLOSER_REMOVED, closerId, nowMs, "unknown closer");
        }
        try
        {
            pool.remove(closer);
        }
        catch (final IllegalStateException ex)
        {
            return refuse(ControlAction.CLOSER_REMOVED, closerId, nowMs, ex.getMessage());
        }
        final CloserDestination destination = destinations.get(closer);
        if (CloserDestination.Kind.EXTENSION == destination.kind() && null != registrar)
        {
            registrar.removeCredentials(destination.value());
        }
        return apply(ControlAction.CLOSER_REMOVED, closerId, nowMs, "");
    }

    /**
     * An extension's phone registered or unregistered: its closer is paused while the phone cannot be reached (after
     * the call in progress, if any) and available again when it registers, if that was the only reason.
     *
     * @param extension  the extension.
     * @param registered true when it registered.
     * @param nowMs      the time.
     */
    void phone(final String extension, final boolean registered, final long nowMs)
    {
        for (int closer = 0; closer < pool.size(); closer++)
        {
            final CloserDestination destination = destinations.get(closer);
            if (pool.isRemoved(closer) || CloserDestination.Kind.EXTENSION != destination.kind() ||
                !destination.value().equals(extension))
            {
                continue;
            }
            final String id = pool.id(closer);
            journal.control(nowMs, ControlAction.CLOSER_PHONE, id, registered ? "registered" : "unregistered", true);
            final CloserState state = pool.state(closer);
            if (!registered && CloserState.OFFLINE != state && CloserState.PAUSED != state)
            {
                pause(id, PHONE_UNREGISTERED, nowMs);
            }
            else if (registered && CloserState.PAUSED == state && PHONE_UNREGISTERED.equals(pool.pauseReason(closer)))
            {
                resume(id, nowMs);
            }
        }
    }

    /**
     * Logs in every closer, as a campaign whose closers log in at start does.
     *
     * @param nowMs the time.
     */
    void loginAll(final long nowMs)
    {
        for (int closer = 0; closer < pool.size(); closer++)
        {
            if (CloserState.OFFLINE == pool.state(closer) && !pool.isRemoved(closer))
            {
                login(pool.id(closer), nowMs);
            }
        }
    }

    /**
     * @param skill the skill id.
     * @return closers with the skill who can take a caller now.
     */
    int available(final int skill)
    {
        return SkillRegistry.UNKNOWN_SKILL == skill ? 0 : matcher.availableCount(skill);
    }

    /**
     * @param skill the skill id.
     * @return qualified callers waiting for a closer with the skill.
     */
    int waiting(final int skill)
    {
        return SkillRegistry.UNKNOWN_SKILL == skill ? 0 : matcher.waitingCount(skill);
    }

    /**
     * Tells a predictive pacer each busy closer with the skill (briefing, talking, wrapping up, and for how long)
     * and counts the closers on the floor: logged in, not paused, not about to pause or log out after the call.
     * Allocation-free.
     *
     * @param skill the skill id.
     * @param pacer the pacer, after {@link PredictivePacer#beginFloor(long)}.
     * @param nowMs the time.
     * @return the closers with the skill on the floor.
     */
    int feed(final int skill, final PredictivePacer pacer, final long nowMs)
    {
        if (SkillRegistry.UNKNOWN_SKILL == skill)
        {
            return 0;
        }
        int onFloor = 0;
        for (int closer = 0; closer < pool.size(); closer++)
        {
            if (pool.isRemoved(closer) || !pool.hasSkill(closer, skill) ||
                Matcher.PENDING_NONE != matcher.pendingAction(closer))
            {
                continue;
            }
            final CloserState state = pool.state(closer);
            if (CloserState.OFFLINE == state || CloserState.PAUSED == state)
            {
                continue;
            }
            onFloor++;
            final long elapsed = nowMs - pool.stateSinceMs(closer);
            if (CloserState.OFFERED == state)
            {
                pacer.closerBriefing(elapsed);
            }
            else if (CloserState.ON_CALL == state)
            {
                pacer.closerTalking(elapsed);
            }
            else if (CloserState.WRAP_UP == state)
            {
                pacer.closerWrapping(elapsed);
            }
        }
        return onFloor;
    }

    /**
     * The closers as the live state shows them.
     *
     * @param calls     the calls up by call id, to tell dialing, ringing and briefing apart.
     * @param campaigns the campaigns' names by campaign id.
     * @return one view per closer.
     */
    List<LiveState.CloserView> views(final LongFunction<CallFlow> calls, final IntFunction<String> campaigns)
    {
        final List<LiveState.CloserView> views = new ArrayList<>(pool.size());
        for (int closer = 0; closer < pool.size(); closer++)
        {
            if (pool.isRemoved(closer))
            {
                continue;
            }
            final CloserState state = pool.state(closer);
            long callId = 0;
            int lead = -1;
            String campaign = "";
            String shown = switch (state)
            {
                case OFFLINE -> "LOGGED_OUT";
                case OFFERED -> "DIALING";
                default -> state.name();
            };
            if (CloserState.OFFERED == state || CloserState.ON_CALL == state)
            {
                final long caller = matcher.callerOf(closer);
                final CallFlow flow = calls.apply(caller);
                if (null != flow)
                {
                    callId = caller;
                    lead = flow.lead();
                    campaign = campaigns.apply(flow.campaign());
                    if (CloserState.OFFERED == state)
                    {
                        shown = offeredState(flow.transferState());
                    }
                }
            }
            String reason = null == pool.pauseReason(closer) ? "" : pool.pauseReason(closer);
            if (Matcher.PENDING_PAUSE == matcher.pendingAction(closer))
            {
                reason = "pause after the call: " + matcher.pendingPauseReason(closer);
            }
            else if (Matcher.PENDING_LOGOUT == matcher.pendingAction(closer))
            {
                reason = "log out after the call";
            }
            final CloserDestination destination = destinations.get(closer);
            final String phone = CloserDestination.Kind.EXTENSION != destination.kind() ? "" :
                null != registrar && registrar.registered(destination.value()) ? "registered" : "not registered";
            views.add(new LiveState.CloserView(pool.id(closer), pool.name(closer), shown, reason,
                pool.stateSinceMs(closer), campaign, callId, lead, destination.toString(), phone));
        }
        return views;
    }

    private void define(final int closer, final CloserDestination destination)
    {
        destinations.set(closer, destination);
        if (CloserDestination.Kind.EXTENSION == destination.kind() && null != registrar)
        {
            registrar.credentials(destination.value(), destination.sipPasswordHa1());
        }
    }

    /**
     * @return why the closer's phone cannot be called now, or null when it can.
     */
    private String unreachable(final int closer)
    {
        final CloserDestination destination = destinations.get(closer);
        if (CloserDestination.Kind.EXTENSION != destination.kind())
        {
            return null;
        }
        if (null == registrar)
        {
            return "extension " + destination.value() + " but the dialer takes no registrations";
        }
        return registrar.registered(destination.value()) ? null :
            "phone not registered (extension " + destination.value() + ")";
    }

    private static String describe(final Closer closer)
    {
        return closer.destination() + " " + closer.skills();
    }

    private static String offeredState(final TransferState transfer)
    {
        return switch (transfer)
        {
            case CLOSER_RINGING -> "RINGING";
            case BRIEFING, AWAITING_DECISION, NOTIFYING_CLOSER -> "BRIEFING";
            default -> "DIALING";
        };
    }

    private ControlResult apply(
        final ControlAction action, final String closerId, final long nowMs, final String text)
    {
        journal.control(nowMs, action, closerId, text, true);
        return ControlResult.ok(text.isEmpty() ? action.name().toLowerCase(java.util.Locale.ROOT) : text);
    }

    private ControlResult refuse(
        final ControlAction action, final String closerId, final long nowMs, final String why)
    {
        journal.control(nowMs, action, null == closerId ? "" : closerId, why, false);
        return ControlResult.refused(why + ": " + closerId);
    }
}
