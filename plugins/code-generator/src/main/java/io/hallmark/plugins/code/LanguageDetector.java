package io.hallmark.plugins.code;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Guesses the programming language of a snippet from telling constructs (keywords, syntax, shebangs). */
public final class LanguageDetector {

    /** The languages it tells apart. */
    public static final List<String> LANGUAGES = List.of("java", "python", "javascript", "sql", "shell");

    private static final Map<String, List<Pattern>> SIGNS = new LinkedHashMap<>();

    static {
        SIGNS.put("java", patterns("\\bpublic\\s+(final\\s+)?(class|interface|record|enum)\\b", "\\bimport\\s+java\\.",
                "System\\.out\\.println", "\\bprivate\\s+(static\\s+)?(final\\s+)?[A-Z]\\w*(<[^>]*>)?\\s+\\w+\\s*[;=]",
                "\\bvoid\\s+\\w+\\s*\\(", "@Override", "\\bnew\\s+[A-Z]\\w*\\s*\\("));
        SIGNS.put("python", patterns("^\\s*def\\s+\\w+\\s*\\(.*\\)\\s*:", "^\\s*from\\s+\\w+(\\.\\w+)*\\s+import\\b",
                "^\\s*import\\s+\\w+\\s*$", "\\bself\\b", "\\bprint\\(", "^\\s*(if|for|while)\\b.*:\\s*$", "\\bNone\\b"));
        SIGNS.put("javascript", patterns("\\bfunction\\s+\\w*\\s*\\(", "\\b(const|let)\\s+\\w+\\s*=", "=>",
                "console\\.log\\(", "\\brequire\\(", "\\bexport\\s+(default\\s+)?", "document\\."));
        SIGNS.put("sql", patterns("(?i)^\\s*select\\b.+\\bfrom\\b", "(?i)^\\s*insert\\s+into\\b", "(?i)^\\s*create\\s+table\\b",
                "(?i)^\\s*update\\s+\\w+\\s+set\\b", "(?i)\\bwhere\\b.+=", "(?i)^\\s*delete\\s+from\\b"));
        SIGNS.put("shell", patterns("^#!\\s*/(usr/)?bin/(env\\s+)?(ba|z)?sh", "^\\s*(echo|export|cd|sudo|apt-get)\\s",
                "\\$\\{?\\w+\\}?", "^\\s*fi\\s*$", "\\|\\s*grep\\b"));
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(r -> Pattern.compile(r, Pattern.MULTILINE)).toList();
    }

    private LanguageDetector() {}

    /** The most likely language, or {@code unknown} when nothing telling is found. */
    public static String detect(String code) {
        String best = "unknown";
        int bestScore = 0;
        for (Map.Entry<String, List<Pattern>> e : SIGNS.entrySet()) {
            int score = 0;
            for (Pattern p : e.getValue()) {
                if (p.matcher(code).find()) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = e.getKey();
                bestScore = score;
            }
        }
        return best;
    }
}
