package io.hallmark.core.blob;

import io.hallmark.core.db.Database;
import io.hallmark.core.testing.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ExtendWith;

/** The blob store contract on PostgreSQL (1 KiB chunks, so that blobs span many chunk rows). */
@ExtendWith(PostgresExtension.class)
class PostgresBlobStoreContractTest extends BlobStoreContract {

    private static final int CHUNK = 1024;
    private final Database db;

    PostgresBlobStoreContractTest(Database db) {
        this.db = db;
    }

    @Override
    BlobStore emptyStore(long maxBlobBytes) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from blobs");
        }
        return PostgresBlobStore.open(db.dataSource(), maxBlobBytes, CHUNK);
    }

    @Override
    BlobStore sameBackend() {
        return PostgresBlobStore.open(db.dataSource(), 64L << 20);
    }

    @Override
    long storedUnits() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select (select count(*) from blobs) + (select count(*) from blob_chunks)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    int spanningSize() {
        return 10 * CHUNK + 17;
    }
}
