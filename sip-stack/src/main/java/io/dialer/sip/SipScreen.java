/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Looks at a received SIP datagram before JAIN-SIP parses it, for what JAIN-SIP answers wrongly or logs loudly
 * (RFC 4475): required headers missing or duplicated (400), a {@code Content-Length} beyond the datagram (400), a
 * CSeq that is out of range or names another method (400), a top Via naming another transport than the datagram's
 * (400), a SIP version other than 2.0 (505), a Request-URI scheme other than sip, sips or tel (416), a {@code Require}
 * of any extension (420 with {@code Unsupported}: this user agent supports none). Such requests are answered here,
 * to the packet's source address only (never to an address the message names, and with no DNS look-up), and never
 * reach JAIN-SIP; bad responses and ACKs are dropped. Everything else passes. A pure function of the bytes.
 */
final class SipScreen
{
    /** Hand the datagram to JAIN-SIP. */
    static final int PASS = 0;
    /** Drop it silently (a bad response or ACK, or not SIP at all). */
    static final int DROP = 1;
    /** Answer it with {@link Verdict#response()} and drop it. */
    static final int RESPOND = 2;

    private static final long MAX_CSEQ = 0x7FFF_FFFFL;
    private static final Verdict PASSED = new Verdict(PASS, 0, null, null, null);

    private SipScreen()
    {
    }

    /**
     * What to do with one datagram.
     */
    static final class Verdict
    {
        private final int action;
        private final int status;
        private final String problem;
        private final String extraHeader;
        private final Headers headers;

        Verdict(final int action, final int status, final String problem, final String extraHeader,
            final Headers headers)
        {
            this.action = action;
            this.status = status;
            this.problem = problem;
            this.extraHeader = extraHeader;
            this.headers = headers;
        }

        int action()
        {
            return action;
        }

        int status()
        {
            return status;
        }

        /**
         * @return what was wrong, without the message's content; null when it passed.
         */
        String problem()
        {
            return problem;
        }

