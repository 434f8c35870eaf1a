package io.hallmark.core.audit;

import java.io.IOException;
import java.util.Optional;

/**
 * A place outside the platform's database that receives every new checkpoint and keeps the last one it received:
 * a folder on other storage ({@link DirectorySink}), an HTTP endpoint ({@link HttpSink}) or a git repository
 * ({@link GitSink}). Whoever can rewrite the database cannot take back what a sink holds, so
 * {@code hallmark audit verify --trusted-checkpoint} proves the log against it.
 *
 * <p>A sink is append-only: it refuses a checkpoint smaller than, or of the same size but another root than, the
 * last one it holds (what a rolled-back or forked log would send).
 */
public interface CheckpointSink {

    /** How the configuration names it ({@code dir:/mnt/audit}, {@code https://...}, {@code git:/srv/audit.git}). */
    String describe();

    /**
     * Stores {@code checkpoint} and makes it the latest.
     *
     * @throws IOException when it cannot be stored
     * @throws IllegalStateException when the sink refuses it (smaller than, or forked from, the latest it holds)
     */
    void publish(Checkpoint checkpoint) throws IOException;

    /** The latest checkpoint it holds (a signed note), if any. */
    Optional<String> latest() throws IOException;

    /** Refuses a checkpoint that does not grow the one a sink already holds. */
    static void checkGrows(String sink, Optional<String> latestNote, Checkpoint next) {
        if (latestNote.isEmpty()) {
            return;
        }
        String[] lines = latestNote.get().split("\n", 4);
        if (lines.length < 3 || !lines[0].equals(next.origin())) {
            return; // another log's checkpoint: the sink is shared or new to this log
        }
        long size = Long.parseLong(lines[1]);
        if (next.treeSize() < size) {
            throw new IllegalStateException(sink + " holds a checkpoint of size " + size + "; refusing one of size "
                    + next.treeSize() + " (the log was rolled back)");
        }
        if (next.treeSize() == size && !lines[2].equals(java.util.Base64.getEncoder().encodeToString(next.rootHash()))) {
            throw new IllegalStateException(sink + " holds a checkpoint of size " + size + " with another root; "
                    + "refusing this one (the log was forked)");
        }
    }
}
