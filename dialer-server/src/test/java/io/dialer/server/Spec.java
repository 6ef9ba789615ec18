/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * docs/openapi.yaml for the tests: finds the operation a request went to and validates a JSON response body against
 * the schema the file gives for its status (JSON Schema 2020-12, what OpenAPI 3.1 schemas are).
 */
final class Spec
{
    static final Path FILE = Path.of(System.getProperty("user.dir")).resolve("../docs/openapi.yaml").normalize();

    private static final String BASE = "https://dialer.test/openapi.json";
    private static final Spec INSTANCE = new Spec();

    private final JsonNode root;
    private final SchemaRegistry registry;
    private final List<Pattern> patterns = new ArrayList<>();
    private final List<String> templates = new ArrayList<>();

    private Spec()
    {
        try
        {
            final Object yaml = new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(FILE, StandardCharsets.UTF_8));
            final String json = Json.mapper().writeValueAsString(yaml);
            root = Json.mapper().readTree(json);
            registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012(),
                (builder) -> builder.schemas(Map.of(BASE, json)));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final Iterator<String> paths = root.path("paths").fieldNames();
        while (paths.hasNext())
        {
            final String template = paths.next();
            templates.add(template);
            patterns.add(Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}/]+}",
                "\\\\E[^/]+\\\\Q")));
        }
    }

    static Spec get()
    {
        return INSTANCE;
    }

    JsonNode root()
    {
        return root;
    }

    /**
     * The path template a request path matches.
     */
    String template(final String path)
    {
        for (int i = 0; i < patterns.size(); i++)
        {
            if (patterns.get(i).matcher(path).matches() && !templates.get(i).contains("{"))
            {
                return templates.get(i);
            }
        }
        for (int i = 0; i < patterns.size(); i++)
        {
            if (patterns.get(i).matcher(path).matches())
            {
                return templates.get(i);
            }
        }
        return null;
    }

    /**
     * The problems of a JSON response against the file: the operation and status must be described, and the body
     * valid against the schema given for application/json.
     */
    List<String> problems(final String method, final String path, final int status, final String body)
    {
        final String template = template(path);
        if (null == template)
        {
            // a route a test added, or none: an error must still have the API's error form
            return status < 400 ? List.of() : validate(method, path, status, body, "/components/schemas/Error");
        }
        final String operation = "/paths/" + escape(template) + "/" + method.toLowerCase(java.util.Locale.ROOT);
        if (root.at(operation).isMissingNode())
        {
            return 405 == status ? validate(method, path, status, body, "/components/schemas/Error") :
                List.of(method + " " + template + " is not in openapi.yaml");
        }
        String response = operation + "/responses/" + status;
        if (root.at(response).isMissingNode())
        {
            return List.of(method + " " + template + " answered " + status + ", which openapi.yaml does not list");
        }
        final JsonNode ref = root.at(response).get("$ref");
        if (null != ref)
        {
            response = ref.asText().substring(1);
        }
        final String schemaPointer = response + "/content/application~1json/schema";
        if (root.at(schemaPointer).isMissingNode())
        {
            return List.of(method + " " + template + " " + status + " has no application/json schema");
        }
        return validate(method, path, status, body, schemaPointer);
    }

    private List<String> validate(
        final String method, final String path, final int status, final String body, final String schemaPointer)
    {
        final Schema schema = registry.getSchema(SchemaLocation.of(BASE + "#" + schemaPointer));
        final List<String> problems = new ArrayList<>();
        for (final Error error : schema.validate(body, InputFormat.JSON))
        {
            problems.add(method + " " + path + " " + status + ": " + error);
        }
        return problems;
    }

    private static String escape(final String token)
    {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
