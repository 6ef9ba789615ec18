/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.concurrent.CompletableFuture;

import io.dialer.core.campaign.Closer;

/**
 * The engine's one control seam: what users do (closer presence, accepting or rejecting a briefing, do-not-call;
 * pausing, draining and stopping a campaign through its {@link RunningCampaign}) and what they read (the
 * {@link LiveState}). Thread-safe: every action
 * is published into the controller's ring and applied, and journaled, on its thread; the returned future completes
 * when it has been. Nothing here blocks the controller. The HTTP layer calls this; so do the command line and tests.
 */
public final class EngineControl
{
    private final EventProxy events;
    private volatile LiveState state;

    EngineControl(final EventProxy events, final LiveState initial)
    {
        this.events = events;
        this.state = initial;
    }

    /**
     * A closer logs in: available for callers of their skills.
     *
     * @param closerId the closer id.
     * @return the result.
     */
    public CompletableFuture<ControlResult> closerLogin(final String closerId)
    {
        return send(EventType.CLOSER_LOGIN, closerId, null);
    }

    /**
     * A closer logs out; while offered a caller or on a call, when that ends.
     *
     * @param closerId the closer id.
     * @return the result.
     */
    public CompletableFuture<ControlResult> closerLogout(final String closerId)
    {
        return send(EventType.CLOSER_LOGOUT, closerId, null);
    }

    /**
     * A closer pauses with a reason; while offered a caller or on a call, when that ends (after the wrap-up).
     *
     * @param closerId the closer id.
     * @param reason   why (shown to supervisors).
     * @return the result.
     */
    public CompletableFuture<ControlResult> closerPause(final String closerId, final String reason)
    {
        return send(EventType.CLOSER_PAUSE, closerId, null == reason ? "" : reason);
    }

    /**
     * A paused closer is available again (or a pause asked for during a call is cancelled).
     *
     * @param closerId the closer id.
     * @return the result.
     */
    public CompletableFuture<ControlResult> closerResume(final String closerId)
    {
        return send(EventType.CLOSER_RESUME, closerId, null);
    }

    /**
     * A closer ends the wrap-up now.
     *
     * @param closerId the closer id.
     * @return the result.
     */
    public CompletableFuture<ControlResult> closerWrapUpDone(final String closerId)
    {
        return send(EventType.CLOSER_WRAP_UP_DONE, closerId, null);
    }

    /**
     * The closer accepts the caller it is being briefed on: the same as pressing 1 (whichever comes first wins).
     *
     * @param closerId the closer id.
     * @return the result: refused when the closer is not in a briefing.
     */
    public CompletableFuture<ControlResult> accept(final String closerId)
    {
        return send(EventType.CONSOLE_ACCEPT, closerId, null);
    }

    /**
     * The closer rejects the caller it is being briefed on: the same as pressing 9; the caller goes to the next
     * closer.
     *
     * @param closerId the closer id.
     * @return the result: refused when the closer is not in a briefing.
     */
    public CompletableFuture<ControlResult> reject(final String closerId)
    {
        return send(EventType.CONSOLE_REJECT, closerId, null);
    }

    /**
     * Adds a number to the do-not-call list at once (checked before every later dial) and to its file.
     *
     * @param number the number, E.164 or national in the campaign's region.
     * @param source who asked (a user, "api").
     * @return the result: refused for a number that is not valid.
     */
    public CompletableFuture<ControlResult> addDoNotCall(final String number, final String source)
    {
        return send(EventType.ADD_DO_NOT_CALL, number, null == source ? "" : source);
    }

    /**
     * Takes a number off the do-not-call list (a manager's correction), at once and in the opt-out file.
     *
     * @param number the number.
     * @param source who asked.
     * @return the result: refused for a number not on the list or not valid.
     */
    public CompletableFuture<ControlResult> removeDoNotCall(final String number, final String source)
    {
        return send(EventType.REMOVE_DO_NOT_CALL, number, null == source ? "" : source);
    }

    /**
     * Whether a number is on the do-not-call list.
     *
     * @param number the number.
     * @return applied when it is on the list, refused (and why) when not, or not a valid number.
     */
    public CompletableFuture<ControlResult> checkDoNotCall(final String number)
    {
        return send(EventType.CHECK_DO_NOT_CALL, number, null);
    }

    /**
     * Blocks numbers the caller has already appended to the do-not-call list's file
     * ({@code DoNotCallList#persistAll}): a bulk upload.
     *
     * @param numbers E.164 digits as longs; the array is the controller's from now on.
     * @param source  who asked.
     * @return the result, with how many were new.
     */
    public CompletableFuture<ControlResult> blockNumbers(final long[] numbers, final String source)
    {
        final CompletableFuture<ControlResult> future = new CompletableFuture<>();
        events.control(EventType.BLOCK_NUMBERS, -1, source, null, new Object[]{numbers, future});
        return future;
    }

    /**
     * Adds a closer to the floor, logged out.
     *
     * @param closer the closer.
     * @return the result: refused for an id already on the floor or a full floor.
     */
    public CompletableFuture<ControlResult> addCloser(final Closer closer)
    {
        return sendObject(EventType.ADD_CLOSER, closer);
    }

    /**
     * Changes a logged-out closer's name, destination and skills.
     *
     * @param closer the closer, by its id.
     * @return the result: refused for an unknown closer or one logged in.
     */
    public CompletableFuture<ControlResult> updateCloser(final Closer closer)
    {
        return sendObject(EventType.UPDATE_CLOSER, closer);
    }

    /**
     * Removes a logged-out closer from the floor.
     *
     * @param closerId the closer id.
     * @return the result: refused for an unknown closer or one logged in.
     */
    public CompletableFuture<ControlResult> removeCloser(final String closerId)
    {
        return send(EventType.REMOVE_CLOSER, closerId, null);
    }

    /**
     * The state the controller last published (at most 250 ms old while the engine runs).
     *
     * @return the state.
     */
    public LiveState state()
    {
        return state;
    }

    /**
     * Asks the controller for a fresh state.
     *
     * @return the state, when the controller has taken it.
     */
    public CompletableFuture<LiveState> refresh()
    {
        final CompletableFuture<LiveState> future = new CompletableFuture<>();
        events.control(EventType.STATE, null, null, future);
        return future;
    }

    void publish(final LiveState latest)
    {
        state = latest;
    }

    /**
     * An action on one campaign ({@link RunningCampaign} sends them).
     *
     * @param type     the action.
     * @param campaign the campaign's id.
     * @param detail   a reason, or null.
     * @return the result.
     */
    CompletableFuture<ControlResult> campaign(final EventType type, final int campaign, final String detail)
    {
        final CompletableFuture<ControlResult> future = new CompletableFuture<>();
        events.control(type, campaign, null, detail, future);
        return future;
    }

    private CompletableFuture<ControlResult> sendObject(final EventType type, final Object what)
    {
        final CompletableFuture<ControlResult> future = new CompletableFuture<>();
        events.control(type, -1, null, null, new Object[]{what, future});
        return future;
    }

    private CompletableFuture<ControlResult> send(final EventType type, final String subject, final String detail)
    {
        final CompletableFuture<ControlResult> future = new CompletableFuture<>();
        events.control(type, subject, detail, future);
        return future;
    }
}
