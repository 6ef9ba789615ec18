/*
 * Answering-machine detection tests.
 */
package io.dialer.detection;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DetectorConfigTest
{
    @Test
    void shouldHaveWorkingDefaults()
    {
        final DetectorConfig config = DetectorConfig.defaults();
        assertEquals(DetectorConfig.HUMAN_SILENCE_MS_DEFAULT, config.humanSilenceMs());
        assertEquals(DetectorConfig.MAX_HUMAN_GREETING_MS_DEFAULT, config.maxHumanGreetingMs());
        assertEquals(DetectorConfig.STATEMENT_SILENCE_MS_DEFAULT, config.statementSilenceMs());
        assertEquals(DetectorConfig.QUESTION_RISE_CENTS_DEFAULT, config.questionRiseCents());
        assertEquals(DetectorConfig.LATE_BEEP_MS_DEFAULT, config.lateBeepMs());
        assertEquals(0, config.toBuilder().lateBeepMs(0).build().lateBeepMs());
    }

    @Test
    void shouldOverrideOneValueAndKeepTheRest()
    {
        final DetectorConfig config = DetectorConfig.builder().humanSilenceMs(600).build();
        assertEquals(600, config.humanSilenceMs());
        assertEquals(DetectorConfig.STATEMENT_SILENCE_MS_DEFAULT, config.statementSilenceMs());
        assertEquals(DetectorConfig.LONG_GREETING_SILENCE_MS_DEFAULT, config.longGreetingSilenceMs());
        assertEquals(config.toString(), config.toBuilder().build().toString());
    }

    @Test
    void shouldRejectInconsistentValues()
    {
        assertThrows(IllegalArgumentException.class, () -> DetectorConfig.builder().humanSilenceMs(0).build());
        assertThrows(IllegalArgumentException.class, () -> DetectorConfig.builder().voiceOffDb(12).build());
        assertThrows(IllegalArgumentException.class, () -> DetectorConfig.builder().statementSilenceMs(0).build());
        assertThrows(IllegalArgumentException.class, () -> DetectorConfig.builder().questionRiseCents(-1).build());
        assertThrows(IllegalArgumentException.class, () -> DetectorConfig.builder().lateBeepMs(-1).build());
        assertThrows(IllegalArgumentException.class,
            () -> DetectorConfig.builder().minBeepHz(2000).maxBeepHz(1000).build());
        assertThrows(IllegalArgumentException.class, () -> DetectorConfig.builder().tonePercent(101).build());
        assertThrows(IllegalArgumentException.class,
            () -> DetectorConfig.builder().shortGreetingMs(2000).longGreetingMs(1000).build());
    }
}
