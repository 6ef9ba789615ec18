/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SipScreenTest
{
    private static final String VIA = "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK776asdhds\r\n";
    private static final String HEADERS = VIA +
        "Max-Forwards: 70\r\n" +
        "To: <sip:1001@192.0.2.9>\r\n" +
        "From: <sip:alice@192.0.2.1>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33\r\n";

    private static SipScreen.Verdict screen(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return SipScreen.screen(bytes, 0, bytes.length);
    }

    private static String options(final String extra)
    {
        return "OPTIONS sip:1001@192.0.2.9 SIP/2.0\r\n" + HEADERS + "CSeq: 63104 OPTIONS\r\n" + extra +
            "Content-Length: 0\r\n\r\n";
    }

    private static void assertAnswered(final SipScreen.Verdict verdict, final int status)
    {
        assertEquals(SipScreen.RESPOND, verdict.action(), verdict.problem());
        assertEquals(status, verdict.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a\r\nb", "a\nb", "\r\n", "\n\n", "a\r\r\nb", "a\r", "\rb\r\n\r\nc\r",
        "x\r\n y\n\tz\r\n", "\r\r\n\n"})
    void shouldSplitLinesAsTheRegularExpressionDid(final String text)
    {
        final String framed = "<<" + text + ">>";

        assertArrayEquals(text.split("\r?\n", -1), SipScreen.lines(framed, 2, 2 + text.length()));
    }

    @Test
    void shouldPassAWellFormedRequestAndResponseAndKeepalives()
    {
        assertEquals(SipScreen.PASS, screen(options("")).action());
        assertEquals(SipScreen.PASS, screen("SIP/2.0 200 OK\r\n" + HEADERS + "CSeq: 1 INVITE\r\n\r\n").action());
        assertEquals(SipScreen.PASS, screen("\r\n\r\n").action());
    }

    @Test
    void shouldPassCompactAndFoldedHeaders()
    {
        final String text = "INVITE sip:1001@192.0.2.9 SIP/2.0\r\n" +
            "v: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\n" +
            "t: <sip:1001@192.0.2.9>\r\n" +
            "f: <sip:alice@192.0.2.1>\r\n ;tag=88\r\n" +
            "i: folded@pc33\r\n" +
            "CSeq:\r\n  8 INVITE\r\n" +
            "l: 4\r\n\r\nv=0\n";
        assertEquals(SipScreen.PASS, screen(text).action());
    }

    @Test
    void shouldAnswerAMissingCseqWith400ToTheSourceOnly()
    {
        final SipScreen.Verdict verdict = screen("INVITE sip:1001@192.0.2.9 SIP/2.0\r\n" + HEADERS + "\r\n");
        assertAnswered(verdict, 400);
        final String response = new String(verdict.response(), StandardCharsets.ISO_8859_1);
        assertTrue(response.startsWith("SIP/2.0 400 Bad Request\r\n"), response);
        assertTrue(response.contains(VIA), response);
        assertTrue(response.contains("Call-ID: a84b4c76e66710@pc33\r\n"), response);
        assertTrue(response.contains("To: <sip:1001@192.0.2.9>;tag="), response);
        assertTrue(response.endsWith("Content-Length: 0\r\n\r\n"), response);
    }

    @Test
    void shouldAnswerDuplicatedSingleHeadersWith400()
    {
        assertAnswered(screen(options("To: <sip:other@192.0.2.9>\r\n")), 400);
        assertAnswered(screen(options("i: second@pc33\r\n")), 400);
        assertAnswered(screen(options("CSeq: 2 OPTIONS\r\n")), 400);
        assertAnswered(screen(options("From: <sip:bob@192.0.2.1>;tag=2\r\n")), 400);
    }

    @Test
    void shouldAnswerAnotherSipVersionWith505()
    {
        assertAnswered(screen(options("").replace("192.0.2.9 SIP/2.0", "192.0.2.9 SIP/7.0")), 505);
    }

    @Test
    void shouldAnswerAContentLengthBeyondTheDatagramWith400()
    {
        assertAnswered(screen(options("").replace("Content-Length: 0", "Content-Length: 9999")), 400);
        assertAnswered(screen(options("").replace("Content-Length: 0", "Content-Length: 2147483647")), 400);
        assertAnswered(screen(options("").replace("Content-Length: 0", "Content-Length: -3")), 400);
    }

    @Test
    void shouldAnswerBadCseqsWith400()
    {
        assertAnswered(screen(options("").replace("CSeq: 63104 OPTIONS", "CSeq: 63104 INVITE")), 400);
        assertAnswered(screen(options("").replace("CSeq: 63104 OPTIONS", "CSeq: 36893488147419103232 OPTIONS")),
            400);
        assertAnswered(screen(options("").replace("CSeq: 63104 OPTIONS", "CSeq: 2147483648 OPTIONS")), 400);
    }

    @Test
    void shouldAnswerAnUnknownUriSchemeWith416()
    {
        assertAnswered(screen(options("").replace("OPTIONS sip:1001@192.0.2.9", "OPTIONS soap.beep://192.0.2.9")),
            416);
        assertEquals(SipScreen.PASS, screen(options("").replace("OPTIONS sip:", "OPTIONS tel:")).action());
    }

    @Test
    void shouldAnswerAnUnknownRequireWith420AndUnsupported()
    {
        final SipScreen.Verdict verdict = screen(options("Require: nothingpresent, 100rel\r\n"));
        assertAnswered(verdict, 420);
        final String response = new String(verdict.response(), StandardCharsets.ISO_8859_1);
        assertTrue(response.contains("\r\nUnsupported: nothingpresent, 100rel\r\n"), response);
    }

    @Test
    void shouldAnswerAViaNamingAnotherTransportWith400()
    {
        assertAnswered(screen(options("").replace("SIP/2.0/UDP", "SIP/2.0/TLS")), 400);
    }

    @Test
    void shouldAnswerAViaSendingResponsesToAnotherAddressWith400()
    {
        final byte[] received = options("")
            .replace("branch=z9hG4bK776asdhds", "branch=z9hG4bK7;received=victim.example")
            .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(400, SipScreen.screen(received, 0, received.length, "192.0.2.1").status());
        final byte[] maddr = options("").replace(";branch", ";maddr=203.0.113.9;branch")
            .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(400, SipScreen.screen(maddr, 0, maddr.length, "192.0.2.1").status());
        final byte[] honest = options("").replace(";branch", ";received=192.0.2.1;branch")
            .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(SipScreen.PASS, SipScreen.screen(honest, 0, honest.length, "192.0.2.1").action());
    }

    @Test
    void shouldDropBadAcksAndResponsesWithoutAnswering()
    {
        assertEquals(SipScreen.DROP, screen("ACK sip:1001@192.0.2.9 SIP/2.0\r\n" + HEADERS + "\r\n").action());
        assertEquals(SipScreen.DROP, screen("SIP/2.0 200 OK\r\n" + VIA + "CSeq: 1 INVITE\r\n\r\n").action());
        assertEquals(SipScreen.DROP, screen("OPTIONS sip:1001@192.0.2.9 SIP/2.0\r\nCSeq: 1 OPTIONS\r\n\r\n").action());
    }

    @Test
    void shouldLeaveWhatJainSipAnswersWellToIt()
    {
        assertEquals(SipScreen.PASS, screen("garbage\r\n\r\n").action());
        assertEquals(SipScreen.PASS, screen(options("").replace("OPTIONS sip:1001@192.0.2.9", "OPTIONS <sip:1@h>"))
            .action());
    }

    @Test
    void shouldAnswerExtraSpacesInTheRequestLineWith400()
    {
        assertAnswered(screen("INVITE  sip:1001@192.0.2.9  SIP/2.0\r\n" + HEADERS + "CSeq: 1 INVITE\r\n\r\n"), 400);
        assertAnswered(screen(options("").replace("SIP/2.0\r\nVia", "SIP/2.0  \r\nVia")), 400);
    }

    @Test
    void shouldAnswerWithTheFirstOfRepeatedHeaders()
    {
        final SipScreen.Verdict verdict = screen(options("i: second@pc33\r\n"));
        final String response = new String(verdict.response(), StandardCharsets.ISO_8859_1);
        assertTrue(response.contains("Call-ID: a84b4c76e66710@pc33\r\n"), response);
        assertFalse(response.contains("second@pc33"), response);
    }

    @Test
    void shouldNeverEchoMoreThanTheRoutingHeaders()
    {
        final SipScreen.Verdict verdict = screen(options("X-Secret: do-not-echo\r\nRequire: x\r\n"));
        final String response = new String(verdict.response(), StandardCharsets.ISO_8859_1);
        assertFalse(response.contains("do-not-echo"), response);
    }
}
