/*
 * Dialer core: compliance.
 */
package io.dialer.core.compliance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dialer.qualification.TextFile;

/**
 * The national do-not-call registry's numbers (the US registry's area-code download), held as bitsets: one bit per
 * possible number, in blocks of 10<sup>6</sup> bits (125 KB, one per area code and first digit of the exchange,
 * allocated when a number falls in it). An area code takes at most 1 MB (its exchanges start with 2 to 9), whatever
 * its count, so the whole registry (about 250 million numbers over some 330 area codes) takes about 330 MB, about
 * 1.3 bytes per number, and a lookup is two array reads and a bit test. A hash set of longs takes about 14 bytes per
 * number (a 4 GiB table at 250 million, with a rehash that needs old and new tables at once while loading); a
 * sorted array of the 7-digit line numbers per area code would take 4 bytes per number but a binary search per
 * lookup. The bitset is the smallest once an area code holds more than about 250,000 numbers (1 MB / 4 bytes),
 * which the real registry's area codes do. Blocks stay well under half a G1 region, so none is a humongous object.
 * <p>
 * The file format ({@link #load(Path, LocalDate)}): one number per line, 10 digits (area code, exchange, line),
 * written plainly ({@code 2015550123}), with dashes, dots, spaces or parentheses ({@code (201) 555-0123}), as
 * {@code 201,5550123} (the registry's comma-delimited flat file) or with a leading {@code 1}; {@code #} starts a
 * comment; a header comment {@code # downloaded: 2026-11-30} gives the download date. Bad lines are reported with
 * their line number and skipped; they never stop a load.
 * <p>
 * Its download date: the telemarketing sales rule's safe harbor asks for a copy at most 31 days old
 * ({@link #MAX_AGE_DAYS}); {@link #staleness(LocalDate)} says why a campaign must not start.
 * <p>
 * Threads: loaded once before the campaign starts, then read only (by the call controller).
 */
public final class NationalDncList
{
    /**
     * The oldest a copy of the registry may be, in days, on the day of a call.
     */
    public static final int MAX_AGE_DAYS = 31;

    /**
     * Bytes one block of the bitset takes: 10<sup>6</sup> numbers, one area code and first digit of the exchange.
     */
    public static final long BYTES_PER_BLOCK = 125_000L;

