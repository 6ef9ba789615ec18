/*
 * File checks.
 */
package io.dialer.core.check;

import io.dialer.qualification.ValidationError;

/**
 * One thing a check found in a file: where (a line and column for YAML, a row for CSV, a line for do-not-call lists,
 * nothing for the whole file), how bad, the plain message, and the line {@code dialer validate} prints for it.
 */
public final class Finding
{
    /**
     * How bad a finding is.
     */
    public enum Severity
    {
        /** The file is not valid because of it (a bad row is not loaded). */
        ERROR,
        /** Loaded, but said (a time zone unknown or replaced). */
        WARNING,
        /** A row merged into an earlier one with the same number. */
        MERGED
    }

    private final String file;
    private final long line;
    private final int column;
    private final int row;
    private final Severity severity;
    private final String message;
    private final String text;

    /**
     * A finding.
     *
     * @param file     the file's name as reported.
     * @param line     1-based line, 0 when none applies.
     * @param column   1-based column, 0 when none applies.
     * @param row      the CSV row (the header is row 1), 0 when none applies.
     * @param severity how bad it is.
     * @param message  the plain message, without the position.
     * @param text     the whole line as {@code dialer validate} prints it.
     */
    public Finding(
        final String file,
        final long line,
        final int column,
        final int row,
        final Severity severity,
        final String message,
        final String text)
    {
        this.file = file;
        this.line = line;
        this.column = column;
        this.row = row;
        this.severity = severity;
        this.message = message;
        this.text = text;
    }

    /**
     * A finding from a validation error (scripts, campaign and closers files, do-not-call lines).
     *
     * @param error the error.
     * @return the finding, an {@link Severity#ERROR}.
     */
    public static Finding of(final ValidationError error)
    {
        return new Finding(error.file(), Math.max(0, error.line()), Math.max(0, error.column()), 0, Severity.ERROR,
            error.message(), error.toString());
    }

    /**
     * The file's name as reported.
     *
     * @return the name.
     */
    public String file()
    {
        return file;
    }

    /**
     * The 1-based line: of the error in a YAML or do-not-call file, or the physical line a CSV row starts on when
     * it is not the row's number.
     *
     * @return the line, 0 when none applies.
     */
    public long line()
    {
        return line;
    }

    /**
     * The 1-based column.
     *
     * @return the column, 0 when none applies.
     */
    public int column()
    {
        return column;
    }

    /**
     * The CSV row, as in a spreadsheet (the header is row 1).
     *
     * @return the row, 0 when none applies.
     */
    public int row()
    {
        return row;
    }

    /**
     * How bad it is.
     *
     * @return the severity.
     */
    public Severity severity()
    {
        return severity;
    }

    /**
     * The plain message, without the position.
     *
     * @return the message.
     */
    public String message()
    {
        return message;
    }

    /**
     * The line {@code dialer validate} prints, like {@code leads.csv:3: phone is empty}.
     *
     * @return the text.
     */
    public String text()
    {
        return text;
    }

    /**
     * As a validation error (file, line or row, column, message).
     *
     * @return the error.
     */
    public ValidationError toValidationError()
    {
        return new ValidationError(file, row > 0 ? row : (int)line, column, message);
    }

    /**
     * The printed line.
     *
     * @return {@link #text()}.
     */
    @Override
    public String toString()
    {
        return text;
    }
}
