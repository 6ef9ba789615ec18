/*
 * Demo population.
 */
package io.dialer.sim.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sip.DtmfSource;

/**
 * The simulated people the demo campaign ({@code examples/auto-insurance.yaml}) calls: N leads in Dallas, Texas, each
 * of a {@link Kind} (qualifies, does not qualify, opts out, voicemail, busy, no answer, hangs up), and M closers who
 * accept, reject or never answer. For a seed the population is always the same: numbers, names, kinds and their
 * order. It writes the lead list CSV and the closers YAML the campaign reads, registers every phone's
 * {@link PhoneScript} on a {@link SimulatedCarrier}, and knows the outcome each lead should end with, for the demo's
 * report and the end-to-end test.
 * <pre>{@code
 * try (SimulatedCarrier carrier = SimulatedCarrier.launch(context))
 * {
 *     final DemoPopulation population = DemoPopulation.create(42, 20, 4).install(carrier, dir, new TextToSpeech());
 *     // campaign: leads = population.leadsCsv(), closers = population.closersYaml(), trunk = carrier
 *     System.out.println(population.describe());
 *     final DemoPopulation.Expected expected = population.expected("+12145550100");
 * }
 * }</pre>
 * Each lead's script is registered under three Request-URI users: the E.164 number ({@code +12145550100}), the same
 * without {@code +} ({@code 12145550100}) and the national number ({@code 2145550100}). Closers are registered under
 * their id, and their URIs are {@code sip:<id>@127.0.0.1:<carrier port>}.
 */
public final class DemoPopulation
{
    /** The campaign's {@code retries.max_attempts} the expected attempt counts assume. */
    public static final int MAX_ATTEMPTS = 3;

    /** Silence after the dialer's prompt after which a person answers (longer than the pauses in its prompts). */
    public static final long ANSWER_SILENCE_MS = 800;

    /** The keys of a person who qualifies: owns a car, ZIP 75201, age 34, wants a quote today. */
    public static final List<String> QUALIFYING_ANSWERS = List.of("1", "75201#", "34#", "1");

    /** The keys of a person who does not qualify: no car. */
    public static final List<String> NOT_QUALIFYING_ANSWERS = List.of("2");

    /** The opt-out key of the script. */
    public static final char OPT_OUT_KEY = '*';

    /** The skill every closer has: the script's qualified outcome's. */
    public static final String SKILL = "auto-closers";

    /** File name of the lead list written by {@link #writeFiles(Path, int)}. */
    public static final String LEADS_FILE = "demo-leads.csv";

    /** File name of the closers file written by {@link #writeFiles(Path, int)}. */
    public static final String CLOSERS_FILE = "demo-closers.yaml";

    /** Lead list header. */
    public static final String CSV_HEADER = "phone,first_name,last_name,city,state,zip";

    /** How much of the greeting a person who opts out hears before pressing {@link #OPT_OUT_KEY}. */
    public static final long OPT_OUT_HEARD_MS = 1_000;

    /** How much of the greeting a person who hangs up hears before hanging up. */
    public static final long HANG_UP_HEARD_MS = 1_500;

    /** How long a voicemail keeps recording after its greeting before hanging up, if the dialer has not. */
    public static final long VOICEMAIL_LISTEN_MS = 15_000;

    /** How much of the briefing a closer hears before pressing 1 (accept) or 9 (reject). */
    public static final long BRIEFING_HEARD_MS = 1_500;

    /** A closer decides this long after answering even if the briefing was not heard. */
    public static final long DECISION_FALLBACK_MS = 8_000;

    /** How long a closer who accepted stays with the caller before hanging up. */
    public static final long CLOSER_TALK_MS = 2_000;

    /** A phone that answered hangs up after this long whatever happens (a safety net for the demo). */
    public static final long SAFETY_HANGUP_MS = 180_000;

    /** Most closers a population can have. */
    public static final int MAX_CLOSERS = 8;

