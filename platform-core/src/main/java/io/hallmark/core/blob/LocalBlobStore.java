package io.hallmark.core.blob;

import io.hallmark.api.HallmarkException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blob store of one node ({@code blob-store=local}): each blob is a file named by the SHA-256 of its
 * bytes, under a two-character fan-out folder ({@code ab/abcdef...}). Other nodes cannot read it; a cluster
 * uses {@link PostgresBlobStore}.
 *
 * <p>Writes never leave a half-written blob under its name: bytes go to a temporary file that is fsynced,
 * then atomically renamed, then the folder is fsynced. Temporary files left by a crash are removed when the
 * store opens. Storing the same bytes twice keeps one copy.
 */
public final class LocalBlobStore implements BlobStore {

    private static final Logger log = LoggerFactory.getLogger(LocalBlobStore.class);
    private static final String TMP = "tmp";

    private final Path root;
    private final long maxBlobBytes;

    private LocalBlobStore(Path root, long maxBlobBytes) {
        this.root = root;
        this.maxBlobBytes = maxBlobBytes;
    }

    /** Opens (creating if needed) the store in {@code root} and removes leftovers of interrupted writes. */
    public static LocalBlobStore open(Path root, long maxBlobBytes) {
        if (maxBlobBytes < 1) {
            throw new IllegalArgumentException("maxBlobBytes must be positive, was " + maxBlobBytes);
        }
        try {
            Files.createDirectories(root.resolve(TMP));
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(root.resolve(TMP))) {
                for (Path leftover : leftovers) {
                    Files.deleteIfExists(leftover);
                    log.info("Removed {} left by an interrupted blob write", leftover.getFileName());
                }
            }
        } catch (IOException e) {
            throw new HallmarkException("Cannot open the blob store in " + root + ": " + e.getMessage(), e);
        }
        return new LocalBlobStore(root, maxBlobBytes);
    }

    @Override
    public BlobRef put(InputStream in) {
        Path tmp = root.resolve(TMP).resolve(UUID.randomUUID() + ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest)) {
                size = copyLimited(in, out);
                out.flush();
                channel.force(true);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = path(sha);
            if (Files.exists(target)) {
                Files.delete(tmp);
            } else {
                Files.createDirectories(target.getParent());
                moveAtomically(tmp, target);
                fsyncDirectory(target.getParent());
            }
            return new BlobRef(sha, size);
        } catch (IOException e) {
            deleteQuietly(tmp);
            if (String.valueOf(e.getMessage()).contains("No space left on device")) {
                throw new StorageFullException("Cannot store blob in " + root + ": the disk is full (" + e.getMessage()
                        + "); nothing was kept, and storing works again once space is freed there", e);
            }
            throw new HallmarkException("Cannot store blob in " + root + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        try {
            return Optional.of(Files.newInputStream(path(BlobRef.requireSha256(sha256))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new HallmarkException("Cannot read blob " + sha256 + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean contains(String sha256) {
        return Files.isRegularFile(path(BlobRef.requireSha256(sha256)));
    }

    /** The file of a blob (which may not exist). */
    public Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public Path root() {
        return root;
    }

    /** Usable bytes left on the store's file system. */
    public long usableSpace() {
        try {
            return Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    private long copyLimited(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBlobBytes) {
                throw new BlobTooLargeException(maxBlobBytes);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system of " + to.getParent() + " cannot rename atomically", e);
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the rename is still atomic
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // removed at the next open
        }
    }

    @Override
    public java.util.Map<String, Object> describe() {
        long usable = usableSpace();
        if (usable < 0) {
            throw new HallmarkException("Cannot read the free space of " + root);
        }
        return java.util.Map.of("kind", "local", "usableBytes", usable);
    }

    private static MessageDigest sha256() {
        return BlobStore.newSha256();
    }
}
