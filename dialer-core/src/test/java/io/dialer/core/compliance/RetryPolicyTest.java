/*
 * Dialer core compliance tests.
 */
package io.dialer.core.compliance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static io.dialer.core.compliance.Times.HOUR_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest
{
    private static final long ENDED_MS = 1_780_000_000_000L;

    private final RetryPolicy defaults = RetryPolicy.defaultPolicy();

    @ParameterizedTest(name = "{0} -> {1} min")
    @CsvSource({
        "BUSY,      30",
        "NO_ANSWER, 120",
        "MACHINE,   240",
        "FAILED,    60",
        "ABANDONED, 60",
        "HUNG_UP,   1440",
        "CALLBACK,  1440",
    })
    void shouldDelayEachRetryableDisposition(final Disposition disposition, final long minutes)
    {
        assertFalse(defaults.isFinal(disposition));
        assertEquals(minutes * 60_000L, defaults.delayMs(disposition));
        assertEquals(ENDED_MS + minutes * 60_000L, defaults.nextAttemptMs(disposition, ENDED_MS, 0, 1));
    }

    @ParameterizedTest
    @EnumSource(value = Disposition.class,
        names = { "TRANSFERRED", "DISQUALIFIED", "OPTED_OUT", "INVALID_NUMBER", "MESSAGE_LEFT" })
    void shouldNeverRetryFinalDispositions(final Disposition disposition)
    {
        assertTrue(disposition.isFinal());
        assertTrue(defaults.isFinal(disposition));
        assertEquals(RetryPolicy.NEVER, defaults.nextAttemptMs(disposition, ENDED_MS, 0, 1));
    }

    @Test
    void shouldCallBackAtTheTimeAsked()
    {
        final long askedMs = ENDED_MS + 3 * HOUR_MS + 17_000;

        assertEquals(askedMs, defaults.nextAttemptMs(Disposition.CALLBACK, ENDED_MS, askedMs, 1));
        assertEquals(ENDED_MS, defaults.nextAttemptMs(Disposition.CALLBACK, ENDED_MS, ENDED_MS - HOUR_MS, 1));
    }

    @Test
    void shouldStopAfterTheMaximumAttempts()
    {
        assertEquals(3, defaults.maxAttempts());
        assertEquals(1, defaults.maxAttemptsPerDay());
        assertEquals(ENDED_MS + 30 * 60_000L, defaults.nextAttemptMs(Disposition.BUSY, ENDED_MS, 0, 2));
        assertEquals(RetryPolicy.NEVER, defaults.nextAttemptMs(Disposition.BUSY, ENDED_MS, 0, 3));
        assertEquals(RetryPolicy.NEVER, defaults.nextAttemptMs(Disposition.CALLBACK, ENDED_MS, ENDED_MS + 1, 3));
    }

    @Test
    void shouldBeConfigurable()
    {
        final RetryPolicy policy = new RetryPolicy.Context()
            .maxAttempts(8)
            .maxAttemptsPerDay(2)
            .delayMs(Disposition.BUSY, 10 * 60_000L)
            .delayMs(Disposition.MESSAGE_LEFT, 48 * HOUR_MS)
            .finalDisposition(Disposition.MACHINE, true)
            .policy();

        assertEquals(8, policy.maxAttempts());
        assertEquals(2, policy.maxAttemptsPerDay());
        assertEquals(ENDED_MS + 10 * 60_000L, policy.nextAttemptMs(Disposition.BUSY, ENDED_MS, 0, 7));
        assertEquals(ENDED_MS + 48 * HOUR_MS, policy.nextAttemptMs(Disposition.MESSAGE_LEFT, ENDED_MS, 0, 1));
        assertEquals(RetryPolicy.NEVER, policy.nextAttemptMs(Disposition.MACHINE, ENDED_MS, 0, 1));
        assertTrue(policy.toString().contains("MACHINE=final"), policy.toString());
        assertFalse(defaults.isFinal(Disposition.MACHINE));
    }

    @Test
    void shouldRefuseBadSettings()
    {
        assertThrows(IllegalStateException.class, () -> new RetryPolicy.Context().maxAttempts(0).policy());
        assertThrows(IllegalStateException.class, () -> new RetryPolicy.Context().maxAttemptsPerDay(0).policy());
        assertThrows(IllegalStateException.class,
            () -> new RetryPolicy.Context().delayMs(Disposition.BUSY, -1).policy());
        assertThrows(IllegalStateException.class,
            () -> new RetryPolicy.Context().delayMs(Disposition.OPTED_OUT, 1).policy());
        assertThrows(IllegalStateException.class,
            () -> new RetryPolicy.Context().finalDisposition(Disposition.OPTED_OUT, false).policy());
    }

    @ParameterizedTest
    @EnumSource(Disposition.class)
    void shouldNameEachDispositionByItsConfigurationKey(final Disposition disposition)
    {
        assertEquals(disposition, Disposition.fromConfigKey(disposition.configKey()));
        assertEquals(disposition, Disposition.fromConfigKey(" " + disposition.name() + " "));
        assertEquals(disposition, Disposition.get(disposition.ordinal()));
    }

    @Test
    void shouldRefuseAnUnknownDispositionKey()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> Disposition.fromConfigKey("voicemail"));

        assertTrue(ex.getMessage().contains("no_answer"), ex.getMessage());
    }

    @Test
    void shouldCheckAContextWhenItIsConcluded()
    {
        final RetryPolicy policy = new RetryPolicy.Context().maxAttempts(5).delayMs(Disposition.MESSAGE_LEFT, 60_000)
            .finalDisposition(Disposition.HUNG_UP, true).policy();

        assertEquals(5, policy.maxAttempts());
        assertEquals(60_000, policy.delayMs(Disposition.MESSAGE_LEFT));
        assertTrue(policy.isFinal(Disposition.HUNG_UP));
        assertEquals(RetryPolicy.defaultPolicy().toString(), new RetryPolicy.Context().policy().toString());
        assertEquals(30 * 60_000L, RetryPolicy.delayDefaultMs(Disposition.BUSY));
        assertTrue(RetryPolicy.isFinalByDefault(Disposition.MESSAGE_LEFT));
        assertThrows(IllegalStateException.class, () -> new RetryPolicy.Context().maxAttempts(0).conclude());
        assertThrows(IllegalStateException.class, () -> new RetryPolicy.Context().maxAttemptsPerDay(0).conclude());
        assertThrows(IllegalStateException.class,
            () -> new RetryPolicy.Context().delayMs(Disposition.BUSY, -1).conclude());
        assertThrows(IllegalStateException.class,
            () -> new RetryPolicy.Context().delayMs(Disposition.OPTED_OUT, 1).policy());
    }
}
