/**
 * PostgreSQL access: {@link io.hallmark.core.db.Database} (pool, Flyway migrations, Hibernate) and
 * {@link io.hallmark.core.db.EmbeddedPostgresServer}, the real PostgreSQL the platform runs itself when no
 * external database is configured. {@link io.hallmark.core.db.JsonbText} is the last guard before {@code jsonb}: what
 * PostgreSQL cannot store there (a NUL, an unpaired surrogate) becomes U+FFFD instead of failing the transaction.
 */
package io.hallmark.core.db;
