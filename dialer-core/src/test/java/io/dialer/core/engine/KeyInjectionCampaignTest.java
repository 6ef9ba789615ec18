/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.campaign.CampaignLoader;
import io.dialer.core.campaign.CampaignResult;
import io.dialer.core.campaign.Closer;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.journal.Journal;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.detection.DetectorConfig;
import io.dialer.media.MediaEngine;
import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sim.Tones;
import io.dialer.sip.DtmfSource;
import io.dialer.sip.SipStack;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static io.dialer.core.engine.DialerEngineTest.CHICAGO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15's attack on a live campaign: while the demo campaign talks to people on the simulated carrier, RFC 4733
 * {@code *} (the opt-out key) is sprayed at every port of the dialer's RTP range from a foreign socket. No key may
 * reach a call: the dispositions are those the people chose (one answers the first question "no" with its own key),
 * nobody is opted out, and the do-not-call file stays empty.
 */
final class KeyInjectionCampaignTest
{
    private static final int RTP_START = 47_100;
    private static final int RTP_END = 47_198;
    private static final int TELEPHONE_EVENT = 101;
    private static final int STAR = 10;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldKeepSprayedKeysOutOfEveryCall() throws Exception
    {
        final CampaignResult loaded = CampaignLoader.load(Path.of("../examples/demo-campaign.yaml"));
        assertTrue(loaded.isValid(), loaded.errors().toString());
        final CampaignFile campaign = loaded.campaign();
        final TextToSpeech tts = new TextToSpeech();
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        final AtomicBoolean spraying = new AtomicBoolean(true);
        final AtomicLong sprayed = new AtomicLong();
        try (PromptBook prompts = PromptBook.of(tts, campaign);
            SimulatedCarrier carrier = SimulatedCarrier.launch(new SipStack.Context().bindAddress(loopback).port(0)
                .threadPoolSize(2).allowedPeer(loopback.getHostAddress()).userAgent("carrier")
                .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
            SipStack dialer = SipStack.launch(new SipStack.Context().bindAddress(loopback).port(0).threadPoolSize(2)
                .userAgent("dialer").outboundProxy(carrier.proxyUri())
                .mediaContext(new MediaEngine.Context().bindAddress(loopback).portRange(RTP_START, RTP_END))))
        {
            final short[] hello = Tones.concat(Tones.noise(300, 30, 3), tts.render("Hello?").samples());
            final int helloMs = hello.length / 8;
            // who answers the first question "no": after "Hello?", the verdict, the greeting, then the key '2'
            final String greeting = campaign.script().greeting().render(
                campaign.script().leadValues(java.util.Map.of("first_name", "Eli")));
            final long keyAtMs = 100 + helloMs + DetectorConfig.STATEMENT_SILENCE_MS_DEFAULT +
                tts.render(greeting).durationMs() + 1_000;
            carrier.script("+12145550105", PhoneScript.builder().answerAfterMs(100)
                .play(Prompt.fromPcm("hello", Tones.concat(hello, Tones.noise(20_000, 30, 4))), 0, false)
                .pressKeys(keyAtMs, "2", 200, DtmfSource.RFC4733).build());
            carrier.script("+12145550101", PhoneScript.builder().busy().build());

            final CompletableFuture<Void> attacker = CompletableFuture.runAsync(() -> spray(spraying, sprayed));
            final List<String> dispositions;
            try
            {
                dispositions = runCampaign(campaign, carrier, dialer, prompts);
            }
            finally
            {
                spraying.set(false);
                attacker.get(10, TimeUnit.SECONDS);
            }
            assertEquals(List.of("lead=0 attempt=1 BUSY", "lead=0 attempt=2 BUSY", "lead=0 attempt=3 BUSY",
                "lead=1 attempt=1 DISQUALIFIED"), dispositions);
            assertTrue(sprayed.get() > 0);
            assertTrue(dialer.mediaForeignPackets() > 0, "the sprayed keys reached the ports and were dropped");
            System.out.println("HOSTILE campaign: " + sprayed.get() + " RFC 4733 '*' packets sprayed at " +
                (RTP_END - RTP_START + 2) / 2 + " RTP ports, " + dialer.mediaForeignPackets() +
                " dropped as foreign, opt-outs 0, dispositions " + dispositions);
        }
    }

    private List<String> runCampaign(
        final CampaignFile campaign, final SimulatedCarrier carrier, final SipStack dialer, final PromptBook prompts)
        throws Exception
    {
        final LeadList leads = new LeadListReader("US").read("leads.csv",
            "phone,first_name,last_name,city,state\n" +
            "+12145550101,Ana,Ruiz,Dallas,TX\n" +
            "+12145550105,Eli,Park,Dallas,TX\n");
        final Path journal = dir.resolve("journal");
        final long start = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, CHICAGO).toInstant().toEpochMilli();
        try (DoNotCallList dnc = new DoNotCallList(dir.resolve("opt-outs.txt")))
        {
            final EngineContext config = CampaignSetup.engine(campaign, dnc,
                new CampaignClock(SystemEpochClock.INSTANCE, start), true)
                .closers(List.of(new Closer("dana", "Dana", carrier.uri("closer-dana"), List.of("auto-closers"))))
                .stacks(dialer)
                .journalDir(journal)
                .campaign(CampaignSetup.campaign(campaign, leads, dnc)
                    .trunkHost(carrier.stack().localAddress().getHostString() + ":" + carrier.stack().port())
                    .prompts(prompts)
                    .journalDir(journal));
            try (DialerEngine engine = DialerEngine.start(config))
            {
                assertTrue(engine.awaitFinished(100, TimeUnit.SECONDS), "campaign finished");
            }
            assertEquals(0, dnc.size(), "nobody opted out");
        }
        final RecordingLog log = new RecordingLog();
        Journal.replay(journal, log);
        assertTrue(log.lines.stream().noneMatch((line) -> line.startsWith("opted out")), String.join("\n", log.lines));
        return log.dispositions.stream().sorted().toList();
    }

    /**
     * From its own socket, rounds of RFC 4733 '*' (start, updates, three ends, a new event each round) at every even
     * port of the dialer's RTP range, until told to stop.
     */
    private static void spray(final AtomicBoolean spraying, final AtomicLong sprayed)
    {
        final Random random = new Random(4733);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            int round = 0;
            while (spraying.get())
            {
                final int ssrc = random.nextInt();
                final long timestamp = 8_000L * round;
                for (int port = RTP_START; port <= RTP_END; port += 2)
                {
                    for (int i = 0; i < 6; i++)
                    {
                        final byte[] packet = {
                            (byte)0x80, (byte)((0 == i ? 0x80 : 0) | TELEPHONE_EVENT),
                            (byte)(round >> 8), (byte)(round * 6 + i),
                            (byte)(timestamp >> 24), (byte)(timestamp >> 16), (byte)(timestamp >> 8), (byte)timestamp,
                            (byte)(ssrc >> 24), (byte)(ssrc >> 16), (byte)(ssrc >> 8), (byte)ssrc,
                            STAR, (byte)((i >= 3 ? 0x80 : 0) | 10), 0, (byte)(160 * (i + 1))};
                        socket.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), port));
                        sprayed.incrementAndGet();
                    }
                }
                round++;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // the attacker's pace, not a wait
            }
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
