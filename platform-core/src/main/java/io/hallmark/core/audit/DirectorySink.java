package io.hallmark.core.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A checkpoint sink in a folder, meant for storage the database administrator does not control (another host's
 * mount, a WORM volume). Every checkpoint is written once, never overwritten, as
 * {@code checkpoints/<size, 20 digits>-<first 16 hex digits of the root>.txt}; {@code latest.txt} is replaced
 * atomically by each larger one.
 */
public final class DirectorySink implements CheckpointSink {

    /** The folder holding every checkpoint received. */
    public static final String CHECKPOINTS = "checkpoints";
    /** The latest checkpoint received. */
    public static final String LATEST = "latest.txt";

    private final Path dir;

    public DirectorySink(Path dir) {
        this.dir = dir;
    }

    @Override
    public String describe() {
        return "dir:" + dir;
    }

    @Override
    public synchronized void publish(Checkpoint checkpoint) throws IOException {
        CheckpointSink.checkGrows(describe(), latest(), checkpoint);
        Path all = Files.createDirectories(dir.resolve(CHECKPOINTS));
        Path file = all.resolve(String.format("%020d-%s.txt", checkpoint.treeSize(),
                checkpoint.rootHashHex().substring(0, 16)));
        byte[] note = checkpoint.note().getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(file, note, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (FileAlreadyExistsException e) {
            // the same size and root signed again (a later time): the first one stays, never overwritten
        }
        Path tmp = Files.createTempFile(dir, ".latest", ".tmp");
        try {
            Files.write(tmp, note, StandardOpenOption.SYNC);
            try {
                Files.move(tmp, dir.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(LATEST), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Optional<String> latest() throws IOException {
        Path latest = dir.resolve(LATEST);
        return Files.isRegularFile(latest) ? Optional.of(Files.readString(latest, StandardCharsets.UTF_8))
                : Optional.empty();
    }

    public Path dir() {
        return dir;
    }
}
