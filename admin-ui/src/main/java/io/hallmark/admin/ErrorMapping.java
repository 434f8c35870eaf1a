package io.hallmark.admin;

import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.HallmarkException;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.ParameterError;
import io.hallmark.api.signing.PluginSignatureException;
import io.hallmark.core.NotFoundException;
import io.hallmark.core.config.ConfigException;
import io.hallmark.core.security.AccessDeniedException;
import io.hallmark.core.security.AuthenticationException;
import io.hallmark.core.security.ThrottledException;
import io.hallmark.core.db.DatabaseUnavailableException;
import io.hallmark.core.plugin.PluginCallException;
import io.hallmark.core.plugin.PluginInstallException;
import io.hallmark.core.plugin.PluginUnavailableException;
import java.util.Map;

/** Maps the platform's exceptions to HTTP statuses and the one error shape, by what the caller can do. */
final class ErrorMapping {

    private ErrorMapping() {}

    static ApiError toApiError(HallmarkException e) {
        String detail = e.getMessage();
        return switch (e) {
            case InvalidRequestException invalid -> new ApiError("/errors/invalid-request", "Invalid request", 400,
                    detail, invalid.errors().stream().map(ErrorMapping::field).toList());
            case ConfigException c -> ApiError.of(400, "invalid-request", "Invalid request", detail);
            case io.hallmark.core.security.TotpRequiredException t ->
                    ApiError.of(401, "totp-required", "Code required", detail);
            case AuthenticationException a -> ApiError.of(401, "unauthenticated", "Not signed in", detail);
            case io.hallmark.core.security.PasswordChangeRequiredException p ->
                    ApiError.of(403, "password_change_required", "Password change required", detail);
            case AccessDeniedException a -> ApiError.of(403, "forbidden", "Forbidden", detail);
            case ThrottledException t -> ApiError.of(429, "throttled", "Too many attempts", detail);
            case io.hallmark.core.content.ReviewConflictException r -> ApiError.of(409, "conflict", "Conflict", detail);
            case io.hallmark.core.probe.ProbeUnavailableException p ->
                    ApiError.of(409, "probe-unavailable", "Probe unavailable", detail);
            case NotFoundException n -> ApiError.of(404, "not-found", "Not found", detail);
            case io.hallmark.core.jobs.QueueFullException q -> ApiError.of(429, "queue-full", "Queue full", detail);
            case RequestTooLargeException t -> ApiError.of(413, "too-large", "Request too large", detail);
            case PluginSignatureException s -> ApiError.of(422, "plugin-signature", "Plugin signature refused", detail);
            case PluginInstallException i -> ApiError.of(422, "plugin-refused", "Plugin refused", detail);
            case PluginUnavailableException u -> u.notFound()
                    ? ApiError.of(404, "not-found", "Not found", detail)
                    : ApiError.of(409, "plugin-unavailable", "Plugin unavailable", detail);
            case PluginCallException c -> ApiError.of(502, "plugin-failed", "Plugin failed", detail);
            case GenerationCancelledException c -> ApiError.of(409, "cancelled", "Cancelled", detail);
            case GenerationFailedException f when f.retriable() ->
                    ApiError.of(503, "retry-later", "Temporarily unavailable", detail);
            case GenerationFailedException f -> ApiError.of(500, "generation-failed", "Generation failed", detail);
            case DatabaseUnavailableException d -> ApiError.of(503, "database-unavailable", "Database unavailable",
                    "The database cannot be reached; try again shortly");
            default -> ApiError.of(500, "platform-error", "Platform error", detail);
        };
    }

    private static Map<String, String> field(ParameterError error) {
        return Map.of("field", error.field(), "message", error.message());
    }
}
