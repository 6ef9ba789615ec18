/*
 * Answering-machine detection.
 */
package io.dialer.detection;

/**
 * Immutable parameters of an {@link AnsweringMachineDetector}. The defaults work on ordinary lines; a campaign may
 * tune them through {@link #builder()}. All durations are in milliseconds of audio.
 */
public final class DetectorConfig
{
    /**
     * Default for {@link Builder#initialSilenceMs(int)}: Silence from the answer after which the verdict is NOTSURE
     * (INITIAL_SILENCE).
     */
    public static final int INITIAL_SILENCE_MS_DEFAULT = 5000;
    /**
     * Default for {@link Builder#humanSilenceMs(int)}: Silence after a short greeting that ends as a question (its
     * pitch rising) that makes it HUMAN.
     */
    public static final int HUMAN_SILENCE_MS_DEFAULT = 340;
    /**
     * Default for {@link Builder#statementSilenceMs(int)}: Silence after a short greeting whose pitch does not rise at
     * its end (a statement such as "Hello." or "Tom.", as voicemail greetings open) that makes it HUMAN.
     */
    public static final int STATEMENT_SILENCE_MS_DEFAULT = 1000;
    /**
     * Default for {@link Builder#questionRiseCents(int)}: Rise of the pitch over the last 300 ms of a short greeting,
     * in cents above its lowest point there, that makes it a question ("Hello?"); 0 treats every short greeting as a
     * question (timing only).
     */
    public static final int QUESTION_RISE_CENTS_DEFAULT = 60;
    /**
     * Default for {@link Builder#shortGreetingMs(int)}: Longest greeting, from first to last speech, that counts as
     * short.
     */
    public static final int SHORT_GREETING_MS_DEFAULT = 700;
    /** Default for {@link Builder#longGreetingMs(int)}: Greeting span from which the long-greeting silence applies. */
    public static final int LONG_GREETING_MS_DEFAULT = 1600;
    /** Default for {@link Builder#longGreetingSilenceMs(int)}: Silence after a long greeting that makes it HUMAN. */
    public static final int LONG_GREETING_SILENCE_MS_DEFAULT = 1400;
    /**
     * Default for {@link Builder#sentencePauseMs(int)}: Pause within a greeting, after more than a short greeting,
     * that separates sentences.
     */
    public static final int SENTENCE_PAUSE_MS_DEFAULT = 350;
    /**
     * Default for {@link Builder#machineSentences(int)}: Pauses between sentences that make the greeting a machine's
     * (0: off).
     */
    public static final int MACHINE_SENTENCES_DEFAULT = 1;
    /**
     * Default for {@link Builder#maxHumanGreetingMs(int)}: Speech span beyond which the greeting is a machine's
     * (LONG_GREETING).
     */
    public static final int MAX_HUMAN_GREETING_MS_DEFAULT = 6500;
    /** Default for {@link Builder#maxAnalysisMs(int)}: Audio after which an undecided call is NOTSURE (TOO_LONG). */
    public static final int MAX_ANALYSIS_MS_DEFAULT = 9000;
    /** Default for {@link Builder#minSpeechMs(int)}: Shortest burst of energy that counts as speech. */
    public static final int MIN_SPEECH_MS_DEFAULT = 60;
    /**
     * Default for {@link Builder#voiceOnDb(int)}: Energy above the adaptive noise floor, in dB, at which speech
     * starts.
     */
    public static final int VOICE_ON_DB_DEFAULT = 7;
    /**
     * Default for {@link Builder#voiceOffDb(int)}: Energy above the adaptive noise floor, in dB, below which speech
     * stops.
     */
    public static final int VOICE_OFF_DB_DEFAULT = 4;
    /**
     * Default for {@link Builder#minEnergyDb(int)}: Absolute frame energy, in dB re one 16-bit step, below which a
     * frame is always silence.
     */
    public static final int MIN_ENERGY_DB_DEFAULT = 30;
    /**
     * Default for {@link Builder#tonePercent(int)}: Share of a frame's energy, in percent, that one frequency must
     * hold for the frame to be a tone.
     */
    public static final int TONE_PERCENT_DEFAULT = 80;
    /** Default for {@link Builder#minBeepMs(int)}: Shortest sustained tone that counts as a beep. */
    public static final int MIN_BEEP_MS_DEFAULT = 180;
    /** Default for {@link Builder#minBeepHz(int)}: Lowest beep frequency. */
    public static final int MIN_BEEP_HZ_DEFAULT = 350;
    /** Default for {@link Builder#maxBeepHz(int)}: Highest beep frequency. */
    public static final int MAX_BEEP_HZ_DEFAULT = 2050;
    /**
     * Default for {@link Builder#beepConfirmMs(int)}: Quiet after a tone needed to confirm that it was the beep
     * (speech resuming cancels it).
     */
    public static final int BEEP_CONFIRM_MS_DEFAULT = 160;
    /**
     * Default for {@link Builder#noBeepSilenceMs(int)}: Silence after a machine's last speech after which the
     * greeting ended without a beep.
     */
    public static final int NO_BEEP_SILENCE_MS_DEFAULT = 4000;
    /**
     * Default for {@link Builder#maxBeepWaitMs(int)}: Audio position after which a machine's greeting is reported as
     * ended without a beep.
     */
    public static final int MAX_BEEP_WAIT_MS_DEFAULT = 45000;
    /**
     * Default for {@link Builder#lateBeepMs(int)}: How long, after a HUMAN or NOTSURE verdict, the detector keeps
     * listening for a voicemail beep, reported as {@link DetectionListener#onLateBeep(int, int)} (a machine after
     * all); 0 stops at the verdict.
     */
    public static final int LATE_BEEP_MS_DEFAULT = 10000;

