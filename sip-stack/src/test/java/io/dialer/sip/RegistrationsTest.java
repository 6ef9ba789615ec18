/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registrar's decisions without sockets: every path of {@link Registrations}, with the time passed in.
 */
final class RegistrationsTest
{
    private static final String REALM = "dialer.test";
    private static final String EXT = "1001";
    private static final String PASSWORD = "s3cret";
    private static final String SOURCE = "192.0.2.10";
    private static final String CONTACT = "sip:1001@192.0.2.10:5062";
    private static final long T0 = 1_700_000_000_000L;
    private static final int MAX_FAILURES = 3;
    private static final long WINDOW_MS = 60_000;
    private static final long NONCE_LIFETIME_MS = 30_000;

    private final List<String> changes = new ArrayList<>();
    private Registrations registrations;
    private int cseq;

    @BeforeEach
    void setUp()
    {
        registrations = newRegistrations(new Registrar.Context());
        registrations.credentials(EXT, Registrar.ha1(EXT, REALM, PASSWORD));
    }

    @Test
    void shouldChallengeTheFirstRegister()
    {
        final RegisterOutcome outcome = registrations.register(request().build(), T0);

        assertEquals(401, outcome.status());
        assertNotNull(outcome.nonce());
        assertFalse(outcome.stale());
        assertEquals(List.of(), changes);
    }

    @Test
    void shouldChallengeAnUnknownExtensionLikeAKnownOne()
    {
        final RegisterOutcome outcome = registrations.register(request().user("2002").build(), T0);

        assertEquals(401, outcome.status());
        assertFalse(outcome.stale());
    }

    @Test
    void shouldRegisterWithTheRightPasswordForTheIntervalAsked()
    {
        final RegisterOutcome outcome = register(request().expires(600), T0);

        assertEquals(200, outcome.status());
        assertEquals(CONTACT, outcome.contact());
        assertEquals(600, outcome.expires());
        assertEquals(List.of("bound 1001 " + CONTACT + " until +600000 changed"), changes);
        assertEquals(CONTACT, registrations.contact(EXT, T0));
        assertEquals(CONTACT, registrations.contact(EXT, T0 + 599_999));
        assertNull(registrations.contact(EXT, T0 + 600_000), "expired by the clock even before expire() runs");
    }

    @Test
    void shouldPreferTheContactsExpiresParameterToTheHeader()
    {
        assertEquals(120, register(request().expires(600).contactExpires(120), T0).expires());
    }

    @Test
    void shouldGrantTheDefaultIntervalWhenNoneIsAsked()
    {
        assertEquals(Registrar.Context.DEFAULT_EXPIRES_S_DEFAULT, register(request(), T0).expires());
    }

    @Test
    void shouldReChallengeAWrongPasswordThenRefuseTheSourceAfterMaxFailures()
    {
        for (int failure = 1; failure < MAX_FAILURES; failure++)
        {
            final RegisterOutcome outcome = register(request().password("wrong"), T0 + failure);
            assertEquals(401, outcome.status(), "failure " + failure + " is challenged again");
            assertFalse(outcome.stale());
        }
        final RegisterOutcome last = register(request().password("wrong"), T0 + MAX_FAILURES);
        assertEquals(403, last.status());
        assertTrue(last.reason().contains("too many failed attempts"), last.reason());

        assertEquals(403, register(request(), T0 + MAX_FAILURES + 1).status(), "even the right password");
        assertEquals(403, registrations.register(request().build(), T0 + MAX_FAILURES + 2).status(),
            "even without credentials");
        assertEquals(200, register(request().source("192.0.2.11"), T0 + 10).status(), "other sources are not refused");
        registrations.credentials("1002", Registrar.ha1("1002", REALM, "other"));
        assertEquals(200, register(request().user("1002").username("1002").password("other"), T0 + 11).status(),
            "nor other extensions behind the same address");
        assertEquals(403, register(request().cseqStep(), T0 + WINDOW_MS).status(), "the window is from the first");
        assertEquals(200, register(request().cseqStep(), T0 + 1 + WINDOW_MS).status(), "until the window ends");
    }

    @Test
    void shouldStartANewWindowWhenTheOldOneEnded()
    {
        register(request().password("wrong"), T0);
        register(request().password("wrong"), T0 + 1);

        assertEquals(401, register(request().password("wrong"), T0 + WINDOW_MS).status(), "first of a new window");
        assertEquals(401, register(request().password("wrong"), T0 + WINDOW_MS + 1).status());
        assertEquals(403, register(request().password("wrong"), T0 + WINDOW_MS + 2).status());
    }

