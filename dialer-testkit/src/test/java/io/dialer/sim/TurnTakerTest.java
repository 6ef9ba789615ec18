/*
 * Dialer simulated phones tests.
 */
package io.dialer.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TurnTakerTest
{
    private static final short[] VOICE = Tones.sine(500, 20, 8_000);
    private static final short[] SILENCE = new short[160];

    private final List<Integer> turns = new ArrayList<>();
    private final TurnTaker taker = new TurnTaker(700, 2, turns::add);

    @Test
    void shouldTakeATurnAfterVoiceThenEnoughSilence()
    {
        frames(SILENCE, 100);
        assertEquals(List.of(), turns, "silence alone is no question");

        frames(VOICE, 10);
        frames(SILENCE, 34);
        assertEquals(List.of(), turns, "680 ms of silence is a pause");
        frames(VOICE, 10);
        frames(SILENCE, 35);
        assertEquals(List.of(0), turns);

        frames(VOICE, 50);
        frames(SILENCE, 100);
        assertEquals(List.of(0), turns, "audio while the answer goes out does not count");

        taker.answered();
        frames(SILENCE, 100);
        frames(VOICE, 5);
        frames(SILENCE, 35);
        assertEquals(List.of(0, 1), turns);

        taker.answered();
        frames(VOICE, 5);
        frames(SILENCE, 100);
        assertEquals(List.of(0, 1), turns, "no answers left");
    }

    @Test
    void shouldNeverTakeATurnDuringMusicWithShortRests()
    {
        for (int bar = 0; bar < 50; bar++)
        {
            frames(VOICE, 15);
            frames(SILENCE, 30);
        }
        assertEquals(List.of(), turns);
    }

    @Test
    void shouldDescribeAnswersAndRefuseEmptyOnes()
    {
        final PhoneScript script = PhoneScript.builder().answerWhenAsked(List.of("1", "34#"), 800)
            .hangupAfterKeyMs(2_000).hangupAfterHeard(1_500, 9_000).build();

        assertEquals(List.of("1", "34#"), script.answers());
        assertEquals(800, script.answerSilenceMs());
        assertEquals(2_000, script.hangupAfterKeyMs());
        assertEquals(1_500, script.hangupAfterHeardMs());
        assertEquals(9_000, script.hangupAfterHeardFallbackMs());
        assertEquals(List.of(), PhoneScript.builder().build().answers());
        assertThrows(IllegalArgumentException.class,
            () -> PhoneScript.builder().answerWhenAsked(List.of("1", ""), 700));
        assertThrows(IllegalArgumentException.class, () -> PhoneScript.builder().answerWhenAsked(List.of("1"), 0));
    }

    private void frames(final short[] frame, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            taker.onFrame(1, frame, 0, frame.length, 0);
        }
    }
}
