package io.hallmark.core.audit;

import io.hallmark.core.s3.S3Location;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every new checkpoint to the configured {@link CheckpointSink}s, right after it is stored. A sink that fails
 * or refuses is logged and remembered ({@link #failures()}); the checkpoint stays stored and the next one is sent
 * again, so a sink that was down catches up with the latest.
 */
public final class CheckpointPublisher {

    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final List<CheckpointSink> sinks;
    private final Map<String, String> failures = new ConcurrentHashMap<>();

    public CheckpointPublisher(List<CheckpointSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    /**
     * Parses {@code audit-checkpoint-sinks}: comma-separated {@code dir:/path}, {@code git:/path/to/work-tree},
     * {@code s3://bucket/prefix?...} ({@link S3Sink}; its query may not contain a comma) or an {@code http(s)://} URL.
     *
     * @throws IllegalArgumentException naming the entry that is not one of these
     */
    public static List<CheckpointSink> parse(String spec) {
        List<CheckpointSink> out = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String s = raw.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("dir:")) {
                out.add(new DirectorySink(Path.of(s.substring(4))));
            } else if (s.startsWith("git:")) {
                out.add(new GitSink(Path.of(s.substring(4))));
            } else if (s.startsWith("s3://")) {
                out.add(S3Sink.of(S3Location.parse(s)));
            } else if (s.startsWith("http://") || s.startsWith("https://")) {
                out.add(new HttpSink(URI.create(s)));
            } else {
                throw new IllegalArgumentException("Unknown audit checkpoint sink '" + s
                        + "'; valid: dir:/path, git:/path/to/work-tree, "
                        + "s3://bucket/prefix?endpoint=URL&lock-mode=COMPLIANCE&lock-days=N, http(s)://host/path");
            }
        }
        return out;
    }

    public List<CheckpointSink> sinks() {
        return sinks;
    }

    /** Publishes to every sink; returns how many took it. */
    public int publish(Checkpoint checkpoint) {
        int ok = 0;
        for (CheckpointSink sink : sinks) {
            try {
                sink.publish(checkpoint);
                failures.remove(sink.describe());
                ok++;
            } catch (IOException | RuntimeException e) {
                failures.put(sink.describe(), e.getMessage() == null ? e.toString() : e.getMessage());
                log.warn("Audit checkpoint sink {} did not take the checkpoint of size {}: {}", sink.describe(),
                        checkpoint.treeSize(), e.getMessage());
            }
        }
        return ok;
    }

    /** The sinks whose last publish failed, with the reason. */
    public Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    /**
     * The latest checkpoint each sink holds, for verification; a sink that cannot be read is an error (an auditor
     * asking for the sinks must not silently get fewer).
     */
    public List<String> latestFromSinks() throws IOException {
        List<String> notes = new ArrayList<>();
        for (CheckpointSink sink : sinks) {
            sink.latest().ifPresent(notes::add);
        }
        return notes;
    }
}
