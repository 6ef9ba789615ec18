/*
 * Dialer server routes.
 */
package io.dialer.server.routes;

import java.util.ArrayList;
import java.util.List;

import io.dialer.qualification.ValidationError;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Finds the list files a script names ({@code lists: {name: {file: path}}}): an uploaded script may not name any,
 * since the compiler would read them from the server's disk (any path, or a device that never ends). YAML that does
 * not parse is left to the compiler, which reports it.
 */
final class ListFiles
{
    private ListFiles()
    {
    }

    static List<ValidationError> named(final String fileName, final String yaml)
    {
        final List<ValidationError> errors = new ArrayList<>();
        final Node root;
        try
        {
            root = new Compose(LoadSettings.builder().build()).composeString(yaml).orElse(null);
        }
        catch (final YamlEngineException ex)
        {
            return errors;
        }
        final Node lists = value(root, "lists");
        if (!(lists instanceof MappingNode))
        {
            return errors;
        }
        for (final NodeTuple list : ((MappingNode)lists).getValue())
        {
            final Node body = list.getValueNode();
            if (!(body instanceof MappingNode))
            {
                continue;
            }
            for (final NodeTuple field : ((MappingNode)body).getValue())
            {
                if (field.getKeyNode() instanceof ScalarNode &&
                    "file".equals(((ScalarNode)field.getKeyNode()).getValue()))
                {
                    final int line = field.getKeyNode().getStartMark().map((mark) -> mark.getLine() + 1).orElse(1);
                    final int column = field.getKeyNode().getStartMark().map((mark) -> mark.getColumn() + 1)
                        .orElse(1);
                    errors.add(new ValidationError(fileName, line, column, "an uploaded script cannot name a list " +
                        "file: write the list's values in the script (like service_area: [75201, 75202])"));
                }
            }
        }
        return errors;
    }

    private static Node value(final Node node, final String key)
    {
        if (!(node instanceof MappingNode))
        {
            return null;
        }
        for (final NodeTuple tuple : ((MappingNode)node).getValue())
        {
            if (tuple.getKeyNode() instanceof ScalarNode && key.equals(((ScalarNode)tuple.getKeyNode()).getValue()))
            {
                return tuple.getValueNode();
            }
        }
        return null;
    }
}
