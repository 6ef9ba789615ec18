/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registrar's JAIN-SIP glue with hand-written REGISTERs on a UDP socket: what a well-behaved phone would not
 * send (headers JAIN-SIP cannot parse, misuse of {@code Contact: *}), retransmissions, and a stack without a
 * registrar. The decisions themselves are {@link RegistrationsTest}'s.
 */
final class RegisterServerTest
{
    private static final long WAIT_MS = 5_000;
    private static final String REALM = "dialer.test";

    private SipStack stack;
    private RawSipPeer phone;
    private int cseq;

    @BeforeEach
    void setUp() throws Exception
    {
        stack = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider())
            .transports(Transport.UDP)
            .registrar(new Registrar.Context().realm(REALM).maxFailures(2)));
        stack.registrar().credentials("1001", Registrar.ha1("1001", REALM, "s3cret"));
        phone = new RawSipPeer();
    }

    @AfterEach
    void tearDown()
    {
        phone.close();
        stack.close();
    }

    @Test
    @Timeout(30)
    void shouldChallengeWithMd5AndQopAuth() throws Exception
    {
        final String response = exchange(register("1001", "Contact: <" + phone.uri("1001") + ">\r\n"));

        assertTrue(response.startsWith("SIP/2.0 401 "), response);
        final String challenge = RawSipPeer.header(response, "WWW-Authenticate");
        assertNotNull(challenge, response);
        assertTrue(challenge.startsWith("Digest "), challenge);
        assertTrue(challenge.contains("realm=\"" + REALM + "\""), challenge);
        assertTrue(challenge.contains("qop=\"auth\""), challenge);
        assertTrue(challenge.contains("algorithm=MD5"), challenge);
    }

    @Test
    @Timeout(30)
    void shouldAnswer400ToAnAuthorizationJainSipCannotRead() throws Exception
    {
        final String unterminated = exchange(register("1001", "Contact: <" + phone.uri("1001") + ">\r\n" +
            "Authorization: Digest username=\"1001, realm=\"x\r\n"));
        final String noRealm = exchange(register("1001", "Contact: <" + phone.uri("1001") + ">\r\n" +
            "Authorization: Digest username=\"1001\", realm=\r\n"));

        assertTrue(unterminated.startsWith("SIP/2.0 400 Bad Request (cannot read Authorization header"),
            unterminated);
        assertTrue(noRealm.startsWith("SIP/2.0 400 Bad Request (Authorization has no realm)"), noRealm);
    }

    @Test
    @Timeout(30)
    void shouldAnswer400ToAContactJainSipCannotRead() throws Exception
    {
        final String response = exchange(register("1001", "Contact: <sip:1001@[::1\r\n"));

        assertTrue(response.startsWith("SIP/2.0 400 Bad Request (cannot read Contact header"), response);
    }

    @Test
    @Timeout(30)
    void shouldAnswer400ToContactStarWithoutExpiresZero() throws Exception
    {
        final String response = exchange(register("1001", "Contact: *\r\n"));

        assertTrue(response.startsWith("SIP/2.0 400 Bad Request (Contact: * needs Expires: 0)"), response);
    }

    @Test
    @Timeout(30)
    void shouldAnswer400ToThirdPartyRegistration() throws Exception
    {
        final String response = exchange(register("1001", "Contact: <" + phone.uri("1001") + ">\r\n")
            .replace("From: <sip:1001@", "From: <sip:1002@"));

        assertTrue(response.startsWith("SIP/2.0 400 Bad Request (From user 1002 is not To user 1001"), response);
    }

    @Test
    @Timeout(30)
    void shouldCountARetransmittedWrongDigestOnce() throws Exception
    {
        final String nonce = nonceOf(exchange(register("1001", "Contact: <" + phone.uri("1001") + ">\r\n")));
        final String wrong = register("1001", "Contact: <" + phone.uri("1001") + ">\r\n" +
            authorization("1001", nonce, "wrong"));

        for (int i = 0; i < 3; i++)
        {
            assertTrue(exchange(wrong).startsWith("SIP/2.0 401 "), "answered by the transaction, counted once");
        }
        final String again = register("1001", "Contact: <" + phone.uri("1001") + ">\r\n" +
            authorization("1001", nonce, "wrong"));
        assertTrue(exchange(again).startsWith("SIP/2.0 403 Forbidden (too many failed attempts"));
    }

    @Test
    @Timeout(30)
    void shouldRegisterAndUnregisterWithAHandWrittenDigest() throws Exception
    {
        final String contact = "Contact: <" + phone.uri("1001") + ">;expires=120\r\n";
        final String nonce = nonceOf(exchange(register("1001", contact)));

        final String ok = exchange(register("1001", contact + authorization("1001", nonce, "s3cret")));

        assertTrue(ok.startsWith("SIP/2.0 200 "), ok);
        assertEquals("<" + phone.uri("1001") + ">;expires=120", RawSipPeer.header(ok, "Contact"));
        assertEquals(phone.uri("1001"), stack.registrar().contact("1001"));

        final String gone = exchange(register("1001", "Contact: *\r\nExpires: 0\r\n" +
            authorization("1001", nonce, "s3cret")));
        assertTrue(gone.startsWith("SIP/2.0 200 "), gone);
        assertNull(RawSipPeer.header(gone, "Contact"));
        assertNull(stack.registrar().contact("1001"));
    }

    @Test
    @Timeout(30)
    void shouldAnswer405WithoutARegistrar() throws Exception
    {
        try (SipStack plain = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider())
            .transports(Transport.UDP)))
        {
            phone.send(register("1001", ""), plain.localAddress());
            final String response = phone.receive("SIP/2.0", WAIT_MS);
            assertNotNull(response);
            assertTrue(response.startsWith("SIP/2.0 405 "), response);
            assertThrows(IllegalStateException.class, plain::registrar);
        }
    }

    private String exchange(final String request) throws Exception
    {
        final InetSocketAddress target = stack.localAddress();
        phone.send(request, target);
        final String response = phone.receive("SIP/2.0", WAIT_MS);
        assertNotNull(response, "no response to\n" + request);
        return response;
    }

    private String register(final String user, final String headers)
    {
        final String registrar = SipTests.LOOPBACK + ":" + stack.port();
        final int seq = ++cseq;
        return "REGISTER sip:" + registrar + " SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP " + SipTests.LOOPBACK + ":" + phone.port() + ";branch=z9hG4bK-reg-" + seq + "\r\n" +
            "From: <sip:" + user + "@" + registrar + ">;tag=phone\r\n" +
            "To: <sip:" + user + "@" + registrar + ">\r\n" +
            "Call-ID: register-" + phone.port() + "\r\n" +
            "CSeq: " + seq + " REGISTER\r\n" +
            "Max-Forwards: 70\r\n" +
            headers +
            "Content-Length: 0\r\n\r\n";
    }

    private String authorization(final String user, final String nonce, final String password)
    {
        final String uri = "sip:" + SipTests.LOOPBACK + ":" + stack.port();
        final String response = Digest.response(user, REALM, password, "REGISTER", uri, nonce, "auth", "00000001",
            "c0ffee");
        return "Authorization: Digest username=\"" + user + "\", realm=\"" + REALM + "\", nonce=\"" + nonce +
            "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=00000001, " +
            "cnonce=\"c0ffee\"\r\n";
    }

    private static String nonceOf(final String challenge)
    {
        final String header = RawSipPeer.header(challenge, "WWW-Authenticate");
        assertNotNull(header, challenge);
        final int start = header.indexOf("nonce=\"") + 7;
        return header.substring(start, header.indexOf('"', start));
    }
}
