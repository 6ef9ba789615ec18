/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * What a speech recogniser heard for a spoken yes/no question.
 */
public enum SpokenAnswer
{
    /**
     * The caller said yes.
     */
    YES,

    /**
     * The caller said no.
     */
    NO,

    /**
     * The caller said something that is neither yes nor no: invalid input.
     */
    UNRECOGNISED
}
