package io.hallmark.api;

/** A plugin asked the host for a service it was not granted. */
public class PermissionDeniedException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String message) {
        super(message);
    }
}
