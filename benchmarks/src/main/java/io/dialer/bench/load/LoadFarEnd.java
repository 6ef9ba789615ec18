/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dialer.detection.DetectorConfig;
import io.dialer.media.TextToSpeech;
import io.dialer.sim.Tones;
import io.dialer.sip.sipp.SippMedia;

/**
 * The far end of the campaign load runs: two SIPp UAS processes on loopback, their callees' audio and scenarios.
 * <ul>
 *     <li>The carrier ({@code sipp/uas_campaign_carrier*.xml}) picks the callee by the called number's last digit:
 *     1 a person who says "Hello?", presses 1 to the question (qualified: warm-transferred to a closer) and hangs
 *     up after {@code --qualified-hangup-ms}; 2 a person who presses 2 (the dialer says goodbye and hangs up);
 *     3 voicemail, greeting and beep (the dialer leaves its message and hangs up); 4 a short call, "Hello?" and a
 *     hang-up after {@code --short-hangup-ms}. Speech is rendered by the dialer's TTS at start.</li>
 *     <li>The closers: every {@code sip:closer-i@127.0.0.1:port} answers and waits for the dialer's BYE; with
 *     {@link Closers#KEY} it presses 1 {@code --closer-key-ms} after the answer ({@code uas_campaign_closers*.xml}:
 *     accept during the briefing), with {@link Closers#CONSOLE} it never presses a key
 *     ({@code uas_campaign_closers_console.xml}): the closer accepts from the console.</li>
 * </ul>
 * Two far ends ({@code --far-end}): {@code info} streams the speech as raw mu-law files with SIPp's
 * {@code rtp_stream} and sends the keys as SIP INFO; {@code pcap} plays pcaps with RFC 4733 keys with
 * {@code play_pcap_audio} (needs root).
 */
final class LoadFarEnd implements AutoCloseable
{
    private static final int KEY_MS = 200;
    private static final int CARRIER_STREAM_PORT = 40_000;
    private static final int CLOSERS_STREAM_PORT = 56_000;
    private static final String GREETING = "Hi, you have reached the voice mail of Alex Morgan. " +
        "I can not take your call right now. Please leave your name and number after the tone.";

    /**
     * How the closers accept a caller.
     */
    enum Closers
    {
        /** The closer's phone presses 1 during the briefing. */
        KEY,
        /** The phone answers and waits: the closer accepts from the console. */
        CONSOLE
    }

    /**
     * When the callees press their keys and hang up, ms after the answer.
     */
    record Timing(int helloMs, int keyAtMs, int shortHangupMs, int voicemailMs)
    {
        @Override
        public String toString()
        {
            return String.format(Locale.ROOT, "callee timing after answer: hello %d ms, key at %d ms, short hang-up " +
                "%d ms, voicemail greeting+beep %d ms", helloMs, keyAtMs, shortHangupMs, voicemailMs);
        }
    }

    private final LoadOptions options;
    private final Closers closersMode;
    private final Path work;
    private final Path carrierDir;
    private final Path closersDir;
    private final int carrierPort;
    private final int closersPort;
    private final List<SippProcess> sipps = new ArrayList<>();
    private Timing timing;

    /**
     * Picks the SIP ports; nothing runs yet.
     *
     * @param options the run's options.
     * @param closers how the closers accept.
     * @param work    the run's work directory (SIPp's directories and the scenarios go under it).
     * @throws IOException when no port is free.
     */
    LoadFarEnd(final LoadOptions options, final Closers closers, final Path work) throws IOException
    {
        this.options = options;
        this.closersMode = closers;
        this.work = work;
        carrierDir = Files.createDirectories(work.resolve("sipp-carrier"));
        closersDir = Files.createDirectories(work.resolve("sipp-closers"));
        carrierPort = SippProcess.freeUdpPort();
        closersPort = SippProcess.freeUdpPort();
    }

    int carrierPort()
    {
        return carrierPort;
    }

    int closersPort()
    {
        return closersPort;
    }

    SippProcess carrier()
    {
        return sipps.get(0);
    }

    SippProcess closers()
    {
        return sipps.get(1);
    }

