/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import java.security.SecureRandom;

/**
 * Random nonces for digest challenges and client nonces.
 */
final class DigestNonce
{
    private static final SecureRandom RANDOM = new SecureRandom();

    private DigestNonce()
    {
    }

    static String next()
    {
        final byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        final StringBuilder builder = new StringBuilder(32);
        for (final byte b : bytes)
        {
            builder.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return builder.toString();
    }
}
