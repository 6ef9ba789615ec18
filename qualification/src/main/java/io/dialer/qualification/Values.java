/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * Allocation-free reading of values: numbers, and a key that identifies a string of digits exactly (leading zeros
 * included) as a long.
 */
final class Values
{
    static final int MAX_DIGITS = 18;
    static final long NO_KEY = -1L;
    private static final long[] POWERS_OF_TEN = new long[MAX_DIGITS + 1];

    static
    {
        long power = 1;
        for (int i = 0; i <= MAX_DIGITS; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private Values()
    {
    }

    /**
     * The number a text holds: optional minus, digits, optional fraction; else NaN.
     */
    static double number(final CharSequence text)
    {
        if (null == text)
        {
            return Double.NaN;
        }
        final int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && text.charAt(0) == '-')
        {
            negative = true;
            i++;
        }
        if (i == length)
        {
            return Double.NaN;
        }
        double value = 0;
        int digits = 0;
        for (; i < length && Character.isDigit(text.charAt(i)); i++, digits++)
        {
            value = value * 10 + (text.charAt(i) - '0');
        }
        if (i < length && text.charAt(i) == '.')
        {
            i++;
            double scale = 0.1;
            for (; i < length && Character.isDigit(text.charAt(i)); i++, digits++)
            {
                value += (text.charAt(i) - '0') * scale;
                scale /= 10;
            }
        }
        if (i != length || 0 == digits)
        {
            return Double.NaN;
        }
        return negative ? -value : value;
    }

    /**
     * A key unique to a string of 1 to 18 ASCII digits (10^length + value), else {@link #NO_KEY}.
     */
    static long digitKey(final CharSequence text)
    {
        if (null == text)
        {
            return NO_KEY;
        }
        final int length = text.length();
        if (0 == length || length > MAX_DIGITS)
        {
            return NO_KEY;
        }
        long value = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return NO_KEY;
            }
            value = value * 10 + (c - '0');
        }
        return POWERS_OF_TEN[length] + value;
    }

    static boolean contentEquals(final CharSequence a, final CharSequence b)
    {
        final int length = a.length();
        if (length != b.length())
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (a.charAt(i) != b.charAt(i))
            {
                return false;
            }
        }
        return true;
    }
}
