package io.hallmark.core.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the checkpoints an auditor keeps outside the platform's database: a file holding one signed note (a
 * {@code checkpoint.txt} from an earlier export, or one saved from {@code hallmark audit checkpoint}), or a folder
 * written by a {@link DirectorySink} (every checkpoint it received, under {@code checkpoints/}, and
 * {@code latest.txt}).
 */
public final class HeldCheckpoints {

    private HeldCheckpoints() {}

    /**
     * The signed notes at {@code path}, each once.
     *
     * @throws IllegalArgumentException when the path holds none
     */
    public static List<String> read(Path path) throws IOException {
        Set<String> notes = new LinkedHashSet<>();
        if (Files.isRegularFile(path)) {
            notes.add(Files.readString(path, StandardCharsets.UTF_8));
        } else if (Files.isDirectory(path)) {
            Path all = path.resolve(DirectorySink.CHECKPOINTS);
            if (Files.isDirectory(all)) {
                try (Stream<Path> s = Files.list(all)) {
                    for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                        notes.add(Files.readString(p, StandardCharsets.UTF_8));
                    }
                }
            }
            Path latest = path.resolve(DirectorySink.LATEST);
            if (Files.isRegularFile(latest)) {
                notes.add(Files.readString(latest, StandardCharsets.UTF_8));
            }
        } else {
            throw new IllegalArgumentException("Trusted checkpoint " + path + " does not exist");
        }
        if (notes.isEmpty()) {
            throw new IllegalArgumentException("Folder " + path + " holds no checkpoints (expected "
                    + DirectorySink.LATEST + " or " + DirectorySink.CHECKPOINTS + "/ as a checkpoint sink writes them)");
        }
        return new ArrayList<>(notes);
    }

    /** The notes at every path, each once. */
    public static List<String> readAll(List<Path> paths) throws IOException {
        Set<String> notes = new LinkedHashSet<>();
        for (Path p : paths) {
            notes.addAll(read(p));
        }
        return new ArrayList<>(notes);
    }
}
