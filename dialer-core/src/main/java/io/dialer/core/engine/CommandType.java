/*
 * Dialer core.
 */
package io.dialer.core.engine;

/**
 * What a {@link Command} asks for: telephony work for the effects stage, or a decision record for the journal.
 */
public enum CommandType
{
    /** Dial a lead. */
    DIAL_LEAD,
    /** Dial a closer for a warm transfer. */
    DIAL_CLOSER,
    /** Play a prompt on a leg. */
    PLAY,
    /** Stop the prompt playing on a leg. */
    STOP_PLAYBACK,
    /** Hang up (or cancel) a leg. */
    HANG_UP,
    /** Bridge the lead's leg with a closer's leg. */
    BRIDGE,
    /** Render the closer's briefing in the background (when the caller qualifies, before a closer answers). */
    PREPARE_BRIEFING,
    /** The call is over: forget its legs. */
    RELEASE,
    /** A decision record for the journal (see {@link Command#record}). */
    /**
     * Append an opt-out to the do-not-call list's file and force it ({@code number}, {@code timeMs}, {@code summary}
     * the source); the controller blocked it in memory already.
     */
    PERSIST_OPT_OUT,
    RECORD;

    /**
     * @return true for the journal's records, which the effects stage skips.
     */
    public boolean isRecord()
    {
        return this == RECORD;
    }
}