    private static final String HOST = "127.0.0.1";
    private static final String STATE = "TX";
    private static final String ZONE = "America/Chicago";
    private static final String CALLER_ID_NATIONAL = "2145550199";
    private static final int[] AREA_CODES = {214, 469, 972};
    private static final int FIRST_LINE = 100;
    private static final int LAST_LINE = 9_999;
    private static final long MIN_RING_MS = 200;
    private static final int RING_SPREAD_MS = 1_000;
    private static final long FALLBACK_MS = 20_000;

    private static final String[][] CITIES =
    {
        {"Dallas", "75201"}, {"Dallas", "75204"}, {"Dallas", "75214"}, {"Irving", "75038"}, {"Plano", "75024"},
        {"Garland", "75040"}, {"Richardson", "75080"}, {"Mesquite", "75150"},
    };
    private static final String[] FIRST_NAMES =
    {
        "Ana", "Brian", "Carmen", "David", "Elena", "Frank", "Grace", "Hector", "Irene", "James", "Karen", "Luis",
        "Maria", "Nathan", "Olivia", "Pedro", "Quinn", "Rosa", "Samuel", "Tara", "Victor", "Wendy", "Xavier", "Yolanda",
    };
    private static final String[] LAST_NAMES =
    {
        "Ruiz", "Okafor", "Vega", "Nguyen", "Garcia", "Miller", "Johnson", "Martinez", "Brown", "Lopez", "Davis",
        "Hernandez", "Wilson", "Anderson", "Thomas", "Moore", "Jackson", "Lee", "Perez", "White", "Harris", "Clark",
    };
    private static final String[][] CLOSER_NAMES =
    {
        {"dana", "Dana Lee"}, {"marcus", "Marcus Hill"}, {"priya", "Priya Shah"}, {"sam", "Sam Ortiz"},
        {"jordan", "Jordan Price"}, {"kim", "Kim Tran"}, {"alex", "Alex Moreno"}, {"robin", "Robin Fox"},
    };

    /**
     * What a lead does when called, the disposition the dialer should record and whether it is final.
     */
    public enum Kind
    {
        /** Says hello, then answers 1, 75201#, 34#, 1: qualified and handed to a closer. */
        QUALIFIES("TRANSFERRED", true, 30, "say hello, answer 1, 75201#, 34#, 1: qualified, transferred"),
        /** Says hello, then answers 2 (no car): disqualified. */
        NOT_QUALIFIED("DISQUALIFIED", true, 15, "say hello, answer 2 (no car): disqualified"),
        /** Says hello, then presses * about a second into the greeting. */
        OPTS_OUT("OPTED_OUT", true, 10, "say hello, press * during the greeting: opted out"),
        /** A voicemail: greeting, beep, records the message. */
        VOICEMAIL("MESSAGE_LEFT", true, 15, "voicemail greeting and beep: message left"),
        /** Busy (486) every time. */
        BUSY("BUSY", false, 10, "busy every time"),
        /** Rings until the dialer gives up, every time. */
        NO_ANSWER("NO_ANSWER", false, 10, "ring, never answer"),
        /** Says hello and hangs up during the greeting, every time. */
        HANGS_UP("HUNG_UP", false, 10, "say hello, hang up during the greeting");

        private final String disposition;
        private final boolean finalDisposition;
        private final int weight;
        private final String description;

        Kind(final String disposition, final boolean finalDisposition, final int weight, final String description)
        {
            this.disposition = disposition;
            this.finalDisposition = finalDisposition;
            this.weight = weight;
            this.description = description;
        }

        /**
         * The disposition of the lead's last call, as the dialer names it ({@code TRANSFERRED}, {@code BUSY}...): the
         * test kit does not depend on the engine.
         *
         * @return the disposition's name.
         */
        public String disposition()
        {
            return disposition;
        }

        /**
         * Share of the population, in percent.
         *
         * @return the weight.
         */
        public int weight()
        {
            return weight;
        }

        /**
         * What such a lead does, in words.
         *
         * @return the description.
         */
        public String description()
        {
            return description;
        }

