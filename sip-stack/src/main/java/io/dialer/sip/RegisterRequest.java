/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import java.util.List;

/**
 * A REGISTER as {@link Registrations} decides on it: what the JAIN-SIP glue ({@link RegisterServer}) read from the
 * request, nothing of JAIN-SIP itself.
 *
 * @param source        IP address the request came from (the rate limit's key).
 * @param toUser        user part of the To URI: the extension (address of record); null when absent.
 * @param fromUser      user part of the From URI; null when absent.
 * @param callId        Call-ID.
 * @param cseq          CSeq number.
 * @param contacts      the Contact headers other than {@code *}, in order; empty for a query.
 * @param wildcard      whether a {@code Contact: *} was present.
 * @param expires       the Expires header in seconds, or {@link #ABSENT}.
 * @param authorization the Authorization header, or null.
 */
record RegisterRequest(
    String source,
    String toUser,
    String fromUser,
    String callId,
    long cseq,
    List<Contact> contacts,
    boolean wildcard,
    long expires,
    Credentials authorization)
{
    /** An Expires header or parameter that is not there. */
    static final long ABSENT = -1;

    /**
     * One Contact header.
     *
     * @param uri     the URI (without the header's parameters).
     * @param expires its {@code expires} parameter in seconds, or {@link #ABSENT}.
     */
    record Contact(String uri, long expires)
    {
    }

    /**
     * The parameters of an Authorization header, as sent (unquoted); any may be null when absent.
     *
     * @param scheme    {@code Digest} expected.
     * @param username  user name.
     * @param realm     realm.
     * @param nonce     our nonce, echoed.
     * @param uri       digest URI.
     * @param response  the digest.
     * @param algorithm {@code MD5} or null.
     * @param qop       {@code auth} expected.
     * @param nc        nonce count, 8 hex digits.
     * @param cnonce    client nonce.
     */
    record Credentials(
        String scheme,
        String username,
        String realm,
        String nonce,
        String uri,
        String response,
        String algorithm,
        String qop,
        String nc,
        String cnonce)
    {
    }
}
