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
import io.hallmark.core.db.ConnectionLoss;
import io.hallmark.core.db.DatabaseUnavailableException;
import io.hallmark.core.plugin.PluginCallException;
import io.hallmark.core.plugin.PluginInstallException;
import io.hallmark.core.plugin.PluginUnavailableException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.util.PSQLException;

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
            case io.hallmark.core.kb.KnowledgeBaseRebuildingException r ->
                    ApiError.of(503, "kb-rebuilding", "Knowledge base rebuilding", detail);
            case io.hallmark.retrieval.ingest.ScreenUnavailableException s ->
                    ApiError.of(503, "kb-not-screened", "Documents cannot be screened yet", detail);
            case io.hallmark.core.blob.StorageFullException f -> ApiError.of(507, "storage-full", "Storage full", detail);
            case io.hallmark.core.jobs.IdempotencyConflictException i ->
                    ApiError.of(422, "idempotency-conflict", "Idempotency key reused", detail);
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
            case DatabaseUnavailableException d when valueProblem(d).isPresent() -> valueProblem(d).orElseThrow();
            case DatabaseUnavailableException d -> databaseUnavailable();
            default -> ApiError.of(500, "platform-error", "Platform error", detail);
        };
    }

    /**
     * The status for a failure that is not a {@link HallmarkException}: a malformed or over-long request that Jetty
     * refused while the body was read (400, 413), or a value the database refused (400); empty for a defect.
     */
    static Optional<ApiError> fromCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.BadMessageException bad) {
                return Optional.of(bad.getCode() == 413
                        ? ApiError.of(413, "too-large", "Request too large", bad.getReason())
                        : ApiError.of(400, "malformed-request", "Malformed request", "The request could not be read ("
                                + bad.getReason() + "); send a well-formed HTTP request with a complete body"));
            }
            if (t instanceof org.eclipse.jetty.io.EofException) {
                return Optional.of(ApiError.of(400, "malformed-request", "Malformed request", "The request body "
                        + "ended early or its chunked encoding is broken; send the whole body"));
            }
        }
        return valueProblem(e).or(() -> databaseAway(e));
    }

    /**
     * A database that cannot take work now, met outside the platform's own wrappers: the connection was lost, or
     * SQLSTATE class 53, insufficient resources (its disk is full, it is out of memory or connections). A 503 the
     * client may retry, never a 500: nothing is wrong with the request or the platform.
     */
    static Optional<ApiError> databaseAway(Throwable e) {
        boolean away = ConnectionLoss.causedBy(e);
        for (Throwable t = e; t != null && !away; t = t.getCause()) {
            away = t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("53");
        }
        return away ? Optional.of(databaseUnavailable()) : Optional.empty();
    }

    private static ApiError databaseUnavailable() {
        return ApiError.of(503, "database-unavailable", "Database unavailable",
                "The database cannot be reached; try again shortly");
    }

    /**
     * A database error caused by a value of the request (SQLSTATE class 22, data exception, or 23, integrity
     * constraint violation) as a 400 naming the column when PostgreSQL names it; the boundary should have refused
     * the value already, so this is the safety net that keeps it from reading as "database unavailable".
     */
    static Optional<ApiError> valueProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                String column = t instanceof PSQLException p && p.getServerErrorMessage() != null
                        && p.getServerErrorMessage().getColumn() != null ? p.getServerErrorMessage().getColumn() : "value";
                String reason = t instanceof PSQLException p && p.getServerErrorMessage() != null
                        ? p.getServerErrorMessage().getMessage() : "SQLSTATE " + sql.getSQLState();
                String detail = "A value of the request cannot be stored (" + reason + "); correct '" + column + "'";
                return Optional.of(new ApiError("/errors/invalid-request", "Invalid request", 400, detail,
                        List.of(Map.of("field", column, "message", detail))));
            }
        }
        return Optional.empty();
    }

    /** Seconds a client should wait before retrying a 429 or 503, for the {@code Retry-After} header. */
    static long retryAfterSeconds(HallmarkException e) {
        return switch (e) {
            case ThrottledException t -> Math.max(1, t.retryAfter().toSeconds());
            case io.hallmark.core.jobs.QueueFullException q -> Math.max(1, q.retryAfter().toSeconds());
            case DatabaseUnavailableException d -> HttpServer.DATABASE_RETRY_AFTER_SECONDS;
            case io.hallmark.retrieval.ingest.ScreenUnavailableException s -> 30;
            default -> 10;
        };
    }

    private static Map<String, String> field(ParameterError error) {
        return Map.of("field", error.field(), "message", error.message());
    }
}
