package io.hallmark.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.InvalidRequestException;
import io.hallmark.core.audit.DatabaseAuditLog;
import io.hallmark.core.db.Database;
import io.hallmark.core.testing.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin settings in PostgreSQL: two stores on one database, each with its own plugins folder, stand for two nodes. A
 * change on one is read by the other, settings files of a node are imported (nothing lost, the file renamed), changes
 * are audited without their values, and bad names are refused.
 */
@ExtendWith(PostgresExtension.class)
class PluginConfigStoreTest {

    private final Database db;

    @TempDir
    Path tmp;

    PluginConfigStoreTest(Database db) {
        this.db = db;
    }

    @Test
    void aChangeOnOneNodeIsReadOnTheOther() throws Exception {
        try (DatabaseAuditLog audit = new DatabaseAuditLog(db.dataSource())) {
            PluginConfigStore node1 = new PluginConfigStore(db.dataSource(), audit, Files.createDirectories(tmp.resolve("1")));
            PluginConfigStore node2 = new PluginConfigStore(db.dataSource(), audit, Files.createDirectories(tmp.resolve("2")));
            node1.change("served", Map.of("base-url", "http://gpu-a:8000/v1", "api-key", "s3cret", "model", "m1"),
                    Set.of(), "alice");
            assertThat(node2.settings("served")).containsExactly(Map.entry("api-key", "s3cret"),
                    Map.entry("base-url", "http://gpu-a:8000/v1"), Map.entry("model", "m1"));

            Map<String, String> after = node2.change("served", Map.of("model", "m2"), Set.of("api-key"), "bob");
            assertThat(after).containsExactly(Map.entry("base-url", "http://gpu-a:8000/v1"), Map.entry("model", "m2"));
            assertThat(node1.settings("served")).isEqualTo(after);
            assertThat(node1.settings("other")).isEmpty();

            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select actor, payload::text from audit_events where event_type = "
                            + "'plugin.settings_changed' and subject = 'served' order by seq")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("alice");
                assertThat(rs.getString(2)).contains("api-key").doesNotContain("s3cret");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("bob");
                assertThat(rs.getString(2)).contains("\"unset\"").contains("api-key");
            }
        }
    }

    @Test
    void aNodesSettingsFileIsImportedForEveryNodeAndKept() throws Exception {
        try (DatabaseAuditLog audit = new DatabaseAuditLog(db.dataSource())) {
            Path dir1 = Files.createDirectories(tmp.resolve("p1"));
            Path dir2 = Files.createDirectories(tmp.resolve("p2"));
            Files.writeString(dir1.resolve("imgen.properties"), "# limits\nmax-steps = 40\nmax-count=4\n");
            PluginConfigStore node1 = new PluginConfigStore(db.dataSource(), audit, dir1);
            PluginConfigStore node2 = new PluginConfigStore(db.dataSource(), audit, dir2);

            node1.importFiles(); // at start
            assertThat(node2.settings("imgen")).containsExactly(Map.entry("max-count", "4"), Map.entry("max-steps", "40"));
            assertThat(dir1.resolve("imgen.properties")).doesNotExist();
            assertThat(Files.readString(dir1.resolve("imgen.properties.imported"))).contains("max-steps = 40");

            // a file written later on the other node (the old way to configure) is imported at its next call
            Files.writeString(dir2.resolve("imgen.properties"), "max-steps=60\n");
            assertThat(node2.settings("imgen")).containsExactly(Map.entry("max-count", "4"), Map.entry("max-steps", "60"));
            assertThat(node1.settings("imgen")).containsEntry("max-steps", "60");
            assertThat(dir2.resolve("imgen.properties.imported")).exists();
        }
    }

    @Test
    void badNamesAndValuesAreRefusedAndSecretsMasked() throws Exception {
        try (DatabaseAuditLog audit = new DatabaseAuditLog(db.dataSource())) {
            PluginConfigStore store = new PluginConfigStore(db.dataSource(), audit, tmp);
            assertThatThrownBy(() -> store.change("../etc", Map.of("a", "b"), Set.of(), "x"))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("pluginId");
            assertThatThrownBy(() -> store.change("ok", Map.of("bad key", "b"), Set.of(), "x"))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("bad key");
            assertThatThrownBy(() -> store.change("ok", Map.of("k", "nul\u0000"), Set.of(), "x"))
                    .isInstanceOf(InvalidRequestException.class);
            assertThat(store.settings("ok")).as("nothing written by a refused change").isEmpty();
            assertThat(PluginConfigStore.masked(Map.of("api-key", "s3cret", "Auth-Token", "t", "model", "m",
                    "password", ""))).containsExactly(Map.entry("Auth-Token", "********"),
                    Map.entry("api-key", "********"), Map.entry("model", "m"), Map.entry("password", ""));
        }
    }
}
