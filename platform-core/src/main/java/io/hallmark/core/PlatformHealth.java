package io.hallmark.core;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code GET /api/v1/health} reports.
 *
 * @param status {@code UP} when every subsystem is up, {@code DEGRADED} when one runs with problems (a model the
 *     plugins need is missing) and none is down, otherwise {@code DOWN}
 * @param version the platform version
 * @param database the database product, e.g. {@code PostgreSQL}, or {@code null} when unreachable
 * @param databaseVersion the database server version
 * @param schemaVersion the newest applied schema migration
 * @param embeddedDatabase whether the platform runs its own PostgreSQL
 * @param subsystems each subsystem's state, by name
 */
public record PlatformHealth(
        String status,
        String version,
        @Nullable String database,
        @Nullable String databaseVersion,
        @Nullable String schemaVersion,
        boolean embeddedDatabase,
        Map<String, SubsystemHealth> subsystems) {

    /** Whether the platform serves requests: {@code UP} or {@code DEGRADED} (HTTP 200; {@code DOWN} is 503). */
    public boolean up() {
        return !"DOWN".equals(status);
    }
}
