/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.campaign.CampaignLoader;
import io.dialer.core.campaign.CampaignResult;
import io.dialer.core.campaign.Closer;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.media.MediaEngine;
import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sim.Tones;
import io.dialer.sip.DtmfSource;
import io.dialer.sip.SipStack;
import org.agrona.concurrent.SystemEpochClock;


/**
 * The demo campaign against a simulated carrier, in a JVM of its own so that a test can kill it with SIGKILL and run
 * it again on the same journal ({@code CrashRecoveryTest}).
 * <p>
 * Arguments: the journal directory, the number of leads, the seed of the population. The population is a
 * deterministic mix of {@link Kind}s ({@link #population(int, long)}); the clock starts at the same weekday 10:00 in
 * Chicago on every run and skips idle time, so retry delays and the daily attempt cap cost no wall time. The
 * do-not-call list persists its opt-outs in {@code opt-outs.txt} in the journal directory, as the dialer's own would.
 * <p>
 * Prints one line of {@link EngineStats} a second, then {@value #FINISHED} and the last stats when the campaign is
 * finished and the journal closed, and exits 0; exits 2 when the campaign does not finish in time.
 */
public final class CrashCampaignMain
{
    /** The line printed once the campaign finished and the journal is closed. */
    public static final String FINISHED = "FINISHED";

    /** The ring timeout of lead calls: short, so that no-answer calls cost little. */
    static final long RING_TIMEOUT_MS = 2_000;

