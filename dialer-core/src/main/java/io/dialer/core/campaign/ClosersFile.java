/*
 * Campaigns.
 */
package io.dialer.core.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dialer.qualification.Problems;
import io.dialer.qualification.TextFile;
import io.dialer.qualification.ValidationError;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A closers file (YAML): a top-level {@code closers:} list of {@code {id, name, uri, skills}}. Every error is
 * reported with line and column in one pass; the closers are returned only when there is none.
 */
public final class ClosersFile
{
    private static final Set<String> TOP_KEYS = Set.of("closers");
    private static final Set<String> CLOSER_KEYS = new LinkedHashSet<>(List.of("id", "name", "uri", "skills"));

    private final List<Closer> closers;
    private final List<ValidationError> errors;

    private ClosersFile(final List<Closer> closers, final List<ValidationError> errors)
    {
        this.closers = List.copyOf(closers);
        this.errors = List.copyOf(errors);
    }

    /**
     * Reads a closers file.
     *
     * @param file the YAML file.
     * @return the closers or the errors.
     */
    public static ClosersFile load(final Path file)
    {
        final Problems problems = new Problems(file.toString());
        final String yaml = TextFile.read(file, problems);
        if (null == yaml)
        {
            return new ClosersFile(List.of(), problems.errors());
        }
        return read(file.toString(), yaml);
    }

    /**
     * Reads closers from text.
     *
     * @param fileName the name to report errors against.
     * @param yaml     the text.
     * @return the closers or the errors.
     */
    public static ClosersFile read(final String fileName, final String yaml)
    {
        final YamlChecker checker = new YamlChecker(fileName);
        final List<Closer> closers = new ArrayList<>();
        final Node root = checker.compose(yaml);
        if (null != root)
        {
            final Map<String, NodeTuple> top = checker.mapping(root, "the closers file", TOP_KEYS);
            final Node list = top.isEmpty() ? null : checker.required(top, "closers", root, "the closers file");
            if (list instanceof SequenceNode)
            {
                readClosers((SequenceNode)list, checker, closers);
            }
            else if (null != list)
            {
                checker.add(list, "closers must be a list of closers (lines starting with '- id:'), found " +
                    YamlChecker.describe(list));
            }
        }
        return new ClosersFile(checker.errors().isEmpty() ? closers : List.of(), checker.errors());
    }

    private static void readClosers(final SequenceNode list, final YamlChecker checker, final List<Closer> closers)
    {
        if (list.getValue().isEmpty())
        {
            checker.add(list, "closers is empty: list at least one closer");
        }
        final Map<String, Node> ids = new HashMap<>();
        for (final Node item : list.getValue())
        {
            final Map<String, NodeTuple> fields = checker.mapping(item, "a closer", CLOSER_KEYS);
            if (fields.isEmpty())
            {
                if (item instanceof MappingNode)
                {
                    checker.add(item, "missing 'id' in a closer");
                }
                continue;
            }
            final Node idNode = checker.required(fields, "id", item, "a closer");
            final String id = checker.text(idNode, "id");
            if (null != id)
            {
                if (!id.matches("[A-Za-z0-9_.@-]+"))
                {
                    checker.add(idNode, "closer id '" + id + "' may use only letters, digits, '_', '-', '.', '@'");
                }
                final Node first = ids.putIfAbsent(id, idNode);
                if (null != first)
                {
                    checker.add(idNode, "duplicate closer id '" + id + "' (first at line " +
                        (first.getStartMark().map(Mark::getLine).orElse(0) + 1) + ")");
                }
            }
            final Node nameNode = YamlChecker.value(fields, "name");
            final String name = null == nameNode ? id : checker.text(nameNode, "name");
            final Node uriNode = checker.required(fields, "uri", item, "closer '" + id + "'");
            final String uri = checker.text(uriNode, "uri");
            if (null != uri)
            {
                checker.sipUri(uriNode, uri, "uri");
            }
            final Node skillsNode = checker.required(fields, "skills", item, "closer '" + id + "'");
            final List<String> skills = new ArrayList<>();
            if (null != skillsNode)
            {
                for (final ScalarNode skill : checker.scalars(skillsNode, "skills"))
                {
                    skills.add(skill.getValue().trim());
                }
                if (skillsNode instanceof SequenceNode && ((SequenceNode)skillsNode).getValue().isEmpty())
                {
                    checker.add(skillsNode, "skills is empty: closer '" + id + "' would never get a call");
                }
            }
            if (null != id && null != uri)
            {
                closers.add(new Closer(id, null == name ? id : name, uri, skills));
            }
        }
    }

    /**
     * Whether a YAML text looks like a closers file: a top-level {@code closers:} key and no campaign keys.
     *
     * @param yaml the text.
     * @return true when it looks like one.
     */
    public static boolean looksLikeClosers(final String yaml)
    {
        return YamlChecker.hasTopLevelKey(yaml, "closers") && !CampaignLoader.looksLikeCampaign(yaml);
    }

    /**
     * Whether the file validated.
     *
     * @return true when there is no error.
     */
    public boolean isValid()
    {
        return errors.isEmpty();
    }

    /**
     * The closers, in file order.
     *
     * @return the closers; empty when there are errors.
     */
    public List<Closer> closers()
    {
        return closers;
    }

    /**
     * Every error, in the order found.
     *
     * @return the errors.
     */
    public List<ValidationError> errors()
    {
        return errors;
    }
}
