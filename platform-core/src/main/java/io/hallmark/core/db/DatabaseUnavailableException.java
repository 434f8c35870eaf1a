package io.hallmark.core.db;

import io.hallmark.api.HallmarkException;

/** The database cannot be reached or refused the connection; retrying later may help. */
public class DatabaseUnavailableException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
