package io.hallmark.core.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure caused by losing the database (server down, restarting, connection broken, pool empty) from one
 * caused by the work itself (a value the database refuses, a constraint, a bug): only the first may be retried without
 * counting against the work, because retrying the second fails the same way forever.
 */
public final class ConnectionLoss {

    /** PostgreSQL's "operator intervention" states: the server shut down, crashed, or is still starting. */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

    private ConnectionLoss() {}

    /** Whether {@code failure}, or any of its causes, is a lost connection to the database. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GONE.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
