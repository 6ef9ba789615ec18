/*
 * Dialer core: compliance.
 */
package io.dialer.core.compliance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What loading one do-not-call file did: numbers added, duplicates, and every bad line as {@code file:line: why}
 * (the first {@link #MAX_ERRORS_KEPT} kept as text, all of them counted). Bad lines never stop a load.
 */
public final class DncLoadReport
{
    /**
     * Most error messages kept as text; the rest are counted only.
     */
    public static final int MAX_ERRORS_KEPT = 1000;

    private final Path file;
    private final List<String> errors = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final List<Integer> errorLines = new ArrayList<>();
    private String fileError;
    private int fileErrorLine;
    private int linesNotRead;
    private int lines;
    private int added;
    private int duplicates;
    private int removed;
    private int errorCount;

    DncLoadReport(final Path file)
    {
        this.file = file;
    }

    /**
     * The file loaded.
     *
     * @return the path.
     */
    public Path file()
    {
        return file;
    }

    /**
     * Lines read, comments and blank lines included.
     *
     * @return the line count.
     */
    public int lines()
    {
        return lines;
    }

    /**
     * Numbers added to the list.
     *
     * @return the count.
     */
    public int added()
    {
        return added;
    }

    /**
     * Valid numbers that were already on the list.
     *
     * @return the count.
     */
    public int duplicates()
    {
        return duplicates;
    }

    /**
     * Bad lines.
     *
     * @return the count of all bad lines.
     */
    public int errorCount()
    {
        return errorCount;
    }

    /**
     * The bad lines as {@code file:line: message}, the first {@link #MAX_ERRORS_KEPT}.
     *
     * @return unmodifiable list.
     */
    public List<String> errors()
    {
        return Collections.unmodifiableList(errors);
    }

    /**
     * The line of the i-th bad line kept ({@link #errors()}).
     *
     * @param i from 0 to {@code errors().size() - 1}.
     * @return the line number, from 1.
     */
    public int errorLine(final int i)
    {
        return errorLines.get(i);
    }

    /**
     * The reason of the i-th bad line kept, without the file and line.
     *
     * @param i from 0 to {@code errors().size() - 1}.
     * @return the reason, like {@code phone '555' is not a valid number for region US}.
     */
    public String errorMessage(final int i)
    {
        return messages.get(i);
    }

    /**
     * Why the file could not be read to its end: {@code file not found: path}, {@code not UTF-8; save the file as
     * UTF-8} (the lines before the bad byte were kept), or null when it was read whole.
     *
     * @return the reason, or null.
     */
    public String fileError()
    {
        return fileError;
    }

    /**
     * The line the file error is at.
     *
     * @return the line, from 1, or 0 for the whole file.
     */
    public int fileErrorLine()
    {
        return fileErrorLine;
    }

    /**
     * Lines not read because of the file error, from its line to the end.
     *
     * @return the count.
     */
    public int linesNotRead()
    {
        return linesNotRead;
    }

    /**
     * Whether every line was read and every number in it understood.
     *
     * @return true when there is no bad line and no file error.
     */
    public boolean isClean()
    {
        return null == fileError && 0 == errorCount;
    }

    void onFileError(final int line, final String message, final int notRead)
    {
        fileError = message;
        fileErrorLine = line;
        linesNotRead = Math.max(0, notRead);
    }

    void onLine()
    {
        lines++;
    }

    void onAdded()
    {
        added++;
    }

    void onDuplicate()
    {
        duplicates++;
    }

    void onRemoved()
    {
        removed++;
    }

    /**
     * Numbers taken off the list by removal lines ({@code -number}).
     *
     * @return the count.
     */
    public int removed()
    {
        return removed;
    }

    void onError(final int lineNumber, final String message)
    {
        errorCount++;
        if (errors.size() < MAX_ERRORS_KEPT)
        {
            errors.add(file + ":" + lineNumber + ": " + message);
            messages.add(message);
            errorLines.add(lineNumber);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return file + ": " + lines + " lines, " + added + " added, " + duplicates + " duplicates, " +
            (removed > 0 ? removed + " removed, " : "") + errorCount + " bad lines" +
            (null == fileError ? "" : ", stopped: " + (fileErrorLine > 0 ? "line " + fileErrorLine + ": " : "") +
            fileError + (linesNotRead > 0 ? " (" + linesNotRead + " lines not read)" : ""));
    }
}
