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
 * first six national digits) and reused for every number with that prefix. libphonenumber's North American metadata
 * decides validity, zones and geography on at most those six digits; {@code PhoneNormaliserTest} checks the two
 * paths agree. Every other number goes through libphonenumber in full.
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

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final PhoneNumberToTimeZonesMapper zoneMapper = PhoneNumberToTimeZonesMapper.getInstance();
    private final PhoneNumberOfflineGeocoder geocoder = PhoneNumberOfflineGeocoder.getInstance();
    private final String region;
    private final boolean nanpRegion;
    private static final AtomicReferenceArray<Info> NANP_PREFIXES = new AtomicReferenceArray<>(1_000_000);
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
            final int prefix = (int)(nanp / 10_000L);
            Info known = NANP_PREFIXES.get(prefix);
            final long e164 = 10_000_000_000L + nanp;
            if (null == known)
            {
                known = full(nanp);
                NANP_PREFIXES.set(prefix, known);
            }
            info[0] = known;
            return known.valid ? e164 : -1;
        }
        return fullNumber(text, info);
    }

    private long fullNumber(final String text, final Info[] info)
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

    private Info full(final long national)
    {
        final PhoneNumber number = new PhoneNumber().setCountryCode(1).setNationalNumber(national);
        return util.isValidNumber(number) ? describe(number) : INVALID;
    }

    private Info describe(final PhoneNumber number)
    {
        final List<String> found = zoneMapper.getTimeZonesForNumber(number);
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
    private long nanpNational(final String text)
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
