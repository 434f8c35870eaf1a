package io.hallmark.core.content;

import io.hallmark.api.HallmarkException;

/** The item is not waiting for review (any more): someone decided it already, or it never needed a person. */
public class ReviewConflictException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    public ReviewConflictException(String message) {
        super(message);
    }
}
