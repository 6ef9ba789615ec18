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
    private int lines;
    private int added;
    private int duplicates;
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

    void onError(final int lineNumber, final String message)
    {
        errorCount++;
        if (errors.size() < MAX_ERRORS_KEPT)
        {
            errors.add(file + ":" + lineNumber + ": " + message);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return file + ": " + lines + " lines, " + added + " added, " + duplicates + " duplicates, " +
            errorCount + " bad lines";
    }
}
