package io.hallmark.core.kb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.api.HallmarkException;
import io.hallmark.retrieval.chunk.Chunk;
import io.hallmark.retrieval.index.IndexedChunk;
import io.hallmark.retrieval.record.KnowledgeRecord;
import io.hallmark.retrieval.record.RecordWrite;
import io.hallmark.retrieval.record.SourceChange;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * One knowledge base's record in PostgreSQL (tables {@code kb_documents}, {@code kb_chunks}, {@code kb_passage_vectors}
 * and the change log {@code kb_changes}, V90): what every node's index is derived from.
 *
 * <p>A write takes the row lock of the knowledge base in {@code kb_bases} first, so writes to one knowledge base are
 * serialised across nodes and each change gets the next sequence number, committed in order; each put or delete of a
 * source is one change. The write notifies {@value #CHANNEL} with {@code <kb>:<sequence>} at commit.
 */
public final class PostgresKnowledgeRecord implements KnowledgeRecord {

    /** The channel of change notifications. */
    public static final String CHANNEL = "kb_changes";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final DataSource dataSource;
    private final String kb;
    private final String node;
    private final LongConsumer onCommitted;

    /**
     * @param onCommitted called after a write committed with the new sequence; brings this node's index up to it
     */
    PostgresKnowledgeRecord(DataSource dataSource, String kb, String node, LongConsumer onCommitted) {
        this.dataSource = dataSource;
        this.kb = kb;
        this.node = node;
        this.onCommitted = onCommitted;
    }

    /** The knowledge base's row, if it is registered. */
    static Optional<KbRow> find(DataSource dataSource, String kb) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select embedder, embedder_sha256, dimension, sequence from kb_bases where name = ?")) {
            s.setString(1, kb);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new KbRow(kb, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read knowledge base '" + kb + "'", e);
        }
    }

    /** Registers a knowledge base (a no-op when another node did first) and answers the row in force. */
    static KbRow register(DataSource dataSource, String kb, String embedder, @Nullable String embedderSha256,
            int dimension) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        insert into kb_bases (name, embedder, embedder_sha256, dimension) values (?, ?, ?, ?)
                        on conflict (name) do nothing""")) {
            s.setString(1, kb);
            s.setString(2, embedder);
            s.setString(3, embedderSha256);
            s.setInt(4, dimension);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("register knowledge base '" + kb + "'", e);
        }
        return find(dataSource, kb).orElseThrow();
    }

    /** The names of every registered knowledge base. */
    static List<String> names(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select name from kb_bases order by name");
                ResultSet rs = s.executeQuery()) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw failure("list knowledge bases", e);
        }
    }

    /** Every document's content hash, by source id (what a search cluster's index must hold). */
    Map<String, String> storedHashes() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select source_id, source_hash from kb_documents where kb = ?")) {
            s.setString(1, kb);
            try (ResultSet rs = s.executeQuery()) {
                Map<String, String> out = new java.util.HashMap<>();
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failure("read the sources of knowledge base '" + kb + "'", e);
        }
    }

    /** The knowledge base's change sequence now. */
    long sequence() {
        return find(dataSource, kb).map(KbRow::sequence).orElse(0L);
    }

    @Override
    public Optional<String> storedHash(String sourceId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select source_hash from kb_documents where kb = ? and source_id = ?")) {
            s.setString(1, kb);
            s.setString(2, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read source '" + sourceId + "' of knowledge base '" + kb + "'", e);
        }
    }

    @Override
    public RecordWrite begin() {
        try {
            return new Write();
        } catch (SQLException e) {
            throw failure("start a write to knowledge base '" + kb + "'", e);
        }
    }

    @Override
    public void committed(long sequence) {
        onCommitted.accept(sequence);
    }

    /**
     * The changes after {@code after}, oldest first, at most {@code limit}: a put with the source's chunks as the
     * record holds them, or nothing for a put superseded by a later change (that change carries the source's state).
     *
     * @param sink receives the changes and the sequence after them
     * @return how many changes were read (0 when the index is up to date)
     */
    int changesAfter(long after, int limit, ChangeSink sink) {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                int read = 0;
                List<SourceChange> changes = new ArrayList<>();
                long last = after;
                try (PreparedStatement s = c.prepareStatement("""
                        select ch.sequence, ch.operation, ch.source_id, d.sequence, d.source_hash
                          from kb_changes ch left join kb_documents d on d.kb = ch.kb and d.source_id = ch.source_id
                         where ch.kb = ? and ch.sequence > ? order by ch.sequence limit ?""")) {
                    s.setString(1, kb);
                    s.setLong(2, after);
                    s.setInt(3, limit);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            read++;
                            last = rs.getLong(1);
                            String source = rs.getString(3);
                            if ("delete".equals(rs.getString(2))) {
                                changes.add(new SourceChange.Delete(source));
                            } else if (rs.getObject(4) != null && rs.getLong(4) == rs.getLong(1)) {
                                changes.add(new SourceChange.Put(source, rs.getString(5), List.of()));
                            }
                        }
                    }
                }
                List<SourceChange> full = new ArrayList<>(changes.size());
                for (SourceChange change : changes) {
                    full.add(change instanceof SourceChange.Put put
                            ? new SourceChange.Put(put.sourceId(), put.hash(), chunks(c, put.sourceId()))
                            : change);
                }
                if (read > 0) {
                    sink.accept(last, full);
                }
                return read;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw failure("read the changes of knowledge base '" + kb + "' after " + after, e);
        }
    }

    /** Receives a batch of changes and the sequence after them. */
    @FunctionalInterface
    interface ChangeSink {
        void accept(long sequence, List<SourceChange> changes);
    }

    /**
     * Hands every source the record holds to {@code sink}, from one consistent snapshot, and answers the sequence of
     * that snapshot. {@code total} is told the number of sources first.
     */
    long snapshot(LongConsumer total, Consumer<SourceChange.Put> sink) {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                long sequence;
                try (PreparedStatement s = c.prepareStatement("""
                        select b.sequence, (select count(*) from kb_documents d where d.kb = b.name)
                          from kb_bases b where b.name = ?""")) {
                    s.setString(1, kb);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            throw new HallmarkException("Knowledge base '" + kb + "' is not in the database");
                        }
                        sequence = rs.getLong(1);
                        total.accept(rs.getLong(2));
                    }
                }
                List<String[]> sources = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(
                        "select source_id, source_hash from kb_documents where kb = ? order by source_id")) {
                    s.setString(1, kb);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            sources.add(new String[] {rs.getString(1), rs.getString(2)});
                        }
                    }
                }
                for (String[] source : sources) {
                    sink.accept(new SourceChange.Put(source[0], source[1], chunks(c, source[0])));
                }
                return sequence;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw failure("read knowledge base '" + kb + "'", e);
        }
    }

    private List<IndexedChunk> chunks(Connection c, String sourceId) throws SQLException {
        Map<Integer, Map<String, float[]>> passages = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select position, model, vector from kb_passage_vectors where kb = ? and source_id = ?")) {
            s.setString(1, kb);
            s.setString(2, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    passages.computeIfAbsent(rs.getInt(1), p -> new HashMap<>()).put(rs.getString(2),
                            decode(rs.getBytes(3)));
                }
            }
        }
        List<IndexedChunk> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select position, title, heading, text, metadata::text, vector from kb_chunks
                 where kb = ? and source_id = ? order by position""")) {
            s.setString(1, kb);
            s.setString(2, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int position = rs.getInt(1);
                    Map<String, String> metadata;
                    try {
                        metadata = JSON.readValue(rs.getString(5), STRING_MAP);
                    } catch (JsonProcessingException e) {
                        throw new HallmarkException("The metadata of chunk '" + sourceId + "#" + position
                                + "' in knowledge base '" + kb + "' is not a JSON object of strings", e);
                    }
                    byte[] vector = rs.getBytes(6);
                    out.add(new IndexedChunk(new Chunk(sourceId, position, rs.getString(2), rs.getString(3),
                            rs.getString(4), metadata), vector == null ? null : decode(vector),
                            passages.getOrDefault(position, Map.of())));
                }
            }
        }
        return out;
    }

    /** Float32 little-endian: 4 bytes a dimension. */
    static byte[] encode(float[] vector) {
        ByteBuffer b = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(vector);
        return b.array();
    }

    static float[] decode(byte[] bytes) {
        if (bytes.length % Float.BYTES != 0) {
            throw new HallmarkException("A stored vector has " + bytes.length + " bytes, not a multiple of 4");
        }
        float[] v = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    private static HallmarkException failure(String what, SQLException e) {
        return new HallmarkException("Cannot " + what + " in PostgreSQL: " + e.getMessage(), e);
    }

    /** One transaction holding the knowledge base's row lock. */
    private final class Write implements RecordWrite {

        private final Connection c;
        private final long before;
        private long sequence;
        private boolean done;

        Write() throws SQLException {
            c = dataSource.getConnection();
            try {
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement(
                        "select sequence from kb_bases where name = ? for update")) {
                    s.setString(1, kb);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            throw new HallmarkException("Knowledge base '" + kb + "' is not in the database");
                        }
                        before = rs.getLong(1);
                        sequence = before;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                closeQuietly();
                throw e;
            }
        }

        @Override
        public void put(String sourceId, String hash, List<IndexedChunk> chunks) {
            try {
                removeDocument(sourceId);
                sequence++;
                try (PreparedStatement s = c.prepareStatement("""
                        insert into kb_documents (kb, source_id, source_hash, title, chunk_count, sequence)
                        values (?, ?, ?, ?, ?, ?)""")) {
                    s.setString(1, kb);
                    s.setString(2, sourceId);
                    s.setString(3, hash);
                    s.setString(4, chunks.isEmpty() ? "" : chunks.getFirst().chunk().title());
                    s.setInt(5, chunks.size());
                    s.setLong(6, sequence);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("""
                        insert into kb_chunks (kb, source_id, position, title, heading, text, metadata, vector)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""");
                        PreparedStatement p = c.prepareStatement("""
                        insert into kb_passage_vectors (kb, source_id, position, model, vector)
                        values (?, ?, ?, ?, ?)""")) {
                    for (IndexedChunk indexed : chunks) {
                        Chunk chunk = indexed.chunk();
                        s.setString(1, kb);
                        s.setString(2, sourceId);
                        s.setInt(3, chunk.position());
                        s.setString(4, chunk.title());
                        s.setString(5, chunk.heading());
                        s.setString(6, chunk.text());
                        s.setString(7, JSON.writeValueAsString(new LinkedHashMap<>(chunk.metadata())));
                        s.setBytes(8, indexed.vector() == null ? null : encode(indexed.vector()));
                        s.addBatch();
                        for (var passage : indexed.passageVectors().entrySet()) {
                            p.setString(1, kb);
                            p.setString(2, sourceId);
                            p.setInt(3, chunk.position());
                            p.setString(4, passage.getKey());
                            p.setBytes(5, encode(passage.getValue()));
                            p.addBatch();
                        }
                    }
                    s.executeBatch();
                    p.executeBatch();
                }
                change("put", sourceId, hash);
            } catch (SQLException | JsonProcessingException e) {
                throw new HallmarkException("Cannot write source '" + sourceId + "' to knowledge base '" + kb
                        + "' in PostgreSQL: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean delete(String sourceId) {
            try {
                if (!removeDocument(sourceId)) {
                    return false;
                }
                sequence++;
                change("delete", sourceId, null);
                return true;
            } catch (SQLException e) {
                throw new HallmarkException("Cannot delete source '" + sourceId + "' from knowledge base '" + kb
                        + "' in PostgreSQL: " + e.getMessage(), e);
            }
        }

        private boolean removeDocument(String sourceId) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("delete from kb_documents where kb = ? and source_id = ?")) {
                s.setString(1, kb);
                s.setString(2, sourceId);
                return s.executeUpdate() > 0;
            }
        }

        private void change(String operation, String sourceId, @Nullable String hash) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into kb_changes (kb, sequence, operation, source_id, source_hash, node)
                    values (?, ?, ?, ?, ?, ?)""")) {
                s.setString(1, kb);
                s.setLong(2, sequence);
                s.setString(3, operation);
                s.setString(4, sourceId);
                s.setString(5, hash);
                s.setString(6, node);
                s.executeUpdate();
            }
        }

        @Override
        public long commit() {
            try {
                if (sequence != before) {
                    try (PreparedStatement s = c.prepareStatement("update kb_bases set sequence = ? where name = ?")) {
                        s.setLong(1, sequence);
                        s.setString(2, kb);
                        s.executeUpdate();
                    }
                    try (PreparedStatement s = c.prepareStatement("select pg_notify(?, ?)")) {
                        s.setString(1, CHANNEL);
                        s.setString(2, kb + ":" + sequence);
                        s.execute();
                    }
                }
                c.commit();
                done = true;
                return sequence;
            } catch (SQLException e) {
                throw failure("commit a write to knowledge base '" + kb + "'", e);
            } finally {
                closeQuietly();
            }
        }

        @Override
        public void close() {
            if (!done) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is going away; nothing was committed
                }
                closeQuietly();
            }
        }

        private void closeQuietly() {
            try {
                if (!c.isClosed()) {
                    c.setAutoCommit(true);
                    c.close();
                }
            } catch (SQLException ignored) {
                // closing a broken connection
            }
        }
    }

    /**
     * A knowledge base's row.
     *
     * @param name its name
     * @param embedder the embedding model id, or {@code none}
     * @param embedderSha256 the SHA-256 of the model file, or {@code null} without one
     * @param dimension the vector dimension (0 without an embedder)
     * @param sequence its change sequence
     */
    record KbRow(String name, String embedder, @Nullable String embedderSha256, int dimension, long sequence) {}
}
