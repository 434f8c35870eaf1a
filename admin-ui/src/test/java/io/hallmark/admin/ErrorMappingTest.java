package io.hallmark.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hallmark.core.db.Database;
import io.hallmark.core.db.DatabaseUnavailableException;
import io.hallmark.core.jobs.QueueFullException;
import io.hallmark.core.testing.PostgresExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Statuses that tell the truth, from the real errors PostgreSQL and Jetty raise. */
@ExtendWith(PostgresExtension.class)
class ErrorMappingTest {

    private final Database db;

    ErrorMappingTest(Database db) {
        this.db = db;
    }

    @Test
    void aValueThatPostgresCannotStoreIsA400NotDatabaseUnavailable() throws Exception {
        SQLException nul = sqlError("select ?::jsonb", "{\"stop\":\"\\u0000\"}");
        assertThat(nul.getSQLState()).isEqualTo("22P05"); // untranslatable character

        ApiError error = ErrorMapping.toApiError(new DatabaseUnavailableException("Job queue: " + nul.getMessage(), nul));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.detail()).contains("unsupported Unicode escape sequence").doesNotContain("unavailable");
        assertThat(error.errors()).singleElement().satisfies(f -> assertThat(f).containsKey("field"));
    }

    @Test
    void aConstraintViolationNamesTheColumnPostgresReports() throws Exception {
        SQLException notNull = sqlError("insert into users (id, username, role, created_at, updated_at) "
                + "values (gen_random_uuid(), ?, 'ADMIN', now(), now())", null);
        assertThat(notNull.getSQLState()).isEqualTo("23502");

        ApiError error = ErrorMapping.toApiError(new DatabaseUnavailableException("x", notNull));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.errors().getFirst().get("field")).isEqualTo("username");
    }

    @Test
    void anExhaustedPoolIs503WithRetryAfterNotAValueProblem() {
        // what HikariCP throws after its connection timeout, as DatabaseFaultsTest gets it from a real pool
        var timeout = new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available, request "
                + "timed out after 10000ms (total=2, active=2, idle=0, waiting=0)");
        DatabaseUnavailableException e = new DatabaseUnavailableException("Job queue: " + timeout.getMessage(), timeout);
        ApiError error = ErrorMapping.toApiError(e);
        assertThat(error.status()).isEqualTo(503);
        assertThat(error.type()).isEqualTo("/errors/database-unavailable");
        assertThat(ErrorMapping.retryAfterSeconds(e)).isEqualTo(HttpServer.DATABASE_RETRY_AFTER_SECONDS);
    }

    @Test
    void aFullDiskUnderTheDatabaseMetOutsideThePlatformsWrappersIs503NotA500() {
        // what PostgreSQL answers when a table cannot grow (EmbeddedPostgresDiskFullTest gets it from a real full disk)
        var full = new SQLException("ERROR: could not extend file \"base/16384/1249\": No space left on device",
                "53100");
        assertThat(ErrorMapping.fromCause(new RuntimeException("could not execute statement", full)))
                .hasValueSatisfying(error -> {
                    assertThat(error.status()).isEqualTo(503);
                    assertThat(error.type()).isEqualTo("/errors/database-unavailable");
                });
        assertThat(ErrorMapping.fromCause(new RuntimeException(new java.sql.SQLTransientConnectionException("gone"))))
                .hasValueSatisfying(error -> assertThat(error.status()).isEqualTo(503));
        assertThat(ErrorMapping.fromCause(new RuntimeException(new SQLException("syntax error", "42601")))).isEmpty();
    }

    @Test
    void aDatabaseThatCannotBeReachedStays503WithRetryAfter() {
        SQLException refused = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "x", "x"));
        DatabaseUnavailableException e = new DatabaseUnavailableException("Cannot connect", refused);

        assertThat(ErrorMapping.toApiError(e).status()).isEqualTo(503);
        assertThat(ErrorMapping.retryAfterSeconds(e)).isEqualTo(5);
        assertThat(ErrorMapping.retryAfterSeconds(new QueueFullException("q", 10, java.time.Duration.ofSeconds(7)))).isEqualTo(7);
    }

    @Test
    void whatJettyRefusesWhileReadingIsTheCallersError() {
        assertThat(ErrorMapping.fromCause(new java.io.IOException(new BadMessageException(413, "over"))))
                .hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(413));
        assertThat(ErrorMapping.fromCause(new RuntimeException(new BadMessageException(400, "bad chunk"))))
                .hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(400));
        assertThat(ErrorMapping.fromCause(new java.io.UncheckedIOException(new EofException("early EOF"))))
                .hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(400));
        assertThat(ErrorMapping.fromCause(new IllegalStateException("a defect"))).isEmpty();
    }

    private SQLException sqlError(String sql, @org.jspecify.annotations.Nullable String value) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.execute();
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("PostgreSQL took " + sql);
    }
}
