package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.HallmarkException;
import io.hallmark.core.Platform;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.data.DataDirectoryInUseException;
import io.hallmark.core.data.DataDirectoryOwner;
import io.hallmark.core.db.DatabaseInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
    static final class Status implements Callable<Integer> {

        @Mixin
        PlatformOptions platform;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            HallmarkConfig config = platform.load();
            Map<String, Object> status;
            try (Platform p = Platform.start(config, "command")) {
                status = standalone(p);
            } catch (DataDirectoryInUseException e) {
                Optional<String> url = e.owner().map(DataDirectoryOwner::httpUrl);
                if (url.isEmpty()) {
                    throw e;
                }
                status = throughServer(url.get());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, status);
            } else {
                status.forEach((k, v) -> out.println(k + ": " + v));
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

        private static Map<String, Object> throughServer(String url) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/health"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                JsonNode health = JsonOutput.mapper().readTree(response.body());
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("source", "running server at " + url);
                status.put("database", health.path("database").asText(null));
                status.put("databaseVersion", health.path("databaseVersion").asText(null));
                status.put("schemaVersion", health.path("schemaVersion").asText(null));
                status.put("embedded", health.path("embeddedDatabase").asBoolean());
                status.put("status", health.path("status").asText());
                return status;
            } catch (IOException e) {
                throw new HallmarkException("The data directory is held by a server at " + url
                        + ", which does not answer: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HallmarkException("Interrupted while asking the server at " + url, e);
            }
        }
    }
}
