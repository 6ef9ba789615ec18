/*
 * Server storage.
 */
package io.dialer.server.storage;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored upload: its id, where its file is, and its metadata ({@code meta.json}: at least {@code id},
 * {@code name}, {@code size}, {@code sha256}, {@code uploadedBy}, {@code uploadedAt}, plus what the kind's check
 * found). Immutable.
 */
public final class Upload
{
    /**
     * Metadata field: the id.
     */
    public static final String ID = "id";

    /**
     * Metadata field: the name the file was uploaded with.
     */
    public static final String NAME = "name";

    /**
     * Metadata field: when it was uploaded (ISO-8601, UTC).
     */
    public static final String UPLOADED_AT = "uploadedAt";

    private final String id;
    private final UploadKind kind;
    private final Path file;
    private final ObjectNode meta;

    Upload(final String id, final UploadKind kind, final Path file, final ObjectNode meta)
    {
        this.id = id;
        this.kind = kind;
        this.file = file;
        this.meta = meta;
    }

    /**
     * The id.
     *
     * @return the id.
     */
    public String id()
    {
        return id;
    }

    /**
     * The kind.
     *
     * @return the kind.
     */
    public UploadKind kind()
    {
        return kind;
    }

    /**
     * The file as uploaded.
     *
     * @return its path.
     */
    public Path file()
    {
        return file;
    }

    /**
     * The name the file was uploaded with, like {@code leads-may.csv}.
     *
     * @return the name.
     */
    public String name()
    {
        return meta.path(NAME).asText();
    }

    /**
     * When it was uploaded.
     *
     * @return ISO-8601 in UTC.
     */
    public String uploadedAt()
    {
        return meta.path(UPLOADED_AT).asText();
    }

    /**
     * A copy of the metadata.
     *
     * @return the metadata.
     */
    public ObjectNode meta()
    {
        return meta.deepCopy();
    }
}
