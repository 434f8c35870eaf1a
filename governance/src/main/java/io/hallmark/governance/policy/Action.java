package io.hallmark.governance.policy;

/**
 * What a policy decides for a piece of content, from the mildest to the most severe. When several rules fire, the
 * most severe action wins.
 */
public enum Action {
    /** Keep and publish it. */
    APPROVE,
    /** Keep it with the flagged spans (personal data) replaced. */
    REDACT,
    /** Hand it back to the generator with the findings, for another round. */
    REVISE,
    /** A person must look at it before it is kept. */
    NEEDS_REVIEW,
    /** Do not keep it. */
    REJECT;

    public boolean moreSevereThan(Action other) {
        return ordinal() > other.ordinal();
    }
}
