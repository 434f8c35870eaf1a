package io.hallmark.governance.artifact;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where governance model artifacts are kept and which version of each kind is active. The platform's store is its
 * PostgreSQL database (every node reads the same active versions); {@link FolderModelStore} keeps them in a folder
 * for command-line use and tests.
 */
public interface ModelStore {

    /** A stored artifact without its bytes. */
    record Summary(String kind, String sha256, long size, Map<String, Object> manifest, Instant createdAt,
            boolean active) {}

    /** Who activated what, and when. */
    record Activation(String kind, String sha256, String activatedBy, Instant activatedAt) {}

    /** The active artifact of a kind, if one is active. */
    Optional<GovernanceArtifact> active(String kind);

    /** The activation record of a kind, if one is active. */
    Optional<Activation> activation(String kind);

    /** An artifact by its hash. */
    Optional<GovernanceArtifact> find(String sha256);

    /** Stores an artifact (nothing happens if it is already stored). */
    void put(GovernanceArtifact artifact);

    /**
     * Makes a stored artifact the active version of its kind.
     *
     * @throws IllegalArgumentException when no artifact of that kind has that hash
     */
    void activate(String kind, String sha256, String who);

    /** Every stored artifact, newest first. */
    List<Summary> list();

    /**
     * Runs {@code work} holding the cluster-wide training lock of a kind: while one node trains, another waits here,
     * then (seeing the artifact active) loads it instead of training.
     */
    <T> T whileTraining(String kind, Supplier<T> work);

    /** An artifact whose hash starts with {@code prefix} (at least 6 characters), if exactly one does. */
    default Optional<GovernanceArtifact> findByPrefix(@Nullable String prefix) {
        if (prefix == null || prefix.length() < 6) {
            throw new IllegalArgumentException("Give at least 6 characters of the model hash, got '" + prefix + "'");
        }
        List<Summary> matches = list().stream().filter(s -> s.sha256().startsWith(prefix)).toList();
        if (matches.size() > 1) {
            throw new IllegalArgumentException("'" + prefix + "' matches " + matches.size() + " models; give more of "
                    + "the hash");
        }
        return matches.isEmpty() ? Optional.empty() : find(matches.get(0).sha256());
    }
}
