package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.HallmarkException;
import io.hallmark.core.Platform;
import io.hallmark.core.db.DatabaseInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hallmark db status}: the database behind a data directory, its schema version and row counts. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Inspect the platform's database.",
        subcommands = DbCommand.Status.class)
final class DbCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; valid: status");
    }

    /** The tables whose row counts {@code db status} shows. */
    static final List<String> TABLES = List.of("content_items", "generation_jobs", "governance_reports",
            "audit_events", "plugin_records", "policies", "users");

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show the database product, version, schema version and row counts. Works on a "
                    + "stopped data directory (starting its embedded PostgreSQL) or through a running server.")
    static final class Status extends PlatformCommand {

        @Override
        public Integer call() {
            JsonNode status = access(Status::standalone, Status::throughServer);
            if (json) {
                JsonOutput.print(out(), status);
            } else {
                status.fields().forEachRemaining(f -> out().println(f.getKey() + ": "
                        + (f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString())));
            }
            return 0;
        }

        private static Map<String, Object> standalone(Platform platform) {
            DatabaseInfo info = platform.database().info();
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("source", "data directory " + platform.config().dataDir());
            status.put("database", info.product());
            status.put("databaseVersion", info.version());
            status.put("schemaVersion", info.schemaVersion());
            status.put("url", info.url());
            status.put("embedded", platform.config().embeddedDatabase());
            Map<String, Long> counts = new LinkedHashMap<>();
            try (Connection c = platform.database().dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String table : TABLES) {
                    try (ResultSet rs = s.executeQuery("select count(*) from " + table)) { // fixed names above
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new HallmarkException("Cannot count rows: " + e.getMessage(), e);
            }
            status.put("rows", counts);
            return status;
        }

        private static JsonNode throughServer(PlatformAccess.Server server) {
            JsonNode health = server.get("/api/v1/health");
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("source", "running server at " + server.url());
            status.put("database", health.path("database").asText(null));
            status.put("databaseVersion", health.path("databaseVersion").asText(null));
            status.put("schemaVersion", health.path("schemaVersion").asText(null));
            status.put("embedded", health.path("embeddedDatabase").asBoolean());
            status.put("status", health.path("status").asText());
            return JsonOutput.mapper().valueToTree(status);
        }
    }
}
