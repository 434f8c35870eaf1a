package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.core.db.Database;
import io.hallmark.core.testing.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify-export --trusted-checkpoint}: a new bundle must extend the checkpoint the auditor kept from before. */
@ExtendWith(PostgresExtension.class)
class TrustedExportTest {

    private final Database db;
    private AuditTrail trail;

    TrustedExportTest(Database db) {
        this.db = db;
    }

    @BeforeEach
    void tenEvents() throws SQLException {
        AuditTestSupport.reset(db.dataSource());
        trail = AuditTrail.open(db.dataSource(), TestKeys.key(), AuditSettings.defaults(), Clock.systemUTC());
        append(10);
    }

    @AfterEach
    void close() {
        trail.close();
    }

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            trail.log().append("alice", "governance.decided", "item-" + i, Map.of("decision", "APPROVE", "i", i));
        }
    }

    private AuditExporter.Request request(Path out, List<String> held) {
        Instant now = Instant.now();
        return new AuditExporter.Request(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), null, null, out,
                "auditor", held);
    }

    @Test
    void aLaterBundleProvesItExtendsTheCheckpointKeptFromAnEarlierOne(@TempDir Path dir) throws Exception {
        Path first = trail.exporter().export(request(dir.resolve("first"), List.of())).dir();
        String kept = Files.readString(first.resolve("checkpoint.txt"));
        append(7);

        Path second = trail.exporter().export(request(dir.resolve("second"), List.of(kept))).dir();

        ExportVerifier.Result result = ExportVerifier.verify(second, TestKeys.key().verifierKey(), List.of(kept));
        assertThat(result.problems()).isEmpty();
        assertThat(Files.readString(second.resolve("consistency-proofs.jsonl"))).contains("\"fromSize\":" + 11);
        // the earlier bundle is older than what the auditor now holds from the later one
        String newer = Files.readString(second.resolve("checkpoint.txt"));
        assertThat(ExportVerifier.verify(first, TestKeys.key().verifierKey(), List.of(newer)).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("rolled back"));
    }

    @Test
    void aBundleWithoutAProofFromTheKeptCheckpointOrWithAForgedOneIsRejected(@TempDir Path dir) throws Exception {
        String kept = Files.readString(trail.exporter().export(request(dir.resolve("first"), List.of())).dir()
                .resolve("checkpoint.txt"));
        append(5);
        trail.checkpoints().create(); // the bundle's own consistency.json starts here, after the kept one
        append(2);
        Path without = trail.exporter().export(request(dir.resolve("without"), List.of())).dir();
        assertThat(ExportVerifier.verify(without, TestKeys.key().verifierKey(), List.of(kept)).problems())
                .anySatisfy(p -> assertThat(p.message()).contains("no consistency proof from it"));

        Path with = trail.exporter().export(request(dir.resolve("with"), List.of(kept))).dir();
        Path proofs = with.resolve("consistency-proofs.jsonl");
        String line = Files.readString(proofs);
        int at = line.indexOf("\"path\":[\"") + 9;
        Files.writeString(proofs, line.substring(0, at) + (line.charAt(at) == '0' ? '1' : '0') + line.substring(at + 1));

        ExportVerifier.Result result = ExportVerifier.verify(with, TestKeys.key().verifierKey(), List.of(kept));
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.item()).startsWith("trusted checkpoint (size 11");
            assertThat(p.message()).contains("does not extend it");
        });
    }

    @Test
    void theExporterRefusesToProveConsistencyFromACheckpointTheRewrittenLogNoLongerExtends(@TempDir Path dir)
            throws Exception {
        String kept = Files.readString(trail.exporter().export(request(dir.resolve("first"), List.of())).dir()
                .resolve("checkpoint.txt"));
        // roll back: the newest three events go, the head is fixed, every checkpoint that showed them is deleted
        AuditTestSupport.tamper(db.dataSource(), "delete from audit_events where seq > 8",
                "delete from audit_checkpoints where tree_size > 8");
        CompactRange tree = CompactRange.empty();
        try (var c = db.dataSource().getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("select leaf_hash from audit_events order by seq")) {
            while (rs.next()) {
                tree.append(Hashes.fromHex(rs.getString(1)));
            }
        }
        try (var c = db.dataSource().getConnection();
                var ps = c.prepareStatement("update audit_head set tree_size = ?, frontier = ? where id = 1")) {
            ps.setLong(1, tree.size());
            ps.setBytes(2, tree.peaksBytes());
            ps.executeUpdate();
        }

        assertThatThrownBy(() -> trail.exporter().export(request(dir.resolve("second"), List.of(kept))))
                .hasMessageContaining("does not extend the checkpoint of size 11");
    }
}
