/*
 * Dialer core compliance tests.
 */
package io.dialer.core.compliance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import io.dialer.core.Allocations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NationalDncListTest
{
    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = { "2015550123", "201-555-0123", "(201) 555-0123", "201.555.0123", "201,5550123",
        "12015550123", "1-201-555-0123", "  2015550123  ", "2015550123 # note", "2015550123\r" })
    void shouldReadEveryWayTheRegistryWritesANumber(final String line) throws IOException
    {
        final DncLoadReport report = NationalDncList.newReport(dir);
        final NationalDncList list = NationalDncList.load(write("list.txt", line + "\n"), TODAY, report);

        assertTrue(report.isClean(), report.errors().toString());
        assertEquals(1, list.size());
        assertTrue(list.contains(12015550123L));
        assertFalse(list.contains(12015550124L));
    }

    @Test
    void shouldReportBadLinesWithTheirLineNumberAndKeepTheGoodOnes() throws IOException
    {
        final Path file = write("list.txt", "# downloaded: 2026-11-30\n2015550123\n555-0123\n2015550123\n" +
            "20155501234\nabc2015550124\n1015550125\n2011550126\n\n3055550100");
        final DncLoadReport report = NationalDncList.newReport(file);

        final NationalDncList list = NationalDncList.load(file, null, report);

        assertEquals(2, list.size());
        assertEquals(1, report.duplicates());
        assertEquals(10, report.lines());
        assertEquals(5, report.errorCount());
        assertEquals(3, report.errorLine(0));
        assertEquals(5, report.errorLine(1));
        assertEquals(6, report.errorLine(2));
        assertEquals(7, report.errorLine(3));
        assertEquals(8, report.errorLine(4));
        assertEquals(file + ":3: '555-0123' is not a 10-digit US number (like 2015550123, 201-555-0123 or " +
            "201,5550123)", report.errors().get(0));
        assertTrue(list.contains(13055550100L), "the last line without a newline is read");
        assertEquals(2, list.areaCodeCount());
    }

    @Test
    void shouldIgnoreAByteOrderMark() throws IOException
    {
        final Path file = dir.resolve("bom.txt");
        Files.write(file, new byte[]{ (byte)0xEF, (byte)0xBB, (byte)0xBF, '2', '0', '1', '5', '5', '5', '0', '1', '2',
            '3', '\n' });

        final DncLoadReport report = NationalDncList.newReport(file);
        final NationalDncList list = NationalDncList.load(file, TODAY, report);

        assertTrue(report.isClean(), report.errors().toString());
        assertTrue(list.contains(12015550123L));
    }

    @Test
    void shouldNeverHoldANumberOfAnotherCountry()
    {
        final NationalDncList list = NationalDncList.empty(null, TODAY);
        list.add(2015550123L);

        assertFalse(list.contains(442015550123L));
        assertFalse(list.contains(2015550123L));
        assertFalse(list.contains(-1));
        assertThrows(IllegalArgumentException.class, () -> list.add(1015550123L));
        assertFalse(list.add(2015550123L));
    }

    @Test
    void shouldTakeTheDateFromTheCampaignThenTheHeaderThenTheFileName() throws IOException
    {
        final Path file = write("registry-2026-11-01.txt", "# National DNC, downloaded: 2026-11-15\n2015550123\n");

        assertEquals("2026-11-20 campaign file", dated(NationalDncList.load(file, LocalDate.parse("2026-11-20"))));
        assertEquals("2026-11-15 header", dated(NationalDncList.load(file, null)));
        assertEquals("2026-11-01 file name", dated(NationalDncList.load(write("registry-2026-11-01b.txt",
            "2015550123\n# downloaded: 2026-11-15\n"), null)));
        assertEquals("2026-11-30 file name", dated(NationalDncList.load(write("201_20261130.txt", "2015550123\n"),
            null)));
        assertNull(NationalDncList.load(write("list.txt", "2015550123\n"), null).downloaded());
    }

    @Test
    void shouldAllowACopyUpTo31DaysOldAndRefuseAnOlderOneSayingWhy()
    {
        final Path file = Path.of("dnc", "national.txt");

        assertNull(NationalDncList.empty(file, TODAY.minusDays(31)).staleness(TODAY));
        assertNull(NationalDncList.empty(file, TODAY).staleness(TODAY));
        assertEquals("national do-not-call file " + file + " was downloaded 2026-11-05 (given), 32 days ago: " +
            "the limit is 31 days; download the registry again",
            NationalDncList.empty(file, TODAY.minusDays(32)).staleness(TODAY));
        assertTrue(NationalDncList.empty(file, TODAY.plusDays(1)).staleness(TODAY).contains("1 days in the future"));
        assertTrue(NationalDncList.empty(file, null).staleness(TODAY).contains("has no download date"));
    }

    @Test
    void shouldReportAMissingFile()
    {
        final Path file = dir.resolve("missing.txt");
        final DncLoadReport report = NationalDncList.newReport(file);

        NationalDncList.load(file, TODAY, report);

        assertFalse(report.isClean());
        assertTrue(report.fileError().contains("not found"), report.fileError());
    }

    @Test
    void shouldReadAcrossTheReadBuffer() throws IOException
    {
        final StringBuilder text = new StringBuilder();
        final int count = 200_000;
        for (int i = 0; i < count; i++)
        {
            text.append(2015550000L + i * 7L).append("\r\n");
        }
        final DncLoadReport report = NationalDncList.newReport(dir);

        final NationalDncList list = NationalDncList.load(write("big.txt", text.toString()), TODAY, report);

        assertTrue(report.isClean(), report.errors().toString());
        assertEquals(count, list.size());
        for (int i = 0; i < count; i++)
        {
            assertTrue(list.contains(12015550000L + i * 7L));
            assertFalse(list.contains(12015550000L + i * 7L + 1));
        }
        assertEquals(2, list.blockCount(), "2015550000 to 2016949993: exchanges 555 to 694");
        assertEquals(2 * (NationalDncList.BYTES_PER_BLOCK + 16) + 40_000 + 1_000, list.memoryBytes());
    }

    @Test
    void shouldBeCheckedByTheDoNotCallList() throws IOException
    {
        try (DoNotCallList dnc = new DoNotCallList(dir.resolve("optouts.txt")))
        {
            final NationalDncList national = NationalDncList.empty(null, TODAY);
            national.add(2015550123L);
            final long version = dnc.version();

            dnc.national(national);

            assertTrue(dnc.contains(12015550123L));
            assertTrue(dnc.contains("+12015550123"));
            assertFalse(dnc.contains(12015550124L));
            assertEquals(0, dnc.size());
            assertEquals(version + 1, dnc.version());
            assertEquals(TODAY.toEpochDay(), dnc.nationalListDate());
        }
    }

    @Test
    void shouldCheckTheRegistryThroughTheListWithoutAllocating() throws IOException
    {
        try (DoNotCallList dnc = new DoNotCallList(dir.resolve("optouts.txt")))
        {
            final NationalDncList national = NationalDncList.empty(null, TODAY);
            for (long i = 0; i < 100_000; i++)
            {
                national.add(2015550000L + i * 3);
            }
            dnc.national(national);

            final Allocations.Result measured = Allocations.leastOf(3, () -> probe(dnc));
            assertTrue(measured.bytes() < 1024, "allocated " + measured.bytes() + " bytes over 300,000 checks");
            assertEquals(3 * 100_000, measured.sum());
        }
    }

    private static long probe(final DoNotCallList dnc)
    {
        long hits = 0;
        for (long i = 0; i < 300_000; i++)
        {
            hits += dnc.contains(12015550000L + i) ? 1 : 0;
        }
        return hits;
    }

    private static String dated(final NationalDncList list)
    {
        return list.downloaded() + " " + list.dateSource();
    }

    private Path write(final String name, final String text) throws IOException
    {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
