package io.hallmark.governance.factcheck;

/** What a verifier concludes about one claim given the evidence. */
public enum Verdict {
    /** The evidence says the claim is true. */
    SUPPORTED,
    /** The evidence says the claim is false. */
    REFUTED,
    /** The evidence says neither. */
    NOT_ENOUGH_INFO
}
