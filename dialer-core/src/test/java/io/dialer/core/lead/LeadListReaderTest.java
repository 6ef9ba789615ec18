/*
 * Lead lists.
 */
package io.dialer.core.lead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadListReaderTest
{
    private final LeadListReader reader = new LeadListReader("US", 2);

    @Test
    void shouldLoadLeadsWithFieldsAndE164Numbers()
    {
        final LeadList leads = read(
            "first_name,phone,city\n" +
            "Ana,(214) 555-0123,Dallas\n" +
            "Bo,+44 20 7946 0000,London\n" +
            "Cy,1-305-555-0199,Miami\n");

        assertEquals(3, leads.size());
        assertEquals("+12145550123", leads.e164(0));
        assertEquals(12145550123L, leads.number(0));
        assertEquals("+442079460000", leads.e164(1));
        assertEquals("+13055550199", leads.e164(2));
        assertEquals(List.of("first_name", "city"), leads.fieldNames());
        assertEquals("Ana", leads.field(0, "first_name"));
        assertEquals("Dallas", leads.field(0, "city"));
        assertEquals("London", leads.fields(1).get("city"));
        assertEquals(2, leads.row(0));
        assertEquals(4, leads.row(2));
        assertTrue(leads.report().isClean());
        assertEquals("3 leads, 0 bad rows, 0 duplicates merged", leads.summary());
    }

    @Test
    void shouldUseTheDefaultRegion()
    {
        final LeadList leads = new LeadListReader("GB", 1).read("x.csv", "phone\n020 7946 0000\n");

        assertEquals("+442079460000", leads.e164(0));
        assertEquals("Europe/London", leads.timeZones(0)[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone", "Phone_Number", "PHONENUMBER", "number", "mobile", "cell", "telephone", "tel",
        "msisdn", "  Phone  "})
    void shouldAcceptPhoneColumnAliases(final String alias)
    {
        final LeadList leads = read("name," + alias + "\nAna,2145550123\n");

        assertEquals(1, leads.size());
        assertEquals("+12145550123", leads.e164(0));
        assertEquals(List.of("name"), leads.fieldNames());
    }

    @Test
    void shouldReportEachBadRowWithItsRowNumberAndKeepTheGoodRows()
    {
        final LeadList leads = read(
            "phone,name,city\n" +
            "2145550123,Ana,Dallas\n" +
            "555-01,Bo,Austin\n" +
            ",Cy,Houston\n" +
            "2145550124,Di\n" +
            "2145550125,Ed,Waco,extra\n" +
            "call me,Fa,Plano\n" +
            "3055550199,Gi,Miami\n");

        assertEquals(2, leads.size());
        assertEquals(List.of(
            "row 3: phone '555-01' is not a valid number for region US",
            "row 4: phone is empty",
            "row 5: 2 columns, header has 3",
            "row 6: 4 columns, header has 3",
            "row 7: phone 'call me' is not a valid number for region US"), messages(leads));
        assertEquals(List.of(LeadProblem.Kind.BAD_NUMBER, LeadProblem.Kind.EMPTY_PHONE,
            LeadProblem.Kind.COLUMN_COUNT, LeadProblem.Kind.COLUMN_COUNT, LeadProblem.Kind.BAD_NUMBER),
            leads.report().problems().stream().map(LeadProblem::kind).collect(Collectors.toList()));
        assertEquals(5, leads.report().badRows());
        assertFalse(leads.report().isClean());
        assertEquals("2 leads, 5 bad rows, 0 duplicates merged", leads.summary());
    }

    @Test
    void shouldMergeDuplicatesKeepingTheFirstRowsFields()
    {
        final LeadList leads = read(
            "phone,name\n" +
            "+1 214 555 0123,Ana\n" +
            "3055550199,Bo\n" +
            "214.555.0123,Ana Ruiz\n");

        assertEquals(2, leads.size());
        assertEquals("Ana", leads.field(0, "name"));
        assertEquals(List.of("row 4: duplicate of row 2 (+12145550123), merged"), messages(leads));
        assertEquals(1, leads.report().duplicates());
        assertTrue(leads.report().isClean());
    }

    @Test
    void shouldTakeTheTimeZoneFromTheNumber()
    {
        final LeadList leads = read("phone\n2145550123\n2085550100\n");

        assertArrayEquals(new String[]{"America/Chicago"}, leads.timeZones(0));
        assertArrayEquals(new String[]{"America/Boise", "America/Los_Angeles"}, leads.timeZones(1));
        assertFalse(leads.timeZoneUnknown(1));
    }

    @Test
    void shouldPreferTheTimeZoneColumnAndWarnAboutABadOne()
    {
        final LeadList leads = read(
            "phone,Time_Zone\n" +
            "2085550100,America/Boise\n" +
            "2145550123,\n" +
            "3055550199,Eastern\n");

        assertArrayEquals(new String[]{"America/Boise"}, leads.timeZones(0));
        assertArrayEquals(new String[]{"America/Chicago"}, leads.timeZones(1));
        assertArrayEquals(new String[]{"America/New_York"}, leads.timeZones(2));
        assertEquals(List.of("row 4: time zone 'Eastern' is not a time zone id (like America/Chicago); using the " +
            "number's: America/New_York"), messages(leads));
        assertEquals(1, leads.report().warnings());
        assertTrue(leads.report().isClean());
    }

    @Test
    void shouldKeepALeadWithAnUnknownTimeZoneAndWarn()
    {
        final LeadList leads = new LeadListReader("US", 1).read("x.csv", "phone\n+883510012345\n");

        assertEquals(1, leads.size());
        assertTrue(leads.timeZoneUnknown(0));
        assertEquals(List.of("row 2: no time zone known for +883510012345; loaded with time zone unknown"),
            messages(leads));
        assertTrue(leads.report().isClean());
    }

    @Test
    void shouldTakeTheStateFromTheColumnElseFromTheNumber()
    {
        final LeadList leads = read("phone,state\n2145550123,tx\n3125550142,\n2085550100,\n+442079460000,\n");

        assertEquals("TX", leads.state(0));
        assertEquals("IL", leads.state(1));
        assertEquals("ID", leads.state(2));
        assertNull(leads.state(3));
    }

    @Test
    void shouldCountRowsNotLinesWithQuotedCommasAndNewlines()
    {
        final LeadList leads = read(
            "phone,name,note\n" +
            "2145550123,\"Ruiz, Ana\",\"line one\nline two\"\n" +
            "555-01,Bo,x\n");

        assertEquals(1, leads.size());
        assertEquals("Ruiz, Ana", leads.field(0, "name"));
        assertEquals("line one\nline two", leads.field(0, "note"));
        assertEquals(List.of("row 3 (line 4): phone '555-01' is not a valid number for region US"),
            messages(leads));
        assertEquals(3, leads.report().problems().get(0).row());
        assertEquals(4, leads.report().problems().get(0).line());
    }

    @Test
    void shouldKeepTheRowsBeforeAnUnclosedQuoteAndReportIt()
    {
        final LeadList leads = read("phone,name\n2145550123,Ana\n3055550199,\"Bo\n2145550124,Cy\n");

        assertEquals(1, leads.size());
        assertTrue(leads.report().hasFileError());
        assertEquals(1, leads.report().problems().size());
        assertEquals(List.of("row 3: cannot read on from here: a quote (\") opened in this row is never closed; " +
            "close it, or write a quote inside a cell as \"\" (2 lines not read)"), messages(leads));
    }

    @Test
    void shouldCountTheLinesNotReadAfterAnUnclosedQuoteInTheSummary(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("leads.csv");
        Files.writeString(file, "phone,name\n2145550123,Ana\n\n555-01,Bo\n3055550199,\"Cy\n2145550124,Di\n" +
            "2145550125,Ed");

        final LeadList leads = reader.read(file);

        assertEquals(1, leads.size());
        assertEquals(2, leads.report().problems().size(), messages(leads).toString());
        assertEquals(4, leads.report().problems().get(1).row(), "the empty line is not a row");
        assertEquals(5, leads.report().problems().get(1).line());
        assertEquals(3, leads.report().linesNotRead());
        assertEquals("1 leads, 1 bad rows, 0 duplicates merged, 3 lines not read from row 4", leads.summary());
    }

    @Test
    void shouldReadSemicolonAndTabSeparatedFilesAndSaySo()
    {
        final LeadList semicolons = read("phone;first_name;city\n(214) 555-0123;Ana;Dallas\n\"+1 512 555 0144\";" +
            "\"Vega; Carmen\";Austin\n");
        final LeadList tabs = read("first_name\tPhone\nAna\t214-555-0123\n");

        assertEquals(';', semicolons.separator());
        assertEquals(2, semicolons.size());
        assertEquals("Vega; Carmen", semicolons.field(1, "first_name"));
        assertEquals("+15125550144", semicolons.e164(1));
        assertEquals("2 leads, 0 bad rows, 0 duplicates merged (separated by semicolons)", semicolons.summary());
        assertEquals('\t', tabs.separator());
        assertEquals("+12145550123", tabs.e164(0));
        assertEquals("1 leads, 0 bad rows, 0 duplicates merged (separated by tabs)", tabs.summary());
        assertEquals(',', read("phone,name\n2145550123,\"a;b\"\n").separator());
    }

    @Test
    void shouldReportTheRowOfTheFirstByteThatIsNotUtf8AndKeepTheRowsBefore(@TempDir final Path dir)
        throws IOException
    {
        final Path file = dir.resolve("leads.csv");
        Files.write(file, "phone,first_name\n2145550123,Ana\n2145550124,Jos\u00e9\n2145550125,Ed\n"
            .getBytes(StandardCharsets.ISO_8859_1));

        final LeadList leads = reader.read(file);

        assertEquals(1, leads.size());
        assertEquals("Ana", leads.field(0, "first_name"));
        assertTrue(leads.report().hasFileError());
        assertEquals(List.of("row 3: not UTF-8; save the file as UTF-8"), messages(leads));
        assertEquals(2, leads.report().linesNotRead());
        assertEquals(file + ":3: not UTF-8; save the file as UTF-8",
            leads.report().problems().get(0).format(file.toString()));
    }

    @Test
    void shouldFindTheBadByteBeyondTheFirstBuffer(@TempDir final Path dir) throws IOException
    {
        final StringBuilder csv = new StringBuilder("phone,n\n");
        for (int i = 0; i < 9_000; i++)
        {
            csv.append(2_145_550_000L + i).append(',').append("row").append(i).append('\n');
        }
        csv.append("2145559999,Jos\u00e9\n");
        final Path file = dir.resolve("leads.csv");
        Files.write(file, csv.toString().getBytes(StandardCharsets.ISO_8859_1));

        final LeadList leads = reader.read(file);

        assertEquals(9_000, leads.size());
        assertEquals(List.of("row 9002: not UTF-8; save the file as UTF-8"), messages(leads));
    }

    @Test
    void shouldReadOnlyTheHeader(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("leads.csv");
        Files.writeString(file, "phone;first_name;city\n2145550123;Ana;Dallas\n");

        final LeadList header = reader.readHeader(file);

        assertEquals(List.of("first_name", "city"), header.fieldNames());
        assertEquals(0, header.size());
        assertTrue(header.report().isClean());
    }

    @Test
    void shouldKeepReadingAfterTextFollowingAClosingQuote()
    {
        final LeadList leads = read("phone,name\n2145550123,\"Ana\" R\n3055550199,Bo\n");

        assertEquals(2, leads.size());
        assertEquals("Ana R", leads.field(0, "name"));
        assertTrue(leads.report().isClean());
    }

    @Test
    void shouldHandleBomAndCrlf(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("leads.csv");
        Files.write(file, ("\uFEFFphone,name\r\n2145550123,Ana\r\n555-01,Bo\r\n").getBytes(StandardCharsets.UTF_8));

        final LeadList leads = reader.read(file);

        assertEquals(1, leads.size());
        assertEquals("Ana", leads.field(0, "name"));
        assertEquals(List.of("row 3: phone '555-01' is not a valid number for region US"), messages(leads));
    }

    @Test
    void shouldReportAnEmptyFile()
    {
        final LeadList leads = read("");

        assertEquals(0, leads.size());
        assertTrue(leads.report().hasFileError());
        assertEquals(List.of("the file is empty: expected a header row with a phone column"), messages(leads));
    }

    @Test
    void shouldAcceptAHeaderOnly()
    {
        final LeadList leads = read("phone,name\n");

        assertEquals(0, leads.size());
        assertTrue(leads.report().isClean());
        assertEquals("0 leads, 0 bad rows, 0 duplicates merged", leads.summary());
    }

    @Test
    void shouldReportAMissingPhoneColumn()
    {
        final LeadList leads = read("name,city\nAna,Dallas\n");

        assertEquals(0, leads.size());
        assertTrue(leads.report().hasFileError());
        assertEquals(List.of("row 1: no phone column in the header (name,city); name one of: phone, phone_number, " +
            "phonenumber, phone number, number, mobile, cell, telephone, tel, msisdn"), messages(leads));
    }

    @Test
    void shouldReportAnUnreadableFile(@TempDir final Path dir)
    {
        final LeadList leads = reader.read(dir.resolve("missing.csv"));

        assertTrue(leads.report().hasFileError());
        assertEquals(List.of("file not found: " + dir.resolve("missing.csv")), messages(leads));
        assertEquals(dir.resolve("missing.csv") + ": file not found: " + dir.resolve("missing.csv"),
            leads.report().problems().get(0).format(dir.resolve("missing.csv").toString()));
    }

    @Test
    void shouldGiveTheSameResultWithOneOrManyThreads()
    {
        final StringBuilder csv = new StringBuilder("phone,n\n");
        for (int i = 0; i < 20_000; i++)
        {
            csv.append(i % 997 == 0 ? "bad" : String.valueOf(2_145_550_000L + (i % 15_000))).append(',').append(i)
                .append('\n');
        }
        final LeadList one = new LeadListReader("US", 1).read("x.csv", csv.toString());
        final LeadList many = new LeadListReader("US", 3).read("x.csv", csv.toString());

        assertEquals(one.size(), many.size());
        assertEquals(messages(one), messages(many));
        for (int i = 0; i < one.size(); i++)
        {
            assertEquals(one.number(i), many.number(i));
            assertEquals(one.row(i), many.row(i));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void shouldReadAFileLikeTheSameTextWhateverItsRowsSizeSuggests(final int shape, @TempDir final Path dir)
        throws IOException
    {
        // The first 4,096 rows size the lead arrays for the whole file: too few (later rows shorter), too many
        // (later rows longer) or about right.
        final StringBuilder csv = new StringBuilder("phone,name,city\n");
        for (int i = 0; i < 12_000; i++)
        {
            final boolean padded = 0 == shape ? i >= 4_096 : 1 == shape && i < 4_096;
            final String filler = padded ? "x".repeat(40) : "";
            csv.append(i % 1_999 == 0 ? "bad" : String.valueOf(2_145_550_000L + (i % 9_000)))
                .append(",n").append(i).append(filler).append(',').append(i % 7 == 0 ? "Dallas" : "Waco").append('\n');
        }
        final Path file = dir.resolve("leads.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        final LeadList fromFile = reader.read(file);
        final LeadList fromText = new LeadListReader("US", 1).read(file.toString(), csv.toString());

        assertEquals(fromText.size(), fromFile.size());
        assertEquals(9_000 - 3, fromFile.size());
        assertEquals(messages(fromText), messages(fromFile));
        for (int i = 0; i < fromFile.size(); i++)
        {
            assertEquals(fromText.number(i), fromFile.number(i));
            assertEquals(fromText.row(i), fromFile.row(i));
            assertEquals(fromText.fields(i), fromFile.fields(i));
            assertArrayEquals(fromText.timeZones(i), fromFile.timeZones(i));
            assertEquals(fromText.state(i), fromFile.state(i));
        }
    }

    @Test
    void shouldKeepTheFirstOfTwoColumnsWithTheSameNameByNameAndBothInTheMap()
    {
        final LeadList leads = read("phone,note,note\n2145550123,a,b\n");

        assertEquals(List.of("note", "note"), leads.fieldNames());
        assertEquals("a", leads.field(0, "note"));
        assertEquals("b", leads.fields(0).get("note"));
        assertNull(leads.field(0, "city"));
    }

    private LeadList read(final String csv)
    {
        return reader.read("leads.csv", csv);
    }

    private static List<String> messages(final LeadList leads)
    {
        return leads.report().problems().stream().map(LeadProblem::toString).collect(Collectors.toList());
    }
}
