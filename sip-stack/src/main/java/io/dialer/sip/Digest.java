/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HTTP digest (RFC 2617, MD5, qop absent or {@code auth}) as SIP uses it, for both sides of a challenge.
 */
final class Digest
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Digest()
    {
    }

    /**
     * The {@code response} value of an Authorization header.
     *
     * @param user     user name.
     * @param realm    realm from the challenge.
     * @param password password.
     * @param method   request method.
     * @param uri      digest URI (the Request-URI).
     * @param nonce    nonce from the challenge.
     * @param qop      {@code auth} or null.
     * @param nc       nonce count, e.g. {@code 00000001}, when qop is set.
     * @param cnonce   client nonce, when qop is set.
     * @return lower-case hex MD5.
     */
    static String response(
        final String user,
        final String realm,
        final String password,
        final String method,
        final String uri,
        final String nonce,
        final String qop,
        final String nc,
        final String cnonce)
    {
        return responseFromHa1(ha1(user, realm, password), method, uri, nonce, qop, nc, cnonce);
    }

    /**
     * The {@code response} value of an Authorization header from the stored HA1 instead of the password, as a
     * registrar checks it.
     *
     * @param ha1    {@code MD5(user:realm:password)}, lower-case hex.
     * @param method request method.
     * @param uri    digest URI, as the client sent it.
     * @param nonce  nonce from the challenge.
     * @param qop    {@code auth} or null.
     * @param nc     nonce count as sent (8 hex digits), when qop is set.
     * @param cnonce client nonce, when qop is set.
     * @return lower-case hex MD5.
     */
    static String responseFromHa1(
        final String ha1,
        final String method,
        final String uri,
        final String nonce,
        final String qop,
        final String nc,
        final String cnonce)
    {
        final String ha2 = md5(method + ":" + uri);
        if (null == qop || qop.isEmpty())
        {
            return md5(ha1 + ":" + nonce + ":" + ha2);
        }
        return md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /**
     * HA1 of RFC 2617: what a server stores instead of the password.
     *
     * @param user     user name.
     * @param realm    realm.
     * @param password password.
     * @return {@code MD5(user:realm:password)}, lower-case hex.
     */
    static String ha1(final String user, final String realm, final String password)
    {
        return md5(user + ":" + realm + ":" + password);
    }

    static String md5(final String text)
    {
        try
        {
            final byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            final char[] hex = new char[digest.length * 2];
            for (int i = 0; i < digest.length; i++)
            {
                hex[2 * i] = HEX[(digest[i] >> 4) & 0xF];
                hex[2 * i + 1] = HEX[digest[i] & 0xF];
            }
            return new String(hex);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
