package io.hallmark.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.hallmark.api.HallmarkException;
import io.hallmark.core.db.Database;
import io.hallmark.core.db.DatabaseSettings;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.search.SearchHit;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import io.hallmark.retrieval.search.VersionedHits;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes that fail, and followers: a write that fails in the middle of its PostgreSQL transaction on one node leaves
 * no change behind (no sequence number used, nothing applied anywhere), so the followers on every node neither wait
 * for it nor skip past it, and a write queued behind it on another node gets the next number; a change that a node
 * cannot apply stops only that knowledge base on that node, at the change before it, without holding up the others.
 * Three {@link KnowledgeBases} with their own folders on one database stand for three nodes; the failure is a real
 * PostgreSQL error raised inside the write transaction (a trigger), not a mock.
 */
@ExtendWith(PostgresExtension.class)
class FailedKnowledgeWriteTest {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Database db;
    private final DatabaseSettings settings;
    private final List<HikariDataSource> pools = new ArrayList<>();

    @TempDir
    Path tmp;

    FailedKnowledgeWriteTest(Database db, DatabaseSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    /** A node: its own folder and, as a server has, its own connection pool (a follower holds one connection). */
    private KnowledgeBases node(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(6);
        config.setPoolName("node-" + name);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        KnowledgeBases node = new KnowledgeBases(tmp.resolve(name), pool, name, true);
        node.follow(POLL);
        return node;
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    private static SourceDocument doc(String id, String text) {
        return SourceDocument.of(id, id, text, Map.of());
    }

    @Test
    void aWriteThatFailsMidTransactionNeitherStallsNorSkipsTheFollowers() throws Exception {
        try (KnowledgeBases a = node("a"); KnowledgeBases b = node("b"); KnowledgeBases c = node("c")) {
            KnowledgeBase onA = a.open("failing");
            onA.ingest(List.of(doc("lighthouses", "A lighthouse is a tower that guides ships at sea."),
                    doc("glaciers", "Glaciers are slowly moving masses of ice.")), IngestListener.NONE);
            assertThat(onA.appliedSequence()).isEqualTo(2);
            // B and C have rebuilt their indexes from the record (their first sight of it) and follow it
            await(() -> sequenceOn(b, "failing") == 2 && sequenceOn(c, "failing") == 2 ? true : null);

            // the chunks of source 'poison' make PostgreSQL fail the transaction, after the source before it was
            // written in the same transaction, and only once another write waits for the knowledge base's row lock
            // (at most 30 s), so that B's write is queued behind the failing one
            sql("""
                    create function fail_poison() returns trigger language plpgsql as $$
                    begin
                      if new.source_id = 'poison' then
                        for i in 1..600 loop
                          perform pg_stat_clear_snapshot();
                          exit when exists (select 1 from pg_stat_activity
                                             where wait_event_type = 'Lock' and query like '%kb_bases%for update%');
                          perform pg_sleep(0.05);
                        end loop;
                        raise exception 'injected failure writing %', new.source_id;
                      end if;
                      return new;
                    end $$""");
            sql("create trigger fail_poison before insert on kb_chunks for each row execute function fail_poison()");
            try {
                CompletableFuture<Throwable> failing = CompletableFuture.supplyAsync(() -> {
                    try {
                        onA.ingest(List.of(doc("rivers", "Rivers carry water from the hills to the sea."),
                                doc("poison", "This source cannot be written.")), IngestListener.NONE);
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                });
                await(() -> sleepingInTrigger() ? true : null); // A holds the knowledge base's row lock now
                KnowledgeBase onB = b.open("failing");
                CompletableFuture<Long> queued = CompletableFuture.supplyAsync(() -> {
                    onB.ingest(List.of(doc("deserts", "Deserts receive very little rain and few plants grow there.")),
                            IngestListener.NONE);
                    return onB.appliedSequence();
                });

                Throwable failure = failing.get();
                assertThat(failure).isInstanceOf(HallmarkException.class)
                        .hasMessageContaining("poison").hasMessageContaining("injected failure");
                assertThat(queued.get()).as("B's write took the number the failed write did not use").isEqualTo(3L);
            } finally {
                sql("drop trigger fail_poison on kb_chunks");
                sql("drop function fail_poison()");
            }
            assertThat(changeLog("failing")).as("gap-free, and nothing of the failed write")
                    .containsExactly("1 put lighthouses", "2 put glaciers", "3 put deserts");

            // every node reaches change 3 (no follower waits for a change that never comes) and finds B's document,
            // and none finds the source the failed transaction wrote before it failed (not even the writer)
            SearchRequest deserts = SearchRequest.of("deserts rain plants", SearchMode.BM25, 3);
            SearchRequest rivers = SearchRequest.of("rivers hills", SearchMode.BM25, 3);
            for (KnowledgeBases node : List.of(a, b, c)) {
                VersionedHits hits = await(() -> {
                    VersionedHits h = searchOn(node, "failing", deserts);
                    return h != null && h.sequence() == 3 ? h : null;
                });
                assertThat(ids(hits.hits())).containsExactly("deserts#0");
                assertThat(ids(node.open("failing").search(rivers))).isEmpty();
            }

            // the same ingest again, once the database accepts it: both sources, numbered after B's change
            assertThat(onA.ingest(List.of(doc("rivers", "Rivers carry water from the hills to the sea."),
                    doc("poison", "This source can be written now.")), IngestListener.NONE).added()).isEqualTo(2);
            assertThat(onA.appliedSequence()).isEqualTo(5);
            VersionedHits onC = await(() -> {
                VersionedHits h = searchOn(c, "failing", rivers);
                return h != null && h.sequence() == 5 ? h : null;
            });
            assertThat(ids(onC.hits())).containsExactly("rivers#0");
            assertThat(changeLog("failing")).containsExactly("1 put lighthouses", "2 put glaciers", "3 put deserts",
                    "4 put rivers", "5 put poison");
        }
    }

    @Test
    void aChangeOneNodeCannotApplyStopsOnlyThatKnowledgeBaseThereAndIsReported() throws Exception {
        try (KnowledgeBases writer = node("w"); KnowledgeBases follower = node("f")) {
            List<String> names = List.of("kb-one", "kb-two", "kb-three");
            for (String name : names) {
                writer.open(name).ingest(List.of(doc("first", "The first document of " + name + " is about ships.")),
                        IngestListener.NONE);
            }
            for (String name : names) {
                await(() -> sequenceOn(follower, name) == 1 ? true : null);
            }

            // a change committed with a chunk no node can read back (a vector of 3 bytes), e.g. from a faulty writer
            try (Connection conn = db.dataSource().getConnection()) {
                conn.setAutoCommit(false);
                try (PreparedStatement s = conn.prepareStatement("""
                        update kb_bases set sequence = 2 where name = 'kb-two'""")) {
                    s.executeUpdate();
                }
                try (PreparedStatement s = conn.prepareStatement("""
                        insert into kb_documents (kb, source_id, source_hash, title, chunk_count, sequence)
                        values ('kb-two', 'broken', 'hash', 'Broken', 1, 2)""")) {
                    s.executeUpdate();
                }
                try (PreparedStatement s = conn.prepareStatement("""
                        insert into kb_chunks (kb, source_id, position, title, text, metadata, vector)
                        values ('kb-two', 'broken', 0, 'Broken', 'A broken chunk about ships.', '{}'::jsonb, ?)""")) {
                    s.setBytes(1, new byte[] {1, 2, 3});
                    s.executeUpdate();
                }
                try (PreparedStatement s = conn.prepareStatement("""
                        insert into kb_changes (kb, sequence, operation, source_id, source_hash, node)
                        values ('kb-two', 2, 'put', 'broken', 'hash', 'faulty')""")) {
                    s.executeUpdate();
                }
                try (Statement s = conn.createStatement()) {
                    s.execute("select pg_notify('kb_changes', 'kb-two:2')");
                }
                conn.commit();
            }
            // later ingests into every knowledge base; in kb-two the record commits it, but the writer's own index
            // cannot get past the broken change either, and the ingest says so
            for (String name : names) {
                List<SourceDocument> second = List.of(doc("second", "The second document of " + name
                        + " is about ice."));
                if (name.equals("kb-two")) {
                    assertThatThrownBy(() -> writer.open(name).ingest(second, IngestListener.NONE))
                            .hasMessageContaining("not a multiple of 4");
                } else {
                    writer.open(name).ingest(second, IngestListener.NONE);
                }
            }
            assertThat(changeLog("kb-two")).containsExactly("1 put first", "2 put broken", "3 put second");

            // the follower stops kb-two at change 1 (it neither skips the change it cannot read nor reports a
            // version it does not hold), follows the other two, and says why in its problems (health: DEGRADED)
            await(() -> sequenceOn(follower, "kb-one") == 2 && sequenceOn(follower, "kb-three") == 2 ? true : null);
            Map<String, String> problems = await(() -> follower.problems().containsKey("kb-two")
                    ? follower.problems() : null);
            assertThat(problems.get("kb-two")).contains("after change 1").contains("not a multiple of 4");
            assertThat(follower.open("kb-two").appliedSequence()).isEqualTo(1);
            assertThat(ids(follower.open("kb-two").search(SearchRequest.of("ice", SearchMode.BM25, 3)))).isEmpty();
            assertThat(follower.problems()).doesNotContainKeys("kb-one", "kb-three");

            // once the record is mended the follower resumes at the change it stopped at, and the problem is gone
            try (Connection conn = db.dataSource().getConnection(); PreparedStatement s = conn.prepareStatement(
                    """
                    update kb_chunks set vector = (select vector from kb_chunks
                                                    where kb = 'kb-two' and source_id = 'first' and position = 0)
                     where kb = 'kb-two' and source_id = 'broken'""")) {
                s.executeUpdate();
            }
            await(() -> sequenceOn(follower, "kb-two") == 3 ? true : null);
            assertThat(ids(follower.open("kb-two").search(SearchRequest.of("ice", SearchMode.BM25, 3))))
                    .containsExactly("second#0");
            assertThat(ids(follower.open("kb-two").search(SearchRequest.of("broken chunk", SearchMode.BM25, 3))))
                    .containsExactly("broken#0");
            await(() -> follower.problems().isEmpty() ? true : null);
            await(() -> sequenceOn(writer, "kb-two") == 3 ? true : null); // the writer's follower catches up too
        }
    }

    private boolean sleepingInTrigger() {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where wait_event = 'PgSleep'")) {
            rs.next();
            return rs.getInt(1) > 0;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> changeLog(String kb) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "select sequence, operation, source_id from kb_changes where kb = ? order by sequence")) {
            s.setString(1, kb);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        return out;
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** The change a node's index of {@code kb} has applied, or -1 while it is not open there (or rebuilding). */
    private static long sequenceOn(KnowledgeBases node, String kb) {
        try {
            return node.open(kb).appliedSequence();
        } catch (KnowledgeBaseRebuildingException e) {
            return -1;
        }
    }

    private static VersionedHits searchOn(KnowledgeBases node, String kb, SearchRequest request) {
        try {
            return node.open(kb).searchVersioned(request);
        } catch (KnowledgeBaseRebuildingException e) {
            return null;
        }
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::chunkId).toList();
    }

    private static <T> T await(Supplier<T> probe) throws InterruptedException {
        for (int i = 0; i < 1200; i++) { // generous: three nodes load their embedders on 2 shared cores
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not reached within 60 s");
    }
}
