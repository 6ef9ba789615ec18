/*
 * Lead lists.
 */
package io.dialer.core.lead;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AddressZonesTest
{
    private static final String[] NONE = new String[0];
    private static final String NEW_YORK = "America/New_York";
    private static final String CHICAGO = "America/Chicago";
    private static final String DENVER = "America/Denver";

    private final LeadListReader reader = new LeadListReader("US", 1);

    @ParameterizedTest
    @CsvSource(value = {
        "33101, 331", "33101-1234, 331", "331011234, 331", "2134, 21", "02134, 21", " 90210 , 902", "ABCDE, -1",
        "3310, 33", "331, -1", "33101-12, -1", "'', -1" })
    void shouldReadTheZipPrefixAsSpreadsheetsWriteIt(final String zip, final int prefix)
    {
        assertEquals(prefix, AddressZones.zip3(zip));
    }

    @ParameterizedTest
    @CsvSource(value = { "33101, FL", "02134, MA", "2134, MA", "10001, NY", "73301, TX", "20500, DC", "99501, AK",
        "00901, PR", "96799, HI", "88510, TX", "09001, ", "34001, " })
    void shouldFindTheStateOfAZip(final String zip, final String state)
    {
        assertEquals(state, AddressZones.stateOfZip(zip));
    }

    @Test
    void shouldGiveTheZipPrefixsZoneWhereAMultiZoneStateIsKnownThere()
    {
        assertArrayEquals(new String[]{CHICAGO}, AddressZones.zonesOf("32501", "FL"), "Pensacola");
        assertArrayEquals(new String[]{NEW_YORK}, AddressZones.zonesOf("32301", "FL"), "Tallahassee");
        assertArrayEquals(new String[]{DENVER}, AddressZones.zonesOf("79901", null), "El Paso");
        assertArrayEquals(new String[]{CHICAGO, NEW_YORK}, AddressZones.zonesOf("32456", null), "Gulf county");
        assertArrayEquals(new String[]{NEW_YORK, CHICAGO}, AddressZones.zonesOf(null, "FL"), "a state alone");
        assertArrayEquals(new String[]{NEW_YORK, CHICAGO}, AddressZones.zonesOf("nope", "fl"));
        assertArrayEquals(NONE, AddressZones.zonesOf(null, "ON"));
        assertArrayEquals(NONE, AddressZones.zonesOf("09001", null), "military mail");
    }

    @Test
    void shouldKeepTheNumbersZonesWhenTheAddressAgrees()
    {
        final String[] chicago = {CHICAGO};

        assertArrayEquals(chicago, AddressZones.resolve(chicago, new String[]{CHICAGO, DENVER}));
        assertArrayEquals(chicago, AddressZones.resolve(chicago, NONE));
    }

    @Test
    void shouldSettleANumberWithSeveralZonesByTheAddress()
    {
        final String[] both = {NEW_YORK, CHICAGO};

        assertArrayEquals(new String[]{CHICAGO}, AddressZones.resolve(both, new String[]{CHICAGO}));
        assertArrayEquals(new String[]{DENVER}, AddressZones.resolve(both, new String[]{DENVER}));
        assertArrayEquals(new String[]{CHICAGO}, AddressZones.resolve(both, new String[]{CHICAGO, DENVER}));
    }

    @Test
    void shouldCheckBothZonesWhenTheAddressContradictsTheNumbersOneZone()
    {
        assertArrayEquals(new String[]{CHICAGO, NEW_YORK},
            AddressZones.resolve(new String[]{CHICAGO}, new String[]{NEW_YORK}));
    }

    @Test
    void shouldUseTheAddressWhenTheNumberHasNoZone()
    {
        assertArrayEquals(new String[]{DENVER}, AddressZones.resolve(NONE, new String[]{DENVER}));
    }

    @Test
    void shouldTakeStateAndZonesFromTheLeadListsZipAndStateColumns()
    {
        final LeadList leads = reader.read("leads.csv",
            "phone,zip,state\n" +
            "2085550100,83702,\n" +
            "2085550101,83814,\n" +
            "2145550123,33101,\n" +
            "2085550102,,ID\n" +
            "2145550124,,\n" +
            "2145550125,79901,NM\n");

        assertArrayEquals(new String[]{"America/Boise"}, leads.timeZones(0), "Boise");
        assertEquals("ID", leads.state(0));
        assertArrayEquals(new String[]{"America/Los_Angeles"}, leads.timeZones(1), "Coeur d'Alene");
        assertArrayEquals(new String[]{CHICAGO, NEW_YORK}, leads.timeZones(2), "a Dallas number living in Miami");
        assertEquals("FL", leads.state(2));
        assertArrayEquals(new String[]{"America/Boise", "America/Los_Angeles"}, leads.timeZones(3));
        assertArrayEquals(new String[]{CHICAGO}, leads.timeZones(4));
        assertEquals("TX", leads.state(4), "from the number");
        assertEquals("NM", leads.state(5), "the state column wins over the ZIP");
        assertArrayEquals(new String[]{CHICAGO, DENVER}, leads.timeZones(5), "the ZIP prefix's zone");
    }

    @Test
    void shouldLetATimeZoneColumnWinOverTheAddress()
    {
        final LeadList leads = reader.read("leads.csv", "phone,zip,tz\n2085550100,83814,America/Boise\n");

        assertArrayEquals(new String[]{"America/Boise"}, leads.timeZones(0));
        assertNull(leads.report().isClean() ? null : leads.report().toString());
    }
}
