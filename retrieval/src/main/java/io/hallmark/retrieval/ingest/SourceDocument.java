package io.hallmark.retrieval.ingest;

import io.hallmark.api.input.TextInput;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One source as read from a file or a record, before chunking.
 *
 * @param id stable source id; re-ingesting the same id replaces its chunks
 * @param title a title (file name, HTML title, record title); may be empty
 * @param sections the text, split at headings
 * @param metadata flat string metadata, filterable at search time
 */
public record SourceDocument(String id, String title, List<Section> sections, Map<String, String> metadata) {

    public SourceDocument {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("A source id must not be blank; give every document an id");
        }
        title = title == null ? "" : title;
        sections = List.copyOf(sections);
        metadata = Map.copyOf(metadata);
    }

    /** A document of one untitled section. */
    public static SourceDocument of(String id, String title, String text, Map<String, String> metadata) {
        return new SourceDocument(id, title, List.of(new Section(null, text)), metadata);
    }

    /** Whether the document has no text at all (only whitespace). */
    public boolean isBlank() {
        return sections.stream().allMatch(s -> s.text().isBlank());
    }

    /**
     * This document with NUL, unpaired surrogates and control characters other than tab and line breaks removed
     * from every field ({@link TextInput#clean}), and how many characters that removed in all.
     */
    public Cleaned cleaned() {
        int[] removed = {0};
        java.util.function.UnaryOperator<String> clean = text -> {
            TextInput.Cleaned c = TextInput.clean(text);
            removed[0] += c.removed();
            return c.text();
        };
        String cleanId = clean.apply(id);
        String cleanTitle = clean.apply(title);
        List<Section> cleanSections = sections.stream().map(s -> new Section(
                s.heading() == null ? null : clean.apply(s.heading()), clean.apply(s.text()))).toList();
        Map<String, String> cleanMetadata = new java.util.LinkedHashMap<>();
        metadata.forEach((k, v) -> cleanMetadata.put(clean.apply(k), clean.apply(v)));
        if (removed[0] == 0) {
            return new Cleaned(this, 0);
        }
        return new Cleaned(new SourceDocument(cleanId.isBlank() ? "unnamed" : cleanId, cleanTitle, cleanSections,
                cleanMetadata), removed[0]);
    }

    /** A document made storable, and how many characters that removed. */
    public record Cleaned(SourceDocument document, int removed) {}

    /** The total length of the text in characters. */
    public long length() {
        return sections.stream().mapToLong(s -> s.text().length()).sum();
    }
}
