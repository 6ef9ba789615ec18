/*
 * Dialer core: journal.
 */
package io.dialer.core.journal;

/**
 * What a user (through the engine's control seam) or the engine itself did to the campaign or the sales floor, as the
 * journal records it with {@link CampaignLog#control}.
 */
public enum ControlAction
{
    /** A closer logged in: subject the closer id. */
    CLOSER_LOGIN,
    /** A closer logged out (now, or after the call in progress): subject the closer id. */
    CLOSER_LOGOUT,
    /** A closer paused (now, or after the call in progress): subject the closer id, detail the reason. */
    CLOSER_PAUSE,
    /** A paused closer is available again: subject the closer id. */
    CLOSER_RESUME,
    /** A closer ended the wrap-up early: subject the closer id. */
    CLOSER_WRAP_UP_DONE,
    /** A closer accepted the briefing from the console (as key 1): subject the closer id, detail the call id. */
    CONSOLE_ACCEPT,
    /** A closer rejected the briefing from the console (as key 9): subject the closer id, detail the call id. */
    CONSOLE_REJECT,
    /** A number was added to the do-not-call list: subject the number, detail the source. */
    DO_NOT_CALL_ADDED,
    /** Dialing paused: calls in progress go on. */
    CAMPAIGN_PAUSE,
    /** Dialing resumed. */
    CAMPAIGN_RESUME,
    /** No new leads: the campaign finishes when the calls in progress end. */
    CAMPAIGN_DRAIN,
    /** The campaign stops: no new dials; it ends (unfinished) when the calls in progress end. */
    CAMPAIGN_STOP,
    /** The engine stopped dialing on its own: detail why (e.g. the trunk failed too many times in a row). */
    DIALING_SUSPENDED,
    /** A number taken off the do-not-call list by a user: subject the number, detail who. */
    DO_NOT_CALL_REMOVED,
    /** A closer added to the floor: subject the closer id, detail the closer's destination and skills. */
    CLOSER_ADDED,
    /** A logged-out closer's name, destination or skills changed: subject the closer id, detail the new values. */
    CLOSER_UPDATED,
    /** A logged-out closer removed from the floor: subject the closer id. */
    CLOSER_REMOVED,
    /** A closer's phone (an extension) registered or unregistered: subject the closer id, detail what happened. */
    CLOSER_PHONE;

    private static final ControlAction[] VALUES = values();

    /**
     * The action with this ordinal.
     *
     * @param ordinal the ordinal.
     * @return the action.
     */
    public static ControlAction get(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
