/*
 * Dialer SIPp interop.
 */
package io.dialer.sip.sipp;

import io.dialer.detection.DetectorConfig;
import io.dialer.detection.Verdict;
import io.dialer.media.TextToSpeech;
import io.dialer.sip.CallLeg;
import io.dialer.sip.DialRequest;
import io.dialer.sip.DtmfSource;
import io.dialer.sip.EndCause;
import io.dialer.sip.SipStack;
import io.dialer.sip.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A callee whose phone suppresses silence, played by SIPp ({@link SippCallee}): "Hello?", then no RTP but key presses
 * seconds apart, their captures reusing one RTP timestamp. The dialer's leg gets HUMAN soon after the greeting,
 * though nothing follows it, and every key once.
 */
final class SippSilenceSuppressionTest
{
    private static final Duration SIPP_WAIT = Duration.ofSeconds(30);
    private static final long EVENT_WAIT_MS = 15_000;
    private static final int RTP_HEADER = 12;
    private static final int PCAP_RECORD_HEADER = 16;
    private static final int FRAME_HEADERS = 14 + 20 + 8;

    @TempDir
    Path dir;

    private SipStack stack;

    @AfterEach
    void closeStack()
    {
        if (null != stack)
        {
            stack.close();
        }
    }

    @Test
    void shouldWriteOneStreamCutIntoCapturesWithNothingAfterTheGreeting() throws Exception
    {
        final short[] greeting = SippMedia.tone(300, 400, 6000);
        final SippCallee callee = SippCallee.builder()
            .greeting(concat(greeting, new short[1600]))
            .key('4', 1000)
            .key('4', 2500)
            .build();
        assertEquals(400, callee.greetingMs(), "the trailing 200 ms of silence are cut");
        assertEquals("44", callee.digits());

        final List<byte[]> captures = callee.captures();
        assertEquals(3, captures.size());
        final List<byte[]> greetingRtp = rtp(captures.get(0));
        final List<byte[]> firstKey = rtp(captures.get(1));
        final List<byte[]> secondKey = rtp(captures.get(2));
        assertEquals(20, greetingRtp.size());
        for (final byte[] packet : greetingRtp)
        {
            assertEquals(0, packet[1] & 0x7F);
            int peak = 0;
            for (int i = RTP_HEADER; i < packet.length; i++)
            {
                peak = Math.max(peak, Math.abs(io.dialer.audio.G711.ulawToLinear(packet[i] & 0xFF)));
            }
            assertTrue(peak > 3000, "every greeting packet carries the tone, none is silence");
        }
        final long greetingTs = timestamp(greetingRtp.get(0));
        final List<byte[]> all = new ArrayList<>(greetingRtp);
        all.addAll(firstKey);
        all.addAll(secondKey);
        for (int i = 1; i < all.size(); i++)
        {
            assertEquals((sequence(all.get(i - 1)) + 1) & 0xFFFF, sequence(all.get(i)), "packet " + i);
            assertEquals(ssrc(all.get(0)), ssrc(all.get(i)));
        }
        // keys carry the time elapsed since the greeting's start, as a phone's clock runs on through the silence
        assertEquals(greetingTs + 1000 * 8, timestamp(firstKey.get(0)));
        assertEquals(greetingTs + 2500 * 8, timestamp(secondKey.get(0)));
        assertEquals(SippMedia.TELEPHONE_EVENT_PAYLOAD_TYPE | 0x80, firstKey.get(0)[1] & 0xFF);
        assertEquals(4, firstKey.get(0)[RTP_HEADER]);
        assertEquals(0x80, secondKey.get(secondKey.size() - 1)[RTP_HEADER + 1] & 0x80);

        // or, as replayed captures do, the first key's timestamp for every key
        final SippCallee reusing = SippCallee.builder().greeting(greeting).key('4', 1000).key('4', 2500)
            .reuseTimestamps(true).build();
        final List<byte[]> reusedKeys = rtp(reusing.captures().get(2));
        assertEquals(timestamp(rtp(reusing.captures().get(1)).get(0)), timestamp(reusedKeys.get(0)));

        final Path scenario = callee.write(dir);
        final String xml = Files.readString(scenario);
        assertTrue(xml.contains("<pause milliseconds=\"1000\"/>") && xml.contains("<pause milliseconds=\"1500\"/>"),
            xml);
        assertTrue(xml.indexOf(SippCallee.GREETING_PCAP) < xml.indexOf(SippCallee.keyPcap(1)) &&
            xml.indexOf(SippCallee.keyPcap(1)) < xml.indexOf(SippCallee.keyPcap(2)), xml);
        assertTrue(Files.isRegularFile(dir.resolve(SippCallee.keyPcap(2))));

        assertThrows(IllegalStateException.class,
            () -> SippCallee.builder().greeting(greeting).key('1', 300).build(), "a key during the greeting");
    }

