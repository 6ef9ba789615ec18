/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The registrar's decisions, without sockets, threads or clocks: a REGISTER and the time in, the response out
 * ({@link #register(RegisterRequest, long)}); bindings expire when {@link #expire(long)} is called with a later time.
 * Changes of bindings go to a {@link Changes} sink as they are decided. Not thread-safe: {@link Registrar} calls it
 * under its lock.
 * <p>
 * The rules (RFC 3261 section 10.3, RFC 2617 digest):
 * <ul>
 * <li>A REGISTER that cannot be right is answered 400 with the reason, before any authentication: no user in To,
 * From not the same user as To (no third-party registration), {@code Contact: *} with other Contacts or a non-zero
 * Expires, more than one Contact (one binding per extension), a Contact that is not a {@code sip:} URI, an
 * Authorization that is not MD5 digest with {@code qop=auth} and all its parameters.</li>
 * <li>Without Authorization: 401 with a fresh nonce, whether or not the extension exists, so a probe without a
 * password learns nothing.</li>
 * <li>A nonce we did not sign (forged, or from before a restart): a fresh 401, not counted as a failure. A nonce older
 * than the nonce lifetime with a right digest: 401 {@code stale=true}, not counted.</li>
 * <li>Failures: a wrong digest or realm (401 with a fresh nonce) counts against the extension from that source
 * address (password guessing), an unknown extension or a user name that is not the To user (403) against the source
 * address (scanning). The failure that reaches {@code maxFailures} within {@code failureWindowMs} of the first one is
 * answered 403, and so is every REGISTER for that extension from that address (or every REGISTER from that address,
 * for scanning) until the window ends: one phone with a wrong password does not lock out the other phones behind the
 * same address. At most {@code sourcesTracked} sources are remembered, least recently seen dropped first.</li>
 * <li>Authenticated: the Contact's {@code expires} parameter, else the Expires header, else the default interval;
 * 0 removes the binding when it is this Contact; {@code Contact: *} removes it whatever it is; a non-zero interval
 * under {@code minExpiresS} is answered 423 with Min-Expires; above {@code maxExpiresS} it is capped; the 200 lists the
 * binding with the interval granted. One binding per extension: a new Contact replaces the old one. A REGISTER for
 * the same Contact and Call-ID whose CSeq is not above the binding's is out of order: 400. No Contact at all is a
 * query (RFC 3261 10.2.3): 200 listing the binding.</li>
 * <li>Credentials changed to another HA1, or removed, end the extension's binding at once: a phone proven with the
 * old password keeps no binding the operator meant to revoke.</li>
 * </ul>
 */
final class Registrations
{
    /**
     * Where binding changes go, under the caller's lock.
     */
    interface Changes
    {
        /**
         * An extension's binding was created or refreshed.
         *
         * @param extension   the extension.
         * @param contact     its Contact URI.
         * @param expiresAtMs when it expires.
         * @param changed     true when the extension had no binding or had another Contact.
         */
        void bound(String extension, String contact, long expiresAtMs, boolean changed);

        /**
         * An extension's binding was removed.
         *
         * @param extension the extension.
         * @param cause     why.
         */
        void unbound(String extension, UnregisterCause cause);
    }

    static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9_.~+-]{1,64}");
    static final String TOO_MANY_FAILURES = "too many failed attempts, try again later";

    private static final Pattern HA1 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern NONCE_COUNT = Pattern.compile("[0-9a-fA-F]{8}");
    private static final String METHOD = "REGISTER";

    private final String realm;
    private final long minExpiresS;
    private final long maxExpiresS;
    private final long defaultExpiresS;
    private final long nonceLifetimeMs;
    private final int maxFailures;
    private final long failureWindowMs;
    private final String secret;
    private final Changes changes;
    private final Map<String, String> ha1s = new HashMap<>();
    private final Map<String, Binding> bindings = new HashMap<>();
    private final Map<String, Failures> failures;
    private long nextExpiryMs = Long.MAX_VALUE;

    /**
     * @param realm    the digest realm.
     * @param settings intervals, nonce lifetime and rate limit (concluded).
     * @param secret   signs the nonces; random per registrar.
     * @param changes  where binding changes go.
     */
    Registrations(final String realm, final Registrar.Context settings, final String secret, final Changes changes)
    {
        this.realm = realm;
        this.minExpiresS = settings.minExpiresS();
        this.maxExpiresS = settings.maxExpiresS();
        this.defaultExpiresS = settings.defaultExpiresS();
        this.nonceLifetimeMs = settings.nonceLifetimeMs();
        this.maxFailures = settings.maxFailures();
        this.failureWindowMs = settings.failureWindowMs();
        this.secret = secret;
        this.changes = changes;
        final int capacity = settings.sourcesTracked();
        this.failures = new LinkedHashMap<>(16, 0.75f, true)
        {
            private static final long serialVersionUID = 1L;

            protected boolean removeEldestEntry(final Map.Entry<String, Failures> eldest)
            {
                return size() > capacity;
            }
        };
    }

    /**
     * Decides on a REGISTER.
     *
     * @param request the request.
     * @param nowMs   the time, epoch milliseconds.
     * @return the response to send.
     */
    RegisterOutcome register(final RegisterRequest request, final long nowMs)
    {
        final String guesses = request.source() + "/" + request.toUser();
        if (blocked(request.source(), nowMs) || blocked(guesses, nowMs))
        {
            return RegisterOutcome.forbidden(TOO_MANY_FAILURES);
        }
        String problem = requestProblem(request);
        if (null != problem)
        {
            return RegisterOutcome.badRequest(problem);
        }
        final RegisterRequest.Credentials credentials = request.authorization();
        if (null == credentials)
        {
            return RegisterOutcome.challenge(nonce(nowMs), false);
        }
        problem = credentialsProblem(credentials);
        if (null != problem)
        {
            return RegisterOutcome.badRequest(problem);
        }
        final int nonceAge = nonceAge(credentials.nonce(), nowMs);
        if (NONCE_INVALID == nonceAge)
        {
            return RegisterOutcome.challenge(nonce(nowMs), false);
        }
        if (!credentials.username().equals(request.toUser()))
        {
            failed(request.source(), nowMs);
            return RegisterOutcome.forbidden("user " + credentials.username() + " may not register " +
                request.toUser());
        }
        final String ha1 = ha1s.get(credentials.username());
        if (null == ha1)
        {
            failed(request.source(), nowMs);
            return RegisterOutcome.forbidden("unknown extension");
        }
        final String expected = Digest.responseFromHa1(ha1, METHOD, credentials.uri(), credentials.nonce(),
            credentials.qop(), credentials.nc(), credentials.cnonce());
        if (!realm.equals(credentials.realm()) || !sameHex(expected, credentials.response()))
        {
            // wrong passwords count against this extension from this address: one phone with a wrong password
            // does not lock out the other phones behind the same address (an office's NAT)
            return failed(guesses, nowMs) ?
                RegisterOutcome.forbidden(TOO_MANY_FAILURES) : RegisterOutcome.challenge(nonce(nowMs), false);
        }
        if (NONCE_STALE == nonceAge)
        {
            return RegisterOutcome.challenge(nonce(nowMs), true);
        }
        return bind(request, nowMs);
    }

    /**
     * Removes the bindings whose interval has run out by now.
     *
     * @param nowMs the time, epoch milliseconds.
     * @return how many were removed.
     */
    int expire(final long nowMs)
    {
        if (nowMs < nextExpiryMs)
        {
            return 0;
        }
        int removed = 0;
        long next = Long.MAX_VALUE;
        final Iterator<Map.Entry<String, Binding>> it = bindings.entrySet().iterator();
        while (it.hasNext())
        {
            final Map.Entry<String, Binding> entry = it.next();
            final long expiresAtMs = entry.getValue().expiresAtMs;
            if (expiresAtMs <= nowMs)
            {
                it.remove();
                removed++;
                changes.unbound(entry.getKey(), UnregisterCause.EXPIRED);
            }
            else
            {
                next = Math.min(next, expiresAtMs);
            }
        }
        nextExpiryMs = next;
        return removed;
    }

    /**
     * Adds or changes an extension's credentials. A different HA1 ends its binding
     * ({@link UnregisterCause#CREDENTIALS_CHANGED}); the same one changes nothing.
     *
     * @param extension the extension.
     * @param ha1       {@code MD5(extension:realm:password)}, 32 hex digits.
     * @throws IllegalArgumentException when either is malformed.
     */
    void credentials(final String extension, final String ha1)
    {
        checkExtension(extension);
        if (null == ha1 || !HA1.matcher(ha1).matches())
        {
            throw new IllegalArgumentException("HA1 of extension " + extension + " must be 32 hex digits (MD5 of " +
                "extension:realm:password)");
        }
        final String old = ha1s.put(extension, ha1.toLowerCase(Locale.ROOT));
        if (null != old && !old.equals(ha1s.get(extension)))
        {
            unbind(extension, UnregisterCause.CREDENTIALS_CHANGED);
        }
    }

    /**
     * Removes an extension's credentials, and its binding ({@link UnregisterCause#CREDENTIALS_REMOVED}).
     *
     * @param extension the extension.
     * @return true when it had credentials.
     */
    boolean removeCredentials(final String extension)
    {
        if (null == ha1s.remove(extension))
        {
            return false;
        }
        unbind(extension, UnregisterCause.CREDENTIALS_REMOVED);
        return true;
    }

    /**
     * The Contact to dial for an extension.
     *
     * @param extension the extension.
     * @param nowMs     the time.
     * @return the Contact URI, or null when not registered (or expired by now).
     */
    String contact(final String extension, final long nowMs)
    {
        final Binding binding = bindings.get(extension);
        return null != binding && binding.expiresAtMs > nowMs ? binding.contact : null;
    }

    /**
     * Bindings held (expired ones count until {@link #expire(long)}).
     *
     * @return the count.
     */
    int bindingCount()
    {
        return bindings.size();
    }

    /**
     * Sources with failures remembered.
     *
     * @return the count, at most {@code sourcesTracked}.
     */
    int sourcesTracked()
    {
        return failures.size();
    }

    static void checkExtension(final String extension)
    {
        if (null == extension || !EXTENSION.matcher(extension).matches())
        {
            throw new IllegalArgumentException("extension '" + extension + "' must be 1 to 64 letters, digits or " +
                "'_', '.', '~', '+', '-'");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private RegisterOutcome bind(final RegisterRequest request, final long nowMs)
    {
        final String extension = request.toUser();
        final Binding binding = bindings.get(extension);
        if (request.wildcard())
        {
            unbind(extension, UnregisterCause.UNREGISTERED);
            return RegisterOutcome.ok(null, 0);
        }
        if (request.contacts().isEmpty())
        {
            return listed(binding, nowMs);
        }
        final RegisterRequest.Contact contact = request.contacts().get(0);
        final long requested = RegisterRequest.ABSENT != contact.expires() ? contact.expires() :
            RegisterRequest.ABSENT != request.expires() ? request.expires() : defaultExpiresS;
        final boolean same = null != binding && binding.contact.equals(contact.uri());
        if (same && binding.callId.equals(request.callId()) && request.cseq() <= binding.cseq)
        {
            return RegisterOutcome.badRequest("CSeq " + request.cseq() + " is not above " + binding.cseq +
                " of this Call-ID's binding: out of order");
        }
        if (0 == requested)
        {
            if (same)
            {
                unbind(extension, UnregisterCause.UNREGISTERED);
                return RegisterOutcome.ok(null, 0);
            }
            return listed(binding, nowMs);
        }
        if (requested < minExpiresS)
        {
            return RegisterOutcome.intervalTooBrief(minExpiresS);
        }
        final long granted = Math.min(requested, maxExpiresS);
        final Binding bound = null != binding ? binding : new Binding();
        bound.contact = contact.uri();
        bound.expiresAtMs = nowMs + granted * 1000L;
        bound.callId = request.callId();
        bound.cseq = request.cseq();
        bindings.put(extension, bound);
        nextExpiryMs = Math.min(nextExpiryMs, bound.expiresAtMs);
        changes.bound(extension, bound.contact, bound.expiresAtMs, !same);
        return RegisterOutcome.ok(bound.contact, granted);
    }

    private static RegisterOutcome listed(final Binding binding, final long nowMs)
    {
        if (null == binding || binding.expiresAtMs <= nowMs)
        {
            return RegisterOutcome.ok(null, 0);
        }
        return RegisterOutcome.ok(binding.contact, (binding.expiresAtMs - nowMs + 999) / 1000);
    }

    private void unbind(final String extension, final UnregisterCause cause)
    {
        if (null != bindings.remove(extension))
        {
            changes.unbound(extension, cause);
        }
    }

    private static String requestProblem(final RegisterRequest request)
    {
        final String to = request.toUser();
        if (null == to || to.isEmpty())
        {
            return "To has no user: register as sip:EXTENSION@host";
        }
        if (!to.equals(request.fromUser()))
        {
            return "From user " + request.fromUser() + " is not To user " + to +
                ": third-party registration is not supported";
        }
        if (request.wildcard() && !request.contacts().isEmpty())
        {
            return "Contact: * with other Contacts";
        }
        if (request.wildcard() && 0 != request.expires())
        {
            return "Contact: * needs Expires: 0";
        }
        if (request.contacts().size() > 1)
        {
            return request.contacts().size() + " Contacts: an extension has one binding, send one Contact";
        }
        if (!request.contacts().isEmpty())
        {
            final String uri = request.contacts().get(0).uri();
            if (!uri.regionMatches(true, 0, "sip:", 0, 4))
            {
                return "Contact " + uri + " is not a sip: URI" +
                    (uri.regionMatches(true, 0, "sips:", 0, 5) ? " (sips: needs TLS, not supported yet)" : "");
            }
        }
        return null;
    }

    private static String credentialsProblem(final RegisterRequest.Credentials credentials)
    {
        if (!"Digest".equalsIgnoreCase(credentials.scheme()))
        {
            return "Authorization scheme " + credentials.scheme() + ": Digest only";
        }
        final String missing = null == credentials.username() ? "username" :
            null == credentials.realm() ? "realm" :
            null == credentials.nonce() ? "nonce" :
            null == credentials.uri() ? "uri" :
            null == credentials.response() ? "response" : null;
        if (null != missing)
        {
            return "Authorization has no " + missing;
        }
        if (null != credentials.algorithm() && !"MD5".equalsIgnoreCase(credentials.algorithm()))
        {
            return "Authorization algorithm " + credentials.algorithm() + ": MD5 only";
        }
        if (!"auth".equals(credentials.qop()))
        {
            return null == credentials.qop() ? "Authorization without qop=auth, which the challenge asked for" :
                "Authorization qop " + credentials.qop() + ": auth only";
        }
        if (null == credentials.nc() || !NONCE_COUNT.matcher(credentials.nc()).matches() ||
            null == credentials.cnonce() || credentials.cnonce().isEmpty())
        {
            return "Authorization with qop=auth needs nc (8 hex digits) and cnonce";
        }
        return null;
    }

    // nonces: the issue time in hex and a signature over it, so they need no memory

    private static final int NONCE_INVALID = -1;
    private static final int NONCE_FRESH = 0;
    private static final int NONCE_STALE = 1;

    String nonce(final long nowMs)
    {
        final String time = Long.toHexString(nowMs);
        return time + "." + signature(time);
    }

    private int nonceAge(final String nonce, final long nowMs)
    {
        final int dot = nonce.indexOf('.');
        if (dot <= 0 || dot > 16)
        {
            return NONCE_INVALID;
        }
        final String time = nonce.substring(0, dot);
        if (!sameHex(signature(time), nonce.substring(dot + 1)))
        {
            return NONCE_INVALID;
        }
        final long issuedMs;
        try
        {
            issuedMs = Long.parseLong(time, 16);
        }
        catch (final NumberFormatException ex)
        {
            return NONCE_INVALID;
        }
        return nowMs - issuedMs >= nonceLifetimeMs ? NONCE_STALE : NONCE_FRESH;
    }

    private String signature(final String time)
    {
        return Digest.md5(time + ":" + realm + ":" + secret);
    }

    private static boolean sameHex(final String expected, final String given)
    {
        return null != given && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
            given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    // rate limit

    private boolean blocked(final String source, final long nowMs)
    {
        final Failures f = failures.get(source);
        if (null == f)
        {
            return false;
        }
        if (nowMs - f.windowStartMs >= failureWindowMs)
        {
            failures.remove(source);
            return false;
        }
        return f.count >= maxFailures;
    }

    /**
     * Counts a failure of the source.
     *
     * @return true when the source is now refused until its window ends.
     */
    private boolean failed(final String source, final long nowMs)
    {
        Failures f = failures.get(source);
        if (null == f || nowMs - f.windowStartMs >= failureWindowMs)
        {
            f = new Failures(nowMs);
            failures.put(source, f);
        }
        f.count++;
        return f.count >= maxFailures;
    }

    private static final class Binding
    {
        String contact;
        long expiresAtMs;
        String callId;
        long cseq;
    }

    private static final class Failures
    {
        final long windowStartMs;
        int count;

        Failures(final long windowStartMs)
        {
            this.windowStartMs = windowStartMs;
        }
    }
}
