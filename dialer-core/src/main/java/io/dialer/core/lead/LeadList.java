/*
 * Lead lists.
 */
package io.dialer.core.lead;

import java.util.List;
import java.util.Map;

/**
 * A loaded lead list: leads indexed {@code 0..size()-1} in file order, each with its number (E.164, held as a
 * {@code long}), the other cells of its row as fields, candidate time zones, a state and the row it came from; plus
 * the {@link LeadReport} of the rows that were not loaded or merged. Immutable once read.
 */
public final class LeadList
{
    /**
     * The time zones of a lead whose zone is not known (no column, and the number maps to none).
     */
    public static final String[] UNKNOWN_ZONES = new String[0];

    private final String file;
    private final String[] fieldNames;
    private final Map<String, Integer> fieldIndex;
    private final int size;
    private final long[] numbers;
    /**
     * Field values by field then lead: {@code columns[field][lead]}.
     */
    private final String[][] columns;
    private final String[][] zones;
    private final String[] states;
    private final int[] rows;
    private final LeadReport report;
    private final char separator;

    LeadList(
        final String file,
        final String[] fieldNames,
        final Map<String, Integer> fieldIndex,
        final int size,
        final long[] numbers,
        final String[][] columns,
        final String[][] zones,
        final String[] states,
        final int[] rows,
        final LeadReport report,
        final char separator)
    {
        this.separator = separator;
        this.file = file;
        this.fieldNames = fieldNames;
        this.fieldIndex = fieldIndex;
        this.size = size;
        this.numbers = numbers;
        this.columns = columns;
        this.zones = zones;
        this.states = states;
        this.rows = rows;
        this.report = report;
    }

    /**
     * The file name as given.
     *
     * @return the file name.
     */
    public String file()
    {
        return file;
    }

    /**
     * The number of leads loaded (after merging duplicates).
     *
     * @return the count.
     */
    public int size()
    {
        return size;
    }

    /**
     * The names of the lead fields: every header column but the phone column, as written (trimmed).
     *
     * @return the names.
     */
    public List<String> fieldNames()
    {
        return List.of(fieldNames);
    }

    /**
     * A lead's number in E.164 as digits: {@code +12145550123} is {@code 12145550123L}.
     *
     * @param lead the lead index.
     * @return the number.
     */
    public long number(final int lead)
    {
        return numbers[checkIndex(lead)];
    }

    /**
     * A lead's number in E.164 text.
     *
     * @param lead the lead index.
     * @return the number, like {@code +12145550123}.
     */
    public String e164(final int lead)
    {
        return "+" + numbers[checkIndex(lead)];
    }

    /**
     * A lead's field by name.
     *
     * @param lead the lead index.
     * @param name the field (header) name, as in {@link #fieldNames()}.
     * @return the value (empty when the cell was empty), or null when there is no such field.
     */
    public String field(final int lead, final String name)
    {
        final Integer index = fieldIndex.get(name);
        return null == index ? null : columns[index][checkIndex(lead)];
    }

    /**
     * A lead's fields as a map from field name to value, for scripts and summaries.
     *
     * @param lead the lead index.
     * @return the fields.
     */
    public Map<String, String> fields(final int lead)
    {
        final int checked = checkIndex(lead);
        final Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fieldNames.length; i++)
        {
            map.put(fieldNames[i], columns[i][checked]);
        }
        return map;
    }

    /**
     * A lead's candidate time zones (IANA ids): one from a time zone column, else every zone the number may be in.
     * A call must be allowed in all of them. Empty when unknown.
     *
     * @param lead the lead index.
     * @return the zone ids; do not modify.
     */
    public String[] timeZones(final int lead)
    {
        return zones[checkIndex(lead)];
    }

    /**
     * Whether a lead's time zone is unknown.
     *
     * @param lead the lead index.
     * @return true when {@link #timeZones(int)} is empty.
     */
    public boolean timeZoneUnknown(final int lead)
    {
        return 0 == zones[checkIndex(lead)].length;
    }

    /**
     * A lead's state or province (two letters, like {@code TX}): the {@code state} column when present and not
     * empty, else derived from the number for US and Canadian numbers.
     *
     * @param lead the lead index.
     * @return the state, or null when unknown.
     */
    public String state(final int lead)
    {
        return states[checkIndex(lead)];
    }

    /**
     * The row a lead came from (the header is row 1).
     *
     * @param lead the lead index.
     * @return the row.
     */
    public int row(final int lead)
    {
        return rows[checkIndex(lead)];
    }

    /**
     * The problems found while reading.
     *
     * @return the report.
     */
    public LeadReport report()
    {
        return report;
    }

    /**
     * The character that separates the cells, found from the header line: {@code ,} (the default), {@code ;} or a
     * tab.
     *
     * @return the separator.
     */
    public char separator()
    {
        return separator;
    }

    /**
     * One line: {@code N leads, M bad rows, K duplicates merged}, then warnings when there are some, the lines not
     * read when reading stopped early, and the separator when it is not a comma.
     *
     * @return the summary.
     */
    public String summary()
    {
        final StringBuilder summary = new StringBuilder(96).append(size).append(" leads, ").append(report.badRows())
            .append(" bad rows, ").append(report.duplicates()).append(" duplicates merged");
        if (report.warnings() > 0)
        {
            summary.append(", ").append(report.warnings()).append(" warnings");
        }
        if (report.linesNotRead() > 0)
        {
            summary.append(", ").append(report.linesNotRead()).append(" lines not read from row ")
                .append(report.stoppedAtRow());
        }
        if (';' == separator)
        {
            summary.append(" (separated by semicolons)");
        }
        else if ('\t' == separator)
        {
            summary.append(" (separated by tabs)");
        }
        return summary.toString();
    }

    private int checkIndex(final int lead)
    {
        if (lead < 0 || lead >= size)
        {
            throw new IndexOutOfBoundsException("lead " + lead + " of " + size);
        }
        return lead;
    }
}
