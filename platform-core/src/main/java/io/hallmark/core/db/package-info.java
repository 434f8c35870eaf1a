/**
 * PostgreSQL access: {@link io.hallmark.core.db.Database} (pool, Flyway migrations, Hibernate) and
 * {@link io.hallmark.core.db.EmbeddedPostgresServer}, the real PostgreSQL the platform runs itself when no
 * external database is configured. The embedded server is a supervised child: a
 * {@link io.hallmark.core.db.PostgresSupervisor} restarts it when it dies, and a watchdog process stops it when the
 * platform process ends. {@link io.hallmark.core.db.DatabaseMonitor} knows at every moment whether the database
 * (embedded or external) answers, and {@link io.hallmark.core.db.ConnectionLoss} tells a lost connection from a
 * failure of the work itself.
 * {@link io.hallmark.core.db.JsonbText} is the last guard before {@code jsonb}: what PostgreSQL cannot store there
 * (a NUL, an unpaired surrogate) becomes U+FFFD instead of failing the transaction.
 */
package io.hallmark.core.db;
