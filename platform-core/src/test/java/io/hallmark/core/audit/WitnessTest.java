package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.core.db.Database;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.core.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Hallmark deployments, each with its own database and platform key, each running a witness for the other: every
 * checkpoint is cosigned by the other's witness over real HTTP, with a consistency proof from the last one it saw;
 * a rolled-back or forked log is refused.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WitnessTest {

    private final Database dbA;
    private final Database dbB;
    private Deployment a;
    private Deployment b;
    private Path sinkA;

    WitnessTest(TestPostgres postgres) {
        this.dbA = Database.connect(postgres.freshDatabase("WitnessA"));
        this.dbB = Database.connect(postgres.freshDatabase("WitnessB"));
    }

    /** One deployment: its audit trail, and its witness (key, state, server) for the other's log. */
    record Deployment(AuditTrail trail, PlatformKey witnessKey, CosignerKey cosigner, Path witnessState,
            WitnessServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            trail.close();
        }
    }

    @BeforeEach
    void twoDeploymentsWitnessingEachOther(@TempDir Path dir) throws Exception {
        AuditTestSupport.reset(dbA.dataSource());
        AuditTestSupport.reset(dbB.dataSource());
        PlatformKey keyA = PlatformKey.loadOrCreate(dir.resolve("a/keys"));
        PlatformKey keyB = PlatformKey.loadOrCreate(dir.resolve("b/keys"));
        PlatformKey witnessKeyA = PlatformKey.loadOrCreate(dir.resolve("a/witness-keys"));
        PlatformKey witnessKeyB = PlatformKey.loadOrCreate(dir.resolve("b/witness-keys"));
        CosignerKey cosignerA = CosignerKey.of("witness.a.example/w1", witnessKeyA.verifierKey().rawKey());
        CosignerKey cosignerB = CosignerKey.of("witness.b.example/w1", witnessKeyB.verifierKey().rawKey());
        String originA = new Checkpoints(dbA.dataSource(), keyA, Clock.systemUTC()).origin();
        String originB = new Checkpoints(dbB.dataSource(), keyB, Clock.systemUTC()).origin();
        // A's witness watches B's log and B's witness watches A's
        WitnessServer serverA = WitnessServer.start(new Witness(cosignerA, witnessKeyA, dir.resolve("a/witness"),
                Map.of(originB, List.of(keyB.verifierKey())), Clock.systemUTC()), "127.0.0.1", 0);
        WitnessServer serverB = WitnessServer.start(new Witness(cosignerB, witnessKeyB, dir.resolve("b/witness"),
                Map.of(originA, List.of(keyA.verifierKey())), Clock.systemUTC()), "127.0.0.1", 0);
        AuditTrail trailA = AuditTrail.open(dbA.dataSource(), keyA, AuditSettings.defaults(), Clock.systemUTC(),
                new CheckpointPublisher(List.of(new DirectorySink(dir.resolve("a/sink")))), new Witnessing(
                        dbA.dataSource(), List.of(new WitnessClient(cosignerB, URI.create("http://127.0.0.1:"
                                + serverB.port()))), 1, Clock.systemUTC()));
        AuditTrail trailB = AuditTrail.open(dbB.dataSource(), keyB, AuditSettings.defaults(), Clock.systemUTC(),
                new CheckpointPublisher(List.of()), new Witnessing(dbB.dataSource(), List.of(new WitnessClient(
                        cosignerA, URI.create("http://127.0.0.1:" + serverA.port() + "/"))), 1, Clock.systemUTC()));
        sinkA = dir.resolve("a/sink");
        a = new Deployment(trailA, witnessKeyA, cosignerA, dir.resolve("a/witness"), serverA);
        b = new Deployment(trailB, witnessKeyB, cosignerB, dir.resolve("b/witness"), serverB);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @AfterAll
    void closeDatabases() {
        dbA.close();
        dbB.close();
    }

    private static void append(AuditTrail trail, int n) {
        for (int i = 0; i < n; i++) {
            trail.log().append("alice", "governance.decided", "item-" + i, Map.of("decision", "APPROVE", "i", i));
        }
    }

    @Test
    void eachCheckpointIsCosignedByTheOtherDeploymentsWitnessWithAConsistencyProof() throws Exception {
        append(a.trail(), 5);
        append(b.trail(), 3);
        Checkpoints.Stored a1 = a.trail().checkpoints().create();
        Checkpoints.Stored b1 = b.trail().checkpoints().create();
        append(a.trail(), 1000);
        Checkpoints.Stored a2 = a.trail().checkpoints().create();
        append(a.trail(), 3);
        Checkpoints.Stored a3 = a.trail().checkpoints().create();

        for (Checkpoints.Stored s : List.of(a1, a2, a3)) {
            assertThat(Cosignatures.valid(a.trail().checkpoints().cosignedNote(s), List.of(b.cosigner())))
                    .containsOnlyKeys("witness.b.example/w1");
        }
        assertThat(Cosignatures.valid(b.trail().checkpoints().cosignedNote(b1), List.of(a.cosigner())))
                .containsOnlyKeys("witness.a.example/w1");
        assertThat(a.trail().witnessing().failures()).isEmpty();
        // the sink got the cosigned checkpoint
        assertThat(new DirectorySink(sinkA).latest().orElseThrow()).startsWith(a3.checkpoint().note())
                .contains("\u2014 witness.b.example/w1 ");
        // and the auditor proves the log against what the sink holds, cosignatures and all
        assertThat(a.trail().verifier().verify(null, HeldCheckpoints.read(sinkA)).divergences()).isEmpty();
    }

    @Test
    void theWitnessRefusesARolledBackLog() throws Exception {
        append(a.trail(), 20);
        a.trail().checkpoints().create();
        // the attacker deletes the newest ten events, fixes the head and deletes the checkpoint that showed them
        AuditTestSupport.tamper(dbA.dataSource(), "delete from audit_events where seq > 11",
                "delete from audit_checkpoints where tree_size > 11");
        fixHead(dbA);
        Checkpoints.Stored rolledBack = a.trail().checkpoints().create();

        assertThat(a.trail().checkpoints().cosignedNote(rolledBack)).isEqualTo(rolledBack.checkpoint().note());
        assertThat(a.trail().witnessing().failures().get("witness.b.example/w1")).contains("size 21")
                .contains("rolled back");
        // even asked directly from size 0, the witness answers with the size it saw
        assertThat(post(b.server(), "old 0\n\n" + rolledBack.checkpoint().note()).statusCode()).isEqualTo(409);
        // and the auditor who holds nothing but asks the witness (verify --from-witnesses) locates what was removed
        String cosigned = a.trail().witnessing().witnesses().getFirst().latest(a.trail().checkpoints().origin())
                .orElseThrow();
        AuditVerifier.Divergence rollback = a.trail().verifier().verify(null, List.of(cosigned)).divergences()
                .stream().filter(d -> d.kind() == AuditVerifier.Kind.ROLLBACK).findFirst().orElseThrow();
        assertThat(rollback.seq()).isEqualTo(12);
        assertThat(rollback.lastSeq()).isEqualTo(21);
        assertThat(rollback.message()).contains("events seq 12 to 21 were removed");
    }

    @Test
    void theWitnessRefusesAForkedLogAndKeepsTheEvidence() throws Exception {
        append(a.trail(), 20);
        Checkpoints.Stored seen = a.trail().checkpoints().create();
        // the attacker rewrites event 5 with its hashes and the head; the platform then signs the forked tree
        AuditTestSupport.tamper(dbA.dataSource(), "update audit_events set actor = 'mallory' where seq = 5");
        try (var c = dbA.dataSource().getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("select event_time, event_type, subject, payload_sha256 from audit_events where seq = 5")) {
            rs.next();
            String leaf = Hashes.hex(EventHashing.leafHash(5, rs.getTimestamp(1).toInstant(), "mallory",
                    rs.getString(2), rs.getString(3), rs.getString(4)));
            AuditTestSupport.tamper(dbA.dataSource(), "update audit_events set leaf_hash = '" + leaf + "' where seq = 5");
        }
        fixHead(dbA);
        append(a.trail(), 2);
        Checkpoints.Stored forked = a.trail().checkpoints().create();

        assertThat(a.trail().checkpoints().cosignedNote(forked)).isEqualTo(forked.checkpoint().note());
        assertThat(a.trail().witnessing().failures().get("witness.b.example/w1")).contains("refused (422)");
        assertThat(Files.readString(b.witnessState().resolve("refused.log"))).contains("no consistency from "
                + seen.checkpoint().treeSize());
        // same size, another root: a fork the witness names as such
        Checkpoint sameSize = Checkpoint.sign(seen.checkpoint().origin(), seen.checkpoint().treeSize(), new byte[32],
                Instant.now(), a.trail().key());
        HttpResponse<String> r = post(b.server(), "old " + seen.checkpoint().treeSize() + "\n\n" + sameSize.note());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("forked");
    }

    @Test
    void aCheckpointNotSignedByTheLogsKeyOrOfAnUnknownLogIsRefused(@TempDir Path other) throws Exception {
        append(a.trail(), 3);
        Checkpoints.Stored s = a.trail().checkpoints().create();
        PlatformKey stranger = PlatformKey.loadOrCreate(other);
        Checkpoint forged = Checkpoint.sign(s.checkpoint().origin(), 100, new byte[32], Instant.now(), stranger);
        Checkpoint unknown = Checkpoint.sign("example.com/another-log", 1, new byte[32], Instant.now(), stranger);

        assertThat(post(b.server(), "old 0\n\n" + forged.note()).statusCode()).isEqualTo(403);
        assertThat(post(b.server(), "old 0\n\n" + unknown.note()).statusCode()).isEqualTo(404);
        assertThat(post(b.server(), "old x\n\n" + forged.note()).statusCode()).isEqualTo(400);
    }

    @Test
    void anExportCarriesTheCosignaturesAndTheWitnessPolicyIsChecked(@TempDir Path out) throws Exception {
        append(a.trail(), 4);
        Instant now = Instant.now();
        Path bundle = a.trail().exporter().export(new AuditExporter.Request(now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)), null, null, out.resolve("bundle"), "auditor")).dir();

        WitnessPolicy policy = new WitnessPolicy(List.of(b.cosigner()), 1);
        assertThat(ExportVerifier.verify(bundle, a.trail().key().verifierKey(), List.of(), policy).problems()).isEmpty();
        WitnessPolicy both = new WitnessPolicy(List.of(b.cosigner(), a.cosigner()), 2);
        assertThat(ExportVerifier.verify(bundle, a.trail().key().verifierKey(), List.of(), both).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("cosigned by 1 of the 2 required"));
    }

    @Test
    void theLiveLogsNewestCheckpointIsCheckedAgainstTheWitnessPolicyWithTheStoredCosignatures() throws Exception {
        append(a.trail(), 3);
        a.trail().checkpoints().create(); // cosigned by b's witness and stored in audit_cosignatures

        assertThat(new WitnessPolicy(List.of(b.cosigner()), 1).problemWithLatest(a.trail().checkpoints())).isEmpty();
        assertThat(new WitnessPolicy(List.of(b.cosigner(), a.cosigner()), 2).problemWithLatest(a.trail().checkpoints()))
                .hasValueSatisfying(p -> assertThat(p).contains("cosigned by 1 of the 2 required"));
        // a witness that did not cosign this log (a's own) does not count
        Checkpoints.Stored newest = a.trail().checkpoints().latest().orElseThrow();
        assertThat(new WitnessPolicy(List.of(a.cosigner()), 1).problemWithLatest(a.trail().checkpoints()))
                .hasValueSatisfying(p -> assertThat(p).contains("#" + newest.number())
                        .contains("cosigned by 0 of the 1 required"));
        assertThat(WitnessPolicy.NONE.problemWithLatest(a.trail().checkpoints())).isEmpty();
    }

    @Test
    void theWitnessStateSurvivesARestart() throws Exception {
        append(a.trail(), 6);
        a.trail().checkpoints().create();
        Witness restarted = new Witness(b.cosigner(), b.witnessKey(), b.witnessState(),
                Map.of(a.trail().checkpoints().origin(), List.of(a.trail().key().verifierKey())), Clock.systemUTC());

        assertThat(restarted.latestCosigned(a.trail().checkpoints().origin()).orElseThrow()).contains("\n7\n");
        assertThat(restarted.addCheckpoint("old 0\n\n" + a.trail().checkpoints().latest().orElseThrow().checkpoint()
                .note()).body()).isEqualTo("7\n");
    }

    private static void fixHead(Database db) throws SQLException {
        AuditTestSupport.recomputeHead(db.dataSource());
    }

    private static HttpResponse<String> post(WitnessServer server, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/add-checkpoint")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
