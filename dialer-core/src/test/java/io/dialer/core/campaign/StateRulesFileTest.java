/*
 * Campaigns.
 */
package io.dialer.core.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import io.dialer.core.compliance.CallingWindow;
import io.dialer.core.compliance.StateRules;
import io.dialer.core.compliance.WindowPolicy;
import io.dialer.core.engine.CampaignSetup;
import io.dialer.qualification.ValidationError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state rules file (shipped and override) and the campaign keys that name it and the national DNC file.
 */
class StateRulesFileTest
{
    private static final String CAMPAIGN = String.join("\n",
        "name: test",
        "caller_id: { name: Acme, number: '214 555 0199' }",
        "trunk: { uri: 'sip:carrier@127.0.0.1:5060' }",
        "script: script.yaml",
        "closers: closers.yaml",
        "leads: leads.csv",
        "");

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws IOException
    {
        Files.copy(CampaignLoaderTest.examples().resolve("auto-insurance.yaml"), dir.resolve("script.yaml"),
            StandardCopyOption.REPLACE_EXISTING);
        Files.copy(CampaignLoaderTest.examples().resolve("closers.yaml"), dir.resolve("closers.yaml"),
            StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("leads.csv"), "phone\n2145550123\n");
    }

    @Test
    void shouldShipFloridaAsThreeCallsIn24HoursFrom8To20()
    {
        final StateRules.Rule florida = StateRulesFile.shipped().states().get("FL");

        assertEquals(LocalTime.of(8, 0), florida.start());
        assertEquals(LocalTime.of(20, 0), florida.end());
        assertEquals(3, florida.maxCallsPer24h());
        assertEquals("Fla. Stat. 501.616(6)", florida.basis());
    }

    @Test
    void shouldShipHolidaySetsExpandedIntoTheStatesThatUseThem()
    {
        final StateRules.Rule louisiana = StateRulesFile.shipped().states().get("LA");

        assertTrue(louisiana.holidays().contains(LocalDate.parse("2026-12-25")));
        assertTrue(louisiana.holidays().contains(LocalDate.parse("2027-02-09")), "Mardi Gras");
        assertTrue(louisiana.closedDays().contains(DayOfWeek.SUNDAY));
    }

    @Test
    void shouldApplyTheShippedRulesToACampaignWithoutStateRules()
    {
        final CampaignResult result = CampaignLoader.load("c.yaml", CAMPAIGN, dir);
        assertEquals(List.of(), result.errors());

        final WindowPolicy windows = CampaignSetup.windows(result.campaign());

        assertEquals("08:00-20:00 max 3/24h (FL Fla. Stat. 501.616(6))", windows.windowFor("FL").toString());
        assertEquals("08:00-21:00", windows.windowFor("CA").toString());
        assertNull(result.campaign().stateRulesFile());
    }

    @Test
    void shouldMergeTheManagersFileOverTheShippedOne() throws IOException
    {
        Files.writeString(dir.resolve("rules.yaml"), String.join("\n",
            "holiday_sets:",
            "  company: [2026-12-24]",
            "common:",
            "  holidays: [company]",
            "states:",
            "  FL: { start: '09:00', end: '19:00', max_calls_per_24h: 2, basis: counsel 2026-12 }",
            "  TX: { start: '09:00', end: '21:00', closed_days: [Sunday] }",
            ""));
        final CampaignResult result = CampaignLoader.load("c.yaml", CAMPAIGN + "state_rules: rules.yaml\n", dir);
        assertEquals(List.of(), result.errors());

        final WindowPolicy windows = CampaignSetup.windows(result.campaign());

        assertEquals("09:00-19:00 max 2/24h 1 holidays (FL counsel 2026-12)", windows.windowFor("FL").toString());
        assertTrue(windows.windowFor("TX").isClosedOn(DayOfWeek.SUNDAY));
        assertTrue(windows.windowFor("CA").isHoliday(LocalDate.parse("2026-12-24")));
        assertEquals(3, windows.windowFor("OK").maxCallsPer24h(), "shipped states stay");
        assertEquals(dir.resolve("rules.yaml"), result.campaign().stateRulesFile());
    }

    @Test
    void shouldReportEveryProblemOfARulesFileWithLineAndColumn()
    {
        final String yaml = String.join("\n",
            "holiday_sets:",                                            // 1
            "  mine: [2026-02-30]",                                     // 2
            "states:",                                                  // 3
            "  Florida: { start: '08:00' }",                            // 4
            "  FL: { start: '8am', end: '20:00', max_calls_per_24h: 0 }", // 5
            "  TX: { start: '10:00', end: '09:00', holidays: [xmas] }", // 6
            "  LA: { closed_days: [someday], when: never }",            // 7
            "");

        assertEquals(List.of(
            "r.yaml:2:10: holiday_sets mine: '2026-02-30' is not a date like 2026-12-25",
            "r.yaml:4:3: state 'Florida' must be a two-letter state code in capitals, like FL",
            "r.yaml:5:16: states FL start must be a time of day from \"00:00\" to \"23:59\" (24 hours, quoted), " +
                "found '8am'",
            "r.yaml:5:56: states FL max_calls_per_24h must be a whole number from 1 to 8, found '0'",
            "r.yaml:6:30: states TX end must be after its start",
            "r.yaml:6:50: states TX holidays: 'xmas' is not a date like 2026-12-25 nor a holiday set [mine]",
            "r.yaml:7:33: unknown key 'when' in states LA; expected one of start, end, max_calls_per_24h, holidays, " +
                "closed_days, basis",
            "r.yaml:7:23: states LA closed_days: 'someday' is not a day of the week like sunday"),
            StateRulesFile.read("r.yaml", yaml).errors().stream().map(ValidationError::toString)
                .collect(Collectors.toList()));
    }

