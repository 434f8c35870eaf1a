package io.hallmark.governance.stage;

/**
 * One part of the governance stage (fact checking, bias, safety, personal data, plugin checks): it reads the
 * content and adds its scores and findings to the assessment. Assessors must be thread-safe.
 */
public interface Assessor {

    /** A short name for reports, e.g. {@code pii}. */
    String name();

    void assess(AssessmentInput input, Assessment out);

    /**
     * Whether this assessor judges the prompt on its own (injection, jailbreak, harmful requests, personal data), so
     * it can run before anything is generated: {@link GovernanceStage#promptScreens()} keeps these.
     */
    default boolean screensPrompt() {
        return false;
    }
}
