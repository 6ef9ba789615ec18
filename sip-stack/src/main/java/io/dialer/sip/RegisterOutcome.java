/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

/**
 * What {@link Registrations} answers to a REGISTER: the status and what the response carries.
 *
 * @param status     SIP status: 200, 400, 401, 403 or 423.
 * @param reason     reason phrase.
 * @param nonce      the challenge's nonce (401), else null.
 * @param stale      whether the challenge says {@code stale=true} (401).
 * @param minExpires the Min-Expires header in seconds (423), else 0.
 * @param contact    the binding's Contact URI to list in the 200, or null when the extension has none.
 * @param expires    seconds left of that binding (its granted interval when just registered).
 */
record RegisterOutcome(int status, String reason, String nonce, boolean stale, long minExpires, String contact,
    long expires)
{
    static RegisterOutcome ok(final String contact, final long expires)
    {
        return new RegisterOutcome(200, "OK", null, false, 0, contact, expires);
    }

    static RegisterOutcome challenge(final String nonce, final boolean stale)
    {
        return new RegisterOutcome(401, "Unauthorized", nonce, stale, 0, null, 0);
    }

    static RegisterOutcome forbidden(final String why)
    {
        return new RegisterOutcome(403, "Forbidden (" + why + ")", null, false, 0, null, 0);
    }

    static RegisterOutcome badRequest(final String why)
    {
        return new RegisterOutcome(400, "Bad Request (" + why + ")", null, false, 0, null, 0);
    }

    static RegisterOutcome intervalTooBrief(final long minExpires)
    {
        return new RegisterOutcome(423, "Interval Too Brief", null, false, minExpires, null, 0);
    }
}
