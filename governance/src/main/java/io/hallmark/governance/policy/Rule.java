package io.hallmark.governance.policy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One rule of a policy: when {@code when} holds for content of one of {@code contentTypes}, the policy takes
 * {@code action}.
 *
 * @param id a stable name, shown in every decision it drives
 * @param description why the rule exists
 * @param when the condition
 * @param action what to do when it holds
 * @param contentTypes the content types the rule judges; empty means every content type (policies written before
 *     content types existed)
 */
public record Rule(String id, String description, Condition when, Action action, Set<ContentType> contentTypes) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(action, "action");
        contentTypes = contentTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(contentTypes));
    }

    /** A rule for every content type. */
    public Rule(String id, String description, Condition when, Action action) {
        this(id, description, when, action, Set.of());
    }

    /** Whether the rule judges content of this type. */
    public boolean appliesTo(ContentType contentType) {
        return contentTypes.isEmpty() || contentTypes.contains(contentType);
    }
}
