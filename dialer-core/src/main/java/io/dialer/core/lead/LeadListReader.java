/*
 * Lead lists.
 */
package io.dialer.core.lead;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.dialer.qualification.TextFile;
import org.agrona.collections.Long2LongHashMap;

/**
 * Reads a CSV lead list: a header row, a phone column (any of {@link #PHONE_ALIASES}, case-insensitive, trimmed),
 * an optional time zone column ({@link #ZONE_ALIASES}) and an optional {@code state} column; every column but the
 * phone is kept as a lead field.
 * <p>
 * Rows are streamed with FastCSV on the calling thread and handed in chunks to {@code threads} workers that
 * normalise the numbers; chunks are merged back in file order, so reports and duplicate detection are deterministic.
 * Bad rows (empty phone, invalid number, wrong cell count) are reported and skipped; every other row is loaded. A
 * number seen before is merged into the first row with it (the first row's fields win) and reported.
 */
public final class LeadListReader
{
    /**
     * Header names accepted for the phone column, in order of preference.
     */
    public static final List<String> PHONE_ALIASES = List.of(
        "phone", "phone_number", "phonenumber", "phone number", "number", "mobile", "cell", "telephone", "tel",
        "msisdn");

    /**
     * Header names accepted for the time zone column.
     */
    public static final List<String> ZONE_ALIASES = List.of("timezone", "time_zone", "tz", "time zone");

    /**
     * Header name of the state column.
     */
    public static final String STATE_COLUMN = "state";

    /**
     * Header names accepted for the ZIP code column.
     */
    public static final List<String> ZIP_ALIASES = List.of("zip", "zip_code", "zipcode", "zip code", "postal_code");

    /**
     * Default number of normalising threads: the available processors.
     */
    public static final int THREADS_DEFAULT = Runtime.getRuntime().availableProcessors();

    private static final int CHUNK = 4096;
    private static final int MAX_RESERVE = 1 << 26;
    private static final float DUPLICATE_MAP_LOAD = 0.65f;
    /**
     * Cells of a column with few distinct values (names, cities, states) share one String per value; a column with
     * more distinct values than this stops being shared.
     */
    private static final int DEDUP_LIMIT = 2_048;
    private static final Set<String> ZONE_IDS = ZoneId.getAvailableZoneIds();
    private static final java.util.regex.Pattern STARTING_LINE =
        java.util.regex.Pattern.compile("record starting at line (\\d+)");

    private final PhoneNormaliser normaliser;
    private final int threads;

    /**
     * A reader for a default region.
     *
     * @param defaultRegion the region numbers without {@code +} are read in, like {@code US} (ISO 3166 code).
     * @param threads       normalising threads (1 normalises on the reading thread).
     */
    public LeadListReader(final String defaultRegion, final int threads)
    {
        final String region = defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (!PhoneNormaliser.isKnownRegion(region))
        {
            throw new IllegalArgumentException("unknown region '" + defaultRegion + "'");
        }
        this.normaliser = new PhoneNormaliser(region);
        this.threads = Math.max(1, threads);
    }

    /**
     * A reader for a default region with {@link #THREADS_DEFAULT} threads.
     *
     * @param defaultRegion the region, like {@code US}.
     */
    public LeadListReader(final String defaultRegion)
    {
        this(defaultRegion, THREADS_DEFAULT);
    }

    /**
     * Whether a region code is one libphonenumber knows.
     *
     * @param region the code, like {@code US}.
     * @return true when known.
     */
    public static boolean isKnownRegion(final String region)
    {
        return PhoneNormaliser.isKnownRegion(region);
    }

    /**
     * Reads a lead list file (UTF-8, a byte order mark is skipped). A file that cannot be opened gives an empty list
     * with a file-level problem ({@code file not found: path}); at a byte that is not UTF-8 reading stops and the rows
     * before it are kept ({@code row N: not UTF-8; save the file as UTF-8}).
     *
     * @param file the CSV file.
     * @return the leads and the report.
     */
    public LeadList read(final Path file)
    {
        return read(file, false);
    }

