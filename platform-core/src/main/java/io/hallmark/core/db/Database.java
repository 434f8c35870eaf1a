package io.hallmark.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.hallmark.api.HallmarkException;
import io.hallmark.core.persistence.Entities;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hallmark's PostgreSQL database: a HikariCP pool, the schema owned by Flyway migrations
 * ({@code db/migration} on the class path) and Hibernate ORM mapping the entities in
 * {@link io.hallmark.core.persistence}, validated against the schema at start.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;

    private Database(DatabaseSettings settings, HikariDataSource dataSource, SessionFactory sessionFactory) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
    }

    /**
     * Connects, migrates the schema to the newest version and validates the mapping.
     *
     * @throws DatabaseUnavailableException when the server cannot be reached (the message carries the
     *     masked URL)
     * @throws HallmarkException when a migration fails or the schema does not match the mapping
     */
    public static Database connect(DatabaseSettings settings) {
        HikariDataSource dataSource = pool(settings);
        try {
            migrate(dataSource);
            return new Database(settings, dataSource, sessionFactory(dataSource));
        } catch (RuntimeException e) {
            dataSource.close();
            if (e instanceof FlywayException) {
                throw new HallmarkException("Database schema migration failed on " + settings.maskedUrl() + ": "
                        + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("hallmark-db");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1); // one attempt: a refused connection fails at once
        config.setAutoCommit(true);
        config.addDataSourceProperty("ApplicationName", "hallmark");
        config.addDataSourceProperty("connectTimeout", "10");
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DatabaseUnavailableException("Cannot connect to the database at " + settings.maskedUrl()
                    + " as user '" + settings.user() + "': " + cause.getMessage()
                    + "; check --db-url, --db-user and --db-password, or leave --db-url empty for the embedded "
                    + "PostgreSQL", cause);
        }
    }

    private static void migrate(DataSource dataSource) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("Database schema migrated to version {} ({} migrations)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
    }

    private static SessionFactory sessionFactory(DataSource dataSource) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .applySetting(AvailableSettings.SHOW_SQL, false)
                .applySetting(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .applySetting("hibernate.query.hql.json_functions_enabled", true)
                .applySetting(AvailableSettings.JSON_FORMAT_MAPPER, new StorableJsonFormatMapper())
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            Entities.ALL.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw new HallmarkException("The database schema does not match Hallmark's mapping: " + e.getMessage(), e);
        }
    }

    /** Runs work in one transaction and returns its result; rolls back on any exception. */
    public <T> T inTransaction(Function<Session, T> work) {
        return sessionFactory.fromTransaction(work);
    }

    /** Runs work in one transaction; rolls back on any exception. */
    public void useTransaction(Consumer<Session> work) {
        sessionFactory.inTransaction(work);
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /**
     * Replaces every pooled connection: the idle ones at once, the ones in use when they are returned. Called when the
     * database comes back after an outage, since connections opened before it are dead (their server ended them) and
     * would otherwise fail the next request that borrows one.
     */
    public void renewConnections() {
        var pool = dataSource.getHikariPoolMXBean();
        if (pool != null) {
            pool.softEvictConnections();
        }
    }

    /** The pooled data source, for plain JDBC where it is simpler than the ORM. */
    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** Asks the server for its product, version and schema version; throws when it cannot be reached. */
    public DatabaseInfo info() {
        // one connection, one query: Flyway's own info() takes more connections while the caller holds one, which
        // deadlocks the pool once as many health checks as it has connections run at the same time
        try (Connection c = dataSource.getConnection();
                var q = c.prepareStatement("select version from flyway_schema_history where success and version is "
                        + "not null order by installed_rank desc limit 1");
                var rs = q.executeQuery()) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = rs.next() ? rs.getString(1) : "none";
            return new DatabaseInfo(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(), schema,
                    settings.maskedUrl());
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Database at " + settings.maskedUrl() + " is unavailable: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            dataSource.close();
        }
    }
}
