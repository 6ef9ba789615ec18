/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded mutation fuzzer for SIP: takes a well-formed request or response and applies one to three mutations
 * (a flipped byte, a line deleted or repeated, truncation, inserted bytes or NULs, an absurd Content-Length, another
 * version or transport, a required header removed, an oversized header, bare LF line ends). The same seed gives the
 * same messages.
 */
final class SipMutator
{
    private static final String[] CONTENT_LENGTHS = {"-1", "0", "99999", "2147483647", "99999999999", "x", ""};
    private static final String[] REQUIRED = {"Via", "From", "To", "Call-ID", "CSeq", "Max-Forwards"};
    private static final int MUTATIONS = 11;

    private final Random random;
    private final String[] templates;
    private long count;

    SipMutator(final Random random, final String host, final int port)
    {
        this.random = random;
        final String target = host + ":" + port;
        final String headers = "Via: SIP/2.0/UDP 192.0.2.1:5060;rport;branch=z9hG4bK-fuzz%d\r\n" +
            "From: \"Fuzz\" <sip:fuzz@example.com>;tag=f%d\r\nTo: <sip:1001@" + target + ">\r\n" +
            "Call-ID: fuzz-%d@example.com\r\nMax-Forwards: 70\r\n";
        final String sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n" +
            "m=audio 40000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";
        templates = new String[]{
            "OPTIONS sip:1001@" + target + " SIP/2.0\r\n" + headers + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n",
            "INVITE sip:1001@" + target + " SIP/2.0\r\n" + headers + "CSeq: 1 INVITE\r\n" +
                "Contact: <sip:f@192.0.2.1>\r\n" +
                "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp,
            "BYE sip:1001@" + target + " SIP/2.0\r\n" + headers.replace(">\r\nCall-ID", ">;tag=t1\r\nCall-ID") +
                "CSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n",
            "SIP/2.0 200 OK\r\n" + headers.replace(">\r\nCall-ID", ">;tag=t1\r\nCall-ID") +
                "CSeq: 1 INVITE\r\nContact: <sip:victim@192.0.2.9>\r\nContent-Length: 0\r\n\r\n",
            "REGISTER sip:" + target + " SIP/2.0\r\n" + headers + "CSeq: 1 REGISTER\r\nContact: <sip:f@192.0.2.1>\r\n" +
                "Expires: 60\r\nContent-Length: 0\r\n\r\n",
            "INFO sip:1001@" + target + " SIP/2.0\r\n" + headers + "CSeq: 3 INFO\r\n" +
                "Content-Type: application/dtmf-relay\r\nContent-Length: 24\r\n\r\nSignal=*\r\nDuration=160\r\n"};
    }

    /**
     * The next mutated message.
     *
     * @return its bytes.
     */
    byte[] next()
    {
        final long n = count++;
        final String template = templates[random.nextInt(templates.length)];
        byte[] message = String.format(template, n, n, n).getBytes(StandardCharsets.ISO_8859_1);
        final int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++)
        {
            message = mutate(message);
        }
        return message;
    }

    private byte[] mutate(final byte[] message)
    {
        final String text = new String(message, StandardCharsets.ISO_8859_1);
        switch (random.nextInt(MUTATIONS))
        {
            case 0:
            {
                final byte[] copy = message.clone();
                if (copy.length > 0)
                {
                    copy[random.nextInt(copy.length)] ^= (byte)(1 << random.nextInt(8));
                }
                return copy;
            }
            case 1:
                return lines(text, false);
            case 2:
                return lines(text, true);
            case 3:
                return Arrays.copyOf(message, random.nextInt(message.length + 1));
            case 4:
            {
                final byte[] inserted = new byte[1 + random.nextInt(64)];
                random.nextBytes(inserted);
                return insert(message, inserted);
            }
            case 5:
                return text.replaceFirst("Content-Length: [^\\r]*",
                    "Content-Length: " + CONTENT_LENGTHS[random.nextInt(CONTENT_LENGTHS.length)])
                    .getBytes(StandardCharsets.ISO_8859_1);
            case 6:
                return text.replaceFirst(random.nextBoolean() ? "SIP/2.0/UDP" : "SIP/2.0",
                    random.nextBoolean() ? "SIP/2.0/TLS" : "SIP/7.0").getBytes(StandardCharsets.ISO_8859_1);
            case 7:
                return text.replaceFirst("(?m)^" + REQUIRED[random.nextInt(REQUIRED.length)] + ":[^\\r]*\\r\\n", "")
                    .getBytes(StandardCharsets.ISO_8859_1);
            case 8:
            {
                final int size = random.nextInt(10) == 0 ? 60_000 : random.nextInt(8192);
                return text.replaceFirst("\r\n", "\r\nX-Large: " + "A".repeat(size) + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            }
            case 9:
                return text.replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1);
            default:
                return insert(message, new byte[1 + random.nextInt(4)]);
        }
    }

    private byte[] lines(final String text, final boolean repeat)
    {
        final List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n", -1)));
        if (lines.size() < 2)
        {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        final int index = random.nextInt(lines.size() - 1);
        if (repeat)
        {
            lines.add(index, lines.get(index));
        }
        else
        {
            lines.remove(index);
        }
        return String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] insert(final byte[] message, final byte[] inserted)
    {
        final int at = random.nextInt(message.length + 1);
        final byte[] result = new byte[message.length + inserted.length];
        System.arraycopy(message, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(message, at, result, at + inserted.length, message.length - at);
        return result;
    }
}
