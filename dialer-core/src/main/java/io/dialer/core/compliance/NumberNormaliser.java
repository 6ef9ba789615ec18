/*
 * Dialer core: compliance.
 */
package io.dialer.core.compliance;

/**
 * Turns a line of a do-not-call file into an E.164 number held as a long ({@link E164}). The default is
 * {@link E164#parse(CharSequence)}; a campaign with national-format files passes a libphonenumber-based one, which
 * then runs only when files are loaded, never in the check before a dial.
 */
@FunctionalInterface
public interface NumberNormaliser
{
    /**
     * Normalises a number.
     *
     * @param text the number as written (trimmed, comments removed).
     * @return the E.164 digits, or {@link E164#INVALID} with no exception for text that is not a number.
     */
    long normalise(CharSequence text);
}
