package io.hallmark.retrieval.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Markdown: sections start at ATX headings ({@code #} to {@code ######}); the first level-1 heading is the
 * title. Inline markup (emphasis, links, images, code ticks) is reduced to its text; fenced code stays as text.
 */
public final class MarkdownReader implements DocumentReader {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|_|`)(\\S(?:.*?\\S)?)\\1");

    @Override
    public List<String> extensions() {
        return List.of("md", "markdown");
    }

    @Override
    public List<SourceDocument> read(Path file, String sourceId, Consumer<Skip> skips) throws IOException {
        String text = TextDecoding.utf8(Files.readAllBytes(file), sourceId);
        return List.of(parse(sourceId, file.getFileName().toString(), text));
    }

    /** Parses Markdown text into a document; {@code fallbackTitle} is used when there is no level-1 heading. */
    public static SourceDocument parse(String sourceId, String fallbackTitle, String markdown) {
        List<Section> sections = new ArrayList<>();
        String title = null;
        @Nullable String heading = null;
        StringBuilder body = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\\R", -1)) {
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = fenced ? null : HEADING.matcher(line);
            if (m != null && m.matches()) {
                flush(sections, heading, body);
                heading = inline(m.group(2));
                if (title == null && m.group(1).length() == 1) {
                    title = heading;
                }
                continue;
            }
            body.append(fenced ? line : inline(line)).append('\n');
        }
        flush(sections, heading, body);
        return new SourceDocument(sourceId, title == null ? fallbackTitle : title, sections, Map.of("format", "markdown"));
    }

    private static void flush(List<Section> sections, @Nullable String heading, StringBuilder body) {
        String text = body.toString().strip();
        if (!text.isEmpty() || heading != null) {
            sections.add(new Section(heading, text));
        }
        body.setLength(0);
    }

    private static String inline(String line) {
        String s = IMAGE.matcher(line).replaceAll("$1");
        s = LINK.matcher(s).replaceAll("$1");
        s = EMPHASIS.matcher(s).replaceAll("$2");
        return s.replaceFirst("^\\s*(?:[-*+]|\\d+[.)])\\s+", "").replaceFirst("^\\s*>\\s?", "");
    }
}
