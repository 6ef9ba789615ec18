/*
 * Server storage.
 */
package io.dialer.server.storage;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Ids for stored things: 12 characters of lower-case RFC 4648 base32 ({@code a-z2-7}), 60 random bits: short, safe
 * in a URL and as a file name on any file system (no case), never guessed.
 */
public final class Ids
{
    /**
     * The length of an id.
     */
    public static final int LENGTH = 12;

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern ID = Pattern.compile("[a-z2-7]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids()
    {
    }

    /**
     * A new random id.
     *
     * @return the id.
     */
    public static String next()
    {
        final char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++)
        {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /**
     * Whether a text has the form of an id: checked before any id from a request names a file.
     *
     * @param text the text.
     * @return true when it is an id's form.
     */
    public static boolean isId(final String text)
    {
        return null != text && ID.matcher(text).matches();
    }
}
