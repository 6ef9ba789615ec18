/*
 * Answering-machine detection tests.
 */
package io.dialer.detection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnsweringMachineDetectorTest
{
    private final DetectionResult result = new DetectionResult();
    private final AnsweringMachineDetector detector = new AnsweringMachineDetector(DetectorConfig.defaults(), result);

    private DetectionResult run(final short[] samples)
    {
        return result.classify(detector, samples, samples.length);
    }

    @Test
    void shouldCallHumanSoonAfterShortGreeting()
    {
        final Signals signals = new Signals(1).silence(700).question(500, 6000);
        final int speechEnd = signals.positionMs();
        run(signals.silence(4000).build(30));

        assertEquals(Verdict.HUMAN, result.verdict());
        assertEquals(Cause.SHORT_GREETING, result.cause());
        final int latency = result.decisionMs() - speechEnd;
        assertTrue(latency >= 300 && latency <= 500, "latency " + latency);
        assertFalse(detector.isFinished(), "still listening for a late beep");
        assertEquals(DetectionResult.NONE, result.lateBeepEndMs());
    }

    @Test
    void shouldReportLateBeepAfterHumanVerdict()
    {
        // "Tom." then a beep 1.2 s later: the statement rule has called HUMAN by then.
        final Signals signals = new Signals(31).silence(600).statement(500, 6000).silence(1200)
            .tone(1000, 400, 8000);
        final int beepEnd = signals.positionMs();
        run(signals.silence(1500).build(30));

        assertEquals(Verdict.HUMAN, result.verdict());
        assertTrue(result.decisionMs() < beepEnd - 400, "decided at " + result.decisionMs());
        assertEquals(DetectionResult.NONE, result.beepEndMs());
        assertTrue(Math.abs(result.lateBeepEndMs() - beepEnd) <= 40, "late beep end " + result.lateBeepEndMs());
        assertTrue(Math.abs(result.lateBeepHz() - 1000) <= 20, "late beep at " + result.lateBeepHz());
        assertTrue(detector.isFinished());
    }

    @Test
    void shouldNotTakeKeypadTonesAfterHumanVerdictForLateBeep()
    {
        // A person who answers and then presses keys: DTMF digits are two tones of equal level, not a beep.
        final Signals signals = new Signals(35).silence(600).question(500, 6000).silence(1500);
        for (int digit = 0; digit < 4; digit++)
        {
            signals.dualTone(770, 1336, 250, 8000).silence(150);
        }
        run(signals.silence(1500).build(30));

        assertEquals(Verdict.HUMAN, result.verdict());
        assertEquals(DetectionResult.NONE, result.lateBeepEndMs());
    }

    @Test
    void shouldStopAtTheVerdictWhenLateBeepsAreOff()
    {
        final DetectionResult off = new DetectionResult();
        final AnsweringMachineDetector stopping = new AnsweringMachineDetector(
            DetectorConfig.builder().lateBeepMs(0).build(), off);
        final short[] samples = new Signals(32).silence(600).question(500, 6000).silence(1200)
            .tone(1000, 400, 8000).silence(1500).build(30);
        off.classify(stopping, samples, samples.length);

        assertEquals(Verdict.HUMAN, off.verdict());
        assertTrue(stopping.isFinished());
        assertEquals(DetectionResult.NONE, off.lateBeepEndMs());
    }

    @Test
    void shouldStopListeningForLateBeepAfterItsWindow()
    {
        final Signals signals = new Signals(33).silence(600).question(500, 6000)
            .silence(DetectorConfig.LATE_BEEP_MS_DEFAULT + 1000).tone(1000, 400, 8000);
        run(signals.silence(1500).build(30));

        assertEquals(Verdict.HUMAN, result.verdict());
        assertTrue(detector.isFinished());
        assertEquals(DetectionResult.NONE, result.lateBeepEndMs());
    }

    @Test
    void shouldFollowBeepThroughShortDropout()
    {
        // Two 140 ms halves of one beep with a 20 ms dropout between them: neither half is a beep on its own.
        final Signals signals = new Signals(34).silence(300).speech(6000, 6000).silence(600)
            .tone(1000, 140, 8000).silence(20).tone(1000, 140, 8000);
        final int beepEnd = signals.positionMs();
        run(signals.silence(2000).build(30));

        assertEquals(Verdict.MACHINE, result.verdict());
        assertTrue(Math.abs(result.beepEndMs() - beepEnd) <= 40, "beep end " + result.beepEndMs() + " vs " + beepEnd);
    }

    @Test
    void shouldWaitLongerAfterShortGreetingEndingAsStatement()
    {
        final Signals signals = new Signals(1).silence(700).statement(500, 6000);
        final int speechEnd = signals.positionMs();
        run(signals.silence(4000).build(30));

        assertEquals(Verdict.HUMAN, result.verdict());
        assertEquals(Cause.SHORT_GREETING, result.cause());
        final int latency = result.decisionMs() - speechEnd;
        assertTrue(latency >= DetectorConfig.STATEMENT_SILENCE_MS_DEFAULT &&
            latency <= DetectorConfig.STATEMENT_SILENCE_MS_DEFAULT + 150, "latency " + latency);
    }

    @Test
    void shouldLetTheStudiesReplaceTheQuestionCueByTheTruth()
    {
        // The corpus studies' oracle: the same falling "Hello." decided as a question, then as a statement.
        final Signals signals = new Signals(1).silence(700).statement(500, 6000);
        final int speechEnd = signals.positionMs();
        final short[] samples = signals.silence(4000).build(30);
        detector.questionOracle(1);
        run(samples);
        final int asQuestion = result.decisionMs() - speechEnd;
        detector.questionOracle(0);
        run(samples);
        final int asStatement = result.decisionMs() - speechEnd;

        assertTrue(asQuestion >= DetectorConfig.HUMAN_SILENCE_MS_DEFAULT &&
            asQuestion <= DetectorConfig.HUMAN_SILENCE_MS_DEFAULT + 60, "as a question " + asQuestion);
        assertTrue(asStatement >= DetectorConfig.STATEMENT_SILENCE_MS_DEFAULT &&
            asStatement <= DetectorConfig.STATEMENT_SILENCE_MS_DEFAULT + 150, "as a statement " + asStatement);
    }

    @Test
    void shouldCallMachineWhenStatementIsFollowedBySentences()
    {
        final Signals signals = new Signals(21).silence(500).statement(500, 6000).silence(600).speech(1500, 6000)
            .silence(400).speech(1500, 6000);
        final short[] samples = signals.silence(2000).build(30);
        run(samples);

        assertEquals(Verdict.MACHINE, result.verdict());
        assertEquals(Cause.SENTENCES, result.cause());

        final DetectionResult timingOnly = new DetectionResult();
        final AnsweringMachineDetector withoutPitch = new AnsweringMachineDetector(
            DetectorConfig.builder().questionRiseCents(0).build(), timingOnly);
        timingOnly.classify(withoutPitch, samples, samples.length);
        assertEquals(Verdict.HUMAN, timingOnly.verdict());
    }

    @Test
    void shouldCallHumanOnNoisyLine()
    {
        final Signals signals = new Signals(2).silence(1200).speech(600, 5000);
        final int speechEnd = signals.positionMs();
        run(signals.silence(4000).build(800));

        assertEquals(Verdict.HUMAN, result.verdict());
        assertTrue(result.decisionMs() - speechEnd <= 600, "decided at " + result.decisionMs());
    }

    @Test
    void shouldCallMachineWhenGreetingGoesOnInSentences()
    {
        final Signals signals = new Signals(3).silence(500).speech(1400, 6000).silence(500).speech(1500, 6000)
            .silence(300).speech(1500, 6000);
        run(signals.silence(2000).build(30));

        assertEquals(Verdict.MACHINE, result.verdict());
        assertEquals(Cause.SENTENCES, result.cause());
        assertTrue(result.decisionMs() < 2600, "decided at " + result.decisionMs());
    }

    @Test
    void shouldCallMachineOnLongGreeting()
    {
        run(new Signals(4).silence(300).speech(7000, 6000).silence(2000).build(30));

        assertEquals(Verdict.MACHINE, result.verdict());
        assertEquals(Cause.LONG_GREETING, result.cause());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 800, 1000, 1400, 2000})
    void shouldReportEndOfBeepAfterGreeting(final int beepHz)
    {
        final Signals signals = new Signals(beepHz).silence(300).speech(6000, 6000).silence(600)
            .tone(beepHz, 400, 8000);
        final int beepEnd = signals.positionMs();
        run(signals.silence(2000).build(30));

        assertEquals(Verdict.MACHINE, result.verdict());
        assertTrue(Math.abs(result.beepEndMs() - beepEnd) <= 40, "beep end " + result.beepEndMs() + " vs " + beepEnd);
        assertTrue(Math.abs(result.beepHz() - beepHz) <= beepHz * 0.02, "beep at " + result.beepHz());
        assertTrue(detector.isFinished());
    }

    @Test
    void shouldCallMachineOnBeepRightAfterShortGreeting()
    {
        final Signals signals = new Signals(5).silence(500).speech(600, 6000).silence(150).tone(1200, 500, 8000);
        final int beepEnd = signals.positionMs();
        run(signals.silence(2000).build(30));

        assertEquals(Verdict.MACHINE, result.verdict());
        assertEquals(Cause.BEEP, result.cause());
        assertTrue(Math.abs(result.beepEndMs() - beepEnd) <= 40);
    }

    @Test
    void shouldReportGreetingEndedWithoutBeep()
    {
        run(new Signals(6).silence(300).speech(7000, 6000).silence(6000).build(30));

        assertEquals(Verdict.MACHINE, result.verdict());
        assertEquals(DetectionResult.NONE, result.beepEndMs());
        assertTrue(result.noBeepMs() > 7300, "no beep at " + result.noBeepMs());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldDetectSpecialInformationTones(final boolean low)
    {
        final Signals signals = new Signals(7).silence(300).tone(low ? 913.8 : 985.2, 276, 8000)
            .tone(low ? 1370.6 : 1428.5, 276, 8000).tone(1776.7, 380, 8000).silence(100).speech(2000, 6000);
        run(signals.silence(1000).build(30));

        assertEquals(Verdict.SIT, result.verdict());
        assertEquals(Cause.SIT_TONES, result.cause());
        assertTrue(result.decisionMs() < 1200);
    }

    @Test
    void shouldDetectFaxAnswerTone()
    {
        run(new Signals(8).silence(500).tone(2100, 3000, 8000).silence(1000).build(30));

        assertEquals(Verdict.FAX, result.verdict());
        assertEquals(Cause.FAX_CED, result.cause());
        assertTrue(result.decisionMs() <= 1100, "decided at " + result.decisionMs());
    }

    @Test
    void shouldDetectFaxCallingTone()
    {
        run(new Signals(9).silence(500).tone(1100, 500, 8000).silence(3000).tone(1100, 500, 8000).build(30));

        assertEquals(Verdict.FAX, result.verdict());
        assertEquals(Cause.FAX_CNG, result.cause());
    }

    @Test
    void shouldBeNotSureOnDeadAir()
    {
        run(new Signals(10).silence(8000).build(50));

        assertEquals(Verdict.NOTSURE, result.verdict());
        assertEquals(Cause.INITIAL_SILENCE, result.cause());
        assertEquals(DetectorConfig.INITIAL_SILENCE_MS_DEFAULT, result.decisionMs());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 80, 160, 333, 1000})
    void shouldDecideTheSameForAnyFrameSize(final int chunk)
    {
        final short[] samples = new Signals(11).silence(700).speech(500, 6000).silence(3000).build(30);
        run(samples);
        final Verdict expected = result.verdict();
        final int expectedMs = result.decisionMs();

        result.reset();
        detector.reset();
        for (int i = 0; i < samples.length && !detector.isFinished(); i += chunk)
        {
            detector.onFrame(samples, i, Math.min(chunk, samples.length - i));
        }
        assertEquals(expected, result.verdict());
        assertEquals(expectedMs, result.decisionMs());
    }

    @Test
    void shouldStartAfreshAfterReset()
    {
        run(new Signals(12).silence(300).speech(7000, 6000).silence(2000).build(30));
        assertEquals(Verdict.MACHINE, result.verdict());

        run(new Signals(13).silence(700).speech(500, 6000).silence(3000).build(30));
        assertEquals(Verdict.HUMAN, result.verdict());
        assertFalse(result.decisionMs() > 2000);
    }

    @Test
    void shouldIgnoreFramesAfterFinishing()
    {
        final short[] samples = new Signals(14).silence(700).speech(500, 6000).silence(3000).build(30);
        run(samples);
        final int decided = result.decisionMs();
        detector.onFrame(samples, 0, samples.length);
        assertEquals(decided, result.decisionMs());
    }
}
