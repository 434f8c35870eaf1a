package io.hallmark.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.core.db.Database;
import io.hallmark.core.db.DatabaseUnavailableException;
import io.hallmark.core.testing.PostgresExtension;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The login throttle kept in PostgreSQL: two throttles on one database stand for two nodes. Failures on both add up
 * to one lockout, concurrent failures all count, a success clears the name, counts fade after 15 quiet minutes, and
 * a database that cannot be reached refuses sign-in instead of letting it through unthrottled.
 */
@ExtendWith(PostgresExtension.class)
class LoginThrottleTest {

    private final Database db;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T06:00:00Z"));

    LoginThrottleTest(Database db) {
        this.db = db;
    }

    @Test
    void failuresOnTwoNodesAddUpToOneLockout() {
        LoginThrottle node1 = new LoginThrottle(db.dataSource(), clock);
        LoginThrottle node2 = new LoginThrottle(db.dataSource(), clock);
        for (int i = 0; i < 3; i++) {
            node1.check("mallory", "10.0.0.1");
            node1.failed("mallory", "10.0.0.1");
        }
        for (int i = 0; i < 2; i++) {
            node2.check("Mallory", "10.0.0.2"); // user names count case-insensitively
            node2.failed("Mallory", "10.0.0.2");
        }
        // five failures spread over the nodes: each node alone has fewer than five, together they lock the name out
        assertThatThrownBy(() -> node1.check("mallory", "10.0.0.3")).isInstanceOf(ThrottledException.class)
                .satisfies(e -> assertThat(((ThrottledException) e).retryAfter()).isEqualTo(Duration.ofSeconds(2)));
        assertThatThrownBy(() -> node2.check("mallory", "10.0.0.4")).isInstanceOf(ThrottledException.class);
        assertThatCode(() -> node2.check("alice", "10.0.0.4")).as("another user is not locked out")
                .doesNotThrowAnyException();

        clock.advance(Duration.ofSeconds(3));
        node2.check("mallory", "10.0.0.4");
        node2.failed("mallory", "10.0.0.4"); // the sixth failure doubles the wait
        assertThatThrownBy(() -> node1.check("mallory", "10.0.0.5")).isInstanceOf(ThrottledException.class)
                .satisfies(e -> assertThat(((ThrottledException) e).retryAfter()).isEqualTo(Duration.ofSeconds(4)));

        node1.succeeded("MALLORY");
        assertThatCode(() -> node2.check("mallory", "10.0.0.5")).as("a success clears the name on every node")
                .doesNotThrowAnyException();
    }

    @Test
    void oneAddressGuessingManyNamesIsThrottledAcrossNodes() {
        LoginThrottle node1 = new LoginThrottle(db.dataSource(), clock);
        LoginThrottle node2 = new LoginThrottle(db.dataSource(), clock);
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS; i++) {
            (i % 2 == 0 ? node1 : node2).failed("user" + i, "192.0.2.7");
        }
        assertThatThrownBy(() -> node1.check("somebody-new", "192.0.2.7")).isInstanceOf(ThrottledException.class);
        assertThatCode(() -> node1.check("somebody-new", "192.0.2.8")).doesNotThrowAnyException();
    }

    @Test
    void concurrentFailuresOnBothNodesAllCount() throws Exception {
        LoginThrottle node1 = new LoginThrottle(db.dataSource(), clock);
        LoginThrottle node2 = new LoginThrottle(db.dataSource(), clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                LoginThrottle node = i % 2 == 0 ? node1 : node2;
                done.add(pool.submit(() -> node.failed("eve", "198.51.100.1")));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select key, failures from login_failures where key in "
                        + "('user:eve', 'ip:198.51.100.1') order by key")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ip:198.51.100.1");
            assertThat(rs.getInt(2)).isEqualTo(40);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(2)).as("no failure lost to a race between nodes").isEqualTo(40);
        }
    }

    @Test
    void countsFadeAfterFifteenQuietMinutes() {
        LoginThrottle node = new LoginThrottle(db.dataSource(), clock);
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            node.failed("trudy", "203.0.113.9");
        }
        assertThatThrownBy(() -> node.check("trudy", "203.0.113.10")).isInstanceOf(ThrottledException.class);
        clock.advance(Duration.ofMinutes(16));
        assertThatCode(() -> node.check("trudy", "203.0.113.10")).doesNotThrowAnyException();
        node.failed("trudy", "203.0.113.10");
        assertThatCode(() -> node.check("trudy", "203.0.113.10")).as("counting starts again from one")
                .doesNotThrowAnyException();
    }

    @Test
    void aDatabaseThatCannotBeReachedRefusesSignIn() {
        LoginThrottle node = new LoginThrottle(new DownDataSource(), clock);
        assertThatThrownBy(() -> node.check("alice", "10.1.1.1")).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("Sign-in is refused while the database cannot be reached");
        assertThatThrownBy(() -> node.failed("alice", "10.1.1.1")).isInstanceOf(DatabaseUnavailableException.class);
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A data source whose server is gone: every connection attempt fails as a refused connection does. */
    private static final class DownDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("Connection to localhost:1 refused", "08001");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