    /** The clock's start on every run: Monday 23 November 2026, 10:00 in Chicago. */
    static final long START_MS = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, DialerEngineTest.CHICAGO)
        .toInstant().toEpochMilli();

    private static final long RUN_TIMEOUT_MS = 150_000;
    private static final int CLOSERS = 8;
    private static final String VOICEMAIL_TEXT = "Please call Lone Star Auto back.";

    /**
     * How a lead's phone behaves, on every call.
     */
    enum Kind
    {
        /** Refuses with 486: BUSY on every attempt. */
        BUSY(Disposition.BUSY),
        /** Rings until the dialer's ring timeout: NO_ANSWER on every attempt. */
        NO_ANSWER(Disposition.NO_ANSWER),
        /** A voicemail greeting and its beep: the message is left, MESSAGE_LEFT. */
        VOICEMAIL(Disposition.MESSAGE_LEFT),
        /** A person who says "Hello?" and presses * during the greeting: OPTED_OUT. */
        OPT_OUT(Disposition.OPTED_OUT),
        /** A person who says "Hello?" and hangs up about two seconds later: HUNG_UP on every attempt. */
        HANG_UP(Disposition.HUNG_UP);

        final Disposition expected;

        Kind(final Disposition expected)
        {
            this.expected = expected;
        }
    }

    private CrashCampaignMain()
    {
    }

    /**
     * Runs the campaign to completion on a journal.
     *
     * @param args the journal directory, the number of leads, the seed.
     * @throws Exception when the campaign cannot start.
     */
    public static void main(final String[] args) throws Exception
    {
        final Path journal = Path.of(args[0]);
        final int leadCount = Integer.parseInt(args[1]);
        final long seed = Long.parseLong(args[2]);
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        final CampaignResult result = CampaignLoader.load(Path.of("../examples/demo-campaign.yaml"));
        if (!result.isValid())
        {
            throw new IllegalStateException(result.errors().toString());
        }
        final CampaignFile campaign = result.campaign();
        final Kind[] kinds = population(leadCount, seed);
        final TextToSpeech tts = new TextToSpeech();
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        final SimulatedCarrier carrier = SimulatedCarrier.launch(new SipStack.Context().bindAddress(loopback).port(0)
            .threadPoolSize(4).allowedPeer(loopback.getHostAddress()).userAgent("carrier")
            .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
        final SipStack dialer = SipStack.launch(new SipStack.Context().bindAddress(loopback).port(0)
            .threadPoolSize(4).userAgent("dialer").outboundProxy(carrier.proxyUri())
            .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
        final PromptBook prompts = new PromptBook(tts, campaign.script(),
            campaign.scriptFile().toAbsolutePath().getParent(), VOICEMAIL_TEXT, null, new TransferTexts());
        script(carrier, tts, kinds);

        final StringBuilder csv = new StringBuilder("phone,first_name,last_name,city,state\n");
        for (int lead = 0; lead < leadCount; lead++)
        {
            csv.append(number(lead)).append(",Lead").append(lead).append(",").append(kinds[lead].name())
                .append(",Dallas,TX\n");
        }
        final LeadList leads = new LeadListReader("US").read("leads.csv", csv.toString());
        final List<Closer> closers = new ArrayList<>();
        for (int i = 0; i < CLOSERS; i++)
        {
            closers.add(new Closer("closer-" + i, "Closer " + i, carrier.uri("closer-" + i),
                List.of("auto-closers")));
        }

        boolean finished = false;
        try (DoNotCallList dnc = new DoNotCallList(journal.resolve("opt-outs.txt")))
        {
            final EngineContext config = CampaignSetup.engine(campaign, dnc,
                new CampaignClock(SystemEpochClock.INSTANCE, START_MS), true)
                .closers(closers)
                .stacks(dialer)
                .journalDir(journal)
                .campaign(CampaignSetup.campaign(campaign, leads, dnc)
                    .trunkHost(carrier.stack().localAddress().getHostString() + ":" + carrier.stack().port())
                    .ringTimeoutMs(RING_TIMEOUT_MS)
                    .prompts(prompts)
                    .journalDir(journal));
            final DialerEngine engine = DialerEngine.start(config);
            final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_TIMEOUT_MS);
            while (!engine.awaitFinished(1, TimeUnit.SECONDS) && System.nanoTime() - deadlineNs < 0)
            {
                out.println(stats(engine));
            }
            finished = engine.isFinished();
            engine.close();
            out.println((finished ? FINISHED : "TIMEOUT") + " " + stats(engine));
        }
        finally
        {
            prompts.close();
            dialer.close();
            carrier.close();
        }
        System.exit(finished ? 0 : 2);
    }

    /**
     * The population: as many leads of each kind as the count allows (the first {@code leads % 5} kinds get one
     * more), in an order shuffled by the seed.
     *
     * @param leads the number of leads.
     * @param seed  the seed.
     * @return each lead's kind, by lead index.
     */
    static Kind[] population(final int leads, final long seed)
    {
        final List<Kind> kinds = new ArrayList<>(leads);
        for (int lead = 0; lead < leads; lead++)
        {
            kinds.add(Kind.values()[lead % Kind.values().length]);
        }
        Collections.shuffle(kinds, new Random(seed));
        return kinds.toArray(new Kind[0]);
    }

    /**
     * @param lead a lead index.
     * @return its phone number, E.164.
     */
    static String number(final int lead)
    {
        return String.format("+1214555%04d", 100 + lead);
    }

    /**
     * @param engine the engine.
     * @return its stats on one line.
     */
    static String stats(final DialerEngine engine)
    {
        final RunningCampaign campaign = engine.campaigns().get(0);
        final EngineStats stats = campaign.stats();
        final StringBuilder line = new StringBuilder(160).append("run=").append(campaign.run())
            .append(" dialed=").append(stats.dialed())
            .append(" live=").append(stats.live())
            .append(" done=").append(stats.leadsDone()).append('/').append(stats.leads())
            .append(" skippedMs=").append(engine.stats().skippedMs());
        for (final Disposition disposition : Disposition.values())
        {
            if (stats.count(disposition) > 0)
            {
                line.append(' ').append(disposition.name()).append('=').append(stats.count(disposition));
            }
        }
        return line.toString();
    }

    private static void script(final SimulatedCarrier carrier, final TextToSpeech tts, final Kind[] kinds)
        throws IOException
    {
        final short[] hello = Tones.concat(Tones.noise(300, 30, 3), tts.render("Hello?").samples(),
            Tones.noise(6_000, 30, 4));
        final short[] greeting = Tones.concat(Tones.noise(200, 30, 5),
            tts.render("Hi, you have reached Alex Morgan.").samples(), Tones.noise(600, 30, 6),
            tts.render("Please leave a message after the tone.").samples(), Tones.noise(600, 30, 1),
            Tones.sine(1_000, 500, 12_000), Tones.noise(6_000, 30, 2));
        final PhoneScript busy = PhoneScript.builder().busy().build();
        final PhoneScript noAnswer = PhoneScript.builder().ringForever().build();
        final PhoneScript voicemail = PhoneScript.builder().answerAfterMs(100)
            .play(Prompt.fromPcm("greeting", greeting), 0, false).hangupAfterMs(30_000).build();
        final PhoneScript optOut = PhoneScript.builder().answerAfterMs(100)
            .play(Prompt.fromPcm("hello", hello), 0, false)
            .pressKeys(3_000, "*", 200, DtmfSource.RFC4733).hangupAfterMs(30_000).build();
        final PhoneScript hangUp = PhoneScript.builder().answerAfterMs(100)
            .play(Prompt.fromPcm("hello", hello), 0, false).hangupAfterMs(2_500).build();
        for (int lead = 0; lead < kinds.length; lead++)
        {
            final PhoneScript script = switch (kinds[lead])
            {
                case BUSY -> busy;
                case NO_ANSWER -> noAnswer;
                case VOICEMAIL -> voicemail;
                case OPT_OUT -> optOut;
                case HANG_UP -> hangUp;
            };
            carrier.script(number(lead), script);
        }
    }
}
