/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static io.dialer.sip.RecordingListener.TIMEOUT_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * INVITEs cloned from a template carry the same headers as one built header by header, with their own Call-ID, tag
 * and branch per call; target URIs parsed from the cache equal those parsed from scratch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InviteTemplatesTest
{
    private SipStack dialer;

    @BeforeAll
    void start()
    {
        dialer = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider()));
    }

    @AfterAll
    void stop()
    {
        SipTests.closeAll(dialer);
    }

    @ParameterizedTest
    @CsvSource({"sip:+15551234567@trunk.example, 16", "sip:1001@10.0.0.1:5070, 8", "sip:+1@h, 6"})
    void shouldFindThePlainNumberOfALeadUri(final String uri, final int at)
    {
        assertEquals(at, InviteTemplates.numberEnd(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:alice@example.com", "sip:+@h", "sip:@h", "sip:123@", "sips:123@h", "tel:+1555",
        "sip:12;x=1@h", "SIP:123@h", "sip:h"})
    void shouldLeaveOtherUrisToTheParser(final String uri)
    {
        assertEquals(-1, InviteTemplates.numberEnd(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sip:+15551234567@trunk.example.com", "sip:15551234567@10.0.0.1:5060;transport=tcp",
        "sip:+15551234567@trunk.example.com;user=phone", "sip:1001@[::1]:5070", "sip:alice@example.com",
        "sip:closer-7@floor.example;transport=udp", "sip:+4930123@trunk.example.com?Subject=x"})
    void shouldParseLikeTheAddressFactoryFirstAndFromTheCacheAfter(final String uri) throws Exception
    {
        final SipDispatcher sip = dialer.dispatcher();
        final String expected = sip.addressFactory.createURI(uri).toString();

        assertEquals(expected, sip.templates.parse(uri).toString(), "first parse");
        assertEquals(expected, sip.templates.parse(uri).toString(), "from the cache");
        final String other = uri.replace("1", "2");
        assertEquals(sip.addressFactory.createURI(other).toString(), sip.templates.parse(other).toString(),
            "same host, another user");
    }

    @Test
    void shouldGiveEachCallItsOwnCopyOfACachedUri() throws Exception
    {
        final SipDispatcher sip = dialer.dispatcher();
        final javax.sip.address.SipURI first = (javax.sip.address.SipURI)sip.templates.parse("sip:5551000@h.example");
        first.setUser("changed");

        assertEquals("sip:5551000@h.example", sip.templates.parse("sip:5551000@h.example").toString());
        assertNull(sip.templates.parse("not a uri"));
    }

    @Test
    void shouldSendEachCallItsOwnCallIdTagAndBranchOnTheTemplatesHeaders() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final DialRequest request = new DialRequest(peer.uri("+15551230001")).callerIdName("Acme Sales")
                .callerIdUser("+15550000000").responseTimeoutMs(500);
            final CallLeg first = dialer.dial(request, new RecordingListener());
            final String one = peer.receive("INVITE", TIMEOUT_MS);
            final CallLeg second = dialer.dial(request.target(peer.uri("+15551230002")), new RecordingListener());
            final String two = peer.receive("INVITE", TIMEOUT_MS);
            assertNotNull(one);
            assertNotNull(two);

            assertTrue(one.startsWith("INVITE " + peer.uri("+15551230001") + " SIP/2.0\r\n"), one);
            assertTrue(two.startsWith("INVITE " + peer.uri("+15551230002") + " SIP/2.0\r\n"), two);
            assertTrue(RawSipPeer.header(two, "To").contains(peer.uri("+15551230002")), two);
            assertNotEquals(RawSipPeer.header(one, "Call-ID"), RawSipPeer.header(two, "Call-ID"));
            assertEquals(first.callId(), RawSipPeer.header(one, "Call-ID"));
            assertEquals(second.callId(), RawSipPeer.header(two, "Call-ID"));
            assertNotEquals(tag(RawSipPeer.header(one, "From")), tag(RawSipPeer.header(two, "From")));
            assertNotEquals(branch(one), branch(two));
            assertTrue(branch(two).startsWith("z9hG4bK"), two);
            for (final String message : new String[] {one, two})
            {
                assertTrue(RawSipPeer.header(message, "From").startsWith("\"Acme Sales\" <sip:+15550000000@"),
                    message);
                assertTrue(RawSipPeer.header(message, "P-Asserted-Identity").contains("sip:+15550000000@"), message);
                assertEquals("1 INVITE", RawSipPeer.header(message, "CSeq"));
                assertEquals("application/sdp", RawSipPeer.header(message, "Content-Type"));
                assertEquals(SipDispatcher.ALLOW, RawSipPeer.header(message, "Allow"));
                assertEquals("70", RawSipPeer.header(message, "Max-Forwards"));
                assertNotNull(RawSipPeer.header(message, "Contact"));
                final String body = message.substring(message.indexOf("\r\n\r\n") + 4);
                assertTrue(body.startsWith("v=0"), message);
                assertEquals(body.getBytes(StandardCharsets.UTF_8).length,
                    Integer.parseInt(RawSipPeer.header(message, "Content-Length")));
            }
            assertTrue(first.localUri().startsWith("sip:+15550000000@"), first.localUri());
            assertEquals(peer.uri("+15551230002"), second.remoteUri());
        }
    }

    @Test
    void shouldPutEachCallsOwnNumberInFromContactAndAssertedIdentityOnOneTemplate() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            final int before = dialer.dispatcher().templates.templateCount();
            final String[] users = {"+15557770001", "+15557770002", "+15557770001"};
            final String[] invites = new String[users.length];
            final CallLeg[] legs = new CallLeg[users.length];
            for (int i = 0; i < users.length; i++)
            {
                legs[i] = dialer.dial(new DialRequest(peer.uri("700" + i)).callerIdName("Floor")
                    .callerIdUser(users[i]).responseTimeoutMs(500), new RecordingListener());
                invites[i] = peer.receive("INVITE", TIMEOUT_MS);
                assertNotNull(invites[i]);
            }

            for (int i = 0; i < users.length; i++)
            {
                final String sip = "sip:" + users[i] + "@";
                assertTrue(RawSipPeer.header(invites[i], "From").startsWith("\"Floor\" <" + sip), invites[i]);
                assertTrue(RawSipPeer.header(invites[i], "Contact").contains(sip), invites[i]);
                assertTrue(RawSipPeer.header(invites[i], "P-Asserted-Identity").contains(sip), invites[i]);
                assertTrue(legs[i].localUri().startsWith(sip), legs[i].localUri());
            }
            assertEquals(before + 1, dialer.dispatcher().templates.templateCount(), "the number is per call");
            dialer.dial(new DialRequest(peer.uri("7009")).callerIdName("Other").callerIdUser(users[0])
                .responseTimeoutMs(500), new RecordingListener());
            assertTrue(RawSipPeer.header(peer.receive("INVITE", TIMEOUT_MS), "From").startsWith("\"Other\""));
            assertEquals(before + 2, dialer.dispatcher().templates.templateCount(), "the name is the template's");
        }
    }

    @Test
    void shouldKeepAnAssertedIdentityGivenApartFromTheNumber() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            for (final String user : new String[] {"+15558880001", "+15558880002"})
            {
                dialer.dial(new DialRequest(peer.uri("7100")).callerIdUser(user)
                    .assertedIdentity("sip:+15550001111@trunk.example").responseTimeoutMs(500),
                    new RecordingListener());
                final String invite = peer.receive("INVITE", TIMEOUT_MS);

                assertTrue(RawSipPeer.header(invite, "From").contains("sip:" + user + "@"), invite);
                assertEquals("<sip:+15550001111@trunk.example>", RawSipPeer.header(invite, "P-Asserted-Identity"));
            }
        }
    }

    @Test
    void shouldRetransmitTheSameBytes() throws Exception
    {
        try (RawSipPeer peer = new RawSipPeer())
        {
            dialer.dial(new DialRequest(peer.uri("+15551239999")).callerIdUser("+15550000000")
                .responseTimeoutMs(3_000), new RecordingListener());
            final String first = peer.receive("INVITE", TIMEOUT_MS);
            final String again = peer.receive("INVITE", TIMEOUT_MS);

            assertNotNull(again, "timer A retransmits the INVITE after 500 ms");
            assertEquals(first, again);
        }
    }

    @Test
    void shouldShareNoHeaderBetweenTwoInvitesOfOneTemplate() throws Exception
    {
        final SipDispatcher sip = dialer.dispatcher();
        final DialRequest request = new DialRequest("sip:1@h.example").callerIdUser("+15550000001");
        final javax.sip.address.SipURI target = (javax.sip.address.SipURI)sip.templates.parse(request.target());
        final javax.sip.message.Request one = sip.templates.invite(target, request, Transport.UDP, "a").request();
        final javax.sip.message.Request two = sip.templates.invite(target, request, Transport.UDP, "b").request();

        for (final String name : new String[] {"Via", "From", "To", "Call-ID", "CSeq", "Contact", "Max-Forwards",
            "User-Agent", "P-Asserted-Identity", "Allow", "Content-Type"})
        {
            assertNotNull(one.getHeader(name), name);
            assertTrue(one.getHeader(name) != two.getHeader(name), name + " shared");
        }
        ((javax.sip.header.ViaHeader)one.getHeader("Via")).setBranch("z9hG4bK-one");
        assertNull(((javax.sip.header.ViaHeader)two.getHeader("Via")).getBranch());
        assertTrue(one.getRequestURI() != two.getRequestURI());
    }

    private static String tag(final String from)
    {
        return from.substring(from.indexOf(";tag=") + 5);
    }

    private static String branch(final String message)
    {
        final String via = RawSipPeer.header(message, "Via");
        return via.substring(via.indexOf("branch=") + 7).split(";")[0];
    }
}
