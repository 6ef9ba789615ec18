/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * How a question is answered.
 */
public enum AnswerKind
{
    /**
     * One keypad key chosen from a map ({@code "1": yes, "2": no}).
     */
    CHOICE,

    /**
     * A bounded number of keypad digits, ended by {@code #}, by the maximum count, or by the inter-digit timeout.
     */
    DIGITS,

    /**
     * A spoken yes or no, filled by a speech recogniser; keypad 1 (yes) and 2 (no) are accepted as well.
     */
    SPOKEN_YES_NO
}