    @Test
    @Timeout(90)
    void shouldGetHumanAfterHelloWithoutPacketsAndEveryKeyOnce() throws Exception
    {
        assumeTrue(Sipp.available(), Sipp.SKIP_REASON);
        assumeTrue(Sipp.canPlayPcap(), "SIPp play_pcap_audio needs root or CAP_NET_RAW: media scenario skipped");
        final short[] hello = new TextToSpeech().render("Hello?").samples();
        final SippCallee callee = SippCallee.builder()
            .greeting(concat(SippMedia.tone(0, 200, 0), hello))
            .key('7', 3000)
            .key('7', 5000)
            .key('3', 7000)
            .reuseTimestamps(true)
            .build();
        stack = SipStack.launch(new SipStack.Context()
            .bindAddress(InetAddress.getLoopbackAddress())
            .port(0)
            .transports(Transport.UDP)
            .allowedPeer("127.0.0.1"));

        try (Sipp sipp = Sipp.launch(new Sipp.Context().workDir(dir).scenarioFile(callee.write(dir))
            .timeoutSeconds(60)))
        {
            sipp.awaitListening(SIPP_WAIT);
            final CallEvents events = new CallEvents();
            final CallLeg leg = stack.dial(
                new DialRequest("sip:callee@" + sipp.hostPort()).detection(DetectorConfig.defaults()), events);
            events.await(CallEvents.Type.ANSWERED, EVENT_WAIT_MS);
            final long answeredNs = System.nanoTime();

            // the verdict comes before the first key, though no packet follows "Hello?", and soon after it
            final CallEvents.Event verdict = events.await(CallEvents.Type.VERDICT, EVENT_WAIT_MS);
            final long verdictMs = (System.nanoTime() - answeredNs) / 1_000_000;
            final String what = verdict + " at " + verdictMs + " ms after the answer; greeting " +
                callee.greetingMs() + " ms; " + events.seen();
            assertEquals(Verdict.HUMAN, verdict.verdict(), what);
            assertTrue(events.seen().stream().noneMatch((e) -> e.type() == CallEvents.Type.DTMF), what);
            assertTrue(verdict.atMs() <= callee.greetingMs() + 1500, what);
            assertTrue(verdictMs <= callee.greetingMs() + 2000, what);

            final StringBuilder received = new StringBuilder();
            while (received.length() < callee.digits().length())
            {
                final CallEvents.Event dtmf = events.await(CallEvents.Type.DTMF, EVENT_WAIT_MS);
                assertEquals(DtmfSource.RFC4733, dtmf.source());
                received.append(dtmf.digit());
            }
            assertEquals(callee.digits(), received.toString(), events.seen().toString());

            leg.hangup();
            assertEquals(EndCause.LOCAL, events.await(CallEvents.Type.ENDED, EVENT_WAIT_MS).endCause());
            assertTrue(events.pending().stream().noneMatch((e) -> e.type() == CallEvents.Type.DTMF),
                "a key counted twice: " + events.pending());
            final Sipp.Result result = sipp.awaitExit(SIPP_WAIT);
            assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, result.exitCode(), result::describe);
        }
    }

    private static short[] concat(final short[] first, final short[] second)
    {
        final short[] all = new short[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static List<byte[]> rtp(final byte[] pcap)
    {
        final ByteBuffer buffer = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        final List<byte[]> packets = new ArrayList<>();
        int position = 24;
        while (position < pcap.length)
        {
            final int length = buffer.getInt(position + 8);
            final int start = position + PCAP_RECORD_HEADER + FRAME_HEADERS;
            final byte[] packet = new byte[length - FRAME_HEADERS];
            System.arraycopy(pcap, start, packet, 0, packet.length);
            packets.add(packet);
            position += PCAP_RECORD_HEADER + length;
        }
        assertEquals(pcap.length, position);
        return packets;
    }

    private static int sequence(final byte[] rtp)
    {
        return ((rtp[2] & 0xFF) << 8) | (rtp[3] & 0xFF);
    }

    private static long timestamp(final byte[] rtp)
    {
        return ByteBuffer.wrap(rtp, 4, 4).order(ByteOrder.BIG_ENDIAN).getInt() & 0xFFFF_FFFFL;
    }

    private static long ssrc(final byte[] rtp)
    {
        return ByteBuffer.wrap(rtp, 8, 4).order(ByteOrder.BIG_ENDIAN).getInt() & 0xFFFF_FFFFL;
    }
}
