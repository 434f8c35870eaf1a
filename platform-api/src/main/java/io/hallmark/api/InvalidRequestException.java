package io.hallmark.api;

import java.util.List;

/** The request is malformed; the caller must fix it (HTTP 400). {@link #errors()} names each bad field. */
public class InvalidRequestException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    private final transient List<ParameterError> errors;

    public InvalidRequestException(String message) {
        this(message, List.of());
    }

    public InvalidRequestException(String message, List<ParameterError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** For a single bad field. */
    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(message, List.of(new ParameterError(field, message)));
    }

    public List<ParameterError> errors() {
        return errors;
    }
}
