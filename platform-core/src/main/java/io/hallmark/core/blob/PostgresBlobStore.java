package io.hallmark.core.blob;

import io.hallmark.api.HallmarkException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The blob store every node shares ({@code blob-store=postgres}, the default): blobs live in PostgreSQL as a
 * row in {@code blobs} (hash, size, chunk count) and chunk rows in {@code blob_chunks} of {@link #DEFAULT_CHUNK_BYTES}
 * each.
 *
 * <p>A write streams its input chunk by chunk into one transaction under a fresh upload id, hashing as it goes,
 * and then inserts the blob row; when a blob with that hash already exists the transaction is rolled back, so the
 * same bytes are kept once and a failed or interrupted write leaves nothing. A read fetches one chunk at a time on
 * a short-lived connection, so an open stream holds neither a whole blob nor a database connection.
 */
public final class PostgresBlobStore implements BlobStore {

    /** Bytes per chunk row. */
    public static final int DEFAULT_CHUNK_BYTES = 1 << 20;

    private final DataSource dataSource;
    private final long maxBlobBytes;
    private final int chunkBytes;

    private PostgresBlobStore(DataSource dataSource, long maxBlobBytes, int chunkBytes) {
        this.dataSource = dataSource;
        this.maxBlobBytes = maxBlobBytes;
        this.chunkBytes = chunkBytes;
    }

    /** A store in the database behind {@code dataSource} (migrated to V70 or later). */
    public static PostgresBlobStore open(DataSource dataSource, long maxBlobBytes) {
        return open(dataSource, maxBlobBytes, DEFAULT_CHUNK_BYTES);
    }

    /** A store writing chunks of {@code chunkBytes}; reads follow whatever chunk size a blob was written with. */
    public static PostgresBlobStore open(DataSource dataSource, long maxBlobBytes, int chunkBytes) {
        if (maxBlobBytes < 1) {
            throw new IllegalArgumentException("maxBlobBytes must be positive, was " + maxBlobBytes);
        }
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("chunkBytes must be positive, was " + chunkBytes);
        }
        return new PostgresBlobStore(dataSource, maxBlobBytes, chunkBytes);
    }

    @Override
    public BlobRef put(InputStream in) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                return write(c, in);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new HallmarkException("Cannot store blob in PostgreSQL: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new HallmarkException("Cannot read the bytes of a blob to store: " + e.getMessage(), e);
        }
    }

    /** Writes the chunks and the blob row on {@code c} and commits, or rolls back when the blob was stored before. */
    private BlobRef write(Connection c, InputStream in) throws SQLException, IOException {
        UUID upload = UUID.randomUUID();
        MessageDigest digest = BlobStore.newSha256();
        byte[] chunk = new byte[chunkBytes];
        long size = 0;
        int chunks = 0;
        try (PreparedStatement insert = c.prepareStatement(
                "insert into blob_chunks (upload_id, seq, data) values (?, ?, ?)")) {
            for (int n; (n = in.readNBytes(chunk, 0, chunkBytes)) > 0; ) {
                size += n;
                if (size > maxBlobBytes) {
                    throw new BlobTooLargeException(maxBlobBytes);
                }
                digest.update(chunk, 0, n);
                insert.setObject(1, upload);
                insert.setInt(2, chunks++);
                insert.setBinaryStream(3, new ByteArrayInputStream(chunk, 0, n), n);
                insert.executeUpdate();
            }
        }
        BlobRef ref = new BlobRef(HexFormat.of().formatHex(digest.digest()), size);
        int inserted;
        try (PreparedStatement blob = c.prepareStatement("insert into blobs (sha256, size_bytes, upload_id, chunk_count)"
                + " values (?, ?, ?, ?) on conflict (sha256) do nothing")) {
            blob.setString(1, ref.sha256());
            blob.setLong(2, size);
            blob.setObject(3, upload);
            blob.setInt(4, chunks);
            inserted = blob.executeUpdate();
        }
        if (inserted == 1) {
            c.commit();
        } else {
            c.rollback(); // the same bytes are stored already: keep that copy
        }
        return ref;
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        BlobRef.requireSha256(sha256);
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "select size_bytes, upload_id, chunk_count from blobs where sha256 = ?")) {
            q.setString(1, sha256);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ChunkStream(sha256, rs.getLong(1), rs.getObject(2, UUID.class), rs.getInt(3)));
            }
        } catch (SQLException e) {
            throw new HallmarkException("Cannot read blob " + sha256 + " from PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean contains(String sha256) {
        BlobRef.requireSha256(sha256);
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select 1 from blobs where sha256 = ?")) {
            q.setString(1, sha256);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new HallmarkException("Cannot look up blob " + sha256 + " in PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Object> describe() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select pg_total_relation_size('blob_chunks')"
                        + ", (select reltuples::bigint from pg_class where oid = to_regclass('blobs'))");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("kind", "postgres");
            details.put("storedBytes", rs.getLong(1));
            details.put("approximateBlobs", Math.max(0, rs.getLong(2)));
            details.put("chunkBytes", chunkBytes);
            return details;
        } catch (SQLException e) {
            throw new HallmarkException("Cannot reach the blob store in PostgreSQL: " + e.getMessage(), e);
        }
    }

    private byte[] chunk(UUID upload, int seq, String sha256) throws IOException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "select data from blob_chunks where upload_id = ? and seq = ?")) {
            q.setObject(1, upload);
            q.setInt(2, seq);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new IOException("Blob " + sha256 + " lacks its chunk " + seq);
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IOException("Cannot read chunk " + seq + " of blob " + sha256 + ": " + e.getMessage(), e);
        }
    }

    /** The bytes of one blob, fetched a chunk at a time; a blob whose chunks do not add up to its size fails. */
    private final class ChunkStream extends InputStream {

        private final String sha256;
        private final long size;
        private final UUID upload;
        private final int chunkCount;
        private byte[] current = new byte[0];
        private int position;
        private int nextSeq;
        private long delivered;
        private boolean closed;

        ChunkStream(String sha256, long size, UUID upload, int chunkCount) {
            this.sha256 = sha256;
            this.size = size;
            this.upload = upload;
            this.chunkCount = chunkCount;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("Stream of blob " + sha256 + " is closed");
            }
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            while (position == current.length) {
                if (nextSeq == chunkCount) {
                    if (delivered != size) {
                        throw new IOException("Blob " + sha256 + " holds " + delivered + " bytes, not " + size);
                    }
                    return -1;
                }
                current = chunk(upload, nextSeq++, sha256);
                position = 0;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            delivered += n;
            return n;
        }

        @Override
        public void close() {
            closed = true;
            current = new byte[0];
        }
    }
}
