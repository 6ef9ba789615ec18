/*
 * Lead lists.
 */
package io.dialer.core.lead;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A US lead's state and time zones from its address: the shipped tables {@code us-zip3.csv} (three-digit ZIP prefix
 * to state, and to zone where a prefix of a multi-zone state lies in one zone) and {@code us-state-zones.csv} (state
 * to every zone it spans), both class path resources of dialer-core ({@code docs/compliance-rules.md} gives their
 * sources and dates). Immutable, thread-safe.
 * <p>
 * {@link #resolve(String[], String[])} decides between the number's zones and the address's: the address settles a
 * number that maps to several zones (keeping those it agrees with); a number with one zone that the address does not
 * contain keeps both (the lead may have moved: it is called when the window is open in each).
 */
public final class AddressZones
{
    private static final String ZIP3_RESOURCE = "/io/dialer/core/lead/us-zip3.csv";
    private static final String STATES_RESOURCE = "/io/dialer/core/lead/us-state-zones.csv";
    private static final String[] NONE = new String[0];
    private static final String[] ZIP3_STATES = new String[1000];
    private static final String[][] ZIP3_ZONES = new String[1000][];
    private static final Map<String, String[]> STATE_ZONES = new HashMap<>();

    static
    {
        for (final String[] row : rows(STATES_RESOURCE))
        {
            STATE_ZONES.put(row[0], zones(row[1]));
        }
        for (final String[] row : rows(ZIP3_RESOURCE))
        {
            final int from = Integer.parseInt(row[0]);
            final int to = Integer.parseInt(row[1]);
            final String[] zones = row.length > 3 && !row[3].isBlank() ? zones(row[3]) : STATE_ZONES.get(row[2]);
            if (null == zones)
            {
                throw new IllegalStateException(ZIP3_RESOURCE + ": state " + row[2] + " has no zones");
            }
            for (int zip3 = from; zip3 <= to; zip3++)
            {
                ZIP3_STATES[zip3] = row[2];
                ZIP3_ZONES[zip3] = zones;
            }
        }
    }

    private AddressZones()
    {
    }

    /**
     * The three-digit prefix of a ZIP code as written in a lead list: {@code 33101}, {@code 33101-1234},
     * {@code 331011234}, or {@code 2134} (a ZIP that lost its leading zero in a spreadsheet).
     *
     * @param zip the cell.
     * @return the prefix 0 to 999, or -1 when the cell is not a ZIP code.
     */
    public static int zip3(final CharSequence zip)
    {
        if (null == zip)
        {
            return -1;
        }
        int digits = 0;
        int value = 0;
        int length = zip.length();
        while (length > 0 && Character.isWhitespace(zip.charAt(length - 1)))
        {
            length--;
        }
        int start = 0;
        while (start < length && Character.isWhitespace(zip.charAt(start)))
        {
            start++;
        }
        for (int i = start; i < length; i++)
        {
            final char c = zip.charAt(i);
            if (c == '-' && digits == 5 && i == start + 5)
            {
                continue;
            }
            if (c < '0' || c > '9')
            {
                return -1;
            }
            if (digits < 5)
            {
                value = value * 10 + (c - '0');
            }
            digits++;
        }
        return digits == 4 || digits == 5 || digits == 9 ? value / 100 : -1;
    }

    /**
     * The state of a ZIP code.
     *
     * @param zip the cell.
     * @return the two-letter state, or null when the prefix is unknown.
     */
    public static String stateOfZip(final CharSequence zip)
    {
        final int zip3 = zip3(zip);
        return zip3 < 0 ? null : ZIP3_STATES[zip3];
    }

    /**
     * The zones of an address: its ZIP prefix's when known, else its state's.
     *
     * @param zip   the ZIP cell, or null.
     * @param state the two-letter state, or null.
     * @return the zone ids, empty when neither is known; do not modify.
     */
    public static String[] zonesOf(final CharSequence zip, final String state)
    {
        final int zip3 = zip3(zip);
        if (zip3 >= 0 && null != ZIP3_ZONES[zip3])
        {
            return ZIP3_ZONES[zip3];
        }
        final String[] zones = null == state ? null : STATE_ZONES.get(state.trim().toUpperCase(Locale.ROOT));
        return null == zones ? NONE : zones;
    }

    /**
     * The zones a lead is checked in, from its number's and its address's.
     *
     * @param numberZones  the number's zones (libphonenumber), may be empty.
     * @param addressZones the address's ({@link #zonesOf}), may be empty.
     * @return the number's when the address gives none or agrees with them; when the number gives several, those
     * the address also gives (the address's when none is common); when the number gives none, the address's; when
     * they disagree on the number's one zone, both (the union: the lead may have moved).
     */
    public static String[] resolve(final String[] numberZones, final String[] addressZones)
    {
        if (0 == addressZones.length)
        {
            return numberZones;
        }
        if (0 == numberZones.length)
        {
            return addressZones;
        }
        final List<String> address = Arrays.asList(addressZones);
        final List<String> common = new ArrayList<>(numberZones.length);
        for (final String zone : numberZones)
        {
            if (address.contains(zone))
            {
                common.add(zone);
            }
        }
        if (common.size() == numberZones.length)
        {
            return numberZones;
        }
        if (numberZones.length > 1)
        {
            return common.isEmpty() ? addressZones : common.toArray(NONE);
        }
        final Set<String> union = new LinkedHashSet<>(Arrays.asList(numberZones));
        union.addAll(address);
        return union.toArray(NONE);
    }

    private static String[] zones(final String text)
    {
        final String[] ids = text.trim().split("\\s+");
        for (final String id : ids)
        {
            ZoneId.of(id);
        }
        return ids;
    }

    private static List<String[]> rows(final String resource)
    {
        final List<String[]> rows = new ArrayList<>();
        try (InputStream in = AddressZones.class.getResourceAsStream(resource))
        {
            if (null == in)
            {
                throw new IllegalStateException("missing resource " + resource);
            }
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = reader.readLine(); null != line; line = reader.readLine())
            {
                if (line.isBlank() || line.startsWith("#"))
                {
                    continue;
                }
                if (header)
                {
                    header = false;
                    continue;
                }
                rows.add(line.split(",", -1));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return rows;
    }
}
