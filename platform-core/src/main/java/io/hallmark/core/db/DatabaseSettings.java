package io.hallmark.core.db;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How to reach a PostgreSQL database.
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} URL
 * @param user the user name
 * @param password the password, or {@code null}
 * @param poolSize maximum pooled connections
 */
public record DatabaseSettings(String jdbcUrl, String user, @Nullable String password, int poolSize) {

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)[^/@]*@");

    public DatabaseSettings {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Database URL '" + maskedUrl(jdbcUrl)
                    + "' is not a PostgreSQL JDBC URL; expected jdbc:postgresql://HOST[:PORT]/DATABASE");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("Pool size must be at least 1, was " + poolSize);
        }
    }

    /** The URL with any password in it masked, safe for logs and messages. */
    public String maskedUrl() {
        return maskedUrl(jdbcUrl);
    }

    static String maskedUrl(String url) {
        String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1********");
        return USER_INFO.matcher(masked).replaceAll("$1********@");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + maskedUrl() + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