        /**
         * Calls the lead gets: one when its disposition is final, else every attempt allowed.
         *
         * @param maxAttempts the campaign's {@code retries.max_attempts}.
         * @return the number of calls.
         */
        public int attempts(final int maxAttempts)
        {
            return finalDisposition ? 1 : maxAttempts;
        }
    }

    /**
     * What a closer does when offered a caller.
     */
    public enum CloserKind
    {
        /** Answers, hears the briefing, presses 1, talks {@link #CLOSER_TALK_MS} with the caller and hangs up. */
        ACCEPTS("accepts (1) after the briefing"),
        /** Answers, hears the briefing, presses 9. */
        REJECTS("rejects (9) after the briefing"),
        /** Rings until the dialer gives up. */
        NEVER_ANSWERS("never answers");

        private final String description;

        CloserKind(final String description)
        {
            this.description = description;
        }

        /**
         * What such a closer does, in words.
         *
         * @return the description.
         */
        public String description()
        {
            return description;
        }
    }

    /**
     * The outcome a lead should end with.
     *
     * @param kind        what the lead does.
     * @param disposition the name of the disposition of its last call.
     * @param attempts    how many calls it gets with {@link #MAX_ATTEMPTS}.
     */
    public record Expected(Kind kind, String disposition, int attempts)
    {
    }

    /**
     * One lead.
     *
     * @param index     position in the lead list, from 0.
     * @param e164      the number, E.164 ({@code +12145550100}).
     * @param firstName first name.
     * @param lastName  last name.
     * @param city      city.
     * @param zip       ZIP code.
     * @param kind      what the lead does.
     * @param variant   which hello or greeting it plays, and its ring time.
     */
    public record Lead(
        int index, String e164, String firstName, String lastName, String city, String zip, Kind kind, int variant)
    {
        /**
         * The outcome the lead should end with.
         *
         * @return the expectation.
         */
        public Expected expected()
        {
            return new Expected(kind, kind.disposition(), kind.attempts(MAX_ATTEMPTS));
        }
    }

    /**
     * One closer.
     *
     * @param id   closer id, also the carrier user its URI names.
     * @param name display name.
     * @param kind what the closer does.
     */
    public record DemoCloser(String id, String name, CloserKind kind)
    {
    }

    private final long seed;
    private final List<Lead> leads;
    private final List<DemoCloser> closers;
    private final Map<String, Lead> leadsByNumber = new HashMap<>();
    private final Map<Kind, Integer> kindCounts = new EnumMap<>(Kind.class);
    private Path leadsCsv;
    private Path closersYaml;

    private DemoPopulation(final long seed, final List<Lead> leads, final List<DemoCloser> closers)
    {
        this.seed = seed;
        this.leads = List.copyOf(leads);
        this.closers = List.copyOf(closers);
        for (final Kind kind : Kind.values())
        {
            kindCounts.put(kind, 0);
        }
        for (final Lead lead : leads)
        {
            leadsByNumber.put(lead.e164(), lead);
            kindCounts.merge(lead.kind(), 1, Integer::sum);
        }
    }

