/*
 * Demo population.
 */
package io.dialer.sim.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;
import io.dialer.sim.Tones;

/**
 * What the demo's phones say, rendered once and shared by every phone: a few "hello?"s a person answers with (a
 * short phrase between quiet line noise, which the answering-machine detector calls HUMAN) and a few voicemail
 * greetings (a long message, a pause, a 1 kHz beep, line noise: MACHINE, then the beep).
 */
final class DemoVoices
{
    static final List<String> HELLO_TEXTS = List.of("Hello?", "Hi?");
    static final List<String> GREETING_TEXTS = List.of(
        "Hi, you have reached the voice mail of Alex Morgan. I am sorry that I cannot take your call right now. " +
        "Please leave your name, your number and a short message after the tone, and I will get back to you as " +
        "soon as I can. Thank you, and have a great day.",
        "Hello, you have reached the Garcia family. We are not able to come to the phone right now. " +
        "Please leave a message after the beep and we will call you back as soon as we can. Thanks for calling.");

    static final int GREETING_GAP_MS = 600;
    static final int BEEP_MS = 500;
    static final double BEEP_HZ = 1000;
    static final int AFTER_BEEP_MS = 2_000;
    static final int HELLO_LEAD_MS = 300;
    static final int HELLO_TAIL_MS = 4_000;

    private static final int RATE = Prompt.SAMPLE_RATE;
    private static final int NOISE_RMS = 20;
    private static final int BEEP_AMPLITUDE = 12_000;

    private final List<Prompt> hellos;
    private final List<Prompt> greetings;

    private DemoVoices(final List<Prompt> hellos, final List<Prompt> greetings)
    {
        this.hellos = hellos;
        this.greetings = greetings;
    }

    /**
     * Renders every voice (blocking: text-to-speech takes a moment per text, cached by the engine).
     *
     * @param tts the engine.
     * @return the voices.
     * @throws IOException when the voice cannot be rendered.
     */
    static DemoVoices render(final TextToSpeech tts) throws IOException
    {
        final List<Prompt> hellos = new ArrayList<>();
        long seed = 1;
        for (final String text : HELLO_TEXTS)
        {
            final short[] samples = Tones.concat(
                Tones.noise(HELLO_LEAD_MS, NOISE_RMS, seed++), tts.render(text).samples(),
                    Tones.noise(HELLO_TAIL_MS, NOISE_RMS, seed++));
            hellos.add(Prompt.fromPcm("hello: " + text, samples));
        }
        final List<Prompt> greetings = new ArrayList<>();
        for (final String text : GREETING_TEXTS)
        {
            final short[] samples = Tones.concat(tts.render(text).samples(),
                Tones.noise(GREETING_GAP_MS, NOISE_RMS, seed++),
                Tones.sine(BEEP_HZ, BEEP_MS, BEEP_AMPLITUDE), Tones.noise(AFTER_BEEP_MS, NOISE_RMS, seed++));
            greetings.add(Prompt.fromPcm("voicemail greeting " + (greetings.size() + 1), samples));
        }
        return new DemoVoices(List.copyOf(hellos), List.copyOf(greetings));
    }

    /**
     * A person's "hello?".
     *
     * @param variant any number; picks one of the hellos.
     * @return the prompt.
     */
    Prompt hello(final int variant)
    {
        return hellos.get(Math.floorMod(variant, hellos.size()));
    }

    /**
     * A voicemail greeting ending with its beep and a little line noise.
     *
     * @param variant any number; picks one of the greetings.
     * @return the prompt.
     */
    Prompt greeting(final int variant)
    {
        return greetings.get(Math.floorMod(variant, greetings.size()));
    }

    List<Prompt> hellos()
    {
        return hellos;
    }

    List<Prompt> greetings()
    {
        return greetings;
    }


}
