package io.hallmark.governance.stage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What judged one decision, for the governance report, the content row and the audit event: the SHA-256 of every
 * model used (by a name such as {@code generator:stories260k}, {@code embedder:all-MiniLM-L6-v2}, {@code safety},
 * {@code bias}, {@code factcheck:combiner}, {@code plugin:hallmark-checks/tone}: for plugins, the SHA-256 of the
 * plugin archive), the policy version and the knowledge-base snapshot the fact check read.
 *
 * @param models model name to SHA-256 of its bytes, sorted
 * @param knowledgeBase the knowledge base fact checks read, or {@code null} when none was read
 * @param knowledgeBaseSnapshot that knowledge base's snapshot (see the fact check's documentation), or {@code null}
 * @param policy the policy's name, or {@code null} before a policy decided
 * @param policySha256 the policy version, or {@code null} before a policy decided
 */
public record JudgedBy(SortedMap<String, String> models, @Nullable String knowledgeBase,
        @Nullable String knowledgeBaseSnapshot, @Nullable String policy, @Nullable String policySha256) {

    public JudgedBy {
        models = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(models));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this record. */
    public Builder toBuilder() {
        Builder b = new Builder();
        models.forEach(b::model);
        b.knowledgeBase = knowledgeBase;
        b.knowledgeBaseSnapshot = knowledgeBaseSnapshot;
        b.policy = policy;
        b.policySha256 = policySha256;
        return b;
    }

    /** As reports, content rows and audit events keep it (JSON-ready, keys sorted). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("models", new TreeMap<>(models));
        if (knowledgeBase != null) {
            m.put("knowledgeBase", knowledgeBase);
        }
        if (knowledgeBaseSnapshot != null) {
            m.put("knowledgeBaseSnapshot", knowledgeBaseSnapshot);
        }
        if (policy != null) {
            m.put("policy", policy);
        }
        if (policySha256 != null) {
            m.put("policySha256", policySha256);
        }
        return m;
    }

    /** Reads what {@link #toMap()} wrote (missing parts stay empty). */
    public static JudgedBy fromMap(@Nullable Map<?, ?> map) {
        Builder b = new Builder();
        if (map == null) {
            return b.build();
        }
        if (map.get("models") instanceof Map<?, ?> models) {
            models.forEach((k, v) -> b.model(String.valueOf(k), String.valueOf(v)));
        }
        b.knowledgeBase = map.get("knowledgeBase") instanceof String s ? s : null;
        b.knowledgeBaseSnapshot = map.get("knowledgeBaseSnapshot") instanceof String s ? s : null;
        b.policy = map.get("policy") instanceof String s ? s : null;
        b.policySha256 = map.get("policySha256") instanceof String s ? s : null;
        return b.build();
    }

    /** Gathers what judged a decision, as assessors run. Not thread-safe: one per assessment. */
    public static final class Builder {
        private final SortedMap<String, String> models = new TreeMap<>();
        private @Nullable String knowledgeBase;
        private @Nullable String knowledgeBaseSnapshot;
        private @Nullable String policy;
        private @Nullable String policySha256;

        private Builder() {}

        /** A model used, with the SHA-256 of its bytes (for a plugin, of its archive). */
        public Builder model(String name, String sha256) {
            if (name == null || name.isBlank() || sha256 == null || sha256.isBlank()) {
                throw new IllegalArgumentException("A model on record needs a name and a SHA-256, got '" + name
                        + "' = '" + sha256 + "'");
            }
            models.put(name, sha256);
            return this;
        }

        /** The knowledge base read and its snapshot. */
        public Builder knowledgeBase(String name, String snapshot) {
            this.knowledgeBase = name;
            this.knowledgeBaseSnapshot = snapshot;
            return this;
        }

        /** The policy version that decided. */
        public Builder policy(String name, String sha256) {
            this.policy = name;
            this.policySha256 = sha256;
            return this;
        }

        Builder merge(Builder other) {
            models.putAll(other.models);
            if (other.knowledgeBase != null) {
                knowledgeBase = other.knowledgeBase;
                knowledgeBaseSnapshot = other.knowledgeBaseSnapshot;
            }
            if (other.policy != null) {
                policy = other.policy;
                policySha256 = other.policySha256;
            }
            return this;
        }

        public JudgedBy build() {
            return new JudgedBy(models, knowledgeBase, knowledgeBaseSnapshot, policy, policySha256);
        }
    }
}