    /**
     * @return the carrier's and the closers' SIPp, in that order (for {@link LoadSnapshot#take(List)}).
     */
    List<SippProcess> sipps()
    {
        return sipps;
    }

    /**
     * Writes the callees' audio and the scenarios, starts both SIPps and waits until they listen.
     *
     * @param tts        the dialer's text to speech (the callees' speech).
     * @param greetingMs how long the campaign's greeting plays (the callees press their key after it).
     * @param leads      the calls the carrier takes.
     * @param qualified  the calls the closers take.
     * @throws Exception when SIPp cannot start.
     */
    void start(final TextToSpeech tts, final int greetingMs, final long leads, final long qualified) throws Exception
    {
        timing = writeMedia(tts, greetingMs);
        System.out.println(timing);
        final String suffix = options.pcap() ? "" : "_info";
        final Path carrierScenario = writeScenario("uas_campaign_carrier" + suffix + ".xml");
        final Path closersScenario = writeScenario(Closers.CONSOLE == closersMode ?
            "uas_campaign_closers_console.xml" : "uas_campaign_closers" + suffix + ".xml");
        final int sippTimeoutS = options.maxSeconds + 60;
        // rtp_stream sends from -mp (3.6.1: one socket for all calls; later SIPps hand out ports upwards from it):
        // above the dialer's RTP range, and apart
        final int carrierMediaPort = options.pcap() ? 0 : CARRIER_STREAM_PORT;
        final int closersMediaPort = options.pcap() && Closers.KEY == closersMode ? 0 : CLOSERS_STREAM_PORT;
        sipps.add(SippProcess.startUas(carrierScenario, carrierDir, carrierPort, carrierMediaPort, leads,
            sippTimeoutS, sippExtra(leads, !options.pcap())));
        sipps.add(SippProcess.startUas(closersScenario, closersDir, closersPort, closersMediaPort,
            Math.max(1, qualified), sippTimeoutS, sippExtra(qualified, 0 != closersMediaPort)));
        carrier().awaitListening(Duration.ofSeconds(10));
        closers().awaitListening(Duration.ofSeconds(10));
    }

    /**
     * Destroys both SIPps if running.
     */
    @Override
    public void close()
    {
        sipps.forEach(SippProcess::close);
    }

    private List<String> sippExtra(final long calls, final boolean rtpStream)
    {
        final List<String> extra = new ArrayList<>(List.of(
            "-buff_size", Integer.toString(4 << 20),
            "-max_recv_loops", "10000",
            "-max_sched_loops", "10000",
            "-l", Long.toString(Math.max(1, calls)),
            "-max_socket", "65000"));
        if (rtpStream)
        {
            // rtp_stream: calls per playback thread, and small socket buffers (SIPp never reads the dialer's RTP)
            extra.addAll(List.of("-rtp_threadtasks", Integer.toString(options.rtpThreadTasks),
                "-rtp_buffsize", Integer.toString(16 << 10)));
        }
        return extra;
    }

    private Path writeScenario(final String name) throws IOException
    {
        final String xml = new String(LoadCampaign.resource("/sipp/" + name), StandardCharsets.ISO_8859_1)
            .replace("{{QUALIFIED_HANGUP_MS}}", Integer.toString(options.qualifiedHangupMs))
            .replace("{{SHORT_HANGUP_MS}}", Integer.toString(timing.shortHangupMs))
            .replace("{{KEY_AT_MS}}", Integer.toString(timing.keyAtMs))
            .replace("{{QUALIFIED_AFTER_KEY_MS}}",
                Integer.toString(Math.max(1_000, options.qualifiedHangupMs - timing.keyAtMs)))
            .replace("{{QUALIFIED_AFTER_RELEASE_MS}}",
                Integer.toString(Math.max(1_000, options.qualifiedHangupMs - timing.keyAtMs - options.closerKeyMs)))
            .replace("{{CLOSER_KEY_MS}}", Integer.toString(options.closerKeyMs))
            .replace("{{DIALER_BYE_TIMEOUT_MS}}", "60000");
        final Path file = Files.createDirectories(work.resolve("scenarios")).resolve(name);
        Files.write(file, xml.getBytes(StandardCharsets.ISO_8859_1));
        return file;
    }

