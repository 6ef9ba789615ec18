/*
 * Dialer server.
 */
package io.dialer.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request's JSON object, read field by field: each problem (a required field missing, a wrong type, a value out of
 * range) is collected, and {@link #done()} refuses the request with 422 and one detail per field, including fields
 * the endpoint does not know (a typo is said, not ignored).
 */
public final class JsonBody
{
    private final ObjectNode node;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<ErrorDetail> problems = new ArrayList<>();

    JsonBody(final ObjectNode node)
    {
        this.node = node;
    }

    /**
     * A required non-empty text field.
     *
     * @param field the field.
     * @return the text, or null after noting the problem.
     */
    public String text(final String field)
    {
        final String text = optionalText(field);
        if (null == text && !problemWith(field))
        {
            problems.add(ErrorDetail.field(field, "required"));
        }
        return text;
    }

    /**
     * An optional text field: absent or null gives null; an empty text is a problem.
     *
     * @param field the field.
     * @return the text, or null.
     */
    public String optionalText(final String field)
    {
        final JsonNode value = value(field);
        if (null == value)
        {
            return null;
        }
        if (!value.isTextual())
        {
            problems.add(ErrorDetail.field(field, "must be a string"));
            return null;
        }
        if (value.asText().isEmpty())
        {
            problems.add(ErrorDetail.field(field, "must not be empty"));
            return null;
        }
        return value.asText();
    }

    /**
     * An optional boolean field.
     *
     * @param field the field.
     * @return the value, or null when absent.
     */
    public Boolean optionalBoolean(final String field)
    {
        final JsonNode value = value(field);
        if (null == value)
        {
            return null;
        }
        if (!value.isBoolean())
        {
            problems.add(ErrorDetail.field(field, "must be true or false"));
            return null;
        }
        return value.asBoolean();
    }

    /**
     * An optional whole number in a range.
     *
     * @param field        the field.
     * @param defaultValue the value when absent.
     * @param min          the smallest allowed.
     * @param max          the largest allowed.
     * @return the value.
     */
    public long optionalLong(final String field, final long defaultValue, final long min, final long max)
    {
        final JsonNode value = value(field);
        if (null == value)
        {
            return defaultValue;
        }
        if (!value.canConvertToExactIntegral() || value.asLong() < min || value.asLong() > max)
        {
            problems.add(ErrorDetail.field(field, "must be a whole number from " + min + " to " + max));
            return defaultValue;
        }
        return value.asLong();
    }

    /**
     * An optional list of texts.
     *
     * @param field the field.
     * @return the texts, empty when absent.
     */
    public List<String> optionalTextList(final String field)
    {
        final JsonNode value = value(field);
        final List<String> texts = new ArrayList<>();
        if (null == value)
        {
            return texts;
        }
        if (!value.isArray())
        {
            problems.add(ErrorDetail.field(field, "must be an array of strings"));
            return texts;
        }
        for (final JsonNode element : value)
        {
            if (!element.isTextual())
            {
                problems.add(ErrorDetail.field(field, "must be an array of strings"));
                return new ArrayList<>();
            }
            texts.add(element.asText());
        }
        return texts;
    }

    /**
     * An optional object whose values are all texts.
     *
     * @param field the field.
     * @return the entries in order, empty when absent.
     */
    public Map<String, String> optionalTextMap(final String field)
    {
        final JsonNode value = value(field);
        final Map<String, String> map = new LinkedHashMap<>();
        if (null == value)
        {
            return map;
        }
        if (!value.isObject())
        {
            problems.add(ErrorDetail.field(field, "must be an object of strings"));
            return map;
        }
        final Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext())
        {
            final Map.Entry<String, JsonNode> entry = fields.next();
            if (!entry.getValue().isTextual())
            {
                problems.add(ErrorDetail.field(field + "." + entry.getKey(), "must be a string"));
                continue;
            }
            map.put(entry.getKey(), entry.getValue().asText());
        }
        return map;
    }

    /**
     * An optional object.
     *
     * @param field the field.
     * @return its value (a copy), or an empty object when absent; a problem is recorded when it is not an object.
     */
    public ObjectNode optionalObject(final String field)
    {
        final JsonNode value = value(field);
        if (null == value)
        {
            return node.objectNode();
        }
        if (!value.isObject())
        {
            problems.add(ErrorDetail.field(field, "must be an object"));
            return node.objectNode();
        }
        return ((ObjectNode)value).deepCopy();
    }

    /**
     * Whether a field is present (and not null).
     *
     * @param field the field.
     * @return true when present.
     */
    public boolean has(final String field)
    {
        return null != value(field);
    }

    /**
     * Notes a problem with a field's value found by the endpoint (a name already taken is a 409, not this).
     *
     * @param field   the field.
     * @param message what is wrong.
     */
    public void invalid(final String field, final String message)
    {
        problems.add(ErrorDetail.field(field, message));
    }

    /**
     * Refuses the request when a field had a problem or a field was not read (unknown to the endpoint).
     *
     * @throws ApiException 422 with one detail per problem.
     */
    public void done()
    {
        final Iterator<String> names = node.fieldNames();
        while (names.hasNext())
        {
            final String name = names.next();
            if (!read.contains(name))
            {
                problems.add(ErrorDetail.field(name, "unknown field"));
            }
        }
        if (!problems.isEmpty())
        {
            throw ApiException.unprocessable("the request is not valid", problems);
        }
    }

    private boolean problemWith(final String field)
    {
        for (final ErrorDetail problem : problems)
        {
            if (problem.write(Json.object()).path("field").asText().equals(field))
            {
                return true;
            }
        }
        return false;
    }

    private JsonNode value(final String field)
    {
        read.add(field);
        final JsonNode value = node.get(field);
        return null == value || value.isNull() ? null : value;
    }
}
