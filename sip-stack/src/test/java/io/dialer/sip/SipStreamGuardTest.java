/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SipStreamGuardTest
{
    private static final String MESSAGE =
        "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h\r\nContent-Length: 5\r\n\r\nhello";

    private static boolean feed(final SipStreamGuard guard, final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return guard.accept(bytes, 0, bytes.length);
    }

    @Test
    void shouldPassPipelinedMessagesSplitAnywhere()
    {
        final SipStreamGuard guard = new SipStreamGuard(1024, 64);
        final String stream = "\r\n\r\n" + MESSAGE + MESSAGE.replace("Content-Length", "l") + MESSAGE;
        for (int i = 0; i < stream.length(); i += 7)
        {
            assertTrue(feed(guard, stream.substring(i, Math.min(stream.length(), i + 7))));
        }
        assertNull(guard.problem());
    }

    @Test
    void shouldRefuseAContentLengthOverTheLimitBeforeTheBody()
    {
        final SipStreamGuard guard = new SipStreamGuard(1024, 65_536);
        assertTrue(feed(guard, "INVITE sip:a@b SIP/2.0\r\n"));
        assertFalse(feed(guard, "Content-Length: 2147483647\r\n"));
        assertEquals("Content-Length over 65536 bytes", guard.problem());
        assertFalse(feed(guard, "\r\n"), "stays refused");
    }

    @Test
    void shouldRefuseABadContentLength()
    {
        final SipStreamGuard guard = new SipStreamGuard(1024, 65_536);
        assertFalse(feed(guard, "INVITE sip:a@b SIP/2.0\r\nContent-Length: 12x\r\n"));
        assertEquals("bad Content-Length", guard.problem());
    }

    @Test
    void shouldRefuseAnEndlessHeaderSection()
    {
        final SipStreamGuard guard = new SipStreamGuard(1024, 65_536);
        assertTrue(feed(guard, "INVITE sip:a@b SIP/2.0\r\n"));
        boolean accepted = true;
        for (int i = 0; i < 100 && accepted; i++)
        {
            accepted = feed(guard, "X-Padding: 0123456789012345678901234567890123456789\r\n");
        }
        assertFalse(accepted);
        assertEquals("SIP header section over 1024 bytes", guard.problem());
    }

    @Test
    void shouldCountTheHeaderLimitPerMessage()
    {
        final SipStreamGuard guard = new SipStreamGuard(MESSAGE.length(), 64);
        for (int i = 0; i < 50; i++)
        {
            assertTrue(feed(guard, MESSAGE));
        }
    }
}
