package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.core.db.Database;
import io.hallmark.core.testing.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacker of the threat model: a database superuser (triggers switched off where the attacker would) who does
 * not hold the platform key. Each case changes the real embedded PostgreSQL directly, and the verifier, holding the
 * checkpoints a {@link DirectorySink} received before the change, detects and locates it. Where the database alone
 * cannot tell (the evidence was deleted with the change), the case also shows that verification without held
 * checkpoints passes, which is why checkpoints must leave the database.
 *
 * <p>The log: events 1-20, the key registration (21), checkpoint A (size 21); events 22-41, checkpoint B (41);
 * events 42-61, checkpoint C (61). The sink holds A, B and C.
 */
@ExtendWith(PostgresExtension.class)
class TamperMatrixTest {

    private final Database db;
    private AuditTrail trail;
    private Path sink;

    TamperMatrixTest(Database db) {
        this.db = db;
    }

    @BeforeEach
    void threeCheckpointsPublishedToASink(@TempDir Path dir) throws Exception {
        AuditTestSupport.reset(db.dataSource());
        sink = dir.resolve("sink");
        trail = AuditTrail.open(db.dataSource(), TestKeys.key(), AuditSettings.defaults(), Clock.systemUTC(),
                new CheckpointPublisher(sinks(sink)));
        for (int block = 0; block < 3; block++) {
            List<DatabaseAuditLog.NewEvent> events = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                events.add(new DatabaseAuditLog.NewEvent("alice", "governance.decided", "item-" + block + "-" + i,
                        Map.of("decision", i % 3 == 0 ? "REJECT" : "APPROVE", "i", i)));
            }
            trail.log().appendAll(events);
            trail.checkpoints().create();
        }
        assertThat(trail.checkpoints().all()).extracting(s -> s.checkpoint().treeSize()).containsExactly(21L, 41L, 61L);
    }

    @AfterEach
    void close() {
        trail.close();
    }

    /** The sinks the trail publishes to; {@code S3TamperMatrixTest} adds an S3 bucket. */
    List<CheckpointSink> sinks(Path directorySink) throws Exception {
        return List.of(new DirectorySink(directorySink));
    }

    /** The checkpoints the auditor holds: what the directory sink received; {@code S3TamperMatrixTest}: the bucket. */
    List<String> held() throws Exception {
        return HeldCheckpoints.read(sink);
    }

    private AuditVerifier.Report verifyHolding() throws Exception {
        return trail.verifier().verify(null, held());
    }

    @Test
    void theUntouchedLogExtendsEveryHeldCheckpoint() throws Exception {
        assertThat(held()).hasSize(3);
        AuditVerifier.Report report = verifyHolding();

        assertThat(report.divergences()).isEmpty();
        assertThat(report.heldTreeSize()).isEqualTo(61);
        assertThat(Files.readString(sink.resolve(DirectorySink.LATEST))).contains("\n61\n");
    }

    // --- the cases the database alone did not catch ---

    @Test
    void deletingTheNewestCheckpointIsReported() throws Exception {
        AuditTestSupport.tamper(db.dataSource(), "delete from audit_checkpoints where tree_size = 61");
        assertThat(trail.verifier().verify(null).ok()).as("the database alone cannot tell").isTrue();

        AuditVerifier.Report report = verifyHolding();

        assertThat(report.ok()).isFalse();
        AuditVerifier.Divergence d = only(report, AuditVerifier.Kind.CHECKPOINT_DELETED);
        assertThat(d.seq()).isEqualTo(61);
        assertThat(d.message()).contains("size 61").contains("not in the database");
    }

    @Test
    void anEventRewrittenWithItsHashesAndHeadWhoseCheckpointWasDeletedIsLocatedToTheHeldRange() throws Exception {
        rewriteWithHashes(50, Map.of("decision", "APPROVE", "i", 9));
        AuditTestSupport.tamper(db.dataSource(), "delete from audit_checkpoints where tree_size = 61");
        assertThat(trail.verifier().verify(null).ok()).as("the database alone cannot tell").isTrue();

        AuditVerifier.Report report = verifyHolding();

        AuditVerifier.Divergence first = report.firstDivergence().orElseThrow();
        assertThat(first.kind()).isEqualTo(AuditVerifier.Kind.HELD_CHECKPOINT_MISMATCH);
        assertThat(first.seq()).as("after checkpoint B, which still matches").isEqualTo(42);
        assertThat(first.lastSeq()).isEqualTo(61);
        assertThat(first.message()).contains("between seq 42 and 61");
        assertThat(report.divergences()).extracting(AuditVerifier.Divergence::kind)
                .contains(AuditVerifier.Kind.CHECKPOINT_DELETED);
    }

    @Test
    void deletingTheNewestTwentyEventsFixingTheHeadAndDeletingTheirCheckpointIsARollback() throws Exception {
        AuditTestSupport.tamper(db.dataSource(), "delete from audit_events where seq > 41",
                "delete from audit_checkpoints where tree_size = 61");
        recomputeHead();
        assertThat(trail.verifier().verify(null).ok()).as("the database alone cannot tell").isTrue();

        AuditVerifier.Report report = verifyHolding();

        AuditVerifier.Divergence first = report.firstDivergence().orElseThrow();
        assertThat(first.kind()).isEqualTo(AuditVerifier.Kind.ROLLBACK);
        assertThat(first.seq()).isEqualTo(42);
        assertThat(first.lastSeq()).isEqualTo(61);
        assertThat(first.message()).contains("events seq 42 to 61 were removed");
    }

    @Test
    void aRewrittenTailOfTheSameLengthIsAFork() throws Exception {
        AuditTestSupport.tamper(db.dataSource(), "delete from audit_events where seq > 56",
                "delete from audit_checkpoints where tree_size = 61");
        recomputeHead();
        for (int i = 0; i < 5; i++) {
            trail.log().append("mallory", "governance.decided", "item-forged-" + i, Map.of("decision", "APPROVE"));
        }
        assertThat(trail.verifier().verify(null).ok()).as("the database alone cannot tell").isTrue();

        AuditVerifier.Divergence first = verifyHolding().firstDivergence().orElseThrow();

        assertThat(first.kind()).isEqualTo(AuditVerifier.Kind.HELD_CHECKPOINT_MISMATCH);
        assertThat(first.seq()).isEqualTo(42);
        assertThat(first.lastSeq()).isEqualTo(61);
    }

    @Test
    void anEventRewrittenBelowEveryCheckpointWithAllCheckpointsDeletedIsLocatedToTheFirstHeldOne() throws Exception {
        rewriteWithHashes(10, Map.of("decision", "REJECT", "i", 10));
        AuditTestSupport.tamper(db.dataSource(), "delete from audit_checkpoints");
        assertThat(trail.verifier().verify(null).ok()).as("the database alone cannot tell").isTrue();

        AuditVerifier.Report report = verifyHolding();

        AuditVerifier.Divergence first = report.firstDivergence().orElseThrow();
        assertThat(first.kind()).isEqualTo(AuditVerifier.Kind.HELD_CHECKPOINT_MISMATCH);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.lastSeq()).isEqualTo(21);
        assertThat(report.divergences()).filteredOn(d -> d.kind() == AuditVerifier.Kind.CHECKPOINT_DELETED).hasSize(3);
    }

    @Test
    void aPayloadBlankedUnderAForgedRetentionSettingAndAFakeRunRowIsReported() throws Exception {
        // no superuser: the application role's ordinary rights, the append-only trigger on
        long checkpointB;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local hallmark.audit_retention = on");
                s.executeUpdate("update audit_events set payload = '{}'::jsonb, payload_removed_at = now() where seq = 30");
                try (ResultSet rs = s.executeQuery("select id from audit_checkpoints where tree_size = 41")) {
                    rs.next();
                    checkpointB = rs.getLong(1);
                }
                s.executeUpdate("insert into audit_retention_runs (run_at, cutoff, retention_days, first_seq, last_seq, "
                        + "events_removed, checkpoint_id, tree_size, root_hash, actor) values (now(), now() + interval "
                        + "'1 day', 183, 30, 30, 1, " + checkpointB + ", 41, '" + "0".repeat(64) + "', 'system')");
            }
            c.commit();
        }

        AuditVerifier.Report report = trail.verifier().verify(null);

        AuditVerifier.Divergence first = report.firstDivergence().orElseThrow();
        assertThat(first.kind()).isEqualTo(AuditVerifier.Kind.PAYLOAD_REMOVED_WITHOUT_RETENTION);
        assertThat(first.seq()).isEqualTo(30);
        assertThat(first.message()).contains("no signed retention event covers it");
    }

    @Test
    void aRetentionEventAppendedWithoutThePlatformKeyIsRejectedAndCoversNothing(@TempDir Path otherKeys)
            throws Exception {
        blankAsRetentionWould(30);
        // the attacker appends a retention event through the ordinary path: unsigned, then signed by a key of its own
        Map<String, Object> unsigned = new LinkedHashMap<>();
        unsigned.put("cutoff", Instant.now().plus(Duration.ofDays(1)).toString());
        unsigned.put("retentionDays", 183);
        unsigned.put("ranges", List.of(List.of(30, 30)));
        unsigned.put("eventsRemoved", 1);
        long unsignedSeq = trail.log().append("system", RetentionEvent.TYPE, null, unsigned).seq();
        PlatformKey stranger = PlatformKey.loadOrCreate(otherKeys);
        RetentionEvent forged = new RetentionEvent(Instant.parse("2020-01-01T00:00:00Z"), 183,
                List.of(new long[] {30, 30}), 1);
        long strangerSeq = trail.log().append("system", RetentionEvent.TYPE, null,
                forged.signedPayload(stranger, Map.of())).seq();

        AuditVerifier.Report report = trail.verifier().verify(null);

        assertThat(report.divergences()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(AuditVerifier.Kind.RETENTION_EVENT_INVALID);
            assertThat(d.seq()).isEqualTo(unsignedSeq);
            assertThat(d.message()).contains("no platform signature");
        }).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(AuditVerifier.Kind.RETENTION_EVENT_INVALID);
            assertThat(d.seq()).isEqualTo(strangerSeq);
            assertThat(d.message()).contains("not a trusted platform key");
        }).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(AuditVerifier.Kind.PAYLOAD_REMOVED_WITHOUT_RETENTION);
            assertThat(d.seq()).isEqualTo(30);
        });
    }

    @Test
    void aSignedRetentionEventBelowTheLegalMinimumOrWithACutoffAfterItsTimeIsRejected() throws Exception {
        blankAsRetentionWould(30);
        // even whoever holds the platform key cannot shorten retention below 183 days or date a cutoff ahead
        long shortSeq = trail.log().append("system", RetentionEvent.TYPE, null, new RetentionEvent(
                Instant.now().minus(Duration.ofDays(30)), 30, List.of(new long[] {30, 30}), 1)
                .signedPayload(TestKeys.key(), Map.of())).seq();
        long aheadSeq = trail.log().append("system", RetentionEvent.TYPE, null, new RetentionEvent(
                Instant.now().plus(Duration.ofDays(1)), 183, List.of(new long[] {30, 30}), 1)
                .signedPayload(TestKeys.key(), Map.of())).seq();

        AuditVerifier.Report report = trail.verifier().verify(null);

        assertThat(report.divergences()).anySatisfy(d -> {
            assertThat(d.seq()).isEqualTo(shortSeq);
            assertThat(d.message()).contains("30 days, below the legal minimum of 183");
        }).anySatisfy(d -> {
            assertThat(d.seq()).isEqualTo(aheadSeq);
            assertThat(d.message()).contains("is later than its own time");
        }).anySatisfy(d -> assertThat(d.kind()).isEqualTo(AuditVerifier.Kind.PAYLOAD_REMOVED_WITHOUT_RETENTION));
    }

    // --- the cases the database alone already caught, still caught and located with held checkpoints ---

    @Test
    void theAlreadyDetectedCasesStayDetectedAndLocated() throws Exception {
        record Case(String name, String[] sql, AuditVerifier.Kind kind, Long seq) {}
        List<Case> cases = List.of(
                new Case("payload edited", new String[] {"update audit_events set payload = "
                        + "jsonb_set(payload, '{decision}', '\"EDITED\"') where seq = 33"},
                        AuditVerifier.Kind.PAYLOAD_CHANGED, 33L),
                new Case("actor edited", new String[] {"update audit_events set actor = 'mallory' where seq = 4"},
                        AuditVerifier.Kind.EVENT_CHANGED, 4L),
                new Case("row deleted", new String[] {"delete from audit_events where seq = 7"},
                        AuditVerifier.Kind.SEQUENCE_GAP, 7L),
                new Case("rows swapped", new String[] {"update audit_events set seq = 1000000 where seq = 45",
                        "update audit_events set seq = 45 where seq = 46", "update audit_events set seq = 46 where seq = 1000000"},
                        AuditVerifier.Kind.EVENT_CHANGED, 45L),
                new Case("newest rows deleted, head left", new String[] {"delete from audit_events where seq > 58"},
                        AuditVerifier.Kind.ROLLBACK, 59L),
                new Case("payload removed outside retention", new String[] {"update audit_events set payload = '{}'::jsonb, "
                        + "payload_removed_at = now() where seq = 12"},
                        AuditVerifier.Kind.PAYLOAD_REMOVED_WITHOUT_RETENTION, 12L),
                new Case("checkpoint edited", new String[] {"update audit_checkpoints set signed_note = replace(signed_note, "
                        + "E'\\n41\\n', E'\\n40\\n'), tree_size = 40 where tree_size = 41"},
                        AuditVerifier.Kind.CHECKPOINT_SIGNATURE, null),
                new Case("key slipped into the registry", new String[] {"insert into audit_signing_keys (vkey, key_name, "
                        + "registered_at, audit_seq) values ('" + strangerKey() + "', 'stranger', now(), 5)"},
                        AuditVerifier.Kind.SIGNING_KEY_NOT_AUDITED, 5L));
        for (Case c : cases) {
            threeCheckpointsPublishedToASinkAgain();
            AuditTestSupport.tamper(db.dataSource(), c.sql());

            AuditVerifier.Report report = verifyHolding();

            assertThat(report.ok()).as(c.name()).isFalse();
            assertThat(report.divergences()).as(c.name()).anySatisfy(d -> {
                assertThat(d.kind()).isEqualTo(c.kind());
                assertThat(d.seq()).isEqualTo(c.seq());
            });
        }
    }

    @Test
    void anEditWithRecomputedHashesUnderAStoredCheckpointIsLocatedToItsInterval() throws Exception {
        rewriteWithHashes(30, Map.of("decision", "APPROVE", "i", 3));

        AuditVerifier.Divergence first = verifyHolding().firstDivergence().orElseThrow();

        assertThat(first.kind()).isEqualTo(AuditVerifier.Kind.HELD_CHECKPOINT_MISMATCH);
        assertThat(first.seq()).isEqualTo(22);
        assertThat(first.lastSeq()).isEqualTo(41);
    }

    private static String strangerKey() {
        return VerifierKey.of("stranger", new byte[32]).encoded();
    }

    private void threeCheckpointsPublishedToASinkAgain() throws Exception {
        trail.close();
        for (Path p : Files.walk(sink).sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(p);
        }
        threeCheckpointsPublishedToASink(sink.getParent());
    }

    private static AuditVerifier.Divergence only(AuditVerifier.Report report, AuditVerifier.Kind kind) {
        assertThat(report.divergences()).extracting(AuditVerifier.Divergence::kind).containsExactly(kind);
        return report.divergences().getFirst();
    }

    /** Blanks a payload the way retention does (trigger on, retention setting on), without any signed event. */
    private void blankAsRetentionWould(long seq) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local hallmark.audit_retention = on");
                s.executeUpdate("update audit_events set payload = '{}'::jsonb, payload_removed_at = now() where seq = " + seq);
            }
            c.commit();
        }
    }

    /**
     * Rewrites one event's payload together with its payload hash and leaf hash, and recomputes the head, as an
     * attacker who knows the hashing rules would.
     */
    private void rewriteWithHashes(long seq, Map<String, Object> payload) throws SQLException {
        String canonical = CanonicalJson.string(payload);
        String payloadSha = EventHashing.payloadSha256(canonical);
        String leaf;
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select event_time, actor, event_type, subject from audit_events where seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                leaf = Hashes.hex(EventHashing.leafHash(seq, rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), payloadSha));
            }
        }
        AuditTestSupport.tamper(db.dataSource(), "update audit_events set payload = '" + canonical + "'::jsonb, "
                + "payload_sha256 = '" + payloadSha + "', leaf_hash = '" + leaf + "' where seq = " + seq);
        recomputeHead();
    }

    private void recomputeHead() throws SQLException {
        AuditTestSupport.recomputeHead(db.dataSource());
    }
}
