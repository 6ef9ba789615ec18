/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * Keypad keys as indexes 0 to 11: digits, then {@code *} (10) and {@code #} (11).
 */
final class Keys
{
    static final int COUNT = 12;
    static final int STAR = 10;
    static final int HASH = 11;
    static final int NONE = -1;

    private Keys()
    {
    }

    static int index(final char key)
    {
        if (key >= '0' && key <= '9')
        {
            return key - '0';
        }
        if ('*' == key)
        {
            return STAR;
        }
        if ('#' == key)
        {
            return HASH;
        }
        return NONE;
    }
}
