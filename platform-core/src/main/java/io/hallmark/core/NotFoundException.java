package io.hallmark.core;

import io.hallmark.api.HallmarkException;

/** The thing asked for does not exist (HTTP 404); {@link #id()} names it. */
public class NotFoundException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id, String message) {
        super(message);
        this.kind = kind;
        this.id = id;
    }

    /** What kind of thing, e.g. {@code user}. */
    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
