package io.hallmark.core.persistence;

/** The actions a governance policy can decide on. */
public enum Decision {
    APPROVE, NEEDS_REVIEW, REJECT, REDACT, REVISE
}