    /**
     * Reads only the header of a lead list file: the field names ({@link LeadList#fieldNames()}), the separator and
     * the header's problems (no phone column, unreadable file), no lead. For checks that need the columns (a
     * script's lead fields) without the cost of the rows.
     *
     * @param file the CSV file.
     * @return an empty list with the header's field names and problems.
     */
    public LeadList readHeader(final Path file)
    {
        return read(file, true);
    }

    private LeadList read(final Path file, final boolean headerOnly)
    {
        try (CsvInput input = new CsvInput(Files.newInputStream(file)))
        {
            return read(file.toString(), input, sizeOf(file), headerOnly);
        }
        catch (final IOException ex)
        {
            return unreadable(file, ex);
        }
        catch (final UncheckedIOException ex)
        {
            return unreadable(file, ex.getCause());
        }
    }

    private static LeadList unreadable(final Path file, final IOException ex)
    {
        final LeadReport report = new LeadReport();
        report.add(new LeadProblem(LeadProblem.Kind.FILE, 0, 0, TextFile.describe(file, ex)));
        return new LeadList(file.toString(), new String[0], Map.of(), 0, new long[0], new String[0][], new String[0][],
            new String[0], new int[0], report, ',');
    }

    /**
     * Reads a lead list from text.
     *
     * @param fileName the name to report against.
     * @param csv      the CSV text.
     * @return the leads and the report.
     */
    public LeadList read(final String fileName, final String csv)
    {
        return read(fileName, new StringReader(csv));
    }

