/**
 * The content-addressed store for large artifacts (images, video, uploads): {@link io.hallmark.core.blob.BlobStore}
 * is the interface; {@link io.hallmark.core.blob.PostgresBlobStore} (default, shared by every node, chunk rows) and
 * {@link io.hallmark.core.blob.LocalBlobStore} (one node's data directory) implement it, and
 * {@link io.hallmark.core.blob.LegacyFallbackBlobStore} puts the shared store in front of a node's former local one.
 */
package io.hallmark.core.blob;
