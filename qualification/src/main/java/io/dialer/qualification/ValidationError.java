/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * One problem found in a file, with its position (1-based line and column) and a plain message. Files without columns
 * (lead lists, do-not-call lists) give column 0 and are printed {@code file:line: message}; a problem with the whole
 * file gives line 0 and is printed {@code file: message}.
 */
public final class ValidationError
{
    private final String file;
    private final int line;
    private final int column;
    private final String message;

    /**
     * An error at a position.
     *
     * @param file    the file name as given.
     * @param line    1-based line.
     * @param column  1-based column.
     * @param message plain message for a manager.
     */
    public ValidationError(final String file, final int line, final int column, final String message)
    {
        this.file = file;
        this.line = line;
        this.column = column;
        this.message = message;
    }

    /**
     * The file name as given.
     *
     * @return the file name.
     */
    public String file()
    {
        return file;
    }

    /**
     * The 1-based line.
     *
     * @return the line.
     */
    public int line()
    {
        return line;
    }

    /**
     * The 1-based column.
     *
     * @return the column.
     */
    public int column()
    {
        return column;
    }

    /**
     * The plain message.
     *
     * @return the message.
     */
    public String message()
    {
        return message;
    }

    /**
     * The compiler-style form {@code file:line:column: message} ({@code file:line: message} without a column,
     * {@code file: message} without a line).
     *
     * @return the error as one line.
     */
    @Override
    public String toString()
    {
        if (line <= 0)
        {
            return file + ": " + message;
        }
        return column <= 0 ? file + ":" + line + ": " + message : file + ":" + line + ":" + column + ": " + message;
    }
}