    /**
     * Reads a lead list from a reader; the caller closes it.
     *
     * @param fileName the name to report against.
     * @param reader   the CSV text.
     * @return the leads and the report.
     */
    public LeadList read(final String fileName, final Reader reader)
    {
        try
        {
            return read(fileName, new CsvInput(reader), 0, false);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The separator of a header line: the first of comma, semicolon and tab whose cells name a phone column, else
     * the one found most often (a comma when none is).
     */
    static char separator(final String headerLine)
    {
        if (null == headerLine)
        {
            return ',';
        }
        final char[] candidates = {',', ';', '\t'};
        final int[] counts = new int[candidates.length];
        for (int c = 0; c < candidates.length; c++)
        {
            final List<String> cells = new java.util.ArrayList<>();
            final StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < headerLine.length(); i++)
            {
                final char ch = headerLine.charAt(i);
                if ('"' == ch)
                {
                    quoted = !quoted;
                }
                else if (ch == candidates[c] && !quoted)
                {
                    counts[c]++;
                    cells.add(cell.toString());
                    cell.setLength(0);
                }
                else if ('\uFEFF' != ch)
                {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString());
            final String[] names = new String[cells.size()];
            for (int i = 0; i < names.length; i++)
            {
                names[i] = cells.get(i).trim();
            }
            if (find(names, PHONE_ALIASES) >= 0)
            {
                return candidates[c];
            }
        }
        int best = 0;
        for (int c = 1; c < candidates.length; c++)
        {
            if (counts[c] > counts[best])
            {
                best = c;
            }
        }
        return candidates[best];
    }

    /**
     * Reads with a hint of the input's size in bytes (0 when unknown): after the first chunk of rows the lead arrays
     * and the duplicate map are sized for the whole file at once, not grown by doubling (growing them allocates large
     * arrays again and again, which sets the garbage collector off).
     */
    private LeadList read(final String fileName, final CsvInput input, final long sizeHint, final boolean headerOnly)
        throws IOException
    {
        final LeadReport report = new LeadReport();
        final char separator = separator(input.firstLine());
        final CsvReader<CsvRecord> csv = CsvReader.builder()
            .fieldSeparator(separator)
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .skipEmptyLines(true)
            .allowUnclosedQuote(false)
            .allowExtraCharsAfterClosingQuote(true)
            .ofCsvRecord(input);
        final java.util.Iterator<CsvRecord> records = csv.iterator();
        final Header header;
        try
        {
            header = records.hasNext() ? header(records.next(), report, separator) : null;
        }
        catch (final CsvParseException ex)
        {
            if (input.malformedLine() > 0)
            {
                notUtf8(input, report, 1);
            }
            else
            {
                report.add(new LeadProblem(LeadProblem.Kind.FILE, 1, 0, "the header row cannot be read: " +
                    reason(ex)));
            }
            return new Builder(fileName, new String[0], report, separator).build();
        }
        if (null == header)
        {
            if (input.malformedLine() > 0)
            {
                notUtf8(input, report, 1);
            }
            else if (report.problems().isEmpty())
            {
                report.add(new LeadProblem(LeadProblem.Kind.FILE, 0, 0, "the file is empty: expected a header row " +
                    "with a phone column"));
            }
            return new Builder(fileName, new String[0], report, separator).build();
        }
        final Builder builder = new Builder(fileName, header.fieldNames, report, separator);
        if (headerOnly)
        {
            return builder.build();
        }
        final ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, (r) ->
        {
            final Thread thread = new Thread(r, "lead-normaliser");
            thread.setDaemon(true);
            return thread;
        }) : null;
        final ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
        int row = 1;
        Chunk chunk = new Chunk(header);
        CsvParseException broken = null;
        try
        {
            while (true)
            {
                final CsvRecord record;
                try
                {
                    if (!records.hasNext())
                    {
                        break;
                    }
                    record = records.next();
                }
                catch (final CsvParseException ex)
                {
                    broken = ex;
                    break;
                }
                chunk.add(++row, record);
                if (chunk.size == CHUNK)
                {
                    if (CHUNK + 1 == row && sizeHint > 0)
                    {
                        builder.reserve(chunk.estimateRows(sizeHint));
                    }
                    submit(pool, pending, chunk, builder);
                    chunk = new Chunk(header);
                }
            }
            submit(pool, pending, chunk, builder);
            while (!pending.isEmpty())
            {
                builder.merge(join(pending.poll()));
            }
        }
        finally
        {
            if (null != pool)
            {
                pool.shutdownNow();
            }
        }
        if (input.malformedLine() > 0)
        {
            notUtf8(input, report, row + 1);
        }
        else if (null != broken)
        {
            unclosedQuote(broken, input, report, row + 1);
        }
        return builder.build();
    }

    private static void notUtf8(final CsvInput input, final LeadReport report, final int row) throws IOException
    {
        input.drain();
        report.add(new LeadProblem(LeadProblem.Kind.FILE, row, input.malformedLine(), TextFile.NOT_UTF8));
        report.stopped(row, input.linesFromMalformed());
    }

    private static void unclosedQuote(
        final CsvParseException ex, final CsvInput input, final LeadReport report, final int row) throws IOException
    {
        final String reason = reason(ex);
        final java.util.regex.Matcher at = STARTING_LINE.matcher(null == reason ? "" : reason);
        input.drain();
        final long line = at.find() ? Long.parseLong(at.group(1)) : 0;
        final long notRead = 0 == line ? 0 : input.linesRead() - line + 1;
        final String what = null != reason && reason.startsWith("Unclosed quoted field") ?
            "a quote (\") opened in this row is never closed; close it, or write a quote inside a cell as \"\"" :
            reason;
        report.add(new LeadProblem(LeadProblem.Kind.FILE, row, line, "cannot read on from here: " + what +
            (notRead > 0 ? " (" + notRead + (1 == notRead ? " line" : " lines") + " not read)" : "")));
        report.stopped(row, notRead);
    }

    private void submit(
        final ExecutorService pool, final ArrayDeque<Future<Chunk>> pending, final Chunk chunk, final Builder builder)
    {
        if (0 == chunk.size)
        {
            return;
        }
        if (null == pool)
        {
            builder.merge(normalise(chunk, builder.workers));
            return;
        }
        pending.add(pool.submit(() -> normalise(chunk, builder.workers)));
        while (!pending.isEmpty() && (pending.peek().isDone() || pending.size() > 2 * threads))
        {
            builder.merge(join(pending.poll()));
        }
    }

    private Chunk normalise(final Chunk chunk, final ArrayBlockingQueue<Worker> workers)
    {
        final Worker free = workers.poll();
        final Worker worker = null != free ? free : new Worker(chunk.header.fieldNames.length);
        try
        {
            return chunk.normalise(normaliser, worker);
        }
        finally
        {
            workers.offer(worker);
        }
    }

    private static Chunk join(final Future<Chunk> future)
    {
        try
        {
            return future.get();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading leads", ex);
        }
        catch (final ExecutionException ex)
        {
            throw new IllegalStateException("lead normalisation failed", ex.getCause());
        }
    }

    private static long sizeOf(final Path file)
    {
        try
        {
            return Files.size(file);
        }
        catch (final IOException ex)
        {
            return 0;
        }
    }

    private static String reason(final CsvParseException ex)
    {
        final Throwable cause = null != ex.getCause() ? ex.getCause() : ex;
        return cause.getMessage();
    }

    private static Header header(final CsvRecord record, final LeadReport report, final char separator)
    {
        final int count = record.getFieldCount();
        final String[] names = new String[count];
        for (int i = 0; i < count; i++)
        {
            String name = record.getField(i);
            if (0 == i && !name.isEmpty() && '\uFEFF' == name.charAt(0))
            {
                name = name.substring(1);
            }
            names[i] = name.trim();
        }
        final int phone = find(names, PHONE_ALIASES);
        if (phone < 0)
        {
            report.add(new LeadProblem(LeadProblem.Kind.FILE, 1, 0, "no phone column in the header (" +
                String.join(String.valueOf(separator), names) + "); name one of: " + String.join(", ", PHONE_ALIASES)));
            return null;
        }
        return new Header(names, phone, find(names, ZONE_ALIASES), find(names, List.of(STATE_COLUMN)),
            find(names, ZIP_ALIASES));
    }

    private static int find(final String[] names, final List<String> aliases)
    {
        for (final String alias : aliases)
        {
            for (int i = 0; i < names.length; i++)
            {
                if (alias.equalsIgnoreCase(names[i]))
                {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * The header: column names and where the phone, time zone, state and ZIP code are.
     */
    private static final class Header
    {
        final String[] names;
        final String[] fieldNames;
        final int phone;
        final int zone;
        final int state;
        final int zip;

        Header(final String[] names, final int phone, final int zone, final int state, final int zip)
        {
            this.names = names;
            this.phone = phone;
            this.zone = zone;
            this.state = state;
            this.zip = zip;
            this.fieldNames = new String[names.length - 1];
            for (int i = 0, j = 0; i < names.length; i++)
            {
                if (i != phone)
                {
                    fieldNames[j++] = names[i];
                }
            }
        }
    }

    /**
     * What one normalising thread uses, one chunk at a time: room for the chunk's new NPA-NXX prefixes, and one
     * shared String per distinct cell value of a column with few distinct values (names, cities, states); a column
     * with more than {@link #DEDUP_LIMIT} distinct values stops being shared. A value may have one copy per worker;
     * sharing saves memory and changes no value.
     */
    private static final class Worker
    {
        final long[] misses = new long[CHUNK];
        final HashMap<String, String>[] seen;

        @SuppressWarnings("unchecked")
        Worker(final int columns)
        {
            seen = new HashMap[columns];
            for (int i = 0; i < columns; i++)
            {
                seen[i] = new HashMap<>();
            }
        }

        String share(final int column, final String value)
        {
            final HashMap<String, String> values = seen[column];
            if (null == values)
            {
                return value;
            }
            final String known = values.putIfAbsent(value, value);
            if (null != known)
            {
                return known;
            }
            if (values.size() > DEDUP_LIMIT)
            {
                seen[column] = null;
            }
            return value;
        }
    }

    /**
     * Rows read together and normalised on a worker: the number, time zones and state of each row and its other
     * cells as columns.
     */
    private static final class Chunk
    {
        static final byte OK = 0;
        static final byte EMPTY = 1;
        static final byte INVALID = 2;
        static final byte COLUMNS = 3;

        final Header header;
        final CsvRecord[] records = new CsvRecord[CHUNK];
        final int[] rows = new int[CHUNK];
        final long[] lines = new long[CHUNK];
        final long[] numbers = new long[CHUNK];
        final byte[] status = new byte[CHUNK];
        final String[][] zones = new String[CHUNK][];
        final String[] states = new String[CHUNK];
        final String[] zoneWarnings = new String[CHUNK];
        final String[][] fields;
        int size;

        Chunk(final Header header)
        {
            this.header = header;
            this.fields = new String[header.fieldNames.length][CHUNK];
        }

        /**
         * How many rows a UTF-8 file of this many bytes has if its rows are like this chunk's (plus a twentieth).
         */
        int estimateRows(final long bytes)
        {
            long rowBytes = 0;
            for (int i = 0; i < size; i++)
            {
                final CsvRecord record = records[i];
                final int count = record.getFieldCount();
                rowBytes += count;
                for (int c = 0; c < count; c++)
                {
                    rowBytes += utf8Length(record.getField(c));
                }
            }
            final long rows = bytes * size / Math.max(1, rowBytes);
            return (int)Math.min(rows + rows / 20, MAX_RESERVE);
        }

        private static int utf8Length(final String value)
        {
            int length = value.length();
            for (int i = 0, n = value.length(); i < n; i++)
            {
                final char c = value.charAt(i);
                if (c >= 0x80)
                {
                    length += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
                }
            }
            return length;
        }

        void add(final int row, final CsvRecord record)
        {
            records[size] = record;
            rows[size] = row;
            lines[size] = record.getStartingLineNumber();
            size++;
        }

        Chunk normalise(final PhoneNormaliser normaliser, final Worker worker)
        {
            final int columns = header.names.length;
            final long[] misses = worker.misses;
            int missed = 0;
            for (int i = 0; i < size; i++)
            {
                final CsvRecord record = records[i];
                if (record.getFieldCount() != columns)
                {
                    status[i] = COLUMNS;
                    continue;
                }
                final String phone = record.getField(header.phone).trim();
                if (phone.isEmpty())
                {
                    status[i] = EMPTY;
                    continue;
                }
                final long national = normaliser.nanpNational(phone);
                numbers[i] = national;
                if (national > 0 && !PhoneNormaliser.known(national))
                {
                    misses[missed++] = national;
                }
            }
            normaliser.learn(misses, missed);
            final PhoneNormaliser.Info[] info = new PhoneNormaliser.Info[1];
            for (int i = 0; i < size; i++)
            {
                if (OK != status[i])
                {
                    continue;
                }
                final CsvRecord record = records[i];
                final long national = numbers[i];
                final long number = national > 0 ? normaliser.nanp(national, info) :
                    normaliser.other(record.getField(header.phone).trim(), info);
                if (number < 0)
                {
                    status[i] = INVALID;
                    continue;
                }
                numbers[i] = number;
                zones[i] = info[0].zones;
                states[i] = info[0].state;
                address(i, record);
                if (header.zone >= 0)
                {
                    zone(i, record.getField(header.zone).trim());
                }
                if (0 == zones[i].length && null == zoneWarnings[i])
                {
                    zoneWarnings[i] = "no time zone known for +" + number + "; loaded with time zone unknown";
                }
                for (int c = 0, f = 0; c < columns; c++)
                {
                    if (c != header.phone)
                    {
                        fields[f][i] = worker.share(f, record.getField(c));
                        f++;
                    }
                }
                records[i] = null;
            }
            return this;
        }

        /**
         * The state from the {@code state} column, else the ZIP code's, else the number's; the zones from the ZIP
         * code or state when the lead has one ({@link AddressZones#resolve}).
         */
        private void address(final int i, final CsvRecord record)
        {
            final String zip = header.zip >= 0 ? record.getField(header.zip).trim() : null;
            String state = header.state >= 0 ? record.getField(header.state).trim() : "";
            if (state.isEmpty() && null != zip)
            {
                final String zipState = AddressZones.stateOfZip(zip);
                state = null == zipState ? "" : zipState;
            }
            if (state.isEmpty() && (null == zip || zip.isEmpty()))
            {
                return;
            }
            if (!state.isEmpty())
            {
                states[i] = state.toUpperCase(Locale.ROOT);
            }
            zones[i] = AddressZones.resolve(zones[i], AddressZones.zonesOf(zip, state.isEmpty() ? null : state));
        }

        private void zone(final int i, final String zone)
        {
            if (ZONE_IDS.contains(zone))
            {
                zones[i] = new String[]{zone};
            }
            else if (!zone.isEmpty())
            {
                zoneWarnings[i] = "time zone '" + zone + "' is not a time zone id (like America/Chicago); " +
                    (0 == zones[i].length ? "time zone unknown" : "using the number's: " + String.join(", ", zones[i]));
            }
        }
    }

    /**
     * Accumulates leads in file order on the reading thread.
     */
    private final class Builder
    {
        final String file;
        final String[] fieldNames;
        final LeadReport report;
        final char separator;
        Long2LongHashMap firstRowByNumber = new Long2LongHashMap(-1);
        final ArrayBlockingQueue<Worker> workers = new ArrayBlockingQueue<>(threads);
        int size;
        long[] numbers = new long[1024];
        String[][] fields;
        String[][] zones = new String[1024][];
        String[] states = new String[1024];
        int[] rows = new int[1024];

        Builder(final String file, final String[] fieldNames, final LeadReport report, final char separator)
        {
            this.file = file;
            this.separator = separator;
            this.fieldNames = fieldNames;
            this.report = report;
            this.fields = new String[fieldNames.length][1024];
        }

        /**
         * Makes room for this many leads in all, before the first is added.
         */
        void reserve(final int leads)
        {
            if (0 == size && leads > numbers.length)
            {
                firstRowByNumber = new Long2LongHashMap((int)(leads / DUPLICATE_MAP_LOAD), DUPLICATE_MAP_LOAD, -1);
                resize(leads);
            }
        }

        private void resize(final int capacity)
        {
            numbers = Arrays.copyOf(numbers, capacity);
            for (int f = 0; f < fields.length; f++)
            {
                fields[f] = Arrays.copyOf(fields[f], capacity);
            }
            zones = Arrays.copyOf(zones, capacity);
            states = Arrays.copyOf(states, capacity);
            rows = Arrays.copyOf(rows, capacity);
        }

        void merge(final Chunk chunk)
        {
            final Header header = chunk.header;
            for (int i = 0; i < chunk.size; i++)
            {
                final int row = chunk.rows[i];
                final long line = chunk.lines[i];
                switch (chunk.status[i])
                {
                    case Chunk.COLUMNS:
                        report.add(new LeadProblem(LeadProblem.Kind.COLUMN_COUNT, row, line,
                            chunk.records[i].getFieldCount() + " columns, header has " + header.names.length));
                        continue;
                    case Chunk.EMPTY:
                        report.add(new LeadProblem(LeadProblem.Kind.EMPTY_PHONE, row, line, "phone is empty"));
                        continue;
                    case Chunk.INVALID:
                        report.add(new LeadProblem(LeadProblem.Kind.BAD_NUMBER, row, line, "phone '" +
                            chunk.records[i].getField(header.phone).trim() + "' is not a valid number for region " +
                            normaliser.region()));
                        continue;
                    default:
                        break;
                }
                final long number = chunk.numbers[i];
                final long first = firstRowByNumber.get(number);
                if (first >= 0)
                {
                    report.add(new LeadProblem(LeadProblem.Kind.DUPLICATE, row, line, "duplicate of row " + first +
                        " (+" + number + "), merged"));
                    continue;
                }
                firstRowByNumber.put(number, row);
                if (null != chunk.zoneWarnings[i])
                {
                    report.add(new LeadProblem(LeadProblem.Kind.TIME_ZONE, row, line, chunk.zoneWarnings[i]));
                }
                add(chunk, i, number, row);
            }
        }

        private void add(final Chunk chunk, final int i, final long number, final int row)
        {
            if (size == numbers.length)
            {
                resize(size * 2);
            }
            numbers[size] = number;
            for (int f = 0; f < fields.length; f++)
            {
                fields[f][size] = chunk.fields[f][i];
            }
            zones[size] = chunk.zones[i];
            states[size] = chunk.states[i];
            rows[size] = row;
            size++;
        }

        LeadList build()
        {
            final Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < fieldNames.length; i++)
            {
                index.putIfAbsent(fieldNames[i], i);
            }
            return new LeadList(file, fieldNames, index, size, numbers, fields, zones, states, rows, report, separator);
        }
    }
}
