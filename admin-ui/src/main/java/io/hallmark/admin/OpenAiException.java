package io.hallmark.admin;

import io.hallmark.api.HallmarkException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An error of the OpenAI-compatible API, answered in OpenAI's error shape ({@link OpenAiErrors}): the HTTP status,
 * OpenAI's error type, a snake_case code, the offending parameter and, for governance refusals, the {@code hallmark}
 * extension with the decision and the content id.
 */
final class OpenAiException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String code;
    private final @Nullable String param;
    private final transient @Nullable Map<String, Object> hallmark;

    OpenAiException(int status, String type, String code, @Nullable String param, String message,
            @Nullable Map<String, Object> hallmark) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.hallmark = hallmark == null ? null : Map.copyOf(hallmark);
    }

    /** A 400 naming a request field. */
    static OpenAiException invalid(String param, String code, String message) {
        return new OpenAiException(400, "invalid_request_error", code, param, message, null);
    }

    /** A parameter of OpenAI's API that Hallmark does not implement, refused by name instead of ignored. */
    static OpenAiException unsupported(String param, String why) {
        return invalid(param, "unsupported_parameter", "Unsupported parameter: '" + param + "' " + why);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String code() {
        return code;
    }

    @Nullable String param() {
        return param;
    }

    @Nullable Map<String, Object> hallmark() {
        return hallmark;
    }
}
