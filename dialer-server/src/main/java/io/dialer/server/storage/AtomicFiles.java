/*
 * Server storage.
 */
package io.dialer.server.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Crash-safe file operations: a file is written to a temporary name in its own directory, forced to disk, renamed
 * over its target (an atomic move) and the directory forced, so a reader (or a restart after {@code kill -9}) sees
 * the old file or the new one, never a part. Names starting with {@link #TEMP_PREFIX} are temporary and removed at
 * start.
 */
public final class AtomicFiles
{
    /**
     * Names of temporary files and directories start with this; they are never read and are removed at start.
     */
    public static final String TEMP_PREFIX = ".tmp-";

    private AtomicFiles()
    {
    }

    /**
     * Writes a file atomically: the old content or the new, never a part, even after a crash.
     *
     * @param target the file.
     * @param bytes  its new content.
     * @throws IOException when it cannot be written (the target is then unchanged).
     */
    public static void write(final Path target, final byte[] bytes) throws IOException
    {
        final Path dir = target.toAbsolutePath().getParent();
        final Path temp = dir.resolve(TEMP_PREFIX + target.getFileName() + "-" + Ids.next());
        try
        {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
            {
                final ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining())
                {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temp, target);
        }
        finally
        {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    /**
     * Renames a file or directory atomically, replacing a file of the target name.
     *
     * @param from the source.
     * @param to   the target, in the same file system.
     * @throws IOException when it cannot be moved.
     */
    public static void move(final Path from, final Path to) throws IOException
    {
        try
        {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final AtomicMoveNotSupportedException ex)
        {
            throw new IOException("the data directory's file system cannot rename atomically: " + to, ex);
        }
    }

    /**
     * Forces a file's content to disk.
     *
     * @param file the file.
     * @throws IOException when it cannot be forced.
     */
    public static void syncFile(final Path file) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.force(true);
        }
    }

    /**
     * Forces a directory's entries (names created, renamed or removed) to disk. File systems that cannot open a
     * directory for this are skipped (the rename is then as durable as they make it).
     *
     * @param dir the directory.
     * @throws IOException when forcing fails.
     */
    public static void syncDirectory(final Path dir) throws IOException
    {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ))
        {
            channel.force(true);
        }
        catch (final UnsupportedOperationException | java.nio.file.AccessDeniedException ex)
        {
            // not every platform can open a directory (Windows): nothing more to do there
        }
    }

    /**
     * Removes a file or a directory with everything in it; nothing when it is not there.
     *
     * @param path the file or directory.
     * @throws IOException when something cannot be removed.
     */
    public static void deleteTree(final Path path) throws IOException
    {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS))
        {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>()
        {
            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException
            {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(final Path dir, final IOException ex) throws IOException
            {
                if (null != ex && !(ex instanceof NoSuchFileException))
                {
                    throw ex;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Removes every temporary file and directory ({@link #TEMP_PREFIX}) directly in a directory: what a crash left
     * half-written.
     *
     * @param dir the directory.
     * @return how many were removed.
     * @throws IOException when one cannot be removed.
     */
    public static int removeTemporaries(final Path dir) throws IOException
    {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, TEMP_PREFIX + "*"))
        {
            for (final Path entry : entries)
            {
                deleteTree(entry);
                removed++;
            }
        }
        if (removed > 0)
        {
            syncDirectory(dir);
        }
        return removed;
    }
}
