package io.hallmark.core.security;

import io.hallmark.api.HallmarkException;

/** Credentials are missing, wrong, expired or revoked (HTTP 401). Messages never say which part was wrong. */
public class AuthenticationException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
