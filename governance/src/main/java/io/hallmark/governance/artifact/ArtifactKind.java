package io.hallmark.governance.artifact;

import java.util.Arrays;
import java.util.List;

/** The kinds of governance model kept as artifacts, in the order they train. */
public enum ArtifactKind {
    /** The injection, jailbreak, harmful-request and toxicity heads ({@code SafetyModel}). */
    SAFETY("safety"),
    /** The stereotype ranker, its calibration and the coreference resolver ({@code BiasModel}). */
    BIAS("bias"),
    /** The fact-check combiner: the committed weighted vote ({@code WeightedVote} settings). */
    FACTCHECK_COMBINER("factcheck-combiner");

    private final String id;

    ArtifactKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the known kinds */
    public static ArtifactKind of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("Unknown governance model kind '" + id + "'; use one of " + ids()));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ArtifactKind::id).toList();
    }
}
