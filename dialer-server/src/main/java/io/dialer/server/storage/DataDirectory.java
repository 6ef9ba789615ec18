/*
 * Server storage.
 */
package io.dialer.server.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.Map;

/**
 * The server's data directory: {@code users.json}, {@code tokens.json}, the uploads of each {@link UploadKind}, and
 * {@code campaigns/} for the engine's journals. Opening it takes an exclusive lock ({@code .lock}), so two servers
 * never write one directory, and removes what a crash left half-written (temporaries).
 */
public final class DataDirectory implements AutoCloseable
{
    /**
     * The users file.
     */
    public static final String USERS_FILE = "users.json";

    /**
     * The API tokens file.
     */
    public static final String TOKENS_FILE = "tokens.json";

    /**
     * The directory of the campaigns' journals ({@code campaigns/<id>/journal}).
     */
    public static final String CAMPAIGNS_DIR = "campaigns";

    /**
     * The lock file held while a server has the directory open.
     */
    public static final String LOCK_FILE = ".lock";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<UploadKind, UploadStore> uploads = new EnumMap<>(UploadKind.class);

    private DataDirectory(final Path root, final FileChannel lockChannel, final FileLock lock)
    {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating it when missing) a data directory.
     *
     * @param dir the directory.
     * @return the open directory.
     * @throws IOException when it cannot be created or read, or another process has it open.
     */
    public static DataDirectory open(final Path dir) throws IOException
    {
        final Path root = Files.createDirectories(dir).toRealPath();
        final FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        final FileLock lock;
        try
        {
            lock = channel.tryLock();
        }
        catch (final OverlappingFileLockException | IOException ex)
        {
            channel.close();
            throw new IOException("the data directory " + root + " is in use by this process", ex);
        }
        if (null == lock)
        {
            channel.close();
            throw new IOException("the data directory " + root + " is in use by another process (" + LOCK_FILE +
                " is locked)");
        }
        final DataDirectory data = new DataDirectory(root, channel, lock);
        try
        {
            AtomicFiles.removeTemporaries(root);
            Files.createDirectories(root.resolve(CAMPAIGNS_DIR));
            for (final UploadKind kind : UploadKind.values())
            {
                data.uploads.put(kind, new UploadStore(root, kind));
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            data.close();
            throw ex;
        }
        return data;
    }

    /**
     * The directory.
     *
     * @return its real path.
     */
    public Path root()
    {
        return root;
    }

    /**
     * The users file.
     *
     * @return its path.
     */
    public Path usersFile()
    {
        return root.resolve(USERS_FILE);
    }

    /**
     * The API tokens file.
     *
     * @return its path.
     */
    public Path tokensFile()
    {
        return root.resolve(TOKENS_FILE);
    }

    /**
     * Where campaigns keep their journals: {@code campaigns/<id>/journal}.
     *
     * @return the directory.
     */
    public Path campaignsDir()
    {
        return root.resolve(CAMPAIGNS_DIR);
    }

    /**
     * The uploads of a kind.
     *
     * @param kind the kind.
     * @return its store.
     */
    public UploadStore uploads(final UploadKind kind)
    {
        return uploads.get(kind);
    }

    /**
     * Releases the directory's lock.
     *
     * @throws IOException when the lock file cannot be closed.
     */
    @Override
    public void close() throws IOException
    {
        try
        {
            if (lock.isValid())
            {
                lock.release();
            }
        }
        finally
        {
            lockChannel.close();
        }
    }
}
