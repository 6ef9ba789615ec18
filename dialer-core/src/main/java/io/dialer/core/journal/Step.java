/*
 * Dialer core.
 */
package io.dialer.core.journal;

/**
 * The measured steps of a call, each an HdrHistogram in the controller and a latency record in the journal.
 */
public enum Step
{
    /** INVITE sent to the lead → 200 OK received. */
    DIAL_TO_ANSWER,
    /** 200 OK received → detector verdict. */
    ANSWER_TO_VERDICT,
    /** Verdict after the callee's greeting (HUMAN/NOTSURE) → the script's first prompt starts playing. */
    GREETING_END_TO_FIRST_PROMPT,
    /** The script qualified the caller → the INVITE to the closer is on the wire. */
    QUALIFIED_TO_CLOSER_INVITE,
    /** The closer answered → the private briefing starts playing to the closer. */
    CLOSER_ANSWER_TO_BRIEFING,
    /** The closer's accept key received → caller and closer bridged. */
    ACCEPT_TO_BRIDGE;

    private static final Step[] VALUES = values();

    /**
     * The step with this ordinal.
     *
     * @param ordinal the ordinal.
     * @return the step.
     */
    public static Step get(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