    /**
     * Plans a population: numbers, names, kinds (by {@link Kind#weight()}, largest remainder, at least one of each
     * kind when {@code leadCount >= 10}) shuffled by the seed, and closers: with 3 or more, the first always rejects;
     * with 4 or more, the last never answers; the others accept. Nothing is written or registered yet.
     *
     * @param seed        the seed: the same seed gives the same population.
     * @param leadCount   number of leads, 1 or more.
     * @param closerCount number of closers, 1 to {@value #MAX_CLOSERS}.
     * @return the population.
     */
    public static DemoPopulation create(final long seed, final int leadCount, final int closerCount)
    {
        if (leadCount < 1)
        {
            throw new IllegalArgumentException("at least one lead: " + leadCount);
        }
        if (closerCount < 1 || closerCount > MAX_CLOSERS)
        {
            throw new IllegalArgumentException("closers must be 1 to " + MAX_CLOSERS + ": " + closerCount);
        }
        final Random random = new Random(seed);
        final List<Kind> kinds = mix(leadCount);
        Collections.shuffle(kinds, random);
        final List<String> numbers = numbers(leadCount);
        final List<Lead> leads = new ArrayList<>(leadCount);
        for (int i = 0; i < leadCount; i++)
        {
            final String[] city = CITIES[random.nextInt(CITIES.length)];
            leads.add(new Lead(i, numbers.get(i), FIRST_NAMES[random.nextInt(FIRST_NAMES.length)],
                LAST_NAMES[random.nextInt(LAST_NAMES.length)], city[0], city[1], kinds.get(i), random.nextInt(1_000)));
        }
        final List<DemoCloser> closers = new ArrayList<>(closerCount);
        for (int i = 0; i < closerCount; i++)
        {
            final CloserKind kind;
            if (closerCount >= 3 && 0 == i)
            {
                kind = CloserKind.REJECTS;
            }
            else if (closerCount >= 4 && closerCount - 1 == i)
            {
                kind = CloserKind.NEVER_ANSWERS;
            }
            else
            {
                kind = CloserKind.ACCEPTS;
            }
            closers.add(new DemoCloser(CLOSER_NAMES[i][0], CLOSER_NAMES[i][1], kind));
        }
        return new DemoPopulation(seed, leads, closers);
    }

