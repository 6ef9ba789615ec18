/*
 * Dialer core: compliance.
 */
package io.dialer.core.compliance;

/**
 * E.164 numbers held as a {@code long} of their digits ({@code +13105550100} → {@code 13105550100}): at most 15
 * digits, so every number fits, compares and hashes without allocation. Strict parsing only ({@code +} then 2 to 15
 * digits, the first not 0); national formats are normalised by the lead loader (libphonenumber), not here.
 */
public final class E164
{
    /**
     * Returned for text that is not an E.164 number.
     */
    public static final long INVALID = -1;

    /**
     * Most digits in an E.164 number.
     */
    public static final int MAX_DIGITS = 15;

    private static final int MIN_DIGITS = 2;

    private E164()
    {
    }

    /**
     * Parses {@code +} followed by digits, allocation-free.
     *
     * @param text the number.
     * @return the digits as a long, or {@link #INVALID}.
     */
    public static long parse(final CharSequence text)
    {
        return text == null ? INVALID : parse(text, 0, text.length());
    }

    /**
     * Parses {@code +} followed by digits in {@code text[start, end)}, allocation-free.
     *
     * @param text  the text.
     * @param start first index.
     * @param end   index after the last.
     * @return the digits as a long, or {@link #INVALID}.
     */
    public static long parse(final CharSequence text, final int start, final int end)
    {
        final int digits = end - start - 1;
        if (digits < MIN_DIGITS || digits > MAX_DIGITS || text.charAt(start) != '+' || text.charAt(start + 1) == '0')
        {
            return INVALID;
        }

        long value = 0;
        for (int i = start + 1; i < end; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return INVALID;
            }
            value = value * 10 + (c - '0');
        }

        return value;
    }

    /**
     * Whether a long is a possible E.164 number (positive, at most 15 digits).
     *
     * @param number the digits.
     * @return true when valid.
     */
    public static boolean isValid(final long number)
    {
        return number >= 10 && number <= 999_999_999_999_999L;
    }

    /**
     * Appends {@code +digits}.
     *
     * @param builder to append to.
     * @param number  the digits.
     * @return the builder.
     */
    public static StringBuilder appendTo(final StringBuilder builder, final long number)
    {
        return builder.append('+').append(number);
    }

    /**
     * Formats {@code +digits}.
     *
     * @param number the digits.
     * @return the text.
     */
    public static String format(final long number)
    {
        return "+" + number;
    }
}
