/*
 * Lead lists.
 */
package io.dialer.core.lead;

/**
 * One problem found in a lead list: a bad row (the lead is not loaded), a merged duplicate, a warning (the lead is
 * loaded), or a file-level error (row 0 or the row where reading stopped).
 */
public final class LeadProblem
{
    /**
     * What went wrong.
     */
    public enum Kind
    {
        /** The file cannot be used at all (unreadable, no header, no phone column, broken quoting). */
        FILE,
        /** The phone cell is empty. */
        EMPTY_PHONE,
        /** The phone is not a valid number. */
        BAD_NUMBER,
        /** The row has more or fewer cells than the header. */
        COLUMN_COUNT,
        /** The number was already in the list; the row was merged into the first one. */
        DUPLICATE,
        /** The lead is loaded but its time zone is unknown or its time zone cell was not a time zone id. */
        TIME_ZONE
    }

    private final Kind kind;
    private final int row;
    private final long line;
    private final String message;

    /**
     * A problem.
     *
     * @param kind    what went wrong.
     * @param row     the row, 1-based, the header being row 1 (0 for the whole file).
     * @param line    the physical line where the row starts (1-based), or 0 when it is the row.
     * @param message the reason, without the row.
     */
    public LeadProblem(final Kind kind, final int row, final long line, final String message)
    {
        this.kind = kind;
        this.row = row;
        this.line = line;
        this.message = message;
    }

    /**
     * What went wrong.
     *
     * @return the kind.
     */
    public Kind kind()
    {
        return kind;
    }

    /**
     * The row as in a spreadsheet: the header is row 1, the first lead row 2; quoted cells spanning lines count once.
     *
     * @return the row, or 0 for a problem with the whole file.
     */
    public int row()
    {
        return row;
    }

    /**
     * The physical line where the row starts, 1-based.
     *
     * @return the line.
     */
    public long line()
    {
        return line;
    }

    /**
     * The reason, without the row.
     *
     * @return the reason.
     */
    public String message()
    {
        return message;
    }

    /**
     * Whether the row's lead was not loaded (a bad row or a file error); duplicates and warnings are not errors.
     *
     * @return true for an error.
     */
    public boolean isError()
    {
        return Kind.FILE == kind || Kind.EMPTY_PHONE == kind || Kind.BAD_NUMBER == kind || Kind.COLUMN_COUNT == kind;
    }

    /**
     * The form {@code dialer validate} and {@code dialer run} print: {@code file:row: reason} ({@code file: reason}
     * for the whole file), {@code warning: } before a warning's reason, and {@code (line N)} after it when the row
     * starts on another line.
     *
     * @param file the lead list's name.
     * @return the problem as one line.
     */
    public String format(final String file)
    {
        final String where = 0 == row ? file + ": " : file + ":" + row + ": ";
        final String prefix = isError() || Kind.DUPLICATE == kind ? "" : "warning: ";
        final String lineNote = 0 != line && line != row ? " (line " + line + ")" : "";
        return where + prefix + message + lineNote;
    }

    /**
     * The form {@code row 17: reason}, with {@code (line N)} when the row starts on another line.
     *
     * @return the problem as one line.
     */
    @Override
    public String toString()
    {
        if (0 == row)
        {
            return message;
        }
        return "row " + row + (0 != line && line != row ? " (line " + line + ")" : "") + ": " + message;
    }
}