    /**
     * How many leads of each kind: weights by largest remainder (ties to the earlier kind), then at least one of
     * each kind when there are enough leads, taken from the largest kind.
     *
     * @param leadCount number of leads.
     * @return one kind per lead, grouped by kind in declaration order.
     */
    static List<Kind> mix(final int leadCount)
    {
        final Kind[] kinds = Kind.values();
        int totalWeight = 0;
        for (final Kind kind : kinds)
        {
            totalWeight += kind.weight();
        }
        final int[] counts = new int[kinds.length];
        final long[] remainders = new long[kinds.length];
        int assigned = 0;
        for (int k = 0; k < kinds.length; k++)
        {
            final long share = (long)leadCount * kinds[k].weight();
            counts[k] = (int)(share / totalWeight);
            remainders[k] = share % totalWeight;
            assigned += counts[k];
        }
        while (assigned < leadCount)
        {
            int best = 0;
            for (int k = 1; k < kinds.length; k++)
            {
                if (remainders[k] > remainders[best])
                {
                    best = k;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            assigned++;
        }
        if (leadCount >= 10)
        {
            for (int k = 0; k < kinds.length; k++)
            {
                if (0 == counts[k])
                {
                    int largest = 0;
                    for (int j = 1; j < kinds.length; j++)
                    {
                        largest = counts[j] > counts[largest] ? j : largest;
                    }
                    counts[largest]--;
                    counts[k]++;
                }
            }
        }
        final List<Kind> mix = new ArrayList<>(leadCount);
        for (int k = 0; k < kinds.length; k++)
        {
            for (int i = 0; i < counts[k]; i++)
            {
                mix.add(kinds[k]);
            }
        }
        return mix;
    }

    /**
     * Distinct Dallas numbers ({@code +1 214/469/972 555 0100} on), every one valid for libphonenumber and in
     * {@code America/Chicago} only; the demo campaign's caller id is skipped.
     */
    private static List<String> numbers(final int count)
    {
        final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        final PhoneNumberToTimeZonesMapper zones = PhoneNumberToTimeZonesMapper.getInstance();
        final List<String> numbers = new ArrayList<>(count);
        for (int line = FIRST_LINE; line <= LAST_LINE && numbers.size() < count; line++)
        {
            for (int a = 0; a < AREA_CODES.length && numbers.size() < count; a++)
            {
                final String national = String.format(Locale.ROOT, "%d555%04d", AREA_CODES[a], line);
                final PhoneNumber number = new PhoneNumber()
                    .setCountryCode(1)
                    .setNationalNumber(Long.parseLong(national));
                if (!CALLER_ID_NATIONAL.equals(national) && util.isValidNumber(number) &&
                    List.of(ZONE).equals(zones.getTimeZonesForNumber(number)))
                {
                    numbers.add("+1" + national);
                }
            }
        }
        if (numbers.size() < count)
        {
            throw new IllegalArgumentException("at most " + numbers.size() + " demo leads: " + count);
        }
        return numbers;
    }

    /**
     * Writes the lead list and closers files, then registers every phone on the carrier: a convenience for
     * {@link #writeFiles(Path, int)} with the carrier's port and {@link #registerScripts(SimulatedCarrier,
     * TextToSpeech)}.
     *
     * @param carrier   the simulated carrier (listening on 127.0.0.1).
     * @param directory where the files go; created if missing.
     * @param tts       renders the hellos and greetings (blocking, once per text).
     * @return this.
     * @throws IOException when a file cannot be written or a voice cannot be rendered.
     */
    public DemoPopulation install(final SimulatedCarrier carrier, final Path directory, final TextToSpeech tts)
        throws IOException
    {
        writeFiles(directory, carrier.stack().port());
        return registerScripts(carrier, tts);
    }

    /**
     * Writes {@value #LEADS_FILE} and {@value #CLOSERS_FILE} into a directory.
     *
     * @param directory   where the files go; created if missing.
     * @param carrierPort the simulated carrier's SIP port, named in the closers' URIs.
     * @return this.
     * @throws IOException when a file cannot be written.
     */
    public DemoPopulation writeFiles(final Path directory, final int carrierPort) throws IOException
    {
        Files.createDirectories(directory);
        final Path csv = directory.resolve(LEADS_FILE);
        final Path yaml = directory.resolve(CLOSERS_FILE);
        Files.writeString(csv, leadsCsvText(), StandardCharsets.UTF_8);
        Files.writeString(yaml, closersYamlText(carrierPort), StandardCharsets.UTF_8);
        leadsCsv = csv;
        closersYaml = yaml;
        return this;
    }

    /**
     * Registers every lead's and closer's script on a carrier; renders the voices first (blocking).
     *
     * @param carrier the simulated carrier.
     * @param tts     renders the hellos and greetings.
     * @return this.
     * @throws IOException when a voice cannot be rendered.
     */
    public DemoPopulation registerScripts(final SimulatedCarrier carrier, final TextToSpeech tts) throws IOException
    {
        final DemoVoices voices = DemoVoices.render(tts);
        for (final Lead lead : leads)
        {
            final PhoneScript script = leadScript(lead, voices);
            carrier.script(lead.e164(), script);
            carrier.script(lead.e164().substring(1), script);
            carrier.script(lead.e164().substring(2), script);
        }
        for (int i = 0; i < closers.size(); i++)
        {
            final DemoCloser closer = closers.get(i);
            carrier.script(closer.id(), closerScript(closer.kind(), i));
        }
        return this;
    }

    static PhoneScript leadScript(final Lead lead, final DemoVoices voices)
    {
        final PhoneScript.Builder script = PhoneScript.builder()
            .answerAfterMs(MIN_RING_MS + lead.variant() % RING_SPREAD_MS)
            .hangupAfterMs(SAFETY_HANGUP_MS);
        switch (lead.kind())
        {
            case QUALIFIES:
                script.play(voices.hello(lead.variant()), 0, false)
                    .answerWhenAsked(QUALIFYING_ANSWERS, ANSWER_SILENCE_MS);
                break;

            case NOT_QUALIFIED:
                script.play(voices.hello(lead.variant()), 0, false)
                    .answerWhenAsked(NOT_QUALIFYING_ANSWERS, ANSWER_SILENCE_MS);
                break;

            case OPTS_OUT:
                script.play(voices.hello(lead.variant()), 0, false)
                    .pressAfterHeard(OPT_OUT_KEY, OPT_OUT_HEARD_MS, FALLBACK_MS, DtmfSource.RFC4733);
                break;

            case VOICEMAIL:
                voicemail(script, voices.greeting(lead.variant()));
                break;

            case BUSY:
                script.busy();
                break;

            case NO_ANSWER:
                script.ringForever();
                break;

            case HANGS_UP:
                script.play(voices.hello(lead.variant()), 0, false).hangupAfterHeard(HANG_UP_HEARD_MS, FALLBACK_MS);
                break;

            default:
                throw new IllegalStateException(lead.kind().name());
        }
        return script.build();
    }

    private static void voicemail(final PhoneScript.Builder script, final Prompt greeting)
    {
        script.play(greeting, 0, false).hangupAfterMs(greeting.durationMs() + VOICEMAIL_LISTEN_MS);
    }

    static PhoneScript closerScript(final CloserKind kind, final int index)
    {
        final PhoneScript.Builder script = PhoneScript.builder()
            .answerAfterMs(MIN_RING_MS + index * 150L)
            .hangupAfterMs(SAFETY_HANGUP_MS);
        switch (kind)
        {
            case ACCEPTS:
                script.acceptAfterBriefing(BRIEFING_HEARD_MS, DECISION_FALLBACK_MS).hangupAfterKeyMs(CLOSER_TALK_MS);
                break;

            case REJECTS:
                script.rejectAfterBriefing(BRIEFING_HEARD_MS, DECISION_FALLBACK_MS);
                break;

            default:
                script.ringForever();
                break;
        }
        return script.build();
    }

    /**
     * The lead list: {@value #CSV_HEADER}, one row per lead in index order.
     *
     * @return the CSV text.
     */
    public String leadsCsvText()
    {
        final StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (final Lead lead : leads)
        {
            csv.append(lead.e164()).append(',').append(lead.firstName()).append(',').append(lead.lastName())
                .append(',').append(lead.city()).append(',').append(STATE).append(',').append(lead.zip()).append('\n');
        }
        return csv.toString();
    }

    /**
     * The closers file, in the format of {@code examples/closers.yaml}.
     *
     * @param carrierPort the simulated carrier's SIP port.
     * @return the YAML text.
     */
    public String closersYamlText(final int carrierPort)
    {
        final StringBuilder yaml = new StringBuilder()
            .append("# Demo closers (seed ").append(seed).append("), phones on the simulated carrier.\n")
            .append("closers:\n");
        for (final DemoCloser closer : closers)
        {
            yaml.append("  - id: ").append(closer.id()).append("          # ").append(closer.kind().description())
                .append('\n')
                .append("    name: ").append(closer.name()).append('\n')
                .append("    uri: ").append(closerUri(closer, carrierPort)).append('\n')
                .append("    skills: [").append(SKILL).append("]\n");
        }
        return yaml.toString();
    }

    /**
     * A closer's SIP URI on the simulated carrier.
     *
     * @param closer      the closer.
     * @param carrierPort the carrier's port.
     * @return {@code sip:<id>@127.0.0.1:<port>}.
     */
    public static String closerUri(final DemoCloser closer, final int carrierPort)
    {
        return "sip:" + closer.id() + "@" + HOST + ":" + carrierPort;
    }

    /**
     * The lead list written by {@link #writeFiles(Path, int)}.
     *
     * @return the path.
     * @throws IllegalStateException before the files are written.
     */
    public Path leadsCsv()
    {
        if (null == leadsCsv)
        {
            throw new IllegalStateException("files not written yet");
        }
        return leadsCsv;
    }

    /**
     * The closers file written by {@link #writeFiles(Path, int)}.
     *
     * @return the path.
     * @throws IllegalStateException before the files are written.
     */
    public Path closersYaml()
    {
        if (null == closersYaml)
        {
            throw new IllegalStateException("files not written yet");
        }
        return closersYaml;
    }

    /**
     * The seed.
     *
     * @return the seed.
     */
    public long seed()
    {
        return seed;
    }

    /**
     * The leads in list order.
     *
     * @return the leads.
     */
    public List<Lead> leads()
    {
        return leads;
    }

    /**
     * The closers in file order.
     *
     * @return the closers.
     */
    public List<DemoCloser> closers()
    {
        return closers;
    }

    /**
     * A lead by its place in the list.
     *
     * @param leadIndex from 0.
     * @return the lead.
     */
    public Lead lead(final int leadIndex)
    {
        return leads.get(leadIndex);
    }

    /**
     * A lead by number.
     *
     * @param number E.164 ({@code +12145550100}), with or without {@code +}, or the 10-digit national number.
     * @return the lead, or null when none has that number.
     */
    public Lead lead(final String number)
    {
        final String digits = number.startsWith("+") ? number.substring(1) : number;
        return leadsByNumber.get(digits.length() == 10 ? "+1" + digits : "+" + digits);
    }

    /**
     * The outcome a lead should end with.
     *
     * @param leadIndex from 0.
     * @return the expectation.
     */
    public Expected expected(final int leadIndex)
    {
        return lead(leadIndex).expected();
    }

    /**
     * The outcome a lead should end with.
     *
     * @param number as for {@link #lead(String)}.
     * @return the expectation, or null when no lead has that number.
     */
    public Expected expected(final String number)
    {
        final Lead lead = lead(number);
        return null == lead ? null : lead.expected();
    }

    /**
     * How many leads are of a kind.
     *
     * @param kind the kind.
     * @return the count.
     */
    public int count(final Kind kind)
    {
        return kindCounts.get(kind);
    }

    /**
     * How many leads are of each kind, every kind present (0 when none).
     *
     * @return counts in {@link Kind} order.
     */
    public Map<Kind, Integer> kindCounts()
    {
        return Collections.unmodifiableMap(kindCounts);
    }

    /**
     * How many leads should end with each disposition.
     *
     * @return counts by disposition name, only those expected.
     */
    public Map<String, Integer> expectedDispositions()
    {
        final Map<String, Integer> counts = new TreeMap<>();
        for (final Lead lead : leads)
        {
            counts.merge(lead.kind().disposition(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * How many calls should end with each disposition: each lead's disposition once per call it takes (a busy lead:
     * three busy calls), as the campaign report counts them.
     *
     * @return counts by disposition name, only those expected.
     */
    public Map<String, Integer> expectedCallsByDisposition()
    {
        final Map<String, Integer> counts = new TreeMap<>();
        for (final Lead lead : leads)
        {
            counts.merge(lead.kind().disposition(), lead.kind().attempts(MAX_ATTEMPTS), Integer::sum);
        }
        return counts;
    }

    /**
     * Calls the dialer should make in all, with {@link #MAX_ATTEMPTS}.
     *
     * @return the number of calls.
     */
    public int expectedCalls()
    {
        int calls = 0;
        for (final Lead lead : leads)
        {
            calls += lead.kind().attempts(MAX_ATTEMPTS);
        }
        return calls;
    }

    /**
     * The population in words, for the demo's output: each kind with its count and expected disposition, then the
     * closers.
     *
     * @return the text, several lines.
     */
    public String describe()
    {
        final StringBuilder text = new StringBuilder()
            .append(leads.size()).append(" simulated leads (seed ").append(seed).append("), Dallas TX, ")
            .append(closers.size()).append(" closers:\n");
        for (final Kind kind : Kind.values())
        {
            final int count = kindCounts.get(kind);
            if (count > 0)
            {
                final int attempts = kind.attempts(MAX_ATTEMPTS);
                text.append(String.format(Locale.ROOT, "  %3d %-14s %s -> %s, %d call%s%n", count,
                    kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), kind.description(),
                    kind.disposition().toLowerCase(Locale.ROOT), attempts, 1 == attempts ? "" : "s"));
            }
        }
        for (final DemoCloser closer : closers)
        {
            text.append(String.format(Locale.ROOT, "  closer %-8s %s%n", closer.id(), closer.kind().description()));
        }
        text.append(String.format(Locale.ROOT, "  expected: %d calls in all (max attempts %d)%n",
            expectedCalls(), MAX_ATTEMPTS));
        return text.toString();
    }
}
