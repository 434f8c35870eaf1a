package io.hallmark.governance.artifact;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Artifacts in a folder: {@code <sha256>.model} (the bytes) and {@code <sha256>.manifest.json} per artifact, and
 * {@code active-<kind>.json} per active kind. The training lock is a file lock, so two processes on one folder also
 * train once.
 */
public final class FolderModelStore implements ModelStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final Path folder;

    public FolderModelStore(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public synchronized Optional<GovernanceArtifact> active(String kind) {
        return activation(kind).flatMap(a -> find(a.sha256()));
    }

    @Override
    public synchronized Optional<Activation> activation(String kind) {
        Path file = folder.resolve("active-" + ArtifactKind.of(kind).id() + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, Object> m = read(file);
        return Optional.of(new Activation(kind, (String) m.get("sha256"), (String) m.get("activatedBy"),
                Instant.parse((String) m.get("activatedAt"))));
    }

    @Override
    public synchronized Optional<GovernanceArtifact> find(String sha256) {
        Path bytes = folder.resolve(sha256 + ".model");
        if (!Files.isRegularFile(bytes)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> envelope = read(folder.resolve(sha256 + ".manifest.json"));
            @SuppressWarnings("unchecked")
            Map<String, Object> manifest = (Map<String, Object>) envelope.get("manifest");
            return Optional.of(new GovernanceArtifact((String) envelope.get("kind"), sha256, Files.readAllBytes(bytes),
                    manifest));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the governance model " + bytes, e);
        }
    }

    @Override
    public synchronized void put(GovernanceArtifact artifact) {
        Path bytes = folder.resolve(artifact.sha256() + ".model");
        if (Files.isRegularFile(bytes)) {
            return;
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("kind", artifact.kind());
        envelope.put("sha256", artifact.sha256());
        envelope.put("createdAt", Instant.now().toString());
        envelope.put("manifest", artifact.manifest());
        write(folder.resolve(artifact.sha256() + ".manifest.json"), CanonicalJson.bytes(envelope));
        write(bytes, artifact.bytes());
    }

    @Override
    public synchronized void activate(String kind, String sha256, String who) {
        GovernanceArtifact a = find(sha256).filter(x -> x.kind().equals(kind)).orElseThrow(() ->
                new IllegalArgumentException("No " + kind + " model " + sha256 + " in " + folder + "; list them with "
                        + "`hallmark models governance list`"));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("sha256", a.sha256());
        doc.put("activatedBy", who);
        doc.put("activatedAt", Instant.now().toString());
        write(folder.resolve("active-" + kind + ".json"), CanonicalJson.bytes(doc));
    }

    @Override
    public synchronized List<Summary> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Summary> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".manifest.json")).sorted().toList()) {
                Map<String, Object> envelope = read(p);
                String kind = (String) envelope.get("kind");
                String sha = (String) envelope.get("sha256");
                @SuppressWarnings("unchecked")
                Map<String, Object> manifest = (Map<String, Object>) envelope.get("manifest");
                boolean active = activation(kind).map(a -> a.sha256().equals(sha)).orElse(false);
                out.add(new Summary(kind, sha, Files.size(folder.resolve(sha + ".model")), manifest,
                        Instant.parse((String) envelope.get("createdAt")), active));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the governance models in " + folder, e);
        }
        out.sort(Comparator.comparing(Summary::createdAt).reversed());
        return out;
    }

    @Override
    public <T> T whileTraining(String kind, Supplier<T> work) {
        synchronized (FolderModelStore.class) { // one JVM may not hold two locks on one file
            return lockedFile(kind, work);
        }
    }

    private <T> T lockedFile(String kind, Supplier<T> work) {
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(folder.resolve("training-" + kind + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return work.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot take the training lock in " + folder, e);
        }
    }

    private static Map<String, Object> read(Path file) {
        try {
            return CanonicalJson.MAPPER.readValue(file.toFile(), MAP);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(folder);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
