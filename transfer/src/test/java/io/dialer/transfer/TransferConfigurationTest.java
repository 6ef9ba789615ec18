/*
 * Dialer transfer module tests.
 */
package io.dialer.transfer;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferConfigurationTest
{
    @Test
    void shouldHaveTheDocumentedDefaults()
    {
        final TransferConfiguration.Context context = new TransferConfiguration.Context().conclude();
        assertTrue(context.isConcluded());
        assertEquals(TransferConfiguration.REASSURANCE_INTERVAL_DEFAULT, context.reassuranceIntervalMs());
        assertEquals(TransferConfiguration.RING_TIMEOUT_DEFAULT, context.ringTimeoutMs());
        assertEquals(TransferConfiguration.DECISION_TIMEOUT_DEFAULT, context.decisionTimeoutMs());
        assertEquals(TransferConfiguration.PROMPT_GUARD_DEFAULT, context.promptGuardMs());
        assertEquals(TransferConfiguration.MAX_ATTEMPTS_DEFAULT, context.maxAttempts());
        assertEquals(TransferConfiguration.HOLD_LIMIT_DEFAULT, context.holdLimitMs());
        assertEquals(TransferConfiguration.WRAP_UP_DEFAULT, context.wrapUpMs());
        assertEquals(TransferConfiguration.INTRODUCTION_DEFAULT, context.introduction());
        assertEquals(TransferConfiguration.CALLER_ID_PASS_THROUGH_DEFAULT, context.callerIdPassThrough());
        assertEquals(TransferConfiguration.HOLD_MUSIC_DEFAULT, context.holdMusic());
        assertEquals(TransferConfiguration.MAX_WAITING_CALLERS_DEFAULT, context.maxWaitingCallers());
    }

    @Test
    void shouldReadNoSystemProperty()
    {
        final String name = "dialer.transfer.introduction";
        final String before = System.getProperty(name);
        System.setProperty(name, String.valueOf(!TransferConfiguration.INTRODUCTION_DEFAULT));
        try
        {
            assertEquals(TransferConfiguration.INTRODUCTION_DEFAULT,
                new TransferConfiguration.Context().conclude().introduction(),
                "the campaign file sets a campaign's settings, not a system property");
        }
        finally
        {
            if (null == before)
            {
                System.clearProperty(name);
            }
            else
            {
                System.setProperty(name, before);
            }
        }
    }

    @Test
    void shouldConnectTheCallerAtOnceByDefault()
    {
        assertFalse(TransferConfiguration.INTRODUCTION_DEFAULT, "seed 002: the caller is connected immediately");
    }

    static Stream<Arguments> invalidSettings()
    {
        return Stream.of(
            Arguments.of("reassurance", (Consumer<TransferConfiguration.Context>)c -> c.reassuranceIntervalMs(-1)),
            Arguments.of("ring", (Consumer<TransferConfiguration.Context>)c -> c.ringTimeoutMs(0)),
            Arguments.of("decision", (Consumer<TransferConfiguration.Context>)c -> c.decisionTimeoutMs(0)),
            Arguments.of("guard", (Consumer<TransferConfiguration.Context>)c -> c.promptGuardMs(0)),
            Arguments.of("attempts", (Consumer<TransferConfiguration.Context>)c -> c.maxAttempts(0)),
            Arguments.of("hold", (Consumer<TransferConfiguration.Context>)c -> c.holdLimitMs(0)),
            Arguments.of("wrap", (Consumer<TransferConfiguration.Context>)c -> c.wrapUpMs(-1)),
            Arguments.of("waiting", (Consumer<TransferConfiguration.Context>)c -> c.maxWaitingCallers(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void shouldRefuseInvalidSettings(final String name, final Consumer<TransferConfiguration.Context> change)
    {
        final TransferConfiguration.Context context = new TransferConfiguration.Context();
        change.accept(context);
        assertThrows(IllegalStateException.class, context::conclude);
    }

    @Test
    void shouldConcludeAContextPassedUnconcluded()
    {
        final TransferConfiguration.Context context = new TransferConfiguration.Context().holdMusic(null);
        new WarmTransfer(context, new RecordingCommands());
        assertTrue(context.isConcluded());
        assertEquals("", context.holdMusic());
    }
}
