package io.hallmark.governance.stage;

/**
 * One part of the governance stage (fact checking, bias, safety, personal data, plugin checks): it reads the
 * content and adds its scores and findings to the assessment. Assessors must be thread-safe.
 */
public interface Assessor {

    /** A short name for reports, e.g. {@code pii}. */
    String name();

    /**
     * Adds this assessor's scores and findings. An assessor that cannot judge (its model is training or missing,
     * its knowledge base does not exist) throws {@link io.hallmark.governance.ModelUnavailableException}; the stage
     * records it, like any other exception or a timeout, as an {@code UNAVAILABLE} check (fail closed). A metric
     * that does not apply to this content is left out and named with {@link Assessment#notApplicable(String)}.
     */
    void assess(AssessmentInput input, Assessment out);

    /**
     * The metrics this assessor may produce. When it runs and leaves one out, that metric did not apply; when it
     * cannot run, they are unknown and the decision fails closed.
     */
    default java.util.Set<String> metrics() {
        return java.util.Set.of();
    }

    /**
     * Whether the same input, models and knowledge base always give the same scores ({@code hallmark check
     * --replay} says which assessors are not).
     */
    default boolean deterministic() {
        return true;
    }

    /**
     * Whether this assessor judges the prompt on its own (injection, jailbreak, harmful requests, personal data), so
     * it can run before anything is generated: {@link GovernanceStage#promptScreens()} keeps these.
     */
    default boolean screensPrompt() {
        return false;
    }
}
