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
 * other node finds it too. The local files are left in place.
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
