/*
 * Dialer test kit.
 */
package io.dialer.sim;

import java.io.IOException;
import java.util.List;

import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;

/**
 * Short calls for end-to-end tests: a one-question qualification script (a person who presses 1 qualifies for the
 * {@code sales} skill within a few seconds) and the phones that go with it, so a test's campaign takes seconds.
 */
public final class QuickCalls
{
    /** A one-question script: press 1 to qualify for {@code sales}; the summary names the lead's first name. */
    public static final String SCRIPT = String.join("\n",
        "lead_fields: [first_name]",
        "opt_out: { key: '*', prompt: Goodbye. }",
        "defaults: { retries: 0, timeout_ms: 6000, on_no_input: silent, on_invalid: silent }",
        "greeting: { prompt: Hi., next: q1 }",
        "questions:",
        "  q1: { prompt: Press one., choices: { '1': yes }, next: win }",
        "outcomes:",
        "  win: { type: qualified, skill: sales, prompt: Hold please., summary: 'Lead {lead.first_name} said yes' }",
        "  silent: { type: disqualified, prompt: Bye., reason: no answer }",
        "");

    /** The skill {@link #SCRIPT} qualifies callers for. */
    public static final String SKILL = "sales";

    private QuickCalls()
    {
    }

    /**
     * A person's "Hello?" in a quiet room, as detection hears a person.
     *
     * @param tts the text to speech.
     * @return the greeting.
     * @throws IOException when the speech cannot be rendered.
     */
    public static Prompt hello(final TextToSpeech tts) throws IOException
    {
        return Prompt.fromPcm("hello", Tones.concat(Tones.noise(300, 30, 3), tts.render("Hello?").samples(),
            Tones.noise(4_000, 30, 4)));
    }

    /**
     * A person who answers, says hello, presses 1 when asked (qualifies) and stays on the line for a minute and a
     * half (the closer or the test ends the call).
     *
     * @param hello the greeting ({@link #hello(TextToSpeech)}).
     * @return the phone.
     */
    public static PhoneScript qualifies(final Prompt hello)
    {
        return PhoneScript.builder().answerAfterMs(100).play(hello, 0, false)
            .answerWhenAsked(List.of("1"), 800).hangupAfterMs(90_000).build();
    }
}
