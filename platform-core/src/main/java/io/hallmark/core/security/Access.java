package io.hallmark.core.security;

import io.hallmark.core.persistence.Role;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what: users, console sessions, API tokens and the local command line's token, resolved into a
 * {@link Principal} for each request.
 */
public final class Access {

    private final UserService users;
    private final SessionService sessions;
    private final ApiTokenService tokens;
    private volatile @Nullable LocalCliToken localCli;

    public Access(UserService users, SessionService sessions, ApiTokenService tokens) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    public UserService users() {
        return users;
    }

    public SessionService sessions() {
        return sessions;
    }

    public ApiTokenService tokens() {
        return tokens;
    }

    /** Accepts the local command line's token (a server calls this at start). */
    public void acceptLocalCli(LocalCliToken token) {
        this.localCli = token;
    }

    /** The principal behind an {@code Authorization: Bearer} value. */
    public Optional<Principal> bearer(String token) {
        LocalCliToken cli = localCli;
        if (cli != null && cli.matches(token)) {
            return Optional.of(new Principal(null, "cli:" + System.getProperty("user.name", "local"), Set.of(Role.ADMIN),
                    Principal.Via.LOCAL_CLI, null, false));
        }
        return tokens.resolve(token);
    }

    /** The principal behind a session cookie. */
    public Optional<Principal> session(String cookieValue) {
        return sessions.resolve(cookieValue);
    }
}
