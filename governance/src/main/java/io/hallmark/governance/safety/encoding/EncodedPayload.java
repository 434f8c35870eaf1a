package io.hallmark.governance.safety.encoding;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rule on decoded text only ({@link EncodedSpans}): whether it is active code or markup that an attacker hides by
 * encoding it. Plain text never reaches this rule; an encoded run is flagged when its decoding matches one of the
 * {@link #PATTERNS} (case-insensitive). The list is short on purpose: each pattern is an idiom of an attack, not of
 * ordinary code an operator might encode (a JSON web token's claims, a URL, a hash decode to none of them).
 */
public final class EncodedPayload {

    /**
     * A pattern of active code or markup.
     *
     * @param name what it is, as the report names it
     * @param pattern the pattern, matched anywhere in the decoded text
     */
    public record Idiom(String name, Pattern pattern) {}

    private static Idiom idiom(String name, String regex) {
        return new Idiom(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    /** The patterns, by kind: markup and JavaScript, SQL injection, shell, Python. */
    public static final List<Idiom> PATTERNS = List.of(
            // markup and JavaScript
            idiom("script tag", "<\\s*/?\\s*script\\b"),
            idiom("event-handler attribute", "<[^>]*\\bon[a-z]{4,}\\s*="),
            idiom("javascript: URL", "javascript\\s*:"),
            idiom("alert call", "\\balert\\s*\\("),
            // SQL injection
            idiom("SQL tautology", "'\\s*(?:or|and)\\s+(?:'?\\w+'?\\s*=\\s*'?\\w+|\\w+\\s*\\()"),
            idiom("SQL tautology", "\\(\\s*1\\s*=\\s*1\\s*\\)|\\b1\\s*=\\s*1\\b"),
            idiom("UNION SELECT", "\\bunion\\s+(?:all\\s+)?select\\b"),
            idiom("stacked SQL statement", "[';]\\s*;?\\s*(?:drop|insert|delete|update|truncate|alter)\\s+"
                    + "(?:table|into|from|\\w+\\s+set)\\b"),
            idiom("SQL time delay", "\\b(?:sleep|pg_sleep|benchmark)\\s*\\(\\s*\\d|\\bwaitfor\\s+delay\\b"),
            idiom("SQL EXEC of a string", "\\bexec(?:ute)?\\s*\\(\\s*'"),
            // shell
            idiom("rm -rf", "\\brm\\s+-(?:[a-z]*r[a-z]*f|[a-z]*f[a-z]*r)"),
            idiom("download piped to a shell", "\\b(?:curl|wget)\\b[^|\\n]*\\|\\s*(?:sudo\\s+)?(?:ba|z)?sh\\b"),
            idiom("netcat with -e", "\\bnc(?:at)?\\b[^\\n]*\\s-e\\s"),
            idiom("system call", "\\bsystem\\s*\\(\\s*[\"']"),
            // Python
            idiom("__import__", "__import__\\s*\\("),
            idiom("os.system / os.popen", "\\bos\\s*\\.\\s*(?:system|popen)\\s*\\("),
            idiom("subprocess", "\\bsubprocess\\b"),
            idiom("eval / exec call", "\\b(?:eval|exec)\\s*\\("),
            idiom("socket connect", "\\.connect\\s*\\(\\s*\\("));

    private EncodedPayload() {}

    /** The first idiom the decoded text matches, if any. */
    public static Optional<Idiom> match(String decoded) {
        return PATTERNS.stream().filter(i -> i.pattern().matcher(decoded).find()).findFirst();
    }

    /** Whether the decoded text is active code or markup. */
    public static boolean matches(String decoded) {
        return match(decoded).isPresent();
    }
}
