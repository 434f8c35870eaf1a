package io.hallmark.core.db;

import io.hallmark.api.Modality;
import io.hallmark.core.persistence.ContentItem;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link EmbeddedPostgresRecoveryTest}: starts the embedded PostgreSQL on a cluster,
 * commits one row, prints {@code COMMITTED <id> <postmaster pid>} and waits to be killed.
 */
public final class CommitThenHang {

    private CommitThenHang() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), Path.of(args[1]));
        Database db = Database.connect(new DatabaseSettings(server.jdbcUrl(), server.user(), null, 2));
        ContentItem item = new ContentItem(Modality.TEXT, args[2]);
        db.useTransaction(s -> s.persist(item));
        String pid = java.nio.file.Files.readAllLines(Path.of(args[0], "postmaster.pid")).getFirst().trim();
        System.out.println("COMMITTED " + item.id() + " " + pid);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
