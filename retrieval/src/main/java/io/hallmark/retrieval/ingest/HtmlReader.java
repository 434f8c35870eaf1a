package io.hallmark.retrieval.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML (parsed with jsoup): scripts, styles and navigation are dropped; {@code h1}-{@code h6} start sections;
 * block elements become paragraphs. The title is the {@code <title>}, else the first {@code h1}.
 */
public final class HtmlReader implements DocumentReader {

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "pre", "blockquote", "tr", "dd", "dt",
            "section", "article", "table", "ul", "ol", "br", "figcaption");

    @Override
    public List<String> extensions() {
        return List.of("html", "htm", "xhtml");
    }

    @Override
    public List<SourceDocument> read(Path file, String sourceId, Consumer<Skip> skips) throws IOException {
        String html = TextDecoding.utf8(Files.readAllBytes(file), sourceId);
        return List.of(parse(sourceId, file.getFileName().toString(), html));
    }

    /** Parses an HTML page into a document. */
    public static SourceDocument parse(String sourceId, String fallbackTitle, String html) {
        Document page = Jsoup.parse(html);
        page.select("script, style, noscript, nav, header > nav, footer, template, svg").remove();
        String title = page.title().strip();
        if (title.isEmpty()) {
            Element h1 = page.selectFirst("h1");
            title = h1 != null ? h1.text().strip() : fallbackTitle;
        }
        Collector collector = new Collector();
        NodeTraversor.traverse(collector, page.body());
        collector.flush();
        return new SourceDocument(sourceId, title, collector.sections, Map.of("format", "html"));
    }

    private static final class Collector implements NodeVisitor {
        final List<Section> sections = new ArrayList<>();
        @Nullable String heading;
        final StringBuilder body = new StringBuilder();
        @Nullable StringBuilder headingText;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e && HEADINGS.contains(e.normalName())) {
                flush();
                headingText = new StringBuilder();
            } else if (node instanceof TextNode t) {
                StringBuilder target = headingText != null ? headingText : body;
                target.append(t.text());
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                if (HEADINGS.contains(e.normalName()) && headingText != null) {
                    heading = headingText.toString().strip().replaceAll("\\s+", " ");
                    headingText = null;
                } else if (BLOCKS.contains(e.normalName())) {
                    body.append("\n\n");
                } else if ("td".equals(e.normalName()) || "th".equals(e.normalName())) {
                    body.append(' ');
                }
            }
        }

        void flush() {
            String text = body.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                    .replaceAll(" *\\n *", "\n").replaceAll("\\n{3,}", "\n\n").strip();
            if (!text.isEmpty() || heading != null) {
                sections.add(new Section(heading, text));
            }
            body.setLength(0);
        }
    }
}
