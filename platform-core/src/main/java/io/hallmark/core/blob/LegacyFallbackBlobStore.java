package io.hallmark.core.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared store in front of the node's former local store: writes go to the shared store only; a blob the
 * shared store lacks but the local folder holds (written before the node switched to {@code blob-store=postgres})
 * is copied into the shared store, streamed and re-hashed, on its first read, and read from there on, so every
 * other node finds it too. {@link #copyLocalBlobs()} copies all of them at once (a server does so in the
 * background at start). The local files are left in place.
 */
public final class LegacyFallbackBlobStore implements BlobStore {

    private static final Logger log = LoggerFactory.getLogger(LegacyFallbackBlobStore.class);

    private final BlobStore shared;
    private final LocalBlobStore legacy;

    public LegacyFallbackBlobStore(BlobStore shared, LocalBlobStore legacy) {
        this.shared = shared;
        this.legacy = legacy;
    }

    @Override
    public BlobRef put(InputStream in) {
        return shared.put(in);
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        Optional<InputStream> found = shared.open(sha256);
        if (found.isPresent()) {
            return found;
        }
        Optional<InputStream> old = legacy.open(sha256);
        if (old.isEmpty()) {
            return Optional.empty();
        }
        BlobRef copied;
        try (InputStream in = old.get()) {
            copied = shared.put(in);
        } catch (IOException e) {
            throw new io.hallmark.api.HallmarkException("Cannot read local blob " + sha256 + ": " + e.getMessage(), e);
        }
        if (!copied.sha256().equals(sha256)) {
            // the local file no longer hashes to its name: serve nothing rather than other bytes under this name
            log.warn("Local blob {} is damaged (its bytes hash to {}); not served", sha256, copied.sha256());
            return Optional.empty();
        }
        log.info("Copied local blob {} ({} bytes) into the shared blob store", sha256, copied.size());
        return shared.open(sha256);
    }

    /**
     * Copies every blob of the local folder that the shared store lacks into it (streamed and re-hashed; a file whose
     * bytes no longer match its name is skipped and logged).
     *
     * @return how many blobs were copied
     */
    public int copyLocalBlobs() {
        int copied = 0;
        int damaged = 0;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(legacy.root(), 2)) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!java.nio.file.Files.isRegularFile(file) || !name.matches("[0-9a-f]{64}")
                        || !file.getParent().equals(legacy.root().resolve(name.substring(0, 2)))
                        || shared.contains(name)) {
                    continue;
                }
                BlobRef ref;
                try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                    ref = shared.put(in);
                }
                if (ref.sha256().equals(name)) {
                    copied++;
                } else {
                    damaged++;
                    log.warn("Local blob {} is damaged (its bytes hash to {}); not copied", name, ref.sha256());
                }
            }
        } catch (IOException e) {
            throw new io.hallmark.api.HallmarkException("Cannot copy the local blobs of " + legacy.root() + ": "
                    + e.getMessage(), e);
        }
        if (copied > 0 || damaged > 0) {
            log.info("Copied {} local blobs into the shared blob store ({} damaged ones skipped)", copied, damaged);
        }
        return copied;
    }

    @Override
    public boolean contains(String sha256) {
        return shared.contains(sha256) || legacy.contains(sha256);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> details = new LinkedHashMap<>(shared.describe());
        details.put("legacyLocalFolder", legacy.root().toString());
        return details;
    }
}
