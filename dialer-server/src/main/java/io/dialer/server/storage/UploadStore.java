/*
 * Server storage.
 */
package io.dialer.server.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uploads of one kind: {@code <kind directory>/<id>/<file>} and {@code meta.json}. An upload is received into a
 * {@link Staging} directory ({@code .tmp-<id>}), checked there and {@link #commit(Staging, ObjectNode) committed} by
 * one atomic rename to {@code <id>}, so a crash or a refused upload leaves no {@code <id>} directory; a delete renames
 * {@code <id>} away first for the same reason. Temporaries are removed when the store opens.
 */
public final class UploadStore
{
    /**
     * The metadata file in each upload's directory.
     */
    public static final String META_FILE = "meta.json";

    private static final Logger LOG = LoggerFactory.getLogger(UploadStore.class);

    private final UploadKind kind;
    private final Path dir;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

    UploadStore(final Path root, final UploadKind kind) throws IOException
    {
        this.kind = kind;
        this.dir = Files.createDirectories(root.resolve(kind.directory()));
        AtomicFiles.removeTemporaries(dir);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir))
        {
            for (final Path entry : entries)
            {
                load(entry);
            }
        }
    }

    private void load(final Path entry)
    {
        final String id = entry.getFileName().toString();
        final Path meta = entry.resolve(META_FILE);
        if (!Ids.isId(id) || !Files.isRegularFile(meta))
        {
            LOG.warn("{}: not an upload (no {}), ignored", entry, META_FILE);
            return;
        }
        try
        {
            final JsonNode json = JsonFiles.read(meta);
            if (!(json instanceof ObjectNode) || !id.equals(json.path(Upload.ID).asText()))
            {
                LOG.warn("{}: its id is not {}, ignored", meta, id);
                return;
            }
            uploads.put(id, new Upload(id, kind, entry.resolve(kind.fileName()), (ObjectNode)json));
        }
        catch (final IOException ex)
        {
            LOG.warn("{}: cannot be read ({}), ignored", meta, ex.getMessage());
        }
    }

    /**
     * The kind of the uploads.
     *
     * @return the kind.
     */
    public UploadKind kind()
    {
        return kind;
    }

    /**
     * A new staging directory for an upload, with a fresh id; close it to discard what it holds unless committed.
     *
     * @return the staging directory.
     * @throws IOException when it cannot be created.
     */
    public Staging stage() throws IOException
    {
        while (true)
        {
            final String id = Ids.next();
            if (!uploads.containsKey(id) && !Files.exists(dir.resolve(id)))
            {
                return new Staging(id, kind, Files.createDirectory(dir.resolve(AtomicFiles.TEMP_PREFIX + id)));
            }
        }
    }

    /**
     * Commits a staged upload: its file and {@code meta.json} (given {@code id}) are forced to disk, then the staging
     * directory is renamed to the id and the kind's directory forced. After this returns the upload survives a
     * crash; if it throws, nothing of it is visible.
     *
     * @param staging the staged upload, holding its file.
     * @param meta    its metadata; {@code id} is set here.
     * @return the upload.
     * @throws IOException when it cannot be stored.
     */
    public Upload commit(final Staging staging, final ObjectNode meta) throws IOException
    {
        meta.put(Upload.ID, staging.id());
        final ObjectNode copy = meta.deepCopy();
        for (final Path file : staging.files())
        {
            AtomicFiles.syncFile(file);
        }
        Files.write(staging.dir().resolve(META_FILE), JsonFiles.bytes(copy));
        AtomicFiles.syncFile(staging.dir().resolve(META_FILE));
        AtomicFiles.syncDirectory(staging.dir());
        final Path target = dir.resolve(staging.id());
        AtomicFiles.move(staging.dir(), target);
        staging.committed();
        AtomicFiles.syncDirectory(dir);
        final Upload upload = new Upload(staging.id(), kind, target.resolve(kind.fileName()), copy);
        uploads.put(upload.id(), upload);
        return upload;
    }

    /**
     * Every upload, oldest first.
     *
     * @return the uploads.
     */
    public List<Upload> list()
    {
        final List<Upload> list = new ArrayList<>(uploads.values());
        list.sort(Comparator.comparing(Upload::uploadedAt).thenComparing(Upload::id));
        return list;
    }

    /**
     * An upload by id.
     *
     * @param id the id (anything from a request: only an id's form is looked up).
     * @return the upload, or null when there is none.
     */
    public Upload find(final String id)
    {
        return Ids.isId(id) ? uploads.get(id) : null;
    }

    /**
     * Deletes an upload: its directory is renamed to a temporary name (atomic, forced), then removed; a crash in
     * between leaves a temporary that the next start removes.
     *
     * @param id the id.
     * @return true when it was there.
     * @throws IOException when it cannot be removed.
     */
    public boolean delete(final String id) throws IOException
    {
        final Upload upload = find(id);
        if (null == upload)
        {
            return false;
        }
        final Path gone = dir.resolve(AtomicFiles.TEMP_PREFIX + "deleted-" + id);
        AtomicFiles.move(dir.resolve(id), gone);
        uploads.remove(id);
        AtomicFiles.syncDirectory(dir);
        AtomicFiles.deleteTree(gone);
        return true;
    }

    /**
     * A staging directory ({@code .tmp-<id>}) an upload is received and checked in; closing it without a commit
     * removes it and all it holds.
     */
    public static final class Staging implements AutoCloseable
    {
        private final String id;
        private final UploadKind kind;
        private final Path dir;
        private final List<Path> files = new ArrayList<>();
        private boolean committed;

        Staging(final String id, final UploadKind kind, final Path dir)
        {
            this.id = id;
            this.kind = kind;
            this.dir = dir;
        }

        /**
         * The id the upload will have.
         *
         * @return the id.
         */
        public String id()
        {
            return id;
        }

        /**
         * The staging directory.
         *
         * @return its path.
         */
        public Path dir()
        {
            return dir;
        }

        /**
         * Where the uploaded file goes, under the kind's file name.
         *
         * @return its path.
         */
        public Path file()
        {
            return file(kind.fileName());
        }

        /**
         * Another file kept with the upload (like a report); it is forced to disk at the commit.
         *
         * @param name the file's name.
         * @return its path.
         */
        public Path file(final String name)
        {
            final Path file = dir.resolve(name);
            if (!files.contains(file))
            {
                files.add(file);
            }
            return file;
        }

        List<Path> files()
        {
            final List<Path> existing = new ArrayList<>();
            for (final Path file : files)
            {
                if (Files.exists(file))
                {
                    existing.add(file);
                }
            }
            return existing;
        }

        void committed()
        {
            committed = true;
        }

        /**
         * Removes the staging directory unless it was committed.
         *
         * @throws IOException when it cannot be removed.
         */
        @Override
        public void close() throws IOException
        {
            if (!committed)
            {
                AtomicFiles.deleteTree(dir);
            }
        }
    }
}
