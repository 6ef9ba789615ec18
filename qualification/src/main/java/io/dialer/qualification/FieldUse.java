/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * Where a prompt speaks a lead field: the field and the placeholder's position in the script, so a lead list without
 * that column can be reported there.
 */
final class FieldUse
{
    final String field;
    final int line;
    final int column;
    final boolean hasFallback;

    FieldUse(final String field, final int line, final int column, final boolean hasFallback)
    {
        this.field = field;
        this.line = line;
        this.column = column;
        this.hasFallback = hasFallback;
    }
}
