package io.hallmark.core.persistence;

/** Where a content item stands on its way from request to kept (or refused) artifact. */
public enum ContentStatus {
    PENDING, GENERATING, CHECKING, NEEDS_REVIEW, APPROVED, REJECTED, FAILED, CANCELLED
}
