/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCall;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sim.Tones;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.dialer.sip.RecordingListener.TIMEOUT_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The torture and fuzz suite (issue 15), against a dialer stack with live calls to the simulated carrier on loopback:
 * the RFC 4475 messages (our own copies in {@code rfc4475/}) with the answer expected for each, a seeded mutation
 * fuzzer for SIP and RTP, RFC 4733 keys sprayed at the calls' RTP ports from a foreign socket, unsolicited responses
 * that name a victim's address, and TCP exhaustion. Asserts no crash, the expected responses, bounded log bytes per
 * bad packet, bounded threads, and the calls unchanged (still up, no key reached them). Prints its figures as
 * {@code HOSTILE} lines. Sizes are system properties: {@code hostile.seed}, {@code hostile.sipMessages},
 * {@code hostile.rtpPackets}, {@code hostile.tcpConnections} (see docs/security.md for the long run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class HostileNetworkTest
{
    private static final long SEED = Long.getLong("hostile.seed", 4475L);
    private static final int SIP_MESSAGES = Integer.getInteger("hostile.sipMessages", 2_000);
    private static final int RTP_PACKETS = Integer.getInteger("hostile.rtpPackets", 2_000);
    private static final int IDLE_TCP = Integer.getInteger("hostile.tcpConnections", 200);
    private static final int CALLS = 3;
    private static final int TELEPHONE_EVENT_STAR = 10;
    private static final int LIVENESS_EVERY = 200;
    private static final long LOG_BYTES_PER_BAD_PACKET_MAX = 100;
    private static final String LOOPBACK = SipTests.LOOPBACK;

    private SimulatedCarrier carrier;
    private SipStack dialer;
    private final List<CallLeg> legs = new ArrayList<>();
    private final List<RecordingListener> listeners = new ArrayList<>();
    private final List<String> numbers = new ArrayList<>();
    private long sent;

    @BeforeAll
    void start() throws InterruptedException
    {
        carrier = SimulatedCarrier.launch(SipTests.mediaContext().userAgent("carrier"));
        dialer = SipStack.launch(SipTests.mediaContext().outboundProxy(carrier.proxyUri()));
        for (int i = 0; i < CALLS; i++)
        {
            final String number = SipTests.number();
            carrier.script(number,
                PhoneScript.builder().answerAfterMs(50).play(Tones.tone(700, 1000), 0, true).build());
            final RecordingListener listener = new RecordingListener();
            legs.add(dialer.dial(new DialRequest(carrier.uri(number)), listener));
            listeners.add(listener);
            numbers.add(number);
        }
        for (final RecordingListener listener : listeners)
        {
            assertTrue(listener.awaitAnswered(), "a live call to attack");
        }
    }

    @AfterAll
    void stop()
    {
        try
        {
            for (final CallLeg leg : legs)
            {
                assertEquals(CallState.ANSWERED, leg.state(), "the calls are unchanged by the attacks: " + leg);
                assertTrue(listeners.get(legs.indexOf(leg)).failures.isEmpty());
            }
            System.out.println("HOSTILE messages sent: " + sent);
        }
        finally
        {
            for (final CallLeg leg : legs)
            {
                leg.hangup();
            }
            SipTests.closeAll(dialer, carrier);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void shouldAnswerEachRfc4475MessageAsExpected() throws Exception
    {
        final Map<String, String> expected = new TreeMap<>();
        final Map<String, String> actual = new TreeMap<>();
        try (DatagramSocket socket = udp())
        {
            for (final String line : resource("rfc4475/expected.txt").split("\n"))
            {
                if (line.isBlank() || line.startsWith("#"))
                {
                    continue;
                }
                final String[] parts = line.trim().split("\\s+");
                final String name = parts[0];
                expected.put(name, parts[1]);
                final byte[] message = prepare(resource("rfc4475/" + name + ".sip"), dialer.port());
                send(socket, message, dialer.port());
                String response = awaitFinal(socket, callId(message), "-".equals(parts[1]) ? 500 : 4_000);
                if (null == response && !"-".equals(parts[1]))
                {
                    // UDP on a loaded machine: retransmit once, as a client would (same branch: the same answer)
                    send(socket, message, dialer.port());
                    response = awaitFinal(socket, callId(message), 8_000);
                }
                actual.put(name, null == response ? "-" : response.substring(8, 11));
                if (null != response && response.startsWith("SIP/2.0 420"))
                {
                    assertTrue(response.contains("\r\nUnsupported: "), response);
                }
                if (null != response && (response.startsWith("SIP/2.0 405") || response.startsWith("SIP/2.0 501")))
                {
                    assertTrue(response.contains("\r\nAllow: "), response);
                }
            }
        }
        final StringBuilder table = new StringBuilder();
        actual.forEach((name, status) -> table.append("HOSTILE rfc4475 ").append(name).append(' ').append(status)
            .append(" (expected ").append(expected.get(name)).append(")\n"));
        System.out.print(table);
        assertEquals(expected, actual, table.toString());
    }

    @Test
    @Order(2)
    void shouldLogBoundedBytesPerBadPacket() throws Exception
    {
        final String noCseq = "INVITE sip:1@" + LOOPBACK + " SIP/2.0\r\nVia: SIP/2.0/UDP " + LOOPBACK +
            ";rport;branch=z9hG4bK-nocseq\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:1@example.com>\r\n" +
            "Call-ID: nocseq-%d\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        final String tlsVia = "OPTIONS sip:1@" + LOOPBACK + " SIP/2.0\r\nVia: SIP/2.0/TLS " + LOOPBACK +
            ";branch=z9hG4bK-tls%d\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:1@example.com>\r\n" +
            "Call-ID: tls-%d\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        final int packets = 200;
        final String[] kinds = {"request without CSeq", "Via naming TLS"};
        final String[] templates = {noCseq, tlsVia};
        final String[] sources = {"127.0.0.2", "127.0.0.3"};
        for (int k = 0; k < kinds.length; k++)
        {
            final String template = templates[k];
            final InetAddress source = InetAddress.getByName(sources[k]);
            final long bytes = logBytes(() ->
            {
                // from a source not heard before: its first bad packet gets its one line
                try (DatagramSocket socket = new DatagramSocket(0, source))
                {
                    for (int i = 0; i < packets; i++)
                    {
                        send(socket, String.format(template, i, i).getBytes(StandardCharsets.ISO_8859_1),
                            dialer.port());
                    }
                    assertAlive();
                }
            });
            System.out.println("HOSTILE log bytes per bad packet (" + kinds[k] + "): " + (double)bytes / packets);
            assertTrue(bytes <= LOG_BYTES_PER_BAD_PACKET_MAX * packets, kinds[k] + ": " + bytes + " log bytes");
        }
    }

    @Test
    @Order(3)
    void shouldSurviveSeededSipMutations() throws Exception
    {
        final Random random = new Random(SEED);
        final SipMutator mutator = new SipMutator(random, LOOPBACK, dialer.port());
        final int threadsBefore = threads();
        final AtomicLong[] answered = new AtomicLong[7];
        final long bytes;
        try (DatagramSocket socket = udp())
        {
            socket.setSoTimeout(1);
            bytes = logBytes(() ->
            {
                for (int i = 0; i < SIP_MESSAGES; i++)
                {
                    send(socket, mutator.next(), dialer.port());
                    drain(socket, answered);
                    if (i % LIVENESS_EVERY == LIVENESS_EVERY - 1)
                    {
                        assertAlive();
                    }
                }
                assertAlive();
            });
        }
        final int threadsAfter = threads();
        System.out.println("HOSTILE sip mutations: " + SIP_MESSAGES + " (seed " + SEED + "), responses by class " +
            classes(answered) + ", log bytes per message " + (double)bytes / SIP_MESSAGES + ", threads " +
            threadsBefore + " -> " + threadsAfter + ", RSS " + rssKb() + " kB");
        assertTrue(threadsAfter - threadsBefore < 20, "threads " + threadsBefore + " -> " + threadsAfter);
        assertTrue(bytes <= LOG_BYTES_PER_BAD_PACKET_MAX * SIP_MESSAGES, bytes + " log bytes");
    }

    @Test
    @Order(4)
    void shouldKeepKeysFromAForeignSourceOutOfLiveCalls() throws Exception
    {
        final long foreignBefore = dialer.mediaForeignPackets();
        int injected = 0;
        try (DatagramSocket attacker = udp())
        {
            final Random random = new Random(SEED);
            for (final CallLeg leg : legs)
            {
                final InetSocketAddress rtp = leg.media().localAddress();
                for (int payloadType = 96; payloadType <= 127; payloadType++)
                {
                    final int ssrc = random.nextInt();
                    for (int i = 0; i < 6; i++)
                    {
                        final byte[] packet =
                            telephoneEvent(payloadType, 1000 + i, 48_000, ssrc, i >= 3, 160 * (i + 1));
                        attacker.send(new DatagramPacket(packet, packet.length, rtp));
                        injected++;
                    }
                }
            }
            final byte[] garbage = new byte[1500];
            for (int i = 0; i < RTP_PACKETS; i++)
            {
                final InetSocketAddress rtp = legs.get(i % legs.size()).media().localAddress();
                final int length = random.nextInt(garbage.length);
                random.nextBytes(garbage);
                if (random.nextBoolean() && length >= 12)
                {
                    garbage[0] = (byte)0x80; // a valid version: it parses as RTP, of a foreign source
                }
                attacker.send(new DatagramPacket(garbage, length, rtp));
                sent++;
            }
        }
        sent += injected;
        final int minimum = injected;
        assertTrue(SipTests.await(() -> dialer.mediaForeignPackets() - foreignBefore >= minimum, TIMEOUT_MS),
            "the injected keys were dropped as foreign: " + (dialer.mediaForeignPackets() - foreignBefore));

        // the far end's own key still reaches the call: the path works, the foreign keys did not take it
        final SimulatedCall call = carrier.awaitCall(numbers.get(0), TIMEOUT_MS);
        call.leg().sendDtmf('5', 100);
        final Character genuine = listeners.get(0).digits.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertEquals(Character.valueOf('5'), genuine);
        int reached = 0;
        for (final RecordingListener listener : listeners)
        {
            reached += listener.digits.size();
        }
        System.out.println("HOSTILE keys injected from a foreign source: " + injected + " packets (" +
            injected / 6 + " keys), malformed RTP " + RTP_PACKETS + ", keys that reached a call: " + reached +
            ", foreign packets dropped: " + (dialer.mediaForeignPackets() - foreignBefore));
        assertEquals(0, reached, "no foreign key reached a call");
    }

    @Test
    @Order(5)
    void shouldNeverReflectToAnAddressAMessageNames() throws Exception
    {
        try (DatagramSocket attacker = udp(); DatagramSocket victim = udp())
        {
            final int victimPort = victim.getLocalPort();
            final String ok = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP " + LOOPBACK + ":" + victimPort +
                ";branch=z9hG4bK-reflect\r\nFrom: <sip:1@example.com>;tag=a1\r\nTo: <sip:2@example.com>;tag=b2\r\n" +
                "Call-ID: reflect-%d\r\nCSeq: 1 INVITE\r\nContact: <sip:victim@%s>\r\nContent-Length: 0\r\n\r\n";
            for (int i = 0; i < 20; i++)
            {
                final String contact = 0 == i % 2 ? LOOPBACK + ":" + victimPort : "192.0.2.77:5060;transport=tcp";
                send(attacker, String.format(ok, i, contact).getBytes(StandardCharsets.ISO_8859_1), dialer.port());
            }
            final String bye = "BYE sip:1@" + LOOPBACK + " SIP/2.0\r\nVia: SIP/2.0/UDP " + LOOPBACK + ":" +
                victimPort + ";rport;branch=z9hG4bK-bye\r\nFrom: <sip:1@example.com>;tag=a1\r\n" +
                "To: <sip:2@example.com>;tag=b2\r\nCall-ID: reflect-bye\r\nCSeq: 2 BYE\r\nMax-Forwards: 70\r\n" +
                "Content-Length: 0\r\n\r\n";
            send(attacker, bye.getBytes(StandardCharsets.ISO_8859_1), dialer.port());
            sent += 21;
            final String answer = awaitFinal(attacker, "reflect-bye", 4_000);
            assertNotNull(answer, "the BYE for no dialog is answered, to its source (rport)");
            assertTrue(answer.startsWith("SIP/2.0 481 "), answer);
            victim.setSoTimeout(1_500);
            final DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
            String reflected = null;
            try
            {
                victim.receive(packet);
                reflected = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            }
            catch (final SocketTimeoutException expected)
            {
                // nothing reflected
            }
            assertNull(reflected, "nothing may go to the address a message names");
            System.out.println("HOSTILE reflection: 20 unsolicited 200 OK naming a victim, 0 bytes sent to it; " +
                "BYE for no dialog answered " + answer.substring(8, 11));
        }
    }

    @Test
    @Order(6)
    void shouldCapTcpConnectionsPerSourceAndInAll() throws Exception
    {
        try (SipStack guarded = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider())
            .maxTcpConnections(25, 10)))
        {
            final List<Socket> sockets = new ArrayList<>();
            try
            {
                int open = 0;
                for (final String source : new String[]{"127.0.0.1", "127.0.0.2", "127.0.0.3"})
                {
                    for (int i = 0; i < 12; i++)
                    {
                        final Socket socket = new Socket();
                        socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
                        socket.connect(guarded.localAddress(), 2_000);
                        sockets.add(socket);
                    }
                }
                // an OPTIONS on each: the refused ones are closed by then
                for (final Socket socket : sockets)
                {
                    if (null != optionsOverTcp(socket))
                    {
                        open++;
                    }
                }
                System.out.println("HOSTILE tcp caps: 36 connections from 3 sources, cap 10 per source and 25 in " +
                    "all: " + open + " served, " + guarded.guard().tcpRefused() + " refused");
                assertEquals(25, open);
                assertEquals(11, guarded.guard().tcpRefused());
            }
            finally
            {
                for (final Socket socket : sockets)
                {
                    socket.close();
                }
            }
        }
    }

    @Test
    @Order(7)
    void shouldCloseOversizedTcpMessagesAndIdleConnectionsWithoutLosingTheListener() throws Exception
    {
        try (SipStack guarded = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider())
            .tcpIdleTimeoutMs(1_000)))
        {
            for (final String attack : new String[]{
                "INVITE sip:1@" + LOOPBACK + " SIP/2.0\r\nContent-Length: 2147483647\r\n\r\n",
                "INVITE sip:1@" + LOOPBACK + " SIP/2.0\r\nX-Flood: " + "x".repeat(40_000) + "\r\n\r\n"})
            {
                try (Socket socket = new Socket())
                {
                    socket.connect(guarded.localAddress(), 2_000);
                    socket.setSoTimeout(5_000);
                    socket.getOutputStream().write(attack.getBytes(StandardCharsets.ISO_8859_1));
                    assertEquals(-1, readUntilClosed(socket.getInputStream()), "closed by the dialer");
                }
                sent++;
                try (Socket socket = new Socket())
                {
                    socket.connect(guarded.localAddress(), 2_000);
                    final String answer = optionsOverTcp(socket);
                    assertNotNull(answer, "TCP still served");
                    assertTrue(answer.startsWith("SIP/2.0 200 "), answer);
                }
            }
            assertEquals(2, guarded.guard().tcpClosedOversize());
            try (Socket idle = new Socket())
            {
                idle.connect(guarded.localAddress(), 2_000);
                idle.setSoTimeout(10_000);
                final long start = System.nanoTime();
                assertEquals(-1, readUntilClosed(idle.getInputStream()), "an idle connection is closed");
                System.out.println("HOSTILE tcp: Content-Length 2147483647 and a 40 kB header closed the " +
                    "connection, TCP still served; idle connection closed after " +
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms (timeout 1000 ms)");
            }
        }
    }

    @Test
    @Order(8)
    void shouldHoldManyIdleTcpConnectionsOnFewThreads() throws Exception
    {
        try (SipStack guarded = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider())
            .maxTcpConnections(IDLE_TCP + 10, IDLE_TCP + 10)))
        {
            final int threadsBefore = threads();
            final long rssBefore = rssKb();
            final List<Socket> sockets = new ArrayList<>();
            try
            {
                for (int i = 0; i < IDLE_TCP; i++)
                {
                    final Socket socket = new Socket();
                    socket.connect(guarded.localAddress(), 2_000);
                    sockets.add(socket);
                }
                // the selector accepts in order: once the last connection is served, all were accepted
                assertNotNull(optionsOverTcp(sockets.get(sockets.size() - 1)));
                final int threadsAfter = threads();
                final long rssAfter = rssKb();
                System.out.println("HOSTILE tcp idle: " + IDLE_TCP + " connections, threads " + threadsBefore +
                    " -> " + threadsAfter + ", RSS " + rssBefore + " -> " + rssAfter + " kB");
                assertTrue(threadsAfter - threadsBefore < 10, "threads " + threadsBefore + " -> " + threadsAfter);
            }
            finally
            {
                for (final Socket socket : sockets)
                {
                    socket.close();
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void assertAlive() throws IOException
    {
        try (DatagramSocket socket = udp())
        {
            for (int attempt = 0; attempt < 3; attempt++)
            {
                final String callId = "alive-" + System.nanoTime();
                final String options = "OPTIONS sip:alive@" + LOOPBACK + " SIP/2.0\r\nVia: SIP/2.0/UDP " + LOOPBACK +
                    ":" + socket.getLocalPort() + ";rport;branch=z9hG4bK" + callId + "\r\n" +
                    "From: <sip:probe@example.com>;tag=p\r\nTo: <sip:alive@example.com>\r\nCall-ID: " + callId +
                    "\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
                send(socket, options.getBytes(StandardCharsets.ISO_8859_1), dialer.port());
                final String answer = awaitFinal(socket, callId, 5_000);
                if (null != answer)
                {
                    assertTrue(answer.startsWith("SIP/2.0 200 "), answer);
                    return;
                }
            }
        }
        throw new AssertionError("the dialer stopped answering OPTIONS");
    }

    private void send(final DatagramSocket socket, final byte[] message, final int port) throws IOException
    {
        socket.send(new DatagramPacket(message, Math.min(message.length, 65_507), InetAddress.getLoopbackAddress(),
            port));
        sent++;
    }

    private static DatagramSocket udp() throws IOException
    {
        final DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        socket.setReceiveBufferSize(1 << 20);
        return socket;
    }

    /**
     * The first final response carrying this Call-ID (any, when null), or null after the wait.
     */
    private static String awaitFinal(final DatagramSocket socket, final String callId, final long timeoutMs)
        throws IOException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        final DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
        while (true)
        {
            final long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0)
            {
                return null;
            }
            socket.setSoTimeout((int)Math.max(1, left));
            try
            {
                socket.receive(packet);
            }
            catch (final SocketTimeoutException ex)
            {
                return null;
            }
            final String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            if (text.startsWith("SIP/2.0 ") && text.charAt(8) != '1' &&
                (null == callId || callId.equals(callId(text.getBytes(StandardCharsets.ISO_8859_1)))))
            {
                return text;
            }
        }
    }

    private static void drain(final DatagramSocket socket, final AtomicLong[] classes) throws IOException
    {
        final DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
        while (true)
        {
            try
            {
                socket.receive(packet);
            }
            catch (final SocketTimeoutException ex)
            {
                return;
            }
            if (packet.getLength() > 9 && packet.getData()[0] == 'S')
            {
                final int digit = packet.getData()[8] - '0';
                if (digit >= 1 && digit <= 6)
                {
                    if (null == classes[digit])
                    {
                        classes[digit] = new AtomicLong();
                    }
                    classes[digit].incrementAndGet();
                }
            }
        }
    }

    private static String classes(final AtomicLong[] classes)
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 1; i < classes.length; i++)
        {
            if (null != classes[i])
            {
                text.append(i).append("xx=").append(classes[i].get()).append(' ');
            }
        }
        return text.toString().trim();
    }

    private static String callId(final byte[] message)
    {
        final String text = new String(message, StandardCharsets.ISO_8859_1);
        for (final String line : text.split("\r\n"))
        {
            final int colon = line.indexOf(':');
            if (colon > 0)
            {
                final String name = line.substring(0, colon).trim();
                if ("Call-ID".equalsIgnoreCase(name) || "i".equals(name))
                {
                    return line.substring(colon + 1).trim();
                }
            }
            if (line.isEmpty())
            {
                break;
            }
        }
        return null;
    }

    private String optionsOverTcp(final Socket socket) throws IOException
    {
        final String callId = "tcp-" + System.nanoTime();
        final String options = "OPTIONS sip:alive@" + LOOPBACK + " SIP/2.0\r\nVia: SIP/2.0/TCP " + LOOPBACK + ":" +
            socket.getLocalPort() + ";branch=z9hG4bK" + callId + "\r\nFrom: <sip:probe@example.com>;tag=p\r\n" +
            "To: <sip:alive@example.com>\r\nCall-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n" +
            "Content-Length: 0\r\n\r\n";
        try
        {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(options.getBytes(StandardCharsets.ISO_8859_1));
            sent++;
            final byte[] buffer = new byte[4096];
            final int read = socket.getInputStream().read(buffer);
            return read <= 0 ? null : new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
        }
        catch (final IOException ex)
        {
            return null; // closed: refused by a cap
        }
    }

    private static int readUntilClosed(final InputStream in) throws IOException
    {
        final byte[] buffer = new byte[4096];
        int read;
        do
        {
            read = in.read(buffer);
        }
        while (read > 0);
        return read;
    }

    private static byte[] telephoneEvent(
        final int payloadType, final int sequence, final long timestamp, final int ssrc, final boolean end,
        final int duration)
    {
        final byte[] packet = new byte[16];
        packet[0] = (byte)0x80;
        packet[1] = (byte)((sequence == 1000 ? 0x80 : 0) | payloadType);
        packet[2] = (byte)(sequence >> 8);
        packet[3] = (byte)sequence;
        packet[4] = (byte)(timestamp >> 24);
        packet[5] = (byte)(timestamp >> 16);
        packet[6] = (byte)(timestamp >> 8);
        packet[7] = (byte)timestamp;
        packet[8] = (byte)(ssrc >> 24);
        packet[9] = (byte)(ssrc >> 16);
        packet[10] = (byte)(ssrc >> 8);
        packet[11] = (byte)ssrc;
        packet[12] = TELEPHONE_EVENT_STAR;
        packet[13] = (byte)((end ? 0x80 : 0) | 10);
        packet[14] = (byte)(duration >> 8);
        packet[15] = (byte)duration;
        return packet;
    }

    private static String resource(final String name) throws IOException
    {
        try (InputStream in = HostileNetworkTest.class.getClassLoader().getResourceAsStream(name))
        {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * A message as stored (LF line ends, {@code ${HOST}}, {@code ${PORT}}, Content-Length {@code AUTO}) made ready to
     * send: CRLF line ends, the dialer's address and the body's length.
     */
    static byte[] prepare(final String stored, final int port)
    {
        String text = stored.replace("\r\n", "\n").replace("\n", "\r\n")
            .replace("${HOST}", LOOPBACK).replace("${PORT}", Integer.toString(port));
        final int blank = text.indexOf("\r\n\r\n");
        final int bodyLength = blank < 0 ? 0 : text.length() - blank - 4;
        text = text.replace(": AUTO\r\n", ": " + bodyLength + "\r\n").replace(":AUTO\r\n", ":" + bodyLength + "\r\n");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int threads()
    {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long rssKb()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status")))
            {
                if (line.startsWith("VmRSS:"))
                {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return -1;
        }
        return -1;
    }

    /**
     * Bytes the logs wrote to standard error while the action ran (slf4j-simple writes to the current System.err).
     */
    private static long logBytes(final ThrowingAction action) throws Exception
    {
        final PrintStream original = System.err;
        final CountingStream counter = new CountingStream(original);
        System.setErr(new PrintStream(counter, true, StandardCharsets.UTF_8));
        try
        {
            action.run();
        }
        finally
        {
            System.setErr(original);
        }
        return counter.count.get();
    }

    @FunctionalInterface
    private interface ThrowingAction
    {
        void run() throws Exception;
    }

    private static final class CountingStream extends OutputStream
    {
        private final AtomicLong count = new AtomicLong();
        private final OutputStream sink;

        CountingStream(final OutputStream sink)
        {
            this.sink = sink;
        }

        public void write(final int b) throws IOException
        {
            count.incrementAndGet();
            sink.write(b);
        }

        public void write(final byte[] bytes, final int offset, final int length) throws IOException
        {
            count.addAndGet(length);
            sink.write(bytes, offset, length);
        }
    }
}