    private static final DetectorConfig DEFAULTS = new Builder().build();

    private final int initialSilenceMs;
    private final int humanSilenceMs;
    private final int statementSilenceMs;
    private final int questionRiseCents;
    private final int shortGreetingMs;
    private final int longGreetingMs;
    private final int longGreetingSilenceMs;
    private final int sentencePauseMs;
    private final int machineSentences;
    private final int maxHumanGreetingMs;
    private final int maxAnalysisMs;
    private final int minSpeechMs;
    private final int voiceOnDb;
    private final int voiceOffDb;
    private final int minEnergyDb;
    private final int tonePercent;
    private final int minBeepMs;
    private final int minBeepHz;
    private final int maxBeepHz;
    private final int beepConfirmMs;
    private final int noBeepSilenceMs;
    private final int maxBeepWaitMs;
    private final int lateBeepMs;

    private DetectorConfig(final Builder builder)
    {
        this.initialSilenceMs = builder.initialSilenceMs;
        this.humanSilenceMs = builder.humanSilenceMs;
        this.statementSilenceMs = builder.statementSilenceMs;
        this.questionRiseCents = builder.questionRiseCents;
        this.shortGreetingMs = builder.shortGreetingMs;
        this.longGreetingMs = builder.longGreetingMs;
        this.longGreetingSilenceMs = builder.longGreetingSilenceMs;
        this.sentencePauseMs = builder.sentencePauseMs;
        this.machineSentences = builder.machineSentences;
        this.maxHumanGreetingMs = builder.maxHumanGreetingMs;
        this.maxAnalysisMs = builder.maxAnalysisMs;
        this.minSpeechMs = builder.minSpeechMs;
        this.voiceOnDb = builder.voiceOnDb;
        this.voiceOffDb = builder.voiceOffDb;
        this.minEnergyDb = builder.minEnergyDb;
        this.tonePercent = builder.tonePercent;
        this.minBeepMs = builder.minBeepMs;
        this.minBeepHz = builder.minBeepHz;
        this.maxBeepHz = builder.maxBeepHz;
        this.beepConfirmMs = builder.beepConfirmMs;
        this.noBeepSilenceMs = builder.noBeepSilenceMs;
        this.maxBeepWaitMs = builder.maxBeepWaitMs;
        this.lateBeepMs = builder.lateBeepMs;
    }