        /**
         * The answer: the request's Via, From, To (with a tag), Call-ID and CSeq headers copied, nothing else of it.
         *
         * @return the response's bytes.
         */
        byte[] response()
        {
            final StringBuilder text = new StringBuilder(256);
            text.append("SIP/2.0 ").append(status).append(' ').append(reasonPhrase(status)).append("\r\n");
            for (final String via : headers.vias)
            {
                text.append("Via: ").append(via).append("\r\n");
            }
            if (null != headers.from)
            {
                text.append("From: ").append(headers.from).append("\r\n");
            }
            if (null != headers.to)
            {
                text.append("To: ").append(headers.to);
                if (!headers.to.toLowerCase(Locale.ROOT).contains(";tag="))
                {
                    text.append(";tag=").append(SipDispatcher.newTag());
                }
                text.append("\r\n");
            }
            if (null != headers.callId)
            {
                text.append("Call-ID: ").append(headers.callId).append("\r\n");
            }
            if (null != headers.cseq)
            {
                text.append("CSeq: ").append(headers.cseq).append("\r\n");
            }
            if (null != extraHeader)
            {
                text.append(extraHeader).append("\r\n");
            }
            text.append("Content-Length: 0\r\n\r\n");
            return text.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * The headers the screen looks at, unfolded, with their counts.
     */
    static final class Headers
    {
        final List<String> vias = new ArrayList<>(2);
        final List<String> requires = new ArrayList<>(1);
        String from;
        String to;
        String callId;
        String cseq;
        String contentLength;
        int fromCount;
        int toCount;
        int callIdCount;
        int cseqCount;
        int contentLengthCount;
    }

    /**
     * Screens one datagram.
     *
     * @param data   the buffer.
     * @param offset where the datagram starts.
     * @param length its length.
     * @return the verdict.
     */
    static Verdict screen(final byte[] data, final int offset, final int length)
    {
        return screen(data, offset, length, null);
    }

    /**
     * Screens one datagram from a known source address.
     *
     * @param data   the buffer.
     * @param offset where the datagram starts.
     * @param length its length.
     * @param source the packet's source IP address (text), or null when unknown.
     * @return the verdict.
     */
    static Verdict screen(final byte[] data, final int offset, final int length, final String source)
    {
        final String text = new String(data, offset, length, StandardCharsets.ISO_8859_1);
        int start = 0;
        while (start < text.length() && ('\r' == text.charAt(start) || '\n' == text.charAt(start)))
        {
            start++;
        }
        if (start == text.length())
        {
            return PASSED; // a keepalive: JAIN-SIP's
        }
        final int crlfEnd = text.indexOf("\r\n\r\n", start);
        final int lfEnd = crlfEnd >= 0 ? -1 : text.indexOf("\n\n", start);
        final int headerEnd = crlfEnd >= 0 ? crlfEnd : lfEnd >= 0 ? lfEnd : text.length();
        final int bodyStart = crlfEnd >= 0 ? crlfEnd + 4 : lfEnd >= 0 ? lfEnd + 2 : text.length();
        final String[] lines = lines(text, start, headerEnd);
        final String firstLine = lines[0];
        final Headers headers = parseHeaders(lines);
        final boolean response = firstLine.startsWith("SIP/");
        final boolean complete = headers.vias.size() > 0 && 1 == headers.fromCount && 1 == headers.toCount &&
            1 == headers.callIdCount && 1 == headers.cseqCount && headers.contentLengthCount <= 1;
        if (response)
        {
            return complete && firstLine.startsWith("SIP/2.0 ") ? PASSED :
                new Verdict(DROP, 0, "malformed response (required headers missing or repeated)", null, headers);
        }
        final String[] requestLine = firstLine.split(" ", -1);
        if (requestLine.length < 3 || !isToken(requestLine[0]))
        {
            return PASSED; // JAIN-SIP's parser answers a bad request line with 400
        }
        final String method = requestLine[0];
        final boolean ack = "ACK".equals(method);
        if (headers.vias.isEmpty())
        {
            return new Verdict(DROP, 0, "request without Via", null, headers);
        }
        if (3 != requestLine.length)
        {
            // RFC 4475 3.1.2.9 and 3.1.2.10: one SP between the elements, none after the version
            return answer(ack, 400, "request line with extra spaces", null, headers);
        }
        if (!complete)
        {
            return answer(ack, 400, "request with a required header missing or repeated", null, headers);
        }
        if (!"SIP/2.0".equalsIgnoreCase(requestLine[2]))
        {
            return answer(ack, 505, "SIP version not supported", null, headers);
        }
        final String cseqProblem = cseqProblem(headers.cseq, method);
        if (null != cseqProblem)
        {
            return answer(ack, 400, cseqProblem, null, headers);
        }
        if (null != headers.contentLength)
        {
            final long declared = parseLength(headers.contentLength);
            if (declared < 0)
            {
                return answer(ack, 400, "bad Content-Length", null, headers);
            }
            if (declared > text.length() - bodyStart)
            {
                return answer(ack, 400, "Content-Length larger than the datagram", null, headers);
            }
        }
        if (!viaTransportIsUdp(headers.vias.get(0)))
        {
            return answer(ack, 400, "top Via names another transport than UDP", null, headers);
        }
        if (null != source && namesAnotherAddress(headers.vias.get(0), source))
        {
            // JAIN-SIP would send the response (and its retransmissions) there, looking the name up in DNS
            return answer(ack, 400, "top Via names another address than the packet's source", null, headers);
        }
        final String uri = requestLine[1];
        final int colon = uri.indexOf(':');
        final String scheme = colon > 0 ? uri.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        if (isScheme(scheme) && !"sip".equals(scheme) && !"sips".equals(scheme) && !"tel".equals(scheme))
        {
            return answer(ack, 416, "unsupported Request-URI scheme", null, headers);
        }
        if (!headers.requires.isEmpty() && !ack && !"CANCEL".equals(method))
        {
            return answer(false, 420, "Require of an unsupported extension",
                "Unsupported: " + String.join(", ", headers.requires), headers);
        }
        return PASSED;
    }

    static String reasonPhrase(final int status)
    {
        switch (status)
        {
            case 400:
                return "Bad Request";
            case 416:
                return "Unsupported URI Scheme";
            case 420:
                return "Bad Extension";
            case 505:
                return "Version Not Supported";
            default:
                return "Error";
        }
    }

    private static Verdict answer(
        final boolean ack, final int status, final String problem, final String extraHeader, final Headers headers)
    {
        return new Verdict(ack ? DROP : RESPOND, status, problem, extraHeader, headers);
    }

    /**
     * The lines of {@code text[start, end)} as {@code split("\r?\n", -1)} gives them, without a regular expression
     * per datagram: split at each LF, one CR before it dropped.
     */
    static String[] lines(final String text, final int start, final int end)
    {
        int count = 1;
        for (int i = start; i < end; i++)
        {
            count += '\n' == text.charAt(i) ? 1 : 0;
        }
        final String[] lines = new String[count];
        int from = start;
        for (int n = 0; n < count; n++)
        {
            int lf = n < count - 1 ? text.indexOf('\n', from) : end;
            final int next = lf + 1;
            if (n < count - 1 && lf > from && '\r' == text.charAt(lf - 1))
            {
                lf--;
            }
            lines[n] = text.substring(from, lf);
            from = next;
        }
        return lines;
    }

    private static Headers parseHeaders(final String[] lines)
    {
        final Headers headers = new Headers();
        String name = null;
        StringBuilder value = null;
        for (int i = 1; i <= lines.length; i++)
        {
            final String line = i < lines.length ? lines[i] : null;
            if (null != line && !line.isEmpty() && (' ' == line.charAt(0) || '\t' == line.charAt(0)) && null != value)
            {
                value.append(' ').append(line.trim());
                continue;
            }
            if (null != name)
            {
                add(headers, name, value.toString().trim());
            }
            name = null;
            value = null;
            if (null == line)
            {
                break;
            }
            final int colon = line.indexOf(':');
            if (colon > 0)
            {
                name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                value = new StringBuilder(line.substring(colon + 1));
            }
        }
        return headers;
    }

    private static void add(final Headers headers, final String name, final String value)
    {
        switch (name)
        {
            case "via":
            case "v":
                headers.vias.add(value);
                break;
            case "from":
            case "f":
                headers.from = null == headers.from ? value : headers.from;
                headers.fromCount++;
                break;
            case "to":
            case "t":
                headers.to = null == headers.to ? value : headers.to;
                headers.toCount++;
                break;
            case "call-id":
            case "i":
                headers.callId = null == headers.callId ? value : headers.callId;
                headers.callIdCount++;
                break;
            case "cseq":
                headers.cseq = null == headers.cseq ? value : headers.cseq;
                headers.cseqCount++;
                break;
            case "content-length":
            case "l":
                headers.contentLength = null == headers.contentLength ? value : headers.contentLength;
                headers.contentLengthCount++;
                break;
            case "require":
                for (final String tag : value.split(","))
                {
                    if (!tag.isBlank())
                    {
                        headers.requires.add(tag.trim());
                    }
                }
                break;
            default:
                break;
        }
    }

    private static String cseqProblem(final String cseq, final String method)
    {
        final String[] parts = cseq.trim().split("[ \t]+");
        if (2 != parts.length)
        {
            return "bad CSeq";
        }
        final long number = parseLength(parts[0]);
        if (number < 0 || number > MAX_CSEQ)
        {
            return "CSeq number out of range";
        }
        return parts[1].equals(method) ? null : "CSeq method does not match the request's";
    }

    /**
     * @return the decimal number, or -1 when not one (or more than 10 digits).
     */
    private static long parseLength(final String text)
    {
        final String digits = text.trim();
        if (digits.isEmpty() || digits.length() > 10)
        {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++)
        {
            final char c = digits.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Whether the top Via's {@code received} or {@code maddr} parameter names another host than the source.
     */
    private static boolean namesAnotherAddress(final String via, final String source)
    {
        final int comma = via.indexOf(',');
        final String top = (comma >= 0 ? via.substring(0, comma) : via).toLowerCase(Locale.ROOT);
        for (final String parameter : top.split(";"))
        {
            final int equals = parameter.indexOf('=');
            if (equals > 0)
            {
                final String name = parameter.substring(0, equals).trim();
                if (("received".equals(name) || "maddr".equals(name)) &&
                    !parameter.substring(equals + 1).trim().equals(source))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean viaTransportIsUdp(final String via)
    {
        final String compact = via.replace(" ", "").replace("\t", "").toUpperCase(Locale.ROOT);
        return compact.startsWith("SIP/2.0/UDP");
    }

    /**
     * RFC 3986 scheme: a letter, then letters, digits, '+', '-' or '.'; anything else (a Request-URI in angle
     * brackets) is a malformed URI, JAIN-SIP's 400.
     */
    private static boolean isScheme(final String text)
    {
        if (text.isEmpty() || text.charAt(0) < 'a' || text.charAt(0) > 'z')
        {
            return false;
        }
        for (int i = 1; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || '+' == c || '-' == c || '.' == c))
            {
                return false;
            }
        }
        return true;
    }

    private static boolean isToken(final String text)
    {
        if (text.isEmpty())
        {
            return false;
        }
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && "-.!%*_+`'~".indexOf(c) < 0)
            {
                return false;
            }
        }
        return true;
    }
}
