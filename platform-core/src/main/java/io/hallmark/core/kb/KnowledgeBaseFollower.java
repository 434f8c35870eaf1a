package io.hallmark.core.kb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's knowledge-base indexes following PostgreSQL: one thread holds a connection that {@code LISTEN}s
 * on {@link PostgresKnowledgeRecord#CHANNEL} and runs a follow round ({@link KnowledgeBases#followRound()}) at each
 * notification and at least every {@code poll} (the fallback when a notification is lost, e.g. while the connection
 * was being re-established). A lost connection is retried after {@code poll}.
 */
final class KnowledgeBaseFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseFollower.class);

    private final KnowledgeBases knowledgeBases;
    private final DataSource dataSource;
    private final Duration poll;
    private final Thread thread;
    private volatile boolean closed;

    private KnowledgeBaseFollower(KnowledgeBases knowledgeBases, DataSource dataSource, Duration poll) {
        this.knowledgeBases = knowledgeBases;
        this.dataSource = dataSource;
        this.poll = poll;
        this.thread = Thread.ofPlatform().name("kb-follower").daemon().unstarted(this::run);
    }

    static KnowledgeBaseFollower start(KnowledgeBases knowledgeBases, DataSource dataSource, Duration poll) {
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("The knowledge-base poll interval must be positive, was " + poll);
        }
        KnowledgeBaseFollower follower = new KnowledgeBaseFollower(knowledgeBases, dataSource, poll);
        follower.thread.start();
        return follower;
    }

    private void run() {
        int waitMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, poll.toMillis()));
        while (!closed) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + PostgresKnowledgeRecord.CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    knowledgeBases.followRound();
                    pg.getNotifications(waitMillis); // returns at the first notification, or after the poll interval
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                log.warn("Following the knowledge-base change log: {}; retrying in {} ms", e.getMessage(), waitMillis);
                sleep(waitMillis);
            }
        }
    }

    private void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
