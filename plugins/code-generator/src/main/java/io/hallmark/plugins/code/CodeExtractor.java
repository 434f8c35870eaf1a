package io.hallmark.plugins.code;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Takes the code out of a model's output: the first fenced block if there is one, else the text itself. */
public final class CodeExtractor {

    private static final Pattern FENCE = Pattern.compile("```([\\w+#-]*)[^\\n]*\\n(.*?)(?:```|\\z)", Pattern.DOTALL);

    private CodeExtractor() {}

    /** The code, and the language named on its fence (or empty). */
    public record Extracted(String code, String fenceLanguage) {}

    public static Extracted extract(String output) {
        Matcher m = FENCE.matcher(output);
        if (m.find()) {
            return new Extracted(stripTrailingBlankLines(m.group(2)), m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return new Extracted(stripTrailingBlankLines(output.strip()), "");
    }

    private static String stripTrailingBlankLines(String s) {
        return s.replaceAll("\\s+\\z", "");
    }
}
