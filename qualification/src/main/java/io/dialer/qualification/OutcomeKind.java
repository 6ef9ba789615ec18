/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * The kind of an outcome declared in a script.
 */
public enum OutcomeKind
{
    /**
     * Transfer to a closer with a skill, with a summary.
     */
    QUALIFIED,

    /**
     * End politely with a closing prompt and a reason.
     */
    DISQUALIFIED,

    /**
     * The caller asked to be called back at a time given as an answer.
     */
    CALLBACK
}
