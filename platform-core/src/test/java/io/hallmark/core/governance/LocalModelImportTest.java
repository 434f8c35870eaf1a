package io.hallmark.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.core.audit.DatabaseAuditLog;
import io.hallmark.core.db.Database;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.governance.artifact.FolderModelStore;
import io.hallmark.governance.artifact.GovernanceArtifact;
import io.hallmark.governance.artifact.Hashes;
import io.hallmark.governance.artifact.ModelStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Governance models kept in nodes' data directories move into the shared database at start: the first node's
 * hand-written model becomes the active version for every node (same bytes, same hash), another node's different
 * file is kept as a stored version without replacing it, and artifacts of the former folder store keep their hashes
 * and their active flag.
 */
@ExtendWith(PostgresExtension.class)
class LocalModelImportTest {

    private final Database db;

    @TempDir
    Path tmp;

    LocalModelImportTest(Database db) {
        this.db = db;
    }

    @Test
    void modelsOfEachNodesDataDirectoryBecomeVersionsEveryNodeSees() throws Exception {
        byte[] safetyA = "{\"heads\":\"node A's\"}".getBytes(StandardCharsets.UTF_8);
        byte[] safetyB = "{\"heads\":\"node B's\"}".getBytes(StandardCharsets.UTF_8);
        Path nodeA = Files.createDirectories(tmp.resolve("a/governance"));
        Path nodeB = Files.createDirectories(tmp.resolve("b/governance"));
        Files.write(nodeA.resolve("safety-model.json"), safetyA);
        Files.write(nodeB.resolve("safety-model.json"), safetyB);
        // node B also kept a command-line trained bias artifact in the former folder store
        FolderModelStore folder = new FolderModelStore(nodeB.resolve("artifacts"));
        GovernanceArtifact bias = GovernanceArtifact.of("bias", "{\"lexicon\":{}}".getBytes(StandardCharsets.UTF_8),
                Map.of("codeVersion", "test"));
        folder.put(bias);
        folder.activate("bias", bias.sha256(), "cli");

        try (DatabaseAuditLog audit = new DatabaseAuditLog(db.dataSource())) {
            DatabaseModelStore shared = new DatabaseModelStore(db.dataSource(), audit);
            List<String> first = LocalModelImport.run(nodeA, shared, "import:node-a");
            assertThat(first).anyMatch(l -> l.startsWith("activated safety"));
            assertThat(shared.activation("safety").orElseThrow().sha256()).isEqualTo(Hashes.sha256(safetyA));
            assertThat(shared.active("safety").orElseThrow().bytes()).isEqualTo(safetyA);

            List<String> second = LocalModelImport.run(nodeB, shared, "import:node-b");
            assertThat(second).contains("stored safety " + Hashes.sha256(safetyB).substring(0, 12))
                    .noneMatch(l -> l.startsWith("activated safety"));
            assertThat(shared.activation("safety").orElseThrow().sha256()).as("the first node's model stays active")
                    .isEqualTo(Hashes.sha256(safetyA));
            assertThat(shared.find(Hashes.sha256(safetyB))).as("node B's file is kept as a version").isPresent();
            assertThat(shared.activation("bias").orElseThrow().sha256()).isEqualTo(bias.sha256());
            assertThat(shared.find(bias.sha256()).orElseThrow().manifest()).containsEntry("codeVersion", "test");

            assertThat(LocalModelImport.run(nodeA, shared, "import:node-a")).as("a restart imports nothing new")
                    .isEmpty();
            assertThat(shared.list()).extracting(ModelStore.Summary::sha256).doesNotHaveDuplicates().hasSize(3);
        }
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select actor, subject from audit_events where event_type = "
                        + "'governance.model.activated' order by seq")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("import:node-a safety");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("import:node-b bias");
            assertThat(rs.next()).isFalse();
        }
    }
}