    @Test
    void shouldRefuseACapAboveTheDialTimesTheEngineKeeps()
    {
        assertEquals(List.of("c.yaml:7:71: max_calls_per_24h must be a whole number from 1 to 8, found '9'"),
            errors(CAMPAIGN + "calling_window: { per_state: { FL: { end: '20:00', max_calls_per_24h: 9 } } }\n"));
    }

    @Test
    void shouldReportAMissingRulesFileAtItsKey()
    {
        assertEquals(List.of("c.yaml:7:14: state_rules file 'nope.yaml' not found (looked for " +
            dir.resolve("nope.yaml") + ")"), errors(CAMPAIGN + "state_rules: nope.yaml\n"));
    }

    @Test
    void shouldApplyTheShippedRulesOnTheServerAndRefuseAnOverrideThere() throws IOException
    {
        Files.writeString(dir.resolve("rules.yaml"), "states: {}\n");
        final String yaml = CAMPAIGN.replace("closers: closers.yaml\n", "");

        final CampaignResult shipped = CampaignLoader.loadForFloor("c.yaml", yaml, dir);

        assertEquals(List.of(), shipped.errors());
        assertEquals(3, CampaignSetup.windows(shipped.campaign()).windowFor("FL").maxCallsPer24h());
        assertEquals(List.of("c.yaml:6:14: state_rules is not a campaign setting in dialer serve: a state rules file " +
            "cannot be uploaded to the server yet; the shipped us-state-rules.yaml applies"),
            CampaignLoader.loadForFloor("c.yaml", yaml + "state_rules: rules.yaml\n", dir).errors().stream()
                .map(ValidationError::toString).collect(Collectors.toList()));
    }

    @Test
    void shouldReportTheOverrideFilesErrorsUnderItsOwnName() throws IOException
    {
        Files.writeString(dir.resolve("rules.yaml"), "states:\n  FL: { end: '25:00' }\n");

        assertEquals(List.of(dir.resolve("rules.yaml") + ":2:14: states FL end must be a time of day from \"00:00\" " +
            "to \"23:59\" (24 hours, quoted), found '25:00'"), errors(CAMPAIGN + "state_rules: rules.yaml\n"));
    }

    @Test
    void shouldReadTheNationalDncFileAndItsDateFromTheCampaign() throws IOException
    {
        Files.writeString(dir.resolve("internal.txt"), "+12145550100\n");
        Files.writeString(dir.resolve("national.txt"), "2015550123\n");
        final String yaml = CAMPAIGN + String.join("\n",
            "dnc:",
            "  files: [internal.txt]",
            "  national: { file: national.txt, downloaded: 2026-11-30 }",
            "");

        final CampaignResult result = CampaignLoader.load("c.yaml", yaml, dir);

        assertEquals(List.of(), result.errors());
        assertEquals(List.of(dir.resolve("internal.txt")), result.campaign().dncFiles());
        assertEquals(dir.resolve("national.txt"), result.campaign().nationalDncFile());
        assertEquals(LocalDate.parse("2026-11-30"), result.campaign().nationalDncDownloaded());
    }

    @Test
    void shouldReportABadNationalDncSection()
    {
        final String yaml = CAMPAIGN + String.join("\n",
            "dnc:",                                                         // 7
            "  national: { file: gone.txt, downloaded: 30/11/2026, age: 1 }", // 8
            "");

        assertEquals(List.of(
            "c.yaml:8:55: unknown key 'age' in dnc national; expected one of file, downloaded",
            "c.yaml:8:21: national do-not-call file 'gone.txt' not found (looked for " + dir.resolve("gone.txt") + ")",
            "c.yaml:8:43: dnc national downloaded '30/11/2026' is not a date like 2026-11-30 (the day the " +
                "registry's file was downloaded)"),
            errors(yaml));
    }

    @Test
    void shouldRefuseAStaleNationalFileWhenValidatingAndSayItsAge() throws IOException
    {
        Files.writeString(dir.resolve("national.txt"), "2015550123\n555\n");
        final LocalDate old = LocalDate.now(ZoneOffset.UTC).minusDays(40);
        final String yaml = CAMPAIGN + "dnc: { national: { file: national.txt, downloaded: " + old + " } }\n";

        final List<String> errors = CampaignLoader.validate("c.yaml", yaml, dir).errors().stream()
            .map(ValidationError::toString).collect(Collectors.toList());

        assertEquals(List.of(
            dir.resolve("national.txt") + ":2: '555' is not a 10-digit US number (like 2015550123, 201-555-0123 or " +
                "201,5550123)",
            "c.yaml:7:52: national do-not-call file " + dir.resolve("national.txt") + " was downloaded " + old +
                " (campaign file), 40 days ago: the limit is 31 days; download the registry again"),
            errors);
    }

    @Test
    void shouldKeepTheOldListFormOfDnc() throws IOException
    {
        Files.writeString(dir.resolve("internal.txt"), "+12145550100\n");

        final CampaignResult result = CampaignLoader.load("c.yaml", CAMPAIGN + "dnc: [internal.txt]\n", dir);

        assertEquals(List.of(), result.errors());
        assertEquals(List.of(dir.resolve("internal.txt")), result.campaign().dncFiles());
        assertNull(result.campaign().nationalDncFile());
        assertEquals(CallingWindow.NO_CAP, CampaignSetup.windows(result.campaign()).windowFor("NY").maxCallsPer24h());
    }

    private List<String> errors(final String yaml)
    {
        return CampaignLoader.load("c.yaml", yaml, dir).errors().stream().map(ValidationError::toString)
            .collect(Collectors.toList());
    }
}
