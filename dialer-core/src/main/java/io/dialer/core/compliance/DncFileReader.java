/*
 * Dialer core: compliance.
 */
package io.dialer.core.compliance;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongPredicate;

import io.dialer.qualification.TextFile;
import org.agrona.collections.LongHashSet;

/**
 * Reads do-not-call files: one number per line, {@code #} starts a comment (whole line or after the number), blank
 * lines skipped, a UTF-8 byte order mark ignored. Each number goes through the {@link NumberNormaliser} (for a
 * campaign, libphonenumber in the campaign's region, as lead lists are read); a line it refuses is reported with its
 * line number in the {@link DncLoadReport} and every good line is kept. A file that cannot be read, or stops being
 * UTF-8, is a file error ({@link DncLoadReport#fileError()}): the lines before the bad byte are kept, and the report
 * says how many lines were not read.
 */
public final class DncFileReader
{
    private final NumberNormaliser normaliser;

    /**
     * A reader with a normaliser.
     *
     * @param normaliser turns a line into an E.164 number held as a long.
     */
    public DncFileReader(final NumberNormaliser normaliser)
    {
        this.normaliser = normaliser;
    }

    /**
     * Reads a file, handing every good number to {@code add}.
     *
     * @param file the file.
     * @param add  takes a number (E.164 digits as a long); returns false when it already had it (a duplicate).
     * @return what was read and every bad line.
     */
    public DncLoadReport read(final Path file, final LongPredicate add)
    {
        return read(file, add, null);
    }

    /**
     * Reads a file of additions and removals: a line {@code -number} takes the number off the list (the internal
     * list's file records a manager's removals so); every other good number goes to {@code add}.
     *
     * @param file   the file.
     * @param add    takes a number; returns false when it already had it (a duplicate).
     * @param remove takes a removed number; null when the file may not remove (a {@code -} line is then an error).
     * @return what was read and every bad line.
     */
    public DncLoadReport read(final Path file, final LongPredicate add, final LongPredicate remove)
    {
        final DncLoadReport report = new DncLoadReport(file);
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file)))
        {
            byte[] line = new byte[256];
            int length = 0;
            boolean more = true;
            while (more)
            {
                final int b = in.read();
                more = b >= 0;
                if (more && '\n' != b)
                {
                    if (length == line.length)
                    {
                        line = java.util.Arrays.copyOf(line, length * 2);
                    }
                    line[length++] = (byte)b;
                    continue;
                }
                if (!more && 0 == length)
                {
                    break;
                }
                report.onLine();
                final String text;
                try
                {
                    text = decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
                }
                catch (final CharacterCodingException ex)
                {
                    int notRead = 1;
                    int last = '\n';
                    for (int next = in.read(); next >= 0; next = in.read())
                    {
                        notRead += '\n' == last ? 1 : 0;
                        last = next;
                    }
                    report.onFileError(report.lines(), TextFile.NOT_UTF8, notRead);
                    break;
                }
                line(report, text, add, remove);
                length = 0;
            }
        }
        catch (final IOException ex)
        {
            report.onFileError(0, TextFile.describe(file, ex), 0);
        }
        return report;
    }

    /**
     * Checks a file without keeping its numbers (duplicates within the file are still counted).
     *
     * @param file the file.
     * @return what was read and every bad line.
     */
    public DncLoadReport check(final Path file)
    {
        final LongHashSet seen = new LongHashSet();
        return read(file, seen::add);
    }

    private void line(
        final DncLoadReport report, final String line, final LongPredicate add, final LongPredicate remove)
    {
        int end = line.indexOf('#');
        if (end < 0)
        {
            end = line.length();
        }
        int start = 0;
        while (start < end && (Character.isWhitespace(line.charAt(start)) || line.charAt(start) == '\uFEFF'))
        {
            start++;
        }
        while (end > start && Character.isWhitespace(line.charAt(end - 1)))
        {
            end--;
        }
        if (start == end)
        {
            return;
        }

        final boolean removal = null != remove && '-' == line.charAt(start);
        final CharSequence text = line.subSequence(removal ? start + 1 : start, end);
        long number;
        try
        {
            number = normaliser.normalise(text);
        }
        catch (final RuntimeException ex)
        {
            number = E164.INVALID;
        }

        if (number == E164.INVALID || !E164.isValid(number))
        {
            report.onError(report.lines(), normaliser.problem(text));
        }
        else if (removal)
        {
            remove.test(number);
            report.onRemoved();
        }
        else if (add.test(number))
        {
            report.onAdded();
        }
        else
        {
            report.onDuplicate();
        }
    }
}
