/*
 * Lead lists.
 */
package io.dialer.core.lead;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.RegionMetadataSource;

/**
 * Which North American numbers libphonenumber judges on their first six national digits (NPA-NXX) alone, read
 * from libphonenumber's own metadata when the class loads.
 * <p>
 * For a number of country code 1, libphonenumber picks the region (US and CA by their number patterns, every other
 * region by its leading digits), then the number type from that region's patterns; the time zones follow from the
 * type and from prefixes of at most six national digits. When none of those patterns looks further than the sixth
 * digit, every number with the same NPA-NXX gets the same answer and one answer per prefix can be cached. Most
 * regions are like that, but some are not (Jamaica's {@code 8766060\d{3}}, Barbados' {@code 246521[0369]\d{3}}):
 * the area codes such a region's leading digits can select are {@linkplain #perNumber(int) judged number by
 * number}. Should US's or Canada's patterns or any region's leading digits ever look past the sixth digit, caching
 * is {@linkplain #cacheable() off} altogether.
 * <p>
 * A pattern's depth is worked out from its text: the furthest position a character other than {@code \d} can be
 * matched at. libphonenumber's patterns use digits, {@code \d}, classes, {@code (?:)}, {@code |} and bounded
 * repetition; anything else counts as unbounded depth, which only makes the cache more careful.
 */
final class NanpPrefixes
{
    /**
     * Digits of a national number that decide a cached answer.
     */
    static final int PREFIX_DIGITS = 6;

    private static final int UNBOUNDED = 1_000;
    private static final int AREA_CODES = 1_000;

    private static final boolean CACHEABLE;
    private static final boolean[] PER_NUMBER = new boolean[AREA_CODES];

    static
    {
        final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        final RegionMetadataSource source =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
        boolean cacheable = true;
        for (final String region : util.getRegionCodesForCountryCode(1))
        {
            final PhoneMetadata metadata = source.getMetadataForRegion(region);
            if (null == metadata)
            {
                cacheable = false;
                break;
            }
            final boolean hasLeadingDigits = metadata.hasLeadingDigits() && !metadata.getLeadingDigits().isEmpty();
            if (hasLeadingDigits && depth(metadata.getLeadingDigits()) > PREFIX_DIGITS)
            {
                cacheable = false;
                break;
            }
            if (isShallow(metadata))
            {
                continue;
            }
            if (!hasLeadingDigits)
            {
                cacheable = false;
                break;
            }
            markAreaCodes(Pattern.compile(metadata.getLeadingDigits()));
        }
        CACHEABLE = cacheable;
    }

    private NanpPrefixes()
    {
    }

    /**
     * Whether answers may be cached per NPA-NXX at all.
     *
     * @return false when libphonenumber's North American metadata looks past the sixth digit where it picks regions.
     */
    static boolean cacheable()
    {
        return CACHEABLE;
    }

    /**
     * Whether numbers of an area code must be judged one by one (a region with deeper patterns may own it).
     *
     * @param areaCode the first three national digits.
     * @return true when the NPA-NXX answer cannot be shared.
     */
    static boolean perNumber(final int areaCode)
    {
        return !CACHEABLE || PER_NUMBER[areaCode];
    }

    private static boolean isShallow(final PhoneMetadata metadata)
    {
        final PhoneNumberDesc[] descs = {
            metadata.getGeneralDesc(), metadata.getFixedLine(), metadata.getMobile(), metadata.getTollFree(),
            metadata.getPremiumRate(), metadata.getSharedCost(), metadata.getPersonalNumber(), metadata.getVoip(),
            metadata.getPager(), metadata.getUan(), metadata.getVoicemail()
        };
        for (final PhoneNumberDesc desc : descs)
        {
            if (null != desc && desc.hasNationalNumberPattern() &&
                depth(desc.getNationalNumberPattern()) > PREFIX_DIGITS)
            {
                return false;
            }
        }
        return true;
    }

    private static void markAreaCodes(final Pattern leadingDigits)
    {
        for (int areaCode = 0; areaCode < AREA_CODES; areaCode++)
        {
            final Matcher matcher = leadingDigits.matcher(threeDigits(areaCode));
            if (matcher.lookingAt() || matcher.hitEnd())
            {
                PER_NUMBER[areaCode] = true;
            }
        }
    }

    private static String threeDigits(final int value)
    {
        return new String(new char[]{
            (char)('0' + value / 100), (char)('0' + value / 10 % 10), (char)('0' + value % 10)});
    }

