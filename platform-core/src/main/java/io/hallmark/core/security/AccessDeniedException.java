package io.hallmark.core.security;

import io.hallmark.api.HallmarkException;

/** The caller is known but its role does not allow the action (HTTP 403). */
public class AccessDeniedException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
