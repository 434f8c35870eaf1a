package io.hallmark.admin;

import io.hallmark.api.HallmarkException;

/** A request body is over its size limit (HTTP 413). */
final class RequestTooLargeException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    RequestTooLargeException(String message) {
        super(message);
    }
}
