/*
 * Lead lists.
 */
package io.dialer.core.lead;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;

/**
 * Phone text to E.164, time zones and state, with libphonenumber. Thread-safe.
 * <p>
 * libphonenumber's parse and validation cost microseconds, so North American numbers (country code 1, ten national
 * digits written with only digits, spaces, dashes, dots, parentheses and a leading {@code +}) take a fast path: the
 * full libphonenumber answer (valid, time zones, state) is computed once per NPA-NXX (area code and exchange, the
 * first six national digits) and reused for every number with that prefix. {@link NanpPrefixes} checks, from
 * libphonenumber's metadata, that those six digits decide the answer; area codes where they do not (a few
 * Caribbean regions have seven-digit patterns) are answered by libphonenumber number by number.
 * {@code PhoneNormaliserTest} checks the paths agree. Every other number goes through libphonenumber in full.
 */
final class PhoneNormaliser
{
    private static final String UNKNOWN_ZONE = "Etc/Unknown";
    private static final Map<String, String> STATES = states();

    /**
     * What is known about a number (or an NPA-NXX prefix).
     */
    static final class Info
    {
        final boolean valid;
        final String[] zones;
        final String state;

        Info(final boolean valid, final String[] zones, final String state)
        {
            this.valid = valid;
            this.zones = zones;
            this.state = state;
        }
    }

    private static final Info INVALID = new Info(false, LeadList.UNKNOWN_ZONES, null);
    /**
     * In the prefix table: numbers with this NPA-NXX are answered one by one.
     */
    private static final Info PER_NUMBER = new Info(false, LeadList.UNKNOWN_ZONES, null);

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final PhoneNumberToTimeZonesMapper zoneMapper = PhoneNumberToTimeZonesMapper.getInstance();
    private final PhoneNumberOfflineGeocoder geocoder = PhoneNumberOfflineGeocoder.getInstance();
    private final String region;
    private final boolean nanpRegion;
    /**
     * Answers by NPA-NXX, read and written without synchronisation: every field of an {@link Info} is final, so a
     * thread that sees one sees it whole (JLS 17.5), and a thread that misses one works out the same answer again.
     */
    private static final Info[] NANP_PREFIXES = new Info[1_000_000];
    private static final AtomicReferenceArray<String> NANP_STATES = new AtomicReferenceArray<>(1_000);
    private static final String NO_STATE = "";
    private final Map<List<String>, String[]> zoneArrays = new ConcurrentHashMap<>();

    PhoneNormaliser(final String region)
    {
        this.region = region;
        this.nanpRegion = 1 == util.getCountryCodeForRegion(region);
    }

    static boolean isKnownRegion(final String region)
    {
        return PhoneNumberUtil.getInstance().getSupportedRegions().contains(region);
    }

    String region()
    {
        return region;
    }

    /**
     * The E.164 digits of a number, or -1 when it is not a valid number; {@code info[0]} receives what is known.
     */
    long normalise(final String text, final Info[] info)
    {
        final long nanp = nanpNational(text);
        if (nanp > 0)
        {
            if (!known(nanp))
            {
                prefix(nanp);
            }
            return nanp(nanp, info);
        }
        return other(text, info);
    }

    /**
     * Whether the NPA-NXX of a North American national number has its answer.
     */
    static boolean known(final long national)
    {
        return null != NANP_PREFIXES[(int)(national / 10_000L)];
    }

