package io.hallmark.retrieval.ingest;

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

    /** The total length of the text in characters. */
    public long length() {
        return sections.stream().mapToLong(s -> s.text().length()).sum();
    }
}
