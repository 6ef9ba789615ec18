/*
 * Lead lists.
 */
package io.dialer.core.lead;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The characters of a lead list on their way to the CSV parser, counting the lines handed out. From bytes it decodes
 * UTF-8 strictly and hands out whole lines only: at the first byte that is not UTF-8 it ends the text after the last
 * complete line before it and remembers that line ({@link #malformedLine()}), so the parser sees every row before
 * the bad one intact and no row cut in half. {@link #firstLine()} peeks at the header line without consuming it.
 */
final class CsvInput extends Reader
{
    private static final int BYTES = 64 * 1024;

    private final InputStream bytes;
    private final Reader chars;
    private final CharsetDecoder decoder;
    private final ByteBuffer in;
    private CharBuffer pending = CharBuffer.allocate(BYTES);
    /** Index in {@link #pending} after the last character that may be handed out. */
    private int safeEnd;
    private boolean sourceDone;
    private long newlines;
    private char last = '\n';
    private long malformedLine;
    private long linesFromMalformed;

    /**
     * Strict UTF-8 decoding of a byte stream, whole lines at a time.
     */
    CsvInput(final InputStream bytes)
    {
        this.bytes = bytes;
        this.chars = null;
        this.decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        this.in = ByteBuffer.allocate(BYTES);
        in.flip();
        pending.flip();
    }

    /**
     * Characters already decoded.
     */
    CsvInput(final Reader chars)
    {
        this.bytes = null;
        this.chars = chars;
        this.decoder = null;
        this.in = null;
        pending.flip();
    }

    /**
     * The line (from 1) holding the first byte that is not UTF-8.
     *
     * @return the line, or 0 when none was met.
     */
    long malformedLine()
    {
        return malformedLine;
    }

    /**
     * After {@link #drain()} of a text that is not UTF-8: the lines from the bad byte's line to the end, that line
     * included.
     *
     * @return the line count, 0 when every byte was UTF-8.
     */
    long linesFromMalformed()
    {
        return linesFromMalformed;
    }

    /**
     * The physical lines handed out so far: newlines, plus one for a last line without its newline.
     *
     * @return the line count.
     */
    long linesRead()
    {
        return newlines + ('\n' == last ? 0 : 1);
    }

    /**
     * Reads to the end without handing anything out (after the parser gave up), so {@link #linesRead()} counts
     * every line of the text; a file that is not UTF-8 counts its lines up to the bad byte's line (not included).
     *
     * @throws IOException when the source fails.
     */
    void drain() throws IOException
    {
        final char[] buffer = new char[8192];
        while (read(buffer, 0, buffer.length) >= 0)
        {
            // counted by read
        }
        if (0 != malformedLine && 0 == linesFromMalformed)
        {
            long newlinesAfter = 0;
            byte lastByte = 0;
            for (int i = in.position(); i < in.limit(); i++)
            {
                lastByte = in.get(i);
                newlinesAfter += '\n' == lastByte ? 1 : 0;
            }
            final byte[] rest = new byte[BYTES];
            int read;
            while ((read = bytes.read(rest)) >= 0)
            {
                for (int i = 0; i < read; i++)
                {
                    newlinesAfter += '\n' == rest[i] ? 1 : 0;
                }
                lastByte = read > 0 ? rest[read - 1] : lastByte;
            }
            linesFromMalformed = 1 + newlinesAfter - ('\n' == lastByte ? 1 : 0);
        }
    }

    /**
     * The first line, without its line end, not consumed.
     *
     * @return the line, or null when the text is empty.
     * @throws IOException when the source fails.
     */
    String firstLine() throws IOException
    {
        while (true)
        {
            for (int i = pending.position(); i < safeEnd; i++)
            {
                if ('\n' == pending.get(i))
                {
                    return text(pending.position(), i);
                }
            }
            if (sourceDone)
            {
                return safeEnd == pending.position() ? null : text(pending.position(), safeEnd);
            }
            fill();
        }
    }

    private String text(final int from, final int to)
    {
        final int end = to > from && '\r' == pending.get(to - 1) ? to - 1 : to;
        final char[] line = new char[end - from];
        for (int i = from; i < end; i++)
        {
            line[i - from] = pending.get(i);
        }
        return new String(line);
    }

    @Override
    public int read(final char[] buffer, final int offset, final int length) throws IOException
    {
        if (0 == length)
        {
            return 0;
        }
        while (safeEnd == pending.position())
        {
            if (sourceDone)
            {
                return -1;
            }
            fill();
        }
        final int count = Math.min(length, safeEnd - pending.position());
        pending.get(buffer, offset, count);
        for (int i = offset; i < offset + count; i++)
        {
            if ('\n' == buffer[i])
            {
                newlines++;
            }
        }
        last = buffer[offset + count - 1];
        return count;
    }

    @Override
    public void close() throws IOException
    {
        if (null != bytes)
        {
            bytes.close();
        }
        else
        {
            chars.close();
        }
    }

    private void fill() throws IOException
    {
        final int kept = pending.position();
        pending.compact();
        safeEnd -= kept;
        if (0 == pending.remaining())
        {
            final CharBuffer bigger = CharBuffer.allocate(pending.capacity() * 2);
            pending.flip();
            bigger.put(pending);
            pending = bigger;
        }
        if (null != chars)
        {
            final int read = chars.read(pending);
            sourceDone = read < 0;
            pending.flip();
            safeEnd = pending.limit();
            return;
        }
        in.compact();
        final int read = bytes.read(in.array(), in.position(), in.remaining());
        if (read > 0)
        {
            in.position(in.position() + read);
        }
        in.flip();
        final boolean endOfInput = read < 0;
        CoderResult result = decoder.decode(in, pending, endOfInput);
        if (!result.isError() && endOfInput)
        {
            result = decoder.flush(pending);
        }
        if (result.isError())
        {
            malformedLine = newlines + 1 + count(pending, 0, pending.position());
            pending.position(lastNewline(pending, pending.position()));
            sourceDone = true;
        }
        else if (endOfInput && !result.isOverflow())
        {
            sourceDone = true;
        }
        pending.flip();
        safeEnd = sourceDone ? pending.limit() : Math.max(safeEnd, lastNewline(pending, pending.limit()));
    }

    private static int count(final CharBuffer buffer, final int from, final int to)
    {
        int count = 0;
        for (int i = from; i < to; i++)
        {
            if ('\n' == buffer.get(i))
            {
                count++;
            }
        }
        return count;
    }

    /**
     * The index after the last newline before {@code to}, or 0.
     */
    private static int lastNewline(final CharBuffer buffer, final int to)
    {
        for (int i = to - 1; i >= 0; i--)
        {
            if ('\n' == buffer.get(i))
            {
                return i + 1;
            }
        }
        return 0;
    }
}