    /**
     * Works out the answers for the NPA-NXX of {@code nationals[0..count)} not known yet, with libphonenumber. A
     * reader calls it for a chunk of rows before it normalises them, so its per-row loop never calls libphonenumber
     * (when that loop is compiled with libphonenumber inlined the JIT spends a second or more on it, on a cold JVM).
     */
    void learn(final long[] nationals, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (!known(nationals[i]))
            {
                prefix(nationals[i]);
            }
        }
    }

    /**
     * The E.164 digits of a North American national number from {@link #nanpNational(String)}, or -1 when not valid;
     * {@code info[0]} receives what is known. Its NPA-NXX should be {@link #known(long)}.
     */
    long nanp(final long national, final Info[] info)
    {
        Info known = NANP_PREFIXES[(int)(national / 10_000L)];
        if (null == known)
        {
            known = prefix(national);
        }
        if (PER_NUMBER == known)
        {
            known = nanpNumber(national);
        }
        info[0] = known;
        return known.valid ? 10_000_000_000L + national : -1;
    }

    /**
     * The answer for a number's NPA-NXX, computed and cached on first use (a racing thread computes the same).
     */
    private Info prefix(final long national)
    {
        final int prefix = (int)(national / 10_000L);
        final Info info = NanpPrefixes.perNumber(prefix / 1_000) ? PER_NUMBER : nanpNumber(national);
        NANP_PREFIXES[prefix] = info;
        return info;
    }

    /**
     * libphonenumber's answer for one North American number: its type decides validity (as in
     * {@link PhoneNumberUtil#isValidNumber}) and, with the number, its time zones (as in
     * {@link PhoneNumberToTimeZonesMapper#getTimeZonesForNumber}), with one type lookup instead of three.
     */
    private Info nanpNumber(final long national)
    {
        final PhoneNumber number = new PhoneNumber().setCountryCode(1).setNationalNumber(national);
        final PhoneNumberUtil.PhoneNumberType type = util.getNumberType(number);
        if (PhoneNumberUtil.PhoneNumberType.UNKNOWN == type)
        {
            return INVALID;
        }
        return describe(number, util.isNumberGeographical(type, 1) ?
            zoneMapper.getTimeZonesForGeographicalNumber(number) : zoneMapper.getTimeZonesForNumber(number));
    }

    /**
     * The E.164 digits of a number {@link #nanpNational(String)} does not read, with libphonenumber in full.
     */
    long other(final String text, final Info[] info)
    {
        try
        {
            final PhoneNumber number = util.parse(text, region);
            if (number.hasExtension() || !util.isValidNumber(number))
            {
                info[0] = INVALID;
                return -1;
            }
            info[0] = describe(number);
            return Long.parseLong(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164).substring(1));
        }
        catch (final NumberParseException | NumberFormatException ex)
        {
            info[0] = INVALID;
            return -1;
        }
    }

    private Info describe(final PhoneNumber number)
    {
        return describe(number, zoneMapper.getTimeZonesForNumber(number));
    }

    private Info describe(final PhoneNumber number, final List<String> found)
    {
        final String[] zones = found.isEmpty() || (1 == found.size() && UNKNOWN_ZONE.equals(found.get(0))) ?
            LeadList.UNKNOWN_ZONES : zoneArrays.computeIfAbsent(List.copyOf(found), (z) -> z.toArray(new String[0]));
        return new Info(true, zones, state(number));
    }

    /**
     * The state or province of a US or Canadian number from the geocoder's description; an area code never spans two
     * states, so it is looked up once per area code.
     */
    private String state(final PhoneNumber number)
    {
        final boolean nanp = 1 == number.getCountryCode() && number.getNationalNumber() < 10_000_000_000L;
        final int areaCode = nanp ? (int)(number.getNationalNumber() / 10_000_000L) : -1;
        String state = nanp ? NANP_STATES.get(areaCode) : null;
        if (null == state)
        {
            final String numberRegion = util.getRegionCodeForNumber(number);
            final String found = "US".equals(numberRegion) || "CA".equals(numberRegion) ?
                state(geocoder.getDescriptionForNumber(number, Locale.ENGLISH)) : null;
            state = null == found ? NO_STATE : found;
            if (nanp)
            {
                NANP_STATES.set(areaCode, state);
            }
        }
        return NO_STATE.equals(state) ? null : state;
    }

    /**
     * The state from a geocoder description: {@code Dallas, TX} gives {@code TX}, {@code Texas} gives {@code TX}.
     */
    static String state(final String description)
    {
        final int length = description.length();
        if (length >= 4 && ',' == description.charAt(length - 4) && ' ' == description.charAt(length - 3) &&
            Character.isUpperCase(description.charAt(length - 2)) &&
            Character.isUpperCase(description.charAt(length - 1)))
        {
            return description.substring(length - 2);
        }
        return STATES.get(description);
    }

    /**
     * The ten national digits of a North American number written plainly, or -1 when the text needs libphonenumber.
     */
    long nanpNational(final String text)
    {
        long digits = 0;
        int count = 0;
        boolean plus = false;
        for (int i = 0, length = text.length(); i < length; i++)
        {
            final char c = text.charAt(i);
            if (c >= '0' && c <= '9')
            {
                if (++count > 11)
                {
                    return -1;
                }
                digits = digits * 10 + (c - '0');
            }
            else if ('+' == c && 0 == count && !plus)
            {
                plus = true;
            }
            else if (' ' != c && '-' != c && '.' != c && '(' != c && ')' != c)
            {
                return -1;
            }
        }
        if (11 == count && digits / 10_000_000_000L == 1)
        {
            return nanpRegion || plus ? digits - 10_000_000_000L : -1;
        }
        if (10 == count && nanpRegion && !plus)
        {
            return digits;
        }
        return -1;
    }

    private static Map<String, String> states()
    {
        final String[] pairs = {
            "Alabama", "AL", "Alaska", "AK", "Arizona", "AZ", "Arkansas", "AR", "California", "CA", "Colorado", "CO",
            "Connecticut", "CT", "Delaware", "DE", "District of Columbia", "DC", "Washington D.C.", "DC",
            "Florida", "FL", "Georgia", "GA", "Hawaii", "HI", "Idaho", "ID", "Illinois", "IL", "Indiana", "IN",
            "Iowa", "IA", "Kansas", "KS", "Kentucky", "KY", "Louisiana", "LA", "Maine", "ME", "Maryland", "MD",
            "Massachusetts", "MA", "Michigan", "MI", "Minnesota", "MN", "Mississippi", "MS", "Missouri", "MO",
            "Montana", "MT", "Nebraska", "NE", "Nevada", "NV", "New Hampshire", "NH", "New Jersey", "NJ",
            "New Mexico", "NM", "New York", "NY", "North Carolina", "NC", "North Dakota", "ND", "Ohio", "OH",
            "Oklahoma", "OK", "Oregon", "OR", "Pennsylvania", "PA", "Rhode Island", "RI", "South Carolina", "SC",
            "South Dakota", "SD", "Tennessee", "TN", "Texas", "TX", "Utah", "UT", "Vermont", "VT", "Virginia", "VA",
            "Washington", "WA", "West Virginia", "WV", "Wisconsin", "WI", "Wyoming", "WY",
            "Alberta", "AB", "British Columbia", "BC", "Manitoba", "MB", "New Brunswick", "NB",
            "Newfoundland and Labrador", "NL", "Nova Scotia", "NS", "Ontario", "ON", "Prince Edward Island", "PE",
            "Quebec", "QC", "Saskatchewan", "SK", "Northwest Territories", "NT", "Nunavut", "NU", "Yukon", "YT"
        };
        final Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2)
        {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
