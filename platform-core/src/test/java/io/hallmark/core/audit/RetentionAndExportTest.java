package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.Modality;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.Decision;
import io.hallmark.core.persistence.GovernanceReport;
import io.hallmark.core.persistence.Policy;
import io.hallmark.core.persistence.PolicyFormat;
import io.hallmark.core.testing.PostgresExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class RetentionAndExportTest {

    private static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");

    private final Database db;
    private final AuditTestSupport.MutableClock clock = new AuditTestSupport.MutableClock(T0);
    private AuditTrail trail;

    RetentionAndExportTest(Database db) {
        this.db = db;
    }

    @BeforeEach
    void eventsOnThreeDays() throws SQLException {
        AuditTestSupport.reset(db.dataSource());
        trail = AuditTrail.open(db.dataSource(), TestKeys.key(), AuditSettings.defaults(), clock);
        for (int day = 0; day < 3; day++) {
            clock.now = T0.plus(Duration.ofDays(day));
            for (int i = 0; i < 4; i++) {
                trail.log().append("alice", "governance.decided", "item-" + day + "-" + i, Map.of(
                        "decision", i % 2 == 0 ? "APPROVE" : "REJECT", "pluginId", i < 3 ? "text-generator" : "code",
                        "policyVersion", 3));
            }
        }
        trail.checkpoints().create();
        clock.now = T0.plus(Duration.ofDays(3));
        trail.log().append("bob", "plugin.enabled", "code", Map.of("version", "1.2.0"));
    }

    @AfterEach
    void close() {
        trail.close();
    }

    @Test
    void retentionRemovesExpiredPayloadsKeepsTheTreeAndRecordsTheRun() throws SQLException {
        String rootBefore = trail.verifier().verify(null).rootHash();
        // 183 days after the second day: the first two days expire
        Instant now = T0.plus(Duration.ofDays(1 + 183)).plusSeconds(60);
        clock.now = now;

        AuditRetention.Result result = trail.retention().apply(now, "system");

        assertThat(result.eventsRemoved()).isEqualTo(8);
        assertThat(result.firstSeq()).isEqualTo(1);
        assertThat(result.lastSeq()).isEqualTo(8);
        assertThat(AuditTestSupport.count(db.dataSource(),
                "select count(*) from audit_events where payload = '{}'::jsonb and payload_removed_at is not null"))
                .isEqualTo(8);
        assertThat(AuditTestSupport.count(db.dataSource(), "select count(*) from audit_retention_runs")).isEqualTo(1);
        assertThat(AuditTestSupport.count(db.dataSource(),
                "select count(*) from audit_events where event_type = 'audit.retention.applied'")).isEqualTo(1);
        AuditVerifier.Report after = trail.verifier().verify(null);
        assertThat(after.divergences()).isEmpty();
        assertThat(after.payloadsChecked()).isEqualTo(after.events() - 8);
        // the first 14 leaves (12 events, the key registration, one more event), and so every old root and
        // proof, are unchanged
        try (var c = db.dataSource().getConnection()) {
            assertThat(Hashes.hex(MerkleTree.ofFlatLeafHashes(AuditExporter.leafHashes(c, 14)).root()))
                    .isEqualTo(rootBefore);
        }
        // a second run finds nothing more to remove
        assertThat(trail.retention().apply(now, "system").eventsRemoved()).isZero();
    }

    @Test
    void theServersScheduledRetentionRunsOnOneNodeAtATime() throws SQLException {
        clock.now = T0.plus(Duration.ofDays(1 + 183)).plusSeconds(60);
        try (var otherNode = db.dataSource().getConnection();
                var lock = otherNode.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, RetentionScheduler.LOCK_KEY);
            lock.execute();
            assertThat(trail.retentionScheduler().runOnce()).as("skipped while another node runs it").isNull();
            try (var unlock = otherNode.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, RetentionScheduler.LOCK_KEY);
                unlock.execute();
            }
        }
        AuditRetention.Result result = trail.retentionScheduler().runOnce();

        assertThat(result).isNotNull();
        assertThat(result.eventsRemoved()).isEqualTo(8);
        assertThat(trail.retentionScheduler().runOnce().eventsRemoved()).isZero();
        assertThat(trail.verifier().verify(null).divergences()).isEmpty();
    }

    @Test
    void retentionRefusesToRunOnATamperedTrailAndAPayloadRemovedBehindItsBackIsReported() throws SQLException {
        AuditTestSupport.tamper(db.dataSource(), "update audit_events set payload = '{}'::jsonb, "
                + "payload_removed_at = now() where seq = 2");

        assertThat(trail.verifier().verify(null).firstDivergence().orElseThrow().kind())
                .isEqualTo(AuditVerifier.Kind.PAYLOAD_REMOVED_WITHOUT_RETENTION);
        assertThatThrownBy(() -> trail.retention().apply(T0.plus(Duration.ofDays(400)), "system"))
                .hasMessageContaining("Retention refused").hasMessageContaining("seq 2");
    }

    @Test
    void anExportVerifiesOfflineWithAProofForEveryEvent(@TempDir Path out) throws Exception {
        seedItems();
        // the safety model that judged an item is a stored governance artifact: its manifest travels with the bundle
        AuditTestSupport.tamper(db.dataSource(), "insert into governance_model (sha256, kind, bytes, manifest, "
                + "created_at) values ('" + "5".repeat(64) + "', 'safety', '\\x7b7d', '{\"trainingDataHash\": \""
                + "d".repeat(64) + "\", \"codeVersion\": \"0.1.0\"}', now())");
        AuditExporter.Result result = trail.exporter().export(new AuditExporter.Request(T0,
                T0.plus(Duration.ofDays(2)), null, null, out.resolve("bundle"), "auditor"));

        assertThat(result.events()).isEqualTo(8);
        assertThat(result.items()).isEqualTo(2);
        assertThat(result.policies()).isEqualTo(1);
        Path dir = result.dir();
        assertThat(dir.resolve("events.jsonl")).exists();
        assertThat(Files.readString(dir.resolve("summary.html"))).contains("<svg").contains("governance.decided")
                .contains("Governance decisions per day").contains("APPROVE: 1");
        assertThat(Files.readString(dir.resolve("index.json"))).contains("Art. 12").contains("A.6.2.8")
                .contains("Art. 50(2)");
        assertThat(Files.readString(dir.resolve("items.jsonl"))).contains("\"inputSha256\"").contains("APPROVE")
                .contains("\"judgedBy\"").contains("lucene-v7");
        assertThat(Files.readAllLines(dir.resolve("models.jsonl"))).hasSize(3).anySatisfy(m -> assertThat(m)
                .contains("\"name\":\"safety\"").contains("5".repeat(64)).contains("\"kind\":\"safety\"")
                .contains("\"artifactBytes\":2").contains("\"trainingDataHash\":\"" + "d".repeat(64)))
                .anySatisfy(m -> assertThat(m).contains("generator:stories260k"));
        assertThat(dir.resolve("consistency.json")).exists();

        ExportVerifier.Result verified = ExportVerifier.verify(dir, TestKeys.key().verifierKey());
        assertThat(verified.problems()).isEmpty();
        assertThat(verified.ok()).isTrue();
        assertThat(verified.proofsVerified()).isEqualTo(8);
        // the export itself is on the record
        assertThat(AuditTestSupport.count(db.dataSource(),
                "select count(*) from audit_events where event_type = 'audit.exported'")).isEqualTo(1);
    }

    @Test
    void aDecisionWhoseModelHasNoManifestInTheBundleIsNamed(@TempDir Path out) throws Exception {
        ContentItem judged = new ContentItem(Modality.TEXT, "Judged by a model");
        judged.setJudgedBy(Map.of("models", Map.of("safety", "5".repeat(64)), "policy", "default"));
        db.useTransaction(s -> s.persist(judged));
        // after the range the other exports here count items in
        AuditTestSupport.tamper(db.dataSource(), "update content_items set created_at = '"
                + T0.plus(Duration.ofDays(3)) + "' where id = '" + judged.id() + "'");
        Path dir = trail.exporter().export(new AuditExporter.Request(T0, T0.plus(Duration.ofDays(9)), null, null,
                out.resolve("bundle"), "auditor")).dir();
        Path models = dir.resolve("models.jsonl");
        Files.write(models, Files.readAllLines(models).stream().filter(l -> !l.contains("\"name\":\"safety\""))
                .toList(), StandardCharsets.UTF_8);

        ExportVerifier.Result result = ExportVerifier.verify(dir, TestKeys.key().verifierKey());

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.item()).startsWith("items.jsonl line ");
            assertThat(p.message()).contains("model safety with SHA-256 " + "5".repeat(64))
                    .contains("no manifest in models.jsonl");
        });
    }

    @Test
    void exportFiltersByDecisionAndPlugin(@TempDir Path out) {
        AuditExporter.Result approved = trail.exporter().export(new AuditExporter.Request(T0, T0.plus(Duration.ofDays(9)),
                "APPROVE", null, out.resolve("a"), "auditor"));
        AuditExporter.Result code = trail.exporter().export(new AuditExporter.Request(T0, T0.plus(Duration.ofDays(9)),
                null, "code", out.resolve("b"), "auditor"));

        assertThat(approved.events()).isEqualTo(6);
        assertThat(code.events()).isEqualTo(4);
        assertThat(ExportVerifier.verify(approved.dir(), null).ok()).isTrue();
        assertThat(ExportVerifier.verify(code.dir(), null).ok()).isTrue();
    }

    @Test
    void aTamperedExportIsRejectedNamingTheFailingItem(@TempDir Path out) throws Exception {
        Path dir = trail.exporter().export(new AuditExporter.Request(T0, T0.plus(Duration.ofDays(9)), null, null,
                out.resolve("bundle"), "auditor")).dir();
        Path events = dir.resolve("events.jsonl");
        List<String> lines = Files.readAllLines(events);
        lines.set(2, lines.get(2).replace("\"REJECT\"", "\"APPROVE\"").replace("\"APPROVE\"", "\"REJECT\""));
        Files.write(events, lines, StandardCharsets.UTF_8);

        ExportVerifier.Result result = ExportVerifier.verify(dir, TestKeys.key().verifierKey());

        assertThat(result.ok()).isFalse();
        assertThat(result.problems().getFirst().item()).isEqualTo("events.jsonl line 3 (seq 3)");
        assertThat(result.problems().getFirst().message()).contains("payload was changed");
        assertThat(result.problems()).extracting(ExportVerifier.Problem::item).contains("events.jsonl");
    }

    @Test
    void anExportWithAReplacedKeyOrAForgedProofIsRejected(@TempDir Path out, @TempDir Path otherKeys) throws Exception {
        Path dir = trail.exporter().export(new AuditExporter.Request(T0, T0.plus(Duration.ofDays(9)), null, null,
                out.resolve("bundle"), "auditor")).dir();
        PlatformKey stranger = PlatformKey.loadOrCreate(otherKeys);
        assertThat(ExportVerifier.verify(dir, stranger.verifierKey()).problems()).extracting(ExportVerifier.Problem::item)
                .contains("platform.vkey", "bundle.json", "checkpoint.txt");

        Path proofs = dir.resolve("proofs.jsonl");
        List<String> lines = Files.readAllLines(proofs);
        String line = lines.get(4);
        int at = line.indexOf("\"path\":[\"") + 9;
        char c = line.charAt(at);
        lines.set(4, line.substring(0, at) + (c == '0' ? '1' : '0') + line.substring(at + 1));
        Files.write(proofs, lines, StandardCharsets.UTF_8);

        ExportVerifier.Result result = ExportVerifier.verify(dir, null);
        assertThat(result.problems().getFirst().item()).isEqualTo("events.jsonl line 5 (seq 5)");
        assertThat(result.problems().getFirst().message()).contains("inclusion proof");
    }

    private void seedItems() {
        Policy policy = new Policy("default", 1, PolicyFormat.YAML, "rules: []\n", "admin");
        ContentItem a = new ContentItem(Modality.TEXT, "Tell me about lighthouses");
        a.setPlugin("text-generator", "1.0.0");
        a.setModel("stories260k", "b".repeat(64));
        a.setJudgedBy(Map.of("models", Map.of("safety", "5".repeat(64), "embedder:all-minilm-l6-v2", "e".repeat(64)),
                "policy", "default", "policySha256", "c".repeat(64), "knowledgeBase", "default",
                "knowledgeBaseSnapshot", "lucene-v7"));
        ContentItem b = new ContentItem(Modality.TEXT, "Another");
        b.setPlugin("text-generator", "1.0.0");
        db.useTransaction(s -> {
            s.persist(policy);
            s.persist(a);
            s.persist(b);
        });
        db.useTransaction(s -> {
            GovernanceReport r = new GovernanceReport(a.id(), Map.of("claims", List.of(Map.of("text", "x",
                    "verdict", "SUPPORTED", "evidence", List.of("doc-1#3")))));
            r.decide(Decision.APPROVE, policy.id(), policy.bodySha256());
            s.persist(r);
        });
        // created "now" by the entities: move them into the exported range
        try {
            AuditTestSupport.tamper(db.dataSource(), "update content_items set created_at = '" + T0.plusSeconds(3600) + "'",
                    "update policies set created_at = '" + T0.minusSeconds(3600) + "'");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
