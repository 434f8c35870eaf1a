package io.hallmark.retrieval.index;

/**
 * One source document as the index holds it, for listings.
 *
 * @param id the source id, e.g. {@code guides/sea-level.md}
 * @param title its title (empty when it has none)
 * @param chunks how many live chunks it has
 */
public record IndexedSource(String id, String title, int chunks) {}
