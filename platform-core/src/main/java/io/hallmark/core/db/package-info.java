/**
 * PostgreSQL access: {@link io.hallmark.core.db.Database} (pool, Flyway migrations, Hibernate) and
 * {@link io.hallmark.core.db.EmbeddedPostgresServer}, the real PostgreSQL the platform runs itself when no
 * external database is configured.
 */
package io.hallmark.core.db;
