package io.hallmark.core.security;

import io.hallmark.core.db.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Slows down password guessing: after {@value #FREE_ATTEMPTS} failures for a user name, or
 * {@value #FREE_ATTEMPTS_PER_ADDRESS} from one client address (many users may share an address behind a proxy),
 * each further attempt must wait 2, 4, 8, ... seconds (at most 15 minutes). A success clears the user name's
 * count. Counts fade after 15 quiet minutes.
 *
 * <p>The counts live in PostgreSQL ({@code login_failures}), shared by every node, so an attacker cannot multiply
 * attempts by spreading them over nodes: a failure is one upsert of the user name's and the address's rows (atomic,
 * so failures on several nodes at once all count), a check one indexed read. When the database cannot be reached the
 * throttle cannot know the counts, so sign-in is refused ({@link DatabaseUnavailableException}, 503) rather than let
 * through unthrottled. Times are this node's clock; nodes should keep their clocks in sync (NTP).
 */
public final class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    static final int FREE_ATTEMPTS_PER_ADDRESS = 30;
    private static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** Quiet rows are deleted on this node's first failure and then every this many failures. */
    private static final int PRUNE_EVERY = 256;
    /** The longest key kept: longer user names are cut (they still count, with others sharing the prefix). */
    private static final int MAX_KEY = 200;

    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicLong failuresHere = new AtomicLong();

    public LoginThrottle(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * @throws ThrottledException when the user name or address must wait before trying again
     * @throws DatabaseUnavailableException when the counts cannot be read (sign-in is refused meanwhile)
     */
    public void check(String username, String clientIp) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select key, failures, last_failure from login_failures where key in (?, ?)")) {
            ps.setString(1, key("user", username));
            ps.setString(2, key("ip", clientIp));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int free = rs.getString(1).startsWith("ip:") ? FREE_ATTEMPTS_PER_ADDRESS : FREE_ATTEMPTS;
                    Duration w = waitFor(free, rs.getInt(2), rs.getTimestamp(3).toInstant(), now);
                    if (w.compareTo(wait) > 0) {
                        wait = w;
                    }
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        if (!wait.isZero() && !wait.isNegative()) {
            throw new ThrottledException(wait);
        }
    }

    /**
     * Counts one failure of the user name and of the address, in one statement.
     *
     * @throws DatabaseUnavailableException when it cannot be counted (the attempt is refused all the same)
     */
    public void failed(String username, String clientIp) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into login_failures as f (key, failures, last_failure) values (?, 1, ?), (?, 1, ?)
                    on conflict (key) do update
                       set failures = case when f.last_failure > ? then f.failures + 1 else 1 end,
                           last_failure = greatest(f.last_failure, excluded.last_failure)""")) {
                Timestamp at = Timestamp.from(now);
                ps.setString(1, key("user", username));
                ps.setTimestamp(2, at);
                ps.setString(3, key("ip", clientIp));
                ps.setTimestamp(4, at);
                ps.setTimestamp(5, Timestamp.from(now.minus(MAX_DELAY)));
                ps.executeUpdate();
            }
            if (failuresHere.getAndIncrement() % PRUNE_EVERY == 0) {
                try (PreparedStatement ps = c.prepareStatement("delete from login_failures where last_failure < ?")) {
                    ps.setTimestamp(1, Timestamp.from(now.minus(MAX_DELAY)));
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Clears the user name's count (the address's count stays: other names may be guessed from it). */
    public void succeeded(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("delete from login_failures where key = ?")) {
            ps.setString(1, key("user", username));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** How long an attempt must still wait after {@code failures} failures, the last at {@code last}. */
    static Duration waitFor(int free, int failures, Instant last, Instant now) {
        if (!last.plus(MAX_DELAY).isAfter(now) || failures < free) {
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(20, failures - free + 1);
        Duration delay = Duration.ofSeconds(seconds).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : Duration.ofSeconds(seconds);
        return Duration.between(now, last.plus(delay));
    }

    private static DatabaseUnavailableException unavailable(SQLException e) {
        return new DatabaseUnavailableException("Sign-in is refused while the database cannot be reached: the "
                + "failed-login counts every node shares are kept there (" + e.getMessage() + "); try again shortly", e);
    }

    private static String key(String kind, String value) {
        String key = kind + ":" + value.toLowerCase(Locale.ROOT);
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }
}
