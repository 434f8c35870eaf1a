package io.hallmark.retrieval.ingest;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A run of text under one heading (or none). Chunks never straddle two sections, so a chunk's heading is
 * always the one its text sits under.
 *
 * @param heading the heading text, or {@code null} for text before any heading
 * @param text the body text, paragraphs separated by blank lines
 */
public record Section(@Nullable String heading, String text) {
    public Section {
        Objects.requireNonNull(text, "text");
    }
}
