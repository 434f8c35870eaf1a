package io.hallmark.api;

/** The verdict of one governance check on one piece of content. */
public enum CheckOutcome {
    /** Nothing found that matters. */
    PASS,
    /** Something a reviewer should look at. */
    WARN,
    /** The content violates what the check guards. */
    FAIL,
    /** The check could not decide (for instance, no evidence found). */
    UNDECIDED
}
