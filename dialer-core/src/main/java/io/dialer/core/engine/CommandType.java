/*
 * Dialer core.
 */
package io.dialer.core.engine;

/**
 * What a {@link Command} asks for: telephony work for the effects stage, or a record for the journal.
 */
enum CommandType
{
    /** Dial a lead: {@code lead}, {@code target} (E.164), {@code ringTimeoutMs}. */
    DIAL_LEAD,
    /** Dial a closer for a warm transfer: {@code closer}, {@code target}, {@code callerIdUser}. */
    DIAL_CLOSER,
    /** Play a prompt on a leg: {@code prompt}, {@code loop}, {@code token}, {@code lead} (for lead fields). */
    PLAY,
    /** Stop the prompt playing on a leg. */
    STOP_PLAYBACK,
    /** Hang up (or cancel) a leg. */
    HANG_UP,
    /** Bridge the lead's leg with a closer's leg ({@code leg}). */
    BRIDGE,
    /** The three-way introduction over a bridge: the introduction prompt to both legs. */
    INTRODUCE,
    /** The media inactivity timeout of the lead's leg: {@code flag} true to suspend it (caller on hold). */
    HOLD_MEDIA_TIMEOUT,
    /** Render the closer's briefing in the background (when the caller qualifies, before a closer answers). */
    PREPARE_BRIEFING,
    /** The call is over: forget its legs. */
    RELEASE,
    /**
     * Append an opt-out to the do-not-call list's file and force it ({@code number}, {@code timeMs}, {@code summary}
     * the source); the controller blocked it in memory already.
     */
    PERSIST_OPT_OUT,
    /**
     * Record a removal from the do-not-call list in its file and force it ({@code number}, {@code timeMs},
     * {@code summary} the source); the controller unblocked it in memory already.
     */
    PERSIST_DNC_REMOVAL,
    /** A journal record, encoded in {@code record}. */
    RECORD
}
