/*
 * Dialer core compliance tests.
 */
package io.dialer.core.compliance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProgressivePacerTest
{
    @ParameterizedTest(name = "ratio {0} max {1}: {2} logged in, {3} available, {4} in progress -> {5}")
    @CsvSource({
        // ratio, maxLines, loggedIn, available, inProgress, expected
        "1.0, 100, 0,  0,  0, 0",
        "3.0, 100, 0,  0,  0, 0",
        "3.0, 100, 0,  5,  0, 0",
        "1.0, 100, 4,  0,  0, 0",
        "1.0, 100, 4,  4,  0, 4",
        "1.0, 100, 4,  4,  3, 1",
        "1.0, 100, 4,  4,  4, 0",
        "1.0, 100, 4,  4,  9, 0",
        "1.5, 100, 4,  3,  0, 4",
        "1.5, 100, 4,  4,  0, 6",
        "0.5, 100, 4,  1,  0, 0",
        "0.5, 100, 4,  2,  0, 1",
        "0.1, 100, 30, 30, 0, 3",
        "0.3, 100, 10, 10, 0, 3",
        "2.0, 10,  8,  8,  0, 10",
        "2.0, 10,  8,  8,  7, 3",
        "2.0, 10,  8,  8,  -1, 10",
    })
    void shouldPaceOneLinePerAvailableCloserTimesTheRatio(
        final double ratio,
        final int maxLines,
        final int loggedIn,
        final int available,
        final int inProgress,
        final int expected)
    {
        assertEquals(expected, new ProgressivePacer(ratio, maxLines).linesToDial(loggedIn, available, inProgress));
    }

    @Test
    void shouldRefuseBadSettings()
    {
        assertThrows(IllegalArgumentException.class, () -> new ProgressivePacer(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new ProgressivePacer(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new ProgressivePacer(Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> new ProgressivePacer(Double.POSITIVE_INFINITY, 10));
        assertThrows(IllegalArgumentException.class, () -> new ProgressivePacer(1, 0));
    }

    @Test
    void shouldExposeTheTarget()
    {
        final ProgressivePacer pacer = new ProgressivePacer(1.25, 7);

        assertEquals(5, pacer.targetLines(6, 4));
        assertEquals(7, pacer.targetLines(10, 10));
        assertEquals(1.25, pacer.ratio());
        assertEquals(7, pacer.maxLines());
    }
}