    @Test
    void shouldRefuseAnUnknownExtensionWith403AndCountItAsAFailure()
    {
        final RegisterOutcome outcome = register(request().user("2002"), T0);

        assertEquals(403, outcome.status());
        assertEquals("Forbidden (unknown extension)", outcome.reason());
        register(request().user("2003"), T0 + 1);
        register(request().user("2004"), T0 + 2);
        assertTrue(register(request(), T0 + 3).reason().contains("too many failed attempts"),
            "an extension scan is refused like password guessing");
    }

    @Test
    void shouldRefuseCredentialsOfAnotherUserThanTheExtension()
    {
        registrations.credentials("1002", Registrar.ha1("1002", REALM, "other"));

        final RegisterOutcome outcome = register(request().username("1002").password("other"), T0);

        assertEquals(403, outcome.status());
        assertEquals("Forbidden (user 1002 may not register 1001)", outcome.reason());
    }

    @Test
    void shouldCountADigestForAnotherRealmAsAFailure()
    {
        final RegisterOutcome outcome = register(request().realm("elsewhere"), T0);

        assertEquals(401, outcome.status());
        register(request().realm("elsewhere"), T0 + 1);
        assertEquals(403, register(request().realm("elsewhere"), T0 + 2).status());
    }

    @Test
    void shouldAnswerStaleToTheRightDigestWithAnExpiredNonce()
    {
        final String nonce = registrations.register(request().build(), T0).nonce();

        for (int i = 0; i < MAX_FAILURES + 1; i++)
        {
            final RegisterOutcome stale = registrations.register(request().cseqStep().nonce(nonce).build(),
                T0 + NONCE_LIFETIME_MS + i);
            assertEquals(401, stale.status());
            assertTrue(stale.stale(), "stale=true: the phone retries with the new nonce without asking its user");
            assertNotEquals(nonce, stale.nonce());
        }
        assertEquals(200, register(request(), T0 + NONCE_LIFETIME_MS + 10).status(), "stale is not a failure");
    }

    @Test
    void shouldNotSayStaleToAWrongDigestWithAnExpiredNonce()
    {
        final String nonce = registrations.register(request().build(), T0).nonce();

        final RegisterOutcome outcome = registrations.register(request().password("wrong").nonce(nonce).build(),
            T0 + NONCE_LIFETIME_MS);

        assertEquals(401, outcome.status());
        assertFalse(outcome.stale());
    }

    @Test
    void shouldChallengeANonceItDidNotSignWithoutCountingIt()
    {
        final Registrations restarted = newRegistrations(new Registrar.Context());
        restarted.credentials(EXT, Registrar.ha1(EXT, REALM, PASSWORD));
        final String oldNonce = restarted.nonce(T0);

        for (int i = 0; i < MAX_FAILURES + 1; i++)
        {
            final RegisterOutcome outcome = registrations.register(request().nonce(oldNonce + "0").build(), T0 + i);
            assertEquals(401, outcome.status());
            assertFalse(outcome.stale());
        }
        assertEquals(401, registrations.register(request().nonce("garbage").build(), T0).status());
        assertEquals(200, register(request(), T0 + 10).status());
    }

    @Test
    void shouldRefreshWithoutReportingTheExtensionAgain()
    {
        register(request().expires(600), T0);
        changes.clear();

        final RegisterOutcome refresh = register(request().cseqStep().expires(600), T0 + 300_000);

        assertEquals(200, refresh.status());
        assertEquals(List.of("bound 1001 " + CONTACT + " until +900000"), changes, "not changed: no new event");
        assertEquals(0, registrations.expire(T0 + 600_000), "the old expiry no longer applies");
        assertEquals(CONTACT, registrations.contact(EXT, T0 + 899_999));
    }

    @Test
    void shouldReportAnotherContactAsRegisteredAgain()
    {
        register(request(), T0);
        changes.clear();

        final String moved = "sip:1001@198.51.100.7:5060;transport=tcp";
        assertEquals(200, register(request().contact(moved).callId("phone-restarted"), T0 + 1000).status());

        assertEquals(List.of("bound 1001 " + moved + " until +3601000 changed"), changes);
        assertEquals(moved, registrations.contact(EXT, T0 + 1000));
    }

    @Test
    void shouldUnregisterWithExpiresZero()
    {
        register(request(), T0);
        changes.clear();

        final RegisterOutcome outcome = register(request().cseqStep().expires(0), T0 + 1000);

        assertEquals(200, outcome.status());
        assertNull(outcome.contact());
        assertEquals(List.of("unbound 1001 UNREGISTERED"), changes);
        assertNull(registrations.contact(EXT, T0 + 1000));
    }

