package io.hallmark.plugins.code;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reviewer of generated code should look at: hard-coded secrets, dangerous APIs (process execution,
 * deserialization, dynamic evaluation), SQL built by string concatenation or interpolation, and licence headers
 * (which suggest the model reproduced licensed code).
 */
public final class CodeFindings {

    /** One finding: its kind, severity ({@code high}, {@code medium}, {@code info}), 1-based line and message. */
    public record Finding(String kind, String severity, int line, String message) {

        /** As plain JSON values, for the content's metadata. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", kind);
            m.put("severity", severity);
            m.put("line", line);
            m.put("message", message);
            return m;
        }
    }

    private record Rule(String kind, String severity, Pattern pattern, String message) {}

    private static final List<Rule> RULES = List.of(
            rule("secret", "high", "AKIA[0-9A-Z]{16}", "an AWS access key id"),
            rule("secret", "high", "-----BEGIN (RSA |EC |DSA |OPENSSH )?PRIVATE KEY-----", "a private key"),
            rule("secret", "high", "(?i)\\b(password|passwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token)\\b\\s*[:=]\\s*[\"'][^\"'\\s]{6,}[\"']",
                    "a hard-coded credential"),
            rule("secret", "high", "\\bgh[pousr]_[A-Za-z0-9]{36,}\\b", "a GitHub token"),
            rule("dangerous-api", "high", "Runtime\\.getRuntime\\(\\)\\.exec\\s*\\(|new\\s+ProcessBuilder\\s*\\(",
                    "starts an operating-system process"),
            rule("dangerous-api", "high", "\\bos\\.system\\s*\\(|\\bsubprocess\\.(call|run|Popen|check_output)\\s*\\(",
                    "starts an operating-system process"),
            rule("dangerous-api", "high", "new\\s+ObjectInputStream\\s*\\(|\\.readObject\\s*\\(\\s*\\)|\\bpickle\\.loads?\\s*\\(|\\byaml\\.load\\s*\\(",
                    "deserializes untrusted data"),
            rule("dangerous-api", "medium", "(?<![.\\w])eval\\s*\\(|\\bexec\\s*\\(|new\\s+Function\\s*\\(",
                    "evaluates code built at run time"),
            rule("sql-injection", "high",
                    "(?i)(\"[^\"]*\\b(select\\s.+\\sfrom|insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from)\\b[^\"]*\"|'[^']*\\b(select\\s.+\\sfrom|insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from)\\b[^']*')\\s*\\+",
                    "SQL built by string concatenation; use a prepared statement with parameters"),
            rule("sql-injection", "high",
                    "(?i)\\bf[\"'][^\"']*\\b(select|insert|update|delete)\\b[^\"']*\\{[^}]+\\}|\\.(execute|executeQuery|executeUpdate)\\s*\\(\\s*\"[^\"]*\"\\s*\\+",
                    "SQL built from interpolated values; use query parameters"),
            rule("licence-header", "info", "SPDX-License-Identifier:\\s*\\S+", "an SPDX licence identifier"),
            rule("licence-header", "info", "(?i)licensed under the apache license|gnu (lesser |affero )?general public license|mozilla public license|permission is hereby granted, free of charge",
                    "a licence text: the code may be copied from a licensed source"),
            rule("licence-header", "info", "(?i)copyright\\s+(\\(c\\)|©)?\\s*\\d{4}", "a copyright notice"));

    private static Rule rule(String kind, String severity, String regex, String message) {
        return new Rule(kind, severity, Pattern.compile(regex), message);
    }

    private CodeFindings() {}

    /** Every finding in {@code code}, in line order. */
    public static List<Finding> scan(String code) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Rule rule : RULES) {
                Matcher m = rule.pattern().matcher(lines[i]);
                if (m.find()) {
                    findings.add(new Finding(rule.kind(), rule.severity(), i + 1, rule.message()));
                }
            }
        }
        return findings;
    }
}
