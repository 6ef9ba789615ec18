/*
 * Dialer simulated phones.
 */
package io.dialer.sim;

import io.dialer.media.Prompt;
import io.dialer.sip.DtmfSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a simulated phone behaves when called: ring, answer after a delay, or refuse; once answered, what it plays,
 * which keys it presses and when it hangs up. Immutable; built with {@link #builder()}.
 */
public final class PhoneScript
{
    /** Milliseconds between the keys of one answer given by {@link Builder#answerWhenAsked(List, long)}. */
    public static final long ANSWER_KEY_SPACING_MS = 150;

    /** Duration of each key of an answer given by {@link Builder#answerWhenAsked(List, long)}. */
    public static final int ANSWER_KEY_DURATION_MS = 100;

    /**
     * What the phone does with the INVITE.
     */
    public enum Action
    {
        /** Ring, then answer after {@link #answerAfterMs()}. */
        ANSWER,
        /** Ring until the caller cancels. */
        RING_FOREVER,
        /** Refuse with {@link #rejectStatus()}. */
        REJECT
    }

    /**
     * A key press at a time after answer.
     *
     * @param atMs   milliseconds after answer.
     * @param digit  the key.
     * @param source RFC 4733 or SIP INFO.
     */
    public record KeyPress(long atMs, char digit, DtmfSource source)
    {
    }

    private final Action action;
    private final long answerAfterMs;
    private final int rejectStatus;
    private final boolean earlyMedia;
    private final Prompt prompt;
    private final boolean loopPrompt;
    private final long promptAtMs;
    private final List<KeyPress> keys;
    private final long hangupAfterMs;
    private final char keyAfterHeard;
    private final long heardMs;
    private final long keyAfterHeardFallbackMs;
    private final DtmfSource keyAfterHeardSource;
    private final String challengeRealm;
    private final String challengeUser;
    private final String challengePassword;
    private final long holdAtMs;
    private final long resumeAtMs;
    private final List<String> answers;
    private final long answerSilenceMs;
    private final long hangupAfterKeyMs;
    private final long hangupAfterHeardMs;
    private final long hangupAfterHeardFallbackMs;

    private PhoneScript(final Builder b)
    {
        action = b.action;
        answerAfterMs = b.answerAfterMs;
        rejectStatus = b.rejectStatus;
        earlyMedia = b.earlyMedia;
        prompt = b.prompt;
        loopPrompt = b.loopPrompt;
        promptAtMs = b.promptAtMs;
        keys = List.copyOf(b.keys);
        hangupAfterMs = b.hangupAfterMs;
        keyAfterHeard = b.keyAfterHeard;
        heardMs = b.heardMs;
        keyAfterHeardFallbackMs = b.keyAfterHeardFallbackMs;
        keyAfterHeardSource = b.keyAfterHeardSource;
        challengeRealm = b.challengeRealm;
        challengeUser = b.challengeUser;
        challengePassword = b.challengePassword;
        holdAtMs = b.holdAtMs;
        resumeAtMs = b.resumeAtMs;
        answers = List.copyOf(b.answers);
        answerSilenceMs = b.answerSilenceMs;
        hangupAfterKeyMs = b.hangupAfterKeyMs;
        hangupAfterHeardMs = b.hangupAfterHeardMs;
        hangupAfterHeardFallbackMs = b.hangupAfterHeardFallbackMs;
    }

    /**
     * A new builder; by default the phone rings and answers after 100 ms and never hangs up.
     *
     * @return the builder.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * What the phone does with the INVITE.
     *
     * @return the action.
     */
    public Action action()
    {
        return action;
    }

    /**
     * Delay before answering.
     *
     * @return milliseconds.
     */
    public long answerAfterMs()
    {
        return answerAfterMs;
    }

    /**
     * Status sent when the action is {@link Action#REJECT}.
     *
     * @return the status.
     */
    public int rejectStatus()
    {
        return rejectStatus;
    }

    /**
     * Whether the phone sends 183 with SDP instead of 180.
     *
     * @return true for early media.
     */
    public boolean earlyMedia()
    {
        return earlyMedia;
    }

    /**
     * Prompt played after answer.
     *
     * @return the prompt, or null.
     */
    public Prompt prompt()
    {
        return prompt;
    }

    /**
     * Whether the prompt loops.
     *
     * @return true when looping.
     */
    public boolean loopPrompt()
    {
        return loopPrompt;
    }

    /**
     * When the prompt starts, after answer.
     *
     * @return milliseconds.
     */
    public long promptAtMs()
    {
        return promptAtMs;
    }

    /**
     * Keys pressed at fixed times after answer.
     *
     * @return the presses.
     */
    public List<KeyPress> keys()
    {
        return keys;
    }

    /**
     * Hang up (BYE) this long after answer; negative for never.
     *
     * @return milliseconds.
     */
    public long hangupAfterMs()
    {
        return hangupAfterMs;
    }

    /**
     * Key pressed once the phone has heard {@link #heardMs()} of audio (a closer accepting with 1 or rejecting with
     * 9 after the briefing); 0 for none.
     *
     * @return the key.
     */
    public char keyAfterHeard()
    {
        return keyAfterHeard;
    }

    /**
     * Audio to hear before pressing {@link #keyAfterHeard()}.
     *
     * @return milliseconds of non-silent audio.
     */
    public long heardMs()
    {
        return heardMs;
    }

    /**
     * Press {@link #keyAfterHeard()} anyway this long after answer when not enough audio was heard; negative for
     * never.
     *
     * @return milliseconds.
     */
    public long keyAfterHeardFallbackMs()
    {
        return keyAfterHeardFallbackMs;
    }

    /**
     * How {@link #keyAfterHeard()} is sent.
     *
     * @return the source.
     */
    public DtmfSource keyAfterHeardSource()
    {
        return keyAfterHeardSource;
    }

    /**
     * Realm of the digest challenge, or null when the phone does not challenge.
     *
     * @return the realm.
     */
    public String challengeRealm()
    {
        return challengeRealm;
    }

    /**
     * Expected digest user.
     *
     * @return the user.
     */
    public String challengeUser()
    {
        return challengeUser;
    }

    /**
     * Expected digest password.
     *
     * @return the password.
     */
    public String challengePassword()
    {
        return challengePassword;
    }

    /**
     * Put the caller on hold (re-INVITE sendonly) this long after answer; negative for never.
     *
     * @return milliseconds.
     */
    public long holdAtMs()
    {
        return holdAtMs;
    }

    /**
     * Take the caller off hold this long after answer; negative for never.
     *
     * @return milliseconds.
     */
    public long resumeAtMs()
    {
        return resumeAtMs;
    }

    /**
     * Answers given one at a time, each when the caller stops talking (see
     * {@link Builder#answerWhenAsked(List, long)}); empty for none.
     *
     * @return the answers, each the keys of one answer.
     */
    public List<String> answers()
    {
        return answers;
    }

    /**
     * Silence after voiced audio that makes the phone give its next answer.
     *
     * @return milliseconds.
     */
    public long answerSilenceMs()
    {
        return answerSilenceMs;
    }

    /**
     * Hang up this long after pressing {@link #keyAfterHeard()}; negative for never.
     *
     * @return milliseconds.
     */
    public long hangupAfterKeyMs()
    {
        return hangupAfterKeyMs;
    }

    /**
     * Hang up once this much non-silent audio has been heard; negative for never.
     *
     * @return milliseconds of audio.
     */
    public long hangupAfterHeardMs()
    {
        return hangupAfterHeardMs;
    }

    /**
     * With {@link #hangupAfterHeardMs()}: hang up anyway this long after answer when not enough audio was heard;
     * negative for never.
     *
     * @return milliseconds.
     */
    public long hangupAfterHeardFallbackMs()
    {
        return hangupAfterHeardFallbackMs;
    }

    /**
     * Builds a {@link PhoneScript}.
     */
    public static final class Builder
    {
        private Action action = Action.ANSWER;
        private long answerAfterMs = 100;
        private int rejectStatus = 486;
        private boolean earlyMedia;
        private Prompt prompt;
        private boolean loopPrompt;
        private long promptAtMs;
        private final List<KeyPress> keys = new ArrayList<>();
        private long hangupAfterMs = -1;
        private char keyAfterHeard;
        private long heardMs;
        private long keyAfterHeardFallbackMs = -1;
        private DtmfSource keyAfterHeardSource = DtmfSource.RFC4733;
        private String challengeRealm;
        private String challengeUser;
        private String challengePassword;
        private long holdAtMs = -1;
        private long resumeAtMs = -1;
        private final List<String> answers = new ArrayList<>();
        private long answerSilenceMs;
        private long hangupAfterKeyMs = -1;
        private long hangupAfterHeardMs = -1;
        private long hangupAfterHeardFallbackMs = -1;

        private Builder()
        {
        }

        /**
         * Ring, then answer after a delay.
         *
         * @param delayMs milliseconds, 0 to answer at once.
         * @return this.
         */
        public Builder answerAfterMs(final long delayMs)
        {
            action = Action.ANSWER;
            answerAfterMs = delayMs;
            return this;
        }

        /**
         * Ring until cancelled.
         *
         * @return this.
         */
        public Builder ringForever()
        {
            action = Action.RING_FOREVER;
            return this;
        }

        /**
         * Refuse with 486 Busy Here.
         *
         * @return this.
         */
        public Builder busy()
        {
            return reject(486);
        }

        /**
         * Refuse with 480 Temporarily Unavailable.
         *
         * @return this.
         */
        public Builder unavailable()
        {
            return reject(480);
        }

        /**
         * Refuse with any final status.
         *
         * @param status 300 to 699.
         * @return this.
         */
        public Builder reject(final int status)
        {
            action = Action.REJECT;
            rejectStatus = status;
            return this;
        }

        /**
         * Send 183 Session Progress with SDP (early media) instead of 180 Ringing.
         *
         * @param early true for early media.
         * @return this.
         */
        public Builder earlyMedia(final boolean early)
        {
            earlyMedia = early;
            return this;
        }

        /**
         * Play a prompt once answered ("hello?", a voicemail greeting with its beep, a tone).
         *
         * @param prompt the prompt.
         * @param atMs   milliseconds after answer.
         * @param loop   repeat until the call ends.
         * @return this.
         */
        public Builder play(final Prompt prompt, final long atMs, final boolean loop)
        {
            this.prompt = Objects.requireNonNull(prompt, "prompt");
            this.promptAtMs = atMs;
            this.loopPrompt = loop;
            return this;
        }

        /**
         * Press keys after answer, {@code spacingMs} apart.
         *
         * @param atMs      first key, milliseconds after answer.
         * @param digits    keys, e.g. {@code "12#"}.
         * @param spacingMs milliseconds between keys.
         * @param source    RFC 4733 or SIP INFO.
         * @return this.
         */
        public Builder pressKeys(final long atMs, final String digits, final long spacingMs, final DtmfSource source)
        {
            for (int i = 0; i < digits.length(); i++)
            {
                keys.add(new KeyPress(atMs + i * spacingMs, digits.charAt(i), source));
            }
            return this;
        }

        /**
         * Press a key once this much audio has been heard (a closer: 1 to accept, 9 to reject, after the
         * briefing), or after a fallback delay.
         *
         * @param digit      the key.
         * @param heardMs    milliseconds of non-silent audio to hear first.
         * @param fallbackMs press anyway this long after answer; negative for never.
         * @param source     RFC 4733 or SIP INFO.
         * @return this.
         */
        public Builder pressAfterHeard(
            final char digit, final long heardMs, final long fallbackMs, final DtmfSource source)
        {
            keyAfterHeard = digit;
            this.heardMs = heardMs;
            keyAfterHeardFallbackMs = fallbackMs;
            keyAfterHeardSource = source;
            return this;
        }

        /**
         * A closer accepting: press 1 after hearing the briefing.
         *
         * @param heardMs    milliseconds of audio to hear first.
         * @param fallbackMs press anyway after this long; negative for never.
         * @return this.
         */
        public Builder acceptAfterBriefing(final long heardMs, final long fallbackMs)
        {
            return pressAfterHeard('1', heardMs, fallbackMs, DtmfSource.RFC4733);
        }

        /**
         * A closer rejecting: press 9 after hearing the briefing.
         *
         * @param heardMs    milliseconds of audio to hear first.
         * @param fallbackMs press anyway after this long; negative for never.
         * @return this.
         */
        public Builder rejectAfterBriefing(final long heardMs, final long fallbackMs)
        {
            return pressAfterHeard('9', heardMs, fallbackMs, DtmfSource.RFC4733);
        }

        /**
         * Hang up this long after answer.
         *
         * @param delayMs milliseconds.
         * @return this.
         */
        public Builder hangupAfterMs(final long delayMs)
        {
            hangupAfterMs = delayMs;
            return this;
        }

        /**
         * Hang up this long after pressing the {@link #pressAfterHeard key pressed after hearing} (a closer who
         * accepted stays a while with the caller, then leaves).
         *
         * @param delayMs milliseconds after the key.
         * @return this.
         */
        public Builder hangupAfterKeyMs(final long delayMs)
        {
            hangupAfterKeyMs = delayMs;
            return this;
        }

        /**
         * Hang up once this much audio has been heard (a person hanging up during the caller's greeting), or after a
         * fallback delay.
         *
         * @param heardMs    milliseconds of non-silent audio to hear first.
         * @param fallbackMs hang up anyway this long after answer; negative for never.
         * @return this.
         */
        public Builder hangupAfterHeard(final long heardMs, final long fallbackMs)
        {
            hangupAfterHeardMs = heardMs;
            hangupAfterHeardFallbackMs = fallbackMs;
            return this;
        }

        /**
         * A person answering questions: each time the phone has heard voiced audio followed by {@code silenceMs} of
         * silence (the caller asked something and stopped talking), it presses the keys of the next answer over
         * RFC 4733, {@link #ANSWER_KEY_SPACING_MS} apart, then waits for the next voiced-then-silent stretch. Audio
         * heard while an answer's keys go out does not count. Continuous audio such as hold music, whose pauses are
         * shorter than {@code silenceMs}, never triggers an answer; once every answer is given the phone presses
         * nothing more. Silence is counted in received audio (20 ms frames), not wall-clock time.
         *
         * @param answers   the answers in order, each one or more keys ({@code "1"}, {@code "75201#"}).
         * @param silenceMs silence after voiced audio that ends the caller's turn, e.g. 700; longer than the pauses
         *                  inside the caller's prompts.
         * @return this.
         */
        public Builder answerWhenAsked(final List<String> answers, final long silenceMs)
        {
            for (final String answer : answers)
            {
                if (null == answer || answer.isEmpty())
                {
                    throw new IllegalArgumentException("empty answer in " + answers);
                }
            }
            if (silenceMs <= 0)
            {
                throw new IllegalArgumentException("silenceMs must be positive: " + silenceMs);
            }
            this.answers.clear();
            this.answers.addAll(answers);
            answerSilenceMs = silenceMs;
            return this;
        }

        /**
         * Challenge the INVITE with 401 and accept only these digest credentials.
         *
         * @param realm    realm.
         * @param user     user.
         * @param password password.
         * @return this.
         */
        public Builder challenge(final String realm, final String user, final String password)
        {
            challengeRealm = realm;
            challengeUser = user;
            challengePassword = password;
            return this;
        }

        /**
         * Put the caller on hold after answer, and optionally resume.
         *
         * @param holdAtMs   milliseconds after answer.
         * @param resumeAtMs milliseconds after answer, negative for never.
         * @return this.
         */
        public Builder hold(final long holdAtMs, final long resumeAtMs)
        {
            this.holdAtMs = holdAtMs;
            this.resumeAtMs = resumeAtMs;
            return this;
        }

        /**
         * The script.
         *
         * @return the immutable script.
         */
        public PhoneScript build()
        {
            return new PhoneScript(this);
        }
    }
}
