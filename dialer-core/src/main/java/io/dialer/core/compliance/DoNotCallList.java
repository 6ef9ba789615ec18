/*
 * Dialer core: compliance.
 */
package io.dialer.core.compliance;

import org.agrona.collections.LongHashSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The internal do-not-call list: E.164 numbers held as longs in an Agrona {@link LongHashSet} (about 16 bytes per
 * number, so millions fit), loaded from files and extended by opt-outs made during calls.
 * <p>
 * Files hold one number per line ({@link DncFileReader}); each line goes through the {@link NumberNormaliser}, and a
 * line it refuses is reported with its file and line number in a {@link DncLoadReport} while every good line is kept.
 * <p>
 * An opt-out ({@link #add(long, String, long)}) is in the in-memory set at once, then appended to the opt-out file,
 * flushed and forced to the device ({@link FileChannel#force(boolean)}) before the call returns, so a crash right
 * after loses nothing. The opt-out file is loaded when the list is opened, so a restart sees every opt-out.
 * <p>
 * {@link #version()} counts changes (one per file loaded, one per number added), so a dial decision can record
 * "do-not-call list checked at version N".
 * <p>
 * Threads: a single writer of the set, the call controller, which also does every check; the {@code persist}
 * methods may run on other threads (the dialer's effects stage, a bulk upload), as they touch only the file, one at a
 * time. A manager's removal is a {@code -number} line in the opt-out file, so a restart leaves it off the list.
 */
public final class DoNotCallList implements AutoCloseable
{
    /**
     * Default initial capacity: room for 1,024 numbers before the set grows.
     */
    public static final int INITIAL_CAPACITY_DEFAULT = 1024;

    private final LongHashSet numbers;
    private final NumberNormaliser normaliser;
    private final Path optOutFile;
    private final FileChannel optOutChannel;
    private final DncLoadReport optOutReport;
    private NationalDncList national;
    private long version;
    private long filesDateMs;

    /**
     * Opens the list with its opt-out file, creating the file when missing and loading the numbers already in it.
     *
     * @param optOutFile      the file that opt-outs are appended to.
     * @param normaliser      turns file lines into numbers; {@code E164::parse} for strict E.164.
     * @param initialCapacity expected number of entries.
     * @throws UncheckedIOException when the file cannot be read or opened for appending.
     */
    public DoNotCallList(final Path optOutFile, final NumberNormaliser normaliser, final int initialCapacity)
    {
        this.numbers = new LongHashSet(Math.max(16, initialCapacity));
        this.normaliser = normaliser;
        this.optOutFile = optOutFile;
        try
        {
            final Path parent = optOutFile.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            this.optOutReport = Files.exists(optOutFile) ?
                new DncFileReader(normaliser).read(optOutFile, numbers::add, numbers::remove) :
                new DncLoadReport(optOutFile);
            if (null != optOutReport.fileError())
            {
                throw new IOException(optOutReport.fileError());
            }
            this.optOutChannel = FileChannel.open(
                optOutFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            endWithNewline();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("do-not-call file " + optOutFile + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Opens the list with strict E.164 parsing.
     *
     * @param optOutFile the file that opt-outs are appended to.
     */
    public DoNotCallList(final Path optOutFile)
    {
        this(optOutFile, E164::parse, INITIAL_CAPACITY_DEFAULT);
    }

    /**
     * The report of loading the opt-out file when the list was opened.
     *
     * @return the report.
     */
    public DncLoadReport optOutReport()
    {
        return optOutReport;
    }

    /**
     * The file opt-outs are appended to.
     *
     * @return the path.
     */
    public Path optOutFile()
    {
        return optOutFile;
    }

    /**
     * Loads a do-not-call file ({@link DncFileReader}), adding every good line and reporting the bad ones; a file that
     * cannot be read to its end is a {@link DncLoadReport#fileError()} (the numbers read before it are kept).
     *
     * @param file the file.
     * @return what was loaded and every bad line with its line number.
     */
    public DncLoadReport load(final Path file)
    {
        try
        {
            return new DncFileReader(normaliser).read(file, numbers::add);
        }
        finally
        {
            version++;
            try
            {
                filesDateMs = Math.max(filesDateMs, java.nio.file.Files.getLastModifiedTime(file).toMillis());
            }
            catch (final java.io.IOException | RuntimeException ignore)
            {
                // a file that cannot be read is reported by the load; its date stays unknown
            }
        }
    }

    /**
     * The date of the list's files: the newest last-modified time of the files loaded, epoch ms; 0 when none was
     * loaded (opt-outs only). Journaled with each dial.
     *
     * @return the date.
     */
    public long filesDateMs()
    {
        return filesDateMs;
    }

    /**
     * Whether a number is on the list. O(1), allocation-free.
     *
     * @param number E.164 digits as a long.
     * @return true when the number must not be called.
     */
    public boolean contains(final long number)
    {
        return numbers.contains(number) || (null != national && national.contains(number));
    }

    /**
     * Adds the national registry's numbers to the list's checks (they are not copied: {@link #size()} counts the
     * internal list only). Counts as a change ({@link #version()}).
     *
     * @param national the loaded registry, or null to check none.
     */
    public void national(final NationalDncList national)
    {
        this.national = national;
        version++;
    }

    /**
     * The national registry checked with this list.
     *
     * @return the registry, or null.
     */
    public NationalDncList national()
    {
        return national;
    }

    /**
     * The national registry's download date as an epoch day, for the journal.
     *
     * @return the epoch day, or -1 when no registry (or no date) is loaded.
     */
    public long nationalListDate()
    {
        return null == national || null == national.downloaded() ? -1 : national.downloaded().toEpochDay();
    }

    /**
     * Whether an E.164 number ({@code +digits}) is on the list. Allocation-free.
     *
     * @param e164 the number.
     * @return true when on the list; false for text that is not E.164.
     */
    public boolean contains(final CharSequence e164)
    {
        final long number = E164.parse(e164);

        return number != E164.INVALID && contains(number);
    }

    /**
     * Adds an opt-out: in memory at once, then appended to the opt-out file and forced to the device.
     *
     * @param number E.164 digits as a long.
     * @param source who or what asked (e.g. {@code keypad:call-42}); written as a comment.
     * @param nowMs  when, epoch ms; written as a comment.
     * @return true when added, false when it was already on the list (nothing written).
     * @throws IllegalArgumentException when the number is not valid E.164.
     * @throws UncheckedIOException     when the file write fails (the number stays blocked in memory).
     */
    public boolean add(final long number, final String source, final long nowMs)
    {
        if (!block(number))
        {
            return false;
        }
        persist(number, source, nowMs);
        return true;
    }

    /**
     * The in-memory half of {@link #add(long, String, long)}: the number is refused by every later check at once.
     * The call controller blocks on its own thread and leaves {@link #persist(long, String, long)} (file I/O) to
     * another.
     *
     * @param number E.164 digits as a long.
     * @return true when added, false when it was already on the list.
     * @throws IllegalArgumentException when the number is not valid E.164.
     */
    public boolean block(final long number)
    {
        if (!E164.isValid(number))
        {
            throw new IllegalArgumentException("not an E.164 number: " + number);
        }
        if (!numbers.add(number))
        {
            return false;
        }
        version++;
        return true;
    }

    /**
     * The durable half of {@link #add(long, String, long)}: appends the number to the opt-out file and forces it to
     * the device. Safe to call from one thread other than the one that checks and blocks (it touches only the file).
     *
     * @param number E.164 digits as a long, already {@link #block(long) blocked}.
     * @param source who or what asked; written as a comment.
     * @param nowMs  when, epoch ms; written as a comment.
     * @throws UncheckedIOException when the file write fails.
     */
    public void persist(final long number, final String source, final long nowMs)
    {
        final StringBuilder line = new StringBuilder(64);
        E164.appendTo(line, number).append(" # opt-out at=").append(Instant.ofEpochMilli(nowMs));
        comment(line, source);
        write(ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Takes a number off the list in memory (a manager's removal); the controller's half of a removal, the durable
     * half being {@link #persistRemoval(long, String, long)}.
     *
     * @param number E.164 digits as a long.
     * @return true when it was on the list.
     */
    public boolean unblock(final long number)
    {
        if (!numbers.remove(number))
        {
            return false;
        }
        version++;
        return true;
    }

    /**
     * Records a removal in the opt-out file ({@code -number}), so a restart leaves the number off the list. Numbers
     * in other do-not-call files loaded after the opt-out file are on the list again after a restart: remove them
     * from those files.
     *
     * @param number E.164 digits as a long.
     * @param source who asked; written as a comment.
     * @param nowMs  when, epoch ms; written as a comment.
     * @throws UncheckedIOException when the file write fails.
     */
    public void persistRemoval(final long number, final String source, final long nowMs)
    {
        final StringBuilder line = new StringBuilder(64).append('-');
        E164.appendTo(line, number).append(" # removed at=").append(Instant.ofEpochMilli(nowMs));
        comment(line, source);
        write(ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Appends many numbers to the opt-out file in one write per batch and forces it once (a bulk upload: written
     * before the numbers are blocked, so a crash in between loses nothing). May run on any one thread besides the
     * controller.
     *
     * @param numbers E.164 digits as longs.
     * @param count   how many of them.
     * @param source  who asked; written as a comment on each line.
     * @param nowMs   when, epoch ms.
     * @throws UncheckedIOException when the file write fails.
     */
    public void persistAll(final long[] numbers, final int count, final String source, final long nowMs)
    {
        final StringBuilder lines = new StringBuilder(64 * Math.min(count, 16_384));
        final String suffix = " # added at=" + Instant.ofEpochMilli(nowMs) + (null == source ? "" : " source=" +
            source.replace('\n', ' ').replace('\r', ' ')) + "\n";
        for (int i = 0; i < count; i++)
        {
            E164.appendTo(lines, numbers[i]).append(suffix);
            if (lines.length() > 1 << 20 || i == count - 1)
            {
                write(ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
                lines.setLength(0);
            }
        }
    }

    private static void comment(final StringBuilder line, final String source)
    {
        if (source != null)
        {
            line.append(" source=");
            for (int i = 0, length = source.length(); i < length; i++)
            {
                final char c = source.charAt(i);
                line.append(c == '\n' || c == '\r' ? ' ' : c);
            }
        }
        line.append('\n');
    }

    /**
     * A number as this list reads it (its normaliser).
     *
     * @param number the number as text.
     * @return E.164 digits as a long.
     * @throws IllegalArgumentException when the number cannot be normalised.
     */
    public long normalise(final CharSequence number)
    {
        final long value = normaliser.normalise(number);
        if (value == E164.INVALID)
        {
            throw new IllegalArgumentException("not a phone number: " + number);
        }
        return value;
    }

    /**
     * Adds an opt-out given as text, normalised with this list's normaliser.
     *
     * @param number the number.
     * @param source who or what asked.
     * @param nowMs  when, epoch ms.
     * @return true when added, false when already on the list.
     * @throws IllegalArgumentException when the number cannot be normalised.
     */
    public boolean add(final CharSequence number, final String source, final long nowMs)
    {
        return add(normalise(number), source, nowMs);
    }

    /**
     * The change counter: one per file loaded and one per number added.
     *
     * @return the version.
     */
    public long version()
    {
        return version;
    }

    /**
     * Numbers on the list.
     *
     * @return the count.
     */
    public int size()
    {
        return numbers.size();
    }

    /**
     * Closes the opt-out file.
     */
    @Override
    public void close()
    {
        try
        {
            optOutChannel.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private void endWithNewline() throws IOException
    {
        final long size = optOutChannel.size();
        if (size > 0)
        {
            final ByteBuffer last = ByteBuffer.allocate(1);
            try (FileChannel reader = FileChannel.open(optOutFile, StandardOpenOption.READ))
            {
                reader.read(last, size - 1);
            }
            if (last.get(0) != '\n')
            {
                write(ByteBuffer.wrap(new byte[]{ '\n' }));
            }
        }
    }

    private synchronized void write(final ByteBuffer buffer)
    {
        try
        {
            while (buffer.hasRemaining())
            {
                optOutChannel.write(buffer);
            }
            optOutChannel.force(false);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot persist opt-out to " + optOutFile + ": " + ex.getMessage(), ex);
        }
    }
}
