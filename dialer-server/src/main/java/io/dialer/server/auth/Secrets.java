/*
 * Server authentication.
 */
package io.dialer.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (session ids, CSRF tokens, API tokens) and their comparison and hashing.
 */
public final class Secrets
{
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets()
    {
    }

    /**
     * A new random secret: 32 bytes (256 bits) in URL-safe base64 without padding.
     *
     * @return the secret, 43 characters.
     */
    public static String next()
    {
        final byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Compares two secrets in time that does not depend on where they differ.
     *
     * @param a one, may be null.
     * @param b the other, may be null.
     * @return true when both are given and equal.
     */
    public static boolean same(final String a, final String b)
    {
        return null != a && null != b &&
            MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The SHA-256 of a text, in hex.
     *
     * @param text the text.
     * @return 64 hex digits.
     */
    public static String sha256(final String text)
    {
        try
        {
            return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }
}
