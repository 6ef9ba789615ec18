/*
 * Lead lists.
 */
package io.dialer.core.lead;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.prefixmapper.PrefixTimeZonesMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneNormaliserTest
{
    /**
     * NPA-NXX prefixes where libphonenumber's answer depends on the seventh digit or later (Jamaica, Barbados), and
     * area codes of regions with such patterns, toll-free and premium codes (zones for the whole country code).
     */
    private static final long[] AWKWARD_PREFIXES = {876_606L, 246_521L, 246_522L, 658_295L, 246_976L, 246_310L};
    private static final int[] AWKWARD_AREA_CODES = {876, 658, 246, 809, 829, 849, 800, 888, 900, 264, 670, 340};
    private static final String[] REGIONS = {"US", "CA", "JM", "BB", "DO", "GB"};

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final PhoneNumberToTimeZonesMapper mapper = PhoneNumberToTimeZonesMapper.getInstance();

    @Test
    void shouldAgreeWithLibphonenumberOnTheNorthAmericanFastPath() throws NumberParseException
    {
        final PhoneNormaliser normaliser = new PhoneNormaliser("US");
        final PhoneNormaliser.Info[] info = new PhoneNormaliser.Info[1];
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++)
        {
            final long national = 2_000_000_000L + random.nextLong(8_000_000_000L);
            final String text = String.valueOf(national);
            final PhoneNumber number = util.parse(text, "US");
            final boolean valid = util.isValidNumber(number);

            final long e164 = normaliser.normalise(text, info);

            assertEquals(valid, e164 > 0, text);
            if (valid)
            {
                assertEquals(10_000_000_000L + national, e164, text);
                final String[] zones = mapper.getTimeZonesForNumber(number).toArray(new String[0]);
                assertEquals(Arrays.toString(zones), Arrays.toString(info[0].zones), text);
            }
        }
    }

    @Test
    void shouldAgreeWithLibphonenumberOnEveryFormatRegionAndAwkwardPrefix()
    {
        final SplittableRandom random = new SplittableRandom(11);
        for (final String region : REGIONS)
        {
            final PhoneNormaliser normaliser = new PhoneNormaliser(region);
            for (int i = 0; i < 6_000; i++)
            {
                final long national = randomNational(random);
                final String text = format(national, random);
                assertAgrees(normaliser, region, text);
            }
        }
    }

    @Test
    void shouldJudgeNumbersOneByOneWhereTheSeventhDigitDecides()
    {
        final PhoneNormaliser normaliser = new PhoneNormaliser("US");
        final PhoneNormaliser.Info[] info = new PhoneNormaliser.Info[1];

        // Jamaica's fixed line pattern 8766060\d{3}: the first number seen with the prefix must not decide the next.
        assertEquals(-1, normaliser.normalise("876-606-9999", info));
        assertEquals(18_766_060_000L, normaliser.normalise("876-606-0000", info));
        assertEquals(List.of("America/Jamaica"), List.of(info[0].zones));
        assertEquals(-1, normaliser.normalise("(876) 606-1234", info));
        assertEquals(-1, normaliser.normalise("246-521-5000", info));
        assertEquals(12_465_210_000L, normaliser.normalise("246-521-0000", info));
        assertTrue(NanpPrefixes.cacheable());
        assertTrue(NanpPrefixes.perNumber(876));
        assertTrue(NanpPrefixes.perNumber(246));
        assertFalse(NanpPrefixes.perNumber(214));
        assertFalse(NanpPrefixes.perNumber(305));
    }

    @Test
    void shouldMeasureHowDeepAPatternLooks()
    {
        assertEquals(1, NanpPrefixes.depth("[2-9]\\d{9}|3\\d{6}"));
        assertEquals(7, NanpPrefixes.depth("8766060\\d{3}"));
        assertEquals(7, NanpPrefixes.depth("246521[0369]\\d{3}|246(?:2(?:2[78]|7[0-4]))\\d{4}"));
        assertEquals(4, NanpPrefixes.depth("(?:274[27]|(?:472|983)[2-47-9])\\d{6}"));
        assertEquals(6, NanpPrefixes.depth("52(?:3(?:[2-46-9][02-9]\\d|5(?:[02-46-9]\\d|5[0-46-9])))\\d{4}"));
        assertEquals(8, NanpPrefixes.depth("(?:\\d{2})?1\\d{4}9"));
        assertEquals(11, NanpPrefixes.depth("(?:[2-9]\\d){5}1"));
        assertEquals(0, NanpPrefixes.depth("[0-9]\\d{3}[0-57-9\\d]"));
        assertEquals(0, NanpPrefixes.depth(""));
        assertTrue(NanpPrefixes.depth("\\d+1") > 100);
        assertTrue(NanpPrefixes.depth("[^1]\\d{9}") > 100);
        assertTrue(NanpPrefixes.depth("(?=2)\\d{10}") > 100);
        assertTrue(NanpPrefixes.depth("2.\\d{8}") > 100);
    }

    /**
     * The cache keys time zones on six national digits: libphonenumber's zone map must have no longer prefix for
     * country code 1 (seven characters with the country code).
     */
    @Test
    void shouldFindNoNorthAmericanTimeZonePrefixLongerThanSixNationalDigits() throws IOException
    {
        final PrefixTimeZonesMap map = new PrefixTimeZonesMap();
        try (InputStream in = PhoneNumberToTimeZonesMapper.class.getResourceAsStream(
            "/com/google/i18n/phonenumbers/timezones/data/map_data"))
        {
            assertNotNull(in, "libphonenumber's time zone map moved");
            map.readExternal(new ObjectInputStream(in));
        }
        int longest = 0;
        for (final String line : map.toString().split("\n"))
        {
            final String prefix = line.substring(0, Math.max(0, line.indexOf('|')));
            if (prefix.startsWith("1"))
            {
                longest = Math.max(longest, prefix.length());
            }
        }
        assertTrue(longest >= 4 && longest <= 1 + NanpPrefixes.PREFIX_DIGITS, "longest +1 prefix " + longest);
    }

    @Test
    void shouldReadStatesFromGeocoderDescriptions()
    {
        assertEquals("TX", PhoneNormaliser.state("Dallas, TX"));
        assertEquals("TX", PhoneNormaliser.state("Texas"));
        assertEquals("ON", PhoneNormaliser.state("Ontario"));
        assertEquals(null, PhoneNormaliser.state(""));
    }

    private void assertAgrees(final PhoneNormaliser normaliser, final String region, final String text)
    {
        final PhoneNormaliser.Info[] info = new PhoneNormaliser.Info[1];
        final long e164 = normaliser.normalise(text, info);
        long expected = -1;
        List<String> zones = List.of();
        try
        {
            final PhoneNumber number = util.parse(text, region);
            if (!number.hasExtension() && util.isValidNumber(number))
            {
                expected = Long.parseLong(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164).substring(1));
                zones = mapper.getTimeZonesForNumber(number);
            }
        }
        catch (final NumberParseException ex)
        {
            expected = -1;
        }
        final String where = "'" + text + "' in " + region;
        assertEquals(expected, e164, where);
        if (expected > 0)
        {
            final List<String> known = 1 == zones.size() && "Etc/Unknown".equals(zones.get(0)) ? List.of() : zones;
            assertEquals(known, List.of(info[0].zones), where);
        }
    }

    private static long randomNational(final SplittableRandom random)
    {
        final int kind = random.nextInt(10);
        final long subscriber = random.nextInt(10_000);
        if (kind < 2)
        {
            return AWKWARD_PREFIXES[random.nextInt(AWKWARD_PREFIXES.length)] * 10_000L + subscriber;
        }
        if (kind < 5)
        {
            return AWKWARD_AREA_CODES[random.nextInt(AWKWARD_AREA_CODES.length)] * 10_000_000L +
                random.nextInt(10_000_000);
        }
        if (kind < 6)
        {
            return random.nextLong(2_000_000_000L);
        }
        return 2_000_000_000L + random.nextLong(8_000_000_000L);
    }

    private static String format(final long national, final SplittableRandom random)
    {
        final String digits = String.format("%010d", national);
        final String area = digits.substring(0, 3);
        final String exchange = digits.substring(3, 6);
        final String line = digits.substring(6);
        switch (random.nextInt(8))
        {
            case 0:
                return "+1" + digits;
            case 1:
                return "(" + area + ") " + exchange + "-" + line;
            case 2:
                return area + "-" + exchange + "-" + line;
            case 3:
                return "1-" + area + "-" + exchange + "-" + line;
            case 4:
                return "1" + digits;
            case 5:
                return area + "." + exchange + "." + line;
            case 6:
                return "+1 (" + area + ") " + exchange + " " + line;
            default:
                return digits;
        }
    }
}
