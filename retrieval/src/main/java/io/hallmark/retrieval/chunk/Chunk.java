package io.hallmark.retrieval.chunk;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A piece of a source that is indexed and retrieved as one unit.
 *
 * @param sourceId the source it came from
 * @param position its 0-based position among the source's chunks
 * @param title the source's title
 * @param heading the heading it sits under, or {@code null}
 * @param text the text
 * @param metadata the source's metadata
 */
public record Chunk(String sourceId, int position, String title, @Nullable String heading, String text,
        Map<String, String> metadata) {

    public Chunk {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(text, "text");
        title = title == null ? "" : title;
        metadata = Map.copyOf(metadata);
    }

    /** The chunk's id: {@code <sourceId>#<position>}. */
    public String id() {
        return sourceId + "#" + position;
    }

    /** The text given to the embedder: title and heading as context, then the text. */
    public String embeddingText() {
        StringBuilder sb = new StringBuilder();
        if (!title.isBlank()) {
            sb.append(title).append(". ");
        }
        if (heading != null && !heading.isBlank() && !heading.equals(title)) {
            sb.append(heading).append(". ");
        }
        return sb.append(text).toString();
    }
}
