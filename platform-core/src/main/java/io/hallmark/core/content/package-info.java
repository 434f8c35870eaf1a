/**
 * Kept content as people browse and review it: {@link io.hallmark.core.content.ContentCatalog} searches items with
 * their governance reports, runs the review queue (approve, reject, edit with a comment; each decision audited in
 * the same transaction) and aggregates the dashboard's figures.
 */
@NullMarked
package io.hallmark.core.content;

import org.jspecify.annotations.NullMarked;
