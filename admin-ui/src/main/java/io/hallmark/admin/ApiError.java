package io.hallmark.admin;

import java.util.List;
import java.util.Map;

/**
 * The one error shape of the REST API (RFC 9457 problem details): {@code type}, {@code title},
 * {@code status}, {@code detail} and, for invalid input, {@code errors} naming each bad field.
 *
 * @param type a URI-like identifier of the error kind, e.g. {@code /errors/not-found}
 * @param title a short summary of the kind, the same for every occurrence
 * @param status the HTTP status
 * @param detail what went wrong this time and how to fix it
 * @param errors per-field problems, each with {@code field} and {@code message}; empty when not applicable
 */
public record ApiError(String type, String title, int status, String detail, List<Map<String, String>> errors) {

    public ApiError {
        errors = List.copyOf(errors);
    }

    public static ApiError of(int status, String kind, String title, String detail) {
        return new ApiError("/errors/" + kind, title, status, detail, List.of());
    }
}