    /**
     * The furthest position (1-based) at which a pattern matches a character other than any digit: a string of
     * digits matches or not on its length and that many leading digits alone.
     *
     * @param regex a libphonenumber pattern.
     * @return the depth, 0 when no character is constrained, a large value when the pattern is not understood.
     */
    static int depth(final String regex)
    {
        if (regex.isEmpty())
        {
            return 0;
        }
        final Parser parser = new Parser(regex);
        try
        {
            final int[] node = parser.alternation();
            return parser.position == regex.length() ? Math.min(node[1], UNBOUNDED) : UNBOUNDED;
        }
        catch (final IllegalArgumentException | IndexOutOfBoundsException ex)
        {
            return UNBOUNDED;
        }
    }

    /**
     * Recursive descent over the regex subset libphonenumber uses; each node is {@code {longest, depth}}.
     */
    private static final class Parser
    {
        private final String regex;
        private int position;

        Parser(final String regex)
        {
            this.regex = regex;
        }

        int[] alternation()
        {
            final int[] result = sequence();
            while (position < regex.length() && '|' == regex.charAt(position))
            {
                position++;
                final int[] other = sequence();
                result[0] = Math.max(result[0], other[0]);
                result[1] = Math.max(result[1], other[1]);
            }
            return result;
        }

        private int[] sequence()
        {
            int longest = 0;
            int depth = 0;
            while (position < regex.length() && '|' != regex.charAt(position) && ')' != regex.charAt(position))
            {
                final int[] term = quantified();
                if (term[1] > 0)
                {
                    depth = Math.max(depth, cap(longest + term[1]));
                }
                longest = cap(longest + term[0]);
            }
            return new int[]{longest, depth};
        }

        private int[] quantified()
        {
            final int[] atom = atom();
            int times = 1;
            if (position < regex.length())
            {
                final char c = regex.charAt(position);
                if ('{' == c)
                {
                    final int close = regex.indexOf('}', position);
                    final String bounds = regex.substring(position + 1, close);
                    final int comma = bounds.indexOf(',');
                    times = comma < 0 ? Integer.parseInt(bounds) :
                        comma == bounds.length() - 1 ? UNBOUNDED : Integer.parseInt(bounds.substring(comma + 1));
                    position = close + 1;
                }
                else if ('?' == c)
                {
                    position++;
                }
                else if ('*' == c || '+' == c)
                {
                    times = UNBOUNDED;
                    position++;
                }
            }
            if (0 == times)
            {
                return new int[]{0, 0};
            }
            final int longest = cap((long)atom[0] * times);
            return new int[]{longest, 0 == atom[1] ? 0 : cap((long)atom[0] * (times - 1) + atom[1])};
        }

        private int[] atom()
        {
            final char c = regex.charAt(position);
            if ('(' == c)
            {
                position++;
                if ('?' == regex.charAt(position))
                {
                    if (':' != regex.charAt(position + 1))
                    {
                        throw new IllegalArgumentException("group kind");
                    }
                    position += 2;
                }
                final int[] group = alternation();
                if (')' != regex.charAt(position))
                {
                    throw new IllegalArgumentException("unclosed group");
                }
                position++;
                return group;
            }
            if ('[' == c)
            {
                return charClass();
            }
            if ('\\' == c)
            {
                if ('d' != regex.charAt(position + 1))
                {
                    throw new IllegalArgumentException("escape");
                }
                position += 2;
                return new int[]{1, 0};
            }
            if (c >= '0' && c <= '9')
            {
                position++;
                return new int[]{1, 1};
            }
            throw new IllegalArgumentException("unexpected " + c);
        }

        private int[] charClass()
        {
            position++;
            if ('^' == regex.charAt(position))
            {
                throw new IllegalArgumentException("negated class");
            }
            int digits = 0;
            while (']' != regex.charAt(position))
            {
                final char c = regex.charAt(position);
                if ('\\' == c && 'd' == regex.charAt(position + 1))
                {
                    digits = 0x3FF;
                    position += 2;
                }
                else if (c >= '0' && c <= '9')
                {
                    char last = c;
                    if ('-' == regex.charAt(position + 1) && ']' != regex.charAt(position + 2))
                    {
                        last = regex.charAt(position + 2);
                        if (last < c || last > '9')
                        {
                            throw new IllegalArgumentException("range");
                        }
                        position += 2;
                    }
                    for (char d = c; d <= last; d++)
                    {
                        digits |= 1 << (d - '0');
                    }
                    position++;
                }
                else
                {
                    throw new IllegalArgumentException("class member " + c);
                }
            }
            position++;
            return new int[]{1, 0x3FF == digits ? 0 : 1};
        }

        private static int cap(final long value)
        {
            return (int)Math.min(value, UNBOUNDED);
        }
    }
}
