/*
 * Dialer server.
 */
package io.dialer.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.core.check.Finding;

/**
 * One detail of a JSON error: where (a file's line and column, a CSV row, a request body's field) and what. Only the
 * fields that apply are written.
 */
public final class ErrorDetail
{
    private final String file;
    private final long line;
    private final int column;
    private final int row;
    private final String field;
    private final String message;

    /**
     * A detail.
     *
     * @param file    the file, or null.
     * @param line    the 1-based line, or 0.
     * @param column  the 1-based column, or 0.
     * @param row     the CSV row, or 0.
     * @param field   the request body's field, or null.
     * @param message what is wrong.
     */
    public ErrorDetail(
        final String file, final long line, final int column, final int row, final String field, final String message)
    {
        this.file = file;
        this.line = line;
        this.column = column;
        this.row = row;
        this.field = field;
        this.message = message;
    }

    /**
     * A detail about a request body's field.
     *
     * @param field   the field.
     * @param message what is wrong with it.
     * @return the detail.
     */
    public static ErrorDetail field(final String field, final String message)
    {
        return new ErrorDetail(null, 0, 0, 0, field, message);
    }

    /**
     * A detail from a file check's finding.
     *
     * @param finding the finding.
     * @return the detail.
     */
    public static ErrorDetail of(final Finding finding)
    {
        return new ErrorDetail(finding.file(), finding.line(), finding.column(), finding.row(), null,
            finding.message());
    }

    /**
     * The detail as JSON: {@code file}, {@code line}, {@code col}, {@code row}, {@code field} when they apply, and
     * {@code message}.
     *
     * @param json where to write it.
     * @return the object.
     */
    public ObjectNode write(final ObjectNode json)
    {
        if (null != file)
        {
            json.put("file", file);
        }
        if (line > 0)
        {
            json.put("line", line);
        }
        if (column > 0)
        {
            json.put("col", column);
        }
        if (row > 0)
        {
            json.put("row", row);
        }
        if (null != field)
        {
            json.put("field", field);
        }
        json.put("message", message);
        return json;
    }
}
