/**
 * Turns files, folders and JSON Lines records into {@link io.hallmark.retrieval.ingest.SourceDocument}s:
 * {@link io.hallmark.retrieval.ingest.DocumentLoader} walks paths, picks a
 * {@link io.hallmark.retrieval.ingest.DocumentReader} by file extension (text, Markdown, HTML, PDF, JSON
 * Lines) and reports what it had to skip ({@link io.hallmark.retrieval.ingest.Skip}) instead of failing the
 * whole batch.
 */
package io.hallmark.retrieval.ingest;
