package io.hallmark.core.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #FREE_ATTEMPTS} failures for a user name, or
 * {@value #FREE_ATTEMPTS_PER_ADDRESS} from one client address (many users may share an address behind a proxy),
 * each further attempt must wait 2, 4, 8, ... seconds (at most 15 minutes). A success clears the user name's
 * count. Counts live in this node's memory and fade after 15 quiet minutes.
 */
public final class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    static final int FREE_ATTEMPTS_PER_ADDRESS = 30;
    private static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** @throws ThrottledException when the user name or address must wait before trying again */
    public void check(String username, String clientIp) {
        Duration wait = waitFor(key("user", username)).compareTo(waitFor(key("ip", clientIp))) >= 0
                ? waitFor(key("user", username)) : waitFor(key("ip", clientIp));
        if (!wait.isZero() && !wait.isNegative()) {
            throw new ThrottledException(wait);
        }
    }

    public void failed(String username, String clientIp) {
        Instant now = clock.instant();
        for (String key : new String[] {key("user", username), key("ip", clientIp)}) {
            failures.merge(key, new Failures(1, now), (old, one) -> new Failures(fresh(old, now) ? old.count() + 1 : 1, now));
        }
    }

    public void succeeded(String username) {
        failures.remove(key("user", username));
    }

    private Duration waitFor(String key) {
        Failures f = failures.get(key);
        Instant now = clock.instant();
        int free = key.startsWith("ip:") ? FREE_ATTEMPTS_PER_ADDRESS : FREE_ATTEMPTS;
        if (f == null || !fresh(f, now) || f.count() < free) {
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(20, f.count() - free + 1);
        Duration delay = Duration.ofSeconds(seconds).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : Duration.ofSeconds(seconds);
        return Duration.between(now, f.last().plus(delay));
    }

    private static boolean fresh(Failures f, Instant now) {
        return f.last().plus(MAX_DELAY).isAfter(now);
    }

    private static String key(String kind, String value) {
        return kind + ":" + value.toLowerCase(Locale.ROOT);
    }
}
