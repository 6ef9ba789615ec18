/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the text files people write (scripts, campaigns, closers) as UTF-8 and says plainly why one cannot be read:
 * {@code file not found: path}, {@code permission denied: path}, or the line where the text stops being UTF-8, never
 * a bare exception name.
 */
public final class TextFile
{
    /**
     * The advice given with every encoding problem.
     */
    public static final String NOT_UTF8 = "not UTF-8; save the file as UTF-8";

    private TextFile()
    {
    }

    /**
     * Reads a UTF-8 text file, reporting at 1:1 (or at the line of the first byte that is not UTF-8) why it cannot
     * be read.
     *
     * @param file     the file.
     * @param problems where the reason goes.
     * @return the text, or null after reporting.
     */
    public static String read(final Path file, final Problems problems)
    {
        final byte[] bytes;
        try
        {
            bytes = Files.readAllBytes(file);
        }
        catch (final IOException ex)
        {
            problems.add(1, 1, describe(file, ex));
            return null;
        }
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try
        {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (final CharacterCodingException ex)
        {
            problems.add(firstMalformedLine(bytes), 1, NOT_UTF8);
            return null;
        }
    }

    /**
     * Why a file cannot be read, for people: {@code file not found: path}, {@code permission denied: path},
     * {@code not UTF-8; save the file as UTF-8}, else the exception's class and message.
     *
     * @param file the file.
     * @param ex   what reading it threw.
     * @return the reason.
     */
    public static String describe(final Path file, final IOException ex)
    {
        if (ex instanceof NoSuchFileException)
        {
            return "file not found: " + file;
        }
        if (ex instanceof AccessDeniedException)
        {
            return "permission denied: " + file;
        }
        if (ex instanceof CharacterCodingException)
        {
            return NOT_UTF8;
        }
        if (Files.isDirectory(file))
        {
            return "a directory, not a file: " + file;
        }
        return "cannot read the file (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")";
    }

    /**
     * The line (from 1) holding the first byte that is not UTF-8.
     *
     * @param bytes the file's bytes.
     * @return the line, or 0 when every byte is UTF-8.
     */
    public static int firstMalformedLine(final byte[] bytes)
    {
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length));
        final CoderResult result = decoder.decode(in, out, true);
        if (!result.isError())
        {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < in.position(); i++)
        {
            if ('\n' == bytes[i])
            {
                line++;
            }
        }
        return line;
    }
}
