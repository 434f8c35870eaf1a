package io.hallmark.governance.policy;

import java.util.Objects;

/**
 * One rule of a policy: when {@code when} holds, the policy takes {@code action}.
 *
 * @param id a stable name, shown in every decision it drives
 * @param description why the rule exists
 * @param when the condition
 * @param action what to do when it holds
 */
public record Rule(String id, String description, Condition when, Action action) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(action, "action");
    }
}
