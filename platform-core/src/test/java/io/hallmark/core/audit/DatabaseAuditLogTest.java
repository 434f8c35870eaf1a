package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.core.db.Database;
import io.hallmark.core.db.DatabaseSettings;
import io.hallmark.core.persistence.AuditEvent;
import io.hallmark.core.testing.ChildJvm;
import io.hallmark.core.testing.PostgresExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class DatabaseAuditLogTest {

    private final Database db;
    private final DatabaseSettings settings;

    DatabaseAuditLogTest(Database db, DatabaseSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    @BeforeEach
    void emptyLog() throws SQLException {
        AuditTestSupport.reset(db.dataSource());
    }

    @Test
    void appendReturnsTheEventWithTheNextSequenceNumberAndStoresItsHashes() throws SQLException {
        try (DatabaseAuditLog log = new DatabaseAuditLog(db.dataSource())) {
            AuditEvent first = log.append("alice", "plugin.installed", "example", Map.of("version", "1.0.0"));
            AuditEvent second = log.append("system", "login", null, Map.of());

            assertThat(first.seq()).isEqualTo(1);
            assertThat(second.seq()).isEqualTo(2);
            assertThat(first.payloadSha256()).isEqualTo(Hashes.sha256Hex("{\"version\":\"1.0.0\"}".getBytes()));
        }
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select seq, leaf_hash, payload::text from audit_events order by seq")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).hasSize(64);
            assertThat(rs.getString(3)).isEqualTo("{\"version\": \"1.0.0\"}");
        }
        assertThat(AuditTestSupport.count(db.dataSource(), "select tree_size from audit_head")).isEqualTo(2);
    }

    @Test
    void badEventsAreRejectedBeforeTheyTakeASequenceNumber() throws SQLException {
        try (DatabaseAuditLog log = new DatabaseAuditLog(db.dataSource())) {
            assertThatThrownBy(() -> log.append("", "x.y", null, Map.of())).hasMessageContaining("actor");
            assertThatThrownBy(() -> log.append("a", "Not A Type", null, Map.of())).hasMessageContaining("Not A Type");
            assertThatThrownBy(() -> log.append("a", "x.y", null, Map.of("bad", "\u0000")))
                    .hasMessageContaining("U+0000");
            assertThat(log.append("a", "x.y", null, Map.of()).seq()).isEqualTo(1);
        }
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteAuditEvents() {
        try (DatabaseAuditLog log = new DatabaseAuditLog(db.dataSource())) {
            log.append("alice", "policy.changed", "p1", Map.of("version", 2));
        }
        assertThatThrownBy(() -> sql("update audit_events set actor = 'mallory'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("delete from audit_events")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("truncate audit_events")).hasMessageContaining("append-only");
    }

    @Test
    void eventsAppendedInTheCallersTransactionRollBackWithItAndLeaveNoGap() throws SQLException {
        try (DatabaseAuditLog log = new DatabaseAuditLog(db.dataSource())) {
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                log.appendInTransaction(c, List.of(new DatabaseAuditLog.NewEvent("alice", "governance.decided", "x",
                        Map.of("decision", "APPROVE"))));
                c.rollback();
            }
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                List<AuditEvent> events = log.appendInTransaction(c, List.of(
                        new DatabaseAuditLog.NewEvent("alice", "governance.decided", "y", Map.of("decision", "REJECT"))));
                c.commit();
                assertThat(events.getFirst().seq()).as("the rolled-back event took no number").isEqualTo(1);
            }
            assertThat(log.append("bob", "review.done", "y", Map.of()).seq()).isEqualTo(2);
        }
        assertVerifies();
    }

    @Test
    void theOneStatementWriteGoesTheLongWayWhenAnotherWriterMovedTheHead() throws SQLException {
        try (DatabaseAuditLog a = new DatabaseAuditLog(db.dataSource());
                DatabaseAuditLog b = new DatabaseAuditLog(db.dataSource())) {
            assertThat(a.append("a", "test.a", null, Map.of("i", 0)).seq()).isEqualTo(1); // long way: no head known
            assertThat(a.append("a", "test.a", null, Map.of("i", 1)).seq()).isEqualTo(2); // one statement
            assertThat(a.oneStatementWrites()).isEqualTo(1);
            assertThat(b.append("b", "test.b", null, Map.of("i", 2)).seq()).isEqualTo(3);
            // a's remembered head (size 2) is stale: its statement matches nothing, inserts nothing, goes the long way
            assertThat(a.append("a", "test.a", null, Map.of("i", 3)).seq()).isEqualTo(4);
            assertThat(a.oneStatementWrites()).isEqualTo(1);
            // an append in a transaction that rolls back leaves the head where a last wrote it: one statement again
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                b.appendInTransaction(c, List.of(new DatabaseAuditLog.NewEvent("b", "test.b", null, Map.of("i", 4))));
                c.rollback();
            }
            assertThat(a.append("a", "test.a", null, Map.of("i", 5)).seq()).isEqualTo(5);
            assertThat(a.oneStatementWrites()).isEqualTo(2);
            assertThat(b.append("b", "test.b", null, Map.of("i", 6)).seq()).isEqualTo(6);
        }
        assertThat(AuditTestSupport.count(db.dataSource(), "select count(*) from audit_events")).isEqualTo(6);
        assertVerifies();
    }

    @Test
    void concurrentAppendsFromManyThreadsKeepOneGapFreeOrder() throws Exception {
        for (boolean groupCommit : new boolean[] {true, false}) {
            AuditTestSupport.reset(db.dataSource());
            int threads = 16;
            int perThread = 50;
            List<Long> seqs = Collections.synchronizedList(new ArrayList<>());
            try (DatabaseAuditLog log = new DatabaseAuditLog(db.dataSource(), groupCommit, 100, Clock.systemUTC())) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int id = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            seqs.add(log.append("thread-" + id, "test.concurrent", null, Map.of("i", i)).seq());
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                pool.shutdown();
            }
            long n = (long) threads * perThread;
            assertThat(seqs).as("group commit %s", groupCommit).hasSize((int) n).doesNotHaveDuplicates()
                    .allMatch(s -> s >= 1 && s <= n);
            assertThat(AuditTestSupport.count(db.dataSource(), "select count(*) from audit_events")).isEqualTo(n);
            assertThat(AuditTestSupport.count(db.dataSource(), "select max(seq) from audit_events")).isEqualTo(n);
            assertVerifies();
        }
    }

    @Test
    void appendsFromTwoProcessesInterleaveInOneGapFreeOrder(@TempDir Path tmp) throws Exception {
        int perThread = 100;
        int threads = 4;
        try (DatabaseAuditLog log = new DatabaseAuditLog(db.dataSource());
                ChildJvm child = ChildJvm.start(AppendFromChild.class, List.of("-Xmx256m"), settings.jdbcUrl(),
                        Integer.toString(perThread), Integer.toString(threads))) {
            child.awaitLine("READY"::equals, Duration.ofSeconds(60));
            for (int i = 0; i < 400; i++) {
                log.append("parent", "test.parent", null, Map.of("i", i));
                Thread.sleep(1); // spread the parent's appends over the time the child appends
            }
            child.awaitLine(l -> l.startsWith("APPENDED"), Duration.ofSeconds(120));
            assertThat(child.waitFor(Duration.ofSeconds(30))).isZero();
        }
        assertThat(AuditTestSupport.count(db.dataSource(), "select count(*) from audit_events")).isEqualTo(800);
        assertThat(AuditTestSupport.count(db.dataSource(), "select max(seq) from audit_events")).isEqualTo(800);
        assertThat(AuditTestSupport.count(db.dataSource(), "select count(distinct actor) from audit_events")).isEqualTo(2);
        // the two writers really interleaved: the parent's events do not form one block
        assertThat(AuditTestSupport.count(db.dataSource(), "select count(*) from (select actor, lag(actor) over "
                + "(order by seq) prev from audit_events) x where actor <> prev")).isGreaterThan(1);
        assertVerifies();
    }

    private void assertVerifies() {
        AuditVerifier.Report report = new AuditVerifier(db.dataSource(), TestKeys.key().verifierKey()).verify(null);
        assertThat(report.divergences()).isEmpty();
        assertThat(report.ok()).isTrue();
    }

    private void sql(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
