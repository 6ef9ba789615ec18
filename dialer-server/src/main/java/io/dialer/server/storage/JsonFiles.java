/*
 * Server storage.
 */
package io.dialer.server.storage;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Small JSON files of the data directory (users, tokens, metadata): read whole, written atomically, pretty-printed
 * so a person can read them.
 */
public final class JsonFiles
{
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles()
    {
    }

    /**
     * The mapper the files are read and written with.
     *
     * @return the mapper.
     */
    public static ObjectMapper mapper()
    {
        return MAPPER;
    }

    /**
     * Reads a JSON file.
     *
     * @param file the file.
     * @return its tree.
     * @throws IOException when it cannot be read or is not JSON.
     */
    public static JsonNode read(final Path file) throws IOException
    {
        return MAPPER.readTree(file.toFile());
    }

    /**
     * Writes a JSON file atomically ({@link AtomicFiles#write(Path, byte[])}).
     *
     * @param file the file.
     * @param json its content.
     * @throws IOException when it cannot be written (the file is then unchanged).
     */
    public static void write(final Path file, final JsonNode json) throws IOException
    {
        AtomicFiles.write(file, bytes(json));
    }

    /**
     * A tree as the bytes of a file, ending with a new line.
     *
     * @param json the tree.
     * @return the bytes.
     * @throws IOException when it cannot be written.
     */
    public static byte[] bytes(final JsonNode json) throws IOException
    {
        final byte[] body = MAPPER.writeValueAsBytes(json);
        final byte[] withNewLine = java.util.Arrays.copyOf(body, body.length + 1);
        withNewLine[body.length] = '\n';
        return withNewLine;
    }
}
