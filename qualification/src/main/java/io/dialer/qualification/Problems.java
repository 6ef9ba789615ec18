/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Collects validation errors for one YAML file, positioned from SnakeYAML Engine node marks (0-based) as 1-based line
 * and column, with the checks every file format of the dialer shares: composing the YAML (syntax errors at their
 * position) and reading mappings (duplicate, unknown with a "did you mean", and non-text keys). Used by the
 * qualification script compiler and by the campaign and closers files.
 */
public final class Problems
{
    private final String file;
    private final List<ValidationError> errors = new ArrayList<>();

    /**
     * Problems of one file.
     *
     * @param file how errors name the file.
     */
    public Problems(final String file)
    {
        this.file = file;
    }

    /**
     * How errors name the file.
     *
     * @return the name.
     */
    public String file()
    {
        return file;
    }

    /**
     * The errors so far, in the order found.
     *
     * @return the live list.
     */
    public List<ValidationError> errors()
    {
        return errors;
    }

    /**
     * Whether no error was found.
     *
     * @return true when there is none.
     */
    public boolean isEmpty()
    {
        return errors.isEmpty();
    }

    /**
     * An error at a 1-based position.
     *
     * @param line    line, from 1.
     * @param column  column, from 1.
     * @param message plain message.
     */
    public void add(final int line, final int column, final String message)
    {
        errors.add(new ValidationError(file, line, column, message));
    }

    /**
     * An error at a YAML mark.
     *
     * @param mark    0-based mark.
     * @param message plain message.
     */
    public void add(final Mark mark, final String message)
    {
        add(mark.getLine() + 1, mark.getColumn() + 1, message);
    }

    /**
     * An error at a node's start, or at 1:1 when the node is missing.
     *
     * @param node    the node, or null.
     * @param message plain message.
     */
    public void add(final Node node, final String message)
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

    /**
     * Composes YAML text into nodes that keep their marks; a syntax error or an empty file is reported here.
     *
     * @param yaml the text.
     * @return the root node, or null when there is none.
     */
    public Node compose(final String yaml)
    {
        try
        {
            final LoadSettings settings = LoadSettings.builder().setLabel(file).build();
            final Node root = new Compose(settings).composeString(yaml).orElse(null);
            if (null == root)
            {
                add(1, 1, "the file is empty");
            }
            return root;
        }
        catch (final MarkedYamlEngineException ex)
        {
            final Mark mark = ex.getProblemMark().orElse(ex.getContextMark().orElse(null));
            final String problem = null != ex.getProblem() ? ex.getProblem() : ex.getContext();
            if (null != mark)
            {
                add(mark, "YAML syntax: " + problem);
            }
            else
            {
                add(1, 1, "YAML syntax: " + problem);
            }
        }
        catch (final YamlEngineException ex)
        {
            add(1, 1, "YAML: " + ex.getMessage());
        }
        return null;
    }

    /**
     * The keys of a mapping in order, reporting a node that is not a mapping, non-text keys, duplicate keys and
     * (when allowed is not null) unknown keys, each at its own position.
     *
     * @param node    the node.
     * @param what    how messages name it, like {@code question 'q1'}.
     * @param allowed the keys allowed, or null for any.
     * @return the keys found, first occurrence of each.
     */
    public Map<String, NodeTuple> mapping(final Node node, final String what, final Set<String> allowed)
    {
        final Map<String, NodeTuple> fields = new LinkedHashMap<>();
        if (!(node instanceof MappingNode))
        {
            add(node, what + " must be a mapping (key: value lines), found " + describe(node));
            return fields;
        }
        for (final NodeTuple tuple : ((MappingNode)node).getValue())
        {
            final Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode))
            {
                add(keyNode, "a key in " + what + " must be a single value");
                continue;
            }
            final String key = ((ScalarNode)keyNode).getValue();
            final NodeTuple first = fields.get(key);
            if (null != first)
            {
                add(keyNode, "duplicate key '" + key + "' in " + what + " (first at line " +
                    (first.getKeyNode().getStartMark().map(Mark::getLine).orElse(0) + 1) + ")");
            }
            else if (null != allowed && !allowed.contains(key))
            {
                final String close = closest(key, allowed);
                add(keyNode, "unknown key '" + key + "' in " + what + (null != close ?
                    "; did you mean '" + close + "'?" : "; expected one of " + String.join(", ", allowed)));
            }
            else
            {
                fields.put(key, tuple);
            }
        }
        return fields;
    }

    /**
     * A node as messages show it.
     *
     * @param node the node, or null.
     * @return {@code a mapping}, {@code a list}, the quoted value, or {@code nothing}.
     */
    public static String describe(final Node node)
    {
        if (node instanceof MappingNode)
        {
            return "a mapping";
        }
        if (node instanceof SequenceNode)
        {
            return "a list";
        }
        return null == node ? "nothing" : "'" + ((ScalarNode)node).getValue() + "'";
    }

    /**
     * The allowed key closest to a misspelt one (edit distance at most 2, or 1 for keys of 4 characters or fewer).
     *
     * @param key     the key found.
     * @param allowed the keys allowed.
     * @return the suggestion, or null when none is close.
     */
    public static String closest(final String key, final Set<String> allowed)
    {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String candidate : allowed)
        {
            final int distance = distance(key.toLowerCase(Locale.ROOT), candidate);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= (key.length() <= 4 ? 1 : 2) ? best : null;
    }

    private static int distance(final String a, final String b)
    {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++)
            {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            final int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
