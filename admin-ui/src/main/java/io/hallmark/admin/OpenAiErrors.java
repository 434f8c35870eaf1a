package io.hallmark.admin;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * OpenAI's error object for everything under {@code /v1}: {@code {"error": {message, type, param, code}}} with a
 * snake_case code, plus {@code x-should-retry: false} on every error a retry cannot fix. OpenAI's SDKs retry 408,
 * 409, 429 and 5xx by default; a retried completion would be generated (and governed, and queued for review) again,
 * so only overload (429, 503) is left retriable.
 */
final class OpenAiErrors {

    /** The header OpenAI's SDKs obey before their own retry rules. */
    static final String SHOULD_RETRY = "x-should-retry";

    private OpenAiErrors() {}

    /** Writes an OpenAI-shaped error. */
    static void write(Context ctx, OpenAiException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", e.getMessage());
        error.put("type", e.type());
        error.put("param", e.param());
        error.put("code", e.code());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (e.hallmark() != null) {
            body.put("hallmark", e.hallmark());
        }
        if (!retriable(e.status())) {
            ctx.header(SHOULD_RETRY, "false");
        }
        ctx.status(e.status()).json(body);
    }

    /** The platform's problem document in OpenAI's shape. */
    static void write(Context ctx, ApiError problem) {
        String kind = problem.type().substring(problem.type().lastIndexOf('/') + 1);
        write(ctx, new OpenAiException(problem.status(), type(problem.status()), code(problem.status(), kind),
                problem.errors().isEmpty() ? null : problem.errors().getFirst().get("field"), problem.detail(), null));
    }

    /** Whether a client may retry a response with this status: only overload is worth retrying. */
    static boolean retriable(int status) {
        return status == 429 || status == 503;
    }

    private static String type(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status < 500 ? "invalid_request_error" : "server_error";
        };
    }

    private static String code(int status, String kind) {
        return status == 401 ? "invalid_api_key" : kind.replace('-', '_').toLowerCase(Locale.ROOT);
    }
}
