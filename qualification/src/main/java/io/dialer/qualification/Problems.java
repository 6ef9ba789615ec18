/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.util.ArrayList;
import java.util.List;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Collects validation errors for one file, positioned from YAML node marks (0-based) as 1-based line and column.
 */
final class Problems
{
    private final String file;
    private final List<ValidationError> errors = new ArrayList<>();

    Problems(final String file)
    {
        this.file = file;
    }

    String file()
    {
        return file;
    }

    List<ValidationError> errors()
    {
        return errors;
    }

    boolean isEmpty()
    {
        return errors.isEmpty();
    }

    void add(final int line, final int column, final String message)
    {
        errors.add(new ValidationError(file, line, column, message));
    }

    void add(final Mark mark, final String message)
    {
        add(mark.getLine() + 1, mark.getColumn() + 1, message);
    }

    void add(final Node node, final String message)
    {
        if (null != node && node.getStartMark().isPresent())
        {
            add(node.getStartMark().get(), message);
        }
        else
        {
            add(1, 1, message);
        }
    }

    /**
     * An error at a character offset inside a scalar's text: exact for scalars on one line, else the scalar's start.
     */
    void add(final ScalarNode node, final int offset, final String message)
    {
        final Mark start = node.getStartMark().orElse(null);
        final Mark end = node.getEndMark().orElse(null);
        if (null == start)
        {
            add(1, 1, message);
            return;
        }
        final ScalarStyle style = node.getScalarStyle();
        final boolean oneLine = null != end && end.getLine() == start.getLine() &&
            ScalarStyle.LITERAL != style && ScalarStyle.FOLDED != style;
        if (!oneLine)
        {
            add(start, message);
            return;
        }
        final int quote = ScalarStyle.DOUBLE_QUOTED == style || ScalarStyle.SINGLE_QUOTED == style ? 1 : 0;
        add(start.getLine() + 1, start.getColumn() + 1 + quote + offset, message);
    }
}