    private Timing writeMedia(final TextToSpeech tts, final int greetingMs) throws Exception
    {
        final short[] hello = Tones.concat(Tones.noise(300, 30, 3), tts.render("Hello?").samples());
        final int helloMs = hello.length / 8;
        // the verdict comes at most the detector's statement silence after "Hello?", then the greeting plays; the key
        // lands --key-margin-ms after its end, while the question plays or waits (keys during the greeting are
        // ignored by the script, so the margin absorbs a late verdict or a late greeting)
        final int keyAtMs = helloMs + DetectorConfig.STATEMENT_SILENCE_MS_DEFAULT + greetingMs + options.keyMarginMs;
        final int afterKeyMs = Math.max(1_000, options.qualifiedHangupMs - keyAtMs);
        final int shortHangupMs = options.shortHangupMs > 0 ? options.shortHangupMs :
            helloMs + DetectorConfig.STATEMENT_SILENCE_MS_DEFAULT + 600;
        final short[] voicemail = Tones.concat(tts.render(GREETING).samples(), Tones.noise(600, 30, 1),
            Tones.sine(1_000, 500, 12_000), Tones.noise(3_000, 30, 2));
        final Timing written = new Timing(helloMs, keyAtMs, shortHangupMs, voicemail.length / 8);
        final short[] closer = Tones.concat(Tones.noise(options.closerKeyMs, 30, 11),
            Tones.noise(Math.max(2_000, options.qualifiedHangupMs - keyAtMs), 30, 12));
        if (!options.pcap() || Closers.CONSOLE == closersMode)
        {
            Files.write(closersDir.resolve("closer.ulaw"), SippMedia.toUlaw(closer));
        }
        if (!options.pcap())
        {
            // rtp_stream: raw 8 kHz mu-law (SIPp sends the file's bytes 160 to a packet), the keys go as SIP INFO
            Files.write(carrierDir.resolve("qualified.ulaw"), SippMedia.toUlaw(Tones.concat(hello,
                Tones.noise(keyAtMs - helloMs, 30, 6), Tones.noise(afterKeyMs, 30, 7))));
            Files.write(carrierDir.resolve("declines.ulaw"), SippMedia.toUlaw(Tones.concat(hello,
                Tones.noise(keyAtMs - helloMs, 30, 8), Tones.noise(5_000, 30, 9))));
            Files.write(carrierDir.resolve("voicemail.ulaw"), SippMedia.toUlaw(voicemail));
            Files.write(carrierDir.resolve("short.ulaw"), SippMedia.toUlaw(Tones.concat(hello,
                Tones.noise(Math.max(100, shortHangupMs - helloMs), 30, 10))));
            return written;
        }
        SippMedia.writeAudioAndKeysPcap(carrierDir.resolve("qualified.pcap"),
            Tones.concat(hello, Tones.noise(keyAtMs - helloMs, 30, 6)), "1", KEY_MS, 100,
            Tones.noise(afterKeyMs, 30, 7));
        SippMedia.writeAudioAndKeysPcap(carrierDir.resolve("declines.pcap"),
            Tones.concat(hello, Tones.noise(keyAtMs - helloMs, 30, 8)), "2", KEY_MS, 100, Tones.noise(5_000, 30, 9));
        SippMedia.writeAudioAndKeysPcap(carrierDir.resolve("voicemail.pcap"), voicemail, "", KEY_MS, 0,
            new short[0]);
        SippMedia.writeAudioAndKeysPcap(carrierDir.resolve("short.pcap"),
            Tones.concat(hello, Tones.noise(Math.max(100, shortHangupMs - helloMs), 30, 10)), "", KEY_MS, 0,
            new short[0]);
        SippMedia.writeAudioAndKeysPcap(closersDir.resolve("closer.pcap"),
            Tones.noise(options.closerKeyMs, 30, 11), "1", KEY_MS, 100,
            Tones.noise(Math.max(2_000, options.qualifiedHangupMs - keyAtMs), 30, 12));
        return written;
    }
}
