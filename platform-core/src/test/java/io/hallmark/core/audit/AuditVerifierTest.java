package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.core.db.Database;
import io.hallmark.core.testing.PostgresExtension;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Editing, deleting or reordering one row directly in the database is detected and located. */
@ExtendWith(PostgresExtension.class)
class AuditVerifierTest {

    private final Database db;
    private AuditTrail trail;

    AuditVerifierTest(Database db) {
        this.db = db;
    }

    @BeforeEach
    void twentyEventsWithCheckpointsAtTenAndTwenty() throws SQLException {
        AuditTestSupport.reset(db.dataSource());
        trail = AuditTrail.open(db.dataSource(), TestKeys.key(), AuditSettings.defaults(), Clock.systemUTC());
        List<DatabaseAuditLog.NewEvent> events = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            events.add(new DatabaseAuditLog.NewEvent("alice", "content.approved", "item-" + i,
                    Map.of("decision", "APPROVE", "score", 0.5 + i / 100.0, "i", i)));
        }
        trail.log().appendAll(events);
        trail.checkpoints().create();
        for (int i = 11; i <= 20; i++) {
            trail.log().append("bob", "review.done", "item-" + i, Map.of("decision", "REJECT", "i", i));
        }
        trail.checkpoints().create();
    }

    @AfterEach
    void close() {
        trail.close();
    }

    @Test
    void anUntouchedTrailVerifies() {
        AuditVerifier.Report report = trail.verifier().verify(null);

        assertThat(report.divergences()).isEmpty();
        assertThat(report.ok()).isTrue();
        // 20 events and, at seq 11, the registration of the key that signed the first checkpoint
        assertThat(report.events()).isEqualTo(21);
        assertThat(report.payloadsChecked()).isEqualTo(21);
        assertThat(report.checkpointsChecked()).isEqualTo(2);
        assertThat(report.rootHash()).isEqualTo(trail.checkpoints().latest().orElseThrow().checkpoint().rootHashHex());
    }

    @Test
    void anEditedPayloadIsDetectedAtItsRow() throws SQLException {
        AuditTestSupport.tamper(db.dataSource(),
                "update audit_events set payload = jsonb_set(payload, '{decision}', '\"APPROVE\"') where seq = 13");

        AuditVerifier.Report report = trail.verifier().verify(null);

        assertThat(report.ok()).isFalse();
        AuditVerifier.Divergence first = report.firstDivergence().orElseThrow();
        assertThat(first.kind()).isEqualTo(AuditVerifier.Kind.PAYLOAD_CHANGED);
        assertThat(first.seq()).isEqualTo(13);
        assertThat(first.message()).contains("seq 13");
    }

    @Test
    void anEditedActorIsDetectedAtItsRow() throws SQLException {
        AuditTestSupport.tamper(db.dataSource(), "update audit_events set actor = 'mallory' where seq = 4");

        AuditVerifier.Divergence first = trail.verifier().verify(null).firstDivergence().orElseThrow();

        assertThat(first.kind()).isEqualTo(AuditVerifier.Kind.EVENT_CHANGED);
        assertThat(first.seq()).isEqualTo(4);
    }

    @Test
    void aDeletedRowIsDetectedAsAGapAtItsSequenceNumber() throws SQLException {
        AuditTestSupport.tamper(db.dataSource(), "delete from audit_events where seq = 7");

        AuditVerifier.Report report = trail.verifier().verify(null);

        AuditVerifier.Divergence first = report.firstDivergence().orElseThrow();
        assertThat(first.kind()).isEqualTo(AuditVerifier.Kind.SEQUENCE_GAP);
        assertThat(first.seq()).isEqualTo(7);
        assertThat(first.message()).isEqualTo("Event seq 7 is missing (deleted)");
    }

    @Test
    void deletingTheNewestRowsIsDetectedAgainstTheHeadAndTheCheckpoint() throws SQLException {
        AuditTestSupport.tamper(db.dataSource(), "delete from audit_events where seq > 18");

        AuditVerifier.Report report = trail.verifier().verify(null);

        assertThat(report.ok()).isFalse();
        assertThat(report.divergences()).extracting(AuditVerifier.Divergence::kind)
                .contains(AuditVerifier.Kind.CHECKPOINT_BEYOND_LOG, AuditVerifier.Kind.HEAD_MISMATCH);
        assertThat(report.firstDivergence().orElseThrow().seq()).isEqualTo(19);
    }

    @Test
    void swappingTwoRowsIsDetectedAtTheFirstOfThem() throws SQLException {
        AuditTestSupport.tamper(db.dataSource(),
                "update audit_events set seq = 1000000 where seq = 5",
                "update audit_events set seq = 5 where seq = 6",
                "update audit_events set seq = 6 where seq = 1000000");

        AuditVerifier.Divergence first = trail.verifier().verify(null).firstDivergence().orElseThrow();

        assertThat(first.kind()).isEqualTo(AuditVerifier.Kind.EVENT_CHANGED);
        assertThat(first.seq()).isEqualTo(5);
    }

    @Test
    void anEditWithRecomputedHashesIsCaughtByTheSignedCheckpointAndLocatedToItsRange() throws SQLException {
        // an attacker who knows the hashing rules rewrites seq 15 consistently: payload, payload hash, leaf hash
        String payload = "{\"decision\":\"APPROVE\",\"i\":15}";
        String payloadSha = EventHashing.payloadSha256(payload);
        var row = new Object[1];
        try (var c = db.dataSource().getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("select event_time, actor, event_type, subject from audit_events where seq = 15")) {
            rs.next();
            row[0] = EventHashing.leafHash(15, rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                    rs.getString(4), payloadSha);
        }
        AuditTestSupport.tamper(db.dataSource(), "update audit_events set payload = '" + payload + "', payload_sha256 = '"
                + payloadSha + "', leaf_hash = '" + Hashes.hex((byte[]) row[0]) + "' where seq = 15");

        AuditVerifier.Report report = trail.verifier().verify(null);

        AuditVerifier.Divergence first = report.firstDivergence().orElseThrow();
        assertThat(first.kind()).isEqualTo(AuditVerifier.Kind.CHECKPOINT_ROOT_MISMATCH);
        assertThat(first.seq()).as("the first event after the last matching checkpoint").isEqualTo(12);
        assertThat(first.message()).contains("between seq 12 and 21");
    }

    @Test
    void aForgedCheckpointIsReported() throws SQLException {
        AuditTestSupport.tamper(db.dataSource(), "update audit_checkpoints set signed_note = replace(signed_note, "
                + "E'\\n11\\n', E'\\n10\\n'), tree_size = 10 where tree_size = 11");

        AuditVerifier.Report report = trail.verifier().verify(null);

        assertThat(report.divergences()).extracting(AuditVerifier.Divergence::kind)
                .containsExactly(AuditVerifier.Kind.CHECKPOINT_SIGNATURE);
        assertThat(report.divergences().getFirst().message()).contains("signature");
    }

    @Test
    void verifyingFromACheckpointReDerivesOnlyTheEventsAfterIt() throws SQLException {
        long first = trail.checkpoints().all().getFirst().number();
        AuditVerifier.Report report = trail.verifier().verify(first);

        assertThat(report.ok()).isTrue();
        assertThat(report.payloadsChecked()).isEqualTo(10);
        assertThat(report.fromCheckpoint()).isEqualTo(first);

        AuditTestSupport.tamper(db.dataSource(), "update audit_events set actor = 'mallory' where seq = 17");
        assertThat(trail.verifier().verify(first).firstDivergence().orElseThrow().seq()).isEqualTo(17);
    }
}
