/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * A reusable view of collected digits as a CharSequence.
 */
final class DigitsText implements CharSequence
{
    private final char[] digits = new char[Values.MAX_DIGITS];
    private int length;

    void set(final char[] source, final int count)
    {
        System.arraycopy(source, 0, digits, 0, count);
        length = count;
    }

    public int length()
    {
        return length;
    }

    public char charAt(final int index)
    {
        if (index >= length)
        {
            throw new IndexOutOfBoundsException(index);
        }
        return digits[index];
    }

    public CharSequence subSequence(final int start, final int end)
    {
        return new String(digits, start, end - start);
    }

    public String toString()
    {
        return new String(digits, 0, length);
    }
}
