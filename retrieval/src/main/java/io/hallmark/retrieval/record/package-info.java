/**
 * The record a knowledge base's index can be derived from: when a {@link io.hallmark.retrieval.record.KnowledgeRecord}
 * is attached to a {@link io.hallmark.retrieval.KnowledgeBase}, ingests and deletions are written to the record (one
 * transaction each, numbered by a per-knowledge-base change sequence) instead of the index, and the index follows the
 * record through {@link io.hallmark.retrieval.record.SourceChange}s applied with
 * {@code KnowledgeBase.apply(sequence, changes)}. The platform keeps the record in PostgreSQL so that every node's
 * index is a rebuildable cache of the same knowledge; this package knows nothing of where the record lives.
 */
package io.hallmark.retrieval.record;