    /**
     * The defaults.
     *
     * @return the shared default configuration.
     */
    public static DetectorConfig defaults()
    {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * A builder starting from this configuration.
     *
     * @return a new builder holding this configuration's values.
     */
    public Builder toBuilder()
    {
        final Builder builder = new Builder();
        builder.initialSilenceMs = initialSilenceMs;
        builder.humanSilenceMs = humanSilenceMs;
        builder.statementSilenceMs = statementSilenceMs;
        builder.questionRiseCents = questionRiseCents;
        builder.shortGreetingMs = shortGreetingMs;
        builder.longGreetingMs = longGreetingMs;
        builder.longGreetingSilenceMs = longGreetingSilenceMs;
        builder.sentencePauseMs = sentencePauseMs;
        builder.machineSentences = machineSentences;
        builder.maxHumanGreetingMs = maxHumanGreetingMs;
        builder.maxAnalysisMs = maxAnalysisMs;
        builder.minSpeechMs = minSpeechMs;
        builder.voiceOnDb = voiceOnDb;
        builder.voiceOffDb = voiceOffDb;
        builder.minEnergyDb = minEnergyDb;
        builder.tonePercent = tonePercent;
        builder.minBeepMs = minBeepMs;
        builder.minBeepHz = minBeepHz;
        builder.maxBeepHz = maxBeepHz;
        builder.beepConfirmMs = beepConfirmMs;
        builder.noBeepSilenceMs = noBeepSilenceMs;
        builder.maxBeepWaitMs = maxBeepWaitMs;
        builder.lateBeepMs = lateBeepMs;
        return builder;
    }

    /**
     * Silence from the answer after which the verdict is NOTSURE (INITIAL_SILENCE).
     *
     * @return the value.
     */
    public int initialSilenceMs()
    {
        return initialSilenceMs;
    }

    /**
     * Silence after a short greeting that ends as a question (its pitch rising; any short greeting when
     * {@link #questionRiseCents()} is 0) that makes it HUMAN.
     *
     * @return the value.
     */
    public int humanSilenceMs()
    {
        return humanSilenceMs;
    }

    /**
     * Silence after a short greeting whose pitch does not rise at its end (a statement) that makes it HUMAN; a short
     * greeting that ends rising (a question) needs {@link #humanSilenceMs()}.
     *
     * @return the value.
     */
    public int statementSilenceMs()
    {
        return statementSilenceMs;
    }

    /**
     * Rise of the pitch over the last 300 ms of a short greeting, in cents above its lowest point there, that makes
     * it a question (0: every short greeting is treated as a question).
     *
     * @return the value.
     */
    public int questionRiseCents()
    {
        return questionRiseCents;
    }

    /**
     * Longest greeting, from first to last speech, that counts as short.
     *
     * @return the value.
     */
    public int shortGreetingMs()
    {
        return shortGreetingMs;
    }

    /**
     * Greeting span from which the long-greeting silence applies; between the short and the long span the silence
     * needed grows linearly.
     *
     * @return the value.
     */
    public int longGreetingMs()
    {
        return longGreetingMs;
    }

    /**
     * Silence after a long greeting that makes it HUMAN.
     *
     * @return the value.
     */
    public int longGreetingSilenceMs()
    {
        return longGreetingSilenceMs;
    }

    /**
     * Pause within a greeting, after more than a short greeting, that separates sentences.
     *
     * @return the value.
     */
    public int sentencePauseMs()
    {
        return sentencePauseMs;
    }

    /**
     * Pauses between sentences that make the greeting a machine's (0: off).
     *
     * @return the value.
     */
    public int machineSentences()
    {
        return machineSentences;
    }

    /**
     * Speech span beyond which the greeting is a machine's (LONG_GREETING).
     *
     * @return the value.
     */
    public int maxHumanGreetingMs()
    {
        return maxHumanGreetingMs;
    }

    /**
     * Audio after which an undecided call is NOTSURE (TOO_LONG).
     *
     * @return the value.
     */
    public int maxAnalysisMs()
    {
        return maxAnalysisMs;
    }

    /**
     * Shortest burst of energy that counts as speech.
     *
     * @return the value.
     */
    public int minSpeechMs()
    {
        return minSpeechMs;
    }

    /**
     * Energy above the adaptive noise floor, in dB, at which speech starts.
     *
     * @return the value.
     */
    public int voiceOnDb()
    {
        return voiceOnDb;
    }

    /**
     * Energy above the adaptive noise floor, in dB, below which speech stops.
     *
     * @return the value.
     */
    public int voiceOffDb()
    {
        return voiceOffDb;
    }

    /**
     * Absolute frame energy, in dB re one 16-bit step, below which a frame is always silence.
     *
     * @return the value.
     */
    public int minEnergyDb()
    {
        return minEnergyDb;
    }

    /**
     * Share of a frame's energy, in percent, that one frequency must hold for the frame to be a tone.
     *
     * @return the value.
     */
    public int tonePercent()
    {
        return tonePercent;
    }

    /**
     * Shortest sustained tone that counts as a beep.
     *
     * @return the value.
     */
    public int minBeepMs()
    {
        return minBeepMs;
    }

    /**
     * Lowest beep frequency.
     *
     * @return the value.
     */
    public int minBeepHz()
    {
        return minBeepHz;
    }

    /**
     * Highest beep frequency.
     *
     * @return the value.
     */
    public int maxBeepHz()
    {
        return maxBeepHz;
    }

    /**
     * Quiet after a tone needed to confirm that it was the beep (speech resuming cancels it).
     *
     * @return the value.
     */
    public int beepConfirmMs()
    {
        return beepConfirmMs;
    }

    /**
     * Silence after a machine's last speech after which the greeting ended without a beep.
     *
     * @return the value.
     */
    public int noBeepSilenceMs()
    {
        return noBeepSilenceMs;
    }

    /**
     * Audio position after which a machine's greeting is reported as ended without a beep.
     *
     * @return the value.
     */
    public int maxBeepWaitMs()
    {
        return maxBeepWaitMs;
    }

    /**
     * How long, after a HUMAN or NOTSURE verdict, the detector keeps listening for a voicemail beep (a machine after
     * all, reported as {@link DetectionListener#onLateBeep(int, int)}); 0 stops at the verdict.
     *
     * @return the value.
     */
    public int lateBeepMs()
    {
        return lateBeepMs;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return "DetectorConfig{" +
            "initialSilenceMs=" + initialSilenceMs +
            ", humanSilenceMs=" + humanSilenceMs +
            ", statementSilenceMs=" + statementSilenceMs +
            ", questionRiseCents=" + questionRiseCents +
            ", shortGreetingMs=" + shortGreetingMs +
            ", longGreetingMs=" + longGreetingMs +
            ", longGreetingSilenceMs=" + longGreetingSilenceMs +
            ", sentencePauseMs=" + sentencePauseMs +
            ", machineSentences=" + machineSentences +
            ", maxHumanGreetingMs=" + maxHumanGreetingMs +
            ", maxAnalysisMs=" + maxAnalysisMs +
            ", minSpeechMs=" + minSpeechMs +
            ", voiceOnDb=" + voiceOnDb +
            ", voiceOffDb=" + voiceOffDb +
            ", minEnergyDb=" + minEnergyDb +
            ", tonePercent=" + tonePercent +
            ", minBeepMs=" + minBeepMs +
            ", minBeepHz=" + minBeepHz +
            ", maxBeepHz=" + maxBeepHz +
            ", beepConfirmMs=" + beepConfirmMs +
            ", noBeepSilenceMs=" + noBeepSilenceMs +
            ", maxBeepWaitMs=" + maxBeepWaitMs +
            ", lateBeepMs=" + lateBeepMs +
            '}';
    }

    /**
     * Builds a {@link DetectorConfig}; {@link #build()} checks the values.
     */
    public static final class Builder
    {
        private int initialSilenceMs = INITIAL_SILENCE_MS_DEFAULT;
        private int humanSilenceMs = HUMAN_SILENCE_MS_DEFAULT;
        private int statementSilenceMs = STATEMENT_SILENCE_MS_DEFAULT;
        private int questionRiseCents = QUESTION_RISE_CENTS_DEFAULT;
        private int shortGreetingMs = SHORT_GREETING_MS_DEFAULT;
        private int longGreetingMs = LONG_GREETING_MS_DEFAULT;
        private int longGreetingSilenceMs = LONG_GREETING_SILENCE_MS_DEFAULT;
        private int sentencePauseMs = SENTENCE_PAUSE_MS_DEFAULT;
        private int machineSentences = MACHINE_SENTENCES_DEFAULT;
        private int maxHumanGreetingMs = MAX_HUMAN_GREETING_MS_DEFAULT;
        private int maxAnalysisMs = MAX_ANALYSIS_MS_DEFAULT;
        private int minSpeechMs = MIN_SPEECH_MS_DEFAULT;
        private int voiceOnDb = VOICE_ON_DB_DEFAULT;
        private int voiceOffDb = VOICE_OFF_DB_DEFAULT;
        private int minEnergyDb = MIN_ENERGY_DB_DEFAULT;
        private int tonePercent = TONE_PERCENT_DEFAULT;
        private int minBeepMs = MIN_BEEP_MS_DEFAULT;
        private int minBeepHz = MIN_BEEP_HZ_DEFAULT;
        private int maxBeepHz = MAX_BEEP_HZ_DEFAULT;
        private int beepConfirmMs = BEEP_CONFIRM_MS_DEFAULT;
        private int noBeepSilenceMs = NO_BEEP_SILENCE_MS_DEFAULT;
        private int maxBeepWaitMs = MAX_BEEP_WAIT_MS_DEFAULT;
        private int lateBeepMs = LATE_BEEP_MS_DEFAULT;

        private Builder()
        {
        }

        /**
         * Silence from the answer after which the verdict is NOTSURE (INITIAL_SILENCE).
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder initialSilenceMs(final int value)
        {
            initialSilenceMs = value;
            return this;
        }

        /**
         * Silence after a short greeting that ends as a question (its pitch rising) that makes it HUMAN.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder humanSilenceMs(final int value)
        {
            humanSilenceMs = value;
            return this;
        }

        /**
         * Silence after a short greeting whose pitch does not rise at its end (a statement) that makes it HUMAN.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder statementSilenceMs(final int value)
        {
            statementSilenceMs = value;
            return this;
        }

        /**
         * Rise of the pitch at the end of a short greeting, in cents, that makes it a question (0: off).
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder questionRiseCents(final int value)
        {
            questionRiseCents = value;
            return this;
        }

        /**
         * Longest greeting, from first to last speech, that counts as short.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder shortGreetingMs(final int value)
        {
            shortGreetingMs = value;
            return this;
        }

        /**
         * Greeting span from which the long-greeting silence applies.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder longGreetingMs(final int value)
        {
            longGreetingMs = value;
            return this;
        }

        /**
         * Silence after a long greeting that makes it HUMAN.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder longGreetingSilenceMs(final int value)
        {
            longGreetingSilenceMs = value;
            return this;
        }

        /**
         * Pause within a greeting, after more than a short greeting, that separates sentences.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder sentencePauseMs(final int value)
        {
            sentencePauseMs = value;
            return this;
        }

        /**
         * Pauses between sentences that make the greeting a machine's (0: off).
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder machineSentences(final int value)
        {
            machineSentences = value;
            return this;
        }

        /**
         * Speech span beyond which the greeting is a machine's (LONG_GREETING).
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder maxHumanGreetingMs(final int value)
        {
            maxHumanGreetingMs = value;
            return this;
        }

        /**
         * Audio after which an undecided call is NOTSURE (TOO_LONG).
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder maxAnalysisMs(final int value)
        {
            maxAnalysisMs = value;
            return this;
        }

        /**
         * Shortest burst of energy that counts as speech.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder minSpeechMs(final int value)
        {
            minSpeechMs = value;
            return this;
        }

        /**
         * Energy above the adaptive noise floor, in dB, at which speech starts.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder voiceOnDb(final int value)
        {
            voiceOnDb = value;
            return this;
        }

        /**
         * Energy above the adaptive noise floor, in dB, below which speech stops.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder voiceOffDb(final int value)
        {
            voiceOffDb = value;
            return this;
        }

        /**
         * Absolute frame energy, in dB re one 16-bit step, below which a frame is always silence.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder minEnergyDb(final int value)
        {
            minEnergyDb = value;
            return this;
        }

        /**
         * Share of a frame's energy, in percent, that one frequency must hold for the frame to be a tone.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder tonePercent(final int value)
        {
            tonePercent = value;
            return this;
        }

        /**
         * Shortest sustained tone that counts as a beep.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder minBeepMs(final int value)
        {
            minBeepMs = value;
            return this;
        }

        /**
         * Lowest beep frequency.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder minBeepHz(final int value)
        {
            minBeepHz = value;
            return this;
        }

        /**
         * Highest beep frequency.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder maxBeepHz(final int value)
        {
            maxBeepHz = value;
            return this;
        }

        /**
         * Quiet after a tone needed to confirm that it was the beep (speech resuming cancels it).
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder beepConfirmMs(final int value)
        {
            beepConfirmMs = value;
            return this;
        }

        /**
         * Silence after a machine's last speech after which the greeting ended without a beep.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder noBeepSilenceMs(final int value)
        {
            noBeepSilenceMs = value;
            return this;
        }

        /**
         * Audio position after which a machine's greeting is reported as ended without a beep.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder maxBeepWaitMs(final int value)
        {
            maxBeepWaitMs = value;
            return this;
        }

        /**
         * How long, after a HUMAN or NOTSURE verdict, to keep listening for a voicemail beep (reported as
         * {@link DetectionListener#onLateBeep(int, int)}); 0 stops at the verdict, as before this setting existed.
         *
         * @param value the value.
         * @return this builder.
         */
        public Builder lateBeepMs(final int value)
        {
            lateBeepMs = value;
            return this;
        }

        /**
         * Checks the values and builds the configuration.
         *
         * @return the configuration.
         * @throws IllegalArgumentException if a value is out of range.
         */
        public DetectorConfig build()
        {
            check("initialSilenceMs", initialSilenceMs, 1);
            check("humanSilenceMs", humanSilenceMs, 1);
            check("statementSilenceMs", statementSilenceMs, 1);
            check("questionRiseCents", questionRiseCents, 0);
            check("shortGreetingMs", shortGreetingMs, 1);
            check("longGreetingMs", longGreetingMs, 1);
            check("longGreetingSilenceMs", longGreetingSilenceMs, 1);
            check("sentencePauseMs", sentencePauseMs, 0);
            check("machineSentences", machineSentences, 0);
            check("maxHumanGreetingMs", maxHumanGreetingMs, 1);
            check("maxAnalysisMs", maxAnalysisMs, 1);
            check("minSpeechMs", minSpeechMs, 1);
            check("voiceOnDb", voiceOnDb, 1);
            check("voiceOffDb", voiceOffDb, 1);
            check("minEnergyDb", minEnergyDb, 0);
            check("tonePercent", tonePercent, 1);
            check("minBeepMs", minBeepMs, 1);
            check("minBeepHz", minBeepHz, 1);
            check("maxBeepHz", maxBeepHz, 1);
            check("beepConfirmMs", beepConfirmMs, 1);
            check("noBeepSilenceMs", noBeepSilenceMs, 1);
            check("maxBeepWaitMs", maxBeepWaitMs, 1);
            check("lateBeepMs", lateBeepMs, 0);
            if (longGreetingMs <= shortGreetingMs)
            {
                throw new IllegalArgumentException("longGreetingMs must exceed shortGreetingMs");
            }
            if (voiceOffDb > voiceOnDb)
            {
                throw new IllegalArgumentException("voiceOffDb must not exceed voiceOnDb");
            }
            if (minBeepHz >= maxBeepHz)
            {
                throw new IllegalArgumentException("minBeepHz must be below maxBeepHz");
            }
            if (tonePercent > 100)
            {
                throw new IllegalArgumentException("tonePercent must be at most 100");
            }
            return new DetectorConfig(this);
        }

        private static void check(final String name, final int value, final int min)
        {
            if (value < min)
            {
                throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
            }
        }
    }
}
