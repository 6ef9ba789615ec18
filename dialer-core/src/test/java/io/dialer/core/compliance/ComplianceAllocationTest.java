/*
 * Dialer core compliance tests.
 */
package io.dialer.core.compliance;

import io.dialer.core.Allocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComplianceAllocationTest
{
    private static final int CALLS = 200_000;

    @TempDir
    Path dir;

    @Test
    void shouldCheckTheDoNotCallListAndPaceWithoutAllocating() throws IOException
    {
        try (DoNotCallList list = new DoNotCallList(dir.resolve("optouts.txt")))
        {
            final StringBuilder numbers = new StringBuilder();
            for (int i = 0; i < 10_000; i++)
            {
                E164.appendTo(numbers, 13_105_550_000L + i * 7L).append('\n');
            }
            final Path file = dir.resolve("dnc.txt");
            Files.writeString(file, numbers, StandardCharsets.US_ASCII);
            assertEquals(10_000, list.load(file).added());
            final ProgressivePacer pacer = new ProgressivePacer(1.5, 50);
            final String text = "+13105550007";

            final Allocations.Result measured = Allocations.leastOf(3, () -> run(list, pacer, text));
            assertTrue(measured.bytes() < 1024, "allocated " + measured.bytes() + " bytes over " + CALLS + " checks");
            assertEquals(3 * (10_000 + CALLS), measured.sum());
        }
    }

    private static long run(final DoNotCallList list, final ProgressivePacer pacer, final String text)
    {
        long hits = 0;
        for (int i = 0; i < CALLS; i++)
        {
            hits += list.contains(13_105_550_000L + i) ? 1 : 0;
            hits += list.contains(text) ? 1 : 0;
            hits += pacer.linesToDial(20, i & 15, i & 7) >= 0 ? 0 : 1;
        }

        return hits;
    }
}
