/**
 * Splits source documents into {@link io.hallmark.retrieval.chunk.Chunk}s that respect headings and
 * sentences: {@link io.hallmark.retrieval.chunk.Chunker} packs whole sentences up to
 * {@link io.hallmark.retrieval.chunk.ChunkingOptions#maxChars()} and repeats trailing sentences up to
 * {@link io.hallmark.retrieval.chunk.ChunkingOptions#overlapChars()} at the start of the next chunk.
 */
package io.hallmark.retrieval.chunk;
