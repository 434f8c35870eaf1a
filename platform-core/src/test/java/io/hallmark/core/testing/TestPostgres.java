package io.hallmark.core.testing;

import io.hallmark.core.db.DatabaseSettings;
import io.hallmark.core.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL per test JVM, started on first use and stopped when the JVM's tests end.
 * Each test class gets a fresh database in it from {@link #freshDatabase(String)}.
 */
public final class TestPostgres implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final EmbeddedPostgresServer server;
    private final Path clusterDir;

    private TestPostgres(EmbeddedPostgresServer server, Path clusterDir) {
        this.server = server;
        this.clusterDir = clusterDir;
    }

    static TestPostgres start() {
        try {
            Path base = TestPaths.buildDir().resolve("test-postgres");
            Files.createDirectories(base);
            Path cluster = Files.createTempDirectory(base, "cluster-");
            return new TestPostgres(EmbeddedPostgresServer.start(cluster, TestPaths.cacheDir().resolve("postgres-binaries")),
                    cluster);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a folder for the test PostgreSQL", e);
        }
    }

    /** Creates a new, empty database named after {@code label} and returns how to reach it. */
    public DatabaseSettings freshDatabase(String label) {
        String name = ("t" + COUNTER.incrementAndGet() + "_" + label.toLowerCase(Locale.ROOT))
                .replaceAll("[^a-z0-9_]", "_");
        if (name.length() > 60) {
            name = name.substring(0, 60);
        }
        try {
            server.createDatabaseIfMissing(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return new DatabaseSettings(server.jdbcUrl(name), server.user(), null, 4);
    }

    public EmbeddedPostgresServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
        TestPaths.deleteRecursively(clusterDir);
    }
}