    private static final int AREA_CODES = 1000;
    private static final int BLOCKS = 10_000;
    private static final long BLOCK_LINES = 1_000_000L;
    private static final long LINES = 10_000_000L;
    private static final int WORDS = (int)(BLOCK_LINES / 64);
    private static final long NANP = 10_000_000_000L;
    private static final int MAX_LINE_KEPT = 120;
    private static final Pattern HEADER_DATE =
        Pattern.compile("(?i)\\bdownloaded\\s*[:=]?\\s*(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern NAME_DATE = Pattern.compile("(?<!\\d)(\\d{4})-?(\\d{2})-?(\\d{2})(?!\\d)");

    private final long[][] blocks = new long[BLOCKS][];
    private final boolean[] areaCodes = new boolean[AREA_CODES];
    private final Path file;
    private LocalDate downloaded;
    private String dateSource;
    private long size;
    private int areaCodeCount;
    private int blockCount;

    private NationalDncList(final Path file)
    {
        this.file = file;
    }

    /**
     * An empty list, for tests and for numbers added one by one.
     *
     * @param file       the file it stands for (in messages), or null.
     * @param downloaded the download date, or null.
     * @return the list.
     */
    public static NationalDncList empty(final Path file, final LocalDate downloaded)
    {
        final NationalDncList list = new NationalDncList(file);
        list.downloaded = downloaded;
        list.dateSource = null == downloaded ? null : "given";
        return list;
    }

    /**
     * Loads a registry file. The download date is, in order: {@code downloaded} (the campaign file's
     * {@code dnc.national.downloaded}), a header comment {@code # downloaded: YYYY-MM-DD} before the first number, a
     * date in the file's name ({@code 2026-11-30} or {@code 20261130}); {@link #downloaded()} is null when none is
     * found.
     *
     * @param file       the file.
     * @param downloaded the date given by the campaign, or null.
     * @param report     collects bad lines and a file error; from {@link #newReport(Path)}.
     * @return the list (with what was read before a file error).
     */
    public static NationalDncList load(final Path file, final LocalDate downloaded, final DncLoadReport report)
    {
        return load(file, downloaded, "campaign file", report);
    }

    /**
     * Loads a registry file with a download date given by a setting other than the campaign file's.
     *
     * @param file       the file.
     * @param downloaded the date given, or null.
     * @param dateSource where the given date comes from, like {@code --dnc-national-downloaded}.
     * @param report     collects bad lines and a file error; from {@link #newReport(Path)}.
     * @return the list (with what was read before a file error).
     */
    public static NationalDncList load(
        final Path file, final LocalDate downloaded, final String dateSource, final DncLoadReport report)
    {
        final NationalDncList list = new NationalDncList(file);
        if (null != downloaded)
        {
            list.downloaded = downloaded;
            list.dateSource = dateSource;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            list.read(channel, report);
        }
        catch (final IOException ex)
        {
            report.onFileError(0, TextFile.describe(file, ex), 0);
        }
        if (null == list.downloaded)
        {
            final LocalDate named = dateInName(file);
            if (null != named)
            {
                list.downloaded = named;
                list.dateSource = "file name";
            }
        }
        return list;
    }

    /**
     * Loads a registry file, with a fresh report ({@link #report()}-less form for tools and benchmarks).
     *
     * @param file       the file.
     * @param downloaded the date given by the campaign, or null.
     * @return the list.
     */
    public static NationalDncList load(final Path file, final LocalDate downloaded)
    {
        return load(file, downloaded, newReport(file));
    }

    /**
     * A report to pass to {@link #load(Path, LocalDate, DncLoadReport)}.
     *
     * @param file the file.
     * @return an empty report.
     */
    public static DncLoadReport newReport(final Path file)
    {
        return new DncLoadReport(file);
    }

    /**
     * A date in a file's name: {@code dnc-2026-11-30.txt} or {@code 201_20261130.txt}.
     *
     * @param file the file.
     * @return the date, or null when the name holds none.
     */
    public static LocalDate dateInName(final Path file)
    {
        final Path name = null == file ? null : file.getFileName();
        if (null == name)
        {
            return null;
        }
        final Matcher matcher = NAME_DATE.matcher(name.toString());
        while (matcher.find())
        {
            try
            {
                return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)));
            }
            catch (final DateTimeException ignore)
            {
                // not a date: look further
            }
        }
        return null;
    }

    /**
     * Why a campaign must not start with this list on {@code today}: no download date, a date in the future, or a
     * copy older than {@link #MAX_AGE_DAYS} days; null when it may.
     *
     * @param today the callee-independent date of the check (the dialer's UTC date).
     * @return the reason naming the file, the date and the age, or null.
     */
    public String staleness(final LocalDate today)
    {
        if (null == downloaded)
        {
            return "national do-not-call file " + file + " has no download date: set dnc.national.downloaded " +
                "(like 2026-11-30), or start the file with '# downloaded: 2026-11-30', or put the date in its name";
        }
        final long age = ChronoUnit.DAYS.between(downloaded, today);
        if (age < 0)
        {
            return "national do-not-call file " + file + " is dated " + downloaded + " (" + dateSource + "), " +
                -age + " days in the future: correct the date";
        }
        if (age > MAX_AGE_DAYS)
        {
            return "national do-not-call file " + file + " was downloaded " + downloaded + " (" + dateSource +
                "), " + age + " days ago: the limit is " + MAX_AGE_DAYS + " days; download the registry again";
        }
        return null;
    }

    /**
     * Whether a number is on the registry. O(1), allocation-free.
     *
     * @param e164 E.164 digits as a long ({@code 12015550123}); any other country code is never on it.
     * @return true when listed.
     */
    public boolean contains(final long e164)
    {
        final long national = e164 - NANP;
        if (national < 0 || national >= NANP)
        {
            return false;
        }
        final long[] bits = blocks[(int)(national / BLOCK_LINES)];
        if (null == bits)
        {
            return false;
        }
        final int line = (int)(national % BLOCK_LINES);
        return (bits[line >>> 6] & (1L << line)) != 0;
    }

    /**
     * Adds a number.
     *
     * @param tenDigits area code, exchange and line: {@code 2015550123}.
     * @return true when added, false when already listed.
     * @throws IllegalArgumentException when not a NANP number (area code and exchange from 200).
     */
    public boolean add(final long tenDigits)
    {
        if (!isNanp(tenDigits))
        {
            throw new IllegalArgumentException("not a 10-digit North American number: " + tenDigits);
        }
        final int areaCode = (int)(tenDigits / LINES);
        if (!areaCodes[areaCode])
        {
            areaCodes[areaCode] = true;
            areaCodeCount++;
        }
        final int block = (int)(tenDigits / BLOCK_LINES);
        long[] bits = blocks[block];
        if (null == bits)
        {
            bits = new long[WORDS];
            blocks[block] = bits;
            blockCount++;
        }
        final int line = (int)(tenDigits % BLOCK_LINES);
        final long mask = 1L << line;
        final long word = bits[line >>> 6];
        if ((word & mask) != 0)
        {
            return false;
        }
        bits[line >>> 6] = word | mask;
        size++;
        return true;
    }

    /**
     * The file loaded, or null.
     *
     * @return the path.
     */
    public Path file()
    {
        return file;
    }

    /**
     * The download date.
     *
     * @return the date, or null when unknown.
     */
    public LocalDate downloaded()
    {
        return downloaded;
    }

    /**
     * Where the download date came from: {@code campaign file} (or the setting given to
     * {@link #load(Path, LocalDate, String, DncLoadReport)}), {@code header}, {@code file name}, {@code given}.
     *
     * @return the source, or null when there is no date.
     */
    public String dateSource()
    {
        return dateSource;
    }

    /**
     * Numbers on the list.
     *
     * @return the count.
     */
    public long size()
    {
        return size;
    }

    /**
     * Area codes with at least one number.
     *
     * @return the count.
     */
    public int areaCodeCount()
    {
        return areaCodeCount;
    }

    /**
     * Blocks allocated (each {@link #BYTES_PER_BLOCK}).
     *
     * @return the count.
     */
    public int blockCount()
    {
        return blockCount;
    }

    /**
     * Memory the numbers take.
     *
     * @return bytes.
     */
    public long memoryBytes()
    {
        return blockCount * (BYTES_PER_BLOCK + 16) + BLOCKS * 4L + AREA_CODES;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return "national do-not-call " + file + ": " + size + " numbers in " + areaCodeCount + " area codes, " +
            "downloaded " + (null == downloaded ? "(unknown)" : downloaded + " (" + dateSource + ")");
    }

    private static boolean isNanp(final long tenDigits)
    {
        return tenDigits >= 2_000_000_000L && tenDigits < NANP && (tenDigits / 1_000_000L) % 10 >= 2;
    }

    private void read(final FileChannel channel, final DncLoadReport report) throws IOException
    {
        final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        final byte[] kept = new byte[MAX_LINE_KEPT];
        int keptLength = 0;
        long value = 0;
        int digits = 0;
        boolean comment = false;
        boolean bad = false;
        boolean seenNumber = false;
        int lineNumber = 0;
        boolean pending = false;
        boolean eof = false;
        while (!eof)
        {
            eof = channel.read(buffer) < 0;
            buffer.flip();
            final int limit = buffer.limit();
            final int stop = eof && pending ? limit + 1 : limit;
            for (int i = 0; i < stop; i++)
            {
                final int b = i < limit ? buffer.get(i) : '\n';
                if (b != '\n')
                {
                    pending = true;
                    if (keptLength < MAX_LINE_KEPT && b != '\r')
                    {
                        kept[keptLength++] = (byte)b;
                    }
                    if (comment || b == '\r')
                    {
                        continue;
                    }
                    if (b >= '0' && b <= '9')
                    {
                        value = value * 10 + (b - '0');
                        digits++;
                    }
                    else if (b == '#')
                    {
                        comment = true;
                    }
                    else if (!isSeparator(b) && !(0 == lineNumber && isByteOrderMark(b)))
                    {
                        bad = true;
                    }
                    continue;
                }
                pending = false;
                lineNumber++;
                report.onLine();
                if (0 == digits && !bad)
                {
                    if (!seenNumber && null == downloaded && comment)
                    {
                        header(new String(kept, 0, keptLength, StandardCharsets.UTF_8));
                    }
                }
                else if (!bad && digits <= 11 && isNanp(digits == 11 && value / NANP == 1 ? value - NANP : value) &&
                    digits >= 10)
                {
                    seenNumber = true;
                    if (add(digits == 11 ? value - NANP : value))
                    {
                        report.onAdded();
                    }
                    else
                    {
                        report.onDuplicate();
                    }
                }
                else
                {
                    report.onError(lineNumber, "'" + new String(kept, 0, keptLength, StandardCharsets.UTF_8).trim() +
                        "' is not a 10-digit US number (like 2015550123, 201-555-0123 or 201,5550123)");
                }
                keptLength = 0;
                value = 0;
                digits = 0;
                comment = false;
                bad = false;
            }
            buffer.clear();
        }
    }

    private static boolean isSeparator(final int b)
    {
        return b == '-' || b == ' ' || b == '\t' || b == '.' || b == '(' || b == ')' || b == ',';
    }

    private static boolean isByteOrderMark(final int b)
    {
        return b == (byte)0xEF || b == (byte)0xBB || b == (byte)0xBF;
    }

    private void header(final String line)
    {
        final Matcher matcher = HEADER_DATE.matcher(line);
        if (matcher.find())
        {
            try
            {
                downloaded = LocalDate.parse(matcher.group(1));
                dateSource = "header";
            }
            catch (final DateTimeException ignore)
            {
                // not a date: the file name may have one
            }
        }
    }
}
