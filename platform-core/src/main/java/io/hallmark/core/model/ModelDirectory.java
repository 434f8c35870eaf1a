package io.hallmark.core.model;

import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.ModelInfo;
import io.hallmark.api.ModelLease;
import io.hallmark.api.ModelRequirement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Models as files in the model directory: {@code <dir>/<name>} is a file or a folder of files. A model's
 * SHA-256 is computed once (over its bytes, or for a folder over each file's relative path and bytes, in
 * name order) and cached until the file changes; leases are counted per model.
 */
public final class ModelDirectory implements ModelProvider {

    private record CachedHash(FileTime modified, long size, String sha256) {}

    private final Path root;
    private final Map<Path, CachedHash> hashes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> leases = new ConcurrentHashMap<>();

    public ModelDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public ModelLease lease(ModelRequirement requirement, String holder) {
        Path path = resolve(requirement.name());
        String sha = sha256(path);
        if (requirement.sha256() != null && !requirement.sha256().equals(sha)) {
            throw new GenerationFailedException("Model '" + requirement.name() + "' at " + path + " has SHA-256 "
                    + sha + " but " + holder + " expects " + requirement.sha256()
                    + "; the file is corrupt or a different version");
        }
        ModelInfo info = new ModelInfo(requirement.name(), sha);
        AtomicInteger count = leases.computeIfAbsent(requirement.name(), k -> new AtomicInteger());
        count.incrementAndGet();
        return new ModelLease() {
            private boolean closed;

            @Override
            public ModelInfo info() {
                return info;
            }

            @Override
            public Path path() {
                return path;
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    count.decrementAndGet();
                }
            }
        };
    }

    /** How many leases of each model are open. */
    public Map<String, Integer> openLeases() {
        Map<String, Integer> open = new java.util.TreeMap<>();
        leases.forEach((name, count) -> {
            if (count.get() > 0) {
                open.put(name, count.get());
            }
        });
        return open;
    }

    /** The file or folder of a model by name, or an error naming where it was expected. */
    public Path resolve(String name) {
        if (name.contains("..") || name.startsWith("/") || name.contains("\\")) {
            throw new GenerationFailedException("Model name '" + name + "' must be a plain name inside the model "
                    + "directory, without '..' or '/' at the start");
        }
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root) || !Files.exists(path)) {
            throw new GenerationFailedException("Model '" + name + "' not found: expected " + path + " (a file or "
                    + "folder in the model directory " + root + "; set --models-dir or HALLMARK_MODELS_DIR)");
        }
        return path;
    }

    /** The SHA-256 of a model file or folder, cached while the file is unchanged. */
    public String sha256(Path path) {
        try {
            FileTime modified = Files.getLastModifiedTime(path);
            long size = Files.isDirectory(path) ? -1 : Files.size(path);
            CachedHash cached = hashes.get(path);
            if (cached != null && cached.modified().equals(modified) && cached.size() == size) {
                return cached.sha256();
            }
            String sha = Files.isDirectory(path) ? hashFolder(path) : hashFile(path);
            hashes.put(path, new CachedHash(modified, size, sha));
            return sha;
        } catch (IOException e) {
            throw new GenerationFailedException("Cannot read model " + path + ": " + e.getMessage(), true, e);
        }
    }

    private static String hashFile(Path file) throws IOException {
        MessageDigest digest = sha256();
        update(digest, file);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String hashFolder(Path folder) throws IOException {
        MessageDigest digest = sha256();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            digest.update(folder.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            update(digest, file);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
