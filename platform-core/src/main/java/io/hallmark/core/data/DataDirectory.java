package io.hallmark.core.data;

import io.hallmark.api.HallmarkException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * The data directory of one Hallmark installation, held exclusively by one process at a time.
 *
 * <p>Layout: {@code postgres/} (embedded database), {@code blobs/} (content-addressed artifacts),
 * {@code plugins/}, {@code models/}, {@code cache/} (DJL and PostgreSQL binaries), {@code logs/}, the optional
 * {@code hallmark.properties}, and {@code .lock} + {@code owner.properties} while a process holds it.
 * The lock is an operating-system file lock, so a killed process releases it at once.
 */
public final class DataDirectory implements AutoCloseable {

    private static final String LOCK_FILE = ".lock";
    private static final String OWNER_FILE = "owner.properties";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates the directory if needed, checks that it is writable and takes its lock.
     *
     * @throws DataDirectoryInUseException when another process holds it
     * @throws HallmarkException when it cannot be created or written
     */
    public static DataDirectory open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            Path probe = Files.createTempFile(root, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new HallmarkException("Data directory " + root + " is not writable (permission denied on "
                    + e.getFile() + "); choose another --data-dir or fix its permissions");
        } catch (FileSystemException e) {
            throw new HallmarkException("Data directory " + root + " is not usable: " + e.getMessage()
                    + "; choose another --data-dir");
        } catch (IOException e) {
            throw new HallmarkException("Data directory " + root + " is not writable: " + e, e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(root, DataDirectoryOwner.read(root.resolve(OWNER_FILE)));
            }
            DataDirectory dataDir = new DataDirectory(root, channel, lock);
            dataDir.createLayout();
            return dataDir;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new HallmarkException("Cannot lock data directory " + root + ": " + e.getMessage(), e);
        }
    }

    private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM
        }
    }

    private void createLayout() throws IOException {
        for (Path p : new Path[] {postgres(), blobs(), plugins(), cache(), logs()}) {
            Files.createDirectories(p);
        }
    }

    /** Says who holds the directory, so a second process can tell the user (and reach a server's API). */
    public void advertise(DataDirectoryOwner owner) {
        try {
            owner.write(root.resolve(OWNER_FILE));
        } catch (IOException e) {
            throw new HallmarkException("Cannot write " + root.resolve(OWNER_FILE) + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** The embedded PostgreSQL cluster. */
    public Path postgres() {
        return root.resolve("postgres");
    }

    /** The content-addressed blob store. */
    public Path blobs() {
        return root.resolve("blobs");
    }

    /** Installed plugin archives. */
    public Path plugins() {
        return root.resolve("plugins");
    }

    /** Unpacked native engines and other re-creatable files. */
    public Path cache() {
        return root.resolve("cache");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** Releases the lock; the directory's contents stay. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(root.resolve(OWNER_FILE));
        } catch (IOException e) {
            // the next owner overwrites it
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
