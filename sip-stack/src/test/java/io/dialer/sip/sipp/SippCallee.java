/*
 * Dialer SIPp interop.
 */
package io.dialer.sip.sipp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A person on a phone with silence suppression, played by SIPp: answers, says a greeting, then sends no RTP at all
 * (no trailing silence, no comfort noise) except RFC 4733 key presses at given times, and waits for the caller's BYE.
 * For tests of the dialer against callees whose phones use voice activity detection (VAD/DTX).
 * <p>
 * {@link #write(Path)} writes into SIPp's work directory:
 * <ul>
 *     <li>{@code greeting.pcap}: the greeting as PCMU, 20 ms packets, with its trailing silence cut off (frames
 *     whose samples all stay within {@value #SILENCE_PEAK}), so the last packet carries speech;</li>
 *     <li>{@code key-1.pcap}, {@code key-2.pcap}, ...: one RFC 4733 key press each (payload type
 *     {@value SippMedia#TELEPHONE_EVENT_PAYLOAD_TYPE}, updates every 20 ms, three end packets);</li>
 *     <li>{@value #SCENARIO}: the UAS scenario, from the resource {@code sipp/uas_greeting_keys.xml} with one
 *     {@code <pause/>} and {@code play_pcap_audio} per key: it answers (PCMU/0, telephone-event/101), plays
 *     {@code greeting.pcap} right after the ACK, plays each key's capture at its time, then waits for the BYE.</li>
 * </ul>
 * SIPp's {@code play_pcap_audio} replays each capture's RTP headers as they are, so the captures are one stream:
 * one SSRC, each capture's sequence numbers continue from the previous capture's, and each key's RTP timestamp is
 * the greeting's first timestamp plus the key's time (8 per ms), as a phone's clock runs on while it sends nothing.
 * With {@link Builder#reuseTimestamps(boolean)} every key carries the first key's timestamp instead, as some gateways
 * and replayed captures do (the dialer must still count each press). Times are from the start of the greeting; a key
 * must start after the previous capture has finished playing (SIPp stops a playing capture to start the next).
 * <p>
 * Example (a SipStack dialing it is in {@code SippSilenceSuppressionTest}):
 * <pre>{@code
 * final SippCallee callee = SippCallee.builder()
 *     .greeting(new TextToSpeech().render("Hello?").samples())
 *     .key('1', 3_000)
 *     .key('1', 6_000)
 *     .key('2', 9_000)
 *     .build();
 * try (Sipp sipp = Sipp.launch(new Sipp.Context().workDir(dir).scenarioFile(callee.write(dir)).calls(1)))
 * {
 *     sipp.awaitListening(Duration.ofSeconds(10));
 *     stack.dial(new DialRequest("sip:callee@" + sipp.hostPort()).detection(DetectorConfig.defaults()), events);
 *     ...
 * }
 * }</pre>
 * Every call of that SIPp plays the same script; run one SIPp per script (or per group of callees sharing one).
 * {@code play_pcap_audio} needs root or CAP_NET_RAW ({@link Sipp#canPlayPcap()}).
 */
public final class SippCallee
{
    /** The scenario file {@link #write(Path)} writes. */
    public static final String SCENARIO = "uas_greeting_keys.xml";
    /** The greeting capture's file name. */
    public static final String GREETING_PCAP = "greeting.pcap";
    /** Samples whose magnitude stays within this are silence, cut from the greeting's end. */
    public static final int SILENCE_PEAK = 64;
    /** Default duration of a key press. */
    public static final int KEY_MS_DEFAULT = 120;

    private static final String TEMPLATE = "/sipp/" + SCENARIO;
    private static final String KEYS_MARKER = "<!-- KEYS -->";
    private static final int FIRST_SEQUENCE = 1000;
    private static final long FIRST_TIMESTAMP = 160_000;
    private static final int SAMPLES_PER_MS = SippMedia.SAMPLE_RATE / 1000;

    private final short[] greeting;
    private final List<Key> keys;
    private final int keyMs;
    private final boolean reuseTimestamps;

    private SippCallee(final Builder builder)
    {
        this.greeting = trimTrailingSilence(builder.greeting);
        this.keys = Collections.unmodifiableList(new ArrayList<>(builder.keys));
        this.keyMs = builder.keyMs;
        this.reuseTimestamps = builder.reuseTimestamps;
    }

    /**
     * A new script.
     *
     * @return its builder.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * The greeting as it is sent: whole 20 ms frames, trailing silence cut.
     *
     * @return 8 kHz linear samples.
     */
    public short[] greeting()
    {
        return greeting.clone();
    }

    /**
     * How long the greeting's packets last, from its first to the end of its last.
     *
     * @return milliseconds.
     */
    public int greetingMs()
    {
        return greeting.length / SAMPLES_PER_MS;
    }

    /**
     * The keys pressed, in order.
     *
     * @return the keys as a string, such as {@code "112"}.
     */
    public String digits()
    {
        final StringBuilder digits = new StringBuilder();
        for (final Key key : keys)
        {
            digits.append(key.digit);
        }
        return digits.toString();
    }

    /**
     * The captures, in playing order: the greeting's, then each key's.
     *
     * @return each capture's pcap bytes.
     */
    public List<byte[]> captures()
    {
        final List<byte[]> captures = new ArrayList<>();
        final SippMedia.RtpTrack greetingTrack = new SippMedia.RtpTrack(FIRST_SEQUENCE, FIRST_TIMESTAMP);
        greetingTrack.audio(SippMedia.toUlaw(greeting));
        captures.add(greetingTrack.pcapBytes());
        int sequence = greetingTrack.sequence();
        for (final Key key : keys)
        {
            final long timestamp = FIRST_TIMESTAMP + (long)(reuseTimestamps ? keys.get(0).atMs : key.atMs) *
                SAMPLES_PER_MS;
            final SippMedia.RtpTrack keyTrack = new SippMedia.RtpTrack(sequence, timestamp);
            keyTrack.keys(String.valueOf(key.digit), keyMs, 0);
            captures.add(keyTrack.pcapBytes());
            sequence = keyTrack.sequence();
        }
        return captures;
    }

    /**
     * Writes the captures and the scenario into SIPp's work directory.
     *
     * @param directory the work directory ({@link Sipp.Context#workDir(Path)}).
     * @return the scenario file, for {@link Sipp.Context#scenarioFile(Path)}.
     * @throws IOException when a file cannot be written or the template read.
     */
    public Path write(final Path directory) throws IOException
    {
        final List<byte[]> captures = captures();
        Files.write(directory.resolve(GREETING_PCAP), captures.get(0));
        final StringBuilder plays = new StringBuilder();
        int previousMs = 0;
        for (int i = 0; i < keys.size(); i++)
        {
            final String file = keyPcap(i + 1);
            Files.write(directory.resolve(file), captures.get(i + 1));
            final Key key = keys.get(i);
            plays.append("<pause milliseconds=\"").append(key.atMs - previousMs).append("\"/>\n")
                .append("  <nop>\n    <action>\n      <exec play_pcap_audio=\"").append(file)
                .append("\"/>\n    </action>\n  </nop>\n\n  ");
            previousMs = key.atMs;
        }
        final String template;
        try (InputStream in = SippCallee.class.getResourceAsStream(TEMPLATE))
        {
            if (null == in)
            {
                throw new IOException("no scenario " + TEMPLATE + " on the class path");
            }
            template = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        if (!template.contains(KEYS_MARKER))
        {
            throw new IOException(TEMPLATE + " has no " + KEYS_MARKER + " line");
        }
        final Path scenario = directory.resolve(SCENARIO);
        Files.writeString(scenario, template.replace(KEYS_MARKER, plays.toString()), StandardCharsets.ISO_8859_1);
        return scenario;
    }

    /**
     * The file name of a key's capture.
     *
     * @param index 1 for the first key.
     * @return such as {@code key-1.pcap}.
     */
    public static String keyPcap(final int index)
    {
        return "key-" + index + ".pcap";
    }

    private static short[] trimTrailingSilence(final short[] samples)
    {
        int frames = samples.length / SippMedia.FRAME_SAMPLES;
        while (frames > 0 && silent(samples, (frames - 1) * SippMedia.FRAME_SAMPLES))
        {
            frames--;
        }
        final short[] trimmed = new short[frames * SippMedia.FRAME_SAMPLES];
        System.arraycopy(samples, 0, trimmed, 0, trimmed.length);
        return trimmed;
    }

    private static boolean silent(final short[] samples, final int offset)
    {
        for (int i = offset; i < offset + SippMedia.FRAME_SAMPLES; i++)
        {
            if (Math.abs(samples[i]) > SILENCE_PEAK)
            {
                return false;
            }
        }
        return true;
    }

    private record Key(char digit, int atMs)
    {
    }

    /**
     * Builds a {@link SippCallee}.
     */
    public static final class Builder
    {
        private short[] greeting = new short[0];
        private final List<Key> keys = new ArrayList<>();
        private int keyMs = KEY_MS_DEFAULT;
        private boolean reuseTimestamps;

        private Builder()
        {
        }

        /**
         * What the person says on answering, e.g. rendered speech; trailing silence is cut.
         *
         * @param samples 8 kHz linear samples.
         * @return this.
         */
        public Builder greeting(final short[] samples)
        {
            this.greeting = samples.clone();
            return this;
        }

        /**
         * A key press at a time from the start of the greeting; keys in order.
         *
         * @param digit {@code 0-9 * # A-D}.
         * @param atMs  when it starts, after the greeting and the previous key have been played.
         * @return this.
         */
        public Builder key(final char digit, final int atMs)
        {
            SippMedia.eventCode(digit);
            keys.add(new Key(digit, atMs));
            return this;
        }

        /**
         * Duration of every key press.
         *
         * @param milliseconds 40 or more.
         * @return this.
         */
        public Builder keyMs(final int milliseconds)
        {
            this.keyMs = milliseconds;
            return this;
        }

        /**
         * Whether every key's packets carry the first key's RTP timestamp, as replayed captures and some gateways
         * send them; otherwise each key's timestamp follows the time elapsed.
         *
         * @param reuse true to reuse one timestamp.
         * @return this.
         */
        public Builder reuseTimestamps(final boolean reuse)
        {
            this.reuseTimestamps = reuse;
            return this;
        }

        /**
         * Checks the script: a greeting, keys in order, each after the previous capture has finished playing.
         *
         * @return the script.
         * @throws IllegalStateException when a key overlaps the capture before it.
         */
        public SippCallee build()
        {
            if (keyMs < 40)
            {
                throw new IllegalStateException("a key press lasts 40 ms or more: " + keyMs);
            }
            final SippCallee callee = new SippCallee(this);
            if (0 == callee.greeting.length)
            {
                throw new IllegalStateException("no greeting (or only silence)");
            }
            int freeFromMs = callee.greetingMs();
            final int keyCaptureMs = keyMs + 2 * SippMedia.FRAME_SAMPLES / SAMPLES_PER_MS;
            for (final Key key : keys)
            {
                if (key.atMs < freeFromMs)
                {
                    throw new IllegalStateException("key '" + key.digit + "' at " + key.atMs +
                        " ms starts before the previous capture has played (until " + freeFromMs + " ms)");
                }
                freeFromMs = key.atMs + keyCaptureMs;
            }
            return callee;
        }
    }
}
