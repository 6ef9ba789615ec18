/*
 * Lead lists.
 */
package io.dialer.core.lead;

import java.util.ArrayList;
import java.util.List;

/**
 * Every problem found while reading a lead list, in row order, with counts.
 */
public final class LeadReport
{
    private final List<LeadProblem> problems = new ArrayList<>();
    private int badRows;
    private int duplicates;
    private int warnings;
    private boolean fileError;
    private long linesNotRead;
    private int stoppedAtRow;

    void add(final LeadProblem problem)
    {
        problems.add(problem);
        switch (problem.kind())
        {
            case FILE:
                fileError = true;
                break;
            case DUPLICATE:
                duplicates++;
                break;
            case TIME_ZONE:
                warnings++;
                break;
            default:
                badRows++;
                break;
        }
    }

    void stopped(final int row, final long lines)
    {
        stoppedAtRow = row;
        linesNotRead = Math.max(0, lines);
    }

    /**
     * The physical lines not read because reading stopped (a quote never closed, text that is not UTF-8): the line
     * where the row it stopped at starts and every line after it.
     *
     * @return the line count, 0 when the whole file was read.
     */
    public long linesNotRead()
    {
        return linesNotRead;
    }

    /**
     * The row reading stopped at ({@link #linesNotRead()}).
     *
     * @return the row, 0 when the whole file was read.
     */
    public int stoppedAtRow()
    {
        return stoppedAtRow;
    }

    /**
     * Every problem in row order (file-level errors where they happened).
     *
     * @return the problems.
     */
    public List<LeadProblem> problems()
    {
        return problems;
    }

    /**
     * Rows whose lead was not loaded.
     *
     * @return the count.
     */
    public int badRows()
    {
        return badRows;
    }

    /**
     * Rows merged into an earlier row with the same number.
     *
     * @return the count.
     */
    public int duplicates()
    {
        return duplicates;
    }

    /**
     * Rows loaded with a warning (time zone unknown or replaced).
     *
     * @return the count.
     */
    public int warnings()
    {
        return warnings;
    }

    /**
     * Whether the file itself could not be read completely (no phone column, unreadable, broken quoting).
     *
     * @return true when there is a file-level error.
     */
    public boolean hasFileError()
    {
        return fileError;
    }

    /**
     * Whether every row was loaded: no bad row and no file error (duplicates and warnings are fine).
     *
     * @return true when clean.
     */
    public boolean isClean()
    {
        return !fileError && 0 == badRows;
    }
}
