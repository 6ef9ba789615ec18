/*
 * Dialer core: compliance.
 */
package io.dialer.core.compliance;

/**
 * Turns a line of a do-not-call file into an E.164 number held as a long ({@link E164}). The default is
 * {@link E164#parse(CharSequence)}; a campaign passes {@code io.dialer.core.lead.RegionNormaliser} (libphonenumber in
 * the campaign's region, as lead lists are read), which runs only when files are loaded, never in the check before a
 * dial.
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

    /**
     * Why a text is refused, for the line reported with it.
     *
     * @param text the number as written.
     * @return the reason, like {@code not a phone number: '555'}.
     */
    default String problem(final CharSequence text)
    {
        return "not a phone number: '" + text + "'";
    }
}