    @Test
    void shouldUnregisterWithTheContactsExpiresParameterZero()
    {
        register(request(), T0);
        changes.clear();

        register(request().cseqStep().contactExpires(0).expires(3600), T0 + 1000);

        assertEquals(List.of("unbound 1001 UNREGISTERED"), changes);
    }

    @Test
    void shouldUnregisterEverythingWithContactStar()
    {
        register(request(), T0);
        changes.clear();

        final RegisterOutcome outcome = register(request().cseqStep().star().expires(0).callId("other"), T0 + 1000);

        assertEquals(200, outcome.status());
        assertEquals(List.of("unbound 1001 UNREGISTERED"), changes);
        assertNull(registrations.contact(EXT, T0 + 1000));
    }

    @Test
    void shouldKeepTheBindingWhenAnotherContactUnregisters()
    {
        register(request(), T0);
        changes.clear();

        final RegisterOutcome outcome = register(request().contact("sip:1001@203.0.113.9").expires(0), T0 + 1000);

        assertEquals(200, outcome.status());
        assertEquals(CONTACT, outcome.contact(), "the 200 lists the binding that stays");
        assertEquals(3599, outcome.expires());
        assertEquals(List.of(), changes);
    }

    @Test
    void shouldExpireBindingsOnTheClock()
    {
        register(request().expires(120), T0);
        changes.clear();

        assertEquals(0, registrations.expire(T0 + 119_999));
        assertEquals(List.of(), changes);
        assertEquals(1, registrations.expire(T0 + 120_000));
        assertEquals(List.of("unbound 1001 EXPIRED"), changes);
        assertNull(registrations.contact(EXT, T0 + 120_000));
        assertEquals(0, registrations.bindingCount());
    }

    @Test
    void shouldAnswer423ToAnIntervalBelowTheMinimum()
    {
        final RegisterOutcome outcome = register(request().expires(59), T0);

        assertEquals(423, outcome.status());
        assertEquals(Registrar.Context.MIN_EXPIRES_S_DEFAULT, outcome.minExpires());
        assertEquals(List.of(), changes);
        assertEquals(200, register(request().cseqStep().expires(60), T0).status(), "the minimum itself is granted");
    }

    @Test
    void shouldCapAnIntervalAboveTheMaximum()
    {
        final RegisterOutcome outcome = register(request().expires(86_400), T0);

        assertEquals(200, outcome.status());
        assertEquals(Registrar.Context.MAX_EXPIRES_S_DEFAULT, outcome.expires(), "granted value in the 200");
        assertNull(registrations.contact(EXT, T0 + Registrar.Context.MAX_EXPIRES_S_DEFAULT * 1000));
    }

    @Test
    void shouldEndTheBindingWhenTheCredentialsChange()
    {
        register(request(), T0);
        changes.clear();

        registrations.credentials(EXT, Registrar.ha1(EXT, REALM, "new-password"));

        assertEquals(List.of("unbound 1001 CREDENTIALS_CHANGED"), changes);
        assertNull(registrations.contact(EXT, T0 + 1));
        assertEquals(401, register(request().cseqStep(), T0 + 2).status(), "the old password no longer works");
        assertEquals(200, register(request().cseqStep().password("new-password"), T0 + 3).status());
    }

    @Test
    void shouldKeepTheBindingWhenTheSameCredentialsAreSetAgain()
    {
        register(request(), T0);
        changes.clear();

        registrations.credentials(EXT, Registrar.ha1(EXT, REALM, PASSWORD).toUpperCase(java.util.Locale.ROOT));

        assertEquals(List.of(), changes);
        assertEquals(CONTACT, registrations.contact(EXT, T0 + 1));
    }

    @Test
    void shouldEndTheBindingWhenTheCredentialsAreRemoved()
    {
        register(request(), T0);
        changes.clear();

        assertTrue(registrations.removeCredentials(EXT));

        assertEquals(List.of("unbound 1001 CREDENTIALS_REMOVED"), changes);
        assertNull(registrations.contact(EXT, T0 + 1));
        assertEquals("Forbidden (unknown extension)", register(request().cseqStep(), T0 + 2).reason());
        assertFalse(registrations.removeCredentials(EXT));
    }

    @Test
    void shouldRefuseAnOutOfOrderRegisterOfTheSameCallId()
    {
        register(request().cseq(5), T0);

        final RegisterOutcome outcome = register(request().cseq(4), T0 + 1);

        assertEquals(400, outcome.status());
        assertTrue(outcome.reason().contains("out of order"), outcome.reason());
    }

