package io.hallmark.governance.artifact;

import java.util.Map;

/**
 * One version of a governance model: its bytes (canonical JSON), their SHA-256 as its id, and its manifest (what it
 * was trained from and how).
 *
 * @param kind {@link ArtifactKind#id()}: {@code safety}, {@code bias} or {@code factcheck-combiner}
 * @param sha256 of {@code bytes}, lower-case hex
 * @param bytes the model
 * @param manifest training data hash and files, settings hash, code version, dev figures, sources and licences,
 *     training time; not part of the hash
 */
public record GovernanceArtifact(String kind, String sha256, byte[] bytes, Map<String, Object> manifest) {

    public GovernanceArtifact {
        ArtifactKind.of(kind);
        String actual = Hashes.sha256(bytes);
        if (!actual.equals(sha256)) {
            throw new IllegalArgumentException("The " + kind + " artifact's bytes hash to " + actual + ", not "
                    + sha256 + " as recorded: it is corrupt; re-import or retrain it");
        }
        manifest = Map.copyOf(manifest);
    }

    /** An artifact of these bytes, its id computed. */
    public static GovernanceArtifact of(String kind, byte[] bytes, Map<String, Object> manifest) {
        return new GovernanceArtifact(kind, Hashes.sha256(bytes), bytes, manifest);
    }

    /** The first 12 characters of the hash, for logs. */
    public String shortHash() {
        return sha256.substring(0, 12);
    }
}
