/*
 * Dialer core compliance tests.
 */
package io.dialer.core.compliance;

import io.dialer.core.lead.RegionNormaliser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoNotCallListTest
{
    @TempDir
    Path dir;

    @Test
    void shouldLoadGoodLinesAndReportBadOnesWithTheirLineNumbers() throws IOException
    {
        final Path file = dir.resolve("national-dnc.txt");
        Files.writeString(file, String.join("\n",
            "# national list extract",
            "+13105550100",
            "",
            "  +12125550199   # trailing comment",
            "3105550101",
            "+1310555O102",
            "+13105550100",
            "+0123",
            "+4915123456789") + "\n", StandardCharsets.UTF_8);

        try (DoNotCallList list = new DoNotCallList(dir.resolve("optouts.txt")))
        {
            final DncLoadReport report = list.load(file);

            assertEquals(9, report.lines());
            assertEquals(3, report.added());
            assertEquals(1, report.duplicates());
            assertEquals(3, report.errorCount());
            assertEquals(List.of(
                file + ":5: not a phone number: '3105550101'",
                file + ":6: not a phone number: '+1310555O102'",
                file + ":8: not a phone number: '+0123'"), report.errors());
            assertTrue(list.contains(13105550100L));
            assertTrue(list.contains("+12125550199"));
            assertTrue(list.contains(4915123456789L));
            assertFalse(list.contains(13105550101L));
            assertFalse(list.contains("not a number"));
            assertEquals(3, list.size());
            assertEquals(1, list.version());
        }
    }

    @Test
    void shouldReadNationalFormatLikeALeadListInTheCampaignsRegion() throws IOException
    {
        final Path file = dir.resolve("dnc-internal.txt");
        Files.writeString(file, "(214) 555-0123\n214.555.0124   # asked on the phone\n+44 20 7946 0000\n555-01\n",
            StandardCharsets.UTF_8);

        try (DoNotCallList list = new DoNotCallList(dir.resolve("optouts.txt"), new RegionNormaliser("US"), 16))
        {
            final DncLoadReport report = list.load(file);

            assertTrue(list.contains("+12145550123"), "a listed national number is blocked");
            assertTrue(list.contains("+12145550124"));
            assertTrue(list.contains("+442079460000"));
            assertEquals(List.of(file + ":4: phone '555-01' is not a valid number for region US"), report.errors());
            assertEquals(4, report.errorLine(0));
            assertEquals("phone '555-01' is not a valid number for region US", report.errorMessage(0));
        }
    }

    @Test
    void shouldReportAnUnreadableFileWithoutThrowingAndKeepTheLinesBeforeABadByte() throws IOException
    {
        final Path latin1 = dir.resolve("dnc.txt");
        Files.write(latin1,
            "+12145550123\n+12145550124 # Jos\u00e9\n+12145550125\n".getBytes(StandardCharsets.ISO_8859_1));

        try (DoNotCallList list = new DoNotCallList(dir.resolve("optouts.txt")))
        {
            final DncLoadReport missing = list.load(dir.resolve("nope.txt"));
            final DncLoadReport report = list.load(latin1);

            assertEquals("file not found: " + dir.resolve("nope.txt"), missing.fileError());
            assertFalse(missing.isClean());
            assertTrue(list.contains("+12145550123"));
            assertEquals("not UTF-8; save the file as UTF-8", report.fileError());
            assertEquals(2, report.fileErrorLine());
            assertEquals(2, report.linesNotRead());
            assertTrue(report.toString().endsWith("stopped: line 2: not UTF-8; save the file as UTF-8 (2 lines not " +
                "read)"), report.toString());
        }
    }

    @Test
    void shouldCheckAFileWithoutKeepingItsNumbers() throws IOException
    {
        final Path file = dir.resolve("dnc.txt");
        Files.writeString(file, "2145550123\n(214) 555-0123\nnope\n");

        final DncLoadReport report = new DncFileReader(new RegionNormaliser("US")).check(file);

        assertEquals(1, report.added());
        assertEquals(1, report.duplicates());
        assertEquals(List.of(file + ":3: phone 'nope' is not a valid number for region US"), report.errors());
    }

    @Test
    void shouldUseTheNormaliserGiven() throws IOException
    {
        final Path file = dir.resolve("national.txt");
        Files.writeString(file, "(310) 555-0100\n555\n", StandardCharsets.UTF_8);
        final NumberNormaliser usOnly = (text) ->
        {
            final String digits = text.toString().replaceAll("[^0-9]", "");
            return digits.length() == 10 ? Long.parseLong("1" + digits) : E164.INVALID;
        };

        try (DoNotCallList list = new DoNotCallList(dir.resolve("optouts.txt"), usOnly, 16))
        {
            final DncLoadReport report = list.load(file);

            assertEquals(1, report.added());
            assertEquals(List.of(file + ":2: not a phone number: '555'"), report.errors());
            assertTrue(list.contains("+13105550100"));
        }
    }

    @Test
    void shouldPersistAnOptOutAtOnce() throws IOException
    {
        final Path optOuts = dir.resolve("state").resolve("optouts.txt");

        try (DoNotCallList list = new DoNotCallList(optOuts))
        {
            assertEquals(0, list.version());
            assertTrue(list.add(13105550100L, "keypad:call-42", 1_780_000_000_000L));
            assertTrue(list.add("+12125550199", "agent", 1_780_000_000_001L));
            assertFalse(list.add(13105550100L, "again", 1_780_000_000_002L));
            assertEquals(2, list.version());

            // On the device before close: another reader sees both lines now.
            final List<String> lines = Files.readAllLines(optOuts);
            assertEquals(2, lines.size());
            assertTrue(lines.get(0).startsWith("+13105550100 # opt-out at=2026-"), lines.get(0));
            assertTrue(lines.get(0).endsWith("source=keypad:call-42"), lines.get(0));
        }

        try (DoNotCallList reopened = new DoNotCallList(optOuts))
        {
            assertTrue(reopened.contains(13105550100L));
            assertTrue(reopened.contains(12125550199L));
            assertEquals(2, reopened.optOutReport().added());
            assertEquals(0, reopened.optOutReport().errorCount());
        }
    }

    @Test
    void shouldKeepAManagersRemovalAndABulkAdditionAcrossARestart() throws IOException
    {
        final Path optOuts = dir.resolve("optouts.txt");

        try (DoNotCallList list = new DoNotCallList(optOuts))
        {
            assertTrue(list.add(13105550100L, "keypad", 1_780_000_000_000L));
            assertTrue(list.unblock(13105550100L));
            assertFalse(list.unblock(13105550100L), "not on the list any more");
            list.persistRemoval(13105550100L, "manager", 1_780_000_000_001L);
            list.persistAll(new long[]{12125550101L, 12125550102L, 99L}, 2, "bulk.txt", 1_780_000_000_002L);
            assertFalse(list.contains(12125550101L), "written, not yet blocked: the controller blocks");
            assertEquals(4, Files.readAllLines(optOuts).size());
            assertTrue(Files.readAllLines(optOuts).get(1).startsWith("-+13105550100 # removed at="));
        }

        try (DoNotCallList reopened = new DoNotCallList(optOuts))
        {
            assertFalse(reopened.contains(13105550100L), "the removal is kept");
            assertTrue(reopened.contains(12125550101L));
            assertTrue(reopened.contains(12125550102L));
            assertEquals(1, reopened.optOutReport().removed());
            assertEquals(0, reopened.optOutReport().errorCount());
        }
        assertEquals(1, new DncFileReader(E164::parse).check(optOuts).errorCount(),
            "a removal line is an error in a file that may not remove");
    }

    @Test
    void shouldBlockAtOnceAndWriteOnlyWhenPersisted() throws IOException
    {
        final Path optOuts = dir.resolve("optouts.txt");

        try (DoNotCallList list = new DoNotCallList(optOuts))
        {
            final long number = list.normalise("+13105550100");
            assertTrue(list.block(number));
            assertFalse(list.block(number), "already blocked");
            assertTrue(list.contains("+13105550100"), "refused by the next check at once");
            assertEquals(1, list.version());
            assertEquals(List.of(), Files.readAllLines(optOuts), "nothing on disk before persist");

            list.persist(number, "opt-out", 1_780_000_000_000L);
            assertEquals(1, Files.readAllLines(optOuts).size());
            assertThrows(IllegalArgumentException.class, () -> list.normalise("not a number"));
        }
    }

    @Test
    void shouldKeepAppendingAfterATornLastLine() throws IOException
    {
        final Path optOuts = dir.resolve("optouts.txt");
        Files.writeString(optOuts, "+13105550100\n+12125550199 # opt-out at=2026-", StandardCharsets.UTF_8);

        try (DoNotCallList list = new DoNotCallList(optOuts))
        {
            assertEquals(2, list.optOutReport().added());
            assertTrue(list.add(14155550123L, "keypad:call-1\nforged", 0));
        }

        try (DoNotCallList reopened = new DoNotCallList(optOuts))
        {
            assertTrue(reopened.contains(14155550123L));
            assertTrue(reopened.contains(13105550100L));
            assertTrue(reopened.contains(12125550199L));
            assertEquals(3, reopened.size());
            assertEquals(0, reopened.optOutReport().errorCount());
            assertEquals(3, Files.readAllLines(optOuts).size());
        }
    }

    @Test
    void shouldRefuseInvalidOptOuts()
    {
        try (DoNotCallList list = new DoNotCallList(dir.resolve("optouts.txt")))
        {
            assertThrows(IllegalArgumentException.class, () -> list.add(0, "x", 0));
            assertThrows(IllegalArgumentException.class, () -> list.add("310-555", "x", 0));
            assertEquals(0, list.size());
        }
    }

    @Test
    void shouldParseStrictE164()
    {
        assertEquals(13105550100L, E164.parse("+13105550100"));
        assertEquals(999_999_999_999_999L, E164.parse("+999999999999999"));
        assertEquals(E164.INVALID, E164.parse("+9999999999999999"));
        assertEquals(E164.INVALID, E164.parse("13105550100"));
        assertEquals(E164.INVALID, E164.parse("+1 310 555 0100"));
        assertEquals(E164.INVALID, E164.parse("+"));
        assertEquals(E164.INVALID, E164.parse(null));
        assertEquals("+13105550100", E164.format(13105550100L));
    }
}