    @Test
    void shouldAnswerAQueryWithTheBinding()
    {
        register(request(), T0);
        changes.clear();

        final RegisterOutcome query = register(request().cseqStep().noContact(), T0 + 10_000);

        assertEquals(200, query.status());
        assertEquals(CONTACT, query.contact());
        assertEquals(3590, query.expires());
        assertEquals(List.of(), changes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void shouldAnswer400WithTheReason(final String reason, final UnaryOperator<Request> change)
    {
        final RegisterOutcome outcome = registrations.register(change.apply(request().signed()).build(), T0);

        assertEquals(400, outcome.status());
        assertEquals("Bad Request (" + reason + ")", outcome.reason());
        assertEquals(List.of(), changes);
    }

    static Stream<Arguments> malformed()
    {
        return Stream.of(
            Arguments.of("To has no user: register as sip:EXTENSION@host", op((r) -> r.user(null))),
            Arguments.of("From user 1002 is not To user 1001: third-party registration is not supported",
                op((r) -> r.from("1002"))),
            Arguments.of("Contact: * with other Contacts", op((r) -> r.star().expires(0).alsoContact(CONTACT))),
            Arguments.of("Contact: * needs Expires: 0", op((r) -> r.noContact().star())),
            Arguments.of("2 Contacts: an extension has one binding, send one Contact",
                op((r) -> r.alsoContact("sip:1001@203.0.113.9"))),
            Arguments.of("Contact tel:+12145550199 is not a sip: URI", op((r) -> r.contact("tel:+12145550199"))),
            Arguments.of("Contact sips:1001@pbx is not a sip: URI (sips: needs TLS, not supported yet)",
                op((r) -> r.contact("sips:1001@pbx"))),
            Arguments.of("Authorization scheme Basic: Digest only", op((r) -> r.scheme("Basic"))),
            Arguments.of("Authorization has no nonce", op((r) -> r.nonce(null))),
            Arguments.of("Authorization has no response", op((r) -> r.dropResponse())),
            Arguments.of("Authorization algorithm SHA-256: MD5 only", op((r) -> r.algorithm("SHA-256"))),
            Arguments.of("Authorization without qop=auth, which the challenge asked for", op((r) -> r.qop(null))),
            Arguments.of("Authorization qop auth-int: auth only", op((r) -> r.qop("auth-int"))),
            Arguments.of("Authorization with qop=auth needs nc (8 hex digits) and cnonce", op((r) -> r.nc("1"))));
    }

    @Test
    void shouldNotCountMalformedRequestsAsFailures()
    {
        for (int i = 0; i < MAX_FAILURES + 2; i++)
        {
            assertEquals(400, registrations.register(request().signed().qop(null).build(), T0 + i).status());
        }
        assertEquals(200, register(request(), T0 + 10).status());
    }

    @Test
    void shouldRememberABoundedNumberOfSources()
    {
        registrations = newRegistrations(new Registrar.Context().sourcesTracked(2));
        registrations.credentials(EXT, Registrar.ha1(EXT, REALM, PASSWORD));

        for (int i = 0; i < 100; i++)
        {
            register(request().source("198.51.100." + i).password("wrong"), T0 + i);
        }

        assertEquals(2, registrations.sourcesTracked());
    }

    @Test
    void shouldRefuseMalformedCredentialsFromTheOperator()
    {
        assertThrows(IllegalArgumentException.class, () -> registrations.credentials(EXT, "not-hex"));
        assertThrows(IllegalArgumentException.class, () -> registrations.credentials("10 01", Registrar.ha1(
            "1001", REALM, PASSWORD)));
        assertThrows(IllegalArgumentException.class, () -> registrations.credentials(null, Registrar.ha1(
            "1001", REALM, PASSWORD)));
    }

    @Test
    void shouldComputeHa1AsMd5OfUserRealmPassword()
    {
        // printf '1001:dialer.test:s3cret' | md5sum
        assertEquals(Digest.md5("1001:dialer.test:s3cret"), Registrar.ha1(EXT, REALM, PASSWORD));
        assertEquals(32, Registrar.ha1(EXT, REALM, PASSWORD).length());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Registrations newRegistrations(final Registrar.Context context)
    {
        return new Registrations(REALM, context
            .maxFailures(MAX_FAILURES)
            .failureWindowMs(WINDOW_MS)
            .nonceLifetimeMs(NONCE_LIFETIME_MS)
            .conclude(), "secret-" + System.identityHashCode(context), new Registrations.Changes()
            {
                public void bound(final String extension, final String contact, final long expiresAtMs,
                    final boolean changed)
                {
                    changes.add("bound " + extension + " " + contact + " until +" + (expiresAtMs - T0) +
                        (changed ? " changed" : ""));
                }

                public void unbound(final String extension, final UnregisterCause cause)
                {
                    changes.add("unbound " + extension + " " + cause);
                }
            });
    }

    private static UnaryOperator<Request> op(final UnaryOperator<Request> operator)
    {
        return operator;
    }

    private Request request()
    {
        return new Request(this);
    }

    /**
     * Challenged, then answered with the request's credentials and the challenge's nonce: what a phone does.
     */
    private RegisterOutcome register(final Request request, final long nowMs)
    {
        if (!request.authorize)
        {
            final RegisterOutcome challenge = registrations.register(request.build(), nowMs);
            if (401 != challenge.status())
            {
                return challenge;
            }
            request.nonce(challenge.nonce());
        }
        return registrations.register(request.build(), nowMs);
    }

    /**
     * A REGISTER as a phone would send it, changed by each test.
     */
    static final class Request
    {
        private final RegistrationsTest test;
        private String source = SOURCE;
        private String user = EXT;
        private String from = EXT;
        private String callId = "call-1";
        private long cseq;
        private final List<RegisterRequest.Contact> contacts = new ArrayList<>(
            List.of(new RegisterRequest.Contact(CONTACT, RegisterRequest.ABSENT)));
        private boolean star;
        private long expires = RegisterRequest.ABSENT;
        private boolean authorize;
        private String scheme = "Digest";
        private String username;
        private String realm = REALM;
        private String password = PASSWORD;
        private String nonce;
        private String algorithm = "MD5";
        private String qop = "auth";
        private String nc = "00000001";
        private boolean dropResponse;

        Request(final RegistrationsTest test)
        {
            this.test = test;
            this.cseq = ++test.cseq;
        }

        Request source(final String source)
        {
            this.source = source;
            return this;
        }

        Request user(final String user)
        {
            this.user = user;
            this.from = user;
            return this;
        }

        Request from(final String from)
        {
            this.from = from;
            return this;
        }

        Request callId(final String callId)
        {
            this.callId = callId;
            return this;
        }

        Request cseq(final long cseq)
        {
            this.cseq = cseq;
            return this;
        }

        Request cseqStep()
        {
            this.cseq = ++test.cseq + 1;
            test.cseq++;
            return this;
        }

        Request contact(final String uri)
        {
            contacts.set(0, new RegisterRequest.Contact(uri, contacts.get(0).expires()));
            return this;
        }

        Request contactExpires(final long seconds)
        {
            contacts.set(0, new RegisterRequest.Contact(contacts.get(0).uri(), seconds));
            return this;
        }

        Request alsoContact(final String uri)
        {
            contacts.add(new RegisterRequest.Contact(uri, RegisterRequest.ABSENT));
            return this;
        }

        Request noContact()
        {
            contacts.clear();
            return this;
        }

        Request star()
        {
            contacts.clear();
            star = true;
            return this;
        }

        Request expires(final long seconds)
        {
            this.expires = seconds;
            return this;
        }

        Request signed()
        {
            this.nonce = test.registrations.nonce(T0);
            this.authorize = true;
            return this;
        }

        Request scheme(final String scheme)
        {
            this.scheme = scheme;
            return this;
        }

        Request username(final String username)
        {
            this.username = username;
            return this;
        }

        Request realm(final String realm)
        {
            this.realm = realm;
            return this;
        }

        Request password(final String password)
        {
            this.password = password;
            return this;
        }

        Request nonce(final String nonce)
        {
            this.nonce = nonce;
            this.authorize = true;
            return this;
        }

        Request algorithm(final String algorithm)
        {
            this.algorithm = algorithm;
            return this;
        }

        Request qop(final String qop)
        {
            this.qop = qop;
            return this;
        }

        Request nc(final String nc)
        {
            this.nc = nc;
            return this;
        }

        Request dropResponse()
        {
            this.dropResponse = true;
            return this;
        }

        RegisterRequest build()
        {
            RegisterRequest.Credentials credentials = null;
            if (authorize)
            {
                final String name = null != username ? username : user;
                final String uri = "sip:" + REALM;
                final String cnonce = "0a4f113b";
                final String response = dropResponse ? null : Digest.response(name, realm, password, "REGISTER", uri,
                    nonce, qop, nc, cnonce);
                credentials = new RegisterRequest.Credentials(scheme, name, realm, nonce, uri, response, algorithm,
                    qop, nc, cnonce);
            }
            return new RegisterRequest(source, user, from, callId, cseq, List.copyOf(contacts), star, expires,
                credentials);
        }
    }
}
